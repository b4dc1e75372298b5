"""text -> Layout: section, headline, teaser, byline, dateline, time stamps, paragraphs,
sub-headings and trailer of a plain-text story.

How a story is read
-------------------
1. The *head* (at most ``HEAD_LINES`` lines / ``HEAD_CHARS`` characters) is walked line by
   line.  Each line is a time stamp (``dates.STAMPS``), a byline (``BYLINES``, possibly
   split over several lines: "By / Jane Doe / and / John Roe, CNN"), a title line
   (section, headline), or content.  The first content block is the body's start, unless a
   byline or stamp follows it: then it was a teaser and the body starts after them.
2. The body's first line may open with a dateline (``DATELINES``); the first paragraph
   starts after it.
3. The *tail* is read backwards line by line: copyright lines, sign-offs ("Reuter"),
   "Reporting by ...", "... contributed to this report" go to the trailer (and credited
   names to ``byline.contributors``).  Boilerplate paragraphs elsewhere (``TRAILER`` rows
   marked ``anywhere``) are also kept out of the body.
4. Paragraphs are blocks between blank lines; in wire copy an indented line starts a new
   paragraph too.  A short line standing alone between prose paragraphs is a sub-heading.
   ``Layout.paragraphs`` lists, in text order, the headline (kind ``headline``), the teaser
   (``teaser``), then ``body`` and ``subheading`` paragraphs: quotes can sit in any of them,
   and ``Article.body`` keeps only the body.  The first body paragraph starts after the
   dateline.  Boilerplate is in ``trailer``, never in ``paragraphs``.

Rules are data: each row of ``DATELINES``, ``BYLINES`` and ``TRAILER`` has a name, a
pattern and a real-looking line it exists for; ``tests/test_structure.py`` checks every
row against its example.  Every regex runs on a bounded window (a line prefix, the head,
the tail), so the whole pass is linear in the text, whatever its shape.

When unsure, a field is null, never wrong.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import dates
from .models import Byline, Dateline, Paragraph


@dataclass
class Layout:
    headline: str | None = None
    section: str | None = None
    teaser: str | None = None
    byline: Byline = field(default_factory=Byline)
    dateline: Dateline = field(default_factory=Dateline)
    published: str | None = None
    updated: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    trailer: list[str] = field(default_factory=list)
    site: str | None = None


_BLOCK = re.compile(r"[^\r\n]+(?:(?:\r\n|\r|\n)[^\r\n]+)*")


def paragraphs(text: str) -> list[Paragraph]:
    """Blocks of text separated by blank lines, trimmed of surrounding whitespace."""
    out = []
    for m in _BLOCK.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Paragraph(s, e))
    return out


# ================================================================ rule tables


@dataclass(frozen=True)
class Rule:
    """One row of a rule table: a name, a pattern, and a line it exists for."""

    name: str
    pattern: str
    example: str
    where: str = "anywhere"  # TRAILER rows: "anywhere" in the body, or only in the "tail"
    # Text that every match holds (DATELINES rows): a line without it skips the row untried,
    # and its regex is compiled only once a line has it (each costs ~1.3 ms to compile).
    needs: str = ""

    @property
    def rx(self) -> re.Pattern:
        return _compile(self.pattern)


@lru_cache(maxsize=None)
def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern)


# ---- building blocks for datelines
_MONTH_WORD = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
               r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![\w'’])")
_MON = r"(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|abr|ene|dic|ago)[a-z]*)\.?"
_W = r"[A-Z][\w.'’&/\-]*"
_WN = rf"(?!{_MONTH_WORD}){_W}"  # a place word after the first: never a month ("NEW YORK, March 9")
_CONN = r"(?:de|da|do|dos|das|del|della|di|du|des|la|le|les|el|al|am|an|im|of|on|upon|sur|en|y)"
_PART1 = rf"{_W}(?:[ \t]+(?:{_CONN}[ \t]+)?{_WN}){{0,4}}"
_PARTN = rf"(?:the[ \t]+)?{_WN}(?:[ \t]+(?:{_CONN}[ \t]+)?{_WN}){{0,4}}"
_PLACE = rf"(?P<place>\**{_PART1}(?:[ \t]*,[ \t]*{_PARTN}){{0,2}})"
_WL = rf"(?:{_WN}|[a-z]{{2,12}}(?![\w.'’&/\-]))"  # "New york", "La paz": wire typos, only before a date
_PLACE_LAX = (rf"(?P<place>\**{_W}(?:[ \t]+(?:{_CONN}[ \t]+)?{_WL}){{0,4}}"
              rf"(?:[ \t]*,[ \t]*{_PARTN}){{0,2}})")
_CAPS_PLACE = (rf"(?P<place>[A-Z][A-Z.'’&/\-]+(?:[ \t]+(?:{_CONN}[ \t]+)?[A-Z][A-Z.'’&/\-]*){{0,4}}"
               rf"(?:[ \t]*,[ \t]*{_PARTN}){{0,2}})")
_DATE = (rf"(?P<date>{_MON}[ \t]*\d{{1,2}}(?:st|nd|rd|th)?(?:,[ \t]*\d{{4}})?"
         rf"|\d{{1,2}}[ \t]+{_MON}(?:[ \t]+\d{{4}})?)")
# wire copy mistypes its dates ("March 2O", "Apri l7", "April"): keep the place, date null
_DATEISH = (rf"(?<![\w'’])(?P<date>{_MON}[ \t]*\w{{0,4}}(?:,[ \t]*\d{{4}})?|[A-Z][A-Za-z]{{2,8}}\.?[ \t]*\d{{1,2}}"
            rf"|\d{{1,2}}[ \t]+{_MON}(?:[ \t]+\d{{4}})?)")
_DASH = r"(?:[ \t]*[—–]+[ \t]*|[ \t]+-{1,2}[ \t]+)"
_AGENCY_DASH = r"[ \t]*(?:[—–]+|-{1,2})[ \t]*"


def _agency(names: str) -> str:
    return rf"\((?P<agency>{names})\)"


_PLACE_DATE = rf"(?:{_PLACE}(?:[ \t]*,[ \t]*{_DATE})?[ \t]+)?"

# name, pattern anchored at the start of the body's first line, a line it exists for
DATELINES = (
    Rule("web_repeat", rf"(?:[A-Z][\w.,'’ ]{{0,40}}?[ \t]+)?(?:CNN|AP|Reuters|AFP|UPI|Bloomberg)[ \t]*[—–][ \t]*"
         rf"(?:{_PLACE}[ \t]+)?{_agency('CNN|AP|Reuters|AFP|UPI|Bloomberg')}{_AGENCY_DASH}",
         "Hong Kong CNN — Hong Kong (CNN) — The city's leader said on Tuesday...", needs="("),
    Rule("cnn_2023", rf"(?:{_PLACE}[ \t]+)?(?P<agency>CNN)[ \t]*[—–][ \t]*",
         "Washington CNN — The Senate passed the bill on Tuesday.", needs="CNN"),
    Rule("cnn", rf"{_PLACE_DATE}{_agency('CNN(?: Business)?')}{_AGENCY_DASH}",
         "Washington (CNN) — The Senate passed the bill on Tuesday.", needs="(CNN"),
    Rule("ap", rf"{_PLACE_DATE}{_agency('AP')}{_AGENCY_DASH}",
         "WASHINGTON (AP) — President Joe Biden said Tuesday that...", needs="(AP)"),
    Rule("reuters", rf"{_PLACE_DATE}{_agency('Reuters')}{_AGENCY_DASH}",
         "LONDON, March 5 (Reuters) - British factory output fell in January.", needs="(Reuters)"),
    Rule("afp", rf"{_PLACE_DATE}{_agency('AFP')}{_AGENCY_DASH}",
         "PARIS (AFP) - French unions called a new strike on Thursday.", needs="(AFP)"),
    Rule("upi", rf"{_PLACE_DATE}{_agency('UPI')}{_AGENCY_DASH}",
         "NEW YORK, Nov. 19 (UPI) — Stocks opened higher on Wall Street.", needs="(UPI)"),
    Rule("bloomberg", rf"{_PLACE_DATE}{_agency('Bloomberg(?: News)?')}{_AGENCY_DASH}",
         "NEW YORK (Bloomberg) -- Treasuries rose for a third day.", needs="(Bloomberg"),
    Rule("dpa", rf"{_PLACE_DATE}{_agency('dpa')}{_AGENCY_DASH}",
         "BERLIN (dpa) - German exports rose more than expected in March.", needs="(dpa)"),
    Rule("agency", rf"{_PLACE_DATE}{_agency(r'[A-Z][A-Za-z.&]{1,20}(?: [A-Z][A-Za-z.&]{1,20}){0,2}')}{_AGENCY_DASH}",
         "BEIJING (Xinhua) -- China's exports grew in May.", needs="("),
    Rule("date_only", rf"{_DATE}[ \t]*-{{1,2}}[ \t]+",
         "JUNE 3 - Portugal moves its clocks forward one hour.", needs="-"),
    Rule("reuters_1987", rf"{_PLACE_LAX}[ \t]*,?[ \t]*(?:-[ \t]*)?{_DATEISH}(?:[ \t]*,)?(?:[ \t]*Reuters?\b)?"
         rf"[ \t]*,?[ \t]*(?:-{{1,2}}[ \t]+|[—–][ \t]*)",
         "SANTOS, Feb 26 - Coffee exporters said shipments slowed in"),
    Rule("reuters_lower", rf"(?P<place>[a-z]{{2,15}}(?:[ \t]+[a-z]{{2,15}}){{0,2}})[ \t]*,[ \t]*{_DATE}[ \t]*-{{1,2}}[ \t]+",
         "wichita, may 4 - cash wheat bids were two cts higher", needs="-"),
    # last resort for garbled wire places ("ME}LBOURNE", "RPT --LUDWIGSHAFEN"): the day is still good
    Rule("wire_fallback", rf"(?P<place>(?:(?![.!?;:][ \t]+[A-Z])[^\n,]){{1,40}}?(?:,(?:(?![.!?;:][ \t]+[A-Z])[^\n,]){{1,30}}?)?)"
         rf"[ \t]*[,.]+[ \t]*{_DATE}(?:[ \t]*,)?[ \t]*-{{1,2}}[ \t]+",
         "ST}LOUIS, March 9 - Acme Shoe Co said it", needs="-"),
    Rule("place_caps_dash", rf"{_CAPS_PLACE}{_DASH}",
         "TRENTON, N.J. - Acme Foods Inc said it would close two stores"),
    Rule("place_dash", rf"{_PLACE}[ \t]+-{{1,2}}[ \t]+",
         "Paris - France will sell new ten-year bonds next week", needs="-"),
)

# ---- bylines: the shape of the line; the names inside are checked by _split_names
KNOWN_ORGS = (
    "Associated Press", "AP", "Reuters", "Reuter", "CNN", "CNN Business", "AFP", "Agence France-Presse",
    "UPI", "United Press International", "Bloomberg", "Bloomberg News", "Dow Jones", "Xinhua", "dpa",
    "Kyodo", "Kyodo News", "Yonhap", "BBC", "BBC News", "NPR", "CBS News", "NBC News", "ABC News",
    "Fox News", "CNBC", "Al Jazeera", "Politico", "Axios", "USA Today", "The New York Times",
    "The Washington Post", "The Wall Street Journal", "The Guardian", "Press Association", "PA",
    "The Canadian Press", "Canadian Press", "AAP", "TASS", "Interfax", "ANSA", "EFE", "PTI",
)
_ORG_ALT = "|".join(sorted((re.escape(o) for o in KNOWN_ORGS), key=len, reverse=True))
_KNOWN_ORG_RX = re.compile(rf"(?i:{_ORG_ALT})")
_BY = r"(?i:by)\b:?[ \t]*"

BYLINES = (
    Rule("org_staff", rf"{_BY}(?P<tail>(?i:{_ORG_ALT}|[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){{0,3}}) (?i:staff)(?: (?i:writers?|reports?))?)\.?",
         "By AP Staff"),
    Rule("by_pipe", rf"{_BY}(?P<names>[^|]{{3,160}}?)[ \t]*\|[ \t]*(?P<tail>[^|]{{2,80}}?)\.?",
         "By Jane Doe | Reuters"),
    Rule("by", rf"{_BY}(?P<names>.{{3,240}}?)\.?", "By JANE DOE and JOHN ROE, Associated Press"),
    Rule("names_known_org", rf"(?!(?i:by)\b)(?P<names>[^,]{{3,160}}?(?:,[^,]{{3,80}}?)*?)[ \t]*,[ \t]*(?P<tail>{_ORG_ALT})\.?",
         "Jane Doe and John Roe, CNN"),
)

# letters of any script; _is_name then checks that every word but a particle is capitalised
_NAME_TOKEN = r"(?:[^\W\d_]\.(?:[ \t]?[^\W\d_]\.)*|(?:[dD][’']|[OL][’'])?[^\W\d_](?:[^\W\d_]|[’'\-])*\.?)"
_PARTICLE = r"(?:de|da|das|dos|van|von|der|den|del|della|di|du|la|le|bin|ibn|al|el|ter|ten|y|e|st\.?)"
_NAME_RX = re.compile(rf"{_NAME_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_NAME_TOKEN}){{1,4}}")
_NOT_NAME = frozenset("""
the a an this that these those his her its our their my your it he she they we i you
monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
staff writer writers reporter reporters correspondent editor editors news service wire
in on at for of from to with as after before during since under over all no not
""".split())
_ROLE_END = frozenset("""
writer writers correspondent correspondents reporter reporters editor editors columnist
contributor contributors analyst critic producer photographer staff chief intern
""".split())
_ROLE_ADJ = frozenset("""
senior chief deputy special staff business political national foreign international diplomatic
economics economic science health sports technology tech legal investigative white house
washington world markets energy climate
""".split())
_ORG_WORDS = frozenset("""
news times post press journal herald tribune gazette courier chronicle telegraph wire service
agency network media magazine daily weekly radio television tv inc group company associated
""".split())

# ---- trailer: boilerplate lines kept out of the body (fullmatch on the stripped line)
TRAILER = (
    Rule("copyright", r"(?i)(?:.{0,80}?(?<![\w\u0300-\u036f])(?:©|\(c\))[ \t]*(?:\d{4}|(?-i:[A-Z]))|copyright\b[ \t]*(?:©|\(c\))?[ \t]*\d{4}"
         r"|.{0,300}?\ball rights reserved\b).{0,300}",
         "Copyright 2024 by Cable News Network, Inc. All rights reserved."),
    Rule("separator", r"[_=*~\-]{3,}[ \t_=*~\-]*", "___"),
    Rule("advertisement", r"(?i)(?:advertisement|advertising|sponsored(?: content)?|"
         r"story continues below(?: advertisement)?|scroll to continue(?: with content)?)\.?", "Advertisement"),
    Rule("related", r"(?i)(?:related(?: coverage| stories| articles?)?|read more|see also|more on this story"
         r"|recommended)[ \t]*:.{0,300}", "Related: Fed holds rates steady as inflation cools"),
    Rule("follow", r"(?i)(?:follow|find)[ \t]+.{1,80}?[ \t]+on[ \t]+(?:twitter|x|facebook|instagram|threads|bluesky"
         r"|linkedin|mastodon)\b.{0,120}", "Follow Jane Doe on Twitter at @janedoe"),
    Rule("contact", r"(?i)(?:to )?contact(?: the (?:author|reporter|writer)s?| us)?(?: on this story)?[ \t]*:.{0,300}",
         "Contact: Jane Doe, jane.doe@example.com"),
    Rule("photo_credit", r"(?i)(?:\(?(?:photo(?:graph)?|image|picture|video|file photo)s?(?: credit)?[ \t]*(?::|by)"
         r"|credit[ \t]*:).{1,200}", "Photo: Jane Doe/Getty Images"),
    Rule("photo_caption", r".{0,400}?\((?:(?:AP Photo|AP|Reuters|AFP|EPA|Photo|File(?: photo)?)(?:/|:| by )[^()]{1,80}"
         r"|[^()]{1,60}/(?:Getty Images|AFP|Reuters|AP|EPA|Bloomberg|Shutterstock)[^()]{0,40})\)",
         "Protesters march near the Capitol on Tuesday. (AP Photo/Jane Doe)"),
    Rule("label", r"(?:ABSTRACT|FULL TEXT|LETTERS|SUMMARY|HIGHLIGHTS)\.?", "FULL TEXT."),
    Rule("read_time", r"(?i)\d{1,3}[ \t-]*min(?:ute)?s?\.?[ \t]+read", "4 minute read"),
    Rule("web_chrome", r"(?i)(?:share(?: this)?(?: article| story| on \w+)?|link copied!?|copy link|tweet|email"
         r"|print|comments?|video ad feedback|ad feedback|now playing|see more videos|close|skip to content)",
         "Link Copied!"),
    Rule("newsletter", r"(?i)(?:sign up|subscribe)\b.{0,120}?\bnewsletters?\b.{0,120}",
         "Sign up for our free Morning Briefing newsletter here."),
    Rule("standards", r"(?i)our standards:.{0,120}", "Our Standards: The Thomson Reuters Trust Principles.", "tail"),
    Rule("reuters_signoff", r"(?i)reuters?(?:[ \t]*\.{1,3}|[ \t]*\^M|[ \t]+[A-Z]\b)*", "Reuter", "tail"),
    Rule("more", r"(?i)(?:more|\(?more\)?)", "MORE", "tail"),
    Rule("reporting_by", r"(?i)\(?[ \t]*(?:additional[ \t]+)?(?:reporting|writing|editing|compiled)[ \t]+by[ \t]+.{2,400}",
         "(Reporting by Jane Doe in London; Editing by John Roe)", "tail"),
    Rule("contributed", r"(?i)(?:the[ \t]+)?(?:associated[ \t]+press|ap|reuters|cnn|bloomberg)(?:[ \t]+\w+){0,2}?[ \t]+"
         r"(?:writers?|reporters?|correspondents?|journalists?|researchers?|producers?)[ \t]+(?P<names>.{3,200}?)"
         r"[ \t]+contributed(?:[ \t]+.{0,80})?\.?",
         "Associated Press writer Jane Doe in Paris contributed to this report.", "tail"),
    Rule("contributing", r"(?i)contributing(?: reporting)?[ \t]*:[ \t]*(?P<names>.{3,300})",
         "Contributing: Jane Doe, USA TODAY; The Associated Press", "tail"),
    Rule("contributed_plain", r"(?P<names>[A-Z][^.]{3,200}?)[ \t]+contributed[ \t]+(?:reporting|to[ \t]+this[ \t]+(?:report|story|article))"
         r".{0,120}", "Jane Doe contributed reporting from Paris.", "tail"),
)
_TRAILER_BY_NAME = {r.name: r for r in TRAILER}
_CREDIT_RX = re.compile(r"(?i)(?:reporting|writing|editing|compiled)\s+by\s+([^;()]+)")

HEAD_LINES = 60
HEAD_CHARS = 6000
TAIL_LINES = 25
TAIL_CHARS = 4000
_LINE_PREFIX = 400  # metadata lines are short; only this much of a line is ever matched


# ================================================================ small readers


def match_dateline(text: str, pos: int = 0) -> tuple[Rule, re.Match] | None:
    """The first DATELINES row that matches at ``pos`` (a bounded window of the line)."""
    end = min(len(text), pos + _LINE_PREFIX)
    # Every row ends in a dash ("-", "--", an en or em dash) and none reads past a line end,
    # so a line with no dash is no dateline: three calls in four stop here, before sixteen
    # regex tries. (A new row without a dash, or one that crosses "\n", must drop this check.)
    nl = text.find("\n", pos, end)
    if _DASH_CHAR.search(text, pos, end if nl < 0 else nl) is None:
        return None
    for rule in DATELINES:
        if rule.needs and text.find(rule.needs, pos, end) < 0:
            continue  # it cannot match here (and is compiled only once a line can)
        m = rule.rx.match(text, pos, end)
        if m and _dateline_ok(rule, m):
            return rule, m
    return None


_DASH_CHAR = re.compile("[-\u2013\u2014]")
_CONN_WORDS = frozenset(_CONN[3:-1].split("|"))
_NOT_AGENCY = frozenset({"CORRECTED", "CORRECTION", "RPT", "REPEAT", "UPDATE", "UPDATED", "REFILE", "FIXED",
                         "ADDS", "RECASTS", "URGENT", "FLASH", "ADVISORY"})
_WEAK_DATELINES = frozenset({"place_caps_dash", "place_dash", "date_only"})


def _strong_dateline(text: str, pos: int) -> bool:
    """A dateline that cannot be a headline: it names an agency or a day."""
    got = match_dateline(text, pos)
    return got is not None and got[0].name not in _WEAK_DATELINES


def _dateline_ok(rule: Rule, m: re.Match) -> bool:
    place = m.groupdict().get("place")
    agency = m.groupdict().get("agency")
    if agency and agency.upper() in _NOT_AGENCY:
        return False
    if place:
        first = place.lstrip("*").split(",")[0].strip()
        if first.lower() in _NOT_NAME or re.fullmatch(_MONTH_WORD, first):
            return False
        for k, part in enumerate(place.split(",")):
            words = part.split()
            lower = [w for w in words if w.islower() and len(w) >= 3 and w not in _CONN_WORDS and w != "the"]
            if lower and (len(words) > 2 or k == 0 and words[0].islower() and rule.name != "reuters_lower"):
                return False  # "New york", "La paz" are typos; "The company said on Tuesday" is a sentence
        if rule.name in ("place_dash",) and len(first.split()) > 3:
            return False
        if rule.name == "wire_fallback" and (not re.search(r"[A-Z]", place)
                                             or re.search(r"(?<![\w'])[a-z]{3,}\b", place)):
            return False  # prose before a date ("The company said on Tuesday, March 5 -")
    return True


def _clean_place(place: str | None) -> str | None:
    if not place:
        return None
    place = re.sub(r"[ \t]+", " ", place.lstrip("*")).strip().rstrip(",").strip()
    place = re.sub(r"\s+,", ",", place)
    return place or None


def parse_byline(line: str) -> Byline | None:
    """A byline line (or lines joined by spaces) -> Byline; None if it is not one."""
    s = re.sub(r"\s+", " ", line).strip()
    if not s or len(s) > 300:
        return None
    for rule in BYLINES:
        m = rule.rx.fullmatch(s)
        if not m:
            continue
        g = m.groupdict()
        names = g.get("names")
        tail = g.get("tail")
        if names is None:  # "By AP Staff": an organisation, no author
            org = _org_from_tail(re.sub(r"(?i)\s+staff(?:\s+\w+)?\.?$", "", tail or ""))
            if org:
                return Byline(authors=[], organization=org, raw=s)
            continue
        split = _split_names(names)
        if split is None and (tail is not None and _KNOWN_ORG_RX.fullmatch(tail.strip().rstrip("."))
                              or re.search(rf",\s*(?:{_ORG_ALT})\.?$", names, re.I)):
            split = _split_names(names, lenient=True)  # "By jane doe, Reuters"
        if split is None:
            continue
        authors, tail2 = split
        if not authors:
            continue
        org = None
        if tail is not None:
            org = _org_from_tail(tail)
            if org is None and not _is_role(tail):
                continue
        elif tail2 is not None:
            org = _org_from_tail(tail2)
        return Byline(authors=[name_case(a) for a in authors], organization=org, raw=s)
    return None


_SHOUTED_WORD = re.compile(r"[^\W\d_]{3,}(?:['’-][^\W\d_]+)*")


def name_case(name: str) -> str:
    """Wire bylines shout names ("By JANE DOE", "Léa MARCHAND"): write them as names.
    Only all-capital words of three letters or more change, so "MJ Lee" stays as it is."""
    return _SHOUTED_WORD.sub(lambda m: m.group(0).title() if m.group(0).isupper() else m.group(0), name)


def _split_names(s: str, lenient: bool = False) -> tuple[list[str], str | None] | None:
    """"JANE DOE and JOHN ROE, Associated Press" -> (["JANE DOE", "JOHN ROE"], "Associated Press"); parse_byline writes them as names.

    None if any piece is not a name (so "By the time she arrived" is no byline)."""
    s = s.strip().rstrip(".").strip()
    pieces = [p for p in re.split(r"\s*,\s*(?:(?i:and)\s+|&\s*)?|\s+(?i:and)\s+|\s*&\s*", s) if p]
    if not pieces:
        return None
    tail = None
    # "MARCUS BELL Associated Press", "Brad Schade Reuters": an organisation glued to the last name
    m = re.match(rf"(.+?)\s+({_ORG_ALT})$", pieces[-1], re.I)
    if m and _is_name(m.group(1).title() if lenient else m.group(1)) and _KNOWN_ORG_RX.fullmatch(m.group(2)):
        pieces[-1], tail = m.group(1), m.group(2)
    # trailing organisation or role pieces: "..., Associated Press", "..., AP Business Writer"
    while len(pieces) > 1 and (_org_from_tail(pieces[-1]) and not _looks_like_person(pieces[-1])
                               or _is_role(pieces[-1])):
        piece = pieces.pop()  # "Jane Doe, Staff Writer, The Boston Globe": keep the organisation
        if tail is None or _org_from_tail(tail) is None:
            tail = piece if _org_from_tail(piece) or tail is None else tail
    names = []
    for p in pieces:
        if not _is_name(p.title() if lenient else p):
            return None
        names.append(p)
    return names, tail


_PARTICLES = frozenset("de da das dos van von der den del della di du la le bin ibn al el ter ten y e st st.".split())


def _is_name(p: str) -> bool:
    if not _NAME_RX.fullmatch(p):
        return False
    ws = p.split()
    for k, w in enumerate(ws):
        if w.lower() in _PARTICLES and 0 < k < len(ws) - 1:
            continue  # "Ana de la Cruz": particles only inside a name
        core = re.sub(r"^(?:[dDOL][’'])", "", w)
        if not core[:1].isupper():
            return False
    words = [w.strip(".").lower() for w in p.split()]
    if any(w in _NOT_NAME for w in words):
        return False
    if _KNOWN_ORG_RX.fullmatch(p):
        return False
    return True


def _looks_like_person(p: str) -> bool:
    return _is_name(p) and not any(w.lower() in _ORG_WORDS for w in p.split())


def _is_role(tail: str) -> bool:
    words = tail.strip().rstrip(".").lower().split()
    return bool(words) and words[-1] in _ROLE_END


def _org_from_tail(tail: str) -> str | None:
    """The organisation named after a byline's names: "Associated Press", "AP Business Writer"
    -> "AP", "Reuter" -> "Reuters"; "Staff Writer" -> None."""
    t = re.sub(r"\s+", " ", tail).strip().rstrip(".,").strip()
    if not t or len(t) > 60:
        return None
    if _is_role(t):  # "AP Business Writer" -> "AP"; "The Boston Globe Staff" -> "The Boston Globe"
        words = t.split()
        while words and (words[-1].lower() in _ROLE_END or words[-1].lower() in _ROLE_ADJ):
            words.pop()
        prefix = " ".join(words)
        if not prefix:
            return None
        m = re.match(rf"({_ORG_ALT})\b", prefix, re.I)
        if m and m.end() == len(prefix):
            return _canonical_org(m.group(1))
        if words[0] == "The" or any(w.lower() in _ORG_WORDS for w in words):
            return prefix
        return _canonical_org(m.group(1)) if m else None
    if _KNOWN_ORG_RX.fullmatch(t):
        return _canonical_org(t)
    words = t.split()
    if len(words) > 6 or not all(w[0].isupper() or w.lower() in ("of", "the", "and", "&", "for") for w in words):
        return None
    if words[0] == "The" or any(w.lower() in _ORG_WORDS for w in words) or _KNOWN_ORG_RX.match(t):
        return t
    return None


def _canonical_org(org: str) -> str:
    if org.lower() in ("reuter", "reuters"):
        return "Reuters"
    return org


def _trailer_rule(line: str, tail: bool) -> Rule | None:
    """The first TRAILER row that reads the whole (stripped) line; tail-only rows if ``tail``."""
    s = line.strip()
    if not s or len(s) > 600:
        return None
    # The copyright and photo_caption rows scan an ordinary paragraph with a lazy ".{0,300}?"
    # at each position (three quarters of the union's time); each needs text that few lines
    # hold. A row that cannot match is left out: the first row that matches stays the same.
    skip = (not _may_be_copyright(s), "(" not in s)
    m = _trailer_union(tail, skip).fullmatch(s)  # one pass over the rows, in table order
    return TRAILER[int(m.lastgroup[1:])] if m else None


# What the copyright row cannot match without (searched with its own case folding).
_COPYRIGHT_WORDS = re.compile(r"(?i)\u00a9|\(c\)|copyright|all rights reserved")


def _may_be_copyright(s: str) -> bool:
    """Whether s holds _COPYRIGHT_WORDS. An ASCII line is looked at lower-cased (ASCII letters
    fold only to ASCII letters, so that is exact and three times faster than the regex); other
    lines go to the regex, whose case folding also matches e.g. the long s for "s"."""
    if s.isascii():
        low = s.lower()
        return "(c)" in low or "copyright" in low or "all rights reserved" in low
    return _COPYRIGHT_WORDS.search(s) is not None


@lru_cache(maxsize=8)
def _trailer_union(tail: bool, skip: tuple[bool, bool] = (False, False)) -> re.Pattern:
    """The TRAILER rows as one alternation; skip = (no copyright words, no "(") leaves out
    the rows that need them."""
    no_copyright, no_paren = skip
    alts = []
    for k, rule in enumerate(TRAILER):
        if rule.where == "tail" and not tail:
            continue
        if no_copyright and rule.name == "copyright" or no_paren and rule.name == "photo_caption":
            continue
        p = re.sub(r"\(\?P<\w+>", "(?:", rule.pattern)  # row-level names are read by rule.rx
        body = f"(?i:{p[4:]})" if p.startswith("(?i)") else f"(?:{p})"
        alts.append(f"(?P<r{k}>{body})")
    return re.compile("|".join(alts))


def _contributors(rule: Rule, line: str) -> list[str]:
    out: list[str] = []
    if rule.name == "reporting_by":
        chunks = _CREDIT_RX.findall(line)
    else:
        m = rule.rx.fullmatch(line.strip())
        chunks = [m.group("names")] if m and m.groupdict().get("names") else []
    for chunk in chunks:
        for piece in re.split(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s*&\s*", chunk.strip().rstrip(".)")):
            piece = re.split(r"\s+(?:in|from|at)\s+[A-Z]", piece)[0].strip()
            if _is_name(piece) and piece not in out:
                out.append(piece)
    return out


# ---- title lines

_ABBREV_END = re.compile(r"(?:\b[A-Za-z]\.[A-Za-z]\.|\b(?:Inc|Co|Corp|Ltd|Bros|Jr|Sr|St|Mass|Calif|Pa|Va)\.)$", re.I)


def _titleish(s: str) -> bool:
    s = s.strip()
    if not s or len(s) > 250 or len(s.split()) > 30:
        return False
    if s.endswith((",", ";", ":")):
        return False
    if s.endswith(".") and not s.endswith("...") and not _ABBREV_END.search(s):
        return False
    return s[0].isupper() or s[0].isdigit() or s[0] in "\"'“‘<(["


_ABBREV = frozenset("mr mrs ms dr st jr sr sen rep gov gen lt col co inc corp no vs v".split())


def _one_sentence(t: str) -> bool:
    """No full stop inside but after an initial or abbreviation ("as U.S. Ages", "Roe v. Wade")."""
    for m in re.finditer(r"(\S+)[.!?][ \t]+[A-Z]", t):
        tok = m.group(1).lower().rstrip(".")
        if not (tok in _ABBREV or re.fullmatch(r"(?:[a-z]\.)*[a-z]", tok)):
            return False
    return True


def _sentence_title(text: str, lines: list[tuple[int, int]], i: int, t: str) -> bool:
    """A first line that ends in a full stop is still the headline when it stands alone, is
    one short sentence, and a longer paragraph or a dateline follows within the next blocks
    ("O'Malley campaign to shift staff.").  "The Fed held rates.\n\nIt said so." has none."""
    words = t.split()
    if not (3 <= len(words) <= 25 and t.endswith(".") and t[0].isupper() and _one_sentence(t)):
        return False
    k = i + 1
    if k < len(lines) and not _blank(text, *lines[k]):
        return False  # the line runs on: a wrapped paragraph, not a title
    blocks = 0
    while k < len(lines) and blocks < 3:
        while k < len(lines) and _blank(text, *lines[k]):
            k += 1
        if k >= len(lines):
            break
        ks, ke = lines[k]
        multi = k + 1 < len(lines) and not _blank(text, *lines[k + 1])
        if ke - ks > 1.5 * len(t) or multi or match_dateline(text, ks + _indent(text, ks, ke)) is not None:
            return True
        blocks += 1
        k += 1
    return False


# words that name a desk or section ("Political News", "World", "Middle East", "Opinion")
SECTION_WORDS = frozenset("""
news politics political world business opinion opinions sport sports tech technology health science
entertainment style travel markets market economy money us u.s. europe asia africa americas middle east
australia uk china india analysis live local national international climate environment media culture
arts books food lifestyle weather education crime justice law investigations features video
breaking latest stories headlines nation metro region regional energy autos real estate wellness
""".split())


def _section_like(s: str) -> bool:
    """A section name above the headline: short, capitalised, and naming a desk, or a short
    all-caps kicker ("EXCLUSIVE").  A short Title-Case headline is not one ("Fed Holds Rates")."""
    words = s.split()
    if not (1 <= len(words) <= 4 and len(s) <= 40 and not any(c.isdigit() for c in s)
            and all(w[0].isupper() or w in ("&", "and", "of") for w in words)):
        return False
    return any(w.lower().strip(".,:") in SECTION_WORDS for w in words) or (s.isupper() and len(words) <= 2)


# ================================================================ lines


def _head_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the first lines (end excludes the newline); only the head window."""
    out = []
    n = len(text)
    pos = 0
    limit = min(n, HEAD_CHARS)
    while pos < n and len(out) < HEAD_LINES:
        if pos > limit:
            break
        nl = text.find("\n", pos)
        e = n if nl < 0 else nl
        le = e - 1 if e > pos and text[e - 1] == "\r" else e
        out.append((pos, le))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _blank(text: str, s: int, e: int) -> bool:
    if e - s > 200:
        return False
    return not text[s:e].strip()


