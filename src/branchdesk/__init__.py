"""BranchDesk (支部台账): the records of a grassroots Party branch, kept offline."""

__version__ = "0.1.0"
APP_NAME = "BranchDesk"
APP_TITLE = "支部台账"
