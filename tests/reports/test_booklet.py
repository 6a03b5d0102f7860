"""The printed booklet (发展党员全程纪实表): what a clerk and an inspector read in the PDF."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from booklet_sample import ID_NUMBER, NAME, STAGES, sample_booklet
from pypdf import PdfReader

from branchdesk.reports.booklet import render_booklet, render_booklets, save_booklets
from branchdesk.reports.booklet_data import BookletData, Labelled
from branchdesk.reports.fonts import FontSet, MissingGlyphsError, load_face, shipped_font

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _pages(path: Path) -> list[str]:
    """Each page's text with all white space removed (CJK wraps anywhere)."""
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("booklet") / "纪实表.pdf"
    render_booklet(sample_booklet(), path)
    return path, _pages(path)


def test_every_step_the_name_and_the_id_number_are_printed(
    printed: tuple[Path, list[str]],
) -> None:
    text = "".join(printed[1])
    for stage, steps in STAGES:
        assert re.sub(r"\s+", "", stage) in text
        for number, name, article in steps:
            assert f"{number}．{name}" in text
            assert f"依据：{article}" in text
    assert NAME in text and ID_NUMBER in text
    # rare name characters of the people involved come out as themselves
    for name in ("王堃", "赵昇", "刘玥", "陈燚"):
        assert name in text


def test_cover_then_numbered_pages_with_name_and_file_number(
    printed: tuple[Path, list[str]],
) -> None:
    cover, *body = printed[1]
    assert "发展党员全程纪实表" in cover and "（一人一册）" in cover
    assert f"本册正文共{len(body)}页（不含封面）" in cover
    assert "第1页" not in cover
    for number, page in enumerate(body, start=1):
        assert f"第{number}页共{len(body)}页" in page
        assert f"{NAME}档案编号：FZ-2023-0017" in page


def test_history_review_kinds_and_exceptions_are_visible(
    printed: tuple[Path, list[str]],
) -> None:
    text = "".join(printed[1])
    # the returned record stays in the file, marked, next to its correction
    assert "【已更正】推荐和确定入党积极分子" in text
    assert "退回" in text and "推荐人数与推荐票统计表不符" in text
    assert "已更正，同意。" in text
    assert "（纸质审核）" in text
    assert "第1次半年考察" in text and "第2次半年考察" in text
    assert "例外情形理由" in text and "超过三个月，未超过六个月" in text
    assert "党支部书记签字：" in text


def test_checklist_marks_what_is_in_the_file(printed: tuple[Path, list[str]]) -> None:
    text = "".join(printed[1])
    assert "归档材料清单" in text
    assert "规定归档材料（《中国共产党发展党员工作细则》第三十六条）" in text
    assert "常用归档清单（本地常用做法）" in text
    assert re.search("政治审查材料（政审材料）[☑]?有", text)
    assert re.search("自传[☐]?缺待补交", text)
    assert re.search("入党申请书[☑]?有", text)
    assert "共17项，在档16项，缺1项。" in text


def test_empty_steps_and_fields_read_wu(tmp_path: Path) -> None:
    path = tmp_path / "申请人.pdf"
    render_booklet(sample_booklet(through=2), path)
    text = "".join(_pages(path))
    assert "3．推荐和确定入党积极分子依据：第八条无" in text
    assert "25．材料归档依据：第三十六条无" in text
    assert "有关人员无" in text  # step 1 involved nobody


def test_fonts_are_embedded_truetype(printed: tuple[Path, list[str]]) -> None:
    reader = PdfReader(printed[0])
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, name  # embedded TrueType
        assert re.match(r"/[A-Z]{6}\+", name), name  # a subset


def test_a_batch_numbers_each_booklet_from_one(tmp_path: Path) -> None:
    path = tmp_path / "批量.pdf"
    render_booklets([sample_booklet(), sample_booklet(through=2, name="王堃")], path)
    pages = _pages(path)
    second_cover = next(i for i, p in enumerate(pages) if i and "（一人一册）" in p)
    first_total, second_total = second_cover - 1, len(pages) - second_cover - 1
    assert f"第1页共{first_total}页" in pages[1]
    assert f"第1页共{second_total}页" in pages[second_cover + 1]
    assert "王堃档案编号" in pages[second_cover + 1]
    assert second_total < first_total


def test_one_file_per_booklet_named_safely_never_overwriting(tmp_path: Path) -> None:
    odd = replace(sample_booklet(through=1), file_number="FZ/2023:17")
    (tmp_path / "FZ_2023_17_张喆.pdf").write_bytes(b"kept")
    paths = save_booklets([odd, odd, sample_booklet(through=1)], tmp_path)
    assert [p.name for p in paths] == [
        "FZ_2023_17_张喆（2）.pdf", "FZ_2023_17_张喆（3）.pdf", "FZ-2023-0017_张喆.pdf",
    ]
    assert (tmp_path / "FZ_2023_17_张喆.pdf").read_bytes() == b"kept"
    assert all(p.read_bytes().startswith(b"%PDF") for p in paths)


def test_a_stream_target_gets_the_pdf() -> None:
    out = io.BytesIO()
    render_booklet(sample_booklet(through=1), out)
    assert out.getvalue().startswith(b"%PDF")


def test_an_unprintable_character_is_refused_and_nothing_written(tmp_path: Path) -> None:
    only_shipped = FontSet(body=shipped_font(), heading=shipped_font(), fallbacks=())
    path = tmp_path / "out.pdf"
    with pytest.raises(MissingGlyphsError) as raised:
        render_booklet(sample_booklet(name="王𠇔"), path, fonts=only_shipped)
    assert raised.value.characters == {"𠇔"}
    assert "𠇔" in str(raised.value) and "姓名" in str(raised.value)
    assert not path.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans is not installed")
def test_characters_the_body_font_lacks_come_from_a_fallback(tmp_path: Path) -> None:
    dejavu = load_face("Test-DejaVuSans", DEJAVU, 0, "DejaVu Sans")
    assert dejavu is not None
    fonts = FontSet(body=shipped_font(), heading=shipped_font(), fallbacks=(dejavu,))
    path = tmp_path / "fallback.pdf"
    render_booklet(sample_booklet(), path, fonts=fonts)  # DejaVu has ☑ and ☐
    text = "".join(_pages(path))
    assert "自传☐缺" in text and "入党申请书☑有" in text


def _with_extra_fields(data: BookletData, *fields: Labelled) -> BookletData:
    """The booklet with ``fields`` added to the record of step 2."""
    stage = data.stages[0]
    step = stage.steps[1]
    record = replace(step.records[0], fields=step.records[0].fields + fields)
    steps = (stage.steps[0], replace(step, records=(record,)))
    return replace(data, stages=(replace(stage, steps=steps), *data.stages[1:]))


def test_a_value_longer_than_a_page_flows_on_and_markup_is_plain_text(tmp_path: Path) -> None:
    long = "谈话内容很长，" * 900 + "全文完。"
    data = _with_extra_fields(
        sample_booklet(),
        Labelled("补充记录", long),
        Labelled("备考", "a<b>&c\n第二段"),
    )
    path = tmp_path / "long.pdf"
    render_booklet(data, path)
    pages = _pages(path)
    assert len(pages) > len(_pages_of(sample_booklet(), tmp_path)) + 2
    text = "".join(pages)
    assert "谈话内容很长，" * 20 in text and "全文完。" in text
    assert "a<b>&c第二段" in text


def _pages_of(data: BookletData, folder: Path) -> list[str]:
    path = folder / "plain.pdf"
    render_booklet(data, path)
    return _pages(path)
