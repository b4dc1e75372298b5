"""Time stamps and dateline dates: pure, lenient, null when unsure.

- ``parse_stamp_line(line)`` reads a time-stamp line ("Updated 10:05 AM EST, Tue March 5, 2024",
  "26-FEB-1987 15:01:01.79", "2024-03-05T10:05:00Z") into labelled ISO 8601 strings.
- ``resolve_day(month, day, year, ref)`` turns a dateline's "Feb 26" into a full date using
  the story's own time stamp.

Stamp shapes are rows of ``STAMPS`` (name, pattern, a real-looking line it exists for);
``tests/test_structure.py`` checks every row against its example.  Parsing the matched text
is dateutil's job, with ``TZINFOS`` mapping the abbreviations wire copy uses to offsets
(``ET``/``CT``/``MT``/``PT`` follow daylight saving through zoneinfo, loaded on first use).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

def _zone(name: str, std_hours: int):
    """The named zone; fixed standard offsets where there is no zoneinfo or tz database."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # pragma: no cover - no zoneinfo, no tz database
        return timezone(timedelta(hours=std_hours))


def _fixed(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


# Abbreviations seen in news time stamps.  Ambiguous ones (IST, CST for China) are read
# the way US and European copy uses them.
TZINFOS = {
    "UTC": _fixed(0), "GMT": _fixed(0), "Z": _fixed(0), "WET": _fixed(0),
    "BST": _fixed(1), "IST": _fixed(1), "WEST": _fixed(1),
    "CET": _fixed(1), "CEST": _fixed(2), "MEZ": _fixed(1), "MESZ": _fixed(2),
    "EET": _fixed(2), "EEST": _fixed(3), "MSK": _fixed(3),
    "EST": _fixed(-5), "EDT": _fixed(-4), "CST": _fixed(-6), "CDT": _fixed(-5),
    "MST": _fixed(-7), "MDT": _fixed(-6), "PST": _fixed(-8), "PDT": _fixed(-7),
    "AKST": _fixed(-9), "AKDT": _fixed(-8), "HST": _fixed(-10),
    "AST": _fixed(-4), "ADT": _fixed(-3), "NST": _fixed(-3.5), "NDT": _fixed(-2.5),
    "JST": _fixed(9), "KST": _fixed(9), "HKT": _fixed(8), "SGT": _fixed(8), "AWST": _fixed(8),
    "ACST": _fixed(9.5), "AEST": _fixed(10), "AEDT": _fixed(11), "NZST": _fixed(12), "NZDT": _fixed(13),
}
# US zones that follow daylight saving: loaded into TZINFOS on first use, because importing
# zoneinfo and reading four zone files cost ~2.5 ms of every parse worker's start-up, and
# only stamps that name one of them need it.
DST_ZONES = {"ET": ("America/New_York", -5), "CT": ("America/Chicago", -6),
             "MT": ("America/Denver", -7), "PT": ("America/Los_Angeles", -8)}

MONTHS = {m: i for i, names in enumerate((
    ("jan", "january", "ene", "enero"), ("feb", "february", "febr"), ("mar", "march", "marz", "mars"),
    ("apr", "april", "apl", "abr", "abril", "avr", "avril"), ("may", "mai", "mayo"), ("jun", "june", "juin", "junio"),
    ("jul", "july", "juil", "juli", "julio"), ("aug", "august", "ago", "agosto", "aout"),
    ("sep", "sept", "september", "set", "septiembre"), ("oct", "october", "okt", "octubre"),
    ("nov", "november", "noviembre"), ("dec", "december", "dez", "dic", "diciembre")), 1) for m in names}

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DOW = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?"
_TIME = r"\d{1,2}(?:[:.]\d{2}){1,2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?"  # "10:05 AM", "10.05" (UK copy)
_TZ = r"(?:[A-Z]{1,5}|[+-]\d{2}:?\d{2})"
_MDY = rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
_DMY = rf"\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_LABEL = r"(?P<label>Posted|Published|Updated|Last updated|First published|Modified|Date)(?:\s+on)?:?"


@dataclass(frozen=True)
class Stamp:
    name: str
    pattern: str
    example: str

    @property
    def rx(self) -> re.Pattern:
        return _compiled(self.pattern)


@lru_cache(maxsize=None)
def _compiled(p: str) -> re.Pattern:
    return re.compile(p, re.I)


# One expression of a moment; a stamp line is one or more of them, each maybe labelled.
STAMPS = (
    Stamp("reuters_feed",  # Reuters-21578's feed stamp: no zone given, kept naive
          r"(?P<d>\d{1,2})-(?P<mon>[A-Z]{3})-(?P<y>\d{4})\s+(?P<t>\d{1,3}:\d{2}:\d{2})(?:\.\d+)?(?:[ \t]*[A-Z]{1,2}\b)*",
          "26-FEB-1987 15:01:01.79"),
    Stamp("time_tz_date",  # CNN: "Updated 10:05 AM EST, Tue March 5, 2024"
          rf"(?P<when>{_TIME}\s*{_TZ}?,?\s+(?:{_DOW},?\s+)?(?:{_MDY}|{_DMY}))",
          "Updated 10:05 AM EST, Tue March 5, 2024"),
    Stamp("date_at_time",  # "March 5, 2024 at 10:05 a.m. EST"
          rf"(?P<when>(?:{_DOW},?\s+)?(?:{_MDY}|{_DMY})(?:,?\s+(?:at\s+)?{_TIME}(?:\s*{_TZ})?)?)",
          "March 5, 2024 at 10:05 a.m. EST"),
    Stamp("iso", rf"(?P<when>{_ISO})", "2024-03-05T10:05:00-05:00"),
    Stamp("numeric_dmy_time",  # "05/03/2024 10:05 GMT" is ambiguous: only with a 4-digit year first
          r"(?P<when>\d{4}/\d{2}/\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[A-Z]{1,5})?)?)",
          "2024/03/05 10:05 GMT"),
)

_LABEL_RX = re.compile(rf"\s*{_LABEL}\s*", re.I)
_BARE_LABELS = re.compile(r"\s*(?:(?:Posted|Published|Updated|Last updated)\s*:?\s*)+\s*", re.I)


def _to_iso(name: str, m: re.Match) -> str | None:
    try:
        if name == "reuters_feed":
            mon = MONTHS.get(m.group("mon").lower())
            if not mon:
                return None
            day = date(int(m.group("y")), mon, int(m.group("d")))
            hh, mm, ss = (int(x) for x in m.group("t").split(":"))
            if hh > 23 or mm > 59 or ss > 59:
                return day.isoformat()  # a garbled time ("605:12:19"): the day is still right
            return datetime(day.year, day.month, day.day, hh, mm, ss).isoformat()
        s = m.group("when")
        s = re.sub(r"\b([AaPp])\.\s?[Mm]\.?", r"\1M", s)  # "a.m." -> "AM"
        s = re.sub(r"\bat\b", " ", s)
        s = re.sub(r"\b(\d{1,2})\.(\d{2})\b(?!\.\d)", r"\1:\2", s)  # "10.05 GMT" -> "10:05 GMT"
        # imported here, not at the top: 10-20 ms of start-up that stories without a stamp never need
        from dateutil import parser as _dp

        dt = _dp.parse(s, tzinfos=_tzinfo)
        if not re.search(r"\d:\d", s) and "T" not in s:
            return dt.date().isoformat()  # a day without a time: say no more than the page
        return dt.isoformat()
    except (ValueError, OverflowError, TypeError):
        return None


def _tzinfo(name, offset):
    if name is not None:
        tz = TZINFOS.get(name.upper())
        if tz is None and name.upper() in DST_ZONES:
            tz = TZINFOS[name.upper()] = _zone(*DST_ZONES[name.upper()])
        if tz is not None:
            return tz
        if offset is None:
            return None
    return _fixed(offset / 3600) if offset is not None else None


def parse_stamp_line(line: str) -> dict[str, str | None] | None:
    """A whole line that is only time stamps -> {"published": iso, "updated": iso, "style": row}.

    Returns None when the line is anything else (prose mentioning a date is not a stamp).
    Labels decide the role; an unlabelled stamp is the publication time.  A line of bare
    labels ("Posted Updated", the times stripped by a copy-paste) is a stamp line whose
    times are unknown: both null.
    """
    if len(line) > 200:
        return None
    if _BARE_LABELS.fullmatch(line):
        return {"published": None, "updated": None, "style": None,
                "bare": [w.lower() for w in re.findall(r"(?i)posted|published|updated", line)]}
    out: dict[str, str | None] = {}
    pos, n = 0, len(line)
    while pos < n:
        label = "published"
        lm = _LABEL_RX.match(line, pos)
        if lm:
            word = lm.group("label").lower()
            label = "updated" if word in ("updated", "last updated", "modified") else "published"
            pos = lm.end()
        for row in STAMPS:
            m = row.rx.match(line, pos)
            if m:
                iso = _to_iso(row.name, m)
                out.setdefault(label, iso)
                out.setdefault("style", row.name)
                pos = m.end()
                break
        else:
            return None
        while pos < n and line[pos] in " \t|,;-–—·•":
            pos += 1
    if not out:
        return None
    out.setdefault("published", None)
    out.setdefault("updated", None)
    out.setdefault("style", None)
    out["labelled"] = bool(_LABEL_RX.match(line))
    return out


def stamp_rows_match(line: str) -> str | None:
    """The name of the first STAMPS row that reads the whole line (for tests)."""
    for row in STAMPS:
        m = row.rx.fullmatch(_LABEL_RX.sub("", line, count=1))
        if m:
            return row.name
    return None


# ---------------------------------------------------------------- dateline dates

_DAY_MONTH = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<m>[A-Za-z]{3,9})\.?(?:,?\s+(?P<y>\d{4}))?", re.I)
_MONTH_DAY = re.compile(r"(?P<m>[A-Za-z]{3,9})\.?\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?", re.I)

