"""Rich tables and views. Article text is untrusted data, never markup.

Rich parses markup in plain strings (table cells included) and passes terminal escapes
through even inside Text, so every string from an article goes through ``safe()``: control
characters, escapes and bidi overrides become U+FFFD (one character for one, so quote
offsets still line up), and the result is a rich.text.Text, which Rich never parses.
"""
from __future__ import annotations

import re
import sys

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

# C0 controls but tab and newline, DEL, C1 controls (CSI, OSC...), the Unicode bidi
# embeddings, overrides and isolates that can make text display in another order, and lone
# surrogates (from file names that are not UTF-8), which no terminal can be sent.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff]")
# Whitespace controls that are safe as plain whitespace: a CR before LF is shown as a space
# (CRLF text must not show U+FFFD at every line end), a lone CR as LF, VT and FF as spaces.
_SPACES = str.maketrans({"\r": "\n", "\v": " ", "\f": " "})
REPLACEMENT = "\ufffd"
SPEAKER_STYLES = ("bold cyan", "bold magenta", "bold green", "bold yellow", "bold blue", "bold red")


def clean(s: object) -> str:
    """Untrusted text with every control sequence neutralised, same length as the input."""
    s = "" if s is None else str(s)
    if "\r" in s:
        s = s.replace("\r\n", " \n")
    return _UNSAFE.sub(REPLACEMENT, s.translate(_SPACES))


def safe(s: object, style: str = "") -> Text:
    return Text(clean(s), style=style)


