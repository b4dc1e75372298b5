"""Reported speech: indirect quotes ("X said that ...", "according to X, ...") and mixed ones.

``find_reported`` takes the quotation-marked spans from ``quotes.find_quotes`` and returns all
the quotes of the article, in text order:

* indirect quotes found by ``RULES``, an ordered table of named rules (markdown-it-py style).
  Each rule looks at one cue (a reporting verb or "according to", found by one precompiled
  trie-shaped pattern) inside one sentence and returns the content span, the speaker mention
  and the verb, or None. ``_colon_paragraph`` adds "Name: words" lines (headlines, transcripts);
* marked quotes that sit inside such a content span together with unquoted words become ONE
  "mixed" quote covering the whole reported content, spoken by the subject of the reporting
  verb; a marked partial whose own cue (from quotes.py) opens a clause no rule matched becomes
  mixed the same way (``_mixed_from_marks``);
* every other marked quote unchanged. Label quotes ("dismissed the plan as 'delusional'",
  "called it 'a disgrace'") stay partial, and a one-word quotation closing a report before its
  attribution ("are 'pivotal,' a source said") is kept beside its mixed span: corpora that do
  not annotate mixed speech (the seed story) count those words as the quote.

Content spans follow the PolNeAR conventions: a leading "that" is part of the content, the
sentence's final full stop is not, a mixed span ending in a quotation keeps its closing mark,
"CONTENT, X said, CONTENT" is two quotes, non-restrictive tails (", which ...", ", but ...")
are the writer's. Speakers are mentions (``Speaker.name`` None); attribution.resolve_speakers
resolves them.

Cost is linear: every rule works on a bounded window of tokens around its cue, the sentence
splitter is one left-to-right pass, and no regex here can backtrack over more than a token.
A cue inside two content spans already emitted (a nested one) is not looked at again, so even
"said" repeated 100,000 times yields O(n) output.

The verb tables were pruned against dev data: a verb stays when most of what it finds is
reported speech ("support", "attacks", "states", "plan" are nouns too often and are out).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, NamedTuple

from .lexicon import ANONYMOUS_NOUNS, GROUP_NOUNS, ORG_WORDS, TITLE_WORDS
from .models import Paragraph, Quote, Speaker
from .quotes import is_title_like, opening_end

# ------------------------------------------------------------------ word tables

class _lazy:
    """A module-level regex compiled on first use: importing newscli compiles nothing (commands
    that never parse do not pay for it). The first use puts the compiled pattern in the
    module's globals, so later uses are plain pattern calls."""
    __slots__ = ("name", "source")

    def __init__(self, name: str, source):
        self.name, self.source = name, source

    def __getattr__(self, attr):
        source = self.source() if callable(self.source) else self.source
        pattern = globals()[self.name] = re.compile(source)
        return getattr(pattern, attr)




def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Verbs of saying, writing and stating: "X said (that) C", "C, X said", "C, said X".
SAY = _words("""
say says said add adds added note notes noted writes wrote argue argues argued
claims claimed explain explains explained insist insists insisted stated
declare declares declared contend contends contended
assert asserts asserted acknowledge acknowledges acknowledged admit admits admitted
concede concedes conceded confirms confirmed announce announces announced
reports reported warn warns warned predict predicts predicted suggest suggests suggested
recall recalls recalled stress stresses stressed emphasize emphasizes emphasized observe observes
observed caution cautions cautioned counter counters countered reply replies replied
respond responds responded complain complains complained charge charges charged
allege alleges alleged tweets tweeted posted testify testifies testified
reiterate reiterates reiterated recount recounts recounted estimate estimates estimated
conclude concludes concluded boast boasts boasted joke jokes joked quip quips quipped
hint hints hinted indicate indicates indicated reveal reveals revealed disclose discloses disclosed
promised vow vows vowed agree agrees agreed
deny denies denied signal signals signaled speculate speculates speculated muse mused
lament laments lamented concur concurs concurred mention mentions mentioned
""")
# Verbs of belief, knowledge and expectation ("Clinton believes the deal will hold").
BELIEVE = _words("""
believe believes believed think thinks thought expect hope hopes hoped
see sees
fear fears feared know knows doubt doubts doubted suspect suspects suspected
worry worries worried realize realizes realized
assume assumes assumed figured reckon reckons reckoned guess guessed
""")
# Verbs whose person object comes before the content: "told reporters (that) C".
TELL = _words("tell tells told assure assures assured inform informs informed remind reminds reminded")
# Intentions, demands and proposals: content is what follows ("X wants to ...", "called for").
WANT = _words("""
want wants wanted plans planned intends urge urges urged propose proposes
proposed demand demands demanded sought
""")
# Findings of polls, studies and reports: only with such a subject ("A poll shows ...").
SHOW = _words("show shows showed shown find finds found")
SHOW_SUBJECTS = _words("""
poll polls survey surveys study studies report reports data analysis research researchers
numbers figures records documents review audit investigation investigators estimates
results findings statistics evidence polling emails records video footage math experience
filings disclosures
""")
# Stances toward a person, plan or idea: the object is the content ("Cruz criticized the deal").
# Past and -s forms only: "support", "attack" are nouns as often as verbs.
STANCE = _words("""
criticized criticizes endorsed endorses praised praises supported opposed opposes
defended defends attacked accused accuses rejected rejects questioned
cited cites blamed blames blasted blasts slammed slams condemned condemns denounced denounces
welcomes applauded applauds touted touts backs mocked mocks ridiculed
endorse oppose echoed echoes
declined refused offered offers expressed expresses highlighted highlights
""")
# ", saying (that) C": the speaker is the subject of the main clause.
PARTICIPLES = _words("""
saying adding noting arguing claiming insisting explaining suggesting warning stating
declaring writing tweeting acknowledging predicting contending asserting telling
citing referring pointing praising criticizing accusing urging blaming recalling
""")
# Stances and aims as participles: ", supporting the bill", ", seeking to ..."; unlike the
# speech participles above they do not end a content span.
STANCE_PARTICIPLES = _words("""
seeking hoping promising offering defending questioning
denouncing announcing vowing pledging demanding
""")
# Verb phrases whose object is the topic or demand: "talked about the economy", "calling for a ban".
PHRASES = frozenset({"talked about", "spoke about", "talking about", "speaking about", "talks about",
                     "calling for", "spoke of", "discussed", "discusses", "decided",
                     "learned"})
# "asked (the senator) whether ...": the question is the content, the person asked is not.
ASK = _words("asked asks ask asking wondered wonders questioned")

_VERBS = SAY | BELIEVE | TELL | WANT | SHOW | PARTICIPLES | STANCE | ASK | STANCE_PARTICIPLES


