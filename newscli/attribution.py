"""Speakers: resolve each quote's mention within the article ("he", "the diplomat", a surname).

(Placeholder.)
"""
from __future__ import annotations

from .models import Quote


def resolve_speakers(text: str, quotes: list[Quote], layout=None) -> None:
    """Fill quote.speaker.name with the fullest name or description the article gives."""
    return None
