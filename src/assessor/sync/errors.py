"""Why a package was refused: always before the local database was touched."""

from __future__ import annotations

from assessor.domain.errors import BadInput


class PackageRefused(BadInput):
    """The file is not a package this program can merge safely (damaged, hostile, too new)."""