def _trie_pattern(words) -> str:
    """One regex for a word list, shaped as a trie ("sa(?:id|ys|ying)"): Python's re tries the
    branches of a flat alternation one by one at every position, a trie fails on the first letter."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        end = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


# Headlines capitalize their verbs: "Former Pollster Says Clinton Is In Trouble".
_TITLE_VERBS = {w.capitalize() for w in SAY | TELL | BELIEVE | WANT if w.endswith("s")}


@lru_cache(maxsize=1)
def _cue_words() -> str:
    return _trie_pattern(set(_VERBS) | _TITLE_VERBS | PHRASES | {
        "according to", "According to", "call for", "calls for", "called for", "called on", "calls on",
        "point out", "points out", "pointed out"})


# A cue with the non-word character before it (a cue starts with a letter, so that is a word
# boundary): the leading character class lets the regex engine skip the letters of other words
# instead of trying the word list at each. Group 1 is the cue.
_CUE_SCAN = _lazy("_CUE_SCAN", lambda: r"\W(" + _cue_words() + r")\b")


def _cues(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """(start, end, words) of every cue in text[s:e] that starts at a word boundary (the
    character before s counts, as it does for \\b)."""
    out = []
    if s == 0:  # no character before the text: look at it after a space
        m = _CUE_SCAN.match(" " + text[:min(e, 40)])  # (cues are shorter than 40 characters)
        if m:
            out.append((0, m.end() - 1, m[1]))
            s = m.end()
    for m in _CUE_SCAN.finditer(text, max(s - 1, 0), e):
        out.append((m.start(1), m.end(), m[1]))
    return out


def _has_cue(text: str, s: int = 0, e: int | None = None) -> bool:
    """Whether text[s:e] holds a cue (s > 0: one that starts after s)."""
    if s == 0:
        return _CUE_SCAN.search(" " + text[:e]) is not None
    return _CUE_SCAN.search(text, s - 1, len(text) if e is None else e) is not None

# Words between a subject and its verb: "has also said", "on Tuesday said".
AUX = _words("""
also has have had would will could did does do is was were are been be may might must should
shall can not n't never always still later then once recently previously again earlier first
repeatedly reportedly publicly privately often frequently long just even only already since
too further initially originally flatly openly apparently allegedly quickly quietly
""")
_BE = _words("is was were are been be being get gets got")
_OBJ_END = _lazy("_OBJ_END", r"[, \t](?:(?<=,)|(?<=[ \t])(?:when|after|before|while|because|as|since|during|despite|"
                 r"though|although)[ \t])")
_LONE = _words("before again earlier later otherwise so too yesterday today then there here online now")
_CORE_END = _words("of in on at for with from who that which whose I we you he she they familiar close")
_OPENERS = _words("""following though although when while if once since until unless despite amid among
during under without within throughout eight nine ten eleven twelve two three four five six seven
earlier later last next""")
_ADJ_HEADS = _words("""larger bigger greater more less final last first new big former latter same other
years months weeks days hours minutes decades""")  # "Two years later, saying ..."
_QUANT = _words("two three four five six several some many most few both all senior top other")
_DETS = _words("a an the one another his her their its our this that")
_PAST = _words("""began took made went came gave spoke stood met ran left held kept sent brought struck
won lost threw wrote led sat told""")
_PREP = _words("of about on against with for to in at over from into during after before by as")
# "continued to argue", "went on to say": verb chains before the cue.
CHAIN = _words("""to continued continues continue went go goes seemed seems appeared appears began begins
tried tries try declined refused""")
TIME_WORDS = _words("""
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning
afternoon evening night week month year weekend
""")
# Clause boundaries: a subject never runs back past these.
BOUNDARY = _words("""
that and but because when while if as after before since although though so who whom which
where whether than or what how why until unless once nor yet whose
""")
# Heads that cannot end a speaker phrase.
NOT_HEAD = BOUNDARY | AUX | CHAIN | _words("""
a an the of for in on at by with from about into over this these those there it's its
his her their our my your some any all no every each such than to also it
""") | _VERBS
PRONOUNS = _words("he she they i we you it")
SPEAKER_NOUNS = ANONYMOUS_NOUNS | GROUP_NOUNS | ORG_WORDS | TITLE_WORDS | SHOW_SUBJECTS | _words("""
statement letter memo lawsuit complaint filing article story column editorial ad ads campaign
bill document indictment website site book paper newspaper magazine network reporters critics
supporters spokesman spokeswoman aides advocates allies backers observers pundits pollsters
percent majority half third quarter plurality most many some others few respondents
""")
# Discourse connectives that open a sentence but are not part of the reported content.
CONNECTIVES = _lazy("CONNECTIVES", r"(?:(?:But|And|Yet|So|Still|However|Meanwhile|Instead|Moreover|Indeed|"
                         r"Also|Now|Then|Besides|Further|Furthermore|In addition|In fact|Of course|"
                         r"At the same time|On the other hand|Nevertheless|Nonetheless|Rather|Plus|"
                         r"Similarly|Likewise|Again|Otherwise|Finally|Still)\b,?[ \t]+)+")
# What ends a content span early: "..., saying", "..., according to", "; ...".
# Non-restrictive tails (", which ...", ", but ...") are the writer's, not the speaker's.
# (Every alternative starts with one of ";, \t": the leading class lets the regex engine skip
# the other characters without trying the alternatives at each of them. The lookbehinds say
# which character it was; the positions matched are those of the plain alternation.)
_AND_CUE = (r"and[ \t]+(?:also[ \t]+|later[ \t]+|then[ \t]+)?(?:said|says|added|adds|told|tells|"
            r"noted|wrote|argued|[a-z]+ed(?=[ \t]))\b")
_STOP = _lazy("_STOP", r"[;, \t](?:(?<=;)"
                   r"|(?<=,)(?:[\"\u201d\u2019]?[ \t]+(?:(?:he|she|they|it|I|we)[ \t]+(?:said|says|added|told|"
                   r"wrote|argued|noted|explained)\b|according[ \t]+to\b|but|which|who|whom|while|though|although|"
                   r"whereas|where|" + "|".join(sorted(PARTICIPLES)) + r")\b"
                   r"|[ \t]+" + _AND_CUE + r"|[ \t]+for[ \t]+(?:instance|example)\b"
                   # the writer's gloss on the remark: ", a swipe at ...", ", an apparent reference to ..."
                   r"|[\"\u201d\u2019]?[ \t]+(?:in[ \t]+)?an?[ \t]+(?:apparent[ \t]+|veiled[ \t]+|thinly[ \t]+veiled[ \t]+|clear[ \t]+|"
                   r"not-so-subtle[ \t]+|implicit[ \t]+)?(?:swipe|jab|dig|reference|nod|allusion|rebuke)[ \t]+(?:at|to)\b)"
                   r"|(?<=[ \t])[ \t]*(?:(?:--|\u2014)[ \t]+(?:he|she|they)[ \t]+(?:said|says)\b"
                   # the subject's next speech act: "... passion and commitment" but argues that ..."
                   r"|but[ \t]+(?:also[ \t]+|then[ \t]+|later[ \t]+)?(?:said|says|added|adds|argued|argues|noted|notes|"
                   r"warned|warns|insisted|insists|acknowledged|acknowledges|conceded|concedes|cautioned|cautions|"
                   r"stressed|stresses|explained|explains|admitted|admits)\b"
                   r"|" + _AND_CUE +
                   # a dash opening the writer's aside: "... — as long as it comes with ..."
                   r"|(?:\u2014|--|-)[ \t]+(?:and|but|as|except|which|who|while|though|even|including|not)\b))")
# Adverbials between a cue and its content: "said Tuesday", "said in a statement that".
_ADVERBIAL = _lazy("_ADVERBIAL", 
    r"(?:[ \t]+|,[ \t]+)(?:(?:on|last|this|late|early|earlier)[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|today|yesterday|tonight|week|month|year|morning|afternoon|evening|night)\b"
    r"(?:[ \t]+(?:morning|afternoon|evening|night))?"
    r"|(?:[ \t]+|,[ \t]+)(?:in|at|on|during|via|through|before|after|from|with|to|over)[ \t]+(?:an?|the|his|her|their|its|"
    r"[A-Z][\w\u2019'.&-]*)(?:[ \t]+[\w\u2019'.&-]+){0,5}?[ \t]+(?:statement|interview|speech|email|e-mail|tweet|"
    r"tweets|post|letter|memo|release|conference|briefing|hearing|call|appearance|rally|video|op-ed|"
    r"column|message|remarks|report|filing|Twitter|Facebook|show|program|broadcast|event|debate|"
    r"meeting|session|forum|address|book|article|radio|television|TV|CNN|MSNBC|NBC|ABC|CBS|Fox)\b"
    r"|(?:[ \t]+|,[ \t]+)(?:later|then|also|again|recently|previously|repeatedly|publicly|privately|"
    r"earlier|once|too)\b")
_TOK = _lazy("_TOK", r"\w+(?:[\u2019'.&\-]\w+)*\.?|[^\w\s]")
_MARKS = "\"\u201c\u201d\u2018\u2019'`\u00ab\u00bb"
_ABBREV = _words("""
mr mrs ms dr sen rep gov gen lt col st jr sr no u.s u.n calif fla ga ill mass mich n.y pa tex
va wash ore ariz colo conn jan feb aug sept oct nov dec inc corp co vs prof rev ft mt sgt capt
adm maj cmdr gens reps sens messrs d.c
""")
_ABBREV_LEN = max(map(len, _ABBREV))


# How far back from a cue its speaker may start (chars); rules share this window so the
# cached tokens are reused.
_WINDOW = 140


class Tok(NamedTuple):
    t: str
    s: int
    e: int
    low: str  # t.lower(): the rules compare lower-case words, many times per token


def _tokenize(text: str, s: int, e: int) -> tuple[Tok, ...]:
    return tuple([_new(Tok, (w, m.start(), m.end(), w.lower())) for m in _TOK.finditer(text, s, e) for w in (m[0],)])


_new = tuple.__new__  # Tok(...) without the keyword-argument wrapper: tokens are hot
# Recently tokenised windows: (text, s, e, tokens, token starts), newest last. A cache, not
# state: _toks(text, s, e) is always what _tokenize(text, s, e) gives.
_RECENT: list = []


def _toks(text: str, s: int, e: int) -> tuple[Tok, ...]:
    """The tokens of text[s:e], as _tokenize gives them. The rules of one cue look at
    overlapping windows before it (from the comma before it, 48 characters, 140, the subject
    phrase): each character is tokenised about once, the rest is sliced from earlier windows.

    Two facts make that exact. Inside a tokenised window, a window has the same tokens except
    where its edges cut one (a token is a maximal match: the pieces of a cut token end where
    it ends, and every token after it is the same). And no token holds a space, so after a
    space two windows that both reach it have the same tokens: a window reaching further left
    than a tokenised one is the new part up to the first space of the old one, plus the old
    tokens after that space."""
    if s >= e:
        return ()
    for w in reversed(_RECENT):
        if w[0] is text and w[1] <= s and e <= w[2]:
            return _slice(text, w[3], w[4], s, e)
    toks = None
    for w in reversed(_RECENT):
        if w[0] is text and s < w[1] < e <= w[2]:
            sp = _SPACE.search(text, w[1], e)
            if sp is not None:
                toks = _tokenize(text, s, sp.start()) + _slice(text, w[3], w[4], sp.start(), e)
            break
    if toks is None:
        toks = _tokenize(text, s, e)
    if len(_RECENT) >= 8:
        del _RECENT[0]
    _RECENT.append((text, s, e, toks, [tk.s for tk in toks]))
    return toks


def _slice(text: str, toks: tuple[Tok, ...], starts: list[int], s: int, e: int) -> tuple[Tok, ...]:
    """The tokens of text[s:e] from those of a window around it."""
    i = bisect.bisect_left(starts, s)
    j = bisect.bisect_left(starts, e, i)
    if i > 0 and toks[i - 1].e > s:  # a token cut by the left edge
        cut = toks[i - 1].e
        if cut >= e:
            return _tokenize(text, s, e)
        head = _tokenize(text, s, cut)
    else:
        head = ()
    if j > i and toks[j - 1].e > e:  # a token cut by the right edge
        return head + toks[i:j - 1] + _tokenize(text, toks[j - 1].s, e)
    return head + toks[i:j] if head else toks[i:j]


_SPACE = _lazy("_SPACE", r"\s")


# ------------------------------------------------------------------ sentences

# A single newline is a line wrap (wire copy wraps its paragraphs), not a sentence end; a
# blank line is, and a paragraph never holds one.
# (one leading character class, so the engine skips other characters fast; the lookbehinds
# tell the two cases apart: "[.!?]+ closers (?=\s)" or "\n blank \n")
_END = _lazy("_END", r"[.!?\n](?:(?<=[.!?])[.!?]*[\"\u201d\u2019')\]]*(?=\s)|(?<=\n)[ \t\r\u00a0]*\n)")


def sentences(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Sentence spans of text[s:e]; a full stop after "Mr", "U.S" or an initial does not end one."""
    out = []
    start = s
    for m in _END.finditer(text, s, e):
        j = m.start()
        if text[j] == "\n":
            if _NONSPACE.search(text, start, j):
                out.append((start, j))
            start = m.end()
            continue
        if text[j] == ".":
            # the word before the stop (letters and dots), looked at only as far back as the
            # longest abbreviation: a longer word is no abbreviation
            i = j
            lim = max(start, j - _ABBREV_LEN - 1)
            while i > lim and (text[i - 1].isalpha() or text[i - 1] == "."):
                i -= 1
            if j - i <= _ABBREV_LEN:
                w = text[i:j].lower()
                if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                    if not (w in _PLACE_ABBREV and _STARTER.match(text, m.end(), e)):
                        continue  # "in the U.S. He says": a place name can end a sentence
        k = m.end()
        while k < e and text[k] in " \t\r\n\u00a0":
            k += 1
        if k < e and text[k].islower():
            continue
        out.append((start, m.end()))
        start = k
    if _NONSPACE.search(text, start, e):
        out.append((start, e))
    # each span starts at its first non-space character (every span holds one)
    return [(a, b) if not text[a].isspace() else (_NONSPACE.search(text, a, b).start(), b) for a, b in out]


