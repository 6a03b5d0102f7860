"""档案预审意见: the printed opinion of a whole-file check of development files."""
