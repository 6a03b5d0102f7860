"""档案预审 in the GUI: the whole-file check's problems, grouped by member, and their print."""
