"""What a command or the window loads at its start lives as long as its process: the garbage
collector leaves it alone.

A report imports SQLAlchemy, the mapped classes, ReportLab and pikepdf: several hundred
thousand objects, none of them ever garbage. Python's collector walks every one of them again
at each full collection, and a command that allocates as much as laying out pages does sets
off several: a fifth of `assessor report`'s time went there (benchmarks/README.md). So while
a command's modules are imported the collector is off, and once they are, they are set aside
(``gc.freeze``): later collections walk only what the command itself makes.

Only a process started as the program does this (``begin``), never a caller that imports
and runs a command inside its own process (the tests): freezing that caller's objects would
keep its cyclic garbage for good.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_active = False


def begin() -> None:
    """This process is the program itself: what it imports from now on is long-lived."""
    global _active
    _active = True


@contextmanager
def importing() -> Iterator[None]:
    """Import a command's modules inside: no collection meanwhile, set aside afterwards."""
    was_on = hold()
    try:
        yield
    finally:
        settle(was_on)


def hold() -> bool:
    """The collector off, in the program's own process; whether it was on (for ``settle``).

    The window holds it from its start until SQLAlchemy has loaded and the Database is open,
    then settles: what start-up made lives as long as the window, and an export or the
    portfolio page later walks only what it makes itself."""
    if not _active:
        return False
    was_on = gc.isenabled()
    gc.disable()
    return was_on


def settle(was_on: bool) -> None:
    """Set aside everything made so far (``gc.freeze``), and the collector on again if it was."""
    if not _active:
        return
    gc.freeze()
    if was_on:
        gc.enable()
