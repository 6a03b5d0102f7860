"""What the year's transfer register (党员组织关系转接登记簿) prints, ready to lay out."""

from __future__ import annotations

from dataclasses import dataclass

OUTGOING, INCOMING = "out", "in"
MATERIALS_LABEL = "发展材料转递"


@dataclass(frozen=True)
class RegisterRow:
    """One transfer as a row of the register; an empty text prints as 无."""

    direction: str  # OUTGOING or INCOMING
    state: str  # issued / closed / voided (out); received / placed (in)
    date: str  # issue date (out) or arrival date (in): "2026年3月2日"
    name: str
    standing: str  # 正式 / 预备; for development materials the stage, e.g. 发展对象
    letter_number: str
    from_organisation: str
    to_organisation: str
    dues: str  # 党费交至: "2026年3月"
    validity: str  # 有效期 in days: "30"; empty for an incoming letter
    receipt: str  # out: "2026年3月20日\n经办人 周海燕" or 未收到; in: "2026年3月5日\n已寄回"
    status: str  # 转出中 / 已转出 / 作废 / 待编入 / 已转入
    remark: str = ""  # the reason for the transfer
    void_reason: str = ""  # why a voided letter was voided
    overdue_days: int = 0  # days an outgoing letter is past its validity without a receipt
    materials: bool = False  # 发展材料转递 rather than an introduction letter

    @property
    def overdue(self) -> bool:
        """逾期: past its validity on the print date, and no receipt."""
        return self.overdue_days > 0

    @property
    def status_note(self) -> str:
        """What the status says more: 逾期 N 天, or 作废 with its reason."""
        if self.overdue:
            return f"逾期 {self.overdue_days} 天"
        return f"作废原因：{self.void_reason}" if self.void_reason else ""

    @property
    def direction_label(self) -> str:
        """转出 or 转入."""
        return "转出" if self.direction == OUTGOING else "转入"

    @property
    def number_text(self) -> str:
        """The letter number; 发展材料转递 for development materials, which have none."""
        if self.materials and not self.letter_number:
            return MATERIALS_LABEL
        return self.letter_number


@dataclass(frozen=True)
class RegisterSummary:
    """The year's counts printed under the table."""

    out_total: int
    out_closed: int  # 已收回执
    out_issued: int  # 转出中
    out_overdue: int  # of them 逾期
    out_voided: int
    in_total: int
    in_placed: int  # 已编入
    in_received: int  # 待编入

    def text(self) -> str:
        """The summary as printed: 转出 N 人次，其中……；转入 N 人次，其中……。"""
        overdue = f"（其中逾期 {self.out_overdue}）" if self.out_overdue else ""
        return (
            f"本年度转出 {self.out_total} 人次，其中已收回执 {self.out_closed}，"
            f"转出中 {self.out_issued}{overdue}，作废 {self.out_voided}；"
            f"转入 {self.in_total} 人次，其中已编入 {self.in_placed}，"
            f"待编入 {self.in_received}。"
        )


@dataclass(frozen=True)
class TransferRegister:
    """A year's transfers, in and out, in date order, with the committee that keeps them."""

    committee: str
    year: int
    rows: tuple[RegisterRow, ...]
    printed_on: str = ""  # "2026年11月26日"; overdue letters are as of this day

    @property
    def summary(self) -> RegisterSummary:
        """The counts of the rows by direction and state."""
        out = [r for r in self.rows if r.direction == OUTGOING]
        came = [r for r in self.rows if r.direction == INCOMING]
        return RegisterSummary(
            out_total=len(out),
            out_closed=sum(r.state == "closed" for r in out),
            out_issued=sum(r.state == "issued" for r in out),
            out_overdue=sum(r.overdue for r in out),
            out_voided=sum(r.state == "voided" for r in out),
            in_total=len(came),
            in_placed=sum(r.state == "placed" for r in came),
            in_received=sum(r.state == "received" for r in came),
        )
