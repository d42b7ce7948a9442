"""Swedish organisation numbers: ten digits, NNNNNN-NNNN, the last a Luhn check digit."""

from __future__ import annotations

import re

from assessor.domain.errors import ValidationError

_SHAPE = re.compile(r"^(?:16)?(\d{6})-?(\d{4})$")


def luhn_check_digit(digits: str) -> int:
    """The check digit for nine digits (weights 2,1,2,1,... from the left)."""
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n // 10 + n % 10
    return (10 - total % 10) % 10


def normalise(raw: str) -> str:
    """Return NNNNNN-NNNN or raise ValidationError saying what is wrong."""
    text = raw.strip().replace(" ", "")
    m = _SHAPE.match(text)
    if m is None:
        raise ValidationError(
            "org_number",
            f"'{raw.strip()}' is not an organisation number (NNNNNN-NNNN)",
            code="orgnr.shape",
            text=raw.strip(),
        )
    digits = m.group(1) + m.group(2)
    if luhn_check_digit(digits[:9]) != int(digits[9]):
        raise ValidationError(
            "org_number",
            f"the check digit of {digits[:6]}-{digits[6:]} is wrong",
            code="orgnr.check_digit",
            number=f"{digits[:6]}-{digits[6:]}",
        )
    return f"{digits[:6]}-{digits[6:]}"


def is_valid(raw: str) -> bool:
    try:
        normalise(raw)
    except ValidationError:
        return False
    return True
