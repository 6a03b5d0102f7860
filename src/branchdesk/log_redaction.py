"""Personal data kept out of the log file: ID numbers, phone numbers and SQL parameters."""

from __future__ import annotations

import logging
import re
import traceback

#: an 18-digit 公民身份号码 (the last character may be X), not part of a longer word
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")
#: an 11-digit mobile number, with or without +86
MOBILE = re.compile(r"(?<![0-9A-Za-z+])(?:\+?86[- ]?)?1[3-9]\d{9}(?![0-9A-Za-z])")
#: SQLAlchemy's error text lists the statement's values on a line of their own
SQL_PARAMETERS = re.compile(r"\[parameters: [^\n]*")
ID_MASK, MOBILE_MASK = "[身份证号已隐去]", "[手机号已隐去]"
PARAMETERS_MASK = "[parameters: 已隐去]"


def redact(text: str) -> str:
    """``text`` with SQL parameter lists dropped and ID and mobile numbers masked."""
    text = SQL_PARAMETERS.sub(PARAMETERS_MASK, text)
    text = ID_NUMBER.sub(ID_MASK, text)
    return MOBILE.sub(MOBILE_MASK, text)


class RedactingFilter(logging.Filter):
    """A handler filter that redacts each record's message, traceback and stack."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip())
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
