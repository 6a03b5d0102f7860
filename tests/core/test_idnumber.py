import datetime as dt

import pytest

from branchdesk.core.idnumber import IdNumberError, check_char, make_id_number, parse_id_number


@pytest.mark.parametrize(
    ("raw", "birth", "gender"),
    [
        ("11010519491231002X", dt.date(1949, 12, 31), "女"),
        ("11010519491231002x", dt.date(1949, 12, 31), "女"),
    ],
)
def test_real_vectors(raw: str, birth: dt.date, gender: str) -> None:
    parsed = parse_id_number(raw)
    assert parsed.value == "11010519491231002X"
    assert parsed.birth_date == birth
    assert parsed.gender == gender


def test_published_vector_checksum() -> None:
    # GB 11643-1999 appendix example and a widely published male example
    assert check_char("11010519491231002") == "X"
    assert check_char("44052418800101001") == "4"


def test_lower_case_x_stored_upper_case() -> None:
    assert parse_id_number(" 11010519491231002x ").value == "11010519491231002X"


def test_full_width_digits_are_normalised() -> None:
    assert parse_id_number("１１０１０５１９４９１２３１００２Ｘ").value == "11010519491231002X"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "请填写"),
        ("1101051949123100", "18 位"),
        ("11010519491231002Y", "最后一位"),
        ("110105194913310021", "不是有效日期"),
        ("110105194912310021", "校验位"),
    ],
)
def test_invalid_numbers_are_refused_in_chinese(raw: str, message: str) -> None:
    with pytest.raises(IdNumberError, match=message):
        parse_id_number(raw)


def test_birth_date_in_future_refused() -> None:
    number = make_id_number("110105", dt.date(2030, 1, 1), 11)
    with pytest.raises(IdNumberError, match="不合理"):
        parse_id_number(number, today=dt.date(2026, 11, 26))


def test_gender_from_sequence_digit() -> None:
    assert parse_id_number(make_id_number("330102", dt.date(1990, 2, 28), 11)).gender == "男"
    assert parse_id_number(make_id_number("330102", dt.date(1990, 2, 28), 12)).gender == "女"


def test_29_february_birth_date() -> None:
    assert parse_id_number(make_id_number("330102", dt.date(2000, 2, 29), 21)).birth_date == (
        dt.date(2000, 2, 29)
    )
    with pytest.raises(IdNumberError, match="不是有效日期"):
        parse_id_number("33010219990229021" + check_char("33010219990229021"))
