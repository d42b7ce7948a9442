from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessor.domain import orgnr
from assessor.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("202100-5448", "202100-5448"),  # Skatteverket
        ("2021005448", "202100-5448"),
        (" 202100-6255 ", "202100-6255"),  # Försäkringskassan
        ("16202100-5448", "202100-5448"),  # with the prefix 16 used for organisations
    ],
)
def test_valid_numbers_are_normalised(raw: str, expected: str) -> None:
    assert orgnr.normalise(raw) == expected


@pytest.mark.parametrize("raw", ["202100-5449", "202100-5440", "2021005441"])
def test_wrong_check_digit_is_refused_with_words(raw: str) -> None:
    with pytest.raises(ValidationError, match="check digit") as info:
        orgnr.normalise(raw)
    assert info.value.field == "org_number"


@pytest.mark.parametrize("raw", ["", "abc", "20210-5489", "202100-54890", "2021x0-5489"])
def test_wrong_shape_is_refused(raw: str) -> None:
    with pytest.raises(ValidationError, match="not an organisation number"):
        orgnr.normalise(raw)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_exactly_one_check_digit_is_valid(nine: str) -> None:
    valid = [d for d in range(10) if orgnr.is_valid(nine + str(d))]
    assert valid == [orgnr.luhn_check_digit(nine)]
