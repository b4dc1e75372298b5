"""Saved article pages -> article text + Layout.

Two jobs, kept apart:

* **metadata**, as a cascade of separate steps, each a function ``soup -> Meta`` tested on its
  own, most trusted first::

      from_jsonld       JSON-LD NewsArticle / Article / ReportageNewsArticle / BlogPosting ...
                        (also inside @graph and lists; author as string, object, list or @id)
      from_opengraph    og:* and article:* meta tags
      from_meta_names   meta name=author / byl / parsely-* / sailthru.* / dc.* / date ...
      from_time         <time datetime>, itemprop=datePublished, hAtom "published" titles
      url_date          /2020/09/28/ in the canonical URL
      from_scripts      "publishedDate": "..." in inline JSON state; its author when all its
                        author fields agree (the last resort for the byline)
      from_visible      the byline and date as shown ("By ...", "Posted on ... by ...")

  Each field takes the first value that survives cleaning. Author names go through
  ``clean_authors`` (site names, "Staff", job titles, e-mail links, photo credits and dates
  glued to names are not authors; an agency only when nobody is named); the site is the
  organisation. Dates are never later than the newest date the page itself vouches for
  (its modification stamps, an archived copy's snapshot time), a WebPage's CMS stamp is not a
  publication date, a page that shows its readers only an update date ("Updated May 06, 2019")
  is dated by it (``_reissued``), and when unsure the answer is ``None``, never a guess.

* **body**: the article's paragraphs, found as the block with the most paragraph text once
  scripts, navigation, related links, comments, captions, ads and the like are gone
  (``_prune``, ``_find_container``, ``_blocks``). ``Page.text`` is the paragraphs joined by
  blank lines; every span of the record indexes into it.

bs4 (with the stdlib "html.parser") is imported only inside the functions that need it, so
plain-text parsing never pays for it. bs4's find_all is slow on big pages: the metadata steps
share one index of the page's tags (``_index``).
"""
from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta, timezone

from .models import Byline, Dateline, Paragraph
from .structure import Layout


@dataclass
class Page:
    text: str = ""  # the article text that every span of the record indexes into
    layout: Layout = field(default_factory=Layout)


@dataclass
class Meta:
    """What one step of the cascade found (raw values; cleaned when merged)."""

    headline: str | None = None
    section: str | None = None
    teaser: str | None = None
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    published: str | None = None
    updated: str | None = None
    url: str | None = None


# ---------------------------------------------------------------- small text helpers

_WS = re.compile(r"\s+")


def _clean(s) -> str:
    if s is None:
        return ""
    if not isinstance(s, str):
        s = str(s)
    s = s.replace("\u00ad", "").replace("\u200b", "")
    return _WS.sub(" ", s).strip()


def _unescape(s: str) -> str:
    if "&" in s:
        import html as _h

        s = _h.unescape(s)
    return s


# ---------------------------------------------------------------- dates

_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
for _i, _names in enumerate((
        "januar janvier enero gennaio januari jän", "februar février fevrier febrero febbraio februari",
        "märz mars marzo maart", "avril abril aprile", "mai mayo maggio mei", "juni juin junio giugno",
        "juli juillet julio luglio", "août aout agosto augustus", "septiembre settembre",
        "oktober octobre octubre ottobre", "noviembre novembre", "dezember décembre decembre diciembre dicembre")):
    for _n in _names.split():
        _MONTHS[_n] = _i + 1
_MON = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Januar|Februar|März|Mai|Juni|Juli|"
        r"Oktober|Dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|"
        r"décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|"
        r"diciembre)[a-zäéû]*\.?")

# Written dates as pages show them; each row: name, pattern, a line it exists for.
VISIBLE_DATES = (
    ("iso", r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)", "2020-09-28 14:00"),
    ("month-day-year", rf"(?P<mon>{_MON})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)",
     "Posted on August 2, 2019"),
    ("day-month-year", rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?(?P<mon>{_MON}),?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)",
     "Published 12 April 2020 / Wiesbaden, 11. November 2021"),
    ("dotted", r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?![\d.])", "31.01.2022"),
)
_VISIBLE_DATES = [(n, re.compile(p, re.I)) for n, p, _ in VISIBLE_DATES]

_EARLIEST = date(1995, 1, 1)  # no web page is older


def _parse_date(value) -> str | None:
    """A machine date (ISO 8601, RFC 2822, epoch, '2017-11-03 03:01:00.000000') -> ISO string.

    Keeps the offset the page gives; a date alone stays a date. Unparseable -> None.
    """
    s = _clean(value)
    if not s or len(s) > 80:
        return None
    if re.fullmatch(r"\d{10}(?:\d{3})?", s):  # epoch seconds / milliseconds
        ts = int(s[:10])
        return datetime.fromtimestamp(ts, tz=timezone.utc).isoformat()
    iso = s.replace("Z", "+00:00") if s.endswith("Z") else s
    iso = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", iso)
    iso = re.sub(r"(\.\d{6})\d+", r"\1", iso)
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        dt = None
    if dt is None:
        m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)[T ].*", s)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                return None
        dt = _parse_loose(s)
        if dt is None:
            return None
    if isinstance(dt, datetime):
        if dt.date() < _EARLIEST:
            return None
        if len(s) == 10 and dt.hour == dt.minute == 0 and dt.tzinfo is None:
            return dt.date().isoformat()
        return dt.isoformat()
    return None


def _parse_loose(s: str):
    """Dates in words ('Thu, 24 Jul 2015 05:36:09 +0100', 'July 10, 2015') via dateutil."""
    if not re.search(r"(?:19|20)\d\d", s):
        return None
    try:
        from dateutil import parser as dparser

        dt = dparser.parse(s, fuzzy=False, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError, TypeError):
        try:
            return _visible_date(s)
        except ValueError:
            return None
    return dt if dt.year > 1900 else None


# an update label right before a date; a time or weekday may stand between them ("Updated 21:22,
# 6 OCT 2020", "Last modified on Wed 16 Jan 2019", "Updated: 10:09am, 20 Jan, 2020")
_UPDATED_WORDS = re.compile(r"(?:updated|modified|edited|aktualisiert|mis à jour|actualizado|revised)"
                            r"(?:\s+(?:date|on|am|le|at))*\W*"
                            r"(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?\W*)?"
                            r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\W*)?$", re.I)


def _visible_date(text: str, published_only: bool = False) -> datetime | None:
    """The first written date in a piece of visible text (see VISIBLE_DATES). With
    ``published_only``, a date announced as an update ("Last updated: 13 July 2020") is skipped."""
    best = None
    for _name, rx in _VISIBLE_DATES:
        m = rx.search(text)
        if not m:
            continue
        g = m.groupdict()
        if g.get("m"):
            month = int(g["m"])
        else:
            mon = g["mon"].lower().rstrip(".")
            month = _MONTHS.get(mon) or _MONTHS.get(mon[:3], 0)
            if not month:
                continue
        try:
            dt = datetime(int(g["y"]), month, int(g["d"]))
        except ValueError:
            continue
        if published_only and _UPDATED_WORDS.search(text[max(0, m.start() - 40):m.start()]):
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), dt)
    return best[1] if best else None


def _day(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------- authors

# Words that make a byline fragment a job title, a role or boilerplate, not a person.
_NOT_NAME_WORDS = {
    "editor", "editors", "reporter", "reporters", "correspondent", "correspondents", "writer",
    "writers", "staff", "columnist", "contributor", "contributors", "producer", "editorial",
    "desk", "team", "bureau", "newsroom", "email", "e-mail", "author", "authors", "follow",
    "twitter", "facebook", "linkedin", "instagram", "view", "posts", "profile", "more",
    "updated", "published", "posted", "share", "subscribe", "comments", "comment", "admin",
    "administrator", "contributing", "senior", "associate", "chief", "deputy", "managing",
    "news", "service", "services", "reports", "wire", "wires", "agencies", "press", "media",
    "photographer", "photography", "photos", "illustration", "video", "graphics", "by",
    "read", "bio", "about", "at", "guest", "unknown", "anonymous", "webmaster", "moderator",
    "says", "said", "wrote", "name", "website", "reply", "log", "login", "sign", "search", "home",
    "menu", "close", "open", "loading", "print", "like", "likes", "shares", "views", "min",
}
_AGENCIES = {"afp", "ap", "reuters", "associated press", "the associated press", "dpa", "efe",
             "ansa", "upi", "pa", "press association", "bloomberg", "agence france-presse",
             "afp-relaxnews", "xinhua", "kyodo", "aap", "cnn wire"}
_ROLE_TAIL = re.compile(
    r"(?:^|[,|/–—-]+|\s)\s*(?:(?:senior|chief|deputy|associate|contributing|managing|executive|staff|special|"
    r"political|foreign|science|health|tech(?:nology)?|business|sports?|games?|culture|news|"
    r"investigative|national|international|white house|washington|digital|social media)\s+)*"
    r"(?:editor|reporter|correspondent|writer|columnist|contributor|producer|analyst|critic)\b.*$",
    re.I)
_MONTH_TAIL = re.compile(rf"\s+(?:on\s+)?{_MON}\s+\d.*$|\s+\d{{1,2}}[/.]\d.*$|\s+(?:19|20)\d\d.*$", re.I)
_BARE_MONTH_TAIL = re.compile(rf"\s+(?:on\s+)?{_MON}$", re.I)


def _strip_date_tail(name: str) -> str:
    """"Joshua Sokol May 20, 2019" / "Joshua Sokol May" -> "Joshua Sokol"; "Theresa May" stays."""
    name = _MONTH_TAIL.sub("", name).strip(" ,")
    bare = _BARE_MONTH_TAIL.sub("", name).strip(" ,")
    return bare if len(bare.split()) >= 2 else name
_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*;\s*|\s*\|\s*|\s+und\s+|\s+et\s+|\s+y\s+)\s*", re.I)
_BY = re.compile(r"^(?:(?:written|reported|posted|words|text|story)\s+)?(?:by|par|von|por|door|av)\b[:\s]*|"
                 r"^(?:author|autor|auteur|autore)s?\s*:\s*|^(?:作者|記者|记者|撰文)\s*[:：/]?\s*", re.I)
