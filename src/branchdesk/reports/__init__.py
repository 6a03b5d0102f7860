"""Printed documents: PDF forms and booklets (reportlab, embedded TrueType CJK font)."""
