"""Saved pages -> text + Layout: one test per metadata source, the body, and hostile markup.

All pages here are small, made up for the tests (no publisher's text).
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from newscli import html as H
from newscli.parser import parse
from newscli.structure import paragraphs


def soup(s: str):
    return H._soup(s)


def page(head: str = "", body: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


STORY = "".join(
    f"<p>Paragraph {i} of the council story, with enough words to look like real prose, "
    f"and a comma or two, as articles have.</p>" for i in range(1, 6))


def ld(obj) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# ---------------------------------------------------------------- step 1: JSON-LD

def test_jsonld_newsarticle_with_author_object():
    m = H.from_jsonld(soup(page(ld({
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Council approves new bridge", "datePublished": "2021-03-04T09:30:00-05:00",
        "dateModified": "2021-03-04T11:00:00-05:00", "articleSection": "Local",
        "author": {"@type": "Person", "name": "Maria Lopez"},
        "publisher": {"@type": "Organization", "name": "The Valley Courier"}}))))
    assert m.headline == "Council approves new bridge"
    assert m.authors == ["Maria Lopez"]
    assert m.site == "The Valley Courier"
    assert m.published == "2021-03-04T09:30:00-05:00"
    assert m.updated == "2021-03-04T11:00:00-05:00"
    assert m.section == "Local"


def test_jsonld_graph_with_author_reference_and_list():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": "https://x.example/#site", "name": "Harbor Notes"},
        {"@type": "Person", "@id": "https://x.example/#p1", "name": "Ann Chu"},
        {"@type": ["BlogPosting"], "headline": "Tide tables, explained",
         "author": [{"@id": "https://x.example/#p1"}, "Ben Ode"], "datePublished": "2019-05-01"}]}
    m = H.from_jsonld(soup(page(ld(graph))))
    assert m.headline == "Tide tables, explained"
    assert m.authors == ["Ann Chu", "Ben Ode"]
    assert m.site == "Harbor Notes"
    assert m.published == "2019-05-01"


def test_jsonld_top_level_list_and_author_string():
    m = H.from_jsonld(soup(page(ld([{"@type": "BreadcrumbList"},
                                     {"@type": "ReportageNewsArticle", "headline": "Floods recede",
                                      "author": "Sam Reed"}]))))
    assert (m.headline, m.authors) == ("Floods recede", ["Sam Reed"])


def test_jsonld_malformed_is_tolerated():
    bad = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Line\nbreak",'
           ' "author": {"name": "Kim Park"},}</script>')
    m = H.from_jsonld(soup(page(bad)))
    assert m.authors == ["Kim Park"]
    assert H.from_jsonld(soup(page('<script type="application/ld+json">{not json</script>'))) == H.Meta()


# ---------------------------------------------------------------- step 2: OpenGraph

def test_opengraph_and_article_tags():
    head = ('<meta property="og:title" content="Rain returns to the plains">'
            '<meta property="og:site_name" content="Prairie Daily">'
            '<meta property="article:published_time" content="2020-06-02T08:00:00+00:00">'
            '<meta property="article:author" content="https://facebook.com/someone">'
            '<meta property="article:section" content="Weather">')
    m = H.from_opengraph(soup(page(head)))
    assert m.headline == "Rain returns to the plains"
    assert m.site == "Prairie Daily"
    assert m.published == "2020-06-02T08:00:00+00:00"
    assert m.section == "Weather"
    assert m.authors == []  # a profile URL is not a name


# ---------------------------------------------------------------- step 3: named meta tags

@pytest.mark.parametrize("name,value,expected", [
    ("author", "Lee Grant", ["Lee Grant"]),
    ("byl", "By Ana Ruiz and Tom Hale", ["Ana Ruiz", "Tom Hale"]),
    ("parsely-author", "Joe Bloggs", ["Joe Bloggs"]),
    ("sailthru.author", "Rita Moreno", ["Rita Moreno"]),
    ("dc.creator", "Ola Nordmann", ["Ola Nordmann"]),
])
def test_meta_name_authors(name, value, expected):
    m = H.from_meta_names(soup(page(f'<meta name="{name}" content="{value}">')))
    assert H.clean_authors(m.authors, "Some Site") == expected


@pytest.mark.parametrize("name,value,day", [
    ("parsely-pub-date", "2018-02-03T10:00:00Z", "2018-02-03"),
    ("sailthru.date", "2017-07-08 12:00:00", "2017-07-08"),
    ("dc.date", "2016-01-31", "2016-01-31"),
    ("date", "Thu, 24 Jul 2015 05:36:09 +0100", "2015-07-24"),
])
def test_meta_name_dates(name, value, day):
    m = H.from_meta_names(soup(page(f'<meta name="{name}" content="{value}">')))
    assert m.published[:10] == day


# ---------------------------------------------------------------- step 4: <time>

def test_time_datetime():
    m = H.from_time(soup(page(body='<p>x</p><time class="entry-date published" datetime="2014-01-22T10:00:00+00:00">'
                                   'January 22, 2014</time><time class="updated" datetime="2014-02-01">x</time>')))
    assert m.published == "2014-01-22T10:00:00+00:00"
    assert m.updated == "2014-02-01"


# ---------------------------------------------------------------- step 5: visible byline and date

def test_visible_byline_and_date():
    body = ('<div class="post-meta"><span class="byline">By Nora Ikeda</span>'
            '<span class="posted-on">Posted on August 2, 2019</span></div>' + STORY)
    m = H.from_visible(soup(page(body=body)))
    assert H.clean_authors(m.authors) == ["Nora Ikeda"]
    assert m.published == "2019-08-02"


# ---------------------------------------------------------------- author cleaning

@pytest.mark.parametrize("raw,expected", [
    (["Email The Author"], []),
    (["Staff"], []),
    (["Prairie Daily"], []),  # the site is the organisation, never an author
    (["Joshua Sokol May 2018"], ["Joshua Sokol"]),
    (["Joshua Sokol May"], ["Joshua Sokol"]),
    (["Joshua Sokol May 20, 2019"], ["Joshua Sokol"]),
    (["Theresa May"], ["Theresa May"]),
    (["Kim Lee, Games Editor"], ["Kim Lee"]),
    (["Games Editor"], []),
    (["Jane Roe", "AFP"], ["Jane Roe"]),
    (["By JANE ROE"], ["Jane Roe"]),
    (["Ann Chu, PhD"], ["Ann Chu"]),
    (["Jane Roe for The Prairie Post"], ["Jane Roe"]),
    (["Jane Roe in Washington and Kim Lee in Seoul"], ["Jane Roe", "Kim Lee"]),
])
def test_clean_authors(raw, expected):
    assert H.clean_authors(raw, "Prairie Daily") == expected


# ---------------------------------------------------------------- dates

def test_dates_never_after_the_pages_own_evidence():
    head = ('<meta property="article:published_time" content="2031-01-01T00:00:00Z">'
            '<meta property="article:modified_time" content="2020-05-05T00:00:00Z">')
    p = H.extract(page(head, STORY + "<footer>© 2020 Prairie Daily</footer>"))
    assert p.layout.published is None  # unsure: null, never wrong


def test_url_date():
    assert H.url_date("https://x.example/2020/09/28/story-slug/") == "2020-09-28"
    assert H.url_date("https://x.example/story-2020") is None


# ---------------------------------------------------------------- body and the whole page

def test_extract_body_skips_boilerplate_and_keeps_offsets():
    html = page(
        '<title>Rain returns | Prairie Daily</title><meta property="og:site_name" content="Prairie Daily">',
        '<nav><a href="/">Home</a><a href="/news">News</a></nav>'
        '<article><h1>Rain returns</h1><div class="byline">By Ana Ruiz</div>'
        '<div class="article-body">' + STORY + '<h2>What comes next</h2>'
        '<figure><img src="x.jpg"><figcaption>A caption that must go.</figcaption></figure>'
        '<p>The last paragraph, also long enough to count as prose, of course.</p></div></article>'
        '<div class="related-stories"><p>Another story you might like, with a long teaser text here.</p></div>'
        '<section id="comments"><p>I disagree with this article, strongly and at length, really.</p></section>'
        '<script>var x = "<p>not text</p>";</script>')
    p = H.extract(html)
    assert p.layout.headline == "Rain returns"
    assert p.layout.byline.authors == ["Ana Ruiz"]
    assert p.layout.byline.organization == "Prairie Daily"
    assert p.layout.subheadings == ["What comes next"]
    assert "caption" not in p.text and "disagree" not in p.text and "might like" not in p.text
    assert "not text" not in p.text
    for para in p.layout.paragraphs:
        assert p.text[para.start:para.end].strip() == p.text[para.start:para.end]
    assert [p.text[x.start:x.end] for x in p.layout.paragraphs if x.kind == "subheading"] == ["What comes next"]
    assert p.text.split("\n\n")[0].startswith("Paragraph 1")


def test_amp_page():
    html = ('<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8">'
            '<title>Harvest fair opens</title><link rel="canonical" href="https://x.example/2022/05/06/fair/">'
            '<style amp-custom>body{}</style></head><body><amp-img src="a.jpg"></amp-img>'
            '<amp-sidebar id="menu" layout="nodisplay"><p>Home, News, Sport, Weather and all the other sections</p>'
            '</amp-sidebar><header class="amp-header"><h1>Harvest fair opens</h1></header>'
            '<div class="amp-article-content">' + STORY + '<amp-ad width="300" height="250" type="x">'
            '<p>Sponsored: a long advertisement paragraph that is not part of the story at all.</p></amp-ad>'
            '</div></body></html>')
    p = H.extract(html)
    assert p.layout.headline == "Harvest fair opens"
    assert p.layout.published == "2022-05-06"
    assert p.text.count("Paragraph") == 5
    assert "Sponsored" not in p.text and "Weather" not in p.text


# ---------------------------------------------------------------- hostile HTML

@pytest.mark.parametrize("html", [
    "",
    "<p>only a paragraph, no html, no head, no body at all, just text of a story.",
    "<html><head><title>T</title></head><p>unclosed <b>bold <i>italic <p>next para </div></span>",
    "<html><body><script>" + "x" * 100000 + "</script><p>After the script.</p></body></html>",
    '<html><head><script type="application/ld+json">' + json.dumps({"@type": "NewsArticle", "headline": "Big",
     "articleBody": "word " * 200000}) + "</script></head><body><p>text</p></body></html>",
    "<html><body>" + "<div>" * 3000 + "<p>deep</p>" + "</div>" * 3000 + "</body></html>",
    "<html><head><title>Only a head</title></head></html>",
], ids=["empty", "no-html", "unclosed", "huge-script", "huge-jsonld", "deep-nesting", "no-body"])
def test_hostile_html_does_not_crash(html):
    p = H.extract(html)
    assert isinstance(p.text, str)
    for para in p.layout.paragraphs:
        assert 0 <= para.start <= para.end <= len(p.text)


def test_parse_routes_html_through_extract():
    art = parse(page('<meta property="og:title" content="Bridge opens">', STORY), path="x.html")
    assert art.source.format == "html"
    assert art.headline == "Bridge opens"
    assert art.text.startswith("Paragraph 1")


# ---------------------------------------------------------------- step 4b: inline JSON state

def test_inline_json_state_date():
    body = ('<script type="application/json">{"review": {"publishedDate": "2016-11-04T20:37:27Z"}}</script>'
            + STORY)
    assert H.from_scripts(soup(page(body=body))).published == "2016-11-04T20:37:27+00:00"


def test_inline_json_state_author_when_every_field_agrees():
    state = ('<script>window.__STATE__ = {"post": {"slug": "bridge-vote", "postedBy": "Nadia Okafor", '
             '"datePosted": "April 13, 2020"}, "share": {"author": "Nadia Okafor"}};</script>')
    m = H.from_scripts(soup(page(body=state + STORY)))
    assert m.authors == ["Nadia Okafor"] and m.published.startswith("2020-04-13")
    assert H.extract(page(body="<h1>Bridge vote</h1>" + state + STORY)).layout.byline.authors == ["Nadia Okafor"]


def test_inline_json_state_naming_several_authors_gives_none():
    state = ('<script type="application/json">{"story": {"author": "Nadia Okafor"}, '
             '"related": [{"author": "Tom Reyes"}, {"authors": ["Ivy Chen"]}]}</script>')
    assert H.from_scripts(soup(page(body=state + STORY))).authors == []


# ---------------------------------------------------------------- visible dates

def test_visible_date_under_the_headline():
    body = "<h1>Top ten trail runs</h1><p>January 22, 2014</p>" + STORY
    assert H._visible_published(soup(page(body=body))) == "2014-01-22"


def test_visible_update_date_is_not_a_publication_date():
    body = '<h1>Replacement buses</h1><p class="lastupdated">Last updated: 13 July 2020</p>' + STORY
    assert H._visible_published(soup(page(body=body))) is None


@pytest.mark.parametrize("line", [
    "Updated 21:22, 6 OCT 2020",
    "Last modified on Wed 16 Jan 2019 06.16 EST",
    "Updated: 10:09am, 20 Jan, 2020",
])
def test_update_label_reaches_past_a_time_or_weekday(line):
    assert H._visible_date(line, published_only=True) is None


GUIDE_HEAD = ld({"@context": "https://schema.org", "@type": "Article", "headline": "How to prune roses",
                 "datePublished": "2016-08-29T21:54:39Z", "dateModified": "2020-10-01T13:23:47Z"})


def test_a_page_showing_only_its_update_date_is_dated_by_it():
    body = ('<article><h1>How to prune roses</h1><div class="author">By Dana Moss '
            '<div class="timestamp">Updated May 06, 2019</div></div>' + STORY + "</article>")
    assert H._visible_updated(soup(page(body=body))) == "2019-05-06"
    assert H.extract(page(GUIDE_HEAD, body)).layout.published == "2019-05-06"


def test_a_shown_publication_date_beats_a_shown_update():
    body = ('<article><h1>How to prune roses</h1><ul class="meta"><li class="meta-date">August 29, 2016</li>'
            '<li class="last-modified">Updated: May 06, 2019</li></ul>' + STORY + "</article>")
    assert H.extract(page(GUIDE_HEAD, body)).layout.published.startswith("2016-08-29")


def test_a_shown_update_does_not_replace_a_machine_date_the_page_also_shows():
    body = ('<article><h1>How to prune roses</h1><div class="timestamp">Updated May 06, 2019</div>'
            + STORY + "<p>This guide first ran on August 29, 2016, and our garden editors have revised it "
            "every spring since, most recently this year.</p></article>")
    assert H._visible_published(soup(page(body=body))) is None  # a sentence, not a date line
    assert H.extract(page(GUIDE_HEAD, body)).layout.published.startswith("2016-08-29")


def test_a_shown_update_does_not_replace_a_publication_date_shown_in_a_form_we_do_not_read():
    body = ('<article><h1>How to prune roses</h1><div class="post-meta">Published 08/29/2016 '
            '<span class="updated">Updated May 06, 2019</span></div>' + STORY + "</article>")
    assert H._visible_updated(soup(page(body=body))) is None
    assert H.extract(page(GUIDE_HEAD, body)).layout.published.startswith("2016-08-29")


@pytest.mark.parametrize("published, shown, ceiling, expected", [
    ("2004-01-01", "2019-06-13", date(2019, 6, 13), "2019-06-13"),  # placeholder creation stamp
    ("2020-10-06T20:22:00+00:00", "2020-10-06", None, "2020-10-06T20:22:00+00:00"),  # same day: keep the time
    ("2019-06-13", "2018-01-01", None, "2019-06-13"),  # an 'update' older than the publication
    ("2016-08-29", "2021-03-01", date(2020, 10, 1), "2016-08-29"),  # past the page's own evidence
    ("2016-08-29", "2019-05-06", None, "2016-08-29"),  # no modification stamp vouches for the update
    (None, "2020-07-13", None, None),  # 'Last updated' on a page with no date: upkeep, not a publication
])
def test_reissued_rule(published, shown, ceiling, expected):
    assert H._reissued(published, shown, ceiling) == expected


def test_dateline_date_in_other_languages():
    assert H._visible_date("Hofheim am Taunus | Wiesbaden, 11. November 2021").date().isoformat() == "2021-11-11"


def test_url_date_with_month_name():
    assert H.url_date("https://news.example/education/2020/oct/02/halls-too-full") == "2020-10-02"


def test_utc_stamp_gives_way_to_the_local_day():
    assert H._prefer_local("2020-02-25T02:25:54+00:00", ["2020-02-24"]) == "2020-02-24"
    assert H._prefer_local("2020-02-25T02:25:54-05:00", ["2020-02-24"]) == "2020-02-25T02:25:54-05:00"


def test_archived_copy_caps_dates_at_its_snapshot():
    html = page('<meta property="article:published_time" content="2012-05-01T10:00:00Z">'
                '<link rel="stylesheet" href="/web/20110106023242cs_/http://clan.example/style.css">', STORY)
    assert H.extract(html).layout.published is None


def test_webpage_dates_are_not_publication_dates():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "About us", "datePublished": "2018-12-18T12:59:10+00:00"}]}
    assert H.from_jsonld(soup(page(ld(graph)))).published is None


# ---------------------------------------------------------------- headline and site

def test_headline_prefers_the_visible_h1_confirmed_by_a_machine_title():
    head = '<meta property="og:title" content="Change Font Size in R | Axis Text &amp; Legend">'
    body = "<h1>Change Font Size in R (5 Examples) | Axis Text &amp; Legend</h1>" + STORY
    assert H.extract(page(head, body)).layout.headline == "Change Font Size in R (5 Examples) | Axis Text & Legend"


def test_headline_ignores_section_glued_to_h1_and_site_logo_h1():
    head = ('<meta property="og:title" content="Brothel raid in the harbor district">'
            '<meta property="og:site_name" content="Harbor Herald">')
    body = "<h1>Harbor Herald</h1><h1>Local News | Brothel raid in the harbor district</h1>" + STORY
    assert H.extract(page(head, body)).layout.headline == "Brothel raid in the harbor district"


def test_organization_from_copyright_and_spaced_site_names():
    assert H._copyright_holder("<p>©2005-2015 WebMD, LLC. All rights reserved.</p>") == "WebMD"
    assert H._spaced_site("HeraldSun", "<a>the Herald Sun</a>") == "Herald Sun"
    assert H._spaced_site("TechCrunch", "<p>TechCrunch</p>") == "TechCrunch"


def test_copyright_holder_is_never_an_author_filter():
    head = '<meta name="author" content="Dana Wu">'
    p = H.extract(page(head, STORY + "<footer><p>© 2019 Dana Wu</p></footer>"))
    assert p.layout.byline.authors == ["Dana Wu"]
    assert p.layout.byline.organization == "Dana Wu"


# ---------------------------------------------------------------- body details

def test_inline_markup_adds_no_spaces_and_double_br_splits():
    body = ('<div class="article-body"><p><span class="drop-cap">W</span>hale watchers met Ana '
            'Nyong<span>\u2019</span>o on the pier, where the boats wait.</p>'
            '<p>First part of a long paragraph about the harbor and its boats.<br><br>'
            'Second part, after a double line break, about the fishermen.</p>' + STORY + '</div>')
    p = H.extract(page("", body))
    paras = [p.text[x.start:x.end] for x in p.layout.paragraphs]
    assert paras[0].startswith("Whale watchers met Ana Nyong\u2019o on the pier")
    assert paras[1] == "First part of a long paragraph about the harbor and its boats."
    assert paras[2].startswith("Second part")


def test_layout_wrapper_named_like_a_sidebar_is_kept():
    body = ('<div class="panel-two-col-sidebar-right"><h1>Council story</h1><div class="text">' + STORY
            + '</div></div><div class="sidebar"><p>Popular now: a long teaser about something else entirely.</p></div>')
    p = H.extract(page("", body))
    assert p.text.count("Paragraph") == 5
    assert "Popular now" not in p.text


def test_page_wrapped_in_a_form_keeps_its_story():
    body = '<form id="aspnetForm" class="mainform"><h1>Cake</h1><div class="story">' + STORY + '</div></form>'
    assert H.extract(page("", body)).text.count("Paragraph") == 5


@pytest.mark.parametrize("line,expected", [
    ("Posted on September 21, 2020 by Adi Tzlil", ["Adi Tzlil"]),
    ("— by Kenneth Surin", ["Kenneth Surin"]),
    ("The server was hacked by Russian Network", []),  # a sentence, not a byline
    ("Photo by Joan Vega", []),  # a credit, not the byline
])
def test_by_lines_in_the_page(line, expected):
    body = f"<h1>Headline here</h1><div><span>{line}</span></div>" + STORY
    assert H.from_visible(soup(page(body=body))).authors == expected


def test_byline_stops_at_the_role_and_affiliation():
    assert H.clean_authors(["Dana Wu, Senior Staff Technologist, Civic Speech, Privacy, and Technology Project"]) \
        == ["Dana Wu"]


def test_comment_authors_are_not_bylines():
    body = (STORY + '<div id="comments"><div class="comment-author vcard"><cite class="fn">Art Vale</cite> '
            '<span class="says">says:</span></div><p>Great post, thanks for writing it.</p></div>')
    assert H.from_visible(soup(page(body=body))).authors == []


def test_masthead_date_is_not_the_articles():
    body = ('<header class="site-header"><span class="date">Friday, November 27, 2026</span></header>'
            '<h1>Old story</h1>' + STORY)
    assert H._visible_published(soup(page(body=body))) is None


def test_story_ends_at_related_heading():
    body = ('<div class="entry-content">' + STORY + '<h3>Related stories</h3>'
            '<p>Another story about the council, with a long teaser text that is not this story.</p></div>')
    p = H.extract(page("", body))
    assert "Another story" not in p.text and p.layout.subheadings == []


def test_promo_box_in_the_middle_of_the_story_is_skipped():
    long = "A paragraph of the story that is long enough to be prose and not a link in a promo box. " * 2
    body = ('<div class="entry-content"><p>' + long + '</p><p>' + long + '</p><h3>Most Read</h3>'
            '<p>Short promo link one</p><p>Short promo link two</p><p>The story resumes here. ' + long + '</p></div>')
    p = H.extract(page("", body))
    assert "promo link" not in p.text and "The story resumes here." in p.text


@pytest.mark.parametrize("first,place,agency,day", [
    ("WASHINGTON (AP) — The Senate voted on Tuesday to pass the measure.", "WASHINGTON", "AP", None),
    ("LONDON, March 5 (Reuters) - Shares rose on Tuesday in early trade.", "LONDON", "Reuters", "2024-03-05"),
    ("RICHMOND, Va. — The city council met late into the night.", "RICHMOND, Va.", None, None),
    ("The council met late into the night, and nobody left early.", None, None, None),
])
def test_dateline_in_the_text(first, place, agency, day):
    text = first + "\n\nSecond paragraph."
    dl = H.find_dateline(text, paragraphs(text), "2024-03-05T10:00:00+00:00")
    assert (dl.place, dl.agency, dl.date) == (place, agency, day)
    if place:
        assert text[dl.start:dl.end] == dl.raw


def test_chrome_above_the_first_paragraph_is_dropped():
    body = ('<div class="story-body"><p>chaos theory</p><p>May 20, 2019</p><p>By Ana Ruiz, MA Health News</p>'
            + STORY + '</div>')
    p = H.extract(page("", body))
    assert p.text.startswith("Paragraph 1")


def test_hatom_published_title():
    body = '<p class="meta">by <span class="author vcard fn">oz</span> on <abbr class="published" ' \
           'title="2006-12-04">December 4, 2006</abbr></p>' + STORY
    assert H.from_time(soup(page(body=body))).published == "2006-12-04"


def test_time_in_comments_is_not_the_articles():
    body = STORY + '<div id="comments"><time datetime="2021-01-01T10:00:00Z">Jan 1</time></div>'
    assert H.from_time(soup(page(body=body))).published is None


# ---------------------------------------------------------------- accuracy gate on the shared gold pages

EVAL = __import__("pathlib").Path(__file__).resolve().parents[1].parent / "shared" / "eval"
FLOORS = {  # pinned a little under the measured figures: a drop below them is a regression
    "structure_html": {"headline": 0.95, "authors": 0.85, "organization": 0.95, "published.date": 0.95},
    "structure_trafilatura": {"headline": 0.85, "authors": 0.80, "published.date": 0.85},
}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_accuracy_gate(corpus, tmp_path):
    import subprocess
    import sys

    gold = EVAL / "dev" / f"{corpus}.jsonl"
    if not gold.exists():
        pytest.skip("shared eval data not present")
    pred = tmp_path / "pred.jsonl"
    with open(gold, encoding="utf-8") as f, open(pred, "w", encoding="utf-8") as out:
        for line in f:
            d = json.loads(line)
            rec = parse(d["raw"], path=f"{d['id']}.html").to_dict()
            rec["id"] = d["id"]
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    r = subprocess.run([sys.executable, str(EVAL / "score.py"), "structure", str(gold), "--pred", str(pred), "--json"],
                       capture_output=True, text=True, check=True)
    acc = json.loads(r.stdout)["accuracy"]
    low = {k: (acc.get(k), floor) for k, floor in FLOORS[corpus].items() if acc.get(k, 0) < floor}
    assert not low, low


def test_jsonld_author_name_list_and_organization_author():
    m = H.from_jsonld(soup(page(ld({"@type": "NewsArticle", "headline": "H",
                                    "author": {"@type": "Person", "name": ["Ann Chu", "Ben Ode"]}}))))
    assert m.authors == ["Ann Chu", "Ben Ode"]
    m = H.from_jsonld(soup(page(ld({"@type": "NewsArticle", "headline": "H",
                                    "author": {"@type": "Organization", "name": "Valley Courier"}}))))
    assert m.authors == [] and m.site == "Valley Courier"


@pytest.mark.parametrize("raw,expected", [
    (["记者：王小明"], ["王小明"]),
    (["محمد علي"], ["محمد علي"]),
    (["María José García"], ["María José García"]),
])
def test_names_in_scripts_without_letter_case(raw, expected):
    assert H.clean_authors(raw) == expected


@pytest.mark.parametrize("first,day", [
    ("Feb. 23, 2015 -- Life-threatening allergies have been on the rise.", "2015-02-23"),
    ("Hofheim am Taunus | Wiesbaden, 11. November 2021", "2021-11-11"),
    ("On March 5, 2019, the company said it would close the plant.", None),
])
def test_leading_date_only_as_a_dateline(first, day):
    assert H._leading_date(first) == day


def test_story_title_element_beats_an_seo_machine_title():
    head = '<meta property="og:title" content="Clever ideas for your small nursery">'
    body = ('<article><h1 class="entry-title">20 Small Nursery Ideas When Space Is Tight + A Free Printable</h1>'
            + STORY + '</article>')
    assert H.extract(page(head, body)).layout.headline == "20 Small Nursery Ideas When Space Is Tight + A Free Printable"
    # a section name in an <h1> outside the story is not the headline
    body = '<h1>Allergies Health Center</h1><div class="article">' + STORY + '</div>'
    assert H.extract(page("<title>Babies who eat peanuts early may avoid allergy</title>", body)).layout.headline \
        == "Babies who eat peanuts early may avoid allergy"


def test_chrome_after_the_story_is_dropped():
    body = ('<div class="article-body">' + STORY + '<p>Reuse this content</p><p>Follow us: Twitter | Facebook</p>'
            '<p>Do you want to hear from us? Sign up here</p></div>')
    p = H.extract(page("", body))
    assert p.text.endswith("as articles have.")


def test_only_h2_h3_are_subheadings():
    body = '<div class="article-body">' + STORY + '<h2>Next steps</h2><h4>Step one</h4>' + STORY + '</div>'
    p = H.extract(page("", body))
    assert p.layout.subheadings == ["Next steps"]
    assert "Step one" in p.text


def test_story_hidden_until_scripts_run_is_kept():
    body = '<div id="app" style="display:none"><article><h1>Hidden at load</h1>' + STORY + '</article></div>' \
           '<div style="display: none"><p>A hidden teaser paragraph that is long enough to count as prose.</p></div>'
    p = H.extract(page("", body))
    assert p.text.count("Paragraph") == 5 and "hidden teaser" not in p.text


def test_citation_authors_in_library_order():
    head = ('<meta name="citation_author" content="Anderson, Michael L.">'
            '<meta name="citation_author" content="Gorry, Devon">')
    m = H.from_meta_names(soup(page(head)))
    assert H.clean_authors(m.authors, lenient=True) == ["Michael L. Anderson", "Devon Gorry"]


def test_machine_title_that_is_only_the_site_name_is_not_the_headline():
    head = '<meta property="og:title" content="Prairie Daily"><meta property="og:site_name" content="Prairie Daily">'
    body = "<h1>Rain returns to the plains after a long drought</h1>" + STORY
    assert H.extract(page(head, body)).layout.headline == "Rain returns to the plains after a long drought"


def test_site_name_that_is_the_page_title_is_ignored():
    head = ('<title>Halls too full to be safe, experts warn</title>'
            '<meta name="application-name" content="Halls too full to be safe, experts warn">')
    p = H.extract(page(head, "<h1>Halls too full to be safe, experts warn</h1>" + STORY))
    assert p.layout.headline == "Halls too full to be safe, experts warn"
    assert p.layout.site is None


def test_deeply_nested_or_unclosed_markup_is_flattened_not_lost():
    from newscli.html import MAX_DEPTH, _soup

    soup = _soup("<html><body>" + "<div>" * (MAX_DEPTH + 50) + "<p>Deep “words,” she said.</p>")
    assert "Deep “words,” she said." in soup.get_text()
    depth, node = 0, soup
    while node.find(True, recursive=False) is not None:
        node, depth = node.find(True, recursive=False), depth + 1
    assert depth <= MAX_DEPTH