def _head(text: str, s: int, e: int) -> str:
    return text[s:min(e, s + _LINE_PREFIX)].strip()


# ================================================================ layout


def layout(text: str) -> Layout:
    """Read a plain-text story into a Layout (pure; linear in the text)."""
    out = Layout()
    n = len(text)
    lines = _head_lines(text)
    titles: list[tuple[str, int, int]] = []
    stamp_style = None
    byline: Byline | None = None
    teaser: tuple[int, int] | None = None
    meta_seen = False
    last_meta = -1  # start of the last byline or stamp line seen
    pending_label = None
    head_trailer: list[tuple[int, str]] = []  # boilerplate lines in the head, with their offsets
    body_at: int | None = None  # offset where the body starts
    i = 0
    L = len(lines)
    while i < L:
        s, e = lines[i]
        if _blank(text, s, e):
            i += 1
            continue
        t = _head(text, s, e)
        long_line = e - s > _LINE_PREFIX
        stamp = None if long_line else dates.parse_stamp_line(t)
        if stamp is not None:
            if stamp.get("bare"):  # "Updated" alone on its line: the time follows on the next
                pending_label = stamp["bare"][-1]
            elif pending_label == "updated" and not stamp.get("labelled") and stamp["published"]:
                stamp = {**stamp, "updated": stamp["published"], "published": None}
            if not stamp.get("bare"):
                pending_label = None
            out.published = out.published or stamp["published"]
            out.updated = out.updated or stamp["updated"]
            stamp_style = stamp_style or stamp["style"]
            meta_seen = True
            last_meta = s
            i += 1
            continue
        if byline is None and not long_line:
            got = _byline_at(text, lines, i)
            if got:
                byline, i = got
                meta_seen = True
                last_meta = s
                continue
        if not long_line and _trailer_rule(t, tail=False) and not match_dateline(text, s + _indent(text, s, e)):
            head_trailer.append((s, t))
            i += 1
            continue
        after_stamp = i > 0 and stamp_style is not None and not _blank(text, *lines[i - 1]) and len(t) <= 250 \
            and dates.parse_stamp_line(_head(text, *lines[i - 1])) is not None
        ends_block = (i + 1 >= L or _blank(text, *lines[i + 1]) or _is_meta(text, lines[i + 1])
                      or after_stamp and _strong_dateline(text, lines[i + 1][0] + _indent(text, *lines[i + 1])))
        if (not long_line and byline is None and teaser is None and ends_block and len(titles) < 3
                and (after_stamp or (_titleish(t) or not titles and _sentence_title(text, lines, i, t))
                     and not _strong_dateline(text, s + _indent(text, s, e)))):
            titles.append((t, s, e))
            i += 1
            continue
        if meta_seen and (byline is not None or titles or teaser is not None):
            body_at = s
            break
        # content before any byline or stamp: a teaser if one follows right after, else the body
        j = i
        while j < L and not _blank(text, *lines[j]):
            j += 1
        k = j
        while k < L and (_blank(text, *lines[k]) or _trailer_rule(_head(text, *lines[k]), tail=False)):
            k += 1  # blank lines and web chrome ("Link Copied!") between the teaser and the byline
        if teaser is None and k < L and j < L and _is_meta(text, lines[k]):
            teaser = (s, lines[j - 1][1])
            i = j
            continue
        body_at = s
        break
    if body_at is None:  # the head ran out: the body is whatever follows it
        body_at = lines[i][0] if i < L else (lines[-1][1] if L else n)

    # ---- headline, section, teaser
    if len(titles) >= 2 and _section_like(titles[0][0]):
        out.section, titles = titles[0][0], titles[1:]
    head_paras: list[Paragraph] = []
    if titles:
        out.headline = titles[0][0]
        head_paras.append(Paragraph(*_trim(text, titles[0][1], titles[0][2]), "headline"))
        extra = titles[1:]
        if extra and teaser is None and extra[0][1] < last_meta:
            teaser = (extra[0][1], extra[0][2])  # a deck between headline and byline
            extra = [x for x in extra[1:] if x[1] > last_meta]
        if extra:  # short lines that were not the head after all: the body starts there
            body_at = min(body_at, extra[0][1]) if body_at is not None else extra[0][1]
    if teaser is not None:
        ts, te = _trim(text, *teaser)
        out.teaser = text[ts:te]

    out.trailer.extend(t for s, t in head_trailer if s < body_at)

    # ---- dateline
    body_start = body_at + _indent(text, body_at, n)
    dl = match_dateline(text, body_start)
    if dl is None and teaser is None:
        # a deck or two (short one-line blocks) above the dateline paragraph: they are the teaser
        later = _dateline_after_deck(text, body_start)
        if later is not None:
            teaser = (body_start, later[0])
            out.teaser = text[slice(*_trim(text, *teaser))]
            body_start, dl = later[1], later[2]
    if dl:
        rule, m = dl
        g = m.groupdict()
        end = m.end()
        raw_end = end
        while raw_end > m.start() and text[raw_end - 1] in " \t":
            raw_end -= 1
        date_iso = None
        if g.get("date"):
            day = dates.read_day(g["date"])
            ref = dates.iso_to_date(out.published) or dates.iso_to_date(out.updated)
            if day:
                d = dates.resolve_day(day[0], day[1], day[2], ref)
                date_iso = d.isoformat() if d else None
        out.dateline = Dateline(place=_clean_place(g.get("place")), agency=g.get("agency"), date=date_iso,
                                raw=text[m.start():raw_end], start=m.start(), end=raw_end)
        body_start = end

    # ---- tail: trailer lines read backwards
    body_end, tail_lines, contributors = _tail(text, body_start)
    # ---- paragraphs
    paras = _body_paragraphs(text, body_start, body_end)
    kept: list[Paragraph] = []
    for p in paras:
        ptxt = text[p.start:p.end]
        if p.end - p.start <= 600 and "\n" not in ptxt:
            rule = _trailer_rule(ptxt, tail=False)
            if rule:
                out.trailer.append(ptxt.strip())
                continue
        kept.append(p)
    _mark_subheadings(text, kept)
    out.subheadings = [text[p.start:p.end] for p in kept if p.kind == "subheading"]
    if teaser is not None:
        head_paras.append(Paragraph(*_trim(text, *teaser), "teaser"))
    # the headline and teaser lead the list (quotes can sit there too); Article.body skips them
    out.paragraphs = head_paras + kept
    out.trailer.extend(tail_lines)

    # ---- byline and organisation
    b = byline or Byline()
    b.contributors = [c for c in contributors if c not in b.authors]
    if not b.organization:
        org = out.dateline.agency
        if not org and any(_TRAILER_BY_NAME["reuters_signoff"].rx.fullmatch(t) for t in tail_lines):
            org = "Reuters"
        if not org and stamp_style == "reuters_feed":
            org = "Reuters"  # the feed's stamp line: Reuters' own wire
        b.organization = _canonical_org(org) if org else None
    out.byline = b
    return out


