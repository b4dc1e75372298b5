"""Speakers: resolve each quote's mention within the article ("he", "the diplomat", a surname).

``resolve_speakers`` fills ``speaker.name`` for every quote (marked, indirect or mixed) with
the fullest name or description the article gives. It builds one small index of the
article in a single pass (person names with their gender signals, titles, descriptions),
then applies ``RESOLVERS``, an ordered table of named functions, to each mention.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable

from .lexicon import (ANONYMOUS_NOUNS, CUE_VERBS, FEMALE_FIRST_NAMES, GROUP_NOUNS, HONORIFICS, MALE_FIRST_NAMES,
                      MALE_WORDS, ORG_WORDS, PERSONAL_PRONOUNS, PLACES, ROLE_NOUNS, ROLE_WORDS, TITLE_WORDS)
from .models import Quote, Speaker

# A run of capitalized words (initials and particles allowed). It starts with a literal
# character class and each repetition with mandatory whitespace, so matching is linear; the
# look-ahead lets the engine skip to the next capital letter (twice as fast over a story).
_CAPRUN = re.compile(
    r"(?=[A-Z])(?:(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Rev|Sgt|Adm)\.|[A-Z][\w\u2019'-]*)"
    r"(?:[ \t]+(?:(?:[A-Z]\.)+|(?:Jr|Sr)\.|[A-Z][\w\u2019'-]*|(?:de|van|von|al|bin|da|del|la|le|du)(?=[ \t]))){1,7}")
_HON = frozenset("Mr Mrs Ms Miss Dr Sen Rep Gov Gen Adm Lt Col Rev Prof Sir".split())
# Words that start a sentence: a run reaching one ran past its name ("Tom Brandt. He ...").
_SENTENCE_WORDS = frozenset("""He She It They We I You The A An But And So Then This That These
Those There Here His Her Its Their Our When While If As After Before In On At""".split())
_PRON = re.compile(r"\b(?:[Hh]e|[Hh]is|[Ss]he|[Hh]er|hers|[Ii]ts?)\b")  # not "him": "X ... credited him" is someone else
_POSS = re.compile(r"(?:\u2019s|'s|\u2019|')$")

# Capitalized words that start sentences or name places/things, never a person's first word.
_NOT_FIRST = frozenset("""
The A An But And Or So If In On At As For By From To Of With When While After Before Since Then This That
These Those There Here It Its He She They We I You His Her Their Our My Your What Who Why How Where Which
Mr Mrs Ms Dr Sen Rep Gov President Senator Secretary Governor Mayor Judge Justice Chief Speaker Leader
Former Prime Minister General Gen Attorney Vice Representative Congressman Congresswoman Ambassador
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December United New North South East West Los San Las Santa Saint St
White Supreme Capitol Republican Republicans Democratic Democrat Democrats American Americans National
Federal Islamic Fox Wall Washington Middle Great Hong Puerto Costa Sri Saudi Israeli Palestinian Iran
Iraq Syria Russian Chinese British Mexican Air Navy Army Marine Super Election Black Lives Planned
Affordable Care Homeland Security State Department House Senate Congress Court Police Street Avenue
Daily Sunday News Times Post Journal Breitbart Twitter Facebook Google Apple Obamacare Medicare Medicaid
Social Iowa Texas Florida Ohio California Virginia Carolina Nevada Hampshire Jersey York Angeles
Francisco Diego Vegas Dakota Kentucky Oklahoma Not No Yes All Some Many Most One Two Three Just Even
Also According Still Yet However Meanwhile Instead Although Though Because Asked Speaking During Under
Over About Into Like Unlike Without Within Despite Among Between Both Each Every Other Another Such
Our Let Please Thank Thanks Dear God Lord Jesus Christ Christian Muslim Muslims Jewish Catholic
Is Was Are Were Has Have Had Does Did Do Will Would Can Could Should Might Must Shall
""".split())
_ORGISH = frozenset(w.capitalize() for w in ORG_WORDS) | frozenset("""
Inc Corp Co LLC Ltd Group Party Committee Campaign Foundation Institute University College School
Department Agency Bureau Council Commission Network Times Post News Journal Tribune Herald Press
Association Center Centre Fund Bank Club Company Administration Office Service Airlines Motors
County City Street Road Avenue Square Valley Beach Island Islands Mountain Tower
History Studies Republic Kingdom Union Republicans Democrats Delegates Voters Americans Tierra Show
""".split())
_GENDER_OF_HON = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f", "Sir": "m"}
_DESC_CUT = frozenset("who which that whose between being because after when where while , ( said says told".split())


@dataclass(slots=True)
class Person:
    name: str
    surname: str
    male: int = 0
    female: int = 0
    titles: set = field(default_factory=set)
    at: list = field(default_factory=list)  # offsets of its mentions
    checked: bool = False
    neuter: int = 0
    prefix: str | None = None  # "Mr.", "Sen.", "President": how the article styles the person
    fgender: str | None = None  # from the first name
    person: bool = False  # a known first name, an honorific or a title: not a place or a brand
    spoke: list = field(default_factory=list)  # offsets where the person is a quote's speaker

    def count(self, gender: str | None, weight: int) -> None:
        """Add evidence of the person's gender ("m" or "f"; None adds nothing)."""
        if gender == "m":
            self.male += weight
        elif gender == "f":
            self.female += weight

    @property
    def display(self) -> str:
        """The fullest form: the article's honorific or title, then the full name."""
        return f"{self.prefix} {self.name}" if self.prefix else self.name

    @property
    def gender(self) -> str | None:
        if self.fgender:  # "Sara Netanyahu": the first name outweighs the "he" after "Netanyahu"
            return self.fgender
        if self.neuter > self.male + self.female:
            return "n"
        if self.male > self.female:
            return "m"
        if self.female > self.male:
            return "f"
        return None


