"""The stories in samples/ (what a new user ingests first), parsed and checked field by field.

Every sample has a hand-written ``samples/expected/<name>.json``: what the story itself says
(headline, section, byline, dateline, published, sub-headings, and the quotes with their
kind and speaker). The expectations are never copied from the parser's output, and they are
never edited to make a test pass.

Where the parser is known to be wrong, the case is listed in KNOWN_GAPS and runs as a
strict xfail: once the parser is fixed the test XPASSes, fails, and the entry must go.

Test ids: ``<sample>-<field>`` for metadata, ``<sample>-qNN-<first words>`` for a quote,
``<sample>-precision`` for "no false direct/partial quote", ``<sample>-not-<text>`` for a
scare-quoted word that must not come out as a quote.
"""
from __future__ import annotations

import json
import re
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import pytest

import newscli

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EXPECTED = SAMPLES / "expected"

# (sample name, case key) -> what the parser gets wrong. Keys: a field name ("headline",
# "byline.authors", ...), a quote ("q07"), "precision", or "not:<text>". Shrink this table as
# the parser improves; test_known_gaps_are_real keeps it from going stale.
KNOWN_GAPS: dict[tuple[str, str], str] = {
    # quotes: spans
    ("cnn_hostage_talks", "q09"):
        "parser: “complete victory” is merged into a mixed span 'that “complete victory” is needed' (gold: partial)",
    # quotes: speakers
    ("ap_faa_engine_inspections", "q00"):
        "parser: 'the agency said' is not resolved to the Federal Aviation Administration",
    ("ap_faa_engine_inspections", "q05"):
        "parser: 'An FAA official who spoke on condition of anonymity because he was not authorized to discuss "
        "the investigation publicly said': speaker cut to 'authorized to discuss the investigation'",
    ("ap_faa_engine_inspections", "q06"):
        "parser: 'he said' resolves to Dana Whitfield, not the anonymous FAA official of the paragraph before",
    ("reuters_water_sewage_fine", "q00"):
        "parser: 'the regulator said' is not resolved to Ofwat (\"Britain's water regulator Ofwat\")",
    ("afp_bread_waste_law", "q17"):
        "parser: 'she told reporters' right after 'the minister said' resolves to Amina Diallo, not Sophie Renard",
    ("local_millbrook_flood_wall", "q02"):
        "parser: 'according to the city's engineering firm, Halvorsen & Beck' stops before the appositive name",
    ("local_millbrook_flood_wall", "q12"):
        "parser: 'the mayor said' is not resolved to Mayor Linda Crowe",
    ("page_battery_plant", "q11"):
        "parser: 'the supervisor said' is not resolved to Township Supervisor Carol Brandt",
    ("page_battery_plant", "q12"):
        "parser: 'the supervisor said' (split quote) is not resolved to Township Supervisor Carol Brandt",
    ("page_battery_plant", "q13"):
        "parser: quote continued into the next paragraph inherits 'the supervisor', not Carol Brandt",
}

FIELDS = ("headline", "section", "byline.authors", "byline.organization", "dateline.place",
          "dateline.agency", "dateline.date", "published", "subheadings")
MARKED = ("direct", "partial")
MATCH = 0.8  # span Jaccard needed when the texts are not equal


# ------------------------------------------------------------------ loading

def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.is_file() and not p.name.startswith("."))


def expected_files() -> list[Path]:
    return sorted(EXPECTED.glob("*.json"))


@lru_cache(maxsize=None)
def expected(name: str) -> dict:
    return json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def parsed(name: str):
    path = SAMPLES / expected(name)["sample"]
    return newscli.parse(path.read_text(encoding="utf-8"), str(path))


def _names() -> list[str]:
    return [p.stem for p in expected_files()]


# ------------------------------------------------------------------ comparing

def _ws(s: str | None) -> str | None:
    return None if s is None else re.sub(r"\s+", " ", s).strip()


def _get(obj, dotted: str):
    for part in dotted.split("."):
        obj = obj.get(part) if isinstance(obj, dict) else getattr(obj, part)
    return obj


STOP = {"a", "an", "the", "of", "and", "for", "to", "in", "on", "at", "by", "with", "s", "'s"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its",
            "their", "who"}


def _words(s: str | None) -> set[str]:
    s = (s or "").lower().replace("\u2019", "'")
    return {w for w in re.findall(r"[\w-]+", s.replace("'s ", " ")) if w not in STOP}


def speaker_ok(got: str | None, want: str) -> bool:
    """The predicted name's words contain, or are contained in, the expected name's."""
    g = _words(got) - PRONOUNS
    w = _words(want)
    return bool(g) and (g <= w or w <= g)


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Where the expected quote's text sits in the article text (whitespace-tolerant)."""
    pattern = r"\s+".join(re.escape(part) for part in quote.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


@lru_cache(maxsize=None)
def matching(name: str) -> dict[int, int]:
    """One-to-one: expected quote index -> predicted quote index, best pairs first. A pair
    matches when the texts are equal (spaces normalized) or the spans overlap with Jaccard >= 0.8."""
    art, exp = parsed(name), expected(name)["quotes"]
    pairs = []
    for i, e in enumerate(exp):
        spans = _occurrences(art.text, e["text"])
        for j, p in enumerate(art.quotes):
            jac = max((_jaccard(s, (p.start, p.end)) for s in spans), default=0.0)
            same = _ws(p.text) == _ws(e["text"])
            if same or jac >= MATCH:
                pairs.append((1.0 if same else jac, jac, i, j))
    out, used = {}, set()
    for _, _, i, j in sorted(pairs, reverse=True):
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def _show(q) -> str:
    who = q.speaker.name if q.speaker else None
    return f"{q.kind} [{q.start}:{q.end}] {q.text!r} ({who}, {q.verb})"


def _slug(s: str, n: int = 5) -> str:
    return "_".join(re.findall(r"\w+", s)[:n])


# ------------------------------------------------------------------ parametrization

def _param(name: str, key: str, test_id: str):
    marks = ()
    if (name, key) in KNOWN_GAPS:
        marks = pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[(name, key)])
    return pytest.param(name, key, id=test_id, marks=marks)


