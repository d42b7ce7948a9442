"""Texts of a CISO Assistant library in every language of the checklist made from it.

A library is written in its locale and carries translations per object; a text missing in a
language falls back to the locale's text, and the fallbacks are counted for the import note.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from assessor.domain.checklist import ID_PATTERN, Text


def slug(value: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", value.lower()).strip("-._")
    return slug if slug and ID_PATTERN.fullmatch(slug) else ""


class Texts:
    """Builds texts in every language, remembering how many lacked a translation."""

    def __init__(self, main: str, others: list[str]) -> None:
        self.main = main
        self.others = others
        self.missing: dict[str, int] = {lang: 0 for lang in others}

    def of(self, obj: Mapping[str, Any], key: str, fallback: str = "") -> Text:
        base = str(obj.get(key) or fallback).strip()
        text: Text = {self.main: base}
        translations = obj.get("translations")
        for lang in self.others:
            tr = translations.get(lang) if isinstance(translations, dict) else None
            value = tr.get(key) if isinstance(tr, dict) else None
            if isinstance(value, str) and value.strip():
                text[lang] = value.strip()
            else:
                if base:
                    self.missing[lang] += 1
                text[lang] = base
        return text

    def empty(self, text: Text) -> bool:
        return not text.get(self.main)


def languages(library: Mapping[str, Any], framework: Mapping[str, Any]) -> tuple[str, list[str]]:
    main = str(library.get("locale") or framework.get("locale") or "en").strip().lower()
    others: list[str] = []
    for source in (library, framework):
        translations = source.get("translations")
        if isinstance(translations, dict):
            others.extend(str(k).lower() for k in translations if str(k).lower() not in others)
    others = [lang for lang in others if lang != main and re.fullmatch(r"[a-z]{2,3}", lang)]
    return main, others
