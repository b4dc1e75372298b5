"""Quotation-marked speech: pair the marks, then attach each span to its cue verb and speaker.

Three passes, each a small table of named rules (markdown-it-py style):

1. ``MARK_RULES``  - what each quotation mark can be (opener, closer, either, apostrophe).
2. ``_pair_block`` - pairs marks inside one paragraph with a tiny state machine; a paragraph
   that ends inside a quote continues when the next paragraph opens with a mark (the news
   convention for multi-paragraph quotes: one span per paragraph, as PolNeAR annotates).
3. ``SPEAKER_RULES`` - ordered functions that find the cue verb and speaker mention for a
   span (after the quote, before it, inherited from the previous quote, colon introduction).

Everything works on bounded windows of tokens around each span, so the cost is linear in
the text: no regex here can backtrack over more than one token.
"""
from __future__ import annotations

import re
from operator import itemgetter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, NamedTuple

from .lexicon import (ANONYMOUS_NOUNS, CUE_VERBS, GROUP_NOUNS, HONORIFICS, LABEL_VERBS,
                      ORG_WORDS, PERSONAL_PRONOUNS, PLACES, ROLE_NOUNS, ROLE_WORDS, TITLE_WORDS)
from .models import Paragraph, Quote, Speaker

# ------------------------------------------------------------------ marks

# `''` and ``` `` ``` are double quotes as plain-text feeds (NYT, PTB) print them.
# Doubled apostrophes are one double mark. Three right after a word close a single, then the
# double ("''the word 'old-school,''' said Slayton"); elsewhere they open a double, then a single.
# (Every alternative opens with its mark, so the engine skips ahead to the next candidate.)
_MARK = re.compile(r"'(?:(?<=[^\s']')(?='')|'?)|``|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b\u2039\u203a]")
_OPEN_BEFORE = set(" \t\r\n([{\u2014\u2013-/:;>\u00a0")  # a mark after these opens
_CLOSE_AFTER = set(" \t\r\n.,;:!?)]}\u2014\u2013-/<\u00a0\u2026")  # a mark before these closes
_ALL_MARKS = set("\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b'\u2039\u203a`")

DOUBLE_OPEN = {"\u201c", "\u201e", "\u00ab", "``"}
DOUBLE_CLOSE = {"\u201d", "\u00bb"}
DOUBLE_AMBIG = {"\"", "''", "\u201f"}
SINGLE_OPEN = {"\u2018", "\u201a", "\u2039"}
SINGLE_CLOSE = {"\u203a"}
SINGLE_AMBIG = {"'", "\u2019", "\u201b"}
_SINGLES = frozenset(SINGLE_OPEN | SINGLE_CLOSE | SINGLE_AMBIG)


class Mark(NamedTuple):
    start: int
    end: int
    double: bool
    role: str  # "open" | "close" | "either"


def _mark_role(text: str, s: int, e: int, bs: int, be: int) -> Mark | None:
    """Decide what one mark can be from its neighbours; None for an apostrophe."""
    m = text[s:e]
    prev = text[s - 1] if s > bs else " "
    nxt = text[e] if e < be else " "
    open_ok = prev in _OPEN_BEFORE or prev in _ALL_MARKS
    close_ok = nxt in _CLOSE_AFTER or nxt in _ALL_MARKS
    if m in DOUBLE_OPEN:
        return Mark(s, e, True, "either" if close_ok and not open_ok and prev != " " else "open")
    if m in DOUBLE_CLOSE:
        return Mark(s, e, True, "either" if open_ok and not close_ok else "close")
    if m in DOUBLE_AMBIG:
        if open_ok and not close_ok:
            return Mark(s, e, True, "open")
        if close_ok and not open_ok:
            return Mark(s, e, True, "close")
        return Mark(s, e, True, "either")
    # single marks: most are apostrophes (don't, Hamas', '90s)
    if prev.isalnum() and nxt.isalnum():
        return None
    if m in SINGLE_OPEN:
        return None if prev.isalnum() else Mark(s, e, False, "open")
    if m in SINGLE_CLOSE:
        return Mark(s, e, False, "close")
    if open_ok and not close_ok:
        if nxt.isdigit():  # '90s
            return None
        return Mark(s, e, False, "open")
    if close_ok and not open_ok:
        return Mark(s, e, False, "close")
    return None


@dataclass(slots=True)
class Span:
    """A paired span before classification: marks and the paragraph it sits in."""
    open_s: int
    open_e: int
    close_s: int
    close_e: int
    block: int  # index of the paragraph
    double: bool = True
    continues: bool = False  # runs on into the next paragraph (no closing mark here)


def _pair_block(text: str, bs: int, be: int, bi: int, out: list[Span]) -> Mark | None:
    """Pair the marks of one paragraph; return a double opener left open at its end."""
    d_open: Mark | None = None
    s_open: Mark | None = None
    for m in _MARK.finditer(text, bs, be):
        s, e = m.span()
        if e - s == 1 and text[s] in _SINGLES and bs < s and e < be and text[s - 1].isalnum() \
                and text[e].isalnum():
            continue  # an apostrophe inside a word (don't, Hamas’s): what _mark_role says, sooner
        mk = _mark_role(text, s, e, bs, be)
        if mk is None:
            continue
        if mk.double:
            if d_open is None:
                if mk.role != "close":
                    d_open, s_open = mk, None  # doubles win over a pending single
            elif mk.role == "open":
                d_open = mk  # the earlier opener never closed: skip it, locally
            else:
                out.append(Span(d_open.start, d_open.end, mk.start, mk.end, bi))
                d_open = None
        elif d_open is None:  # singles inside a double are part of that quote
            if s_open is None:
                if mk.role == "open":
                    s_open = mk
            elif mk.role != "open":
                out.append(Span(s_open.start, s_open.end, mk.start, mk.end, bi, double=False))
                s_open = None
    return d_open


# A quote left open at a paragraph end continues if it opened after one of these: an
# introduction ("said: “", "said, “") or the end of the previous sentence (“...,” he said. “...).
_INTRO_END = frozenset(",:.!?\u201d\"\u2019'")


def pair_marks(text: str, blocks: list[tuple[int, int]]) -> list[Span]:
    """All quotation-marked spans, paragraph by paragraph."""
    spans: list[Span] = []
    for bi, (bs, be) in enumerate(blocks):
        dangling = _pair_block(text, bs, be, bi, spans)
        # a quote left open at the end of a paragraph continues only when it opened the
        # paragraph or followed an introduction (", " or ": "), and the next one reopens
        if dangling is not None and bi + 1 < len(blocks) and (
                not text[bs:dangling.start].strip()
                or text[max(bs, dangling.start - 3):dangling.start].rstrip()[-1:] in _INTRO_END):
            ns = blocks[bi + 1][0]
            nxt = _MARK.match(text, ns)
            if nxt and (nxt.group() in DOUBLE_OPEN or nxt.group() in DOUBLE_AMBIG):
                spans.append(Span(dangling.start, dangling.end, be, be, bi, continues=True))
    for sp in spans:  # trim whitespace inside the marks
        s, e = sp.open_e, sp.close_s
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        sp.open_e, sp.close_s = s, e
    return [sp for sp in spans if sp.close_s > sp.open_e]