def _field_cases():
    return [_param(n, f, f"{n}-{f}") for n in _names() for f in FIELDS]


def _quote_cases():
    out = []
    for n in _names():
        for i, q in enumerate(expected(n)["quotes"]):
            if not q.get("optional"):
                out.append(_param(n, f"q{i:02d}", f"{n}-q{i:02d}-{q['kind']}-{_slug(q['text'])}"))
    return out


def _not_quote_cases():
    return [_param(n, f"not:{nq['text']}", f"{n}-not-{_slug(nq['text'])}")
            for n in _names() for nq in expected(n).get("not_quotes", [])]


def _precision_cases():
    return [_param(n, "precision", f"{n}-precision") for n in _names()]


# ------------------------------------------------------------------ tests

def test_every_sample_has_an_expected_file():
    names = {p.stem for p in expected_files()}
    missing = [p.name for p in sample_files() if p.stem not in names]
    assert not missing, f"samples without samples/expected/<name>.json: {missing}"


def test_every_expected_file_names_its_sample():
    for p in expected_files():
        sample = expected(p.stem)["sample"]
        assert Path(sample).stem == p.stem and (SAMPLES / sample).is_file(), p.name


def test_known_gaps_are_real():
    cases = {(n, k) for n in _names()
             for k in [*FIELDS, "precision",
                       *(f"q{i:02d}" for i, q in enumerate(expected(n)["quotes"]) if not q.get("optional")),
                       *(f"not:{nq['text']}" for nq in expected(n).get("not_quotes", []))]}
    stale = sorted(set(KNOWN_GAPS) - cases)
    assert not stale, f"KNOWN_GAPS entries that name no test: {stale}"


@pytest.mark.parametrize("name,field", _field_cases())
def test_field(name, field):
    art, want = parsed(name), _get(expected(name), field)
    got = _get(art, field)
    if field == "byline.authors":
        def key(a):
            return _ws(a).casefold()  # AP and AFP print bylines in capitals
        assert {key(a) for a in got} == {key(a) for a in want}, f"authors {got!r} != {want!r}"
    elif field == "published":
        if want is None:
            assert got is None, f"published {got!r}, but the story gives no time"
            return
        assert got, f"published is None, want {want!r}"
        w = datetime.fromisoformat(want)
        try:
            g = datetime.fromisoformat(got.replace("Z", "+00:00"))
        except ValueError:
            pytest.fail(f"published {got!r} is not ISO 8601, want {want!r}")
        if g.tzinfo is not None and w.tzinfo is not None:
            g = g.astimezone(w.tzinfo)
        assert (g.date(), g.hour, g.minute) == (w.date(), w.hour, w.minute), \
            f"published {got!r} != {want!r} (calendar date and time)"
    elif field == "subheadings":
        assert [_ws(s) for s in got] == [_ws(s) for s in want], f"subheadings {got!r} != {want!r}"
    else:
        assert _ws(got) == _ws(want), f"{field} {got!r} != {want!r}"


@pytest.mark.parametrize("name,key", _quote_cases())
def test_quote(name, key):
    i = int(key[1:])
    e = expected(name)["quotes"][i]
    art = parsed(name)
    j = matching(name).get(i)
    assert j is not None, (
        f"expected {e['kind']} quote not found: {e['text']!r} ({e['speaker']}, {e['verb']})\n"
        "predicted:\n  " + "\n  ".join(_show(q) for q in art.quotes))
    p = art.quotes[j]
    assert p.kind == e["kind"], f"kind {p.kind!r} != {e['kind']!r}: {_show(p)}"
    got = p.speaker.name if p.speaker else None
    assert speaker_ok(got, e["speaker"]), f"speaker {got!r} != {e['speaker']!r}: {_show(p)}"


@pytest.mark.parametrize("name,key", _precision_cases())
def test_no_false_marked_quotes(name, key):
    """Every predicted direct/partial quote is one the story has (a partial inside an expected
    mixed quote counts: it is that quote's marked part)."""
    art, exp = parsed(name), expected(name)["quotes"]
    matched = set(matching(name).values())
    mixed = [s for e in exp if e["kind"] == "mixed" for s in _occurrences(art.text, e["text"])]
    false = [q for j, q in enumerate(art.quotes)
             if q.kind in MARKED and j not in matched
             and not any(s <= q.start and q.end <= e for s, e in mixed)]
    assert not false, "quotes the story does not have:\n  " + "\n  ".join(_show(q) for q in false)


@pytest.mark.parametrize("name,key", _not_quote_cases())
def test_scare_quotes_are_not_quotes(name, key):
    word = key[len("not:"):]

    def bare(s):
        return re.sub(r"[\W_]+", " ", s).strip().casefold()

    hits = [q for q in parsed(name).quotes if bare(q.text) == bare(word)]
    assert not hits, f"{word!r} is not a quote, got: " + "; ".join(_show(q) for q in hits)