def _dateline_after_deck(text: str, pos: int) -> tuple[int, int, tuple[Rule, re.Match]] | None:
    """(end of the deck, start of the dateline paragraph, its dateline) when one or two short
    stand-alone lines at ``pos`` are followed by a paragraph that opens with a dateline."""
    n = len(text)
    for _ in range(2):
        nl = text.find("\n", pos, min(n, pos + 201))
        if nl < 0 or not _blank_after(text, nl if text[nl - 1] != "\r" else nl - 1):
            return None  # not a short single line standing alone
        end = nl
        k = nl
        while k < n and text[k] in " \t\r\n":
            k += 1
        if k >= n:
            return None
        got = match_dateline(text, k)
        if got is not None:
            return end, k, got
        pos = k
    return None


def _indent(text: str, s: int, e: int) -> int:
    k = s
    lim = min(e, s + 200)
    while k < lim and text[k] in " \t":
        k += 1
    return k - s


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _is_meta(text: str, line: tuple[int, int]) -> bool:
    s, e = line
    if e - s > _LINE_PREFIX:
        return False
    t = _head(text, s, e)
    if not t:
        return False
    if dates.parse_stamp_line(t) is not None:
        return True
    return re.match(r"(?i)by\b", t) is not None and (len(t) <= 3 or parse_byline(t) is not None)


