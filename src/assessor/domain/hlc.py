"""Hybrid logical clock: wall-clock milliseconds plus a counter, as sortable text.

A stamp is "MMMMMMMMMMMMM-CCCCC": 13 decimal digits of Unix milliseconds and 5 of counter,
so comparing the text compares the clocks. The site id (kept beside the stamp) breaks ties.
The clock never goes backwards even when the wall clock does, and it moves past every stamp
it has seen, so an edit made after seeing another edit always sorts after it.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

PATTERN = re.compile(r"^\d{13}-\d{5}$")
MAX_COUNTER = 99_999
ZERO = "0000000000000-00000"


@dataclass(frozen=True, order=True)
class Hlc:
    millis: int
    counter: int

    def __str__(self) -> str:
        return f"{self.millis:013d}-{self.counter:05d}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        if not PATTERN.match(text):
            raise ValueError(f"not a clock stamp: {text!r}")
        millis, counter = text.split("-")
        return cls(int(millis), int(counter))


def wall_millis() -> int:
    return time.time_ns() // 1_000_000


def tick(last: Hlc, now_millis: int | None = None) -> Hlc:
    """The next stamp for a local change, after `last` (the latest stamp issued or seen)."""
    now = wall_millis() if now_millis is None else now_millis
    if now > last.millis:
        return Hlc(now, 0)
    if last.counter < MAX_COUNTER:
        return Hlc(last.millis, last.counter + 1)
    return Hlc(last.millis + 1, 0)


def receive(last: Hlc, seen: Hlc) -> Hlc:
    """The clock after seeing a remote stamp: the later of the two (the next tick moves on)."""
    return max(last, seen)


def millis_from_now(millis: int, now_millis: int | None = None) -> int:
    now = wall_millis() if now_millis is None else now_millis
    return millis - now
