"""Queries over stored article records: pure functions from records to rows.

Speaker identity across the database lives here too: "Biden", "President Biden" and
"Joe Biden" are one speaker; "Joe Biden" and "Hunter Biden" are two.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable

# Words that come before a name without being part of it ("President Biden", "Sen. Warren").
HONORIFICS = frozenset("""
mr mrs ms miss dr prof sir dame lord lady rev father
president vice prime minister secretary sen senator rep representative gov governor
mayor gen general col colonel lt capt captain adm admiral sgt judge justice chief
chairman chairwoman chair ambassador spokesman spokeswoman spokesperson former acting
the white house us u s state deputy assistant director leader speaker king queen prince princess pope
""".split())
_WORD = re.compile(r"[\w'’-]+")


def fold(s: str | None) -> str:
    """Lowercase without accents, for matching: "Zelenskyy" ~ "zelenskyy", "José" ~ "jose"."""
    s = s or ""
    if s.isascii():
        return s.lower()
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple:
    return tuple(_name_tokens_uncached(name))


def name_tokens(name: str) -> list[str]:
    """A person's name without leading honorifics: "President Joe Biden" -> [joe, biden]."""
    return list(_name_tokens(name))


def _name_tokens_uncached(name: str) -> list[str]:
    toks = [t.strip("'’-") for t in _WORD.findall(fold(name))]
    toks = [t for t in toks if t]
    while toks and toks[0].rstrip(".") in HONORIFICS:
        toks = toks[1:]
    return toks


def _is_person(speaker: dict) -> bool:
    name = speaker.get("name") or ""
    if speaker.get("anonymous") or speaker.get("group") or speaker.get("organization"):
        return False
    toks = name_tokens(name)
    return 1 <= len(toks) <= 4 and name[:1].isupper()


def speaker_keys(speakers: Iterable[dict]) -> dict[str, tuple]:
    """Map each speaker name to the key of the person (or source) it stands for.

    Full names key on (first name, surname). A surname alone, or with a title, joins the one
    full name with that surname in the database; when there are several (Joe and Hunter
    Biden), it stays apart rather than being given to the wrong one."""
    firsts: dict[str, set[str]] = defaultdict(set)
    names: dict[str, dict] = {}
    for sp in speakers:
        name = sp.get("name")
        if name and name not in names:
            names[name] = sp
            toks = name_tokens(name)
            if _is_person(sp) and len(toks) >= 2:
                firsts[toks[-1]].add(toks[0])
    keys = {}
    for name, sp in names.items():
        toks = name_tokens(name)
        if not _is_person(sp) or not toks:
            keys[name] = ("source", fold(name).strip())
        elif len(toks) >= 2:
            keys[name] = ("person", toks[0], toks[-1])
        elif len(firsts[toks[-1]]) == 1:
            keys[name] = ("person", next(iter(firsts[toks[-1]])), toks[-1])
        else:
            keys[name] = ("person", "", toks[-1])
    return keys


def _matches(needle: str, *hay: str | None) -> bool:
    return any(needle in fold(h) for h in hay if h)


def article_rows(records: list[dict], search: str | None = None, limit: int | None = None) -> list[dict]:
    """Articles, newest first, optionally only those whose headline, byline or text match."""
    needle = fold(search) if search else None
    rows = []
    for r in records:
        if needle and not _matches(needle, r.get("headline"), r.get("text"),
                                   " ".join((r.get("byline") or {}).get("authors") or [])):
            continue
        rows.append(r)
    rows.sort(key=article_date, reverse=True)
    return rows[:limit] if limit else rows


def article_date(r: dict) -> str:
    return r.get("published") or (r.get("dateline") or {}).get("date") or ""


def quote_rows(records: list[dict], speaker: str | None = None, article: str | None = None,
               search: str | None = None, kind: str | None = None,
               limit: int | None = None) -> list[dict]:
    """Quotes flattened with their article: filters are case- and accent-insensitive."""
    who = fold(speaker) if speaker else None
    needle = fold(search) if search else None
    art = article.lower() if article else None
    out = []
    for r in records:
        if art and not r["id"].startswith(art):
            continue
        for q in r.get("quotes") or []:
            sp = q.get("speaker") or {}
            if kind and q.get("kind") != kind:
                continue
            if who and not _matches(who, sp.get("name"), sp.get("mention")):
                continue
            if needle and not _matches(needle, q.get("text")):
                continue
            out.append({"article_id": r["id"], "headline": r.get("headline"), "published": article_date(r),
                        "speaker": sp.get("name") or sp.get("mention"), "title": sp.get("title"),
                        "text": q.get("text"), "kind": q.get("kind"), "verb": q.get("verb"),
                        "start": q.get("start"), "end": q.get("end")})
            if limit and len(out) >= limit:
                return out
    return out


def speaker_rows(records: list[dict], limit: int | None = None) -> list[dict]:
    """Each speaker (variants of one person merged) with quote and article counts."""
    speakers = [q["speaker"] for r in records for q in r.get("quotes") or [] if q.get("speaker")]
    keys = speaker_keys(speakers)
    quotes: Counter = Counter()
    articles: dict[tuple, set] = defaultdict(set)
    variants: dict[tuple, Counter] = defaultdict(Counter)
    titles: dict[tuple, Counter] = defaultdict(Counter)
    for r in records:
        for q in r.get("quotes") or []:
            sp = q.get("speaker") or {}
            name = sp.get("name")
            if not name:
                continue
            key = keys[name]
            quotes[key] += 1
            articles[key].add(r["id"])
            variants[key][name] += 1
            if sp.get("title"):
                titles[key][sp["title"]] += 1
    rows = []
    for key, n in quotes.items():
        # display the fullest common form: most quotes first, then the longest name
        name = max(variants[key].items(), key=lambda kv: (len(name_tokens(kv[0])) >= 2, kv[1], len(kv[0])))[0]
        rows.append({"speaker": name, "title": titles[key].most_common(1)[0][0] if titles[key] else None,
                     "quotes": n, "articles": len(articles[key]),
                     "variants": sorted(variants[key])})
    rows.sort(key=lambda r: (-r["quotes"], -r["articles"], fold(r["speaker"])))
    return rows[:limit] if limit else rows
