"""Property tests (hypothesis) on parse(): for any text it returns; every span lies inside
the text and text[start:end] is the quote's text; parsing twice gives the same record."""
from __future__ import annotations

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
        # plain text: the record's text is the input (a leading BOM dropped), one offset space
        assert body == (text[1:] if text.startswith("\ufeff") else text)
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