@dataclass
class Index:
    """The article's people, in order of mention, outside quotation marks."""
    people: dict = field(default_factory=dict)  # full name -> Person
    by_surname: dict = field(default_factory=dict)  # surname -> Person (first full mention)
    positions: list = field(default_factory=list)  # sorted start offsets of person mentions
    at: list = field(default_factory=list)  # Person at each position
    speakers: list = field(default_factory=list)  # (start, name, flags) of resolved speaker mentions
    descriptions: list = field(default_factory=list)  # (start, description) of unnamed speakers
    author: str | None = None
    text: str = ""
    inside: list = field(default_factory=list)
    inside_starts: list = field(default_factory=list)
    events: list = field(default_factory=list)
    subject: dict = field(default_factory=dict)  # mention offset -> is it a sentence subject
    mentions: list | None = None  # (offset, Person) of every surname mention, see all_mentions
    mention_pos: list = field(default_factory=list)
    rebuilds: int = 0
    owners: dict = field(default_factory=dict)  # surname -> the people who bear it, see all_mentions
    full_at: dict = field(default_factory=dict)  # surname -> ([offsets], [full names]) of full-name runs
    quote_end: int = -1  # end of the quotation being resolved
    spoke_at: list = field(default_factory=list)  # sorted offsets of person speaker mentions
    spoke_by: list = field(default_factory=list)  # the Person at each of them


# Honorifics and one-word titles kept in front of a resolved name ("Sen. Ted Cruz").
_PREFIXES = frozenset("Mr Mrs Ms Dr Sen Rep Gov Gen Adm Lt Col Rev Prof Sgt President Senator Governor "
                      "Mayor Representative Congressman Congresswoman Pope King Queen Prince Princess".split())


_STRIP = (_NOT_FIRST | {w + "." for w in _NOT_FIRST} | TITLE_WORDS | HONORIFICS
          | {w.capitalize() for w in TITLE_WORDS | HONORIFICS})


def _clean_name(words: list[str], prefix: list | None = None) -> list[str]:
    """Drop leading sentence words, titles and honorifics; note the one right before the name."""
    while words and (words[0] in _STRIP or "-" in words[0] and words[0].rsplit("-", 1)[1][:1].islower()):
        # sentence words, titles, honorifics and "Korean-born" style adjectives
        if prefix is not None:
            prefix[:] = [words[0]] if words[0].rstrip(".") in _PREFIXES else []
        words = words[1:]
    if words:
        words[-1] = _POSS.sub("", words[-1])
    return [w for w in words if w]


_RUNS: dict = {}  # capitalized run -> its reading (pure, so shared by every article)
_UNREAD = object()  # not in _RUNS yet (a run that names nobody is stored as None)


_FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES
# Capitalized verbs a Title-Cased headline puts after a name ("Lindsey Graham Says ...").
_HEADLINE_VERBS = frozenset(w.capitalize() for w in CUE_VERBS) | frozenset(
    "Is Was Are Has Have Had Will Would Can Could Did Does Gets Got Takes Wins Won Makes Backs".split())


def _trim_glue(words: list[str]) -> list[str]:
    """Words glued to a name by capitalization: an owner ("National Review’s Ian Tuttle"), words
    before a known first name ("Billionaire Donald Trump", "Political Affairs Wendy Sherman"), a
    headline's verb after it ("Lindsey Graham Says")."""
    for i in range(len(words) - 2, -1, -1):
        if words[i][-1] in "s'\u2019" and _POSS.search(words[i]):
            words = words[i + 1:]
            break
    for i in range(len(words) - 2, 0, -1):  # "Senate Intelligence Ranking Democrat Dianne Feinstein"
        if words[i].lower() in _FIRST_NAMES and words[i - 1].lower() not in _FIRST_NAMES:
            words = words[i:]
            break
    while len(words) > 2 and words[-1] in _HEADLINE_VERBS:
        words = words[:-1]
    return words


def _read_run(run: str):
    """What a capitalized run names: None (nothing), (surname, honorific, prefix) for
    "Mr. Pincus", or (full name, surname, first word, title, prefix, honorific)."""
    words = run.split()
    if run.isupper() and sum(len(w) > 2 for w in words) > 1:
        return None  # "DES MOINES": a dateline or a shouted headline, not a name
    hon = words[0].rstrip(".") if words[0].rstrip(".") in _HON else None
    pre: list = []
    words = _clean_name(words, pre)
    prefix = pre[-1] if pre else None
    run_title = None
    for k in range(len(words) - 3, 0, -1):  # "Coconino County Sheriff Ray Delgado"
        if words[k].lower() in TITLE_WORDS:
            run_title, words = words[k].lower(), words[k + 1:]
            break
    words = _trim_glue(words)
    if len(words) < 2 or not _ORGISH.isdisjoint(words):
        if hon and len(words) == 1:
            return (words[0].rstrip("."), hon, prefix)
        return None
    if not _NOT_FIRST.isdisjoint(words):
        for i, w in enumerate(words):
            if i and w in _NOT_FIRST and w not in _PREFIXES \
                    and not (w not in _SENTENCE_WORDS and words[i - 1].lower() in _FIRST_NAMES):
                words = words[:i]  # "C. He": the run ran into the next sentence (not "James York")
                break
    if len(words) > 4 or len(words) == 4 and not any(len(w) == 2 and w.endswith(".") for w in words[1:-1]) \
            and not (words[0].lower() in _FIRST_NAMES and words[1].lower() in _FIRST_NAMES):
        return None  # a Title-Cased headline, not a name (but "Jorge Antonio Villasenor Llamas" is)
    if len(words) < 2:
        if hon:  # "Mr. Pincus": a surname with a gender, matched after all full names
            return (words[0].rstrip("."), hon, prefix)
        return None
    surname = words[-1].rstrip(".,")
    if surname.lower() in ("jr", "sr", "ii", "iii") and len(words) > 2:
        surname = words[-2].rstrip(",")
    return (" ".join(words), surname, words[0].lower(), run_title, prefix, hon)


_MARKED = re.compile(r"[\u201c\"][^\u201c\u201d\"]*[\u201d\"]")


def _quoted_spans(text: str, quotes: list[Quote]) -> list:
    """Sorted, disjoint spans inside quotation marks: the direct and partial quotes, and the
    marked parts of mixed ones (that Sanders is a “false choice between Clinton and Stein”)."""
    spans = [(q.start, q.end) for q in quotes if q.kind in ("direct", "partial")]
    for q in quotes:
        if q.kind == "mixed":
            spans.extend(m.span() for m in _MARKED.finditer(text, max(0, q.start - 1), q.end + 1))
    spans.sort()
    out: list = []
    for s, e in spans:
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


_APPOS_HEADS = ROLE_WORDS | ANONYMOUS_NOUNS | GROUP_NOUNS | frozenset("""
man woman mother father wife husband son daughter sister brother widow friend nurse worker owner
member leader head chief fan native
""".split())


