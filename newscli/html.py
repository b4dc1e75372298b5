"""Saved article pages -> article text + Layout (placeholder)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .structure import Layout, paragraphs


@dataclass
class Page:
    text: str = ""  # the article text that every span of the record indexes into
    layout: Layout = field(default_factory=Layout)


def extract(html: str) -> Page:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    text = "\n\n".join(p.get_text(" ", strip=True) for p in soup.find_all("p"))
    return Page(text=text, layout=Layout(headline=title, paragraphs=paragraphs(text)))