def short(s: object, n: int) -> str:
    s = " ".join(clean(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def short_path(s: object, n: int) -> str:
    """A path cut from the left: the file name is the part worth seeing."""
    s = " ".join(clean(s).split())
    return s if len(s) <= n else "…" + s[-(n - 1):]


def _table(title: str, columns: list[tuple[str, dict]]) -> Table:
    # expand: use the whole terminal, sharing it between columns by ratio
    t = Table(title=title, title_justify="left", expand=True, show_lines=False)
    for name, opts in columns:
        t.add_column(name, **opts)
    return t


def byline_text(r: dict) -> str:
    b = r.get("byline") or {}
    authors = ", ".join(b.get("authors") or [])
    org = b.get("organization") or ""
    return f"{authors} / {org}" if authors and org else authors or org


def articles_table(rows: list[dict]) -> Table:
    t = _table(f"{len(rows)} article(s)", [
        ("id", {"style": "dim", "no_wrap": True}), ("date", {"no_wrap": True}),
        ("headline / byline", {"ratio": 1, "min_width": 20}), ("quotes", {"justify": "right"})])
    for r in rows:
        date = (r.get("published") or (r.get("dateline") or {}).get("date") or "")[:10]
        cell = safe(short(r.get("headline") or "(no headline)", 160), "bold")
        if byline_text(r):  # the byline under the headline: one column reads well at 60 columns
            cell.append("\n")
            cell.append_text(safe(short(byline_text(r), 80), "dim"))
        t.add_row(safe(r["id"][:8]), safe(date), cell, safe(len(r.get("quotes") or [])))
    return t


def quote_cell(q: dict, n: int) -> Text:
    """Quoted words in quotation marks; reported speech (indirect, mixed) as the writer wrote it."""
    words = short(q.get("text"), n)
    return safe(f"“{words}”" if q.get("kind") in ("direct", "partial") else words)


def quotes_table(rows: list[dict]) -> Table:
    t = _table(f"{len(rows)} quote(s)", [
        ("speaker", {"ratio": 1, "min_width": 12}), ("quote", {"ratio": 3, "min_width": 20}),
        ("verb", {}), ("article", {"style": "dim", "no_wrap": True})])
    for q in rows:
        who = safe(q.get("speaker") or "(unknown)", "bold")
        if q.get("title"):  # the title under the name: one column reads well even at 60 columns
            who.append("\n")
            who.append_text(safe(short(q["title"], 60), "dim"))
        t.add_row(who, quote_cell(q, 400), safe(q.get("verb") or ""),
                  safe(q["article_id"][:8]))  # a prefix is enough for `show` and `--article`
    return t


def speakers_table(rows: list[dict]) -> Table:
    t = _table(f"{len(rows)} speaker(s)", [
        ("speaker", {"style": "bold"}), ("title", {}), ("quotes", {"justify": "right"}),
        ("articles", {"justify": "right"})])
    for s in rows:
        t.add_row(safe(s["speaker"]), safe(short(s.get("title") or "", 60)), safe(s["quotes"]),
                  safe(s["articles"]))
    return t


def ingest_table(rows: list[dict], most: int = 50) -> Table:
    t = _table("ingest", [("file", {"ratio": 2}), ("headline", {"ratio": 3}),
                          ("quotes", {"justify": "right"}), ("status", {})])
    styles = {"added": "green", "updated": "yellow", "unchanged": "dim", "error": "bold red",
              "parsed": "green"}
    for r in rows[:most]:
        t.add_row(safe(short_path(r["file"], 80)), safe(short(r.get("headline") or r.get("problem") or "", 100)),
                  safe(r.get("quotes", "")), safe(r["status"], styles.get(r["status"], "")))
    if len(rows) > most:
        t.add_row(safe(f"… {len(rows) - most} more"), Text(""), Text(""), Text(""))
    return t


def article_view(r: dict) -> Group:
    """Metadata panel, then the body with each quote highlighted and its speaker named."""
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    b, d = r.get("byline") or {}, r.get("dateline") or {}
    for label, value in (
        ("id", r.get("id")), ("byline", byline_text(r)),
        ("dateline", ", ".join(x for x in (d.get("place"), d.get("agency"), d.get("date")) if x)),
        ("published", r.get("published")), ("updated", r.get("updated")),
        ("source", (r.get("source") or {}).get("path")), ("quotes", len(r.get("quotes") or [])),
        ("contributors", ", ".join(b.get("contributors") or [])),
    ):
        if value not in (None, "", []):
            meta.add_row(label, safe(value))
    # the headline wraps inside the panel (a panel title would be cut at the terminal's width)
    head = safe(r.get("headline") or "(no headline)", "bold")
    panel = Panel(Group(head, Text(), meta), title=safe(r.get("section") or "article", "dim"), title_align="left")
    text = r.get("text") or ""
    body = Text()
    quotes = sorted(r.get("quotes") or [], key=lambda q: q["start"])
    colours: dict[str, str] = {}
    legend = Text()
    para_styles = {"subheading": "bold underline", "teaser": "italic"}
    for p in r.get("paragraphs") or []:
        if p.get("kind") == "headline" and not any(q["start"] < p["end"] and q["end"] > p["start"] for q in quotes):
            continue  # already the panel's title
        s, e = p["start"], p["end"]
        para = safe(text[s:e], para_styles.get(p.get("kind"), ""))
        notes = []
        for q in quotes:
            qs, qe = max(q["start"], s), min(q["end"], e)
            if qs >= qe:
                continue
            who = (q.get("speaker") or {}).get("name") or (q.get("speaker") or {}).get("mention") or "?"
            style = colours.setdefault(who, SPEAKER_STYLES[len(colours) % len(SPEAKER_STYLES)])
            para.stylize(style, qs - s, qe - s)
            if q["end"] <= e:  # name the speaker once, in the paragraph where the quote ends
                notes.append((who, style, q.get("kind")))
        body.append_text(para)
        for who, style, kind in notes:
            body.append("  ◂ ", style="dim")
            body.append_text(safe(who, style))
            if kind and kind != "direct":
                body.append(f" ({kind})", style="dim")
        body.append("\n\n")
    for who, style in colours.items():
        legend.append("■ ", style=style)
        legend.append_text(safe(who, style))
        legend.append("   ")
    trailer = Text("\n".join(clean(t) for t in r.get("trailer") or []), style="dim")
    body.rstrip()
    parts = [panel, body if len(body) else Text("(no body)")]
    if len(legend):
        parts.append(Text.assemble("\n", ("speakers: ", "bold"), legend))
    if len(trailer):
        parts.append(Text("\n") + trailer)
    return Group(*parts)


def parse_view(r: dict, explain: bool = False) -> Group:
    """`newscli parse` as a table: the record's metadata, then its quotes."""
    t = _table(f"{len(r.get('quotes') or [])} quote(s)", [
        ("speaker", {"style": "bold", "ratio": 1}), ("title", {"ratio": 1}), ("kind", {}),
        ("quote", {"ratio": 4}), ("verb", {})] + ([("rule", {"style": "dim"})] if explain else []))
    for q in r.get("quotes") or []:
        sp = q.get("speaker") or {}
        row = [safe(sp.get("name") or sp.get("mention") or "(unknown)"), safe(short(sp.get("title") or "", 60)),
               safe(q.get("kind")), quote_cell(q, 300), safe(q.get("verb") or "")]
        if explain:
            row.append(safe(f"{q.get('rule') or ''} ({q.get('confidence', 0):.2f})"))
        t.add_row(*row)
    return Group(article_view(r).renderables[0], t)


def console(stderr: bool = False, no_color: bool = False) -> Console:
    _tolerant(sys.stderr if stderr else sys.stdout)
    return Console(stderr=stderr, no_color=no_color or None, highlight=False, soft_wrap=False)


def _tolerant(stream) -> None:
    """Human output on a terminal that is not UTF-8 (LANG=C, latin-1) shows "?" for what it
    cannot encode instead of failing. (Machine output is always UTF-8: see export.utf8.)"""
    enc = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if enc not in ("utf-8", "utf8") and getattr(stream, "errors", "strict") == "strict":
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):
            pass