_NONSPACE = _lazy("_NONSPACE", r"\S")
_PLACE_ABBREV = _words("u.s u.n d.c u.k")
# words that open a sentence and never follow "U.S." inside one ("U.S. officials" does)
_STARTER = _lazy("_STARTER", r"[ \t]+(?:He|She|They|It|We|I|But|And|The|This|That|These|Those|In|On|So|Yet|Still)\b")


# ------------------------------------------------------------------ mentions

@dataclass(slots=True)
class Found:
    cs: int  # content span
    ce: int
    ms: int | None  # mention span
    me: int | None
    verb: str
    vs: int
    rule: str = ""
    confidence: float = 0.6


def _is_head(t: str) -> bool:
    low = t.lower().rstrip(".")
    if low in NOT_HEAD or not t[:1].isalnum():
        return low in PRONOUNS
    return True


@lru_cache(maxsize=256)
def _speaker_ok(text: str, ms: int, me: int) -> bool:
    """A speaker phrase: short, ends in a name, pronoun or speaker noun, holds no verb."""
    toks = _toks(text, ms, me)
    words = [tk.t for tk in toks if tk.t[:1].isalnum()]
    if not words or len(words) > 16:
        return False
    last = words[-1].lower()
    if last.endswith(("n't", "n\u2019t", "\u2019s", "'s")) or last in _ADJ_HEADS \
            or last in ("his", "her", "their", "its", "our", "my", "your", "a", "an"):
        return False  # "Don't", "a larger", "part of his" (reported net worth): not a speaker
    # the head of "People briefed on the move" is "People": cut at a preposition, relative or participle
    for n, w in enumerate(words[1:], 1):
        lw = w.lower()
        if lw in _CORE_END or (lw.endswith(("ing", "ed")) and len(lw) > 4 and lw not in SPEAKER_NOUNS):
            words = words[:n]
            break
    head = words[-1].rstrip(".") or words[-1]
    low = head.lower()
    if low in PRONOUNS:
        return len(words) == 1
    if head[:1].isdigit() or head.endswith("%"):
        return True  # "42% say", "at least 21,000 said"
    if not _is_head(head):
        return False
    if head[:1].isupper() or low in SPEAKER_NOUNS or low.rstrip("s") in SPEAKER_NOUNS:
        return True
    # lower-case heads: plural people nouns ("critics", "economists") or -er/-ist agents
    if words[0].lower() in _DETS and len(words) <= 6 and len(low) > 3 and low.isalpha():
        return True  # "the self-described democratic socialist", "the suit", "the incumbent"
    return low.endswith(("ers", "ists", "ians", "ants", "ents", "ors", "ives", "s")) and len(low) > 3


_RETRY = object()
# The longest stretch a cue looks at on either side (PolNeAR's longest reported content is
# under 1,000 characters).
_MAX_SPAN = 1200


def _subject_before(text: str, lo: int, vs: int):
    """The subject phrase ending right before the verb at vs ("Sen. Ted Cruz (R-Tex.) has said").
    Most subjects are a few words after a boundary ("... . He said"): a short window first,
    the full one when the phrase may run further back."""
    if vs - 48 > lo:
        found = _subject_in(text, lo, vs, _toks(text, vs - 48, vs), True)
        if found is not _RETRY:
            return found
    return _subject_in(text, lo, vs, _toks(text, max(lo, vs - _WINDOW), vs), False)


def _subject_in(text: str, lo: int, vs: int, toks, cut: bool):
    i = len(toks) - 1
    # skip auxiliaries, adverbs, verb chains and time phrases: "on Tuesday also said"
    while i >= 0:
        low = toks[i].low
        if low in _BE and i == len(toks) - 1:
            return None  # "was told", "is expected": a passive names no speaker here
        if low == "to" and not (i > 0 and (toks[i - 1].low in CHAIN or toks[i - 1].low in ("on", "want",
                                                                                                  "wants", "wanted"))):
            return None  # "pressure on the administration to call for": an infinitive, no speaker
        if low in AUX or low in CHAIN or low in TIME_WORDS:
            i -= 1
        elif low in ("on", "last", "this", "late", "early") and i + 1 < len(toks) and toks[i + 1].low in TIME_WORDS:
            i -= 1
        else:
            break
    if i < 1 and cut:
        return _RETRY
    if i < 0:
        return None
    end = toks[i].e
    low = toks[i].low
    if cut and (low in ("and", "but", "who") or toks[i].t in (",", ")", "\u2014", "\u2013", "--")):
        return _RETRY
    if low in ("and", "but"):  # "Democrats seized the floor and said": the sentence's subject speaks
        return _sentence_subject(text, lo, toks[i].s)
    if low == "who":  # "a doctor from Ohio, who said": the antecedent speaks
        k = i - 1
        if k >= 0 and toks[k].t == ",":
            k -= 1
        if k < 0:
            return None
        j = _scan_np(toks, k)
        if j is None or j == k or (j >= 0 and toks[j].low in ("what", "which", "whom", "whose", "than")):
            return None
        ms, me = toks[j + 1].s, toks[k].e
        return (ms, me) if _speaker_ok(text, ms, me) else None
    if toks[i].t in ("\u2014", "\u2013", "--"):  # "insiders — two of them — said"
        k = i - 1
        while k >= 0 and toks[k].t not in ("\u2014", "\u2013", "--") and i - k < 15:
            k -= 1
        if k <= 0 or toks[k].t not in ("\u2014", "\u2013", "--"):
            return None
        i = k - 1
    if toks[i].t == ")":  # "Sen. Ted Cruz (R-Tex.) said"
        while i >= 0 and toks[i].t != "(":
            i -= 1
        i -= 1
        if i < 0:
            return None
    if toks[i].t == ",":
        found = _appositive(text, toks, i)
        if found is None:
            wide = _toks(text, max(lo, vs - 320), vs)  # long comma-separated subjects
            found = _comma_subject(text, wide, len(wide) - 1 - (len(toks) - 1 - i), lo)
        return found
    j = _scan_np(toks, i)
    if cut and (j is None or j <= 0):
        return _RETRY  # the phrase may start before the short window (or it cut "U.S." in two)
    if j is None or j == i:
        return None
    if j >= 0 and toks[j].low in ("what", "whom", "whose", "than", "who", "which"):
        if toks[j].low == "what" or toks[j].low == "than":
            return None  # "what he said was": the content is the antecedent, not a clause here
        # "a plan which he said would fail": the relative clause after the verb is the content
        start = toks[j + 1].s
        return (start, end, True) if _speaker_ok(text, start, end) else None
    start = toks[j + 1].s
    # a subject right after a comma may be an appositive's head: "X, a former aide, said" is
    # handled above; "After the vote, the senator said" just starts at the comma.
    if not _speaker_ok(text, start, end):
        return None
    return start, end


def _comma_subject(text: str, toks, i: int, lo: int) -> tuple[int, int] | None:
    """A subject with several commas: 'Cory James, 22, of Flint, Mich., said', 'The state's
    chairman, Phil Lovas, said'. The phrase runs back to the clause start; only a "who" or
    "which" segment may hold a verb, and a leading "In response, on Tuesday," is dropped."""
    k = i - 1
    while k >= 0:
        tk = toks[k].t
        if tk in (".", "!", "?", ";", ":") or tk in _MARKS:
            break
        k -= 1
    if k < 0 and toks and toks[0].s > lo + 1:
        return None  # the window was cut: too long to be a subject
    segs: list[list[Tok]] = [[]]
    for tk in toks[k + 1:i]:
        if tk.t == ",":
            segs.append([])
        else:
            segs[-1].append(tk)
    while segs and segs[0] and (segs[0][0].low in _PREP or segs[0][0].low in TIME_WORDS
                                or CONNECTIVES.match(segs[0][0].t + " ")):
        segs.pop(0)
    if len(segs) < 2 or not segs[0] or len(segs[0]) > 8 or sum(len(x) for x in segs) > 30:
        return None
    for n, seg in enumerate(segs):
        if not seg:
            return None
        rel = seg[0].low in ("who", "which", "whose")
        for tk in seg:
            low = tk.low
            if not rel and (low in _BE or (low in AUX and low != "also") or low in _VERBS
                            or (n == 0 and low in BOUNDARY and low not in ("and", "of"))):
                return None
    head = segs[0]
    ms, me = head[0].s, segs[-1][-1].e
    if not any(tk.t[:1].isupper() or tk.low in SPEAKER_NOUNS for tk in head):
        return None
    return (ms, me) if _speaker_ok(text, head[0].s, head[-1].e) else None


def _scan_np(toks, i: int) -> int | None:
    """Index of the token before the noun phrase that ends at toks[i] (None: too long)."""
    j = i
    n = 0
    while j >= 0:
        t = toks[j].t
        low = t.lower()
        if t in (",", ";", ":", "(", ")", "\u2014", "\u2013", "--", ".", "!", "?") or t in _MARKS or low in BOUNDARY:
            break
        if low in _VERBS or (low in AUX and low not in ("also",)):
            break
        j -= 1
        n += 1
        if n > 10:
            return None
    return j


def _appositive(text: str, toks: list[Tok], i: int) -> tuple[int, int] | None:
    """'NAME, APPOSITIVE, said': toks[i] is the comma before the verb."""
    j = i - 1
    n = 0
    while j >= 0 and toks[j].t not in (",", ";", ":", ".", "(", ")") and toks[j].t not in _MARKS:
        j -= 1
        n += 1
        if n > 14:
            return None
    if j < 0 or toks[j].t != "," or n == 0:
        return None
    appos = [tk.t for tk in toks[j + 1:i]]
    first = appos[0].lower()
    aside = first in _PREP or first in ("however", "meanwhile", "too", "though", "in", "for", "like")
    if not aside and not (first in ("a", "an", "the", "who", "including", "his", "her", "their", "its", "now", "then",
                      "both", "one", "another", "himself", "herself", "themselves", "also", "chief")
            or first in TITLE_WORDS or first in GROUP_NOUNS or re.match(r"[DRI]-", appos[0])
            or appos[0][:1].isdigit()):
        return None
    k = j - 1
    if k >= 0 and toks[k].t == ")":  # "Rep. Jo Doe (D-Md.), chair of ..., said"
        while k >= 0 and toks[k].t != "(" and j - k < 8:
            k -= 1
        k -= 1
        j = k + 1
    m = 0
    while k >= 0 and toks[k].t not in (",", ";", ":", "(", ")") and toks[k].t not in _MARKS \
            and toks[k].low not in BOUNDARY and toks[k].t not in (".", "!", "?"):
        k -= 1
        m += 1
        if m > 8:
            return None
    if m == 0:
        return None
    s, e = toks[k + 1].s, toks[j - 1].e
    head = toks[j - 1].t
    if not (head[:1].isupper() or head.lower() in SPEAKER_NOUNS or head.lower() in PRONOUNS):
        return None
    if not _speaker_ok(text, s, e):
        return None
    if aside:  # "Sexton, after previous rallies, wrote": the aside is not part of the speaker
        return s, e
    return s, toks[i - 1].e