_DEGREE = re.compile(r",?\s+(?:MA|MD|PhD|Ph\.\s?D\.?|MPH|RN|MS|MBA|BSc|MSc|DO|RD|CDE|LD|CPT|FACP|DrPH|DPhil)\b\.?(?=\s*(?:,|;|&|\band\b|$))")
_FOR_TAIL = re.compile(r"\s+(?:for|in|at|from|special to|via|with|reporting from)\s+(?:the\s+)?[A-Z\u00c0-\u024f].*$")
_SUFFIX = re.compile(r",\s*(Jr|Sr|II|III|IV)\b\.?")


def clean_authors(values, site: str | None = None, keep_agency: bool = False, lenient: bool = False) -> list[str]:
    """Raw byline values -> person names: "By A and B" split, "Staff", site names, job titles,
    e-mail links, URLs and dates glued to names removed; agencies only when nobody is named.

    ``lenient`` is for fields that can only hold an author (meta author, rel=author): there
    a lower-case or numbered user name ("marc", "delta201") is accepted as the page gives it."""
    out: list[str] = []
    agencies: list[str] = []
    site_key = _key(site)
    for raw in values or []:
        raw = _clean(_unescape(raw if isinstance(raw, str) else str(raw)))
        if not raw or len(raw) > 200 or "://" in raw or raw.startswith(("@", "www.")):
            continue
        raw = _BY.sub("", raw)
        raw = re.sub(r"\s*\([^)]*\)\s*", " ", raw).strip()  # "(Reuters)", "(@handle)"
        for _ in range(3):
            raw = _DEGREE.sub("", raw)
        raw = _SUFFIX.sub(r" \1.", raw)
        named_here = False
        for part in _SPLIT.split(raw):
            name = _clean(part).strip(" .,:;|-–—·•")
            name = _BY.sub("", name)
            stripped = _ROLE_TAIL.sub("", name).strip(" ,|-–—")
            role = stripped != name
            name = _DEGREE.sub("", stripped).strip(" ,")
            name = _FOR_TAIL.sub("", name).strip(" ,")
            name = _strip_date_tail(name)
            if not lenient and named_here and (role or not name or not _looks_like_name(name, strict=True)):
                break  # "Jane Roe, Senior Technologist, ACLU Speech, Privacy and Technology Project"
            if not name:
                continue
            low = name.lower()
            if low in _AGENCIES or low.rstrip(".") in _AGENCIES:
                agencies.append(name)
                continue
            nk = _key(name)
            if site_key and (nk == site_key or site_key in nk or (
                    nk in site_key and not re.search(rf"\b{re.escape(nk)} s\b", site_key))):
                continue  # the site is the organisation, never an author ("Daniel Lemire's blog" aside)
            if not (_looks_like_name(name, strict=not lenient) or (lenient and _looks_like_handle(name))):
                continue
            if name.isupper() and len(name) > 3:
                name = name.title()
            if _key(name) not in {_key(a) for a in out}:
                out.append(name)
            named_here = True
    if not out and keep_agency and agencies:
        return agencies[:1]
    return out


def _key(s: str | None) -> str:
    return " ".join(re.findall(r"\w+", (s or "").lower()))


def _looks_like_handle(name: str) -> bool:
    """A user name as forums and blogs show it: one token, letters first ("marc", "delta201")."""
    return bool(re.fullmatch(r"[^\W\d_][\w.\-]{1,30}", name)) and name.lower() not in _NOT_NAME_WORDS \
        and name.lower() not in {"name", "email", "website", "guest", "user", "anonymous", "admin"}


_PARTICLES = {"von", "van", "de", "da", "der", "den", "la", "le", "bin", "al", "du", "dos", "di", "del",
              "y", "e", "ter", "ten", "af", "zu", "st.", "mc", "mac", "el", "ibn", "ben"}


def _looks_like_name(name: str, strict: bool = False) -> bool:
    """Could this be a person's name? ``strict`` (text found on the page rather than in an
    author field): at most four words, each capitalised unless a particle ("van", "de")."""
    if "@" in name or "/" in name or any(c.isdigit() for c in name):
        return False
    words = name.split()
    if not words or len(words) > 5 or len(name) < 2:
        return False
    low = [w.lower().strip(".,") for w in words]
    if any(w in _NOT_NAME_WORDS for w in low):
        return False
    if low[0] in {"the", "a", "an", "our", "your", "this", "my", "all", "and", "or", "with"}:
        return False
    if not name[0].isalpha():
        return False
    if not any(_capital(w) for w in words):
        return False
    if strict and (len(words) > 4 or re.search(r"[:!?\"“”]", name)
                   or any(not _capital(w) and w.lower() not in _PARTICLES for w in words)):
        return False
    return True


def _capital(word: str) -> bool:
    """Capitalised, or in a script without letter case (Chinese, Japanese, Arabic, Hindi ...)."""
    c = word[:1]
    return c.isupper() or (c.isalpha() and not c.islower())


# ---------------------------------------------------------------- one pass over the tags

def _index(soup) -> dict:
    """Every tag of the (unpruned) page in document order, and by name, built once per soup:
    bs4's find_all walks the whole tree on each call, which the cascade would do dozens of times."""
    idx = soup.__dict__.get("_newscli_index")
    if idx is None:
        from bs4 import Tag

        tags = [t for t in soup.descendants if isinstance(t, Tag)]
        by_name: dict[str, list] = {}
        attrs = []  # (tag, "class tokens id") for tags that have either
        for t in tags:
            by_name.setdefault(t.name, []).append(t)
            a = t.attrs
            if ("class" in a or "id" in a) and t.name not in _NO_ATTR_MATCH:
                cls = a.get("class")
                at = (" ".join(cls) if isinstance(cls, list) else str(cls or "")) + " " + str(a.get("id") or "")
                if at.strip():
                    attrs.append((t, at))
        idx = {"all": tags, "name": by_name, "attrs": attrs}
        soup.__dict__["_newscli_index"] = idx
    return idx


_NO_ATTR_MATCH = frozenset(("html", "body", "script", "style", "meta", "link"))


def _attr_matching(soup, rx, limit: int | None = None) -> list:
    """Tags whose class or id matches rx, in document order (from the index)."""
    out = []
    for t, at in _index(soup)["attrs"]:
        if rx.search(at):
            out.append(t)
            if limit and len(out) >= limit:
                break
    return out


def _named(soup, *names) -> list:
    by_name = _index(soup)["name"]
    if len(names) == 1:
        return by_name.get(names[0], [])
    return [t for t in _index(soup)["all"] if t.name in names]


def _matching(soup, pred, limit: int | None = None) -> list:
    out = []
    for t in _index(soup)["all"]:
        if pred(t):
            out.append(t)
            if limit and len(out) >= limit:
                break
    return out


def _attr_has(tag, attr: str, value: str) -> bool:
    v = tag.get(attr)
    if v is None:
        return False
    if isinstance(v, list):
        return value in v
    return v == value or value in str(v).split()


# ---------------------------------------------------------------- step 1: JSON-LD

ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                 "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting",
                 "liveblogposting", "techarticle", "scholarlyarticle", "report", "medicalwebpage",
                 "advertisernewsarticle", "satiricalarticle", "askpublicnewsarticle", "review",
                 "posting", "discussionforumposting", "recipe"}
_PAGE_TYPES = {"webpage", "itempage", "aboutpage", "collectionpage", "qapage", "profilepage"}


