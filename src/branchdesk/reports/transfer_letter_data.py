"""What an organisation transfer letter (党员组织关系介绍信) prints: one frozen record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from branchdesk.core.numerals import capital_days, capital_dues

#: the two kinds of membership a letter names (系中共正式/预备党员)
MEMBERSHIPS = ("正式", "预备")


@dataclass(frozen=True)
class TransferLetter:
    """The fields of a transfer letter's stub, letter and receipt (domain.md §3).

    ``from_organisation`` is the member's branch; ``issuing_committee`` the
    grassroots committee (基层党委) that issues and seals the letter, whose
    address, phone, fax and postcode are printed on it and to whom the receipt
    goes back. Texts left empty print as blanks to fill in by hand.
    """

    number: str  # （2026）组字第 012 号
    name: str
    gender: str  # 男 / 女
    age: int
    ethnicity: str  # 汉 (printed as 汉族)
    membership: str  # 正式 / 预备
    id_number: str
    from_organisation: str
    to_organisation: str
    dues_year: int  # 党费交到 … 年
    dues_month: int  # … 月
    validity_days: int  # 1–365 (new letters: at most the administrator's maximum)
    issue_date: dt.date
    issuing_committee: str
    member_phone: str = ""
    committee_address: str = ""
    committee_phone: str = ""
    committee_fax: str = ""
    committee_postcode: str = ""
    contact: str = ""  # the committee's contact person for this transfer
    voided: bool = False
    void_reason: str = ""

    def __post_init__(self) -> None:
        if self.membership not in MEMBERSHIPS:
            raise ValueError(f"党员类别应为“正式”或“预备”，现为“{self.membership}”。")
        if self.voided and not self.void_reason.strip():
            raise ValueError("作废的介绍信须写明作废原因。")
        self.capital_dues  # noqa: B018 - refuses a month outside 1–12
        self.capital_days  # noqa: B018 - refuses a validity outside 1–365 days

    @property
    def capital_dues(self) -> str:
        """The dues month in capitals: 贰零贰陆年壹拾贰月."""
        return capital_dues(self.dues_year, self.dues_month)

    @property
    def capital_days(self) -> str:
        """The validity in capitals: 叁拾天."""
        return capital_days(self.validity_days)

    @property
    def ethnicity_text(self) -> str:
        """The ethnic group as the letter prints it: 汉族 (a name given with 族 kept)."""
        text = self.ethnicity.strip()
        return text if not text or text.endswith("族") else f"{text}族"
