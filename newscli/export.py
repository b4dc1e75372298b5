"""Records out (JSON, JSON Lines, CSV) and back in (JSON, JSON Lines).

Machine output is written plainly to a text stream, never through Rich. JSON keeps every
field, so export then import into an empty database gives the same records; CSV is one row
per quote (articles without quotes get one row) for spreadsheets, and is export only.
"""
from __future__ import annotations

import re
from typing import IO, Iterable, Iterator

from .models import Article

CSV_FIELDS = ("article_id", "headline", "published", "section", "authors", "organization",
              "dateline_place", "source_path", "speaker", "speaker_title", "kind", "verb",
              "quote", "start", "end")
# A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(s: str) -> str:
    """Lone surrogates (from file names that are not UTF-8, or imported "\\ud800") cannot be
    written as UTF-8: each becomes U+FFFD, one character for one, so offsets stay right."""
    return _SURROGATE.sub("\ufffd", s)


def compact_json(obj) -> str:
    """The standard library's JSON in orjson's form (compact, characters as they are): where
    orjson refuses a value, output and the database stay in one shape."""
    import json  # here: `parse --format jsonl` never needs it (~1 ms of every batch's start-up)

    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def dumps(obj) -> str:
    """One compact JSON text, valid UTF-8 whatever the input held. ``obj`` is a record dict
    or an Article (orjson writes dataclasses field by field, as to_dict does). orjson is five
    times json's speed here; what it refuses goes through json: a lone surrogate (a file name
    that is not UTF-8) is written as its JSON escape (\\udce9), which every reader accepts."""
    import orjson  # here: start-up of commands that never write JSON stays without it

    try:
        return orjson.dumps(obj).decode("utf-8")
    except (orjson.JSONEncodeError, TypeError):  # surrogates, integers past 64 bits
        pass
    if hasattr(obj, "to_dict"):
        obj = obj.to_dict()
    s = compact_json(obj)
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "backslashreplace").decode("utf-8")


def utf8(out: IO[str]) -> IO[str]:
    """The stream, writing UTF-8 whatever the locale says (JSON is UTF-8 by definition; a
    LANG=C or latin-1 terminal must not turn a quote into an encoding error)."""
    enc = (getattr(out, "encoding", None) or "utf-8").lower().replace("_", "-")
    if enc not in ("utf-8", "utf8"):
        try:
            out.reconfigure(encoding="utf-8", errors="strict")
        except (AttributeError, ValueError, OSError):
            pass
    return out


def write_json(records: Iterable[dict], out: IO[str]) -> None:
    """One JSON array, streamed record by record (no need to hold it all as one string)."""
    out = utf8(out)
    out.write("[")
    n = 0
    for n, r in enumerate(records, 1):
        out.write(",\n" if n > 1 else "\n")
        out.write(dumps(r))
    out.write("\n]\n" if n else "]\n")


def write_jsonl(records: Iterable[dict], out: IO[str]) -> None:
    out = utf8(out)
    for r in records:
        out.write(dumps(r) + "\n")


def neutralise_cell(value) -> str:
    """A CSV cell a spreadsheet will show as text, never evaluate."""
    s = "" if value is None else str(value)
    s = no_surrogates(s)  # a CSV file is written as UTF-8
    return "'" + s if s.startswith(_FORMULA_START) else s


def csv_rows(records: Iterable[dict]) -> Iterator[dict]:
    for r in records:
        b, d = r.get("byline") or {}, r.get("dateline") or {}
        base = {"article_id": r.get("id"), "headline": r.get("headline"), "published": r.get("published"),
                "section": r.get("section"), "authors": "; ".join(b.get("authors") or []),
                "organization": b.get("organization"), "dateline_place": d.get("place"),
                "source_path": (r.get("source") or {}).get("path")}
        quotes = r.get("quotes") or []
        if not quotes:
            yield base
        for q in quotes:
            sp = q.get("speaker") or {}
            yield {**base, "speaker": sp.get("name") or sp.get("mention"), "speaker_title": sp.get("title"),
                   "kind": q.get("kind"), "verb": q.get("verb"), "quote": q.get("text"),
                   "start": q.get("start"), "end": q.get("end")}


def write_csv(records: Iterable[dict], out: IO[str]) -> None:
    import csv  # only export needs it; parse and ingest start faster without it

    out = utf8(out)
    # RFC 4180 line ends. With "\n" as the terminator Python's csv leaves a CR inside a cell
    # unquoted, and readers then split the row there: a cell could start a new row.
    w = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\r\n")
    w.writeheader()
    for row in csv_rows(records):
        w.writerow({k: neutralise_cell(row.get(k)) for k in CSV_FIELDS})


