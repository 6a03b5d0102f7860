"""Our receipt (回执) for a received letter: text, one page, fonts embedded, from the database."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.services import Services
from branchdesk.core.transfers import IncomingInput, OutgoingInput
from branchdesk.core.vocab import Stage
from branchdesk.reports.fonts import MissingGlyphsError
from branchdesk.reports.transfer_print import incoming_receipt
from branchdesk.reports.transfer_receipt import IncomingReceipt, render_incoming_receipt


def _text(path: Path) -> str:
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return re.sub(r"\s+", "", raw)


def test_the_receipt_prints_the_sentence_number_and_seal(tmp_path: Path) -> None:
    path = tmp_path / "回执.pdf"
    render_incoming_receipt(IncomingReceipt(
        "（2026）组字第 088 号", "陈堃", "中共某某市委组织部", "中共测试委员会", "第一党支部",
        "李录入", "0571-12345678", dt.date(2026, 11, 26)), path)
    text = _text(path)
    assert "中国共产党党员组织关系介绍信（回执）" in text
    assert "（2026）组字第088号" in text and "中共某某市委组织部：" in text
    assert "陈堃同志的党员组织关系已转达我处，特此回复。" in text
    assert "中共测试委员会" in text and "（盖章）" in text and "2026年11月26日" in text
    assert "经办人：李录入" in text and "沿此线剪开" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout
    assert "yes" in fonts.splitlines()[2]  # embedded
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+1$", info.stdout, re.MULTILINE)


def test_unprintable_characters_refused_and_nothing_written(tmp_path: Path) -> None:
    path = tmp_path / "回执.pdf"
    with pytest.raises(MissingGlyphsError):
        render_incoming_receipt(IncomingReceipt("1", "\U000f0000", "甲", "乙"), path)
    assert not path.exists()


def test_the_receipt_from_the_database(
    services: Services, clerk: Actor, branch_id: int, add_member: Callable[..., int],
    tmp_path: Path,
) -> None:
    arrived = services.incoming.receive(clerk, IncomingInput(
        "中共丙单位党委", "（2026）组字第 031 号", dt.date(2026, 11, 1), "赵六",
        make_id_number("110105", dt.date(1985, 1, 1), 19), Stage.FULL))
    waiting = incoming_receipt(services, services.transfers.get(arrived), "李录入")
    assert (waiting.receiving_committee, waiting.receiving_branch) == ("中共测试委员会", "")
    services.incoming.place(clerk, arrived, branch_id, join_date=dt.date(2010, 7, 1),
                            full_member_date=dt.date(2011, 7, 1))
    services.incoming.receipt_sent(clerk, arrived, dt.date(2026, 11, 5))
    receipt = incoming_receipt(services, services.transfers.get(arrived), "李录入")
    assert receipt.receiving_branch == "第一党支部" and receipt.date == dt.date(2026, 11, 5)
    assert receipt.sending_organisation == "中共丙单位党委" and receipt.name == "赵六"
    out = services.transfers.issue(clerk, add_member("张三", 13), OutgoingInput(
        "乙", "调动", 2026, 11, dt.date(2026, 11, 20)))
    with pytest.raises(Exception, match="回执由接收党组织填写"):
        incoming_receipt(services, services.transfers.get(out))


def test_a_handed_over_file_gets_a_materials_receipt(tmp_path: Path) -> None:
    path = tmp_path / "回执.pdf"
    render_incoming_receipt(IncomingReceipt(
        "", "钟昊", "邻县公安局治安大队党支部", "中共测试委员会", materials=True), path)
    text = _text(path)
    assert "发展党员材料转递（回执）" in text
    assert "钟昊同志的入党培养教育考察材料已转达我处，特此回复。" in text
    assert "组织关系已转达" not in text and "组字第" not in text