def _jsonld_objects(soup) -> list[dict]:
    """Every JSON object in the page's ld+json scripts, flattened out of lists and @graph."""
    found: list[dict] = []
    for tag in _named(soup, "script"):
        if "ld+json" not in str(tag.get("type") or "").lower():
            continue
        raw = tag.string or tag.get_text() or ""
        data = _loads_lenient(raw)
        if data is None:
            continue
        stack = [data]
        while stack and len(found) < 500:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, (list, dict)):
                    stack.append(graph)
                main = item.get("mainEntity")
                if isinstance(main, dict) and "@type" in main:
                    stack.append(main)
    return found


def _loads_lenient(raw: str):
    raw = raw.strip()
    if not raw or len(raw) > 5_000_000:
        return None
    raw = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", raw).strip()
    try:
        return json.loads(raw)
    except ValueError:
        pass
    # common breakage: raw newlines/tabs in strings, trailing commas, two objects back to back
    fixed = re.sub(r"[\x00-\x1f]+", " ", raw)
    fixed = re.sub(r",\s*([}\]])", r"\1", fixed)
    try:
        return json.loads(fixed)
    except ValueError:
        pass
    dec = json.JSONDecoder()
    out, i = [], 0
    while i < len(fixed):
        j = fixed.find("{", i)
        if j < 0:
            break
        try:
            obj, end = dec.raw_decode(fixed, j)
        except ValueError:
            i = j + 1
            continue
        out.append(obj)
        i = end
    return out or None


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        t = [t]
    return {x.lower().split("/")[-1] for x in t or [] if isinstance(x, str)}


def _ld_text(v) -> str | None:
    if isinstance(v, list):
        v = next((x for x in v if x), None)
    if isinstance(v, dict):
        v = v.get("name") or v.get("@value")
    if isinstance(v, (str, int, float)) and not isinstance(v, bool):
        s = _clean(_unescape(str(v)))
        return s or None
    return None


def _ld_people(v, by_id: dict) -> tuple[list[str], list[str]]:
    """JSON-LD author values -> (person names, organisation names)."""
    people, orgs = [], []
    items = v if isinstance(v, list) else [v]
    for it in items:
        if isinstance(it, str):
            people.append(it)
        elif isinstance(it, dict):
            if "@id" in it and len(it) <= 2 and it["@id"] in by_id:
                it = by_id[it["@id"]]
            name = it.get("name")
            if isinstance(name, list):  # "name": ["Ann Chu", "Ben Ode"]: several people
                (orgs if _types(it) & {"organization", "newsmediaorganization"} else people).extend(
                    str(x) for x in name if isinstance(x, str) and x.strip())
                continue
            if not name and (it.get("givenName") or it.get("familyName")):
                name = f"{it.get('givenName') or ''} {it.get('familyName') or ''}"
            if not isinstance(name, str) or not name.strip():
                continue
            (orgs if _types(it) & {"organization", "newsmediaorganization", "corporation"} else people).append(name)
    return people, orgs


def from_jsonld(soup) -> Meta:
    """Step 1: the page's JSON-LD article object (NewsArticle, Article, BlogPosting, ...)."""
    objs = _jsonld_objects(soup)
    meta = Meta()
    if not objs:
        return meta
    by_id = {o["@id"]: o for o in objs if isinstance(o.get("@id"), str)}
    articles = [o for o in objs if _types(o) & ARTICLE_TYPES]
    pages = [o for o in objs if _types(o) & _PAGE_TYPES]
    # the site: publisher of the article, else a WebSite / Organization node
    for o in articles + pages:
        pub = o.get("publisher")
        if isinstance(pub, list):
            pub = pub[0] if pub else None
        if isinstance(pub, dict) and "@id" in pub and pub["@id"] in by_id and not pub.get("name"):
            pub = by_id[pub["@id"]]
        name = _ld_text(pub)
        if name:
            meta.site = name
            break
    if not meta.site:
        for o in objs:
            if _types(o) & {"website"} and _ld_text(o.get("name")):
                meta.site = _ld_text(o.get("name"))
                break
    page_only = not articles
    if page_only:
        # no article object: a WebPage still names its author (blogs, shops); its dates are the
        # page's (CMSs stamp every page, company pages too), not a publication's: not used
        articles = pages
        if not articles:
            return meta
    # the main article: the one with a headline and the longest body wins ties
    art = max(articles, key=lambda o: (bool(o.get("headline") or o.get("name")),
                                       not (_types(o) & {"review", "recipe", "posting"}),
                                       len(str(o.get("articleBody") or ""))))
    meta.headline = _ld_text(art.get("headline")) or _ld_text(art.get("name"))
    meta.teaser = _ld_text(art.get("description"))
    sec = art.get("articleSection")
    meta.section = _ld_text(sec)
    people, orgs = [], []
    for key in ("author", "creator"):
        if art.get(key):
            p, o = _ld_people(art[key], by_id)
            people += p
            orgs += o
            if p:
                break
    meta.authors = people
    if not meta.site and orgs:
        meta.site = orgs[0]
    if not page_only:
        meta.published = _parse_date(_ld_text(art.get("datePublished")) or _ld_text(art.get("dateCreated")))
        meta.updated = _parse_date(_ld_text(art.get("dateModified")))
    meta.url = _ld_text(art.get("url")) or _ld_text(art.get("mainEntityOfPage"))
    return meta


# ---------------------------------------------------------------- step 2: OpenGraph

def _metas(soup) -> list[tuple[str, str]]:
    """(lower-cased property/name/itemprop, content) for every <meta> in the page."""
    out = []
    for m in _named(soup, "meta"):
        key = m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv")
        val = m.get("content")
        if isinstance(key, list):
            key = " ".join(key)
        if key and val and isinstance(val, str):
            for k in key.split():
                out.append((k.strip().lower(), _clean(_unescape(val))))
    return out


def _first(metas, *keys) -> str | None:
    for k in keys:
        for mk, v in metas:
            if mk == k and v:
                return v
    return None


def _all(metas, *keys) -> list[str]:
    return [v for mk, v in metas if mk in keys and v]


def from_opengraph(soup, metas=None) -> Meta:
    """Step 2: og:* and article:* meta tags."""
    metas = metas if metas is not None else _metas(soup)
    return Meta(
        headline=_first(metas, "og:title"),
        section=_first(metas, "article:section"),
        teaser=_first(metas, "og:description"),
        authors=[a for a in _all(metas, "article:author", "og:article:author") if "://" not in a],
        site=_first(metas, "og:site_name"),
        published=_parse_date(_first(metas, "article:published_time", "og:article:published_time",
                                     "article:published", "og:published_time")),
        updated=_parse_date(_first(metas, "article:modified_time", "og:updated_time",
                                   "og:article:modified_time", "article:updated_time")),
        url=_first(metas, "og:url"),
    )


# ---------------------------------------------------------------- step 3: named meta tags

_AUTHOR_NAMES = ("author", "byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
                 "dc.creator.name", "citation_author", "article.author", "cxenseparse:author",
                 "sailthru.authors", "authors")
_DATE_NAMES = ("parsely-pub-date", "sailthru.date", "article.published", "published-date", "publish-date",
               "publishdate", "pubdate", "publish_date", "date", "dc.date", "dc.date.issued",
               "dcterms.date", "dcterms.issued", "dcterms.created", "dc.date.created", "citation_publication_date",
               "citation_date", "cxenseparse:recs:publishtime", "originalpublicationdate", "datepublished",
               "article_date_original", "og:pubdate", "displaydate", "dateline", "date.available",
               "search_date", "release_date", "created", "dc.created")
_UPDATED_NAMES = ("last-modified", "lastmod", "dcterms.modified", "dc.date.modified", "datemodified",
                  "article.updated", "revised")


def from_meta_names(soup, metas=None) -> Meta:
    """Step 3: meta name=author / byl / parsely-* / sailthru.* / dc.* / date and friends."""
    metas = metas if metas is not None else _metas(soup)
    authors: list[str] = []
    for k in _AUTHOR_NAMES:
        vals = [v for v in _all(metas, k) if "://" not in v]
        if vals:
            if k in ("citation_author", "dc.creator", "dcterms.creator"):  # "Anderson, Michael L."
                vals = [_uninvert(v) for v in vals]
            authors = vals
            break
    return Meta(
        headline=_first(metas, "parsely-title", "sailthru.title", "twitter:title", "dc.title", "title",
                        "headline", "citation_title"),
        section=_first(metas, "parsely-section", "section", "sailthru.section"),
        teaser=_first(metas, "description", "twitter:description", "dc.description"),
        authors=authors,
        site=_first(metas, "application-name", "apple-mobile-web-app-title", "dc.publisher", "publisher",
                    "citation_publisher", "citation_journal_title"),
        published=next((d for d in (_parse_date(v) for v in _all(metas, *_DATE_NAMES)) if d), None),
        updated=next((d for d in (_parse_date(v) for v in _all(metas, *_UPDATED_NAMES)) if d), None),
        url=_first(metas, "parsely-link", "twitter:url"),
    )