def _np_after(text: str, s: int, hi: int) -> tuple[int, int] | None:
    """A speaker phrase right after an inverted verb: ', said Jane Doe, a spokeswoman.'"""
    toks = _toks(text, s, min(hi, s + 200))
    if toks and toks[0].low in PRONOUNS:
        return None  # ", said she packed ...": a clause follows; speakers are not inverted as pronouns
    words = []
    for tk in toks:
        if tk.t in (",", ".", ";", "!", "?", ":") or tk.t in _MARKS or tk.low in BOUNDARY:
            break
        low = tk.low.rstrip(".")
        if low in _VERBS or (low in AUX and low not in ("also", "then", "later")) or low in _BE:
            return None  # ", said Qatar has ...": a clause, so the verb was not inverted
        words.append(tk)
        if len(words) > 10:
            return None
    if not words:
        return None
    end = words[-1].e
    rest = text[end:min(hi, end + 200)].strip(" \t\r\n\u00a0.!?\"\u201d\u2019)")
    if rest and not (rest.startswith(",") and len(rest) < 160 and not _has_cue(rest)):
        if not _TAIL.match(rest):
            return None
    if not _speaker_ok(text, words[0].s, end):
        return None
    if rest.startswith(",") and len(rest.split()) <= 14:
        # ", said Tom Reyes, a union organizer.": the appositive is part of the mention
        k = end + len(text[end:]) - len(text[end:].lstrip(" \t,"))
        stop = _content_end(text, k, hi, stops=False)
        if stop > k and stop - end < 160:
            end = stop
    return words[0].s, end


def speaker_of(text: str, ms: int, me: int) -> Speaker:
    """The Speaker for a mention: flags from its head noun, a title when it is written out
    ("Maria Lopez, a spokeswoman for the governor"; "White House spokesman John Kirby")."""
    mention = text[ms:me]
    core, _, appos = mention.partition(", ")
    words = core.split()
    for n, w in enumerate(words[1:], 1):  # "officials familiar with the talks": the head is "officials"
        if w.lower() in _CORE_END:
            words = words[:n]
            break
    head = words[-1].lower().strip(".,") if words else ""
    named = any(w[:1].isupper() and w.lower() not in _DETS and w.lower() not in _QUANT for w in words)
    title = None
    if appos and named:
        title = re.sub(r"^(?:a|an|the)\s+", "", appos.strip(" ,")) or None
    else:
        k = max((i for i, w in enumerate(words[:-1]) if w.lower().strip(".,") in TITLE_WORDS), default=-1)
        if k >= 0 and all(w[:1].isupper() for w in words[k + 1:]):
            title = " ".join(words[:k + 1])
    return Speaker(name=None, mention=mention, mention_start=ms, mention_end=me, title=title,
                   anonymous=not named and head in ANONYMOUS_NOUNS,
                   group=head in GROUP_NOUNS, organization=head in ORG_WORDS)


# ------------------------------------------------------------------ content spans

def _content_start(text: str, s: int, e: int) -> int:
    """Skip a sentence's opening connectives ("But", "Still,", "In addition,") and a long
    scene-setting opener ("In the follow-up meetings in Cairo last week with ..., the ...")."""
    m = _DATELINE.match(text, s, e)
    if m:
        s = m.end()
    m = CONNECTIVES.match(text, s, e)
    if m:
        s = m.end()
    m = _INTRO.match(text, s, e)
    if m:
        # the opener ends at the first comma after which a clause (subject + verb) begins
        for c in _COMMA.finditer(text, m.end(), e):
            nxt = text.find(",", c.end(), e)
            seg = _toks(text, c.end(), nxt if nxt > 0 else e)
            if any(tk.low in AUX or tk.low in _BE for tk in seg[1:8]):
                return c.end() if c.end() - s > 60 else s
    return s


# A dateline opening the first paragraph: "NEW YORK, March 5 - ", "WASHINGTON (AP) — ", "(CNN) — ".
_DATELINE = _lazy("_DATELINE", r"(?:[A-Z][A-Z.'-]*(?:[ \t]+[A-Z][A-Z.'-]*)*(?:,[ \t]+[A-Z][a-z]+\.?(?:[ \t]+\d{1,2})?)?"
                       r"(?:[ \t]+\([A-Za-z]+\))?|\([A-Za-z]+\))[ \t]+(?:-|--|\u2014|\u2013)[ \t]+")
_INTRO = _lazy("_INTRO", r"(?:In|On|At|After|Before|During|Since|With|Without|For|From|Under|Among|Despite|"
                    r"Following|Amid|Through|Throughout|Unlike|Like|Over|Between|Beyond|Within)\b")
_COMMA = _lazy("_COMMA", r",[ \t]+")


def _content_end(text: str, s: int, e: int, stops: bool = True) -> int:
    """Where content that starts at s stops: the first early stop or the sentence end, without
    the final full stop (a closing quotation mark after it stays). Content before a trailing
    attribution ("C, according to X") runs to the attribution: stops=False."""
    m = _STOP.search(text, s, e) if stops else None
    if m:
        e = m.start()
    while e > s and text[e - 1] in " \t\r\n\u00a0":
        e -= 1
    if e > s and text[e - 1] in ".!?:,;" and not text[e - 2:e - 1].isupper():
        e -= 1
    elif e - 1 > s and text[e - 1] in _MARKS and text[e - 2] in ".!?,":
        pass  # a mixed span ends with its quotation
    while e > s and text[e - 1] in " \t,;:\u2014\u2013-":
        e -= 1
    return e


def _skip_forward(text: str, p: int, e: int, verb: str, comma: bool = True) -> int:
    """Skip an object ("told reporters"), adverbials ("on Tuesday") and a comma after the cue."""
    low = verb.lower()
    if low in ASK:
        m = _ASK_WH.match(text, p, e)
        return m.start(1) if m else e
    if low in ("referring", "pointing") or low.startswith("call"):
        m = _TO_ON.match(text, p, e)
        if m:
            p = m.end()
    if low in TELL or low == "telling":
        m = _TELL_THAT.match(text, p, e)
        if m:  # "told a crowd in Baltimore that ...": the content starts at "that"
            return m.start(1)
        m = _TELL_OBJ.match(text, p, e)
        if not m:
            return e  # no object we can delimit: no content
        p = m.end()
    second = text[p:p + 12].split(" ", 2)[1:2]
    if second and second[0] in _PREP_TIME:
        m = _TELL_THAT.match(text, p, e)
        if m:  # "said in a radio interview on Sunday that ...": the content starts at "that"
            return m.start(1)
    for _ in range(3):
        m = _ADVERBIAL.match(text, p, e)
        if not m:
            break
        p = m.end()
    m = _GAP.match(text, p, e) if comma else None
    if m:
        p = m.end()
    if comma and text[p:p + 12].split(" ", 1)[0] in _PREP:
        m = _TELL_THAT.match(text, p - 1, e)
        if m:  # "said in an oral history of the Clinton years that ...": skip to "that"
            return m.start(1)
    return p


_PREP_TIME = _PREP | TIME_WORDS
_GAP = _lazy("_GAP", r",?[ \t\r\n\u00a0]+")
_ASK_WH = _lazy("_ASK_WH", r"(?:[ \t]+[\w\u2019'.-]+){0,5}?[ \t]+(whether|if|why|what|how|when|where|who|to)\b")
_TO_ON = _lazy("_TO_ON", r"[ \t]+(?:to|on)\b")
# The person told: a pronoun, a plural audience, or a capitalized name ("told The Associated Press").
_TELL_OBJ = _lazy("_TELL_OBJ", r"[ \t]+(?:him|her|them|me|us|you|reporters|supporters|viewers|listeners|voters|"
                       r"lawmakers|journalists|donors|students|members|(?:the[ \t]+|a[ \t]+)?(?:crowd|audience|"
                       r"newspaper|station|network|paper|magazine|host|interviewer|committee|court|jury|senators|"
                       r"panel|room|group|radio[ \t]+host)|(?:The[ \t]+)?[A-Z][\w\u2019'.&-]*(?:[ \t]+(?:of[ \t]+)?"
                       r"[A-Z][\w\u2019'.&-]*){0,4})(?=[\s,]|$)")
_TELL_THAT = _lazy("_TELL_THAT", r"[^,.;:!?\n\"\u201c\u201d]{1,80}?[ \t](that)\b")


# ------------------------------------------------------------------ rules

@dataclass(slots=True)
class Ctx:
    text: str
    ss: int  # sentence span
    se: int
    vs: int  # cue span
    ve: int
    verb: str
    last_mention: tuple[int, int] | None  # the last speaker found earlier in this sentence
    floor: int  # content cannot start before this (after an earlier attribution)


_TAIL = _lazy("_TAIL", r"(?:[ \t]+|,[ \t]+)?(?:in|on|at|during|after|before|last|this|from|via|of|to|with|about|"
                   r"earlier|later|recently|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
                   r"yesterday|tonight)\b")


def _tail_is_short(text: str, p: int, e: int) -> bool:
    """After a trailing attribution only an adverbial may follow: ', he said on Tuesday.'"""
    rest = text[p:min(e, p + 200)].strip(" \t\r\n\u00a0.!?\"\u201d\u2019)")
    if not rest:
        return True
    if len(rest) > 90 or _has_cue(rest) or " that " in f" {rest} ":
        return False
    return bool(_TAIL.match(rest))


