import datetime as dt

import pytest

from branchdesk.core.dates import add_months, add_years, age_on
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput, validate_member
from branchdesk.core.phone import PhoneError, normalise_phone
from branchdesk.core.search_keys import name_initials, name_sort_key, search_columns
from branchdesk.core.vocab import Stage

TODAY = dt.date(2026, 11, 26)
ID = make_id_number("110105", dt.date(1980, 5, 1), 13)


def full(**overrides: object) -> MemberInput:
    fields: dict[str, object] = dict(
        name="张三",
        id_number=ID,
        branch_id=1,
        stage=Stage.FULL,
        join_date=dt.date(2005, 7, 1),
        full_member_date=dt.date(2006, 7, 1),
    )
    fields.update(overrides)
    return MemberInput(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2026, 3, 31), 3, dt.date(2026, 6, 30)),
        (dt.date(2026, 3, 31), 6, dt.date(2026, 9, 30)),
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
    ],
)
def test_add_months_clamps_to_month_end(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_add_years_from_29_february() -> None:
    assert add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert add_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)


def test_age_on_birthday_boundary() -> None:
    assert age_on(dt.date(2008, 11, 26), TODAY) == 18
    assert age_on(dt.date(2008, 11, 27), TODAY) == 17


def test_valid_record_fills_birth_and_gender_from_id() -> None:
    cleaned, errors = validate_member(full(), TODAY)
    assert errors == {}
    assert cleaned.birth_date == dt.date(1980, 5, 1)
    assert cleaned.gender == "男"


def test_contradicting_birth_date_and_gender_refused() -> None:
    _, errors = validate_member(full(birth_date=dt.date(1980, 5, 2), gender="女"), TODAY)
    assert "1980年5月1日" in errors["birth_date"]
    assert "男性" in errors["gender"]


def test_invalid_id_refused() -> None:
    _, errors = validate_member(full(id_number=ID[:-1] + ("1" if ID[-1] != "1" else "2")), TODAY)
    assert "校验位" in errors["id_number"]


def test_full_member_needs_one_year_probation() -> None:
    _, errors = validate_member(full(full_member_date=dt.date(2006, 6, 30)), TODAY)
    assert "2006年7月1日" in errors["full_member_date"]
    _, errors = validate_member(full(full_member_date=dt.date(2006, 7, 1)), TODAY)
    assert "full_member_date" not in errors


def test_join_date_needs_age_18() -> None:
    _, errors = validate_member(
        full(join_date=dt.date(1998, 4, 30), full_member_date=None, stage=Stage.PROBATIONARY), TODAY
    )
    assert "年满 18 岁" in errors["join_date"]
    _, errors = validate_member(
        full(join_date=dt.date(1998, 5, 1), full_member_date=None, stage=Stage.PROBATIONARY), TODAY
    )
    assert errors == {}


def test_future_dates_and_stage_consistency() -> None:
    _, errors = validate_member(full(join_date=dt.date(2027, 1, 1)), TODAY)
    assert "不能晚于今天" in errors["join_date"]
    _, errors = validate_member(full(stage=Stage.ACTIVIST, full_member_date=None), TODAY)
    assert "尚未入党" in errors["join_date"]


def test_lost_contact_and_mobile_need_details() -> None:
    _, errors = validate_member(full(lost_contact=True, mobile=True), TODAY)
    assert "失去联系日期" in errors["lost_contact_date"]
    assert "外出流向" in errors["mobile_destination"]


@pytest.mark.parametrize("raw", ["13812345678", "138 1234 5678", "+8613812345678", "0571-87654321"])
def test_valid_phones(raw: str) -> None:
    assert normalise_phone(raw).replace("-", "").isdigit()


@pytest.mark.parametrize("raw", ["1381234567", "12345", "abc", "23812345678"])
def test_invalid_phones(raw: str) -> None:
    with pytest.raises(PhoneError):
        normalise_phone(raw)


def test_pinyin_initials_include_polyphonic_surnames() -> None:
    assert name_initials("张三") == ["zs"]
    assert name_initials("单雄")[0] == "sx"  # 单 as a surname reads shàn
    columns = search_columns("曾喆")
    assert columns.pinyin_initials.split("|")[0] == "zz" and "cz" in columns.pinyin_initials
    assert "zengzhe" in columns.search_key and "曾喆" in columns.search_key


def test_sort_key_uses_surname_readings() -> None:
    names = ["曾明", "陈亮", "单伟", "邵军", "张三"]
    assert sorted(names, key=name_sort_key) == ["陈亮", "单伟", "邵军", "曾明", "张三"]
