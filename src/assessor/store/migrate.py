"""Alembic, driven from code (no alembic.ini needed in an installed or frozen program)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def config(path: Path) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    return cfg


def upgrade(path: Path, revision: str = "head") -> None:
    command.upgrade(config(path), revision)


def script_revisions() -> list[str]:
    """Revisions in order from the first to the head."""
    script = ScriptDirectory.from_config(config(Path("unused.db")))
    return [s.revision for s in reversed(list(script.walk_revisions()))]