def _appositive_person(text: str, e: int) -> bool:
    """Does the name ending at e take a person's appositive: an age (", 34,"), "who", or "a/an/
    the ..." with a role word within five words (", a campaign consultant")?"""
    if not text.startswith(", ", e):
        return False
    words = text[e + 2:e + 80].split(None, 7)[:7]
    if not words:
        return False
    w0 = words[0].lower()
    if w0 == "who" or w0.rstrip(",").isdigit() and w0.endswith(","):
        return True
    if w0.strip(",") in TITLE_WORDS:  # ", director general of the agency,"
        return True
    return w0 in ("a", "an", "the") and any(w.strip(",.").lower() in _APPOS_HEADS for w in words[1:6])


# Titles that say the holder's gender ("chairwoman Nancy Worley", "actress Jamie Lee Curtis").
_TITLE_GENDER = {w: "f" for w in """chairwoman spokeswoman congresswoman businesswoman councilwoman
actress anchorwoman""".split()} | {w: "m" for w in """chairman spokesman congressman businessman
councilman actor anchorman""".split()}
_KIN_GENDER = {"wife": "f", "husband": "m", "daughter": "f", "son": "m", "mother": "f", "father": "m",
               "sister": "f", "brother": "m", "widow": "f", "widower": "m"}
# the kin word, then its owner before it; only stories with "wife, " etc. are scanned at all
_KIN = re.compile(r"\b(?P<kin>%s),[ \t]+(?P<name>[A-Z][a-z]+)(?=,)" % "|".join(_KIN_GENDER))
_KIN_OWNER = re.compile(r"(?:\b(?P<owner>[A-Z][\w-]+(?:'s|\u2019s))|\b(?:his|her|their))[ \t]+"
                        r"(?:(?:first|second|late|former|new|younger|older|eldest|youngest)[ \t]+)?$")


def _add_kin(idx: Index, text: str) -> None:
    """People named by a first name only after a relation: "Trump's wife, Melania," is Melania
    Trump, "his wife, Jane," is Jane; the relation gives the gender."""
    for m in _KIN.finditer(text):
        o = _KIN_OWNER.search(text, max(0, m.start() - 40), m.start())
        if o is None:
            continue
        name, owner = m["name"], o["owner"]
        if name in idx.people or name in _NOT_FIRST:
            continue  # (the relation says the gender: "his first wife, Ivana," needs no list)
        full = f"{name} {_POSS.sub('', owner)}" if owner else name
        p = idx.people.get(full) or Person(full, name, person=True, fgender=_KIN_GENDER.get(m["kin"]))
        idx.people[full] = p
        idx.by_surname.setdefault(name, p)
        if idx.owners:
            idx.owners.setdefault(name, []).append(p)


def build_index(text: str, quotes: list[Quote], layout=None) -> Index:
    """People named outside quotation marks: full names from capitalized runs, then every
    later mention of their surnames. Gender is read lazily (see ``gender_of``)."""
    idx = Index(text=text)
    inside = _quoted_spans(text, quotes)
    singles = []  # ("Pincus", "Mr", prefix): honorific + surname mentions
    for m in _CAPRUN.finditer(text):
        s0 = m.start()
        if s0 and (text[s0 - 1].isalnum() or text[s0 - 1] in "'\u2019-"):
            continue
        run = m.group()
        r = _RUNS.get(run, _UNREAD)  # (most runs read as None: a plain .get() would miss on them)
        if r is _UNREAD:
            if len(_RUNS) > 50000:
                _RUNS.clear()
            r = _RUNS[run] = _read_run(run)
        if r is None:
            continue
        if len(r) == 3:
            singles.append(r)
            continue
        full, surname, first, run_title, prefix, hon = r
        p = idx.people.get(full)
        at_names = idx.full_at.setdefault(surname, ([], []))
        at_names[0].append(s0)
        at_names[1].append(full)
        if p is None:
            p = Person(full, surname)
            idx.people[full] = p
            if first in MALE_FIRST_NAMES:  # a first name outweighs nearby pronouns
                p.person, p.male, p.fgender = True, p.male + 5, "m"
            elif first in FEMALE_FIRST_NAMES:
                p.person, p.female, p.fgender = True, p.female + 5, "f"
            old = idx.by_surname.get(surname)
            # the surname's owner: the first full name, unless a later one is clearly a person
            if old is None or (not old.fgender and p.fgender):
                idx.by_surname[surname] = p
        if run_title:
            p.titles.add(run_title)
            p.person = True
        if prefix:
            p.person, p.prefix = True, prefix
        elif hon:
            p.person = True
        p.count(_GENDER_OF_HON.get(hon), 3)
        # a title right before the name: "White House spokesman John Kirby"
        for w in text[max(0, s0 - 30):s0].split()[-1:]:  # "spokesman John Kirby", "pollster Daron Shaw"
            lw = w.lower()
            if lw in TITLE_WORDS or lw in ROLE_NOUNS or lw in _TITLE_GENDER:
                p.titles.add(lw)
                p.person = True
                p.count(_TITLE_GENDER.get(lw), 3)  # "party chairwoman Nancy Worley": she
        if not p.person and _appositive_person(text, m.end()):
            p.person = True  # "Raynard Jackson, a campaign consultant", "Ana Ruiz, 34,"
    for w, hon, prefix in singles:
        g = _GENDER_OF_HON.get(hon)
        p = person_for(idx, w, g)
        if p is None:  # "Mrs. Clinton" where only Bill is named in full: her own person
            p = idx.people[f"{hon}. {w}"] = Person(w, w, fgender=g)
            idx.by_surname.setdefault(w, p)
        p.person = True
        if prefix and p.fgender in (None, g):
            p.prefix = prefix
        p.count(g, 3)
    idx.inside = inside
    idx.inside_starts = [q[0] for q in inside]
    if layout is not None:
        authors = getattr(getattr(layout, "byline", None), "authors", None) or []
        idx.author = authors[0] if authors else None
    return idx


def person_for(idx: Index, surname: str, gender: str | None) -> Person | None:
    """The person with this surname, preferring one whose first name fits the gender
    ("Mrs. Clinton" is Hillary, "Mr. Clinton" is Bill)."""
    best = idx.by_surname.get(surname)
    if best is None or gender is None or best.fgender in (None, gender):
        return best
    for p in idx.people.values():
        if p.surname == surname and p.fgender == gender:
            return p
    return None