def _uninvert(name: str) -> str:
    """Library order ("Anderson, Michael L.") to reading order ("Michael L. Anderson")."""
    m = re.fullmatch(r"\s*([^\W\d][\w'’-]+)\s*,\s*([^\W\d][\w.'’ -]{0,40}?)\s*", name)
    if m and len(m.group(2).split()) <= 3 and not re.search(r"(?i)\b(?:jr|sr|phd|md|ii|iii)\b", m.group(2)):
        return f"{m.group(2)} {m.group(1)}"
    return name


# ---------------------------------------------------------------- step 4: <time datetime>

_HATOM = re.compile(r"(?:^|\s)(?:published|dt-published|dtstamp|updated|dt-updated)(?:\s|$)")


def from_time(soup) -> Meta:
    """Step 4: <time datetime> / itemprop=datePublished elements (the first one that parses,
    those marked as publication dates first)."""
    meta = Meta()
    marked, plain = [], []
    for el in _matching(soup, lambda t: str(t.get("itemprop") or "").lower() in ("datepublished", "datecreated", "datemodified")):
        val = el.get("datetime") or el.get("content") or el.get_text(" ", strip=True)
        kind = "u" if "modified" in str(el.get("itemprop")).lower() else "p"
        marked.append((kind, val))
    for el in _named(soup, "time"):
        val = el.get("datetime") or el.get("data-datetime") or el.get("content")
        if not val or _in_boilerplate(el):
            continue
        cls = " ".join(el.get("class") or []).lower() + " " + str(el.get("id") or "").lower()
        if el.has_attr("pubdate") or re.search(r"publish|posted|entry-date|pubdate|created", cls):
            marked.append(("p", val))
        elif re.search(r"updated|modified", cls):
            marked.append(("u", val))
        else:
            plain.append(("p", val))
    # hAtom / microformats2: <abbr class="published" title="2006-12-04">December 4, 2006</abbr>
    for el in _attr_matching(soup, _HATOM, limit=20):
        val = el.get("title") or el.get("datetime") or el.get("value")
        if val and el.name != "time":
            cls = " ".join(el.get("class") or []) if isinstance(el.get("class"), list) else str(el.get("class"))
            marked.append(("u" if re.search(r"updated", cls) else "p", val))
    for kind, val in marked + plain:
        d = _parse_date(val)
        if not d:
            d = _iso_of(_visible_date(val or ""))
        if not d:
            continue
        if kind == "p" and not meta.published:
            meta.published = d
        elif kind == "u" and not meta.updated:
            meta.updated = d
    return meta


def _iso_of(dt) -> str | None:
    return dt.date().isoformat() if dt else None


# ---------------------------------------------------------------- step 4b: inline JSON state

_SCRIPT_DATE = re.compile(
    r'"(?:datePublished|publishedDate|publishDate|published_at|publishedAt|date_published|pubDate|'
    r'firstPublished|first_published_at|displayDate|datePosted)"\s*:\s*"([^"]{8,40})"')


# an author field holding a name or a short list of names: '"postedBy":"Cara Lee"', '"authors":["A B"]'
_SCRIPT_AUTHOR = re.compile(
    r'"(?:author|authors|authorName|author_name|postedBy|posted_by|byline|writer)"\s*:\s*'
    r'(?:"((?:[^"\\]|\\.){2,80})"|\[\s*((?:"(?:[^"\\]|\\.){2,80}"\s*,?\s*){1,6})\])')
_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def from_scripts(soup) -> Meta:
    """Step 4b: the page's inline JSON state (application/json, Next.js data, JS variables):
    the first publication date ('"publishedDate":"2016-11-04T20:37:27Z"'), and the author when
    every author field there names the same people (state that also holds related stories
    names several: then nobody)."""
    meta = Meta()
    groups: dict[str, list[str]] = {}
    for tag in _named(soup, "script"):
        t = str(tag.get("type") or "").lower()
        if "ld+json" in t:
            continue
        raw = tag.string or ""
        if len(raw) > 3_000_000:
            raw = raw[:3_000_000]
        if not meta.published:
            m = _SCRIPT_DATE.search(raw)
            if m:
                meta.published = _parse_date(m.group(1))
        for m in itertools.islice(_SCRIPT_AUTHOR.finditer(raw), 50):
            vals = [_json_string(v) for v in ([m.group(1)] if m.group(1) is not None
                                             else _JSON_STRING.findall(m.group(2)))]
            vals = [_clean(v) for v in vals if v and _clean(v)]
            if vals:
                groups.setdefault(" | ".join(sorted(_key(v) for v in vals)), vals)
    if len(groups) == 1:
        meta.authors = next(iter(groups.values()))
    return meta


def _json_string(body: str) -> str | None:
    try:
        return json.loads(f'"{body}"') if "\\" in body else body
    except ValueError:
        return None


# ---------------------------------------------------------------- step 5: visible byline / date

_BYLINE_ATTR = re.compile(r"byline|\bauthor|by-?line|writer|contributor|article__author|posted-by|"
                          r"entry-author|post-author|story-author|meta-author|authorname", re.I)
_DATE_ATTR = re.compile(r"date|\btime(?:stamp)?\b|posted|published|pubdate|[\w-]*meta\b|meta-|byline|dateline|author", re.I)
_BY_LINE = re.compile(r"(?:^|\n)\s*(?:By|BY|Par|Von|Por)\s+([A-Z\u00c0-\u024f][^\n]{1,120})")


def from_visible(soup, text: str = "", site: str | None = None) -> Meta:
    """Step 5: the byline and date as the page shows them.

    Byline candidates, most explicit first: rel=author links, itemprop=author, elements whose
    class or id says byline/author, then a "By ..." line in the article text. The first
    candidate that yields a person's name wins (so "AFP" in one box does not hide the
    reporter named in the next)."""
    meta = Meta()
    groups: list[tuple[list[str], bool]] = []  # (raw values, lenient)
    for attrs in ({"rel": "author"}, {"itemprop": "author"}):
        (attr, value), = attrs.items()
        els = [el for el in _matching(soup, lambda t: _attr_has(t, attr, value), limit=20) if not _in_boilerplate(el)]
        if els:
            scope = els[0].parent.parent if els[0].parent is not None and els[0].parent.parent is not None else None
            els = [el for el in els if scope is None or el is els[0] or scope in el.parents]
        group = []
        for el in els[:6]:
            name_el = el.find(attrs={"itemprop": "name"})
            group.append((name_el.get("content") or name_el.get_text(" ", strip=True)) if name_el
                         else (el.get("content") or el.get_text(" ", strip=True)))
        groups.append((group, True))
    links = [a for a in _named(soup, "a") if _AUTHOR_HREF.search(str(a.get("href") or ""))][:20]
    links = [a for a in links if not _in_boilerplate(a)]
    if links:
        groups.append(([links[0].get_text(" ", strip=True)], True))
    for el in _attr_matching(soup, _BYLINE_ATTR, limit=60):
        t = el.get_text(" ", strip=True)
        if not (1 < len(t) < 200) or _in_boilerplate(el):
            continue
        # an hCard / author-name element holds nothing but the name: take it as given
        lenient = any(_EXPLICIT_CLASS.fullmatch(c) for c in (el.get("class") or []))
        groups.append(([t], lenient))
        link = next((a for a in el.find_all("a", limit=5) if a.get_text(strip=True)), None)
        if link is not None:  # "Jane Roe Follow Expert in ..." -> the linked name
            groups.append(([link.get_text(" ", strip=True)], lenient))
    for st in _by_strings(soup, 20):
        parent = st.parent
        if parent is None or parent.name in ("script", "style", "title", "option") or _in_boilerplate(parent):
            continue
        t = parent.get_text(" ", strip=True)
        m = _BY_STRING.search(t)
        if len(t) < 120 and m and _byline_prefix(t[:m.start()]):
            groups.append(([t[m.start():].lstrip("-–—|·•, ")], False))
    if text:
        m = _BY_LINE.search(text[:3000])
        if m:
            groups.append(([m.group(1)], False))
    for g, lenient in groups:
        names = clean_authors(g, site, lenient=lenient)
        if names:
            meta.authors = names
            break
    # a visible date near the top of the article
    meta.published = _visible_published(soup, text)
    return meta


def _date_boxes(soup):
    """Texts of the short elements whose class or id says date/posted/byline, in page order
    (not in comments, sidebars or the masthead)."""
    for el in _attr_matching(soup, _DATE_ATTR, limit=80):
        if el.name in ("script", "style", "body", "html", "article", "main") or _in_boilerplate(el) \
                or _in_masthead(el):
            continue
        t = el.get_text(" ", strip=True)
        if t and len(t) <= 200:
            yield t


