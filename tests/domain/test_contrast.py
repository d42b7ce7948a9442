"""WCAG contrast ratios and the nearest colour that reaches one."""

from __future__ import annotations

import pytest

from assessor.domain.contrast import BLACK, NON_TEXT, TEXT, WHITE, over, ratio, reach, reach_both


def test_ratio_runs_from_one_to_twenty_one() -> None:
    assert ratio(BLACK, WHITE) == pytest.approx(21.0)
    assert ratio(WHITE, WHITE) == pytest.approx(1.0)
    # Fusion's selection: white on #308cc6, the measured 3.69
    assert ratio(WHITE, (0x30 / 255, 0x8C / 255, 0xC6 / 255)) == pytest.approx(3.69, abs=0.01)


@pytest.mark.parametrize(
    "moving, fixed",
    [
        ((0.19, 0.55, 0.78), WHITE),  # a light blue on white: darkened
        ((0.3, 0.3, 0.3), (0.12, 0.12, 0.12)),  # dark grey on a dark base: lightened
        ((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)),  # the same colour: as far as it can go
    ],
)
def test_reach_moves_only_as_far_as_needed(moving, fixed) -> None:
    shade = reach(moving, fixed, TEXT)
    assert ratio(shade, fixed) >= TEXT
    assert reach(shade, fixed, TEXT) == shade  # already passing: unchanged


def test_reach_both_passes_against_two_backgrounds_when_it_can() -> None:
    shade = reach_both((0.72, 0.72, 0.72), WHITE, (0.94, 0.94, 0.94), NON_TEXT)
    assert ratio(shade, WHITE) >= NON_TEXT and ratio(shade, (0.94, 0.94, 0.94)) >= NON_TEXT


def test_a_translucent_colour_is_measured_as_it_shows() -> None:
    assert over(BLACK, 0.0, WHITE) == WHITE
    assert over(BLACK, 1.0, WHITE) == BLACK
    assert ratio(over(BLACK, 0.25, WHITE), WHITE) < NON_TEXT  # the old radar grid