# A dateline's day-month resolves to the year that puts it within this many days of the
# story's time stamp (wire stamps run a day behind Asian datelines, features carry the
# date they were filed); further away it is a typo ("March 8" on a March 18 story) or a
# date we cannot place: null.
DATELINE_WINDOW = timedelta(days=7)


_FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")


def _month(word: str) -> int | None:
    """A month name or abbreviation; one typo allowed in a full name ("Narch", "Aprl")."""
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS[w]
    if len(w) < 4:
        return None
    hits = {i for i, full in enumerate(_FULL_MONTHS, 1) if _one_edit(w, full)}
    return hits.pop() if len(hits) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    k = 0
    while k < len(a) and a[k] == b[k]:
        k += 1
    return a[k:] == b[k + 1:]


def read_day(s: str) -> tuple[int, int, int | None] | None:
    """"Feb 26", "Feb. 26", "26 February", "Nov. 19, 2024" -> (month, day, year or None)."""
    s = s.strip().rstrip(",")
    m = _MONTH_DAY.fullmatch(s) or _DAY_MONTH.fullmatch(s)
    if not m:
        return None
    mon = _month(m.group("m"))
    d = int(m.group("d"))
    if not mon or not 1 <= d <= 31:
        return None
    return mon, d, int(m.group("y")) if m.group("y") else None


def resolve_day(month: int, day: int, year: int | None, ref: date | None) -> date | None:
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if ref is None:
        return None
    best = None
    for y in (ref.year, ref.year - 1, ref.year + 1):
        try:
            cand = date(y, month, day)
        except ValueError:
            continue
        if abs(cand - ref) <= DATELINE_WINDOW and (best is None or abs(cand - ref) < abs(best - ref)):
            best = cand
    return best


def iso_to_date(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso).date()
    except ValueError:
        return None