def _quoted(idx: Index, pos: int) -> int | None:
    """Start of the quotation containing pos, if any."""
    k = bisect.bisect_right(idx.inside_starts, pos) - 1
    if k >= 0 and idx.inside[k][0] <= pos < idx.inside[k][1]:
        return idx.inside[k][0]
    return None


_CAPWORD = re.compile(r"[A-Z][\w\u2019'-]+")


def _owners(idx: Index) -> dict:
    """surname -> the people who bear it (computed once, before any mention scan)."""
    if idx.owners:
        return idx.owners
    owners: dict = {}
    for p in idx.people.values():
        owners.setdefault(p.surname, []).append(p)
    for sur, ps in owners.items():
        if len(ps) > 1 and any(p.person for p in ps):
            # "Does Rubio", "Crooked Hillary Clinton": a sentence word glued to a name is not
            # another person sharing the surname; only people keep its mentions
            owners[sur] = [p for p in ps if p.person]
    idx.owners = owners
    return owners


def all_mentions(idx: Index) -> list:
    """Every mention of a known person's surname outside quotations, in text order:
    one regex pass over capitalized words, so the cost stays linear in the text."""
    if idx.mentions is not None:
        return idx.mentions
    if any(k + ", " in idx.text for k in _KIN_GENDER):  # only here: stories without pronouns skip it
        _add_kin(idx, idx.text)
    owners = _owners(idx)
    for p in idx.people.values():
        p.at = []
    text, out = idx.text, []
    get = owners.get
    for m in _CAPWORD.finditer(text):
        w = m[0]
        ps = get(w)
        if ps is None:
            if w[-1] not in "s'\u2019" or not w.endswith(_POSS_ENDS):
                continue
            ps = get(_POSS.sub("", w))  # "Trump's"
            if ps is None:
                continue
        k = m.start()
        if (k and text[k - 1].isalnum()) or _quoted(idx, k) is not None:
            continue
        if len(ps) > 1:
            ps = (_holder(idx, ps, k),)
        for p in ps:
            out.append((k, p))
            p.at.append(k)
    idx.mentions, idx.mention_pos = out, [k for k, _ in out]
    return out


def _holder(idx: Index, ps: list, k: int) -> Person:
    """Which of the people sharing a surname a bare mention at k means: the one the article
    named in full most recently ("Bobby Scott ... Scott said"), else the surname's owner;
    an honorific's gender decides first ("Mrs. Clinton")."""
    before = idx.text[max(0, k - 5):k].split()
    g = _GENDER_OF_HON.get(before[-1].rstrip(".")) if before else None
    if g:
        fits = [p for p in ps if p.fgender == g]
        if len(fits) == 1:
            return fits[0]
    at, names = idx.full_at.get(ps[0].surname, ((), ()))
    j = bisect.bisect_right(at, k) - 1
    while j >= 0:  # the latest full name before k that is one of these people
        p = idx.people.get(names[j])
        if p in ps:
            return p
        j -= 1
    best = idx.by_surname.get(ps[0].surname)
    return best if best in ps else ps[0]


_POSS_ENDS = ("\u2019s", "'s", "\u2019", "'")


def _new_person(idx: Index, p: Person) -> None:
    """Register a person met only as a speaker ("Trump said" with no full name anywhere);
    once the mention list exists, the person's mentions are merged in (a bounded number)."""
    idx.people[p.name] = p
    idx.by_surname.setdefault(p.surname, p)
    if idx.owners:
        idx.owners.setdefault(p.surname, []).append(p)
    if idx.mentions is None or idx.rebuilds >= 50:
        return
    idx.rebuilds += 1
    text, sur = idx.text, p.surname
    k = text.find(sur)
    while k >= 0 and len(p.at) < 300:  # bounded: inserting keeps the list sorted
        e = k + len(sur)
        if (k == 0 or not text[k - 1].isalnum()) and (e >= len(text) or not text[e].isalnum()) \
                and _quoted(idx, k) is None:
            i = bisect.bisect_right(idx.mention_pos, k)
            idx.mention_pos.insert(i, k)
            idx.mentions.insert(i, (k, p))
            p.at.append(k)
        k = text.find(sur, e)


def gender_of(p: Person, idx: Index) -> str | None:
    """he/his/him vs she/her in the few words after the person's mentions, plus honorifics
    (Mr., Mrs., Ms.); computed once, only for people a pronoun may refer to."""
    if p.checked:
        return p.gender
    p.checked = True
    all_mentions(idx)
    text, sur = idx.text, p.surname
    for k in p.at[:8]:
        if k >= 0:
            e = k + len(sur)
            m = _PRON.search(text, e, e + 150)  # the first pronoun after the mention
            while m and _quoted(idx, m.start()) is not None:
                m = _PRON.search(text, m.end(), e + 150)  # “She ...” inside a quote is someone else
            if m:
                w = m.group().lower()
                if w in MALE_WORDS:
                    p.male += 1
                elif w in ("it", "its"):
                    # "Skyline Connect ... said it would": a company; a person (a first name, a
                    # title, an honorific) is never "it": "Amano said that, if its claims are true"
                    if not p.person:
                        p.neuter += 1
                else:
                    p.female += 1
            hon = text[max(0, k - 5):k].split()[-1:] if k else []
            if hon:
                p.count(_GENDER_OF_HON.get(hon[0].rstrip(".")), 3)
    return p.gender


# ------------------------------------------------------------------ resolvers

def _short_description(mention: str) -> str:
    """“a diplomat familiar with the negotiations between Israel and Hamas ...” -> the part
    that identifies the source, at most eight words."""
    out = []
    for w in re.findall(r"[\w\u2019'.-]+|[,(]", mention):
        if out and w.lower() in _DESC_CUT:
            break
        out.append(w)
        if len(out) >= 8:
            break
    return " ".join(out)


def _head(words: list[str]) -> str | None:
    """Head noun of a description: "the former vice president's spokeswoman" -> spokeswoman."""
    head = None
    for w in words:
        lw = w.lower()
        if lw in ("familiar", "close", "with", "of", "at", "for", "in", "who", "from", "on"):
            break
        head = lw
    return head


