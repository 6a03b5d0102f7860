"""Alembic migrations of the BranchDesk schema, shipped inside the package."""
