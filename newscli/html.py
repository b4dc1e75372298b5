"""Saved article pages -> article text + page metadata (placeholder)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Page:
    text: str = ""
    headline: str | None = None
    authors: list[str] = field(default_factory=list)
    organization: str | None = None
    published: str | None = None
    updated: str | None = None
    section: str | None = None
    description: str | None = None
    site: str | None = None


def extract(html: str) -> Page:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    text = "\n\n".join(p.get_text(" ", strip=True) for p in soup.find_all("p"))
    return Page(text=text, headline=title)