def _visible_published(soup, text: str = "") -> str | None:
    """A publication date as the page shows it: in an element whose class says date/posted/
    byline, else in a short line just under the <h1>, else at the top of the article text."""
    for t in _date_boxes(soup):
        dt = _visible_date(t, published_only=True)
        if dt:
            return dt.date().isoformat()
    h1 = next(iter(_named(soup, "h1")), None)
    if h1 is not None:
        from bs4 import NavigableString

        for st in h1.find_all_next(string=True, limit=40):
            t = _clean(st)
            if not t or type(st) is not NavigableString or st.parent is None or st.parent.name in ("script", "style"):
                continue
            if len(t) > 200:
                break  # the story has begun: a date further down is not the article's
            if len(t) < 80:
                dt = _visible_date(t, published_only=True)
                if dt:
                    return dt.date().isoformat()
    if text:
        return _leading_date(text.split("\n\n", 1)[0][:200])
    return None


# a publication label with figures after it: the page shows when it was published, perhaps in a
# form we do not read ("Published 05/06/2019", "Posted: 3 days ago")
_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|erstellt|veröffentlicht|publié|publicado)\b\W{0,3}"
                              r"(?:(?:on|am|le|el)\s+)?[^\d\s]{0,12}\s?\d", re.I)


def _visible_updated(soup) -> str | None:
    """An update date as the page's date boxes show it ("Updated May 06, 2019"); None when a box
    also shows a publication label with a date or time after it."""
    boxes = list(_date_boxes(soup))
    if any(_PUBLISHED_LABEL.search(t) for t in boxes):
        return None
    for t in boxes:
        for _name, rx in _VISIBLE_DATES:
            m = rx.search(t)
            if m and _UPDATED_WORDS.search(t[max(0, m.start() - 40):m.start()]):
                dt = _visible_date(m.group(0))
                if dt:
                    return dt.date().isoformat()
    return None


def _written_days(soup) -> set[date]:
    """Every day written out in the page's visible text (see VISIBLE_DATES)."""
    from bs4 import NavigableString

    text = " ".join(st for st in soup.descendants if type(st) is NavigableString
                    and st.parent is not None and st.parent.name not in ("script", "style", "noscript"))
    days = set()
    for _name, rx in _VISIBLE_DATES:
        for m in rx.finditer(text):
            dt = _visible_date(m.group(0))
            if dt:
                days.add(dt.date())
    return days


def _leading_date(first: str) -> str | None:
    """A date that closes the story's first paragraph or is followed by a dash or a colon, as in
    a dateline ("Feb. 23, 2015 -- Life-threatening ...", "Wiesbaden, 11. November 2021"); not a
    date the story merely mentions ("On March 5, 2019, the company ...")."""
    for _name, rx in _VISIBLE_DATES:
        for m in rx.finditer(first):
            after = first[m.end():m.end() + 4]
            if m.start() <= 120 and (not after.strip() or re.match(r"\s*(?:--|[—–:|-])", after)):
                dt = _visible_date(m.group(0))
                if dt and not _UPDATED_WORDS.search(first[max(0, m.start() - 40):m.start()]):
                    return dt.date().isoformat()
    return None


_AUTHOR_HREF = re.compile(r"/(?:author|authors|writers?|profile|people|staff|user|members?|contributors?)/[^/?#]+/?(?:[?#].*)?$", re.I)
_BY_STRING = re.compile(r"(?:^|(?<=[\s|·•,–—-]))(?:by|By|BY)(?:\s*$|\s+[A-Z\u00c0-\u024f])")
_BOILER = re.compile(r"comment|respond|reply|related|sidebar|widget|footer|recommend|more-from|"
                     r"popular|trending|newsletter|promo|nav|menu", re.I)


_EXPLICIT_CLASS = re.compile(r"fn|author|(?:[\w-]*-)?author-?name|byline-?name", re.I)
_LAYOUT_TOKEN = re.compile(r"wrap|container|main|content|has-|with-|layout|grid|col", re.I)


def _in_masthead(el) -> bool:
    """Inside the page's own header (a masthead shows today's date, not the article's)?"""
    for parent in el.parents:
        if parent.name in ("article", "main"):
            return False
        if parent.name == "header" or re.search(r"masthead|site-header|top-?bar|global-header",
                                                _attr_text(parent), re.I):
            return not any(a.name in ("article", "main") for a in parent.parents)
    return False


def _by_strings(soup, limit: int) -> list:
    """Text nodes with a "by Name" in them (a plain walk: bs4's string filters are slow)."""
    from bs4 import NavigableString

    out = []
    for node in soup.descendants:
        if type(node) is NavigableString and ("by" in node or "By" in node or "BY" in node) \
                and _BY_STRING.search(node):
            out.append(node)
            if len(out) >= limit:
                break
    return out


def _byline_prefix(prefix: str) -> bool:
    """What may stand before "by" in a byline: nothing, a date, "Posted on ..." ("Posted on
    September 21, 2020 by Adi Tzlil"); not a sentence ("... was hacked by Russian Network")."""
    p = prefix.strip(" -–—|·•,")
    if not p:
        return True
    if re.search(r"(?i)(?:photo|image|illustration|video|graphic|picture|art|design|edited|translated)\w*$", p):
        return False  # "Photo by ...": a credit, not the byline
    if re.match(r"(?i)(?:posted|published|written|story|words|text|reporting|report|article)\b", p):
        return True
    return _visible_date(p) is not None and len(p) < 60


def _in_boilerplate(el) -> bool:
    """Is the element inside comments, related links, sidebars and the like? (Looks up to the
    enclosing <article>/<main>: what wraps those is page layout.)"""
    for i, parent in enumerate(itertools.chain((el,), el.parents)):
        if i > 25 or parent.name in ("body", "html", "[document]", None):
            break
        if parent.name in ("footer", "aside", "nav"):
            return True
        cls = parent.get("class") or []
        tokens = (cls if isinstance(cls, list) else str(cls).split()) + [str(parent.get("id") or "")]
        if any(_BOILER.search(t) and not _LAYOUT_TOKEN.search(t) for t in tokens if t):
            return True
        if parent.name in ("article", "main"):
            break
    return False


# ---------------------------------------------------------------- dates in the page's URL

_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d|[a-z]{3})[/-]([0-3]?\d)(?:/|-|$)", re.I)


def url_date(url: str | None) -> str | None:
    """/2020/09/28/ and /2020/oct/02/ style dates in the page's canonical URL."""
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    month = int(m[2]) if m[2].isdigit() else _MONTHS.get(m[2].lower(), 0)
    try:
        return date(int(m[1]), month, int(m[3])).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------- merging

def merge(*steps: Meta) -> Meta:
    """Field by field, the first non-empty value in cascade order."""
    out = Meta()
    for f in fields(Meta):
        for s in steps:
            v = getattr(s, f.name)
            if v:
                setattr(out, f.name, v)
                break
    return out


def _headline(cands: list[str | None], h1s: list[str], site: str | None, h1_els=None) -> str | None:
    """The headline: the page's visible <h1> when a machine title (JSON-LD, og:title, <title>)
    vouches for it, else the first machine title, else the lone <h1>.

    An <h1> that is the site's name or a machine title with a section glued on ("Local News |
    Headline") is not the headline; one that says the same with other words or punctuation
    ("... (5 Examples) | ...") is, in the form readers see."""
    sk = _key(site)
    clean = [c for c in (_strip_site(_clean(x), site) for x in cands) if c and _key(c) != sk]
    good = [h for h in h1s if _key(h) and _key(h) != sk and not (sk and _key(h) in sk)]
    for h in good:
        hk = _key(h)
        for c in clean:
            ck = _key(c)
            if hk == ck:
                return h
            if ck and ck in hk and len(ck) > 10:
                if c.rstrip().endswith(("...", "…")):
                    return h  # a machine title cut short
                if len(_TITLE_SEP.split(h)) > 1:
                    return c  # "Section | Headline" in the <h1>: the machine title is the clean form
                return h
            if hk in ck and len(hk) > 10:
                return h  # "Headline | Site" in the machine title
            if _similar(hk, ck) >= 0.6:
                return h
    # the story's own title element (inside <article>, marked as a title) says it as readers
    # see it, even where the machine titles are SEO rewrites ("20 Clever Ideas for your ...")
    for h, el in zip(h1s, h1_els or []):
        if h in good and el is not None and any(p.name == "article" for p in el.parents) \
                and re.search(r"title|headline|hed\b", _attr_text(el), re.I):
            return h
    if clean:
        return clean[0]
    return good[0] if len(good) == 1 else None