_CONT_RX = re.compile(r"(?i)(?:and|&|,)$")


def _byline_at(text: str, lines: list[tuple[int, int]], i: int) -> tuple[Byline, int] | None:
    """A byline starting at line i, maybe continued on the next lines; (Byline, next line)."""
    s, e = lines[i]
    t = _head(text, s, e)
    if len(t) > 300:
        return None
    by_start = re.match(r"(?i)by\b", t) is not None
    if not by_start and not re.search(rf",\s*(?:{_ORG_ALT})\.?$", t, re.I):
        return None
    parts = [t]
    j = i + 1
    if by_start:
        while j < len(lines) and j < i + 12:
            js, je = lines[j]
            if _blank(text, js, je) or je - js > 120:
                break
            u = _head(text, js, je)
            if match_dateline(text, js + _indent(text, js, je)) or dates.parse_stamp_line(u) is not None:
                break
            if not (_CONT_RX.fullmatch(u) or _name_line(u) or _KNOWN_ORG_RX.fullmatch(u.rstrip("."))):
                break
            parts.append(u)
            j += 1
    while len(parts) >= 1:
        b = parse_byline(" ".join(parts))
        if b is not None:
            return b, i + len(parts)
        parts.pop()
    return None


def _name_line(u: str) -> bool:
    u = re.sub(r"^(?i:and)\s+", "", u.strip())
    if len(u.split()) > 10:
        return False
    m = re.fullmatch(rf"(.+?)(?:\s*,\s*(?:{_ORG_ALT}))?\.?", u, re.I)
    return bool(m) and _split_names(m.group(1)) is not None