def r_pronoun(sp: Speaker, pos: int, idx: Index) -> str | None:
    """he / she: the person most recently named before the mention (outside quotations) whose
    gender agrees; a recent speaker wins over a person only mentioned in passing."""
    low = (sp.mention or "").lower()
    g = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get(low)
    if g is None:
        return None
    best, best_at, fallback = None, -1, None
    ms = all_mentions(idx)
    k = bisect.bisect_left(idx.mention_pos, pos) - 1
    seen: set = set()
    para = idx.text.rfind("\n", 0, pos)  # the pronoun's paragraph starts after this
    last, spoke_at = _last_speaker(idx, pos)
    if last is not None:  # “...,” said Ruiz. Diaz disagreed. “...,” he said: Diaz, not Ruiz
        for j in range(bisect.bisect_right(idx.mention_pos, spoke_at), k + 1):
            at, p = ms[j]
            if p is not last and _subject(idx, at, p) and gender_of(p, idx) in (None, g):
                last = None
                break
    while k >= 0 and len(seen) < 60:  # walk back over the latest mentions, each person once
        at, p = ms[k]
        k -= 1
        if pos - at > 6000 or at + SUBJECT_BONUS + SPEAKER_BONUS + PARA_BONUS <= best_at:
            break
        if id(p) in seen:
            continue
        seen.add(id(p))
        subject = _subject(idx, at, p)
        if subject:
            # a subject in the pronoun's own paragraph outranks a speaker from an earlier one
            at += SUBJECT_BONUS + (PARA_BONUS if at > para else 0)
        if p is last:  # only the latest speaker: an earlier one was cut off by it
            at += SPEAKER_BONUS
        if at <= best_at:
            continue
        pg = gender_of(p, idx)
        if not (p.person or p.spoke or pg == g or subject and _full_name(p)):
            continue  # "Sandy Hook", "Monitor Breakfast": no sign of a person
        if fallback is None and pg != "n":
            fallback = p
        if pg in (None, g):
            best, best_at = p, at
    if best is None:
        best = fallback  # no one fits the gender: the nearest person beats a bare pronoun
    if best is not None:
        _spoke(idx, best, pos)  # “...,” he said. “...,” he added: the chain goes on
    return (best.display if PRONOUN_PREFIX else best.name) if best else None


def _full_name(p: Person) -> bool:
    """"Angel Mendoza came from Texas": a first and last name as a sentence's subject is a
    person even when the first name is not in our lists (not "Good Morning America")."""
    words = p.name.split()
    return len(words) == 2 and words[0] not in _NOT_FIRST and words[0] not in _ORGISH \
        and words[0] not in _PLACE_FIRST and p.name not in PLACES and words[1] not in _ORGISH


_PLACE_FIRST = frozenset("El La Los Las San Santa Fort Port Mount Lake Saint St.".split())  # "El Paso"


PRONOUN_PREFIX = True
EXPAND = True


SUBJECT_BONUS = 400  # chars: a sentence subject outranks a later object
PARA_BONUS = 400  # chars: a subject in the pronoun's own paragraph outranks an earlier speaker


def _subject(idx: Index, at: int, p: Person) -> bool:
    """_is_subject for the mention of p at offset at, computed once."""
    s = idx.subject.get(at)
    if s is None:
        s = idx.subject[at] = _is_subject(idx.text, at, at + len(p.surname))
    return s


def _is_subject(text: str, k: int, e: int) -> bool:
    """Is the name at text[k:e] a sentence subject: sentence-initial (after its title words,
    "Obama pollster Cornell Belcher"), after an inverting cue verb ("said Sean Spicer") or before
    a cue verb ("Barden says")? A name that modifies a role ("McConnell spokesman Don Stewart")
    is not."""
    nxt = text[e:e + 30].split(None, 2)
    if nxt and nxt[0].strip(",.").lower() in CUE_VERBS:
        return True
    if len(nxt) > 1 and nxt[0].lower() in ROLE_WORDS and nxt[1][:1].isupper():
        return False
    j = k
    for _ in range(6):
        while j > 0 and text[j - 1] in " \t\u00a0":
            j -= 1
        if j > 0 and text[j - 1] == ")":  # "Maricopa County (Ariz.) Sheriff Joe Arpaio"
            o = text.rfind("(", max(0, j - 12), j)
            if o > 0:
                j = o
                continue
        w0 = j
        while w0 > 0 and (text[w0 - 1].isalpha() or text[w0 - 1] in ".-"):
            w0 -= 1
        word = text[w0:j]
        if word and word[0].isupper() and w0 < j and (not word.endswith(".") or _INITIALS(word)) \
                or word.rstrip(".") in _HON or word in ROLE_WORDS or word in _KIN_WORDS:
            # "A.E. Dick Howard": initials are part of the name; "Florida delegate John Archer"
            j = w0
            continue
        break
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    if j == 0 or text[j - 1] in "\n\r" or (text[j - 1] in ".!?\u201d\"" and j >= 2):
        return True
    if _after_clause(text, k, e):
        return True  # "Growing up in El Paso, Mendoza regularly witnessed .."
    if j > 0 and text[j - 1] == "," and text.startswith(", ", e):
        # "One superdelegate, party chairwoman Nancy Worley, pledged her vote", "The other man, his
        # cousin James York, 40, cited ...": the name is the appositive of a short sentence-initial
        # subject, and a verb follows it (after an age)
        age = _AGE(text, e)
        verb = text[(age.end() if age else e) + 2:e + 40].split(None, 1)
        if verb and verb[0][:1].islower() and verb[0].lower() not in _NOT_APPOSITIVE_VERB \
                and _SHORT_SUBJECT(text[max(0, j - 61):j - 1]):
            return True
    m = _INVERTED(text, max(0, j - 16), j)  # “...,” said Sean Spicer
    if m and m[1].lower() in _INVERTING:
        return True
    # "aides say Ivanka Trump also advises her father": the subject of the reported clause
    before = text[max(0, j - 12):j].split()
    after = text[e:e + 30].split(None, 1)
    return bool(before and before[-1].lower() in ("say", "says", "said") and after
                and after[0][:1].islower() and after[0].lower() not in _NOT_APPOSITIVE_VERB)


_AGE = re.compile(r", \d{1,3}(?=, )").match
_KIN_WORDS = frozenset(_KIN_GENDER) | frozenset("his her their cousin friend son-in-law daughter-in-law".split())
_NOT_APPOSITIVE_VERB = ROLE_WORDS | frozenset("who whom whose which that a an the and or of in at for".split())
_SHORT_SUBJECT = re.compile(r"(?:^|[.!?\n][\"\u201d]?\s+)[A-Z][\w'\u2019-]*(?:[ \t]+[\w'\u2019-]+){0,3}$").search
_INVERTED = re.compile(r".*[,\u201d\"]\s*(\w+)$", re.S).match