def _similar(a: str, b: str) -> float:
    ta, tb = set(a.split()), set(b.split())
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


_TITLE_SEP = re.compile(r"\s+[|–—:·•»-]\s+|\s*\|\s*")


def _strip_site(title: str, site: str | None) -> str:
    if not title:
        return title
    parts = _TITLE_SEP.split(title)
    if len(parts) > 1:
        sk = _key(site)
        if sk:
            if _key(parts[-1]) and (_key(parts[-1]) in sk or sk in _key(parts[-1])):
                return title[: _last_sep(title)].strip()
            if _key(parts[0]) and (_key(parts[0]) in sk or sk in _key(parts[0])) and len(parts) == 2:
                return parts[1].strip()
    return title


def _last_sep(title: str) -> int:
    last = None
    for m in _TITLE_SEP.finditer(title):
        last = m
    return last.start() if last else len(title)


def _site_name(site: str | None) -> str | None:
    """A site name as pages give it: URLs become their host ("http://www.tmz.com" -> "tmz.com")."""
    site = _clean(site)
    if not site or site.startswith("@"):
        return None
    if "://" in site or site.startswith("www."):
        host = re.sub(r"^[a-z]+://", "", site).split("/")[0]
        return re.sub(r"^www\.", "", host) or None
    return site


_COPYRIGHT = re.compile(
    r"(?:©|&copy;|&#169;|Copyright)\s*(?:\(c\)\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?"
    r"(?:by\s+)?([A-Z][\w&'.]*(?:[ \t]+[A-Z&][\w&'.]*){0,3})")


def _copyright_holder(html: str) -> str | None:
    """The site's owner from its copyright line ("©2005-2015 WebMD, LLC." -> "WebMD")."""
    tail = html[-300000:]
    for m in _COPYRIGHT.finditer(tail):
        name = re.sub(r"[\s,.]+(?:LLC|Inc|Ltd|GmbH|Limited|Corp|Corporation|Co|AG|SA|plc)\.?$", "", m.group(1)).strip(" .,")
        if name and name.lower() not in {"all", "the", "copyright"} and len(name) > 2:
            return name
    return None


def _spaced_site(site: str | None, html: str) -> str | None:
    """"HeraldSun" -> "Herald Sun" when the page itself writes it spaced."""
    if site and " " not in site and re.fullmatch(r"(?:[A-Z][a-z]+){2,4}", site):
        spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", site)
        if spaced in html:
            return spaced
    return site


def _site_from_title(title: str | None) -> str | None:
    if not title:
        return None
    parts = _TITLE_SEP.split(title)
    if len(parts) > 1 and 1 <= len(parts[-1].split()) <= 4:
        return parts[-1].strip()
    return None


# ---------------------------------------------------------------- body

_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "nav",
              "aside", "footer", "figure", "figcaption", "select", "input", "textarea", "canvas",
              "object", "embed", "video", "audio", "map", "dialog", "menu", "head", "link", "meta",
              # AMP components that are never article text
              "amp-ad", "amp-embed", "amp-analytics", "amp-sidebar", "amp-social-share", "amp-iframe",
              "amp-video", "amp-youtube", "amp-twitter", "amp-instagram", "amp-facebook", "amp-img",
              "amp-carousel", "amp-consent", "amp-user-notification", "amp-sticky-ad", "amp-auto-ads",
              "amp-list", "amp-lightbox", "amp-geo", "amp-pixel", "amp-state", "amp-bind-macro")
_UNLIKELY = re.compile(
    r"comment|related|share|sharing|social|sidebar|side-bar|\bnav|navbar|menu|footer|masthead|"
    r"promo|advert|\bads?\b|\bad-|-ad\b|adslot|dfp|sponsor|newsletter|subscribe|signup|sign-up|"
    r"breadcrumb|cookie|consent|popup|modal|caption|credit|\btags?\b|tag-list|widget|recommend|"
    r"outbrain|taboola|disqus|paywall|banner|toolbar|skip|most-popular|popular|trending|read-more|"
    r"more-stories|also-read|pagination|pager|author-bio|author-box|about-the-author|byline|"
    r"print-only|visually-hidden|sr-only|screen-reader|hidden|rating|review-form|login|"
    r"jump-to|toc\b|table-of-contents|breaking|ticker|alert|header-|site-header|top-bar|topbar",
    re.I)
_MAYBE = re.compile(r"article|body|content|main|story|entry|post-text|text|column|shadow", re.I)
_BLOCKS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td"}
_HEADINGS = {"h2", "h3"}
_CONTAINER_HINT = re.compile(
    r"article-?body|articlebody|article__body|article-content|article__content|story-?body|"
    r"story-content|entry-content|post-content|post-body|postbody|post-entry|blog-post|"
    r"body-text|article-text|content-body|main-content|td-post-content|rich-text|"
    r"paywall-article|caas-body|field-body|node-body|c-entry-content|article__text", re.I)