def _tail(text: str, body_start: int) -> tuple[int, list[str], list[str]]:
    """Read trailer lines backwards from the end: (body end, trailer lines, contributors)."""
    n = len(text)
    end = n
    lo = max(body_start, n - TAIL_CHARS)
    found: list[str] = []
    contributors: list[str] = []
    count = 0
    while end > lo and count < TAIL_LINES:
        nl = text.rfind("\n", lo, end)
        if nl < 0 and lo > body_start:
            break  # the line starts before the window: prose, not boilerplate
        s = nl + 1 if nl >= 0 else lo
        line = text[s:end]
        if line.strip():
            rule = _trailer_rule(line, tail=True)
            if rule is None:
                break
            found.append(line.strip())
            contributors[:0] = _contributors(rule, line)
        count += 1
        end = nl if nl >= 0 else lo
        if nl < 0:
            break
    # put the end back after the last kept character
    if found:
        e = end
    else:
        e = n
    while e > body_start and text[e - 1].isspace():
        e -= 1
    found.reverse()
    return max(e, body_start), found, contributors


def _body_paragraphs(text: str, start: int, end: int) -> list[Paragraph]:
    """Blocks between blank lines; within a block an indented line starts a new paragraph."""
    out: list[Paragraph] = []
    pos = start
    para_s = None
    last_e = None
    while pos < end:
        nl = text.find("\n", pos, end)
        e = end if nl < 0 else nl
        le = e - 1 if e > pos and text[e - 1] == "\r" else e
        blank = _blank(text, pos, le)
        if blank:
            if para_s is not None:
                out.append(Paragraph(para_s, last_e))
                para_s = None
        else:
            ind = _indent(text, pos, le)
            if para_s is not None and ind > 0 and pos != start:
                out.append(Paragraph(para_s, last_e))
                para_s = None
            if para_s is None:
                para_s = pos + ind if pos != start else pos
            last_e = le
        pos = e + 1
    if para_s is not None:
        out.append(Paragraph(para_s, last_e))
    res = []
    for p in out:
        s, e = _trim(text, p.start, p.end)
        if s < e:
            res.append(Paragraph(s, e))
    return res