def blocks_of(text: str, paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """Paragraph spans in order, plus any text the layout left out (headline, teaser)."""
    out, pos = [], 0
    for p in sorted(paragraphs, key=lambda p: p.start):
        if p.start > pos:
            out.extend(_split_blank(text, pos, p.start))
        if p.end > max(pos, p.start):
            out.append((max(p.start, pos), p.end))
        pos = max(pos, p.end)
    out.extend(_split_blank(text, pos, len(text)))
    return out




_PARA = re.compile(r"\S(?:[^\n]|\n(?![ \t\r\u00a0]*\n))*")


def _split_blank(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Blank-line separated blocks of text[s:e] (text the layout did not cover)."""
    if e - s < 1 or text[s:e].isspace():
        return []
    out = []
    for part in _PARA.finditer(text, s, e):
        a, b = part.start(), part.end()
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((a, b))
    return out


# ------------------------------------------------------------------ tokens

_TOK = re.compile(r"\w+(?:[\u2019'.&\-]\w+)*|[^\w\s]")


class Tok(tuple):
    """(text, start, end) of a token; a plain tuple subclass because it is built in C."""
    __slots__ = ()
    t = property(itemgetter(0))
    s = property(itemgetter(1))
    e = property(itemgetter(2))


def tokens(text: str, s: int, e: int) -> list[Tok]:
    return [Tok((m[0],) + m.span()) for m in _TOK.finditer(text, s, e)]


_ABBREV = frozenset("mr mrs ms dr sen rep gov gen lt col st jr sr u.s u.n calif fla ga ill mass mich "
                    "n.y pa tex va wash ore ariz colo conn jan feb aug sept oct nov dec inc corp co "
                    "d r i vs prof rev ft mt".split())
PARTICLES = frozenset("de van von der den al bin ibn da del della la le du dos das di ter".split())
NAME_SUFFIX = frozenset("jr jr. sr sr. ii iii iv".split())
ADVERBS = frozenset("""also later then once recently previously again simply flatly repeatedly
    often frequently bluntly quietly angrily himself herself themselves itself has have had would will
    could did does do was is were are been be may might must shall should earlier subsequently
    further famously privately publicly reportedly allegedly just even still only""".split())
DETERMINERS = frozenset("a an the one another two three four several some many most few his her "
                        "their its our my this that these those each every both any".split())
SENT_END = frozenset(".!?")
# Words that open a new clause: a phrase starting with one is not a speaker.
CLAUSE_OPENERS = frozenset("and but yet so however when while as after before if because since although "
                           "though whereas meanwhile still instead then therefore thus hence that which "
                           "whether".split())
# "said Tuesday", "told reporters last week": time words after a verb are not its speaker.
TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    earlier later recently again also then january february march
    april may june july august september october november december""".split())
# Verbs whose following noun phrase is the listener, not the speaker: "told NBC News: “...”".
LISTENER_VERBS = frozenset("told tell tells telling asked ask asks asking urged warned reminded".split())
QUOTE_TOKS = frozenset("\"\u201c\u201d\u201e\u201f\u00ab\u00bb`")  # double marks; ’ is mostly an apostrophe


def is_cap(t: str) -> bool:
    return t[:1].isupper()


def _sentence_end(toks: list[Tok], i: int) -> bool:
    """Is toks[i] a sentence-ending mark (not the dot of "Mr." or "U.S.")?"""
    t = toks[i].t
    if t not in SENT_END:
        return False
    if i + 1 < len(toks):
        n = toks[i + 1].t
        if n in (",", ";", ":", ")") or n[:1].islower():
            return False  # "(D-Wash.) said", "U.S. officials"
    if t == "." and i > 0:
        p = toks[i - 1].t
        if p.lower() in _ABBREV or (len(p) == 1 and p.isupper()):
            return False
    return True


# ------------------------------------------------------------------ noun phrases

@dataclass(slots=True)
class Mention:
    s: int
    e: int
    text: str
    name: str | None = None  # person name inside the phrase (John Kirby)
    title: str | None = None
    pronoun: bool = False
    anonymous: bool = False
    group: bool = False
    organization: bool = False


_OFFICES = frozenset("State Defense Homeland Security Justice Treasury Commerce Energy Labor Education "
                     "Agriculture Interior Transportation Veterans Affairs House Senate Staff Health Services "
                     "Housing Navy Army Police".split())


def split_name(words: list[str]) -> tuple[str | None, str | None]:
    """Split a capitalized run into (title, name): "President Barack Obama" -> ("President",
    "Barack Obama"); "White House spokesman John Kirby" is handled by the caller."""
    i = 0
    while i < len(words) - 1 and (words[i].lower() in HONORIFICS or words[i].lower().rstrip(".") in HONORIFICS
                                  or words[i].lower() in TITLE_WORDS or words[i] in _OFFICES):
        i += 1  # "Secretary of State John Kerry": "State" ends the title, not the name
    for k in range(len(words) - 2, i - 1, -1):  # "Coconino County Sheriff Ray Delgado"
        if words[k].lower() in TITLE_WORDS or words[k].lower().rstrip(".") in HONORIFICS:
            i = k + 1
            break
    title = " ".join(words[:i]) or None
    return title, " ".join(words[i:])


def _is_name_tok(t: str) -> bool:
    return (t[:1].isupper() and t.lower() not in ("i",)) or t.lower() in PARTICLES


_LY_NOUNS = frozenset("family ally assembly supply rally daily weekly monthly anomaly monopoly".split())


_READINGS: dict = {}  # phrase -> its Mention at offset 0 (or None); bounded


# Words that open a phrase after "Name," that is no title: an aside ("for his part",
# "according to a transcript") or a relative clause ("who joined the company last year").
_NOT_APPOSITIVE = frozenset("for in at on with by from too according who whom whose which that where when".split())


def classify(toks: list[Tok], text: str) -> Mention | None:
    """Turn the tokens of a speaker phrase into a Mention (name, title, flags).

    The reading depends only on the words of the phrase and the spaces between them (the
    tokens are contiguous), so it is computed once per distinct phrase and shifted to where
    the phrase sits: the same speaker phrases recur through a story and across stories."""
    if not toks:
        return None
    s0 = toks[0][1]
    phrase = text[s0:toks[-1][2]]
    r = _READINGS.get(phrase, _UNSEEN)
    if r is _UNSEEN:
        if len(_READINGS) > 50000:
            _READINGS.clear()
        r = _READINGS[phrase] = _classify([Tok((t, s - s0, e - s0)) for t, s, e in toks], phrase)
    if r is None:
        return None
    return Mention(r.s + s0, r.e + s0, r.text, r.name, r.title, r.pronoun, r.anonymous, r.group,
                   r.organization)


_UNSEEN = object()
_BY_PREPS = frozenset("for at from with".split())  # "Cameron Easley for Morning Consult"


def _classify(toks: list[Tok], text: str) -> Mention | None:
    # drop a parenthetical "(D-Ore.)" and trailing adverbs / auxiliaries
    clean: list[Tok] = []
    depth = 0
    for tk in toks:
        if tk.t == "(":
            depth += 1
        elif tk.t == ")":
            depth = max(0, depth - 1)
        elif not depth:
            clean.append(tk)
    while clean and (clean[-1].t.lower() in ADVERBS or clean[-1].t in (",", "—", "–", "-")
                     or len(clean) > 1 and clean[-1].t.endswith("ly") and clean[-1].t.islower()
                     and clean[-1].t not in _LY_NOUNS):
        clean.pop()  # "Her campaign quickly"
    while clean and clean[0].t in (",", "—", "–", "-", "(", ")"):
        clean.pop(0)
    if not clean or len(clean) > 30:
        return None
    s, e = clean[0].s, clean[-1].e
    words = [tk.t for tk in clean]
    low0 = words[0].lower()
    if len(words) == 1 and low0 in PERSONAL_PRONOUNS:
        return Mention(s, e, text[s:e], pronoun=True, group=low0 in ("they", "we"))
    # head = up to the first comma; appositive after it is the title
    head_n = words.index(",") if "," in words else len(words)
    head, appos = clean[:head_n], clean[head_n + 1:]
    hw = [tk.t for tk in head]
    if not hw:
        return None
    title = None
    if appos:
        # appositive: up to the next comma; skip a bare age ("Stacey Edwards, 31,")
        a_n = [tk.t for tk in appos].index(",") if "," in [tk.t for tk in appos] else len(appos)
        app = appos[:a_n]
        if app and app[0].t.isdigit() and a_n < len(appos):
            rest = appos[a_n + 1:]
            r_n = [tk.t for tk in rest].index(",") if "," in [tk.t for tk in rest] else len(rest)
            app = rest[:r_n]
        if app and not app[0].t.isdigit() and app[0].t.lower() not in _NOT_APPOSITIVE:
            title = text[app[0].s:app[-1].e]  # not "Lindqvist, for his part,"
    m = Mention(s, e, text[s:e], title=title)
    hl = hw[0].lower()
    if appos and title and not hw[-1][:1].isupper():
        tw = title.split()
        r = len(tw)
        while r > 0 and (is_cap(tw[r - 1]) or tw[r - 1] in (".", "-")):
            r -= 1
        if len(tw) - r <= 4 and (r == 0 or len(tw) - r >= 2 and all(w.lower() in ROLE_WORDS for w in tw[:r])):
            # "Ms. Merkel's spokesman, Steffen Seibert", "Clinton's introducer, actress Jamie Lee
            # Curtis": the appositive is the name (and its role words are part of the title)
            t2, nm = split_name(" ".join(tw[r:]).replace(".", " ").split())
            m.name = nm
            m.title = text[head[0].s:head[-1].e] + (", " + " ".join(tw[:r]) if r else "")
            return m
    if hl in DETERMINERS or not is_cap(hw[0]) or hl in ("former", "then", "acting", "late"):
        # a description: trailing capitalized run is a name ("spokesman John Kirby")
        k = len(hw)
        while k > 0 and _is_name_tok(hw[k - 1]):
            k -= 1
        if 0 < k < len(hw) and hw[k - 1] in ("of", "from") and k >= 2:
            # "undecided Republican voter Stephanie Hooton of Derry": the name before the hometown
            j = k - 1
            while j > 0 and _is_name_tok(hw[j - 1]):
                j -= 1
            if 0 < j < k - 1 and hw[j - 1].lower() in ROLE_WORDS:
                t2, nm = split_name(hw[j:k - 1])
                m.name = nm
                m.title = " ".join(hw[:j] + ([t2] if t2 else []))  # the role, not the state after it
                return m
        if 0 < k < len(hw) and hl not in DETERMINERS | {"former"} or (0 < k < len(hw) and hw[k - 1].lower() in TITLE_WORDS):
            if hw[k - 1] not in ("of", "at", "for", "in", "from"):
                t2, nm = split_name(hw[k:])
                m.name = nm
                m.title = m.title or " ".join(hw[:k] + ([t2] if t2 else []))
                return m
        if hl in DETERMINERS or hl in ("former", "acting"):
            # a description ("a diplomat familiar with the negotiations", "the White House")
            m.name = None
            content = [w.lower() for w in hw]
            heads = [w for w in content if w in ANONYMOUS_NOUNS or w in GROUP_NOUNS]
            m.anonymous = hl in ("a", "an", "one", "another", "two", "three", "several", "some") and bool(heads)
            m.group = any(w in GROUP_NOUNS for w in content[:4]) and not any(w in ORG_WORDS for w in content[:3])
            m.organization = any(w in ORG_WORDS for w in content[:4]) or (len(hw) > 1 and is_cap(hw[1]) and not m.group)
            return m
        # lower-case plural noun phrase: "officials", "senior US officials"
        m.group = any(w.lower() in GROUP_NOUNS for w in hw)
        m.anonymous = any(w.lower() in ANONYMOUS_NOUNS for w in hw) and m.group
        return m
    # capitalized start: name run, possibly with titles before and org words
    k = 0
    while k < len(hw) and (_is_name_tok(hw[k]) or hw[k] in (".", "’s", "'s", "&")):
        k += 1
    run = [w for w in hw[:k] if w != "."]
    if k < len(hw):
        # "Israeli war cabinet minister Benny Gantz": lower-case title words, then the name
        j = len(hw)
        while j > k and _is_name_tok(hw[j - 1]):
            j -= 1
        if j < len(hw) and (hw[j - 1].lower() in TITLE_WORDS | HONORIFICS or hw[j - 1] == "."
                            or len(hw) - j >= 2 and hw[j - 1].isalpha() and not (hw[j - 1] in _BY_PREPS and k >= 2)):
            # "Clinton ally James Carville" (not "Cameron Easley for Morning Consult": the writer)
            t2, nm = split_name([w for w in hw[j:] if w != "."])
            m.name = nm
            m.title = m.title or " ".join(hw[:j] + ([t2] if t2 else []))
            return m
        if any(w.lower() in GROUP_NOUNS for w in hw):  # "Senate Republicans", "Israeli officials"
            m.group = True
            return m
        if any(w.lower() in ORG_WORDS for w in hw):
            m.organization = True
            return m
        if hw[-1].isalpha() and hw[-1].islower():
            # "Food banks", "Trump campaign aides": a description that starts with a name
            m.group = hw[-1].endswith("s") and not hw[-1].endswith("ss")
            return m
    if not run or (k < len(hw) and run[-1].endswith(_POSSESSIVE_END)):
        return m  # "Trump’s potential VP": the owner is not the one who speaks
    lows = {w.lower() for w in run}
    if lows & ORG_WORDS and not (lows & HONORIFICS):
        m.organization = True
        return m
    if len(run) == 1 and run[0].lower() in GROUP_NOUNS:  # "Republicans", "Democrats"
        m.group = True
        return m
    t2, nm = split_name(run)
    m.name = nm
    if t2:
        m.title = m.title or t2
    return m


# ------------------------------------------------------------------ rules

@dataclass(slots=True)
class Ctx:
    """Everything a speaker rule may look at for one span."""
    text: str
    sp: Span
    left: list[Tok]  # tokens of the sentence before the opening mark
    right: list[Tok]  # tokens after the closing mark up to the sentence end / next quote
    prev: "Found | None" = None  # the previous span's result in the same paragraph
    prev_block_last: "Found | None" = None  # last span of the previous paragraph
    block_start: bool = False  # the span opens its paragraph
    block_intro: list[Tok] = field(default_factory=list)  # last sentence of the previous paragraph
    ends_sentence: bool = False  # the quote ends with . ! ? inside its marks
    prev_any: "Found | None" = None  # the previous span's result, whatever its kind
    same_sentence: bool = False  # no sentence end between the previous span and this one
    recent: "Found | None" = None  # the last speaker found in the article so far
    recent_block: int = -1
    signature: list[Tok] = field(default_factory=list)  # the next paragraph, when a dash opens it
    into_next: bool = False  # the words after the quote run, with no sentence break, into the next quote


def _verb_takes_clause(r: list[Tok], j: int) -> bool:
    """After a quote that ended its sentence, "He says not enacting laws ..." reports something
    else; a tag ("he said on Tuesday.") ends within a few words."""
    k = j + 1
    while k < len(r) and not (r[k].t in SENT_END and _sentence_end(r, k)):
        if r[k].t.lower() in ("that", "whether", "if"):
            return True
        k += 1
    # “...” McDonough wrote in a September 2012 email to top officials.  (a long tag is still
    # a tag when the verb is followed by a prepositional phrase, not by a clause)
    return k - j > 9 and not (j + 1 < len(r) and r[j + 1].t.lower() in _TAG_PREPS)


_TAG_PREPS = frozenset("in on at to during after before from via for with about of , through".split())


def _verb_opens_next(r: list[Tok], j: int) -> bool:
    """After a quote that ended its sentence, a clause that runs on into the next quote
    (“...” He added, “...”) introduces that quote rather than tagging this one."""
    return bool(r) and r[-1].t in (",", ":")


@dataclass(slots=True)
class Found:
    mention: Mention | None
    verb: str | None
    verb_start: int | None
    rule: str
    confidence: float
    attributed_here: bool = True  # cue in the quote's own sentence
    ends_block: bool = False
    continues: bool = False


def _verb_at(toks: list[Tok], i: int) -> tuple[str, int] | None:
    """A cue verb at toks[i] ("said", "told", "went on to say"); returns (verb, end index)."""
    w = toks[i].t.lower()
    if w in CUE_VERBS:
        return toks[i].t, i + 1
    return None


def _np_forward(toks: list[Tok], i: int, stop_at_verb: bool) -> int:
    """End index of a speaker phrase starting at toks[i] (after an inverted verb)."""
    j, n = i, len(toks)
    commas = 0
    while j < n and j - i < 30:
        t = toks[j].t
        if t in QUOTE_TOKS or t in (";", ":", "—", "–") or (t in SENT_END and _sentence_end(toks, j)):
            break
        if t == ",":
            commas += 1
            if commas > 2:
                break
        elif stop_at_verb and toks[j].t in CUE_VERBS and j > i:  # lower-case: "State" is a name
            break
        j += 1
    return j


def _cut_description(toks: list[Tok], i: int, j: int) -> int:
    """Shorten a phrase after an inverted verb: "said Kirby on Tuesday" -> "Kirby"."""
    k = i
    first = toks[i].t if i < j else ""
    if first.lower() in PERSONAL_PRONOUNS:
        return i + 1
    cap_start = is_cap(first) and first.lower() not in DETERMINERS
    while k < j:
        t = toks[k].t
        lw = t.lower()
        if k > i and lw in ("on", "in", "at", "during", "after", "before", "when", "while", "as", "to", "that",
                            "last", "this", "yesterday", "today", "tuesday", "monday", "wednesday", "thursday",
                            "friday", "saturday", "sunday", "and") and cap_start:
            if lw == "and" and k + 1 < j and is_cap(toks[k + 1].t):  # "Jason Dana and Robyn Dawes"
                k += 1
                continue
            if lw in ("at", "of") and k + 1 < j and is_cap(toks[k + 1].t):
                k += 1
                continue
            break
        if k > i and not cap_start and lw in ("on", "during", "after", "before", "when", "while", "as",
                                               "that", "yesterday", "today", "last"):
            break  # "a source close to the talks" keeps its "to" and "in"
        k += 1
    return k


def rule_after_inverted(c: Ctx) -> Found | None:
    """ “...,” said John Kirby, the White House spokesman.   (verb first, then the speaker)"""
    r = c.right
    i = 1 if r and r[0].t == "," else 0
    if i >= len(r):
        return None
    v = _verb_at(r, i)
    if not v:
        return None
    if c.ends_sentence and _verb_opens_next(r, i):
        return None
    if v[0].endswith("ing"):
        return None  # "“...,” adding that ...", "recalling summer visits": the object, no speaker
    j = v[1]
    while j < len(r) and r[j].t.lower() in ("also", "later", "then"):
        j += 1
    if j < len(r) and r[j].t.lower() in TIME_WORDS:
        return None
    if j >= len(r):
        return None
    if not (is_cap(r[j].t) or r[j].t.lower() in DETERMINERS or r[j].t.lower() in PERSONAL_PRONOUNS):
        # "said former Massachusetts congressman Barney Frank": role words, then a name
        k = j
        while k < len(r) and k - j < 6 and r[k].t[:1].isalpha() and not is_cap(r[k].t) \
                and r[k].t.lower() not in CUE_VERBS:
            k += 1
        if not (k < len(r) and is_cap(r[k].t) and (r[k - 1].t.lower() in TITLE_WORDS or r[j].t.lower() in ("former", "acting")
                                                   or k + 1 < len(r) and is_cap(r[k + 1].t))
                or any(r[x].t.lower() in TITLE_WORDS or r[x].t.lower() in ROLE_NOUNS
                       for x in range(j, min(len(r), j + 6)))):
            return None  # "said pollster Frank Luntz", "said conservative activist Bob Klaus"
    end = _np_forward(r, j, stop_at_verb=True)
    head_end = _cut_description(r, j, end)
    toks = r[j:end] if "," in [t.t for t in r[j:end]] and is_cap(r[j].t) else r[j:head_end]
    m = classify(toks, c.text)
    if not m:
        return None
    return Found(m, v[0], r[i].s, "after-inverted", 0.9)


def rule_after_subject(c: Ctx) -> Found | None:
    """ “...,” White House spokesman John Kirby said Tuesday.   (speaker, then the verb)"""
    r = c.right
    i = 1 if r and r[0].t in (",", "—", "–") else 0
    if i >= len(r):
        return None
    w0 = r[i].t
    if w0.lower() in CLAUSE_OPENERS or w0 in _OPENERS or w0 in _PREPS:
        return None  # “...” And in Ohio, Trump said ... / On the trail, Cruz describes ...: a new clause
    lowstart = not (is_cap(w0) or w0.lower() in DETERMINERS or w0.lower() in PERSONAL_PRONOUNS
                    or w0.lower() in TITLE_WORDS or w0.lower() in GROUP_NOUNS or w0.lower() in ("former", "acting"))
    if lowstart and (w0[:1].isupper() or not w0[:1].isalpha()):
        return None
    commas = 0
    for j in range(i, min(len(r), i + 32)):
        t = r[j].t
        lw = t.lower()
        if t in QUOTE_TOKS or t in (";", ":") or (t in SENT_END and _sentence_end(r, j)):
            return None
        if t == ",":
            commas += 1
            if commas > 3:
                return None
            continue
        if j > i and (t in CUE_VERBS or lw in CUE_VERBS and r[j - 1].t == ",") and r[j - 1].t.lower() not in DETERMINERS:
            # "who said" / "which said" belong to a relative clause, not this speaker
            if r[j - 1].t.lower() in ("who", "which", "that"):
                return None
            # "political scientist Christopher Wlezien told": a lower-case start needs a name
            # or a role noun before the verb, and no comma
            if lowstart and not any(is_cap(tk.t) or tk.t.lower() in TITLE_WORDS or tk.t.lower() in GROUP_NOUNS
                                    or tk.t.lower() in ANONYMOUS_NOUNS for tk in r[i:j]) or lowstart and commas:
                return None
            if c.ends_sentence and (_verb_opens_next(r, j) or _verb_takes_clause(r, j)
                                    or c.into_next and not (j + 1 < len(r) and r[j + 1].t == ",")):
                # “... .” He added, “...” / He says that ... / Rubio called it “...”: a sentence of its
                # own (but “... .” Perhaps, she said, the town “...”: a tag)
                return None
            k = j - 1
            if r[k].t.lower() in PERSONAL_PRONOUNS and k > i and r[k - 1].t == ",":
                i = k  # "“...” Perhaps, he said, ...": the pronoun before the verb
            m = classify(r[i:j], c.text)
            if m is not None and _is_fragment(m, c.text):
                # "“...” a reporter can be heard saying": the subject; "“...” In a post, ...": no tag
                m = _noun_phrase(m, c.text) if _finite_at(m, c.text) is not None or r[i].t.lower() in _FRAG_START \
                    else m
            if not m:
                return None
            return Found(m, t, r[j].s, "after-subject-verb", 0.9)
        if lw in ("said", "says") and j == i:
            return None
    return None


def rule_after_according(c: Ctx) -> Found | None:
    """ “...,” according to a court document filed by the state attorney."""
    r = c.right
    i = 1 if r and r[0].t == "," else 0
    if len(r) < i + 3 or r[i].t.lower() != "according" or r[i + 1].t.lower() != "to":
        return None
    j = i + 2
    end = _np_forward(r, j, stop_at_verb=True)
    m = classify(r[j:_cut_description(r, j, end)], c.text)
    if not m:
        return None
    return Found(m, "according to", r[i].s, "after-according-to", 0.8)


def rule_sentence_tag(c: Ctx) -> Found | None:
    """ “Democrats” in the 2008 primary, said professor Paul Beck.   (the attribution closes
    the writer's sentence that holds the quote)"""
    r = c.right
    if not r or r[0].t == "," or not r[-1].t in SENT_END or c.ends_sentence:
        return None  # a quote that ends its sentence is not inside the writer's sentence
    for k in range(len(r) - 2, 0, -1):
        if r[k].t == ",":
            sub = Ctx(c.text, c.sp, c.left, r[k:])
            f = rule_after_inverted(sub) or rule_after_subject(sub)
            if f:
                f.rule, f.confidence = "after-sentence-tag", 0.6
                return f
    return None


_DASHES = ("\u2014", "\u2013", "-", "\u2015")
_SIGNATURE_MAX = 120  # chars: a signature line names someone; a longer line is a paragraph of text


def rule_dash_signature(c: Ctx) -> Found | None:
    """ “...” — Jane Doe, mayor of Springfield   (a signature line, no verb)"""
    r = c.right or c.signature  # on the quote's line, or on a line of its own below it
    if len(r) < 2 or r[0].t not in _DASHES:
        return None
    if not is_cap(r[1].t):
        return None
    end = _np_forward(r, 1, stop_at_verb=True)
    verb = None
    for k in range(2, min(end, len(r) - 1) + 1):
        if r[k - 1].t == "," and r[k].t.endswith("ing") and r[k].t.islower():
            verb, end = r[k], k - 1  # "— President Obama, tweeting after the speech"
            break
    else:
        if end < len(r) and r[end].t not in (".",) and end < len(r) - 1:
            return None
    m = classify(r[1:end], c.text)
    if not m or not m.name:
        return None
    return Found(m, verb and verb.t, verb and verb.s, "dash-signature", 0.7)


def _hometown_start(toks: list[Tok], k: int) -> int:
    """'Ana Ruiz, of Springfield, Va., said': the appositive at toks[k] (a comma) is a state
    after an ", of PLACE" one; the name comes before both."""
    p = k - 1
    while p > 0 and toks[p].t != "," and k - p < 6:
        p -= 1
    if p > 0 and toks[p].t == "," and toks[p + 1].t.lower() == "of" and is_cap(toks[k + 1].t):
        return p
    return k


def _subject_before(toks: list[Tok], v: int, text: str) -> Mention | None:
    """The subject of the cue verb at toks[v]: walk back over adverbs, auxiliaries and an
    appositive ("Kirby, the spokesman, said"; "Biden himself recently described")."""
    j = v
    while j > 0 and (toks[j - 1].t.lower() in ADVERBS or toks[j - 1].t.lower() in ("to", "continued", "went",
                                                                                      "on", "have", "has")):
        j -= 1
    if j >= 2 and toks[j - 1].t.lower() == "who":  # "Mike Pence, who called their son ..."
        j -= 1
        if toks[j - 1].t == ",":
            j -= 1
    if j == 0:
        return None
    if toks[j - 1].t.lower() == "and" or toks[v].t.lower().endswith("ing"):
        # "Silverman took the stage and joked, “...”", "Clinton celebrated, declaring “...”":
        # the verb shares the subject that opens the sentence; with an earlier cue verb
        # ("Nefzi said, adding, “...”") the caller tries that one instead
        if any(tk.t in CUE_VERBS for tk in toks[:j - 1]):
            return None
        return _sentence_subject(toks, j, text)
    end = j
    # an appositive closed by a comma just before the verb
    k = end
    if toks[k - 1].t == "," and k >= 2:
        k -= 1
        depth = 0
        while k > 0 and toks[k - 1].t != "," and end - k < 16:
            k -= 1
        if k > 0 and toks[k - 1].t == ",":
            k -= 1  # now toks[k] is the comma opening the appositive
            k = _hometown_start(toks, k)
        else:
            k = end - 1
    # the head phrase: name run / description back to a boundary
    h = k
    while h > 0 and end - h < 14:
        t = toks[h - 1].t
        lw = t.lower()
        if t == "." and not _sentence_end(toks, h - 1):
            h -= 1  # "Mr. Holtz-Eakin", "U.S. officials"
            continue
        if t == ")" and h == k and h >= 3:  # "Sen. Richard Durbin (D-Ill.), noting ..., said"
            o = h - 2
            while o > 0 and toks[o].t != "(" and h - o < 8:
                o -= 1
            if toks[o].t == "(" and o > 0 and is_cap(toks[o - 1].t):
                h = o
                continue
        if t in SENT_END or t in QUOTE_TOKS or t in (",", ";", ":", "(", ")", "—", "–") or lw in CUE_VERBS or lw in (
                "and", "but", "as", "when", "while", "because", "that", "if", "after", "before", "so",
                "where", "though", "although", "since", "said", "says", "in", "on", "at", "by", "for", "with"):
            if lw in ("of", "at", "for", "in", "with", "on", "from", "to") and h - 2 >= 0 and (
                    is_cap(toks[h - 2].t) or toks[h - 2].t.lower() in _PP_HEADS):
                # "Joel Pollak of Breitbart California", "a diplomat familiar with the talks"
                h -= 1
                continue
            if lw == "and" and h - 2 >= 0 and is_cap(toks[h - 2].t) and is_cap(toks[h].t):
                h -= 1  # "Obama and Clinton call them ..."
                continue
            break
        h -= 1
    while h < end - 1 and toks[h].t.lower() in ADVERBS | {"then", "and", "but"}:
        h += 1  # "and then Wallnau continues:"
    if h >= end:
        return None
    first = toks[h].t.lower()
    # a subject must start like a noun phrase
    if not (is_cap(toks[h].t) or first in DETERMINERS or first in PERSONAL_PRONOUNS or first in GROUP_NOUNS
            or first in TITLE_WORDS or first in ("former", "acting")):
        return None
    # trim leading sentence adverbs/conjunctions capitalized at sentence start
    while h < end and toks[h].t in ("But", "And", "So", "Then", "Still", "Yet", "Also", "Now", "Later", "Meanwhile",
                                    "However", "Instead", "Indeed", "Separately", "Earlier", "Asked", "Last", "On",
                                    "In", "At", "As", "When", "After", "Before", "While", "Speaking", "Today",
                                    "Yesterday", "Afterward", "Afterwards", "Previously", "Recently", "Tuesday"):
        h += 1
        if h < end and toks[h].t == ",":
            h += 1
    if h >= end:
        return None
    if h > 3:
        rel = _relative_subject(toks, h, end, text)
        if rel is not None:
            return rel
    return classify(toks[h:end], text)


def _relative_subject(toks: list[Tok], h: int, end: int, text: str) -> Mention | None:
    """ "Dana Ruiz, who lost her son in Boulder, Colorado, in July, said": the name that opens
    the sentence before ", who", not the place at the end of the relative clause."""
    s0 = 0
    while s0 < h and toks[s0].t in ("But", "And", "So", "Then", "Still", "Yet", "Also", "Now", "Meanwhile"):
        s0 += 1
    k = s0
    while k < h and (_is_name_tok(toks[k].t) or toks[k].t == "."):
        k += 1
    if k == s0 or k + 1 >= h or toks[k].t != "," or toks[k + 1].t.lower() not in ("who", "whose"):
        return None
    if end - s0 > 45 or any(t.t in QUOTE_TOKS or t.t in (";", ":") for t in toks[k:end]):
        return None
    return classify(toks[s0:end], text)


_PP_HEADS = TITLE_WORDS | GROUP_NOUNS | ANONYMOUS_NOUNS | {"familiar", "close", "involved", "briefed", "knowledgeable"}
_OPENERS = frozenset("But And So Then Still Yet Also Now Later Meanwhile However Instead Indeed Separately "
                     "Earlier Asked Last On In At As When After Before While Speaking Today Yesterday "
                     "Amid During Since Despite Following".split())
_PREPS = frozenset("On In At After Before During Amid Since Despite Following When While As".split())


# Words that open an adverbial phrase before a sentence's subject, which runs to its comma:
# "On Sunday,", "Back in 1999,", "Amid the uproar,". Numbers open one before a time noun
# ("Eight years ago,"), participles and adverbs before a lower-case word ("Facing mounting
# criticism,", "Hastily politicizing the tragedy,").
_PHRASE_OPENERS = frozenset(w.lower() for w in _PREPS) | frozenset("""back despite following
once with for from by over to last earlier later asked""".split())
_PHRASE_ENDS = frozenset(",") | SENT_END | QUOTE_TOKS  # where an opening phrase ends, or is no phrase
_SUBJECT_PRONOUNS = frozenset("he she they we I it He She They We It".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten several a few".split())


def opening_end(toks, j: int | None = None) -> int:
    """Index of the first token after a sentence's opening words (toks start the sentence):
    conjunctions and adverbs ("But", "Meanwhile,") and adverbial phrases with their comma
    ("At an event in Ames, Iowa, on Sunday, Mrs. Clinton ..." -> "Mrs."). Shared by the
    marked-quote rules here and the reported-speech rules."""
    j = len(toks) if j is None else j
    h = 0
    while h < j:
        t = toks[h].t
        low = t.lower()
        nxt = toks[h + 1].t if h + 1 < j else ""
        if t == ",":
            h += 1
            continue
        # capitalized: toks may start mid-sentence; lower case only goes on a phrase ("..., on Sunday,")
        phrase = (t[:1].isupper() or t[:1].isdigit() or h > 0) and (low in _PHRASE_OPENERS or (
            (low.endswith(("ing", "ly")) or low in TIME_WORDS) and nxt[:1].islower() and nxt not in CUE_VERBS
        ) or ((low[:1].isdigit() or low in _NUMBER_WORDS) and nxt.lower() in _TIME_NOUNS))
        if not phrase:
            if t in _OPENERS:  # "But", "Meanwhile", "Asked"
                h += 1
                continue
            break
        c = next((n for n in range(h + 1, min(j, h + 26)) if toks[n].t in _PHRASE_ENDS), None)
        if c is None or toks[c].t != ",":
            if t in _OPENERS:  # "Earlier Trump said": the word alone
                h += 1
                continue
            break
        pron = None if low in CLAUSE_OPENERS else next(
            (n for n in range(h + 1, c) if toks[n].t in _SUBJECT_PRONOUNS), None)  # "When asked whom she ..."
        if pron is not None:
            return pron  # "By Sunday afternoon she had canceled ... in Green Bay, Wis.,": no comma of its own
        h = c + 1
        # the place's state and the date still belong to the phrase ("in Ames, Iowa, on Sunday,")
        while h + 1 < j and toks[h].t in PLACES and toks[h + 1].t == ",":
            h += 2
    return h


def _sentence_subject(toks: list[Tok], j: int, text: str) -> Mention | None:
    """The noun phrase that opens the sentence (toks[:j]): its capitalized name run, or a
    short description up to the first lower-case word that is not part of it."""
    h = opening_end(toks, j)
    if h < j and toks[h].t.lower() in PERSONAL_PRONOUNS:
        return classify(toks[h:h + 1], text)  # "At the time, she released a statement saying, “...”"
    k = h
    while k < j and (is_cap(toks[k].t) or toks[k].t in (".", "’s", "'s") or toks[k].t.lower() in PARTICLES
                     or (k == h and toks[k].t.lower() in DETERMINERS)):
        k += 1
    if k == h or (k < j and toks[k].t not in (",",) and not toks[k].t[:1].islower()):
        return None
    if k == h + 1 and toks[h].t.lower() in DETERMINERS:
        # "Her campaign quickly sent ...": a determiner and its nouns, up to a verb or adverb
        while k < j and k - h < 5 and toks[k].t.isalpha() and toks[k].t.islower() and not (
                toks[k].t.endswith(("ed", "ly")) or toks[k].t in CUE_VERBS or toks[k].t in ADVERBS):
            k += 1
        if k == h + 1:
            return None
    return classify(toks[h:k], text)


def rule_passive_by(c: Ctx) -> Found | None:
    """ The policy has been called “strategic ambiguity” by Joshua Hendrick, a professor."""
    r, lft = c.right, c.left
    i = 1 if r and r[0].t == "," else 0
    if len(r) < i + 2 or r[i].t.lower() != "by" or len(lft) < 2:
        return None
    if not any(lft[k].t.lower() in LABEL_VERBS | CUE_VERBS and lft[k - 1].t.lower() in (
            "been", "was", "were", "is", "are", "be", "being") for k in range(1, len(lft))):
        return None
    j = i + 1
    end = _np_forward(r, j, stop_at_verb=True)
    toks = r[j:end] if "," in [t.t for t in r[j:end]] and is_cap(r[j].t) else r[j:_cut_description(r, j, end)]
    m = classify(toks, c.text)
    if not m:
        return None
    return Found(m, "by", r[i].s, "passive-by", 0.7)


def rule_before_colon_or_comma(c: Ctx) -> Found | None:
    """ Kirby said Tuesday: “...”  /  He told reporters, “...”  /  said Kirby, “...”"""
    lft = c.left
    if not lft:
        return None
    # the cue verbs of the sentence before the quote, last first ("Nefzi said, adding, “...”")
    tried = 0
    for v in range(len(lft) - 1, max(-1, len(lft) - 40), -1):
        lw = lft[v].t.lower()
        if lw in QUOTE_TOKS:
            return None
        if back_verb := (lw == "back" and v > 0 and lft[v - 1].t.lower() in ("shot", "fired", "hit", "pushed")):
            v -= 1  # "Mr. Smith shot back: “...”"
        if back_verb or (lft[v].t in CUE_VERBS or lw in CUE_VERBS and v > 0 and lft[v - 1].t == ",") \
                and not (v > 0 and lft[v - 1].t.lower() in DETERMINERS) and not _noun_use(lft, v) or lw == "according" \
                or (lw == "put" and v + 1 < len(lft) and lft[v + 1].t == "it"):  # as Amar put it, “...”
            f = _before_at(c, lft, v, lw)
            if f:
                return f
            tried += 1
            if tried >= 3:
                return None
    return None


_INVERSION_AFTER = frozenset(",:;(\u2014\u2013") | QUOTE_TOKS


def _opens_inversion(lft: list[Tok], v: int) -> bool:
    """Can the verb at v have its subject after it? Only where no subject stands before it:
    at the start, or after a comma, colon or dash ("..., said Kirby: “...”"). In "Clinton says
    Americans are “right to be angry”" the phrase after the verb opens the reported clause."""
    k = v - 1
    while k >= 0 and lft[k].t.lower() in ADVERBS:  # "..., then said Kirby"
        k -= 1
    return k < 0 or lft[k].t in _INVERSION_AFTER


_POSSESSIVE_END = ("'s", "\u2019s", "s'", "s\u2019")
_PAST_CUES = frozenset("said told wrote began sang pled".split())
# cue words that are nouns before "of" ("his home state of Vermont", "claims of"); "says of" is a verb
_NOUNS_OF = frozenset("state states claim claims remark remarks report reports charge charges comments".split())


def _noun_use(toks: list[Tok], v: int) -> bool:
    """Is the cue word at v a noun: after a possessive ("Clinton's remarks", "AP's report") or
    before "of" ("his home state of Vermont", "claims of")?"""
    w = toks[v].t.lower()
    if w.endswith(("ed", "ing")) or w in _PAST_CUES:
        return False  # "he’s said", "He’s claiming": a verb after a contraction
    return (v > 0 and toks[v - 1].t.endswith(_POSSESSIVE_END)) \
        or (w in _NOUNS_OF and v + 1 < len(toks) and toks[v + 1].t.lower() == "of")


def _before_at(c: Ctx, lft: list[Tok], v: int, lw: str) -> Found | None:
    if lw == "according":  # according to NP, “...”
        if v + 1 < len(lft) and lft[v + 1].t.lower() == "to":
            end = _np_forward(lft, v + 2, stop_at_verb=False)
            m = classify(lft[v + 2:_cut_description(lft, v + 2, end)], c.text)
            if m:
                return Found(m, "according to", lft[v].s, "before-according-to", 0.8)
        return None
    m = None
    rule = "before-subject-verb"
    # inverted: said Kirby, “...” (the phrase after the verb must run up to the quote;
    # otherwise it is the object: "described Israel's conduct as “...”")
    after = v + 1
    while after < len(lft) and lft[after].t.lower() in TIME_WORDS:
        after += 1
    if after < len(lft) and lw not in LABEL_VERBS and lw not in LISTENER_VERBS and _opens_inversion(lft, v) \
            and (is_cap(lft[after].t) and lft[after].t.lower() not in ("i",)) and lft[after].t not in QUOTE_TOKS:
        end = _np_forward(lft, after, stop_at_verb=False)
        if end >= len(lft) - 1 or lft[end].t in (",", ":"):
            m = classify(lft[after:_cut_description(lft, after, end)], c.text)
            rule = "before-inverted"
    if m is not None and rule == "before-inverted" and _is_fragment(m, c.text):
        m = None  # "said Carson had been led astray by": the reported clause, not its speaker
    if m is None or (not m.name and not m.pronoun and not m.organization):
        m2 = _noun_phrase(_subject_before(lft, v, c.text), c.text)
        if m2:
            m, rule = m2, "before-subject-verb"
    m = _noun_phrase(m, c.text)
    if m is None:
        # "By the end of the day, Mr. Trump ... said", "A few days later, Trump ... telling":
        # the subject after an opening phrase; else the caller tries an earlier cue verb
        m, rule = _subject_after_opener(lft, v, c.text), "before-subject-verb"
        if m is None:
            return None
    conf = 0.85 if lft[-1].t in (",", ":") else 0.7
    return Found(m, lft[v].t, lft[v].s, rule, conf)


# A speaker phrase is a noun phrase: one that opens with a preposition, a conjunction or a
# relative word ("By", "of Flint's pipes and", "that the person who"), closes on a word that
# needs more after it ("Carson had been led astray by", "the city embodied the"), has a finite
# verb after its head ("Cruz is praising Jeb Bush", "Murphy owes") or names a time or a place
# word ("a few days", "Friday", "There") is a piece of the clause, not its speaker.
_FRAG_PREPS = frozenset("""of in on at to for with by from about into over under after before during
    since than via as""".split())
_FRAG_START = _FRAG_PREPS | frozenset("""following that which who whom whose where and or but nor so yet
    because while when if there here""".split())
_FRAG_END = _FRAG_PREPS | frozenset("""a an the and or but nor that which who whom whose where when his her
    their its our my this these those""".split())
_FINITE = frozenset("""is was were are am be been has had have will would should can could may might
    must does did do owes owe""".split())
_TIME_NOUNS = frozenset("""day days week weeks month months year years hour hours minute minutes
    morning afternoon evening night weekend ago""".split()) | TIME_WORDS


def _is_fragment(m: Mention, text: str) -> bool:
    return _fragment_of(text[m.s:m.e], m.pronoun)


@lru_cache(maxsize=1 << 16)  # the same speaker phrases recur through a story and across stories
def _fragment_of(phrase: str, pronoun: bool) -> bool:
    words = _WORD.findall(phrase)
    if not words:
        return True
    low = [w.lower() for w in words]
    comma = phrase.find(",")
    head = low if comma < 0 else [w.lower() for w in _WORD.findall(phrase, 0, comma)] or low
    if head[0] in _FRAG_START or head[-1] in _FRAG_END and not pronoun:
        return True  # (the head: "Priya Shah, who took over in May" loses "May" as a modal)
    if all(w in _TIME_NOUNS or w in DETERMINERS or w.isdigit() for w in low):
        return True  # "a few days", "Friday", "that morning"
    return not _FINITE.isdisjoint(words) and _finite_in(phrase) is not None


def _finite_at(m: Mention, text: str) -> int | None:
    """Token index of a finite verb after the head of the phrase ("Cruz is praising ...")."""
    return _finite_in(text[m.s:m.e])


@lru_cache(maxsize=1 << 16)
def _finite_in(phrase: str) -> int | None:
    toks = tokens(phrase, 0, len(phrase))
    for k in range(1, len(toks)):
        w = toks[k].t
        if w in (",", "who", "whose", "which", "that", "(", "—", "–"):
            return None  # an appositive or relative clause may have its own verb
        if w in _FINITE:
            return k
    return None


def _noun_phrase(m: Mention | None, text: str) -> Mention | None:
    """The mention if it is a noun phrase; a subject with its verb cut off ("Cruz is praising
    Jeb Bush" -> "Cruz"); or None for a clause fragment."""
    if m is None or not _is_fragment(m, text):
        return m
    k = _finite_at(m, text)
    if k is None:
        return None
    m2 = classify(tokens(text, m.s, m.e)[:k], text)
    return m2 if m2 is not None and not _is_fragment(m2, text) else None


_WORD = re.compile(r"\w+(?:[\u2019'.\-]\w+)*")


def _subject_after_opener(lft: list[Tok], v: int, text: str) -> Mention | None:
    """The noun phrase that follows the sentence's opening phrase and its comma."""
    if lft[0].t in _PREPS:  # "At an event in Ames, Iowa, on Sunday, Ms. Ruiz ..."
        m = _noun_phrase(_sentence_subject(lft, v, text), text)
        if m is not None:
            return m
    for k in range(1, min(v - 1, 12)):
        if lft[k].t == ",":
            if lft[0].t not in _OPENERS and not _is_fragment(Mention(lft[0].s, lft[k - 1].e, ""), text):
                return None  # "Bill Millis, a businessman ...,": the subject and its appositive
            return _noun_phrase(_sentence_subject(lft[k + 1:v], v - k - 1, text), text)
    return None


def rule_same_sentence(c: Ctx) -> Found | None:
    """ Biden described it as “over the top” and the bombing “indiscriminate.”  (one cue, two spans)"""
    p = c.prev_any
    if p and p.mention and p.attributed_here and c.same_sentence:
        return Found(p.mention, p.verb, p.verb_start, "same-sentence", p.confidence)
    return None


def rule_same_paragraph(c: Ctx) -> Found | None:
    """ “...,” he said. “...”   (the second part of a split quote, or the next sentence)"""
    p = c.prev
    if p and p.mention:
        return Found(p.mention, p.verb, p.verb_start, "continues-split", 0.8, attributed_here=False)
    return None


def rule_next_paragraph(c: Ctx) -> Found | None:
    """A paragraph that is only a quote continues the previous paragraph's speaker."""
    p = c.prev_block_last
    if c.block_start and p and p.mention and (p.ends_block or p.continues):
        return Found(p.mention, p.verb, p.verb_start, "continues-paragraph", 0.6, attributed_here=False)
    return None


def rule_colon_intro(c: Ctx) -> Found | None:
    """ The statement said:  (paragraph)  “...”   /   Kirby added: (paragraph) “...” """
    it = c.block_intro
    if not c.block_start or not it or it[-1].t != ":":
        return None
    sub = Ctx(c.text, c.sp, it, [])
    f = rule_before_colon_or_comma(sub) or rule_colon_name(sub) or _issue_verb(it, c.text)
    if f:
        f.rule, f.attributed_here, f.confidence = "colon-intro", False, 0.7
        return f
    return None


# "released the following statement:", "posted on Facebook:": verbs that hand over a text
ISSUE_VERBS = frozenset("released issued posted published sent put tweeted wrote offered gave shared "
                        "provided read delivered".split())


def _issue_verb(toks: list[Tok], text: str) -> Found | None:
    for v in range(len(toks) - 1, -1, -1):
        if toks[v].t.lower() in ISSUE_VERBS:
            m = _subject_before(toks, v, text)
            if m:
                return Found(m, toks[v].t, toks[v].s, "colon-intro", 0.6)
            return None
    return None


def rule_colon_name(c: Ctx) -> Found | None:
    """ Marco Rubio: ‘You Don’t Win The Nomination By States’   (a headline or transcript)"""
    lft = c.left
    if len(lft) > 8:  # "... in Indiana - Philip Bump: “...”": a name after a dash
        for d in range(len(lft) - 2, len(lft) - 9, -1):
            if lft[d].t in ("—", "–", "-"):
                lft = lft[d + 1:]
                break
    if len(lft) < 2 or lft[-1].t != ":" or len(lft) > 8:
        return None
    depth = 0
    for tk in lft[:-1]:  # "Rep. Trey Gowdy (R-S.C.):" - a name, titles, a parenthetical
        depth += tk.t == "("
        ok = depth or is_cap(tk.t) or tk.t in (".", "-", ")") or tk.t.lower() in PARTICLES
        depth -= tk.t == ")"
        if not ok:
            return None
    m = classify(lft[:-1], c.text)
    if not m or not (m.name or m.organization):
        return None
    return Found(m, None, None, "colon-name", 0.6)


def rule_recent_speaker(c: Ctx) -> Found | None:
    """A quote with no cue at all: the speaker quoted just before (within two paragraphs)
    is still talking, the usual case in news copy."""
    p = c.recent
    if p and p.mention and c.sp.block - c.recent_block <= 2 and not c.left:
        return Found(p.mention, p.verb, p.verb_start, "recent-speaker", 0.3, attributed_here=False)
    return None


# Ordered: the first rule that finds a speaker wins.
SPEAKER_RULES: tuple[tuple[str, Callable[[Ctx], Found | None], str], ...] = (
    ("after-inverted", rule_after_inverted,
     "“We will not back down,” said John Kirby, the White House spokesman."),
    ("after-subject-verb", rule_after_subject,
     "“We will not back down,” White House spokesman John Kirby said Tuesday."),
    ("passive-by", rule_passive_by,
     "The plan has been described as “a bridge to nowhere” by Dana Cole, a city planner."),
    ("after-according-to", rule_after_according,
     "“The evidence cannot prove intent,” according to a court filing by the prosecutor."),
    ("after-sentence-tag", rule_sentence_tag,
     "“The vote” was never in doubt, said council member Rosa Diaz."),
    ("dash-signature", rule_dash_signature,
     "“Our streets are safer than they were a decade ago.” — Jane Doe, mayor of Springfield"),
    # also names its finds "before-inverted" (said Kirby, “...”) and "before-according-to"
    ("before-subject-verb", rule_before_colon_or_comma,
     "Speaking to reporters on Monday, Senator Maria Lopez said: “We have the votes.”"),
    ("colon-name", rule_colon_name,
     "Marco Rubio: ‘You Don’t Win The Nomination By How Many States You Win’"),
    ("same-sentence", rule_same_sentence,
     "Biden called the plan “reckless” and the timing “absurd.”"),
    ("continues-split", rule_same_paragraph,
     "“We have the votes,” she said. “And we will use them.”"),
    ("continues-paragraph", rule_next_paragraph,
     "“We have the votes,” she said.\n\n“And we will use them.”"),
    ("colon-intro", rule_colon_intro,
     "The ministry said in a statement:\n\n“The talks will resume next week.”"),
    ("recent-speaker", rule_recent_speaker,
     "“We have the votes,” Lopez said.\n\nThe vote is set for Tuesday.\n\n“We will win it.”"),
)


# ------------------------------------------------------------------ not quotes

_SMALL = frozenset("a an the of and or in on at to for with by from de la le vs".split())


def is_title_like(q: str) -> bool:
    """“Saturday Night Live”, “Great Satan”: a short title-cased name, not speech."""
    words = q.strip(" ,.!?;:").split()
    if not words or len(words) > 6:
        return False
    caps = [w for w in words if w.lower() not in _SMALL]
    return bool(caps) and all(w[:1].isupper() or w[:1].isdigit() or w[:1] in "#@" for w in caps)


# ------------------------------------------------------------------ main

_LABEL_BEFORE = LABEL_VERBS | {"as", "word", "words", "term", "phrase", "called", "dubbed", "so-called"}


def find_quotes(text: str, paragraphs: list[Paragraph]) -> list[Quote]:
    blocks = blocks_of(text, paragraphs)
    spans = pair_marks(text, blocks)
    tok_iter = _TOK.finditer
    rule_fns = [r[1] for r in SPEAKER_RULES]
    out: list[Quote] = []
    prev: Found | None = None
    prev_block = -1
    prev_block_last: Found | None = None
    prev_any: Found | None = None
    prev_ended = True
    last_close = 0
    recent: Found | None = None
    recent_block = -1
    for idx, sp in enumerate(spans):
        bs, be = blocks[sp.block]
        if sp.block != prev_block:
            prev_block_last = prev if (prev_block == sp.block - 1) else None
            prev, prev_block, last_close = None, sp.block, bs
            prev_any, prev_ended = None, True
        # left: the sentence before the opening mark (after the previous span in the block)
        ls = _sentence_start(text, max(last_close, sp.open_s - 200, bs), sp.open_s)
        left = [Tok((m[0],) + m.span()) for m in tok_iter(text, ls, sp.open_s)]
        left = _left_trim(left, text, sp)
        nxt_open = spans[idx + 1].open_s if idx + 1 < len(spans) and spans[idx + 1].block == sp.block else be
        right_end = _sentence_stop(text, sp.close_e, min(be, sp.close_e + 250, nxt_open))
        right = _right_trim([Tok((m[0],) + m.span()) for m in tok_iter(text, sp.close_e, right_end)])
        block_start = sp.open_s - bs <= 3 and not text[bs:sp.open_s].strip(" \t\u00a0\"'“‘«`")
        intro = []
        if block_start and sp.block > 0:
            pbs, pbe = blocks[sp.block - 1]
            if text[pbe - 1:pbe] == ":":
                intro = _left_trim(tokens(text, max(pbs, pbe - 400), pbe), text, None)
        qt0 = text[sp.open_e:sp.close_s].rstrip("\"'\u201d\u2019 ")
        signature = []  # a quote paragraph, then "— Jane Doe, mayor" on a line of its own
        if block_start and not right and sp.block + 1 < len(blocks) and not text[sp.close_e:be].strip():
            nbs, nbe = blocks[sp.block + 1]
            if nbe - nbs <= _SIGNATURE_MAX and text[nbs] in _DASHES:
                signature = tokens(text, nbs, nbe)
        c = Ctx(text, sp, left, right, prev, prev_block_last, block_start, intro,
                qt0[-1:] in ("." , "!", "?"), prev_any,
                prev_any is not None and not prev_ended and ls <= last_close,
                recent, recent_block, signature,
                right_end == nxt_open < be and qt0[-1:] == "." and not (right and right[0].t == ","))  # positional: ends_sentence, prev_any, same_sentence, recent...
        found = None
        for fn in rule_fns:
            found = fn(c)
            if found:
                break
        qtext_s, qtext_e = sp.open_e, sp.close_s
        qt = text[qtext_s:qtext_e]
        kind = _kind(c, qt, found)
        keep = _keep(c, qt, kind, found)
        if found is not None:
            found.ends_block = (be - sp.close_e <= 2 and not text[sp.close_e:be].strip()) or (
                found.attributed_here and _ends_block_after(right, be))
            found.continues = sp.continues
        if keep:
            q = Quote(text=qt, start=qtext_s, end=qtext_e, kind=kind, rule=found.rule if found else "marks",
                      confidence=(found.confidence if found else 0.4))
            if found and found.mention:
                m = found.mention
                q.speaker = Speaker(mention=m.text, mention_start=m.s, mention_end=m.e, title=m.title,
                                    anonymous=m.anonymous, group=m.group, organization=m.organization,
                                    name=m.name)
                q.verb, q.verb_start = found.verb, found.verb_start
            out.append(q)
        last_close = sp.close_e
        if not keep:
            continue  # a title or scare quote passes its speaker to nobody
        prev_any = found
        if found is not None and found.mention:
            recent, recent_block = found, sp.block
        prev_ended = c.ends_sentence
        if found is not None and (kind == "direct" or found.attributed_here):
            prev = found  # the speaker a following quote in this paragraph continues
        elif found is None and kind == "direct":
            prev = None
    return out


_SENT_BREAK = re.compile(r"[.!?][\"\u201d\u2019')]*\s+")


def _sentence_start(text: str, lo: int, hi: int) -> int:
    """A cheap lower bound for the start of the sentence that ends at hi (token rules refine it)."""
    k = hi
    for _ in range(6):
        k = max(text.rfind(". ", lo, k), text.rfind("? ", lo, k), text.rfind("! ", lo, k))
        if k < 0:
            return lo
        j = k
        while j > lo and text[j - 1].isalpha():
            j -= 1
        word = text[j:k]
        if word.lower() not in _ABBREV and not (len(word) == 1 and word.isupper()):
            return k + 1
    return lo


def _sentence_stop(text: str, lo: int, hi: int) -> int:
    """End of the window after a quote: the first sentence break that is not an abbreviation."""
    pos = lo
    while True:
        m = _SENT_BREAK.search(text, pos, hi)
        if not m:
            return hi
        j = m.start()
        i = j
        while i > lo and text[i - 1].isalpha():
            i -= 1
        word = text[i:j]
        # "Sen. Rand Paul (R-Ky.) said": a lower-case word next means the sentence goes on
        if j > lo and word.lower() not in _ABBREV and not (len(word) == 1 and word.isupper()) \
                and not text[m.end():m.end() + 1].islower():
            return m.start() + 1
        pos = m.end()


def _ends_block_after(right: list[Tok], be: int) -> bool:
    return bool(right) and right[-1].e >= be - 1


def _left_trim(left: list[Tok], text: str, sp: Span | None) -> list[Tok]:
    """Keep only the current sentence of the left context."""
    for i in range(len(left) - 1, -1, -1):
        if left[i][0] in SENT_END and _sentence_end(left, i):
            return left[i + 1:]  # empty when the quote opens a new sentence
    return left


def _right_trim(right: list[Tok]) -> list[Tok]:
    for i, tk in enumerate(right):
        if tk.t in SENT_END and _sentence_end(right, i):
            return right[:i + 1]
    return right


def _kind(c: Ctx, qt: str, found: Found | None) -> str:
    """direct: a whole statement; partial: words quoted inside the writer's sentence."""
    lft = c.left
    if c.sp.continues or c.block_start or not lft:
        return "direct"
    last = lft[-1].t
    if found and found.rule.startswith(("after", "dash")) and (qt[:1].isupper() or last in ("—", "–", ")", ":")):
        return "direct"
    if last in (":",):
        return "direct"
    if last == "," and found and found.attributed_here and found.rule.startswith("before"):
        return "direct"
    if last in (",",) and qt[:1].isupper():
        return "direct"
    if found and found.rule.startswith("before") and qt[:1].isupper() and lft[-1].t.lower() in CUE_VERBS | {"to", "reporters"}:
        return "direct"
    if found and not found.attributed_here and qt[:1].isupper():
        return "direct"
    return "partial"


_NAMING = frozenset("called named titled entitled dubbed".split())


def _names_a_thing(c: Ctx) -> bool:
    """'a play called “Sons of Trump”', 'Gov. C.L. “Butch” Otter': a name, not speech. (After a
    person or a pronoun, "called" labels: 'Trump called him “Little Marco”'.)"""
    lft, r = c.left, c.right
    if len(lft) >= 2 and lft[-1].t.lower() in _NAMING:
        before = lft[-2].t
        return before.isalpha() and before.islower() and before.lower() not in PERSONAL_PRONOUNS \
            and before.lower() not in ADVERBS and before.lower() not in CLAUSE_OPENERS
    # a nickname between the parts of a name
    return bool(lft) and bool(r) and is_cap(lft[-1].t) and lft[-1].t.isalpha() and len(c.text[c.sp.open_e:c.sp.close_s].split()) <= 3 \
        and r[0].t.isalpha() and is_cap(r[0].t) and r[0].s == c.sp.close_e + 1


# Words that name a work: the quote right after one ("his memoir, “Tough Choices.”") is its
# title. Nouns that are also verbs ("show", "play", "ad") are left out.
WORK_NOUNS = frozenset("""book books memoir memoirs autobiography novel column op-ed essay editorial
    podcast program programme documentary album poem slogan headline bestseller commentary""".split())
_TOLD = frozenset("told tell tells telling".split())
_BE = frozenset("is was were be been being are get got gets".split())
# (CROSSTALK.) (APPLAUSE) (Laughter): a transcript's note, in capitals or a known word
_STAGE = re.compile(r"\((?:[A-Z][A-Z .,'-]{2,30}|(?i:laughter|applause|cheers|crosstalk|inaudible|"
                    r"unintelligible|booing|boos|silence|pause))\)[.,]?")
_BY_AUTHOR = re.compile(r"[,\s]*by\s+(?:the\s+)?[A-Z]")


def _after_work_noun(c: Ctx, qt: str, found: Found | None) -> bool:
    lft = c.left
    k = len(lft) - 1 - (bool(lft) and lft[-1].t == ",")
    return k >= 0 and lft[k].t.lower() in WORK_NOUNS


def _show_told(c: Ctx, qt: str, found: Found | None) -> bool:
    """'Fiorina told “Fox and Friends,”': a programme named as the listener."""
    return bool(c.left) and c.left[-1].t.lower() in _TOLD and is_title_like(qt)


def _title_by_author(c: Ctx, qt: str, found: Found | None) -> bool:
    """'“The Trumps: Three Generations That Built an Empire,” by Gwenda Blair': a work and its
    author (not a passive attribution: 'was called “a disgrace” by Ryan')."""
    m = _BY_AUTHOR.match(c.text, c.sp.close_e, c.sp.close_e + 12)
    return m is not None and not any(tk.t.lower() in _BE for tk in c.left)


def _excerpt_after_byline(c: Ctx, qt: str, found: Found | None) -> bool:
    """Digest style '—“Headline,” by Times’ Ben Sisario: “First paragraph...”': an excerpt of
    another article, not speech."""
    lft = c.left
    if not lft or lft[-1].t != ":":
        return False
    for k in range(len(lft) - 2, max(-1, len(lft) - 10), -1):
        if lft[k].t == "by":  # the headline's closing mark (maybe then a comma) before "by"
            return c.text[max(0, lft[k].s - 4):lft[k].s].rstrip(" ,")[-1:] in _ALL_MARKS
    return False


def _subhead_line(c: Ctx, qt: str, found: Found | None) -> bool:
    """A paragraph that is only a quote in single marks is a feature's sub-heading
    ("'A fight from start to finish.'"), and one that opens a paragraph with no speaker anywhere
    is a headline's ("'Stay or pay' could make firms stay home."); speech in plain-text feeds
    uses '' or double marks."""
    sp = c.sp
    if not c.block_start or sp.double or sp.close_e - sp.close_s != 1:
        return False
    return found is None or (not c.right and c.text[sp.close_e:sp.close_e + 4].lstrip(" \t\r")[:1] in ("", "\n"))


# a quoted name right before one of these is a show's or a book's title ("“Orange Is the New
# Black” star Ana Ruiz")
_ROLE_AFTER = frozenset("""star stars host hosts actor actress creator author co-star anchor writer
    producer director contestant alum alumnus cast""".split())


def _title_before_role(c: Ctx, qt: str, found: Found | None) -> bool:
    r = c.right
    return bool(r) and r[0].t in _ROLE_AFTER and is_title_like(qt)


def _names_a_remark(c: Ctx, qt: str, found: Found | None) -> bool:
    """'his “Second Amendment people” remark': the words name a remark the story refers to."""
    r = c.right
    return bool(r) and r[0].s == c.sp.close_e + 1 and r[0].t in ("remark", "remarks") and len(qt.split()) <= 4


def _stage_direction(c: Ctx, qt: str, found: Found | None) -> bool:
    """Transcripts' “(CROSSTALK.)”, “(LAUGHTER)”."""
    return _STAGE.fullmatch(qt.strip()) is not None


# name, test, an example it exists for (the quoted words are not speech)
NOT_SPEECH: tuple[tuple[str, Callable[[Ctx, str, "Found | None"], bool], str], ...] = (
    ("work-title", _after_work_noun, "Fiorina wrote in her memoir, “Tough Choices.”"),
    ("show-told", _show_told, "“He is fair game,” Fiorina told “Fox and Friends,” on Monday."),
    ("title-by-author", _title_by_author,
     "According to “The Trumps: Three Generations That Built an Empire,” by Gwenda Blair, he left."),
    ("digest-excerpt", _excerpt_after_byline,
     "—“Museum to close in December,” by Times’ Ben Sisario: “The museum will close its doors.”"),
    ("subhead", _subhead_line, "'A fight from start to finish.'\n\nThe merger was not her idea."),
    ("stage-direction", _stage_direction, "“(CROSSTALK.)”"),
    ("title-before-role", _title_before_role, "“Morning Rounds” host Ana Ruiz opened up about her year."),
    ("names-a-remark", _names_a_remark, "After his “bad hombres” remark, the crowd went quiet."),
)


# the words next to a span that some NOT_SPEECH row looks at: a span with none of them skips
# the table (most spans; it runs on every one)
_GATE_LEFT = WORK_NOUNS | _TOLD | {":"}
_GATE_RIGHT = _ROLE_AFTER | {"remark", "remarks"}


def _may_not_speak(c: Ctx, qt: str) -> bool:
    lft, r, sp = c.left, c.right, c.sp
    return (c.block_start and not sp.double) or qt[:1] == "(" \
        or (bool(lft) and (lft[-1][0].lower() in _GATE_LEFT or (len(lft) > 1 and lft[-2][0].lower() in WORK_NOUNS))) \
        or (bool(r) and r[0][0] in _GATE_RIGHT) or c.text.find("by", sp.close_e, sp.close_e + 6) >= 0


def not_speech(c: Ctx, qt: str, found: Found | None = None) -> str | None:
    """The name of the first NOT_SPEECH row that holds for this span, or None."""
    if not _may_not_speak(c, qt):
        return None
    for name, test, _ in NOT_SPEECH:
        if test(c, qt, found):
            return name
    return None


def _after_cue_comma(c: Ctx) -> bool:
    """'She shook her head and said, “No.”': a cue verb and a comma or colon right before it."""
    lft = c.left
    return len(lft) >= 2 and lft[-1].t in (",", ":") and lft[-2].t.lower() in CUE_VERBS


def _keep(c: Ctx, qt: str, kind: str, found: Found | None) -> bool:
    """Scare quotes, titles and nicknames are not speech."""
    if not_speech(c, qt, found):
        return False
    lw = c.left[-1].t.lower() if c.left else ""
    # “Fox News Sunday,” ''The Art of the Deal,'' Marcia “Cia” Price: names and titles
    if len(qt) < 80 and is_title_like(qt) and not (lw in LABEL_VERBS or lw in CUE_VERBS or lw in (":", ",", "as")) \
            and not (found is not None and (found.attributed_here or found.rule == "continues-split") and not c.left):
        return False  # (a quotation opening the sentence after a split one goes on with the speech)
    if len(qt) < 80 and is_title_like(qt) and _names_a_thing(c):
        return False
    if kind == "direct":
        if found is None and len(qt.split()) <= 2 and not c.block_start and not _after_cue_comma(c):
            return False
        return True
    attributed = found is not None and found.attributed_here
    if not attributed:
        return False
    return True