def rule_according_to(c: Ctx) -> Found | None:
    """'According to X, C.' and 'C, according to X.'"""
    t = c.text
    if not c.verb.lower().startswith("according"):
        return None
    ms = c.ve
    while ms < c.se and t[ms] in " \t":
        ms += 1
    np_e = t.find(",", ms, c.se)
    before = t[c.floor:c.vs].rstrip()
    if before.endswith(",") or (before and not before.endswith((",", ":"))
                                and not _content_start(t, c.floor, c.vs) >= c.vs - 1):
        # C, according to X.   /  C according to X.
        cs = _content_start(t, c.floor, c.vs)
        ce = _content_end(t, cs, c.vs, stops=False)
        me = _content_end(t, ms, np_e if np_e > 0 else c.se)
        if ce - cs < 12 or me <= ms:
            return None
        return Found(cs, ce, ms, me, c.verb, c.vs, "according-to-after", 0.7)
    if np_e < 0 or np_e - ms > 160:
        return None
    cs = np_e + 1
    while cs < c.se and t[cs] in " \t":
        cs += 1
    ce = _content_end(t, cs, c.se)
    if ce - cs < 12:
        return None
    return Found(cs, ce, ms, np_e, c.verb, c.vs, "according-to-before", 0.7)


def _is_opener(t: str, s: int, e: int) -> bool:
    """A short prepositional or time phrase: 'In a statement for this story', 'On Thursday'."""
    words = t[s:e].split()
    return bool(words) and len(words) <= 10 and (words[0].lower() in _PREP or words[0].lower() in _OPENERS
                                                  or words[0].lower() in TIME_WORDS)


def _shows_subject(phrase: str) -> bool:
    """'A Quinnipiac University poll this month', 'Polls there': a finding's source."""
    return any(w.lower().strip(".,") in SHOW_SUBJECTS for w in phrase.split())


def rule_after(c: Ctx) -> Found | None:
    """'C, X said (on Tuesday).' and the split 'C1, X said, C2.'"""
    t = c.text
    low = c.verb.lower()
    if low not in SAY and low not in TELL and low not in BELIEVE and low not in SHOW:
        return None
    lo = max(c.floor, c.vs - _WINDOW)
    k = t.rfind(",", lo, c.vs)
    if k < 0:
        return None  # no comma before the subject: cheap exit for most cues
    toks = _toks(t, max(lo, k - 2), c.vs)  # from the comma on: the subject lies after it
    # walk back over the subject to the comma that ends the content
    i = len(toks) - 1
    while i >= 0 and (toks[i].low in AUX or toks[i].low in TIME_WORDS):
        i -= 1
    j = i
    n = 0
    as_clause = False
    while j >= 0 and toks[j].t not in (",", ";", ":") and not (toks[j].t in _MARKS and j > 0 and toks[j - 1].t == ","):
        if toks[j].low == "as" and j > 0 and toks[j - 1].t == "," and n > 0 and low in SAY:
            as_clause = True  # "C, as the campaign manager noted."
            j -= 1
            break
        if toks[j].low in BOUNDARY or toks[j].t in (".", "!", "?", "(", "\u2014") or toks[j].low in _VERBS:
            return None
        j -= 1
        n += 1
        if n > 12:
            return None
    if j < 1 or n == 0:
        return None
    h = j + 2 if as_clause else j + 1
    while h < i and toks[h].t in _MARKS:
        h += 1  # ",'' he said": both apostrophes of a doubled closing mark
    ms, me = toks[h].s, toks[i].e
    if not _speaker_ok(t, ms, me) or (low in SHOW and not _shows_subject(t[ms:me])):
        return None
    comma = toks[j].s if toks[j].t == "," else toks[j - 1].s
    cs = _content_start(t, c.floor, comma)
    p = _skip_forward(t, c.ve, c.se, c.verb, comma=False)
    k = comma + 1
    while k < ms and t[k] in _MARKS:
        k += 1  # C,” X said (C,'' X said): the closing marks belong to a mixed span
    ce = k if k > comma + 1 else comma
    ce = _content_end(t, cs, ce, stops=False) if t[ce - 1:ce] not in _MARKS else ce
    rest = t[p:min(c.se, p + 200)].strip(" \t\r\n\u00a0.!?\"\u201d\u2019)")
    if ce - cs < 10 and not (rest.startswith(",") and len(rest.split()) >= 3 and ce > cs):
        return None
    if rest.startswith(",") and len(rest.split()) >= 3:
        frag = t[cs:ce].split()
        if len(frag) <= 5 and not any(w.lower() in AUX or w.lower() in _BE or w.endswith("ed") for w in frag):
            # "The talks, sources say, have stalled": a bare subject is not a report on its own
            return Found(ce, ce, ms, me, c.verb, c.vs, "after-split", 0.7)
        return Found(cs, ce, ms, me, c.verb, c.vs, "after-split", 0.7)
    if not _tail_is_short(t, p, c.se):
        return None
    return Found(cs, ce, ms, me, c.verb, c.vs, "after", 0.75)


def rule_after_inverted(c: Ctx) -> Found | None:
    """'C, said X, a spokeswoman for Y.'"""
    t = c.text
    low = c.verb.lower()
    if low not in SAY and low not in TELL:
        return None
    k = c.vs  # the last non-space character before the verb (no slicing: cues are many)
    while k > c.floor and t[k - 1] in " \t\r\n\u00a0":
        k -= 1
    before = t[max(c.floor, k - 2):k]
    if not before.endswith((",", ",\u201d", ',"', ",\u2019")):
        return None
    np = _np_after(t, c.ve, c.se)  # checked as a speaker before its appositive is added
    if np is None:
        return None
    comma = k - (1 if before.endswith(",") else 2)
    cs = _content_start(t, c.floor, comma)
    if _is_opener(t, cs, comma):
        return None
    ce = comma + (0 if before.endswith(",") else 2)
    ce = _content_end(t, cs, ce, stops=False) if t[ce - 1:ce] not in _MARKS else ce
    if ce - cs < 10:
        return None
    return Found(cs, ce, np[0], np[1], c.verb, c.vs, "after-inverted", 0.75)


def rule_before(c: Ctx) -> Found | None:
    """'X said (that) C.', 'X told reporters C', 'X believes C', 'X wants to C', 'a poll shows C'."""
    t = c.text
    low = c.verb.lower()
    subj = _subject_before(t, c.floor, c.vs)
    if subj is None and low.endswith("ing"):
        # "Trump is telling a town hall that ...": a progressive, not a passive
        k = c.vs
        while k > c.floor and t[k - 1] in " \t":
            k -= 1
        j = k
        while j > c.floor and t[j - 1].isalpha():
            j -= 1
        if t[j:k].lower() in _BE:
            subj = _subject_before(t, c.floor, j)
    if subj is None:
        return None
    relative = len(subj) == 3
    if low in SHOW and not _shows_subject(t[subj[0]:subj[1]]) and not t.startswith("that ", c.ve + 1):
        return None  # "police found a body" is no finding; "Pew found that ..." is
    cs = _skip_forward(t, c.ve, c.se, c.verb)
    if low in ("declined", "refused") and not re.match(r"to [a-z]", t[cs:cs + 4]):
        return None  # "sales declined to 358": a fall, not a refusal
    if low.startswith(("want", "plan", "intend")) and " to " not in " " + " ".join(t[cs:cs + 80].split()[:7]) + " ":
        return None  # "wants a raise" is not an intention we report; "wants Trump to lose" is
    ce = _content_end(t, cs, c.se)
    ce = _fronted_clause_end(t, c.ss, c.vs, cs, ce)
    if relative:
        k = t.find(",", cs, ce)
        ce = _content_end(t, cs, k) if k > 0 else ce
    if ce - cs < 3 or t[cs:cs + 1] in ".,;:?!" or ce <= cs:
        return None
    first = t[cs:cs + 12].split(" ", 1)[0].lower()
    if relative:
        return Found(cs, ce, subj[0], subj[1], c.verb, c.vs, "before-relative", 0.5)
    if low in STANCE:
        # a stance takes an object, not a clause: "defended the remarks when ..." ends at "when"
        m = _OBJ_END.search(t, cs, ce)
        if m:
            ce = _content_end(t, cs, m.start())
    words = t[cs:ce].split()
    if len(words) == 1 and (words[0].endswith("ly") or words[0].lower() in _LONE):
        return None  # "said dryly", "noted before"
    if t[c.ve:cs].strip().startswith(",") and words and words[0].endswith("ing"):
        return None  # "said, naming a few": the writer's participle
    if low in TELL and len(words) <= 2:
        return None  # "told The Wall Street Journal.", "told France Inter radio": the object, no content
    if words and words[0].endswith("ed") and words[0].islower() and cs > c.ve + 1 and t[c.ve:cs].strip():
        return None  # "said in a video posted on the website": the adverbial goes on, no content
    if t.startswith(("to be named", "to be identified", "to be quoted", "to comment"), cs) and low in STANCE:
        return None  # "declined to be named": the source's anonymity, not what they said
    if (first in AUX or first in _BE) and first not in ("also", "then", "once", "since", "earlier", "later", "never"):
        if t[max(0, subj[0] - 5):subj[0]].rstrip().endswith("that"):
            # "the kind of job that many economists say is the future": a relative report
            return Found(cs, ce, subj[0], subj[1], c.verb, c.vs, "before-relative", 0.5)
        return None  # "the bill he said was dead": the cue is inside a relative clause
    if first in _PREP and low not in STANCE:
        return None  # "warned over the weekend", "spoke of the plan": no reported content
    if low.startswith("add") and first in ("a", "an", "another", "more", "new", "some"):
        return None  # "added another condition": adding things, not words
    conf = 0.7 if low in SAY or low in TELL else 0.55
    return Found(cs, ce, subj[0], subj[1], c.verb, c.vs, "before", conf)


def rule_participle(c: Ctx) -> Found | None:
    """'Trump attacked Clinton, saying she ...': the speaker is the main clause's subject."""
    t = c.text
    low = c.verb.lower()
    if low not in PARTICIPLES and low not in STANCE_PARTICIPLES and not low.startswith(("talking", "speaking", "calling")):
        return None
    if not t[max(c.ss, c.vs - 3):c.vs].rstrip().endswith(","):
        return None
    m = c.last_mention
    if m is None:
        m = _sentence_subject(t, c.ss, c.vs)
        if m is None:
            return None
    cs = _skip_forward(t, c.ve, c.se, c.verb)
    ce = _content_end(t, cs, c.se)
    if ce - cs < 8:
        return None
    return Found(cs, ce, m[0], m[1], c.verb, c.vs, "participle", 0.55)


