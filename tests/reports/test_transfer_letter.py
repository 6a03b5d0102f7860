"""The printed transfer letter (党员组织关系介绍信): stub, letter and receipt on one A4 page."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from branchdesk.core.numerals import letter_number
from branchdesk.reports.fonts import FontSet, MissingGlyphsError, shipped_font
from branchdesk.reports.transfer_letter import LetterTooLongError, render_transfer_letter
from branchdesk.reports.transfer_letter_data import TransferLetter

NUMBER = "（2026）组字第012号"  # as pdftotext reads it, spaces removed
FROM = "中共城关镇第一小学支部委员会"
TO = "中共市人力资源和社会保障局机关委员会"
COMMITTEE = "中共县直属机关工作委员会"


def _letter(**changes: object) -> TransferLetter:
    letter = TransferLetter(
        number=letter_number(2026, 12), name="王晓燕", gender="女", age=34, ethnicity="汉",
        membership="预备", id_number="11010519920301002X", from_organisation=FROM,
        to_organisation=TO, dues_year=2026, dues_month=12, validity_days=30,
        issue_date=dt.date(2026, 11, 26), issuing_committee=COMMITTEE,
        member_phone="13800138000", committee_address="县人民路1号县委大院3号楼205室",
        committee_phone="0731-12345678", committee_fax="0731-12345679",
        committee_postcode="410000", contact="李组织",
    )
    return replace(letter, **changes)  # type: ignore[arg-type]


def _text(path: Path) -> str:
    """The PDF's text as pdftotext reads it, white space removed."""
    raw = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"\s+", "", raw)


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    assert match is not None
    return int(match.group(1))


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("letter") / "介绍信.pdf"
    render_transfer_letter(_letter(), path)
    return path


def test_the_three_parts_are_on_exactly_one_page(printed: Path) -> None:
    assert _pages(printed) == 1
    text = _text(printed)
    assert "中国共产党党员组织关系介绍信（存根）" in text
    assert "中国共产党党员组织关系介绍信（回执）" in text
    assert text.count("中国共产党党员组织关系介绍信") == 3
    assert text.count("沿此线剪开") == 2


def test_the_number_is_printed_on_all_three_parts(printed: Path) -> None:
    assert _text(printed).count(NUMBER) == 3


def test_the_stub_records_who_went_where(printed: Path) -> None:
    text = _text(printed)
    assert f"组织关系由{FROM}转到{TO}。" in text
    assert "开具日期：2026年11月26日" in text


def test_the_letter_reads_like_the_official_form(printed: Path) -> None:
    text = _text(printed)
    assert f"{TO}：" in text
    assert "王晓燕同志（女），34岁，汉族，系中共预备党员，身份证号码11010519920301002X" in text
    assert f"由{FROM}去{TO}，请接转组织关系。" in text
    assert "（盖章）" in text and COMMITTEE in text
    assert "党员联系电话或其他联系方式：13800138000" in text
    assert "党员原所在基层党委通讯地址：县人民路1号县委大院3号楼205室" in text
    assert "邮编：410000" in text


def test_dues_month_and_validity_are_also_in_capitals(printed: Path) -> None:
    text = _text(printed)
    assert "党费已交到2026年12月（大写：贰零贰陆年壹拾贰月）" in text
    assert "有效期30天，大写：叁拾天" in text
    assert text.count("贰零贰陆年壹拾贰月") == 2  # stub and letter
    assert text.count("叁拾天") == 2


def test_the_receipt_has_its_sentence_seal_handler_phone_and_date(printed: Path) -> None:
    text = _text(printed)
    assert f"{COMMITTEE}：王晓燕同志的党员组织关系已转达我处，特此回复。" in text
    assert "接收党组织（盖章）" in text
    assert "经办人：" in text and "联系电话：" in text
    assert "日期：" in text and "年" in text and "月" in text


def test_fonts_are_embedded(printed: Path) -> None:
    listing = subprocess.run(
        ["pdffonts", str(printed)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing, "no fonts at all"
    for line in listing:  # name type encoding emb sub uni ...
        assert line.split()[-5] == "yes", line


def test_a_valid_letter_is_not_marked_void(printed: Path) -> None:
    assert "作废" not in _text(printed)


def test_a_voided_letter_shows_void_and_the_reason_on_each_part(tmp_path: Path) -> None:
    path = tmp_path / "作废.pdf"
    render_transfer_letter(_letter(voided=True, void_reason="转入单位写错"), path)
    text = _text(path)
    assert _pages(path) == 1
    assert text.count("作废原因：转入单位写错") == 3
    assert text.count("作废") >= 6  # the mark and the reason, three times
    assert text.count(NUMBER) == 3  # a voided letter keeps its number


def test_long_organisation_names_still_fit_one_page(tmp_path: Path) -> None:
    long_name = "中共某某省某某市某某区某某街道某某社区某某小区联合" * 2 + "支部委员会"
    path = tmp_path / "长.pdf"
    render_transfer_letter(
        _letter(from_organisation=long_name, to_organisation=long_name,
                committee_address=long_name),
        path,
    )
    assert _pages(path) == 1
    assert _text(path).count(NUMBER) == 3


def test_a_letter_too_long_for_one_page_is_refused_and_nothing_written(tmp_path: Path) -> None:
    path = tmp_path / "过长.pdf"
    with pytest.raises(LetterTooLongError, match="一张A4纸上印不下"):
        render_transfer_letter(_letter(to_organisation="很长的名称" * 200), path)
    assert not path.exists()


def test_a_character_no_font_has_is_refused_and_nothing_written(tmp_path: Path) -> None:
    only_shipped = FontSet(body=shipped_font(), heading=shipped_font(), fallbacks=())
    path = tmp_path / "生僻字.pdf"
    with pytest.raises(MissingGlyphsError, match="姓名"):
        render_transfer_letter(_letter(name="王\U00020000"), path, fonts=only_shipped)
    assert not path.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"membership": "积极分子"}, "党员类别"), ({"validity_days": 366}, "1至365天"),
     ({"dues_month": 13}, "月份"), ({"voided": True, "void_reason": " "}, "作废原因")],
)
def test_a_letter_with_impossible_fields_cannot_be_made(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        _letter(**changes)
