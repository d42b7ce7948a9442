"""Every file location the program uses, in one place (tests point them at a temporary folder)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Assessor"
DB_ENV = "ASSESSOR_DB"
DATA_ENV = "ASSESSOR_DATA_DIR"


def resources_dir() -> Path:
    """The resources folder in a frozen bundle, an installed wheel or an editable checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "resources"
    if installed.is_dir():
        return installed
    checkout = package_dir.parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"the program's resources folder is missing (looked in {installed})")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The database used when none is named; its folder is created when missing."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override)
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "assessor.db"