# Cue verbs that come before their subject after a quotation (“...,” said Sean Spicer); "told"
# and "asked" are followed by their object instead, and "Earnest said Obama has" is no inversion.
_INVERTING = frozenset("said says added adds wrote writes noted notes continued explained argued "
                       "insisted recalled replied responded warned observed cautioned".split())
_INITIALS = re.compile(r"(?:[A-Z]\.)+").fullmatch

SPEAKER_BONUS = 400  # chars: how far a recent speaker outranks a later passing mention


def _last_speaker(idx: Index, pos: int) -> tuple:
    """(person, offset) of the last speaker before pos, if at most SPEAKER_BONUS chars ago."""
    k = bisect.bisect_left(idx.spoke_at, pos) - 1
    if k >= 0 and pos - idx.spoke_at[k] < SPEAKER_BONUS:
        return idx.spoke_by[k], idx.spoke_at[k]
    return None, -1


def _spoke(idx: Index, p: Person, pos: int) -> None:
    """Record that p is the speaker of a mention at pos, or of the quotation being resolved
    when it ends later (“...” ¶ She added: the last speaker is who spoke last, however long)."""
    pos = max(pos, idx.quote_end)
    p.spoke.append(pos)
    k = bisect.bisect_right(idx.spoke_at, pos)
    idx.spoke_at.insert(k, pos)
    idx.spoke_by.insert(k, p)


_NP_PATTERNS: list = []  # (organisation, group) noun-phrase patterns, compiled on first use


def _np_patterns() -> list:
    """“the Justice Department”, “Senate Republicans”: only "they"/"it" with no speaker
    before them need these, so most processes never compile them."""
    if not _NP_PATTERNS:
        _NP_PATTERNS.append(re.compile(r"\b[Tt]he(?:[ \t]+[A-Z][\w.&\u2019'-]*){0,4}[ \t]+(?:%s)\b" % "|".join(
            sorted((w for w in ORG_WORDS if w.isalpha()), key=len, reverse=True))))
        _NP_PATTERNS.append(re.compile(r"\b(?:[A-Z][\w.\u2019'-]*[ \t]+){0,3}(?:%s)\b" % "|".join(
            sorted(GROUP_NOUNS, key=len, reverse=True))))
    return _NP_PATTERNS


def r_plural(sp: Speaker, pos: int, idx: Index) -> str | None:
    """they / it / we: the most recent group or organisation speaker, else the last
    organisation ("the ministry") or group ("Senate Republicans") named before it."""
    low = (sp.mention or "").lower()
    if low not in ("they", "it", "we", "them"):
        return None
    for start, name, flags in reversed(idx.speakers):
        if start < pos and flags and pos - start < 3000:
            return name
    lo = max(0, pos - 1500)
    org_np, group_np = _np_patterns()
    pats = (org_np,) if low == "it" else (group_np, org_np)
    best = None
    for pat in pats:
        for m in pat.finditer(idx.text, lo, pos):
            if _quoted(idx, m.start()) is None and (best is None or m.start() > best.start()):
                best = m
    return best.group() if best else None


def r_first_person(sp: Speaker, pos: int, idx: Index) -> str | None:
    """I: the writer, when the byline names one."""
    if (sp.mention or "").lower() in ("i", "me") and idx.author:
        return idx.author
    return None


def r_named(sp: Speaker, pos: int, idx: Index) -> str | None:
    """A name: expand a surname or "Mr. Pincus" to the fullest form in the article."""
    nm = sp.name
    if not nm or sp.group:  # "Fellow Republicans" is no person: the description rules name it
        return None
    men = (sp.mention or "").split()
    hon = men[0].rstrip(".") if men and men[0].rstrip(".") in _HON else None
    # a capitalized title the mention itself uses stays in front ("Justice Scalia")
    styled = men[0] if men and len(men) > 1 and men[0][:1].isupper() and (
        hon or men[0].lower() in TITLE_WORDS) else None
    words = nm.replace(".", ". ").split()
    words = [w for w in words if w.lower().rstrip(".") not in HONORIFICS and w.lower() not in HONORIFICS] or words
    words = _trim_glue(words)  # "NBC’s Dante Chinni"
    surname = _POSS.sub("", words[-1]).rstrip(".,")
    if surname.lower() in ("jr", "sr", "ii", "iii") and len(words) > 1:
        surname = words[-2].rstrip(",")
    p = person_for(idx, surname, _GENDER_OF_HON.get(hon))
    if p is not None and len(words) == 1:
        sharing = _owners(idx).get(surname)
        if sharing and len(sharing) > 1:  # "Scott said": the Scott named in full last
            p = _holder(idx, sharing, pos)
    if p is None and hon in _GENDER_OF_HON:
        return f"{men[0]} {' '.join(words)}"
    if p is None:
        if len(words) == 1 and _common_word(idx, words[0]):
            return None  # "Delegates", "Republican": a capitalized noun, no one's name
        if len(words) > 1 and _read_run(" ".join(words)) is None:
            return None  # "New York", "Washington Post": not a name by the index's own rules
        p = Person(" ".join(words), surname, person=True)
        _new_person(idx, p)
    elif len(words) > 1 and words[0] not in p.name.split():
        return " ".join(words)  # a namesake (Bill vs Hillary Clinton): keep the given name
    _spoke(idx, p, pos)
    if len(p.name.split()) < len(words) or not EXPAND:
        return " ".join(words)
    if styled:  # the mention's own honorific or title: "Mrs. Clinton", "Justice Scalia"
        return f"{styled} {p.name}"
    return p.name


def _common_word(idx: Index, w: str) -> bool:
    """Is a lone capitalized word a common noun or adjective rather than a surname: a sentence
    word ("Republican", "Americans"), or written in lower case elsewhere in the article?"""
    w = _POSS.sub("", w)
    if w in _NOT_FIRST or w in _ORGISH or w in PLACES or w.isupper():
        return w not in _PREFIXES
    text, low = idx.text, w.lower()
    k = text.find(low)
    while k >= 0:  # a plain scan: a regex per word would be compiled for each new word
        e = k + len(low)
        if (k == 0 or not (text[k - 1].isalnum() or text[k - 1] == "-")) and \
                (e >= len(text) or not (text[e].isalnum() or text[e] == "-")):
            return True
        k = text.find(low, e)
    return False


