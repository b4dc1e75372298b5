"""Quotation-marked speech: find quote spans, pair marks, attach each to its cue and mention.

(Placeholder: to be replaced by the real rules.)
"""
from __future__ import annotations

import re

from .models import Paragraph, Quote

_PAIR = re.compile(r"[\u201c\"]([^\u201c\u201d\"]{1,2000})[\u201d\"]")


def find_quotes(text: str, paragraphs: list[Paragraph]) -> list[Quote]:
    return [Quote(text=m.group(1), start=m.start(1), end=m.end(1), kind="direct", rule="placeholder")
            for m in _PAIR.finditer(text)]