def _sentence_subject(t: str, ss: int, hi: int) -> tuple[int, int] | None:
    """The subject opening a sentence: the words before its first verb ("The senator criticized")."""
    ss = _content_start(t, ss, hi)
    toks = _toks(t, ss, min(hi, ss + 120))
    toks = toks[opening_end(toks):]  # "On Sunday, Pastor Bradley Cranston stood ..."
    k = 0
    while k < len(toks) and k < 7:
        tk = toks[k].t
        low = tk.lower()
        if not tk[:1].isalnum() and tk not in (".", "-"):
            break
        if tk[:1].islower() and (low in AUX or low in _VERBS or low in BOUNDARY or low in CHAIN or low in _PREP
                                 or low.endswith("ed") or low in _PAST):
            break
        k += 1
    if k == 0 or k >= 7:
        return None
    m = (toks[0].s, toks[k - 1].e)
    return m if _speaker_ok(t, *m) else None


class Rule(NamedTuple):
    name: str  # what Quote.rule says (parse --explain)
    fn: Callable[[Ctx], Found | None]  # one function may produce several named rules
    example: str  # a line it exists for
    content: str  # what it reports from that line


RULES: tuple[Rule, ...] = (
    Rule("according-to-before", rule_according_to,
         "According to the inspector general, the agency lost track of 40 laptops.",
         "the agency lost track of 40 laptops"),
    Rule("according-to-after", rule_according_to,
         "The deficit will grow by $90 billion next year, according to the Congressional Budget Office.",
         "The deficit will grow by $90 billion next year"),
    Rule("after-inverted", rule_after_inverted,
         "The vote could slip into next week, said Maria Lopez, a spokeswoman for the governor.",
         "The vote could slip into next week"),
    Rule("after", rule_after,
         "The talks stalled over the release of prisoners, two officials said Tuesday.",
         "The talks stalled over the release of prisoners"),
    Rule("after-split", rule_after,
         "The ban will start in May, the minister said, and will cover all imports from the region.",
         "and will cover all imports from the region"),
    # before "before": in "Ruiz released a statement, saying C" the speaker is the subject that
    # opens the sentence, not a phrase before "saying"
    Rule("participle", rule_participle,
         "The mayor defended the budget, saying the city could not afford more police.",
         "the city could not afford more police"),
    Rule("before", rule_before,
         "Senator Jane Holt, a Republican from Ohio, said the bill would not pass this year.",
         "the bill would not pass this year"),
    Rule("before-relative", rule_before,
         "Voters rejected the levy, which officials said would have paid for two new schools.",
         "would have paid for two new schools"),
)
_RULE_FNS = tuple(dict.fromkeys(r.fn for r in RULES))  # each function once, in table order


# "Name: words" opening a paragraph (interview transcripts, headlines): "Rubio: Trump can't win".
_COLON_SPEAKER = _lazy("_COLON_SPEAKER", r"((?:[A-Z][\w\u2019'.-]*)(?:[ \t]+[A-Z][\w\u2019'.-]*){0,3}):[ \t]+(?=[A-Z\w])")
_COLON_NOT = _words("""
Note Update Updated Editor Correction Photo Photos Video Watch Read Related Source Sources
Warning Q Question Answer Subject Re Fwd From To Date Posted Published Tags Topics Category
Contact Email Phone Click Listen See Also Disclosure Clarification Image Credit Caption
Breaking Exclusive Analysis Opinion Live Transcript Bottom Line Why How What When Where Who
Contributing BREAKING UPDATE The A Latest Reporting Additional Part Chapter Step Episode
""")


def _colon_paragraph(text: str, s: int, e: int) -> Found | None:
    m = _COLON_SPEAKER.match(text, s, e)
    if not m:
        return None
    name = m.group(1)
    words = name.split()
    if words[0] in _COLON_NOT or words[0].capitalize() in _COLON_NOT or any(w.rstrip(".").isdigit() for w in words) or name.isupper() and len(words) > 2:
        return None
    cs = m.end()
    if text[cs:cs + 1] in _MARKS:
        return None  # a quotation: quotes.py owns it
    ce = _content_end(text, cs, e)
    if ce - cs < 12 or text.count(",", cs, ce) >= 4:
        return None  # "Nevada: Adam Khan, Andres Ramirez, ...": a list, not a statement
    return Found(cs, ce, m.start(1), m.end(1), ":", m.end(1), "colon-speaker", 0.5)


# ------------------------------------------------------------------ the pass

# Curly pairs mask cues inside quotations quotes.py did not keep (straight marks are too easy to
# mis-pair across sentences; quotes.py's spans cover those); any pair makes a content "mixed".
_PAIR = _lazy("_PAIR", r"\u201c[^\u201c\u201d\n]{1,600}\u201d")
_PAIR_ANY = _lazy("_PAIR_ANY", r"[\"\u201c'](?:(?<=[\"\u201c])[^\"\u201c\u201d\n]{1,600}[\"\u201d]|(?<=')'[^'\n]{1,600}'')")


def _quoted_regions(text: str, s: int, e: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PAIR.finditer(text, s, e)]


def _inside(regions: list[tuple[int, int]], starts: list[int], p: int) -> bool:
    k = bisect.bisect_right(starts, p) - 1
    return k >= 0 and regions[k][0] < p < regions[k][1]


def find_indirect(text: str, paragraphs: list[Paragraph], marked: list[Quote]) -> list[Found]:
    """Content spans of reported speech, in text order (may overlap marked quotes)."""
    if not paragraphs:
        paragraphs = [Paragraph(0, len(text))]
    regions = sorted({(q.start - 1, q.end + 1) for q in marked})
    rstarts = [r[0] for r in regions]
    out: list[Found] = []
    for para in paragraphs:
        colon = _colon_paragraph(text, para.start, para.end)
        if colon is not None:
            out.append(colon)
        cues = _cues(text, para.start, para.end)
        if not cues:
            continue
        # cues inside quotation marks are the speaker's words, not the writer's reporting
        lo, hi = bisect.bisect_left(rstarts, para.start), bisect.bisect_left(rstarts, para.end)
        allreg = sorted(_quoted_regions(text, para.start, para.end) + regions[lo:hi])
        starts = [r[0] for r in allreg]
        cues = [m for m in cues if not _inside(allreg, starts, m[0])]
        if not cues:
            continue
        sents = sentences(text, para.start, para.end)
        sstarts = [s for s, _ in sents]
        covered: list[tuple[int, int]] = []  # content spans emitted at depth 0
        last_sent = -1
        last_mention = None
        floor = 0
        for vs, ve, word in cues:
            k = bisect.bisect_right(sstarts, vs) - 1
            if k < 0:
                continue
            ss, se = sents[k]
            if k != last_sent:
                last_sent, last_mention, floor = k, None, ss
            # a cue inside two emitted spans (a nested one) is not looked at again
            depth = 0
            for a, b in covered[-4:]:
                if a <= vs < b:
                    depth += 1
            if depth >= 2:
                continue
            # a cue sees at most _MAX_SPAN characters either side: every rule's work, and every
            # span it reports, stays bounded however long a "sentence" runs (linear worst case)
            cse = min(se, ve + _MAX_SPAN)
            css = max(ss, vs - _MAX_SPAN)
            c = Ctx(text, css, cse, vs, ve, word, last_mention, max(floor, css))
            for fn in _RULE_FNS:
                f = fn(c)
                if f is not None:
                    out.append(f)
                    covered.append((f.cs, f.ce))
                    if f.ms is not None:
                        last_mention = (f.ms, f.me)
                    if f.rule.startswith(("after", "according-to-after")):
                        floor = max(floor, _after_clause_end(text, ve, cse))
                    if f.rule == "after-split":
                        # "C1, X said, C2": C2 is a second quote of the same speaker
                        cs2 = floor
                        while cs2 < cse and text[cs2] in " \t":
                            cs2 += 1
                        ce2 = _content_end(text, cs2, min(se, cs2 + _MAX_SPAN))
                        first = text[cs2:cs2 + 20].split(" ", 1)[0]
                        # after '"...," she told the crowd,' the writer goes on ("her voice drowned out")
                        quoted = text[max(0, f.ce - 1):f.ce] in _MARKS or text[max(0, f.ms - 3):f.ms].strip()[-1:] in _MARKS
                        if ce2 - cs2 >= 10 and not first.endswith("ing") and not (quoted and first[:1].islower()):
                            out.append(Found(cs2, ce2, f.ms, f.me, f.verb, f.vs, "after-split", f.confidence))
                            covered.append((cs2, ce2))
                    break
    out.sort(key=lambda f: (f.cs, f.ce))
    return out


def _after_clause_end(text: str, p: int, e: int) -> int:
    """After 'C1, X said,' the next content starts past the comma that closes the attribution."""
    k = text.find(",", p, e)
    return k + 1 if k >= 0 else e


# ------------------------------------------------------------------ merging with the marks

def _unquoted_words(text: str, s: int, e: int, qs: list[Quote]) -> str:
    """The words of text[s:e] outside the marked quotes qs (marks and 'that' dropped)."""
    parts = []
    p = s
    for q in qs:
        parts.append(text[p:max(p, q.start - 1)])
        p = max(p, q.end + 1)
    parts.append(text[p:e])
    words = re.findall(r"\w+", " ".join(parts))
    if words and words[0].lower() == "that":
        words = words[1:]
    return " ".join(words)


# Verbs that name or label with the quoted words: "called the plan 'delusional'" stays partial.
LABELS = _words("""
call calls called calling describe describes described describing dismiss dismisses dismissed
label labels labeled labelled dub dubs dubbed term terms termed brand brands branded
characterize characterizes characterized deride derides derided
""")


def _is_label(q: Quote) -> bool:
    return bool(q.verb) and q.verb.split()[-1].lower() in LABELS


def _label_stays_partial(text: str, q: Quote, paragraphs: list[Paragraph], pstarts: list[int]) -> bool:
    """A label quote is partial when the label is the whole point: "dismissed the plan as
    'delusional'" (an "as" complement) and a sub-heading ("Mayor calls plan 'reckless'").
    Otherwise "called the plan 'reckless'" reports a claim about its object: the object and
    the label together are the (mixed) content."""
    if not _is_label(q):
        return False
    pi = bisect.bisect_right(pstarts, q.start) - 1
    if pi >= 0 and paragraphs[pi].kind == "subheading" and q.start < paragraphs[pi].end:
        return True
    vs = q.verb_start
    if vs is None or vs >= q.start:
        return True  # the label after its quote ("'reckless,' she called it"): no object before
    if q.verb.lower() in ("call", "calls") and _NOUN_CALL.search(text, max(0, vs - 24), vs):
        return True  # "a clarion call for 'revolution'": the noun, no label verb
    between = text[vs + len(q.verb):q.start].strip(_MARKS + " \t\u00a0").lower()
    if between in ("", "a", "an", "the"):
        return True  # "what the judge called 'a perception problem'": the object went before
    return _AS.search(text, vs, q.start) is not None