WRITERS = {"json": write_json, "jsonl": write_jsonl, "csv": write_csv}


class RecordError(Exception):
    pass


def check_record(obj) -> dict:
    """A record as export wrote it, checked and normalised through the Article model."""
    if not isinstance(obj, dict):
        raise RecordError("not a JSON object")
    if not isinstance(obj.get("id"), str) or not isinstance(obj.get("text"), str):
        raise RecordError("not a newscli record (needs string fields 'id' and 'text')")
    try:
        article = Article.from_dict(obj)
    except (TypeError, ValueError, KeyError, AttributeError) as e:
        raise RecordError(f"not a newscli record ({e})") from None
    _check_fields(article)
    return article.to_dict()


def _check_fields(a: Article) -> None:
    """Types and spans as newscli writes them, so no view or query trips over an imported
    record: strings are strings, every span is a pair of ints inside the text."""
    n = len(a.text)

    def text_or_none(where: str, v) -> None:
        if v is not None and not isinstance(v, str):
            raise RecordError(f"{where}: expected text or null, not {type(v).__name__}")

    def texts(where: str, v) -> None:
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise RecordError(f"{where}: expected a list of text")

    def index(where: str, v, optional: bool = True) -> None:
        if v is None and optional:
            return
        if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= n:
            raise RecordError(f"{where}: {v!r} is not an offset into the text ({n:,} characters)")

    def span(where: str, start, end) -> None:
        index(f"{where} start", start, optional=False)
        index(f"{where} end", end, optional=False)
        if start > end:
            raise RecordError(f"{where}: starts after it ends ({start} > {end})")

    for name in ("headline", "section", "teaser", "published", "updated", "site"):
        text_or_none(name, getattr(a, name))
    texts("subheadings", a.subheadings)
    texts("trailer", a.trailer)
    for name in ("path", "sha256", "format", "encoding"):
        text_or_none(f"source.{name}", getattr(a.source, name))
    texts("byline.authors", a.byline.authors)
    texts("byline.contributors", a.byline.contributors)
    text_or_none("byline.organization", a.byline.organization)
    text_or_none("byline.raw", a.byline.raw)
    for name in ("place", "agency", "date", "raw"):
        text_or_none(f"dateline.{name}", getattr(a.dateline, name))
    index("dateline.start", a.dateline.start)
    index("dateline.end", a.dateline.end)
    for i, p in enumerate(a.paragraphs, 1):
        span(f"paragraph {i}", p.start, p.end)
        text_or_none(f"paragraph {i} kind", p.kind)
    for i, q in enumerate(a.quotes, 1):
        span(f"quote {i}", q.start, q.end)
        if q.text != a.text[q.start:q.end]:
            raise RecordError(f"quote {i}: its text is not the text at {q.start}-{q.end}")
        for name in ("kind", "verb", "rule"):
            text_or_none(f"quote {i} {name}", getattr(q, name))
        index(f"quote {i} verb_start", q.verb_start)
        if not isinstance(q.confidence, (int, float)) or isinstance(q.confidence, bool):
            raise RecordError(f"quote {i} confidence: expected a number")
        sp = q.speaker
        if sp is not None:
            for name in ("name", "mention", "title"):
                text_or_none(f"quote {i} speaker.{name}", getattr(sp, name))
            index(f"quote {i} speaker.mention_start", sp.mention_start)
            index(f"quote {i} speaker.mention_end", sp.mention_end)


def read_records(text: str) -> Iterator[tuple[str, dict | RecordError]]:
    """Yield (where, record or error) from a JSON array or JSON Lines document."""
    import json

    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as e:
            yield "file", RecordError(f"not valid JSON ({e})")
            return
        except RecursionError:
            yield "file", RecordError("not valid JSON (nested too deeply)")
            return
        if not isinstance(items, list):
            yield "file", RecordError("not a JSON array of records")
            return
        for i, obj in enumerate(items, 1):
            yield f"record {i}", _checked(obj)
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield f"line {n}", RecordError(f"not valid JSON ({e.msg})")
            continue
        except RecursionError:
            yield f"line {n}", RecordError("not valid JSON (nested too deeply)")
            continue
        yield f"line {n}", _checked(obj)


def _checked(obj) -> dict | RecordError:
    try:
        return check_record(obj)
    except RecordError as e:
        return e