def r_description(sp: Speaker, pos: int, idx: Index) -> str | None:
    """“the diplomat” -> the earlier “a diplomat familiar with the negotiations”; “the
    spokesman” -> the person the article gave that title."""
    men = sp.mention or ""
    words = men.split()
    if not words or words[0].lower() not in ("the", "this", "that", "a", "an"):
        return None
    head = _head(words)
    if words[0].lower() in ("the", "this", "that") and head:
        for start, desc in idx.descriptions:
            if start >= pos:
                break
            if head in desc.lower().split() and desc.split()[0].lower() in ("a", "an", "one"):
                return desc
        if head in TITLE_WORDS:
            best = _title_holder(idx, words, head, pos)
            if best:
                return best
    return _short_description(men)


_SAME_WORD = {"gop": "republican", "democrat": "democratic"}  # how a title's qualifier may be spelt
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


def _qualifiers(words: list[str], head: str) -> set[str]:
    """What narrows a title down: "the Republican vice-presidential nominee" -> {republican,
    vice-presidential}; "the foreign minister of France" -> {foreign, france}."""
    low = [w.strip(",.\u2019'").lower() for w in words]
    k = low.index(head) if head in low else len(low)
    out = set(low[1:k])
    if k + 2 < len(low) and low[k + 1] == "of":
        out.add(low[k + 2])
    return {_SAME_WORD.get(w, w) for w in out if w}


def _title_holder(idx: Index, words: list[str], head: str, pos: int) -> str | None:
    """“the Treasury secretary” -> the person last named before pos with that title, when every
    qualifier of the description stands beside one of their names ("Treasury Secretary Jacob J.
    Lew"). A title dated by a year ("2012 GOP nominee Mitt Romney") is someone's past, not who
    "the GOP nominee" is now."""
    want = _qualifiers(words, head)
    text = idx.text
    best, best_at = None, -1
    for p in idx.people.values():
        if head not in p.titles:
            continue
        offsets, names = idx.full_at.get(p.surname, ((), ()))
        for at, name in zip(offsets, names):
            if at >= pos or name != p.name or at < best_at:
                continue
            k = text.find(name, at, at + 80 + len(name))  # the run may open with the title
            k = at if k < 0 else k
            before = text[max(0, k - 70):k]
            after = _SENTENCE_BREAK.split(text[k + len(name):k + len(name) + 90], 1)[0]
            if _YEAR.search(before):
                continue
            seen = {_SAME_WORD.get(w, w) for w in re.findall(r"[\w-]+", (before + " " + after).lower())}
            if want <= seen:
                best, best_at = p.name, at
    return best


def r_fallback(sp: Speaker, pos: int, idx: Index) -> str | None:
    """Anything else: the mention itself, trimmed."""
    men = sp.mention or ""
    if men.lower() in PERSONAL_PRONOUNS or not men:
        return None
    return _short_description(men)


# name, function, a mention it exists for
RESOLVERS: tuple[tuple[str, Callable[[Speaker, int, Index], str | None], str], ...] = (
    ("first-person", r_first_person, "“I was there,” I said."),
    ("pronoun", r_pronoun, "Senator Maria Lopez spoke first. “We have the votes,” she said."),
    ("plural", r_plural, "The ministry said the talks will resume. “They will,” it said."),
    ("named", r_named, "Senator Maria Lopez spoke first. “We have the votes,” Lopez said."),
    ("description", r_description, "“No deal,” a diplomat familiar with the talks said. “None,” the diplomat said."),
    ("fallback", r_fallback, "“No deal,” officials said."),
)


# mention -> its reading by quotes.classify: a pure function of the words, so shared by
# every article (read-only; bounded)
_MENTION_READINGS: dict = {}
_UNSEEN = object()


def _prefill_name(sp: Speaker) -> None:
    """Speakers built by other stages carry only a mention: derive the name part (the same
    mention recurs, so its reading is cached)."""
    if sp.name or not sp.mention:
        return
    men = sp.mention
    low = men.lower()
    if low in PERSONAL_PRONOUNS:
        return
    if " " not in men and men[:1].isupper():  # "Trump"; "Analysts" is a group
        if low in GROUP_NOUNS:
            sp.group = True
        else:
            sp.name = _POSS.sub("", men)
        return
    m = _MENTION_READINGS.get(men, _UNSEEN)
    if m is _UNSEEN:
        from .quotes import classify, tokens  # the mention grammar lives with the quote rules
        if len(_MENTION_READINGS) > 20000:
            _MENTION_READINGS.clear()
        m = _MENTION_READINGS[men] = classify(tokens(men, 0, len(men)), men)
    if m is None:
        return
    if m.name:
        sp.name = m.name
        sp.title = sp.title or m.title
    sp.anonymous = sp.anonymous or m.anonymous
    sp.group = sp.group or m.group
    sp.organization = sp.organization or m.organization


def _inherit_unattributed(text: str, quotes: list[Quote], idx: Index | None = None) -> None:
    """A direct quote with no cue at all takes the person its lead-in sentence names (“17-year-old
    Jared Potts echoed: “...”), else continues the speaker of the quote just before it (marked
    or reported) when that one is at most a paragraph away: “...,” Ms. Ruiz said of the plan.
    /  “It will pass.”"""
    last = None
    for q in sorted(quotes, key=lambda q: q.start):
        # quotes.py's recent-speaker guess only saw the marked quotes: a reported quote or a
        # lead-in sentence between them is the better guess
        guessed = q.rule == "recent-speaker"
        if (q.speaker is None or guessed) and q.kind == "direct":
            lead = _lead_in_speaker(idx, q.start) if idx is not None else None
            if lead is not None:
                k, e = lead
                hon = _HON_BEFORE(text, max(0, k - 6), k)
                k = hon.start() if hon else k  # "Ms. Warren" keeps the article's style
                q.speaker = Speaker(mention=text[k:e], mention_start=k, mention_end=e)
                q.rule, q.confidence = "lead-in-name", 0.4
            elif last is not None and last.speaker is not None \
                    and 0 <= q.start - last.end < 400 and text.count("\n\n", last.end, q.start) <= 1 \
                    and not (guessed and not _beats_guess(last.speaker, q.speaker)):
                sp = last.speaker
                q.speaker = Speaker(mention=sp.mention, mention_start=sp.mention_start, mention_end=sp.mention_end,
                                    title=sp.title, anonymous=sp.anonymous, group=sp.group,
                                    organization=sp.organization, name=None if sp.mention else sp.name)
                q.rule = "recent-speaker"
                q.confidence = 0.3
        if q.speaker is not None:
            last = q