def _is_hidden(tag) -> bool:
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    style = str(tag.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _attr_text(tag) -> str:
    cls = tag.get("class")
    return ((" ".join(cls) if isinstance(cls, list) else str(cls or "")) + " "
            + str(tag.get("id") or "") + " " + str(tag.get("role") or "")).strip()


def _prune(root) -> None:
    """Drop everything that is never article text, in place, top-down: a dropped element's
    descendants are never visited (and extract() is far cheaper than decompose() here)."""
    from bs4 import Comment, Tag

    drop = []
    stack = list(reversed(root.contents))
    while stack:
        node = stack.pop()
        if not isinstance(node, Tag):
            if isinstance(node, Comment):
                drop.append(node)
            continue
        name = node.name
        if name in _DROP_SET and not (name == "form" and _holds_story(node, "")):
            drop.append(node)  # (ASP.NET pages wrap the whole page in one <form>)
            continue
        if name not in ("html", "body", "article", "main") and node.attrs:
            if (_is_hidden(node) and node.find(["h1", "article", "main"]) is None) or node.get("role") in _DROP_ROLES:
                drop.append(node)
                continue
            at = _attr_text(node)
            if at and _UNLIKELY.search(at) and not _MAYBE.search(at) and not _holds_story(node, at):
                drop.append(node)
                continue
        stack.extend(reversed(node.contents))
    for node in drop:
        node.extract()


_DROP_SET = frozenset(_DROP_TAGS)
_ALWAYS_OUT = re.compile(r"comment|disqus|respond|related|recommend|outbrain|taboola|newsletter|cookie|consent", re.I)


def _holds_story(node, at: str) -> bool:
    """A layout wrapper whose class merely mentions a sidebar, a nav drawer or an ad network
    ("panel-two-col-sidebar-right", "ad-portal", "theme-taboola") but holds the story (its
    <h1>, <article> or <main>, or a lot of paragraph text): keep it."""
    if node.find(["h1", "article", "main"]) is not None:
        return True
    if _ALWAYS_OUT.search(at):
        return False
    total = 0
    for p in node.find_all("p"):
        total += len(p.get_text())
        if total > 1500:
            return True
    return False
_DROP_ROLES = ("navigation", "complementary", "banner", "contentinfo", "dialog")


_INLINE = frozenset("a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd mark nobr q s samp "
                    "small span strike strong sub sup time tt u var wbr label".split())


def _text(tag) -> str:
    """A block's text as readers see it: inline markup adds no spaces ("Nyong<span>'</span>o",
    drop caps), block children and <br> do; line breaks kept for the caller to split on."""
    from bs4 import CData, NavigableString

    parts = []
    for node in tag.descendants:
        if isinstance(node, NavigableString):
            if type(node) is NavigableString or type(node) is CData:
                parts.append(str(node))
        elif node.name == "br":
            parts.append("\n")
        elif node.name not in _INLINE:
            parts.append(" ")
    text = "".join(parts)
    return re.sub(r"[^\S\n]+", " ", text).replace("\u00ad", "").replace("\u200b", "")


def _block_text(tag) -> str:
    """Text of a block, blank-line separated where the page breaks it with <br><br>."""
    text = _text(tag)
    if "\n" not in text:
        return _clean(text)
    pieces = [_clean(x) for x in re.split(r"\n\s*\n", text)]
    return "\n\n".join(x for x in pieces if x)


def _score_candidates(root):
    """Readability-style: each paragraph's text scores its parent (and half its grandparent)."""
    scores: dict[int, list] = {}
    for p in _named(root, "p", "pre", "blockquote"):
        t = _clean(p.get_text(" "))
        if len(t) < 25:
            continue
        pts = 1 + t.count(",") + min(len(t) // 100, 3)
        parent = p.parent
        for depth, node in enumerate((parent, parent.parent if parent else None)):
            if node is None or node.name in (None, "[document]"):
                break
            s = scores.setdefault(id(node), [node, 0.0])
            s[1] += pts / (1 + depth)
    if not scores:
        return None
    best = max(scores.values(), key=lambda s: s[1] * (1 - _link_density(s[0])))
    return best[0]


def _link_density(tag) -> float:
    text = len(_clean(tag.get_text(" "))) or 1
    links = sum(len(_clean(a.get_text(" "))) for a in tag.find_all("a"))
    return min(links / text, 1.0)


def _long_paragraphs(node) -> int:
    return sum(1 for p in node.find_all("p") if len(p.get_text()) > 60)


def _find_container(soup):
    # an explicit article body first
    for attr in ("itemprop", "property"):
        el = next(iter(_matching(soup, lambda t: _attr_has(t, attr, "articleBody"), limit=1)), None)
        if el is not None and len(el.get_text()) > 200:
            return el
    hinted = [el for el in _attr_matching(soup, _CONTAINER_HINT) if len(el.get_text()) > 200]
    best = None
    if hinted:
        # the hinted container with the most paragraphs, not mostly links
        best = max(hinted, key=lambda el: (len(el.find_all("p", recursive=True)), -_link_density(el)))
        if len(best.find_all("p")) < 2:
            best = None
    if best is None:
        best = _score_candidates(soup)
    if best is not None:
        # climb while an ancestor (up to five levels) holds many more long paragraphs: stories
        # split over several blocks ("o-article_block" after "o-article_block")
        node = best
        while True:
            own = _long_paragraphs(node)
            anc, found = node.parent, None
            for _ in range(5):
                if anc is None or anc.name in ("body", "html", "[document]"):
                    break
                up = _long_paragraphs(anc)
                if up >= own * 1.5 and up - own >= 3 and _link_density(anc) < 0.3:
                    found = anc
                    break
                anc = anc.parent
            if found is None:
                break
            node = found
        return node
    arts = soup.find_all("article")
    if arts:
        return max(arts, key=lambda a: len(a.get_text()))
    return soup.body or soup


def _blocks(container) -> list[tuple[str, str]]:
    """(kind, text) for the article's blocks in order: paragraphs, list items, sub-headings."""
    out: list[tuple[str, str]] = []
    stack = [iter(container.children)]  # explicit stack: deep markup must not overflow
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        name = getattr(child, "name", None)
        if name is None:
            continue
        if name in _BLOCKS:
            if name in ("li", "blockquote", "td", "dd") and child.find(["p", "div", "ul", "ol", "table"]):
                stack.append(iter(child.children))
                continue
            text = _block_text(child)
            if not text:
                continue
            if name in _HEADINGS:
                out.append(("subheading", text))
            elif name in ("h4", "h5", "h6"):  # minor headings: text, not sub-headings
                out.append(("minor" if len(text) < 120 else "body", text))
            else:
                out.extend(("body", piece) for piece in text.split("\n\n") if piece)
        elif name == "div" and not child.find(["p", "div", "h2", "h3", "ul", "ol", "table", "section", "article"]):
            text = _block_text(child)
            if len(text) >= 40:
                out.append(("body", text))
        elif name == "h1":
            continue
        else:
            stack.append(iter(child.children))
    return out


def _keep(kind: str, text: str) -> bool:
    if kind in ("subheading", "minor"):
        return 1 < len(text) < 200
    if len(text) < 2:
        return False
    low = text.lower()
    if re.match(r"^(advertisement|advertising|story continues below|continue reading|read more|"
                r"sign up|subscribe|click here|share this|related:|see also|follow us|image:|photo:|"
                r"getty images|image copyright|image caption|media caption)\b", low) and len(text) < 150:
        return False
    return True


_END_MARK = re.compile(
    r"(?i)^\W*(?:related(?:\s+\w+)?|more (?:stories|from|on|news|in)\b.*|read (?:more|next)\b.*|you (?:may|might) "
    r"also like.*|recommended.*|popular.*|trending.*|most (?:read|popular|viewed).*|(?:leave|post) a "
    r"(?:reply|comment).*|\d*\s*comments?|responses?|about the author.*|share (?:this|the story).*|"
    r"sign up.*|subscribe.*|newsletter.*|follow us.*|see also|further reading|tags?|topics?|"
    r"weitere artikel.*|mehr zum thema.*|lire aussi.*|à lire aussi.*|sur le même sujet.*|"
    r"leer más.*|te puede interesar.*)\W*$")


_TAIL_CHROME = re.compile(
    r"(?i)^\W*(?:reuse this content|our standards|follow (?:us|\w+)\s*(?:on|:)|sign up|subscribe|"
    r"get the latest|download (?:our|the) app|share (?:this|on)|copyright|©|all rights reserved|"
    r"we accept |click here|read more|see more|more from|advertisement|related:|tags?:|topics?:|filed under)"
    r"|(?:newsletter|sign up here|subscribe now|all rights reserved)\W*$")


def _head_chrome(kind: str, t: str) -> bool:
    if kind in ("subheading", "minor"):
        return True
    if t.rstrip().endswith(("—", "–", "-", ":")):
        return False  # "WASHINGTON —" on a line of its own
    if len(t) < 120 and _BY.match(t) and not re.search(r"[.!?]\s", t):
        return True  # "By Jane Roe, MA WebMD Health News"
    if len(t) < 40 and not re.search(r"[.!?…\"”»]$", t):
        return True
    return len(t) < 80 and _visible_date(t) is not None and len(re.sub(r"[\W\d]", "", t)) < 30


def _drop_promos(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Related", "Most read", "Sign up for our newsletter", "Leave a reply": at the end of the
    story they end it; in the middle (promo boxes) they and the short items under them go, and
    the story resumes at the next real paragraph."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(blocks):
        kind, t = blocks[i]
        if kind in ("subheading", "minor") and _END_MARK.match(t) and sum(1 for k, _ in out if k == "body") >= 2:
            j = i + 1
            while j < len(blocks):
                k, x = blocks[j]
                if k == "body" and len(x) >= 150:
                    break  # the story resumes
                if k in ("subheading", "minor") and _END_MARK.match(x):
                    j = len(blocks)  # promo after promo: the story is over
                j += 1
            if j >= len(blocks):
                break
            i = j
            continue
        out.append((kind, t))
        i += 1
    return out


def extract_body(soup, headline: str | None = None) -> tuple[str, list[Paragraph], list[str]]:
    """The article's paragraphs -> (text joined by blank lines, paragraphs, sub-headings).
    Prunes the soup in place: run the metadata steps first."""
    _prune(soup)
    soup.__dict__.pop("_newscli_index", None)  # rebuilt on demand for the pruned tree
    container = _find_container(soup)
    blocks = [(k, t) for k, t in _blocks(container) if _keep(k, t)]
    # a heading equal to the headline is not a sub-heading
    hk = _key(headline)
    blocks = [(k, t) for k, t in blocks if not (k == "subheading" and _key(t) == hk)]
    blocks = _drop_promos(blocks)
    # "Reuse this content", "Follow us: Twitter | Facebook", "Sign up for ..." after the story
    while len(blocks) > 1 and len(blocks[-1][1]) < 160 and _TAIL_CHROME.search(blocks[-1][1]):
        blocks.pop()
    # kickers, tags, bylines and date lines above the first paragraph are not the story
    while len(blocks) > 1 and _head_chrome(*blocks[0]):
        blocks.pop(0)
    # drop trailing sub-headings (section titles of what follows the story)
    while blocks and blocks[-1][0] in ("subheading", "minor"):
        blocks.pop()
    # de-duplicate consecutive repeats (AMP / responsive duplicates)
    dedup: list[tuple[str, str]] = []
    for b in blocks:
        if dedup and dedup[-1][1] == b[1]:
            continue
        dedup.append(b)
    parts, paras, subs = [], [], []
    pos = 0
    for kind, t in dedup:
        kind = "body" if kind == "minor" else kind
        if parts:
            pos += 2
        paras.append(Paragraph(pos, pos + len(t), kind))
        if kind == "subheading":
            subs.append(t)
        parts.append(t)
        pos += len(t)
    return "\n\n".join(parts), paras, subs


# ---------------------------------------------------------------- dateline in the text

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}[A-Z.](?:,\s+[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?)"
    rf"(?:,\s+(?P<date>{_MON}\s+\d{{1,2}}))?"
    r"\s*(?:\((?P<agency>AP|Reuters|AFP|UPI|Bloomberg|dpa|AAP|CNN|IANS|PTI)\)\s*)?"
    r"\s*[—–-]{1,2}\s")


def find_dateline(text: str, paras: list[Paragraph], published: str | None = None) -> Dateline:
    """"WASHINGTON (AP) —", "LONDON, March 5 (Reuters) -" at the start of the first body
    paragraph; a month and day take their year from the publication date."""
    for p in paras[:3]:
        if p.kind != "body":
            continue
        m = _DATELINE.match(text, p.start, p.end)
        if m:
            place = m.group("place").strip()
            if len(place.split()) > 5 or place.lower() in {"by", "updated"}:
                return Dateline()
            return Dateline(place=place, agency=m.group("agency"), date=_dateline_date(m.group("date"), published),
                            raw=m.group(0).strip(), start=m.start(), end=m.start() + len(m.group(0).rstrip()))
        break
    return Dateline()


def _dateline_date(written: str | None, published: str | None) -> str | None:
    pub = _day(published)
    if not written or pub is None:
        return None
    dt = _visible_date(f"{written} {pub.year}")
    if dt is None:
        return None
    d = dt.date()
    if d > pub + timedelta(days=2):  # "Dec. 31" in a story published on Jan. 2
        try:
            d = d.replace(year=d.year - 1)
        except ValueError:
            return None
    return d.isoformat()


# ---------------------------------------------------------------- the page's own date evidence

# resources the web archive rewrote for its copy ("/web/20110106023242im_/http://..."): only an
# archived copy of a page has them (a plain link to the archive does not)
_SNAPSHOT = re.compile(r"/web/((?:19|20)\d\d)([01]\d)([0-3]\d)\d{6}(?:im|cs|js|if|jm|fw)_/")


def _ceiling(steps: list[Meta], html: str) -> date | None:
    """The newest day the page itself vouches for: its modification dates and, for an archived
    copy, the archive's snapshot time. No publication date may come after it. (Copyright
    years are not evidence: footers go stale both ways.)"""
    days = [d for d in (_day(s.updated) for s in steps) if d]
    snaps = []
    for y, mo, d in _SNAPSHOT.findall(html[:400000]):
        try:
            snaps.append(date(int(y), int(mo), int(d)))
        except ValueError:
            pass
    if snaps:
        days.append(max(snaps))
    return max(days) if days else None


def _prefer_local(published: str | None, others: list[str | None]) -> str | None:
    """A UTC time stamp late in the publisher's evening falls on the next UTC day: when the
    page's own local evidence (URL date, <time>, visible date) names the day before, take it."""
    if not published or not re.search(r"(?:\+00:00|Z)$", published):
        return published
    day = _day(published)
    for o in others:
        od = _day(o)
        if od and day and od == day - timedelta(days=1) and not re.search(r"\+00:00$", o or ""):
            return o
    return published


def _pick_date(cands: list[str | None], ceiling: date | None) -> str | None:
    for c in cands:
        d = _day(c)
        if d is None:
            continue
        if d < _EARLIEST:
            continue
        if ceiling and d > ceiling + timedelta(days=1):
            continue
        return c
    return None


def _reissued(published: str | None, shown_update: str | None, ceiling: date | None) -> str | None:
    """A page whose only shown date is an update ("Updated May 06, 2019": recipes, guides,
    evergreen articles re-dated at each revision) and no publication date at all: the shown date
    is the one readers get, and it replaces an older machine stamp (a CMS creation date, a
    placeholder 1 January). Only a later day than the machine one, and only when the page's own
    modification stamps vouch for it (modified on or after that day: an update box of some other
    story has no such backing). A page with no machine date gets none from this: "Last updated"
    on a service or reference page dates its upkeep, not a publication. The caller checks that
    the page shows no publication date, nor the machine one anywhere (then that one stands)."""
    day, shown = _day(published), _day(shown_update)
    if day is None or shown is None or shown <= day or ceiling is None or shown > ceiling + timedelta(days=1):
        return published
    return shown_update


# ---------------------------------------------------------------- the whole page

def _soup(html: str):
    import warnings

    from bs4 import BeautifulSoup

    with warnings.catch_warnings():  # "looks like XML / a URL / a file name": we know, it's a page
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(html, "html.parser")
    _limit_depth(soup)
    return soup


MAX_DEPTH = 80  # real pages nest 20-40 deep; far deeper is unclosed or hostile markup


def _limit_depth(soup, max_depth: int = MAX_DEPTH) -> None:
    """Flatten every tag nested deeper than max_depth into its text, kept in place.

    Unclosed tags ("<p><b><i>" repeated) nest each one inside the last, and the body
    scoring walks each candidate's subtree: quadratic in depth. Flattening the rare deep
    parts keeps the whole step linear without touching normal pages."""
    from bs4 import Tag

    stack = [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        for child in list(node.children):
            if not isinstance(child, Tag):
                continue
            if depth + 1 >= max_depth:
                if any(isinstance(c, Tag) for c in child.children):
                    text = " ".join(child.stripped_strings)  # one linear walk of the subtree
                    child.clear()
                    child.append(text)
            else:
                stack.append((child, depth + 1))


def extract(html: str) -> Page:
    """A saved web page -> its article text and Layout (metadata cascade + body)."""
    soup = _soup(html)
    metas = _metas(soup)
    title_el = next(iter(_named(soup, "title")), None)
    title = _clean(title_el.get_text(" ")) if title_el else None
    h1_pairs = [(_clean(_text(h)), h) for h in _named(soup, "h1")]
    h1_pairs = [(t, el) for t, el in h1_pairs if 3 < len(t) < 300]
    h1s = [t for t, _ in h1_pairs]

    ld = from_jsonld(soup)
    og = from_opengraph(soup, metas)
    named = from_meta_names(soup, metas)
    tm = from_time(soup)
    steps = [ld, og, named, tm]
    # a "site name" that is a sentence, or the page's own title (apps named after the page), is not one
    titles = {_key(t) for t in [title, ld.headline, og.headline, named.headline, *h1s] if t}
    site = next((x for x in (_site_name(s.site) for s in steps)
                 if x and len(x.split()) <= 6 and not (len(x.split()) >= 4 and _key(x) in titles)), None) \
        or _site_from_title(title)
    site = _spaced_site(site, html)
    # the copyright holder names the organisation only (on a personal blog it is the author)
    organization = site or _copyright_holder(html)
    vis = from_visible(soup, "", site)
    steps.append(vis)
    m = merge(*steps)
    headline = _headline([ld.headline, og.headline, named.headline, title], h1s, site, [el for _, el in h1_pairs])

    ceiling = _ceiling(steps, html)
    canonical = None
    link = next((t for t in _named(soup, "link") if _attr_has(t, "rel", "canonical")), None)
    if link is not None:
        canonical = link.get("href")
    from_url = url_date(canonical or m.url) or url_date(og.url) or url_date(ld.url)
    scripted = from_scripts(soup)
    published = _pick_date([ld.published, og.published, named.published, tm.published, from_url,
                            scripted.published, vis.published], ceiling)
    published = _prefer_local(published, [from_url, tm.published, vis.published])
    if not vis.published:
        shown_update = _visible_updated(soup)
        if shown_update and _day(published) not in _written_days(soup):
            published = _reissued(published, shown_update, ceiling)
    updated = _pick_date([ld.updated, og.updated, named.updated, tm.updated], None)
    if updated and published and _day(updated) < _day(published):
        updated = None

    # the body (prunes the soup: metadata first)
    try:
        text, paras, subs = extract_body(soup, headline)
    except RecursionError:  # absurdly deep markup: fall back to the page's plain paragraphs
        text, paras, subs = _flat_body(html)

    if not published and paras:  # last resort: a dateline date opening the story
        published = _pick_date([_leading_date(text[paras[0].start:paras[0].end][:200])], ceiling)

    authors: list[str] = []
    agency_only: list[str] = []
    for s in steps[:4]:
        authors = clean_authors(s.authors, site, lenient=True)
        if authors:
            break
        agency_only = agency_only or clean_authors(s.authors, site, keep_agency=True)
    if not authors:
        m_by = _BY_LINE.search(text[:3000])
        authors = vis.authors or (clean_authors([m_by.group(1)], site) if m_by else []) \
            or clean_authors(scripted.authors, site)  # last: the page's script state
    byline = Byline(authors=authors, organization=organization or (agency_only[0] if agency_only else None),
                    raw=", ".join(authors) or None)

    layout = Layout(
        headline=headline,
        section=m.section,
        teaser=m.teaser,
        byline=byline,
        dateline=find_dateline(text, paras, published),
        published=published,
        updated=updated,
        paragraphs=paras,
        subheadings=subs,
        site=site,
    )
    return Page(text=text, layout=layout)


def _flat_body(html: str) -> tuple[str, list[Paragraph], list[str]]:
    import html as _h

    chunks = re.split(r"(?i)<\s*(?:p|br|div|li|h[1-6])\b[^>]*>", re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", html))
    parts = [t for t in (_clean(_h.unescape(re.sub(r"<[^>]*>", " ", c))) for c in chunks) if t]
    paras, pos = [], 0
    for t in parts:
        paras.append(Paragraph(pos, pos + len(t)))
        pos += len(t) + 2
    return "\n\n".join(parts), paras, []
