"""The Qt widgets of BranchDesk: windows, pages, dialogs and item models."""