_AS = _lazy("_AS", r"\bas\b")
# "call" as a noun: after a determiner or a possessive, maybe with an adjective between
_NOUN_CALL = _lazy("_NOUN_CALL", r"(?:\b(?:a|an|the|his|her|their|its|our|this|that)|['\u2019]s?)(?:[ \t]+[a-z-]+)?[ \t]+$")


def _label_object_named(text: str, cs: int, q: Quote) -> bool:
    """'called the timetable "unrealistic"': the label of a named thing is also a quote of its
    own; 'called her "weak"' is one statement about a person."""
    obj = text[cs:q.start].strip(_MARKS + " \t").lower().split()
    return not (len(obj) <= 2 and obj and obj[0] in _OBJ_PRONOUNS)


_OBJ_PRONOUNS = _words("him her them it me us you this that himself herself themselves")


def _label_end(text: str, q: Quote, ce: int) -> int:
    """A label's content ends with its quote unless a short phrase completes it ("called the
    speech a 'critical moment' for Trump"): after ", " or another clause the writer goes on."""
    e = q.end + 1 if text[q.end:q.end + 1] in _MARKS else q.end
    tail = text[e:ce]
    if q.text.endswith(",") or tail.lstrip(_MARKS).startswith((",", ";", " \u2014", " --", " -")):
        return e
    return ce


_CLOSERS = ("\u201d", '"', "''", "\u2019")


def _inverted_tag(text: str, vs: int) -> bool:
    """The verb follows a quotation's closing mark and comma ('“...,” said Ann Ruiz'): what comes
    after it is the speaker, not reported content."""
    before = text[max(0, vs - 6):vs].rstrip()
    return before.endswith(_CLOSERS) and before.rstrip("\u201d\"'\u2019")[-1:] in (",", "?", "!")


def _mixed_from_marks(text: str, paragraphs: list[Paragraph], marked: list[Quote], used: set[int]) -> list[Quote]:
    """Partial quotes whose own cue (found by quotes.py) opens a reported clause no rule here
    matched: 'Romney's political director, said the campaign would "do daily requests" early'.
    The clause runs from the cue to the end of the sentence and becomes one mixed quote."""
    out: list[Quote] = []
    pstarts = [p.start for p in paragraphs]
    k = 0
    while k < len(marked):
        q = marked[k]
        k += 1
        vs = q.verb_start
        if (k - 1) in used or q.kind != "partial" or not q.verb or vs is None or q.speaker is None \
                or _label_stays_partial(text, q, paragraphs, pstarts):
            continue
        after = q.end < vs < q.end + 150
        if not (q.start - 300 < vs < q.start - 1) and not after:
            continue
        pi = bisect.bisect_right(pstarts, q.start) - 1
        if pi < 0:
            continue
        para = paragraphs[pi]
        sents = sentences(text, max(para.start, vs - 400), min(para.end, q.end + 600))
        sent = next(((a, b) for a, b in sents if a <= vs < b), None)
        if sent is None or not (sent[0] <= q.start < sent[1]):
            continue
        se = sent[1]
        if after:  # 'Teachers are "watching closely," the union president said.'
            if _has_cue(text, q.end + 1, vs) or not text[q.end:q.end + 2].strip(" \"\u201d\u2019'").startswith(","):
                continue
            cs = _content_start(text, sent[0], q.start)
            ce = q.end + 1 if text[q.end:q.end + 1] in _MARKS else q.end
            if text[cs:q.start].count("\u201c") or text[cs:q.start].count('"'):
                continue  # another quotation opens the sentence: quotes.py's split quote
        else:
            if _inverted_tag(text, vs):
                continue  # '“It was shameful,” said Ann Ruiz, who waited in a “long line”': the speaker
            cs = _skip_forward(text, vs + len(q.verb), se, q.verb)
            if cs > q.start:
                continue
            ce = _content_end(text, cs, se)
            if q.end < ce:
                ce = _subordinate_end(text, sent[0], vs, q.end + (text[q.end:q.end + 1] in _MARKS), ce)
            if _is_label(q):
                if ce <= q.start:
                    continue  # the label's clause ended before ("called her 'weak' and said ... 'zero'")
                ce = _label_end(text, q, ce)
        # the quotes inside the clause, this one first
        inner = [k - 1]
        while k < len(marked) and marked[k].start < ce and (k not in used):
            inner.append(k)
            k += 1
        qs = [marked[i] for i in inner]
        last = qs[-1]
        ce = max(ce, last.end + 1 if text[last.end:last.end + 1] in _MARKS else last.end)
        if len(_unquoted_words(text, cs, ce, qs).split()) < 2:
            continue
        for i in inner:
            # the label itself stays a partial quote as well: "called the plan 'reckless'" is,
            # for corpora that do not annotate mixed speech, the quoted label alone
            if not (len(inner) == 1 and len(marked[i].text.split()) == 1 and after) \
                    and not (_is_label(marked[i]) and _label_object_named(text, cs, marked[i])):
                used.add(i)
        out.append(Quote(text=text[cs:ce], start=cs, end=ce, kind="mixed", speaker=q.speaker, verb=q.verb,
                         verb_start=vs, rule="mixed:marked-cue", confidence=0.55))
    return out


# Irregular past forms that take a quoted object ("she gave a 'full-throated' defense").
_IRREGULAR = _words("""began took made went came gave spoke stood met ran left held kept sent brought struck
won lost threw wrote led sat told saw put set laid paid found felt thought sought taught hit cast
drew drove chose rose swore bore tore wore shook forgave foresaw""")
_NOT_VERB = _words("""news series species bias status census crisis basis thesis analysis
was has is does this thus plus less unless always perhaps""")


# Verbs of motion, possession, winning and taking part: their object is no reported content
# ("took the stage to 'Eye of the Tiger'", "won the 'establishment' lane", "joined the 'Never Trump' group").
_NOT_SPEECH = _words("""
took take takes won win wins lost lose loses joined join joins helped help helps earned earns
came come comes went go goes ran run runs sat sit sits stood stand stands gathered held hold holds
received receives waved waves dressed wore wear wears landed arrived arrives left leaves crushed
beat beats defeated played plays spent spends bought buys sold sells paid pays got gets had
watched watches visited visits attended attends entered enters moved moves lived lives worked works
""")
_TITLE_PREPS = _words("of by for via")  # more places a programme's name follows a cue
_CONTENT_NOT = _words("""on in at with as over during from after before out just down up into through
when while since until near inside outside around across off back away and but or""")


# speech verbs that take a preposition before their content ("referred to", "spoke about")
PHRASE_VERBS = _words("referred refers spoke speaks talked talks pointed points compared compares listed "
                      "named names hailed hails proclaimed proclaims cited pledged pledges introduced")


def _verb_like(toks, i: int) -> bool:
    """Can toks[i] be a finite verb with a content object: -ed, an irregular past, a cue, or an
    -s form right after a name or pronoun ("Trump puts it", not "Republican leaders")."""
    low = toks[i].t
    if not low.isalpha() or not low.islower() or len(low) < 3 or low in _NOT_VERB or low in _NOT_SPEECH:
        return False
    if low in NOT_HEAD and low not in _VERBS:
        return False
    if low.endswith("ed") or low in _IRREGULAR or low in _VERBS or low in LABELS:
        return True
    if low.endswith("s") and not low.endswith(("ss", "us", "is", "ous")) and i > 0 \
            and low not in SPEAKER_NOUNS and low[:-1] not in SPEAKER_NOUNS:
        prev = toks[i - 1].t  # "Trump puts", "she refers"; not "DNC rules", "Republican leaders"
        return (prev[:1].isupper() and not prev.isupper()) or prev.lower() in ("he", "she", "it", "who", "also")
    return False


_CLAUSE_REACH = 400  # how far before a quotation its verb and subject may start (chars)


# Nouns of saying with a that-clause: "Trump's claim that ...", "his warning that ...".
NOUN_CUES = _words("""claim claims accusation accusations assertion assertions argument suggestion
insistence warning warnings promise pledge charge charges contention allegation allegations belief
remark remarks comment comments statement aside prediction complaint admission vow boast threat
declaration announcement insinuation notion""")
_POSSESSIVE = _words("his her their its")


