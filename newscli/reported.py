"""Reported speech: indirect quotes ("X said that ...", "according to X, ...") and mixed ones.

(Placeholder: passes the quotation-marked spans through.)
"""
from __future__ import annotations

from .models import Paragraph, Quote


def find_reported(text: str, paragraphs: list[Paragraph], marked: list[Quote]) -> list[Quote]:
    """All quotes of the article: the marked ones (some merged into mixed spans) plus indirect ones."""
    return list(marked)
