"""Telling a screen reader that something it may be reading has changed.

Qt sends accessibility events for its own controls; a widget that paints its own content (the
heat map, the radar, the dimension bars) must send them itself, or a screen reader keeps
reading the old values (WCAG 4.1.2: "changes ... are available to assistive technology").
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QWidget


def announce_change(widget: QWidget) -> None:
    """The widget's description (where its values are) has changed."""
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))


def announce_name(widget: QWidget) -> None:
    """The widget's name (e.g. the current cell it reports) has changed."""
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.NameChanged))


def say(widget: QWidget, text: str) -> None:
    """Have a screen reader say ``text`` now, politely (after what it is saying)."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
