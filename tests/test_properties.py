"""Property tests (hypothesis) on parse(): for any text it returns; every span lies inside
the text and text[start:end] is the quote's text; parsing twice gives the same record."""
from __future__ import annotations
import re

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newscli.models import Article  # noqa: E402
from newscli.parser import parse  # noqa: E402

# Words and marks the parser reacts to, so random text reaches its rules, not just the
# "no quotes here" path: quotation marks of every kind, cue verbs, names, titles, pronouns,
# datelines, bylines, line ends of every kind, a little HTML.
VOCAB = [
    "“", "”", '"', "'", "‘", "’", "«", "»", "„", "``", "''", "‹", "›",
    "said", "says", "told", "added", "asked", "according to", "said that", "he said", "she said",
    "Ann", "Lee", "Marta Visser", "Mr.", "Sen.", "Dr.", "the minister", "officials", "a spokesman",
    "he", "she", "they", "It", "The", "We", "I", "not", "will", "go", "back",
    ",", ".", ":", ";", "?", "!", "—", "–", "-", "(", ")", "...", "…",
    " ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\t", "\u00a0",
    "By ", "By Jane Doe", "WASHINGTON (AP) —", "LONDON, March 5 (Reuters) -", "Updated", "2024",
    "Monday", "Copyright 2024", "Advertisement", "Subheading", "ROTTERDAM",
    "<p>", "</p>", "<html>", "<h1>", "&amp;", "\ufeff", "😀", "東京", "é",
]

HTML = ["<html>", "<head>", "<title>", "</title>", "<meta property='og:title' content='", "'>",
        "<script type='application/ld+json'>", '{"@type":"NewsArticle","headline":', "}", "</script>",
        "<article>", "</article>", "<p>", "</p>", "<br>", "<time datetime='2024-01-01'>", "</time>",
        "<div class='byline'>", "</div>", "<!--", "-->", "&#x201c;", "&ldquo;", "&rdquo;", "<", ">", "&"]

story_like = st.lists(st.sampled_from(VOCAB), max_size=120).map("".join)
html_like = st.lists(st.sampled_from(VOCAB + HTML), max_size=150).map(lambda parts: "<html>" + "".join(parts))
any_text = st.text(max_size=400)
mixed = st.one_of(story_like, any_text, html_like,
                  st.tuples(story_like, any_text, story_like).map("".join))

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check_spans(text: str, art: Article) -> None:
    body = art.text
    assert isinstance(body, str)
    if art.source.format == "text":
        # plain text: the record's text is the input (a leading BOM dropped, a lone CR read
        # as LF, same length), one offset space
        want = text[1:] if text.startswith("\ufeff") else text
        assert body == re.sub(r"\r(?!\n)", "\n", want)
    n = len(body)
    for p in art.paragraphs:
        assert 0 <= p.start <= p.end <= n, p
    for q in art.quotes:
        assert 0 <= q.start <= q.end <= n, q
        assert body[q.start:q.end] == q.text, q
        assert q.kind in ("direct", "partial", "mixed", "indirect")
        sp = q.speaker
        if sp is not None and sp.mention_start is not None:
            assert 0 <= sp.mention_start <= (sp.mention_end or sp.mention_start) <= n, sp
        if q.verb_start is not None:
            assert 0 <= q.verb_start <= n, q
    d = art.dateline
    if d.start is not None:
        assert 0 <= d.start <= (d.end if d.end is not None else d.start) <= n, d


@SETTINGS
@given(mixed)
@example("")
@example("\ufeff")
@example("“")
@example("“\n\n“\n\n“")
@example('"' * 500)
@example("“‘“‘deep’”’”")
@example("said " * 200)
@example("“Yes,” he said.\r\n\r\n“No,” she said.\r")
@example("<html><body><p>“Hi,” Ann said.</p></body></html>")
def test_parse_returns_and_spans_lie_inside_the_text(text):
    art = parse(text)
    assert isinstance(art, Article)
    check_spans(text, art)


@SETTINGS
@given(mixed)
def test_parse_is_deterministic(text):
    assert parse(text, path="x.txt").to_dict() == parse(text, path="x.txt").to_dict()


@SETTINGS
@given(mixed)
def test_record_survives_to_dict_and_back(text):
    rec = parse(text).to_dict()
    assert Article.from_dict(rec).to_dict() == rec


@SETTINGS
@given(mixed)
def test_to_dict_is_asdict_and_shares_no_list(text):
    # to_dict is written by hand for speed: it must give exactly what dataclasses.asdict gives
    import dataclasses

    article = parse(text)
    rec = article.to_dict()
    assert rec == dataclasses.asdict(article)
    rec["byline"]["authors"].append("X")
    rec["subheadings"].append("X")
    if rec["quotes"]:
        rec["quotes"][0]["text"] = "changed"
    assert article.to_dict() == dataclasses.asdict(article) != rec


# ------------------------------------------------------------------ the output guards

# any code point, lone surrogates too (file names that are not UTF-8 bring them in)
surrogates = st.integers(0xD800, 0xDFFF).map(chr)
any_chars = st.lists(st.one_of(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), surrogates,
                               st.sampled_from(["\x1b[2J", "\x1b]8;;x\x1b\\", "\r\n", "=", "+", "-", "@"])),
                     max_size=60).map("".join)
UNSAFE_OUT = [chr(c) for c in list(range(0, 9)) + list(range(11, 32)) + list(range(0x7F, 0xA0))] + \
    ["\u061c", "\u200e", "\u200f"] + [chr(c) for c in range(0x202A, 0x202F)] + \
    [chr(c) for c in range(0x2066, 0x206A)]


@SETTINGS
@given(any_chars)
def test_clean_leaves_nothing_a_terminal_would_obey(s):
    from newscli.render import clean

    out = clean(s)
    assert len(out) == len(s)  # one for one: quote offsets still line up
    assert not any(c in out for c in UNSAFE_OUT)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in out)
    out.encode("utf-8")


@SETTINGS
@given(any_chars)
def test_json_output_is_valid_utf8_and_reads_back(s):
    import json

    from newscli.export import dumps

    text = dumps({"text": s, "list": [s]})
    text.encode("utf-8")  # strict
    # JSON reads an escaped high+low surrogate pair as the one character it encodes
    same = s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    assert json.loads(text) == {"text": same, "list": [same]}


@SETTINGS
@given(any_chars)
def test_csv_cells_never_start_a_formula(s):
    from newscli.export import neutralise_cell

    out = neutralise_cell(s)
    assert not out.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert out in (s, "'" + s) or "\ufffd" in out  # kept, or one quote added (surrogates aside)
