"""parse(text, path=None) -> Article: the pure core every command is built on.

No I/O, no global state, no printing. The stages hand typed values to each other:

    text ──html (saved pages only)──► article text + page metadata
         ──structure──► Layout (headline, byline, dateline, paragraphs, ...)
         ──quotes──► quotation-marked spans with their speakers' mentions
         ──reported──► reported speech (indirect and mixed) around them
         ──attribution──► speakers resolved within the article
"""
from __future__ import annotations

import hashlib
import re

from . import attribution, quotes, reported, structure
from .models import Article, Source


ID_LENGTH = 12  # hex digits of the SHA-256 kept as the article id (the dedup key)


def content_id(text: str) -> str:
    """A stable id for a text: the first ID_LENGTH hex digits of its SHA-256."""
    return sha256(text)[:ID_LENGTH]


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def looks_like_html(text: str, path: str | None = None) -> bool:
    if path and path.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<html" in head and "<head" in head)


_LONE_CR = re.compile(r"\r(?!\n)")


def parse(text: str, path: str | None = None) -> Article:
    """Parse one story (plain text or a saved web page) into an Article."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:  # old Mac line ends: a lone CR becomes LF (same length, offsets hold)
        text = _LONE_CR.sub("\n", text)
    digest = sha256(text)
    source = Source(path=path, sha256=digest, format="text", size=len(text))
    if looks_like_html(text, path):
        from . import html  # bs4 is only imported for saved pages

        page = html.extract(text)  # the page's article text and its Layout (metadata cascade)
        source.format = "html"
        body, layout = page.text, page.layout
    else:
        body = text
        layout = structure.layout(body)
    marked = quotes.find_quotes(body, layout.paragraphs)
    found = reported.find_reported(body, layout.paragraphs, marked)
    attribution.resolve_speakers(body, found, layout)
    return Article(
        id=digest[:ID_LENGTH],
        text=body,
        source=source,
        headline=layout.headline,
        section=layout.section,
        teaser=layout.teaser,
        byline=layout.byline,
        dateline=layout.dateline,
        published=layout.published,
        updated=layout.updated,
        paragraphs=layout.paragraphs,
        subheadings=layout.subheadings,
        trailer=layout.trailer,
        quotes=found,
        site=layout.site,
    )