def _beats_guess(sp: Speaker, guess: Speaker) -> bool:
    """Does sp, the speaker of a quote between, replace quotes.py's recent-speaker guess? When
    named after the guess and a short noun phrase ("Bruce Ash", not "Bolton distanced himself
    from the movement by", "on the core ideas they")."""
    mention = sp.mention or "x"
    return (guess.mention_start or 0) < (sp.mention_start or 0) and len(mention.split()) <= 6 \
        and mention.split()[0] not in _NOT_VERBS


_LEAD_END = re.compile(r"[:,][ \t\u00a0]*\n*[ \t]*[\u201c\"\u2018']*$")
# the last sentence break before a lead-in ("Mr. Trump" and "J. Smith" break nothing)
_SENTENCE_START = re.compile(r".*(?:(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\b[A-Z])"
                             r"[.!?][\u201d\"']?\s+(?=[A-Z])|\n)", re.S)


def _lead_in_speaker(idx: Index, start: int) -> tuple | None:
    """(start, end) of the person a quotation's lead-in sentence names, if the sentence ends in
    a colon or a comma: the name right before the colon ("pollster Daron Shaw: “"), else the
    first person in the sentence ("Ms. Sherry smiled and said, “", "Jared Potts echoed: “")."""
    text = idx.text
    lo = max(0, start - 300)
    end = _LEAD_END.search(text, lo, start)
    if end is None:
        return None
    m = _SENTENCE_START.match(text, lo, end.start())
    s0 = m.end() if m else lo
    ms = all_mentions(idx)
    i = bisect.bisect_left(idx.mention_pos, s0)
    j = bisect.bisect_left(idx.mention_pos, end.start())
    # an owner is no speaker: "Cameron's spokesman said: “" is the spokesman
    people = [(k, p) for k, p in ms[i:j] if p.person and not _POSS_AFTER(text, k + len(p.surname))]
    if not people:
        return None
    k, p = people[-1]
    tail = k + len(p.surname)
    before = [w for w in text[max(s0, k - 30):k].split() if not w[:1].isupper()]
    if not text[tail:end.start()].strip() and not (before and before[-1].lower() in _PREPOSITIONS):
        return k, tail  # the name ends the lead-in: "... pollster Daron Shaw: “", not "said of Mr. Rubio:"
    for k, p in people:  # the sentence's subject: "Ms. Sherry smiled and said, “"
        if _subject(idx, k, p):
            return k, k + len(p.surname)
    for k, p in people:  # "When told ..., Bush thought for a moment and said, “"
        if _after_clause(text, k, k + len(p.surname)):
            return k, k + len(p.surname)
    first = _FIRST_WORDS(text, s0)
    if first and first[1].lower() in ("he", "she"):
        return first.span(1)  # "She retweeted a message from her adviser, Ann O'Leary, that read: “"
    if first and first[2] and first[1].lower() in _DETERMINERS:
        return None  # "The spokesman refused ..., adding: “": the subject is no one named
    k, p = people[0]  # "When asked, Ms. Sherry smiled and said, “"
    return k, k + len(p.surname)


_HON_BEFORE = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.[ \t]$").search
_NOT_VERBS = frozenset("and or of in on at to for with who whose which that as by from".split())


def _after_clause(text: str, k: int, e: int) -> bool:
    """Is the name at text[k:e] the subject after an opening clause: a comma before it (and its
    honorific or title), a verb-like lower-case word after it ("..., Ms. Warren has been")?"""
    nxt = text[e:e + 20].split(None, 1)
    if not nxt or not nxt[0].isalpha() or not nxt[0].islower() or nxt[0] in _NOT_VERBS:
        return False
    before = text[max(0, k - 40):k].split()
    while before and (before[-1][:1].isupper() and not before[-1].endswith(",")):
        before.pop()  # "Ms.", "Sen. Maria"
    return bool(before) and before[-1].endswith(",")


_FIRST_WORDS = re.compile(r"\s*[\u201c\"']*(\w+)\s+([a-z]\w*)?").match
_DETERMINERS = frozenset("the a an this that these those some many most several small large one two "
                         "three few".split())
_POSS_AFTER = re.compile(r"(?:\u2019s?|'s?)(?!\w)").match
_PREPOSITIONS = frozenset("of about to for on with at from by against toward towards like than".split())


_PRONOUN_LAST = re.compile(r".*\s((?i:he|she|they|we))$", re.S).match
_pronoun_led = re.compile(r"((?i:he|she|they|it|we|i))(?:[\u2019'](?:s|d|ll|ve|re|m))?(?:\s+[a-z].*)?",
                          re.S).fullmatch


def resolve_speakers(text: str, quotes: list[Quote], layout=None) -> None:
    """Fill quote.speaker.name with the fullest name or description the article gives."""
    if not quotes:
        return
    idx = build_index(text, quotes, layout)
    _inherit_unattributed(text, quotes, idx)
    for q in sorted(quotes, key=lambda q: (q.speaker.mention_start if q.speaker and q.speaker.mention_start is not None else q.start)):
        sp = q.speaker
        if sp is None or not sp.mention:
            continue
        trail = _PRONOUN_LAST(sp.mention) if "," not in sp.mention else None
        if trail and sp.mention_start is not None:
            # "On Monday he", "his audience he": the clause's subject is the pronoun at the end
            sp.mention_start += trail.start(1)
            sp.mention = trail.group(1)
            sp.mention_end = sp.mention_start + len(sp.mention)
            sp.title = sp.name = None
            sp.anonymous = sp.group = sp.organization = False
        pos = sp.mention_start if sp.mention_start is not None else q.start
        low = sp.mention.lower()
        led = _pronoun_led(sp.mention) if low not in PERSONAL_PRONOUNS else None
        if led:  # "He’s", "he would not": a pronoun and the words of its clause
            low = led.group(1).lower()
            probe = Speaker(mention=low, mention_start=sp.mention_start, mention_end=sp.mention_end)
        else:
            _prefill_name(sp)
            probe = sp
        name = None
        idx.quote_end = q.end
        for _rule, fn, _ex in RESOLVERS:
            name = fn(probe, pos, idx)
            if name:
                break
        sp.name = name
        if name:
            flags = sp.group or sp.organization
            idx.speakers.append((pos, name, flags))
            if not sp.mention_start is None and not sp.name[:1].isupper() and low.split()[0] in ("a", "an", "one"):
                idx.descriptions.append((pos, name))
