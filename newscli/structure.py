"""text -> Layout: headline, byline, dateline, timestamps, paragraphs, sub-headings, trailer.

(Placeholder: paragraphs only; the real rules land in this module.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import Byline, Dateline, Paragraph


@dataclass
class Layout:
    headline: str | None = None
    section: str | None = None
    teaser: str | None = None
    byline: Byline = field(default_factory=Byline)
    dateline: Dateline = field(default_factory=Dateline)
    published: str | None = None
    updated: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    trailer: list[str] = field(default_factory=list)
    site: str | None = None


_BLOCK = re.compile(r"[^\r\n]+(?:(?:\r\n|\r|\n)[^\r\n]+)*")


def paragraphs(text: str) -> list[Paragraph]:
    """Blocks of text separated by blank lines, trimmed of surrounding whitespace."""
    out = []
    for m in _BLOCK.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Paragraph(s, e))
    return out


def layout(text: str) -> Layout:
    return Layout(paragraphs=paragraphs(text))
