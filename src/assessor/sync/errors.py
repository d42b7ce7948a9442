"""Why a package was refused: always before the local database was touched."""

from __future__ import annotations

from assessor.domain.errors import BadInput
from assessor.domain.messages import Detail


class PackageRefused(BadInput):
    """The file is not a package this program can merge safely (damaged, hostile, too new)."""


def unusable(why: str, **params: object) -> PackageRefused:
    """A damaged or forged package: `why` (an English template, a key of
    message_details.DETAILS) is for whoever looks into the file, worded in the user's
    language like the rest of the line."""
    detail = Detail(why, **params)
    return PackageRefused(
        f"not a usable sync package: {detail.english_text()}", code="syncfile.unusable", why=detail
    )