_SENT_END = tuple(".!?\"”’')]:")


_QA_RX = re.compile(r"(?:Q|A)\s*[:.)]|Q[A-Z]|[A-Z][A-Z .'-]{1,30}:\s")  # Q&A, "TAPPER: ..." transcripts


def _mark_subheadings(text: str, paras: list[Paragraph]) -> None:
    """A short line alone between prose paragraphs is a sub-heading."""
    for k in range(1, len(paras) - 1):
        p = paras[k]
        if p.end - p.start > 120:
            continue
        s = text[p.start:p.end]
        if "\n" in s or len(s.split()) > 15:
            continue
        bare = s.rstrip("'\"’”)]")
        if bare.endswith((".", ",", ";", ":", "!")) or s.endswith(('"', "”", "''")) or not s[0].isupper():
            continue
        words = s.split()
        if len(words) < 2 or _QA_RX.match(s):
            continue
        if bare.endswith("?") and sum(w[0].isupper() for w in words) < 0.6 * len(words):
            continue  # a one-line question in the body, not a heading ("Come again?")
        # stand-alone: blank lines on both sides
        if not (_blank_before(text, p.start) and _blank_after(text, p.end)):
            continue
        prev, nxt = paras[k - 1], paras[k + 1]
        if prev.kind != "body" or not text[prev.start:prev.end].rstrip().endswith(_SENT_END):
            continue
        nt = text[nxt.start:min(nxt.end, nxt.start + 400)]
        if nxt.end - nxt.start < 60 or not re.search(r"[.!?]", nt) or not (nt[0].isupper() or nt[0] in "\"“‘'"):
            continue
        p.kind = "subheading"


def _blank_before(text: str, s: int) -> bool:
    k = s - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k < 0 or text[k] != "\n":
        return k < 0
    k -= 1
    if k >= 0 and text[k] == "\r":
        k -= 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] == "\n"


def _blank_after(text: str, e: int) -> bool:
    n = len(text)
    k = e
    while k < n and text[k] in " \t\r":
        k += 1
    if k >= n:
        return True
    if text[k] != "\n":
        return False
    k += 1
    while k < n and text[k] in " \t\r":
        k += 1
    return k >= n or text[k] == "\n"
