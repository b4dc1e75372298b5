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


def _person_tokens(name: str, speaker: dict) -> tuple | None:
    """The name's tokens when the speaker is a person (1 to 4 words, capitalised, not an
    anonymous source, a group or an organisation); None otherwise."""
    if speaker.get("anonymous") or speaker.get("group") or speaker.get("organization"):
        return None
    toks = _name_tokens(name)
    return toks if 1 <= len(toks) <= 4 and name[:1].isupper() else None


def speaker_keys(speakers: Iterable[dict]) -> dict[str, tuple]:
    """Map each speaker name to the key of the person (or source) it stands for.

    Full names key on (first name, surname). A surname alone, or with a title, joins the one
    full name with that surname in the database; when there are several (Joe and Hunter
    Biden), it stays apart rather than being given to the wrong one. A name's first speaker
    record decides whether it is a person."""
    first: dict[str, dict] = {}
    for sp in speakers:
        name = sp.get("name")
        if name and name not in first:
            first[name] = sp
    return _keys(first)


def _keys(first: dict[str, dict]) -> dict[str, tuple]:
    """speaker_keys for {name: its first speaker record}, names in order of appearance."""
    person: dict[str, tuple | None] = {}
    firsts: dict[str, set[str]] = defaultdict(set)
    for name, sp in first.items():
        toks = person[name] = _person_tokens(name, sp)
        if toks is not None and len(toks) >= 2:
            firsts[toks[-1]].add(toks[0])
    keys = {}
    for name, toks in person.items():
        if not toks:
            keys[name] = ("source", fold(name).strip())
        elif len(toks) >= 2:
            keys[name] = ("person", toks[0], toks[-1])
        else:
            known = firsts.get(toks[-1])
            if known is not None and len(known) == 1:
                keys[name] = ("person", next(iter(known)), toks[-1])
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
    """Each speaker (variants of one person merged) with quote and article counts.

    One pass over the quotes gathers each distinct name (a few per person: 15,768 names in
    51,369 quotes of the Reuters stories); the merging then works on names, not quotes."""
    first: dict[str, dict] = {}  # name -> the speaker record it first appeared with
    seen: dict[str, list] = {}  # name -> [quotes, article ids, titles as (record, quote, title)]
    for ri, r in enumerate(records):
        quotes = r.get("quotes")
        if not quotes:
            continue
        rid = None
        for qi, q in enumerate(quotes):
            sp = q.get("speaker")
            if not sp:
                continue
            name = sp.get("name")
            if not name:
                continue
            st = seen.get(name)
            if st is None:
                first[name] = sp
                st = seen[name] = [0, [], None]
            st[0] += 1
            if rid is None:
                rid = r["id"]
            ids = st[1]
            if not ids or ids[-1] is not rid:
                ids.append(rid)
            title = sp.get("title")
            if title:
                if st[2] is None:
                    st[2] = []
                st[2].append((ri, qi, title))
    keys = _keys(first)
    groups: dict[tuple, list[str]] = {}  # key -> its names, both in order of first appearance
    for name, key in keys.items():
        group = groups.get(key)
        if group is None:
            groups[key] = [name]
        else:
            group.append(name)
    rows = []
    for names in groups.values():
        if len(names) == 1:
            name = names[0]
            n, ids, titles = seen[name]
            articles = len(ids) if len(ids) < 2 else len(set(ids))
            variants = names
        else:
            # display the fullest common form: most quotes first, then the longest name
            # (the first to appear wins a tie)
            n, id_set, titles, best, best_rank = 0, set(), None, None, None
            for v in names:
                c, ids, ts = seen[v]
                n += c
                id_set.update(ids)
                if ts:
                    titles = ts if titles is None else titles + ts
                rank = (len(_name_tokens(v)) >= 2, c, len(v))
                if best is None or rank > best_rank:
                    best, best_rank = v, rank
            name, articles, variants = best, len(id_set), sorted(names)
            if titles:
                titles.sort(key=_position)
        title = None
        if titles:
            title = titles[0][2] if len(titles) == 1 else Counter(t[2] for t in titles).most_common(1)[0][0]
        rows.append({"speaker": name, "title": title, "quotes": n, "articles": articles,
                     "variants": list(variants)})
    rows.sort(key=lambda r: (-r["quotes"], -r["articles"], fold(r["speaker"])))
    return rows[:limit] if limit else rows


def _position(t: tuple) -> tuple:
    return t[0], t[1]
