"""Qt-free rules, vocabulary and services of BranchDesk."""
