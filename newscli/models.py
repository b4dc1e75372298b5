"""The records newscli produces: plain dataclasses with to_dict / from_dict.

Every span (paragraph, quote, speaker mention) is a pair of ``str`` indices into
``Article.text``: for plain text that is the decoded input itself, for a saved web
page it is the article text extracted from the page. One offset space, always.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

# Bump SCHEMA_VERSION when the stored shape changes (store.py migrates old databases);
# bump PARSER_VERSION when parsing changes so re-ingesting updates old records.
SCHEMA_VERSION = 1
PARSER_VERSION = "0.1.0"

QUOTE_KINDS = ("direct", "partial", "mixed", "indirect")


@dataclass
class Source:
    path: str | None = None
    sha256: str = ""
    format: str = "text"  # "text" or "html"
    encoding: str = "utf-8"
    size: int = 0


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    organization: str | None = None
    raw: str | None = None
    contributors: list[str] = field(default_factory=list)


@dataclass
class Dateline:
    place: str | None = None
    agency: str | None = None
    date: str | None = None  # ISO date (YYYY-MM-DD) when the story gives enough to resolve it
    raw: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Paragraph:
    start: int
    end: int
    kind: str = "body"  # body | subheading


@dataclass
class Speaker:
    name: str | None = None  # fullest name or description the article gives
    mention: str | None = None  # the words at the attribution site ("he", "the diplomat")
    title: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    anonymous: bool = False
    group: bool = False  # "officials", "sources": a collective speaker
    organization: bool = False  # "the White House", "the Pentagon"


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str = "direct"
    speaker: Speaker | None = None
    verb: str | None = None
    verb_start: int | None = None
    rule: str | None = None  # which rule found the quote / its speaker (see --explain)
    confidence: float = 0.5


@dataclass
class Article:
    id: str
    text: str
    source: Source = field(default_factory=Source)
    headline: str | None = None
    section: str | None = None
    teaser: str | None = None
    byline: Byline = field(default_factory=Byline)
    dateline: Dateline = field(default_factory=Dateline)
    published: str | None = None  # ISO 8601 with offset when known
    updated: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    trailer: list[str] = field(default_factory=list)  # copyright lines, credits, boilerplate
    quotes: list[Quote] = field(default_factory=list)
    site: str | None = None
    parser_version: str = PARSER_VERSION
    schema_version: int = SCHEMA_VERSION

    @property
    def body(self) -> str:
        return "\n\n".join(self.text[p.start:p.end] for p in self.paragraphs if p.kind == "body")

    def to_dict(self) -> dict[str, Any]:
        # by hand, not dataclasses.asdict: that deep-copies every value and was a third of
        # the whole parse time; lists are copied so the dict never aliases the article
        d = _plain(self)
        d["source"] = _plain(self.source)
        d["byline"] = b = _plain(self.byline)
        b["authors"], b["contributors"] = list(b["authors"]), list(b["contributors"])
        d["dateline"] = _plain(self.dateline)
        d["paragraphs"] = [_plain(p) for p in self.paragraphs]
        d["subheadings"], d["trailer"] = list(self.subheadings), list(self.trailer)
        d["quotes"] = quotes = []
        for q in self.quotes:
            qd = _plain(q)
            if q.speaker is not None:
                qd["speaker"] = _plain(q.speaker)
            quotes.append(qd)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        d = dict(d)
        d["source"] = _build(Source, d.get("source"))
        d["byline"] = _build(Byline, d.get("byline"))
        d["dateline"] = _build(Dateline, d.get("dateline"))
        d["paragraphs"] = [_build(Paragraph, p) for p in d.get("paragraphs") or []]
        quotes = []
        for q in d.get("quotes") or []:
            q = dict(q)
            q["speaker"] = _build(Speaker, q["speaker"]) if q.get("speaker") else None
            quotes.append(_build(Quote, q))
        d["quotes"] = quotes
        return _build(cls, d)


_NAMES: dict[type, tuple[str, ...]] = {}


def _names(cls) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _plain(obj) -> dict[str, Any]:
    """One level of a dataclass as a dict, fields in declaration order."""
    return {n: getattr(obj, n) for n in _names(type(obj))}


def _build(cls, data):
    """Construct a dataclass from a dict, ignoring keys it does not know (forward compatible)."""
    data = data or {}
    names = _names(cls)
    return cls(**{k: v for k, v in data.items() if k in names})