def _noun_cue(text: str, toks, i: int, ps: int, pe: int, se: int) -> Quote | None:
    """'X's claim that C' (C holding the quotation): the possessor said C."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or nxt.low != "that":
        return None
    prev = toks[i - 1]
    if prev.low in _POSSESSIVE:
        ms, me = prev.s, prev.e
    elif prev.t.endswith(("'s", "\u2019s")):
        j = i - 1  # the possessor's phrase: "Donald Trump's", "the mayor's"
        while j > 0 and i - j < 5 and toks[j - 1].t.isalpha() and toks[j - 1].low not in BOUNDARY \
                and toks[j - 1].low not in _PREP and toks[j - 1].low not in _VERBS:
            j -= 1
        ms, me = toks[j].s, prev.e - 2
        if not _speaker_ok(text, ms, me):
            return None
    else:
        return None
    cs = nxt.s
    ce = _content_end(text, cs, se)
    if ce <= ps:
        return None
    ce = max(ce, pe)
    if text[pe - 2:pe - 1] == "," or text[pe:pe + 1] == ",":
        ce = pe  # "his claim that people would 'learn nothing,' there would be ...": the NP ends
    return Quote(text=text[cs:ce], start=cs, end=ce, kind="mixed", speaker=speaker_of(text, ms, me),
                 verb=toks[i].t, verb_start=toks[i].s, rule="mixed:noun-cue", confidence=0.4)


_SUBORDINATOR = _lazy("_SUBORDINATOR", r"(?i:\b(?:when|while|whereas|although|though|because|since|after|before|if|as)\b)")


_FRONTED = _lazy("_FRONTED", r"(?:(?:But|And|Yet|So)[ \t]+)?(?:While|Whereas|Although|Though|Because|Since|When|If|As|After|Before)\b")


def _fronted_clause_end(text: str, ss: int, vs: int, cs: int, ce: int) -> int:
    """'While Sanders admitted that it would be "very hard" to win, his campaign has argued ...':
    a report inside a fronted subordinate clause ends at the comma that closes the clause (after
    its last quotation, if any)."""
    if not _FRONTED.match(text, ss, vs):
        return ce
    q = max(text.rfind("\u201d", cs, ce), text.rfind('"', cs, ce), text.rfind("''", cs, ce))
    k = text.find(", ", max(cs, q), ce)
    return _content_end(text, cs, k) if k > cs else ce


def _subordinate_end(text: str, ss: int, vs: int, pe: int, ce: int) -> int:
    """A report inside a subordinate clause ("when he devoted his term to the 'forgotten middle
    class,' Mrs. Clinton has struggled ...") ends with the quotation that closes that clause."""
    k = pe
    while k > ss and text[k - 1] in _MARKS:
        k -= 1
    if ce > pe and (text[k - 1:k] == "," or text[pe:pe + 1] == ",") and _SUBORDINATOR.search(text, ss, vs):
        return pe
    return ce


def _clause_subject_ok(text: str, ms: int, me: int) -> bool:
    """A subject for the clause rule: a noun phrase, not an opener ("Speaking at a rally",
    "In late June", "Based on the statement") nor a clause ("Ryan issued a statement", "Delegates placed ads")."""
    words = text[ms:me].split()
    first = words[0].lower().strip(",")
    if first in _PREP or first in _OPENERS or first.endswith("ing") or first in ("based", "minutes", "hours"):
        return False
    return not (len(words) > 2 and words[1].islower() and (words[1].endswith("ed") or words[1] in _IRREGULAR))


def _mixed_from_clause(text: str, paragraphs: list[Paragraph], out: list[Quote], marked: list[Quote]) -> list[Quote]:
    """Quotations no rule attributed, inside a clause 'SUBJECT VERB ... "words" ...' whose
    subject is a speaker: the verb's complement is the reported (mixed) content, whatever the
    verb ("Rubio bemoaned the climate in which people 'literally hate each other'")."""
    taken = sorted([(q.start, q.end) for q in out] + [(q.start, q.end) for q in marked])
    tstarts = [a for a, _ in taken]
    res: list[Quote] = []
    for para in paragraphs:
        pairs = [(m.start(), m.end()) for m in _PAIR_ANY.finditer(text, para.start, para.end)]
        if not pairs:
            continue
        sents = sstarts = None
        prev_end = para.start
        for ps, pe in pairs:
            after_prev, prev_end = prev_end, pe  # a verb in an earlier quotation is the speaker's word
            k = bisect.bisect_right(tstarts, pe) - 1
            if k >= 0 and taken[k][1] > ps or any(a < pe and b > ps for a, b in taken[max(0, k - 3):k]):
                continue  # already a quote, or inside one
            if res and res[-1].end > ps:
                continue
            if sents is None:
                sents = sentences(text, para.start, para.end)
                sstarts = [a for a, _ in sents]
            j = bisect.bisect_right(sstarts, ps) - 1
            if j < 0 or not (ps < sents[j][1]) or ps - sents[j][0] < 3:
                continue
            # bounded windows either side (a cue's reach), so a long "sentence" stays linear
            ss, se = max(sents[j][0], ps - _CLAUSE_REACH), min(sents[j][1], pe + _MAX_SPAN)
            if text[ps - 1].isalnum() or text[ps + 1].isspace() or text[pe - 2].isspace() \
                    or (pe < len(text) and text[pe].isalnum()):
                continue  # not an opening and a closing mark
            title = is_title_like(text[ps:pe].strip(_MARKS))
            lead = text.rfind("\n", ss, ps) + 1 or ss
            toks = _toks(text, max(ss, lead, after_prev), ps)
            last_mark = max((i for i, tk in enumerate(toks) if tk.t in _MARKS), default=-1)
            tries = 0
            for i in range(len(toks) - 1, last_mark, -1):
                if toks[i].low in NOUN_CUES and i > 0:
                    q = _noun_cue(text, toks, i, ps, pe, se)
                    if q is not None:
                        res.append(q)
                        break
                if not _verb_like(toks, i):
                    continue
                tries += 1
                if tries > 6:
                    break
                tk = toks[i]
                if title and tk.t not in _VERBS and tk.t not in LABELS and tk.t not in PHRASE_VERBS:
                    continue  # "CBS renewed 'Hawaii Five-0'": a title, not words anyone said
                subj = _subject_before(text, ss, tk.s)
                if subj is None or len(subj) == 3 or not _clause_subject_ok(text, subj[0], subj[1]):
                    continue
                cs = _skip_forward(text, tk.e, se, tk.t)
                before = text[max(ss, subj[0] - 20):subj[0]].split()
                if before and (before[-1].lower() in PARTICIPLES or before[-1].lower() in SAY):
                    # "Trump delivered a defense, saying the city embodied the “...”": the clause
                    # is what the sentence's subject said
                    owner = _sentence_subject(text, sents[j][0], tk.s)
                    if owner is None:
                        continue
                    subj, cs = owner, subj[0]
                if cs > ps:
                    continue
                first = text[cs:cs + 12].split(" ", 1)[0].lower()
                if first in _CONTENT_NOT or not text[cs:cs + 1].isalnum() and cs != ps:
                    break  # "said on 'Meet the Press'": where, not what
                if title and (tk.t in TELL or first in _TITLE_PREPS):
                    break  # "told ABC's 'This Week'", "said of the claim on 'This Week'": a programme
                ce = _content_end(text, cs, se)
                if ce <= ps:
                    continue
                ce = _subordinate_end(text, ss, tk.s, pe, max(ce, pe))
                res.append(Quote(text=text[cs:ce], start=cs, end=ce, kind="mixed",
                                 speaker=speaker_of(text, subj[0], subj[1]), verb=tk.t, verb_start=tk.s,
                                 rule="mixed:clause", confidence=0.4))
                break
    return res


def find_reported(text: str, paragraphs: list[Paragraph], marked: list[Quote]) -> list[Quote]:
    """All quotes of the article: the marked ones (some merged into mixed spans) plus indirect ones."""
    try:
        return _find_reported(text, paragraphs, marked)
    finally:  # the caches hold slices of this text: let it go with the call (a 20 MB story...)
        _speaker_ok.cache_clear()
        _RECENT.clear()


def _find_reported(text: str, paragraphs: list[Paragraph], marked: list[Quote]) -> list[Quote]:
    if not paragraphs:
        paragraphs = [Paragraph(0, len(text))]
    found = find_indirect(text, paragraphs, marked)
    marked = sorted(marked, key=lambda q: q.start)
    mstarts = [q.start for q in marked]
    pstarts = [p.start for p in paragraphs]
    used: set[int] = set()
    out: list[Quote] = []
    for f in found:
        if f.ce <= f.cs:
            continue
        # marked quotes that start inside the content span
        lo = bisect.bisect_left(mstarts, f.cs)
        hi = bisect.bisect_left(mstarts, f.ce)
        inner = [i for i in range(lo, hi) if i not in used]
        # and a marked quote the content span starts inside: "... said “the plan is dead”"
        if lo > 0 and marked[lo - 1].end > f.cs and (lo - 1) not in used:
            inner.insert(0, lo - 1)
        qs = [marked[i] for i in inner]
        cs, ce = f.cs, f.ce
        if qs:
            # a label quote whose verb comes before the report keeps it partial; a label nested
            # in the report, or a verb after the quote (another sentence's), is part of it
            if any(q.verb_start is not None and q.verb_start < cs and _label_stays_partial(text, q, paragraphs, pstarts)
                   for q in qs):
                continue  # "called it 'delusional'": the quoted label stays a partial quote
            rest = _unquoted_words(text, cs, ce, qs)
            if not rest or qs[0].start < cs:
                continue  # the content is (part of) a quotation: the marked quote says it all
            if any(q.kind == "direct" and len(q.text.split()) > 4 and q.text[:1].isupper() for q in qs):
                # a full quoted sentence after the reporting clause is a direct quote of its own
                continue
            cs = min(cs, qs[0].start - 1 if text[qs[0].start - 1:qs[0].start] in _MARKS else qs[0].start)
            last = qs[-1]
            qe = last.end + 1 if text[last.end:last.end + 1] in _MARKS else last.end
            ce = max(ce, qe)
            for i in inner:
                # A one-word quotation closing the report before its attribution ("the next weeks
                # are 'pivotal,' a source said") is kept as a partial quote of its own as well: the
                # speaker's exact word is a record users look for, and corpora that do not
                # annotate mixed spans count it as the quote.
                if not (len(inner) == 1 and len(marked[i].text.split()) == 1 and marked[i].kind == "partial"
                        and f.rule.startswith("after")):
                    used.add(i)
            # the subject of the reporting verb that governs the whole clause speaks; the marked
            # quote's own guess is the fallback
            sp = speaker_of(text, f.ms, f.me) if f.ms is not None else qs[0].speaker
            verb, vs = (f.verb, f.vs) if f.ms is not None else (qs[0].verb, qs[0].verb_start)
            out.append(Quote(text=text[cs:ce], start=cs, end=ce, kind="mixed", speaker=sp, verb=verb,
                             verb_start=vs, rule=f"mixed:{f.rule}", confidence=f.confidence))
            continue
        if f.ms is None or f.ce <= f.cs:
            continue
        kind = "mixed" if _PAIR_ANY.search(text, cs, ce) else "indirect"
        if kind == "mixed" and f.verb in TELL and is_title_like(text[cs:ce].strip(_MARKS + " .,")):
            continue  # 'told ABC's “Good Morning America.”': the listener, a programme
        out.append(Quote(text=text[cs:ce], start=cs, end=ce, kind=kind, speaker=speaker_of(text, f.ms, f.me),
                         verb=f.verb, verb_start=f.vs, rule=f.rule, confidence=f.confidence))
    out.extend(_mixed_from_marks(text, paragraphs, marked, used))
    out.extend(_mixed_from_clause(text, paragraphs, out, marked))
    for i, q in enumerate(marked):
        if i not in used:
            out.append(q)
    out.sort(key=lambda q: (q.start, q.end))
    # drop exact duplicates and indirect spans inside a kept quote
    res: list[Quote] = []
    for q in out:
        if res and q.kind == "indirect" and res[-1].start <= q.start and q.end <= res[-1].end and res[-1].kind != "indirect":
            continue
        if res and res[-1].start == q.start and res[-1].end == q.end:
            continue
        res.append(q)
    return res
