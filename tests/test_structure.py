"""structure.layout: head (section, headline, teaser, byline, stamps), dateline, paragraphs,
sub-headings and trailer.  Every story here is written for the test, in the shape of the wire
or web copy it stands for."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscli import dates, structure
from newscli.structure import BYLINES, DATELINES, TRAILER, layout, match_dateline, parse_byline


def body(text, lay):
    return [text[p.start:p.end] for p in lay.paragraphs if p.kind == "body"]


# ---------------------------------------------------------------- every table row, on its own example

@pytest.mark.parametrize("rule", DATELINES, ids=lambda r: r.name)
def test_dateline_rows_match_their_example(rule):
    m = rule.rx.match(rule.example)
    assert m, rule.name
    assert match_dateline(rule.example) is not None


def _mandatory_text(pattern: str) -> list[str]:
    """The runs of literal text that every match of pattern holds, case-sensitively (read
    from the regex's parse tree: literals in sequence, groups, the first turn of a repeat)."""
    from re import _constants as c, _parser

    def walk(seq, icase):
        for op, av in seq:
            if op is c.LITERAL and not icase:
                yield chr(av)
            elif op is c.SUBPATTERN:
                yield from walk(av[3], (icase or av[1] & c.SRE_FLAG_IGNORECASE) and not av[2] & c.SRE_FLAG_IGNORECASE)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
                yield None
                yield from walk(av[2], icase)
                yield None
            else:
                yield None  # alternatives, classes, optional parts: nothing certain

    tree = _parser.parse(pattern)
    chars = walk(tree, tree.state.flags & c.SRE_FLAG_IGNORECASE)
    return "".join(ch if ch is not None else "\0" for ch in chars).split("\0")


@pytest.mark.parametrize("rule", [r for r in DATELINES if r.needs], ids=lambda r: r.name)
def test_dateline_rows_hold_what_they_need(rule):
    """A row skipped on a line without its `needs` could not have matched it."""
    assert any(rule.needs in run for run in _mandatory_text(rule.pattern)), rule.name
    assert rule.needs in rule.example


@pytest.mark.parametrize("rule", BYLINES, ids=lambda r: r.name)
def test_byline_rows_read_their_example(rule):
    assert rule.rx.fullmatch(rule.example)
    b = parse_byline(rule.example)
    assert b is not None and (b.authors or b.organization)


@pytest.mark.parametrize("rule", TRAILER, ids=lambda r: r.name)
def test_trailer_rows_match_their_example(rule):
    assert rule.rx.fullmatch(rule.example)


@pytest.mark.parametrize("row", dates.STAMPS, ids=lambda r: r.name)
def test_stamp_rows_read_their_example(row):
    got = dates.parse_stamp_line(row.example)
    assert got is not None and (got["published"] or got["updated"])
    assert dates.stamp_rows_match(row.example) == row.name


# ---------------------------------------------------------------- datelines

@pytest.mark.parametrize("line, place, agency, day", [
    ("WASHINGTON (AP) — The Senate voted 52-48 on Tuesday.", "WASHINGTON", "AP", None),
    ("NEW ORLEANS, La. (AP) — Storm surge flooded the levees.", "NEW ORLEANS, La.", "AP", None),
    ("LONDON, March 5 (Reuters) - Sterling fell against the dollar.", "LONDON", "Reuters", (3, 5)),
    ("PARIS (AFP) - French farmers blocked roads on Monday.", "PARIS", "AFP", None),
    ("NEW YORK, Nov. 19 (UPI) — Stocks opened higher.", "NEW YORK", "UPI", (11, 19)),
    ("(CNN) — The White House said on Monday...", None, "CNN", None),
    ("CNN — (CNN) — The White House said on Monday...", None, "CNN", None),
    ("Hong Kong CNN — Hong Kong (CNN) — The city's leader said...", "Hong Kong", "CNN", None),
    ("Washington CNN — The Senate passed the bill on Tuesday.", "Washington", "CNN", None),
    ("Washington (CNN) — Lawmakers returned to the Capitol.", "Washington", "CNN", None),
    ("NEW YORK (Bloomberg) -- Treasuries rose for a third day.", "NEW YORK", "Bloomberg", None),
    ("RECIFE, Feb 26 - Sugar exports rose in the week to", "RECIFE", None, (2, 26)),
    ("RICHMOND, Calif., March 3 - Chevron Corp said it", "RICHMOND, Calif.", None, (3, 3)),
    ("OSLO, 2 March - Norway's central bank said it", "OSLO", None, (3, 2)),
    ("ST. JOSEPH, Mo. - March 13 - Acme Grain Co said it", "ST. JOSEPH, Mo.", None, (3, 13)),
    ("ENID, Okla., April 1,  - Acme Pipe Co said its", "ENID, Okla.", None, (4, 1)),
    ("MILAN, March 13, Reuter - The lira firmed against the mark", "MILAN", None, (3, 13)),
    ("GRONINGEN, the Netherlands, March 31 - Gas output fell", "GRONINGEN, the Netherlands", None, (3, 31)),
    ("DENVER, April - Acme Mining Corp said it expects", "DENVER", None, None),
    ("CAIRO - Officials said the talks would resume on Sunday", "CAIRO", None, None),
    ("wichita, may 4 - cash wheat bids were higher", "wichita", None, (5, 4)),
    ("NEW YORK, March 5 — Stocks fell in early trading.", "NEW YORK", None, (3, 5)),
    ("ST}LOUIS, March 9 - Acme Shoe Co said it", "ST}LOUIS", None, (3, 9)),
    ("RPT --BREMEN, West Germany, March 30 - Acme AG said", "RPT --BREMEN, West Germany", None, (3, 30)),
    ("Rio de Janeiro, March 5 - Coffee prices rose", "Rio de Janeiro", None, (3, 5)),
    ("New york, March 2 - Acme Corp said", "New york", None, (3, 2)),
    ("THE HAGUE, March 2 - Dutch output rose", "THE HAGUE", None, (3, 2)),
    ("The Hague, March 2 - Dutch output rose", "The Hague", None, (3, 2)),
    ("BERLIN (dpa) - German exports rose in March.", "BERLIN", "dpa", None),
    ("BEIJING, March 5 (Xinhua) -- China's exports grew.", "BEIJING", "Xinhua", (3, 5)),
])
def test_dateline_place_agency_day(line, place, agency, day):
    got = match_dateline(line)
    assert got is not None
    rule, m = got
    g = m.groupdict()
    assert structure._clean_place(g.get("place")) == place
    assert g.get("agency") == agency
    assert (dates.read_day(g["date"])[:2] if g.get("date") and dates.read_day(g["date"]) else None) == day


@pytest.mark.parametrize("line", [
    "WASHINGTON is a state in the Pacific Northwest.",
    "By the time she arrived, the polls had closed.",
    "The company said sales rose 5 pct in the quarter.",
    "Shr loss three cts vs profit one ct",
    "President Biden said on Tuesday that talks would go on.",
    "March sales rose sharply, the company said.",
    "The company said on Tuesday, March 5 - a date it had set - that sales rose.",
    "Sales rose sharply, March 5 - the best day of the year.",
    "ACME CORP, which said on Tuesday, March 5 - its record day - that sales rose.",
])
def test_body_sentences_are_no_datelines(line):
    assert match_dateline(line) is None


def test_dateline_year_from_the_stamp_and_window():
    ref = dates.date(1987, 2, 26)
    assert dates.resolve_day(2, 26, None, ref).isoformat() == "1987-02-26"
    assert dates.resolve_day(2, 27, None, ref).isoformat() == "1987-02-27"  # Asia runs a day ahead
    assert dates.resolve_day(5, 18, None, ref) is None  # not within a week: a typo, not a date
    assert dates.resolve_day(12, 30, None, dates.date(1988, 1, 2)).isoformat() == "1987-12-30"
    assert dates.resolve_day(3, 5, None, None) is None
    assert dates.read_day("Narch 2") == (3, 2, None)  # one typo in a month name
    assert dates.read_day("March 2O") is None and dates.read_day("Apri l7") is None


# ---------------------------------------------------------------- bylines

@pytest.mark.parametrize("line, authors, org", [
    ("By Jane Doe", ["Jane Doe"], None),
    ("By JANE DOE and JOHN ROE, Associated Press", ["Jane Doe", "John Roe"], "Associated Press"),
    ("By Jane Doe | Reuters", ["Jane Doe"], "Reuters"),
    ("By Jane Doe | Staff Writer", ["Jane Doe"], None),
    ("Jane Doe, CNN", ["Jane Doe"], "CNN"),
    ("By AP Staff", [], "AP"),
    ("By Jane Doe, AP Business Writer", ["Jane Doe"], "AP"),
    ("by Pat Smith, Reuter", ["Pat Smith"], "Reuters"),
    ("By Alan Grey Reuters", ["Alan Grey"], "Reuters"),
    ("By RITA HOLLOWAY and MARCUS BELL Associated Press", ["Rita Holloway", "Marcus Bell"], "Associated Press"),
    ("By Mary O'Neill and Sean MacDonald, Reuters", ["Mary O'Neill", "Sean MacDonald"], "Reuters"),
    ("By Kim Ha-eun, Reuters", ["Kim Ha-eun"], "Reuters"),
    ("By Ana de la Cruz", ["Ana de la Cruz"], None),
    ("By Jane Doe, Staff Writer, The Boston Globe", ["Jane Doe"], "The Boston Globe"),
    ("By Jane Doe, The Boston Globe Staff", ["Jane Doe"], "The Boston Globe"),
    ("By Léa MARCHAND", ["Léa Marchand"], None),
    ("By Søren Ødegård and Łukasz Żak, Reuters", ["Søren Ødegård", "Łukasz Żak"], "Reuters"),
    ("By Jane Doe, John Roe and Ann Poe", ["Jane Doe", "John Roe", "Ann Poe"], None),
])
def test_bylines(line, authors, org):
    b = parse_byline(line)
    assert b is not None
    assert b.authors == authors
    assert b.organization == org


@pytest.mark.parametrize("line", [
    "By the time she arrived, the polls had closed.",
    "By Wednesday night the storm had passed.",
    "By contrast, exports fell 3 pct.",
    "By 2030 the plant will run on hydrogen.",
    "Smith, Jones and Brown agreed.",
])
def test_no_byline_in_prose(line):
    assert parse_byline(line) is None
    lay = layout(f"Storm hits the coast\n\n{line}\n\nMore rain is expected on Wednesday.\n")
    assert lay.byline.authors == [] and lay.byline.organization is None
    assert body(f"Storm hits the coast\n\n{line}\n\nMore rain is expected on Wednesday.\n", lay)[0] == line


_LOWER = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10)
_WORDS = st.lists(_LOWER, min_size=1, max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(first=_LOWER, rest=_WORDS, end=st.sampled_from([".", ",", "", " said."]))
def test_property_by_sentences_are_no_bylines(first, rest, end):
    assert parse_byline(f"By {first} {rest}{end}") is None
    assert parse_byline(f"By the {first} {rest}{end}") is None


@settings(max_examples=300, deadline=None)
@given(word=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=12), rest=_WORDS,
       verb=st.sampled_from(["is", "was", "said", "has", "will"]))
def test_property_caps_sentences_are_no_datelines(word, rest, verb):
    assert match_dateline(f"{word} {verb} {rest}.") is None
    lay = layout(f"Headline here\n\n{word} {verb} {rest}.\n")
    assert lay.dateline.place is None


# ---------------------------------------------------------------- whole stories

CNN_WEB = """World

Ships reroute as Red Sea attacks widen

(CNN) — Shipping companies are sending vessels around Africa as attacks on merchant traffic spread, adding weeks to voyages.

Updated 10:05 AM EST, Tue March 5, 2024

By
Jane Doe
and
John Roe, CNN
CNN — (CNN) — Shipping companies are sending vessels around Africa as attacks on merchant traffic spread, adding weeks to voyages.

Insurers have raised premiums for ships crossing the strait, brokers said on Monday. “We have never seen rates move this fast,” one broker said.

What owners say

Owners say the detour adds about ten days to a trip from Asia to Europe, and the extra fuel costs are passed on to customers.

“It is the only safe choice we have,” said the chief executive of a Danish line.

© 2024 Cable News Network, Inc. All rights reserved.
"""


def test_cnn_web_copy():
    lay = layout(CNN_WEB)
    assert lay.section == "World"
    assert lay.headline == "Ships reroute as Red Sea attacks widen"
    assert lay.teaser.startswith("(CNN) — Shipping companies")
    assert lay.byline.authors == ["Jane Doe", "John Roe"] and lay.byline.organization == "CNN"
    assert lay.dateline.agency == "CNN" and lay.dateline.place is None
    assert CNN_WEB[lay.dateline.start:lay.dateline.end] == lay.dateline.raw == "CNN — (CNN) —"
    assert lay.updated == "2024-03-05T10:05:00-05:00" and lay.published is None
    paras = body(CNN_WEB, lay)
    assert paras[0].startswith("Shipping companies are sending")
    assert paras[-1].startswith("“It is the only safe choice")
    assert lay.subheadings == ["What owners say"]
    assert lay.trailer == ["© 2024 Cable News Network, Inc. All rights reserved."]
    assert [p.kind for p in lay.paragraphs[:3]] == ["headline", "teaser", "body"]


AP_STORY = """Senate passes stopgap spending bill hours before shutdown deadline

By JANE DOE and JOHN ROE, Associated Press

WASHINGTON (AP) — The Senate passed a stopgap spending bill late Friday, sending it to the president hours before a partial government shutdown.

The vote was 77-13. “We did our job,” the majority leader said.

Advertisement

The measure keeps agencies open through March 8.

___

Associated Press writer Ann Poe in New York contributed to this report.
"""


def test_ap_story():
    lay = layout(AP_STORY)
    assert lay.headline.startswith("Senate passes stopgap")
    assert lay.byline.authors == ["Jane Doe", "John Roe"]
    assert lay.byline.organization == "Associated Press"
    assert lay.byline.contributors == ["Ann Poe"]
    assert (lay.dateline.place, lay.dateline.agency) == ("WASHINGTON", "AP")
    paras = body(AP_STORY, lay)
    assert paras[0].startswith("The Senate passed") and paras[-1].startswith("The measure keeps")
    assert "Advertisement" in lay.trailer and "___" in lay.trailer
    assert lay.trailer[-1].startswith("Associated Press writer Ann Poe")
    assert lay.subheadings == []


REUTERS_NEW = """UK factory output falls for third month

By Jane Doe

LONDON, March 5 (Reuters) - British factory output fell for a third month in January, official figures showed on Tuesday.

Economists polled by Reuters had expected a small rise.

(Reporting by Jane Doe; Additional reporting by John Roe in Paris; Editing by Ann Poe)
"""


def test_reuters_new_style():
    lay = layout(REUTERS_NEW)
    assert lay.byline.authors == ["Jane Doe"]
    assert lay.byline.organization == "Reuters"  # from the dateline's agency
    assert lay.byline.contributors == ["John Roe", "Ann Poe"]  # not the author again
    assert (lay.dateline.place, lay.dateline.agency, lay.dateline.date) == ("LONDON", "Reuters", None)
    assert body(REUTERS_NEW, lay)[-1] == "Economists polled by Reuters had expected a small rise."


def test_reuters_new_style_date_from_stamp():
    text = "Published 3:32 PM ET, Mon March 4, 2024\n\n" + REUTERS_NEW.split("\n\n", 1)[1]
    lay = layout(text)
    assert lay.published == "2024-03-04T15:32:00-05:00"
    assert lay.dateline.date == "2024-03-05"


WIRE_1987 = """26-FEB-1987 15:07:13.72
COMPANY SEES HIGHER SALES - CHAIRMAN

By Pat Smith, Reuters

RICHMOND, Calif., Feb 26 - Acme Widget Corp expects sales to
rise about ten pct this year, chairman John Brown said.
    He told analysts the company would add two plants in the
second half.
    Brown said margins would hold.
 Reuter
"""


def test_wire_1987():
    lay = layout(WIRE_1987)
    assert lay.published == "1987-02-26T15:07:13"
    assert lay.headline == "COMPANY SEES HIGHER SALES - CHAIRMAN"
    assert lay.byline.authors == ["Pat Smith"] and lay.byline.organization == "Reuters"
    assert lay.dateline.place == "RICHMOND, Calif."
    assert lay.dateline.date == "1987-02-26"
    paras = body(WIRE_1987, lay)
    assert paras[0].startswith("Acme Widget Corp expects")
    assert len(paras) == 3 and paras[-1] == "Brown said margins would hold."
    assert lay.trailer == ["Reuter"]


def test_wire_1987_without_byline_or_signoff():
    text = "2-MAR-1987 09:57:01.54\nSHIPPERS SEE SLOWER TRADE\n\nTOKYO, March 2 - Japanese shippers expect\nslower trade.\n"
    lay = layout(text)
    assert lay.byline.authors == [] and lay.byline.organization == "Reuters"  # the feed's stamp
    assert lay.dateline.place == "TOKYO" and lay.dateline.date == "1987-03-02"


def test_wire_headline_with_dash_and_date_is_still_the_headline():
    text = "5-MAR-1987 10:01:02.03\nCANAL TOLLS TO RISE JUNE 1 - AUTHORITY\n\nCOLON, March 5 - The toll rise\ntakes effect.\n Reuter\n"
    lay = layout(text)
    assert lay.headline == "CANAL TOLLS TO RISE JUNE 1 - AUTHORITY"
    assert lay.dateline.place == "COLON"


def test_stamp_lines():
    got = dates.parse_stamp_line("Posted 10:05 AM EST, Tue March 5, 2024 Updated 1:15 PM EST, Tue March 5, 2024")
    assert got["published"] == "2024-03-05T10:05:00-05:00" and got["updated"] == "2024-03-05T13:15:00-05:00"
    assert dates.parse_stamp_line("Published 3:32 PM ET, Mon July 1, 2024")["published"] == "2024-07-01T15:32:00-04:00"
    assert dates.parse_stamp_line("March 5, 2024 at 10:05 a.m. EST")["published"] == "2024-03-05T10:05:00-05:00"
    assert dates.parse_stamp_line("June 3, 2024 at 9:00 a.m. BST")["published"] == "2024-06-03T09:00:00+01:00"
    assert dates.parse_stamp_line("2024-03-05T10:05:00Z")["published"] == "2024-03-05T10:05:00+00:00"
    bare = dates.parse_stamp_line("Posted Updated")
    assert (bare["published"], bare["updated"], bare["bare"]) == (None, None, ["posted", "updated"])
    assert dates.parse_stamp_line("31-MAR-1987 605:12:19.12")["published"] == "1987-03-31"
    assert dates.parse_stamp_line("Tue 5 Mar 2024 10.05 GMT")["published"] == "2024-03-05T10:05:00+00:00"
    assert dates.parse_stamp_line("Mar. 5, 2024, 10:05 a.m. ET")["published"] == "2024-03-05T10:05:00-05:00"
    assert dates.parse_stamp_line("Last updated on 5 March 2024")["updated"] == "2024-03-05"
    assert dates.parse_stamp_line("The deal closed on March 5, 2024 at noon.") is None


def test_plain_story_without_metadata():
    text = "Fed holds rates steady\n\nThe Federal Reserve held rates steady on Wednesday.\n\nIt said inflation had eased.\n"
    lay = layout(text)
    assert lay.headline == "Fed holds rates steady"
    assert lay.byline.authors == [] and lay.byline.organization is None
    assert lay.dateline.place is None and lay.published is None
    assert body(text, lay) == ["The Federal Reserve held rates steady on Wednesday.", "It said inflation had eased."]


def test_headline_ending_in_a_full_stop():
    text = ("O'Malley campaign to shift staff, resources to Iowa.\n\n"
            "DALLAS (AP) — Democratic presidential candidate Martin O'Malley is shifting staff to Iowa.\n")
    lay = layout(text)
    assert lay.headline == "O'Malley campaign to shift staff, resources to Iowa."
    assert lay.paragraphs[0].kind == "headline"
    assert (lay.dateline.place, lay.dateline.agency) == ("DALLAS", "AP")
    short_lede = "The Fed held rates.\n\nIt said so.\n"
    assert layout(short_lede).headline is None


def test_prose_only_has_no_headline():
    text = "The Federal Reserve held rates steady on Wednesday, citing cooling inflation.\n\nMarkets rose.\n"
    lay = layout(text)
    assert lay.headline is None
    assert body(text, lay)[0].startswith("The Federal Reserve")


def test_boilerplate_inside_body():
    text = ("Headline words here\n\nFirst paragraph of the story, long enough to be prose.\n\n"
            "Related: Another story about something else\n\n"
            "Protesters march near the Capitol. (AP Photo/Jane Doe)\n\n"
            "Follow Jane Doe on Twitter at @janedoe\n\nLast paragraph of the story.\n")
    lay = layout(text)
    assert body(text, lay) == ["First paragraph of the story, long enough to be prose.", "Last paragraph of the story."]
    assert len(lay.trailer) == 3


@pytest.mark.parametrize("line, boiler", [
    ("Protesters march near the Capitol. (AP Photo/Jane Doe)", True),
    ("A trader works on the floor of the exchange. (Jane Doe/Getty Images)", True),
    ("Smoke rises over the city. (Photo: Jane Doe)", True),
    ("The deal was first reported by the wire (Reuters reported it last week)", False),
    ("Sales rose (AP and Reuters both carried the figures)", False),
])
def test_photo_captions(line, boiler):
    assert (structure._trailer_rule(line, tail=False) is not None) is boiler


def test_copyright_word_in_prose_is_body():
    text = "Court rules on copyright case\n\nThe court said the copyright had expired.\n"
    lay = layout(text)
    assert lay.headline == "Court rules on copyright case"
    assert body(text, lay) == ["The court said the copyright had expired."]


def test_crlf_and_offsets():
    text = WIRE_1987.replace("\n", "\r\n")
    lay = layout(text)
    assert lay.headline == "COMPANY SEES HIGHER SALES - CHAIRMAN"
    for p in lay.paragraphs:
        assert text[p.start:p.end] == text[p.start:p.end].strip()


# ---------------------------------------------------------------- the seed story (in shared/, not copied)

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_3c7304398b227de1.txt"
SEED_GOLD = SHARED / "eval" / "dev" / "structure_seed.jsonl"


@pytest.mark.skipif(not (SEED.exists() and SEED_GOLD.exists()), reason="shared seed not present")
def test_seed_story_matches_its_gold():
    """Every annotated field of the seed, compared with the gold file read at run time."""
    import json

    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8").splitlines()[0])
    text = SEED.read_text(encoding="utf-8")
    lay = layout(text)
    assert lay.section == gold["section"]
    assert lay.headline == gold["headline"]
    assert lay.byline.authors == gold["authors"] and lay.byline.organization == gold["organization"]
    assert {"place": lay.dateline.place, "agency": lay.dateline.agency, "date": lay.dateline.date} == gold["dateline"]
    assert lay.published == gold["published"]
    assert lay.subheadings == gold["subheadings"]
    paras = body(text, lay)
    assert paras[0].startswith(gold["first_paragraph_starts"])
    assert paras[-1].startswith(gold["last_paragraph_starts"])
    assert len(lay.trailer) == gold["copyright_lines"]


# ---------------------------------------------------------------- robustness

@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AB.,-—()\n\t:|©0123456789ByReuter")), max_size=400))
def test_property_paragraphs_are_ordered_spans(text):
    lay = layout(text)
    last = 0
    for p in lay.paragraphs:
        assert 0 <= p.start < p.end <= len(text)
        if p.kind != "teaser":
            assert p.start >= last
            last = p.end
    if lay.dateline.start is not None:
        assert text[lay.dateline.start:lay.dateline.end] == lay.dateline.raw


@pytest.mark.parametrize("text", [
    "A" * 5_000_000,
    ("WASHINGTON " * 500_000),
    "By " + "Jane " * 1_000_000,
    "x\n" * 1_000_000,
    "(" * 2_000_000,
], ids=["5MB-one-line", "caps-words", "by-names", "1M-lines", "parens"])
def test_linear_time_on_pathological_input(text):
    t = time.perf_counter()
    layout(text)
    assert time.perf_counter() - t < 3.0


def test_short_lines_after_the_headline_are_not_lost():
    text = ("Mayor blasts plan over 'road tax' idea.\n\n"
            "The mayor has a word for the council's plan to toll every bridge: No.\n\n"
            "She called the plan \"absurd.\"\n\n"
            "\"Nobody voted for this,\" she said at a news conference on Tuesday afternoon.\n")
    lay = layout(text)
    assert lay.headline == "Mayor blasts plan over 'road tax' idea." and lay.teaser is None
    assert body(text, lay) == [x.strip() for x in text.split("\n\n")[1:4]]
    covered = "".join(text[p.start:p.end] for p in lay.paragraphs)
    assert "toll every bridge" in covered and "absurd" in covered


def test_mojibake_is_no_copyright_sign():
    line = "It's a clicha\u0303\u00a9 that an armed society is a polite society."
    assert structure._trailer_rule(line, tail=True) is None
    assert structure._trailer_rule("© 2024 Example News Ltd", tail=True).name == "copyright"


def test_web_copy_with_label_and_time_on_separate_lines():
    text = ("Business\n\nChipmaker shares jump on record orders\n\nBy Jane Doe, CNN\n\n4 minute read\n\n"
            "Published\n3:32 PM EST, Mon February 26, 2024\n\nUpdated\n5:01 PM EST, Mon February 26, 2024\n\n"
            "Link Copied!\n\nNew York (CNN) — Shares of the chipmaker jumped 9% on Monday after it reported record orders.\n\n"
            "Analysts said demand would last into next year.\n")
    lay = layout(text)
    assert lay.section == "Business" and lay.headline == "Chipmaker shares jump on record orders"
    assert lay.published == "2024-02-26T15:32:00-05:00" and lay.updated == "2024-02-26T17:01:00-05:00"
    assert (lay.dateline.place, lay.dateline.agency) == ("New York", "CNN")
    assert body(text, lay)[0].startswith("Shares of the chipmaker")
    assert "4 minute read" in lay.trailer and "Link Copied!" in lay.trailer


def test_teaser_then_web_chrome_then_byline():
    text = ("Storm knocks out power to thousands\n\n"
            "Crews worked through the night to restore power after winds toppled lines across the county.\n\n"
            "Link Copied!\n\nBy Jane Doe, CNN\n\n"
            "Atlanta (CNN) — Crews worked through the night to restore power after winds toppled lines.\n\n"
            "Advertisement\n\nMore than 40,000 homes were still dark on Tuesday, the utility said.\n")
    lay = layout(text)
    assert lay.teaser.startswith("Crews worked through the night")
    assert lay.byline.authors == ["Jane Doe"]
    assert (lay.dateline.place, lay.dateline.agency) == ("Atlanta", "CNN")
    assert body(text, lay) == ["Crews worked through the night to restore power after winds toppled lines.",
                               "More than 40,000 homes were still dark on Tuesday, the utility said."]
    assert lay.trailer == ["Link Copied!", "Advertisement"]


def test_wire_headline_runs_into_the_dateline():
    text = "26-FEB-1987 15:01:01.79\nSUGAR REVIEW\nRECIFE, Feb 26 - Rains continued in\nthe cane belt.\n Reuter\n"
    lay = layout(text)
    assert lay.headline == "SUGAR REVIEW"
    assert (lay.dateline.place, lay.dateline.date) == ("RECIFE", "1987-02-26")
    assert body(text, lay) == ["Rains continued in\nthe cane belt."]


@pytest.mark.parametrize("line, is_heading", [
    ("What owners say", True),
    ("The mayor dismissed the plan as ‘delusional’", True),
    ("What Happens Next?", True),
    ("Come again?", False),
    ("TAPPER: Do you think he has campaigned as a healer?", False),
    ("Q: Is he conservative?", False),
    ("Her novel is a comedy in the style of ''Bridget Jones's Diary.''", False),
    ("12", False),
])
def test_subheadings(line, is_heading):
    prose = "The council met for five hours on Tuesday and voted to approve the budget."
    text = f"Council passes budget\n\n{prose}\n\n{line}\n\n{prose}\n"
    lay = layout(text)
    assert (lay.subheadings == [line]) is is_heading
    assert sum(p.kind in ("body", "subheading") for p in lay.paragraphs) == 3


@pytest.mark.parametrize("line, names", [
    ("Associated Press writers Ann Poe in Paris and John Roe in Berlin contributed to this report.", ["Ann Poe", "John Roe"]),
    ("(Reporting by Ann Poe and Bob Loe in Paris; Editing by Tim Fox)", ["Ann Poe", "Bob Loe", "Tim Fox"]),
    ("Contributing: Ann Poe, USA TODAY; The Associated Press", ["Ann Poe"]),
    ("Bob Loe contributed reporting from Kyiv.", ["Bob Loe"]),
])
def test_contributors_from_the_tail(line, names):
    text = f"Headline here now\n\nBy Jane Doe\n\nWASHINGTON (AP) — The first paragraph.\n\nThe second one.\n\n{line}\n"
    lay = layout(text)
    assert lay.byline.authors == ["Jane Doe"]
    assert lay.byline.contributors == names
    assert lay.trailer == [line]
    assert body(text, lay) == ["The first paragraph.", "The second one."]


@pytest.mark.parametrize("first, second, section, headline", [
    ("Political News", "Senate passes the stopgap spending bill", "Political News", "Senate passes the stopgap spending bill"),
    ("Middle East", "Talks resume in Cairo", "Middle East", "Talks resume in Cairo"),
    ("EXCLUSIVE", "Inside the race for the new chip plant", "EXCLUSIVE", "Inside the race for the new chip plant"),
    ("Fed Holds Rates", "Inflation remains above target as officials wait", None, "Fed Holds Rates"),
])
def test_section_or_headline(first, second, section, headline):
    text = f"{first}\n\n{second}\n\nBy Jane Doe\n\nThe central bank said on Wednesday that it would wait.\n"
    lay = layout(text)
    assert (lay.section, lay.headline) == (section, headline)


def test_headline_and_deck_above_a_dateline():
    text = ("Mayor 'glad to finish' fight with council.\n\n"
            "After months of calm, the two are now sparring.\n\n"
            "SPRINGFIELD, Ill. - Mayor Ann Poe kept up her attack on the city council on Saturday, "
            "calling its budget plan reckless.\n\n\"This is not a serious plan,\" she said.\n")
    lay = layout(text)
    assert lay.headline == "Mayor 'glad to finish' fight with council."
    assert lay.teaser == "After months of calm, the two are now sparring."
    assert lay.dateline.place == "SPRINGFIELD, Ill."
    assert body(text, lay)[0].startswith("Mayor Ann Poe kept up")
    assert [p.kind for p in lay.paragraphs][:3] == ["headline", "teaser", "body"]


def test_headline_with_abbreviations():
    text = "Deficit to grow in '16 as U.S. ages.\n\nWASHINGTON -- The budget office said on Tuesday that the deficit would grow.\n"
    lay = layout(text)
    assert lay.headline == "Deficit to grow in '16 as U.S. ages."
    assert lay.dateline.place == "WASHINGTON"


@pytest.mark.parametrize("raw, want", [
    ("RITA HOLLOWAY", "Rita Holloway"), ("Léa MARCHAND", "Léa Marchand"), ("MJ Lee", "MJ Lee"),
    ("SEAN O'NEIL", "Sean O'Neil"), ("JEAN-PAUL DUBOIS", "Jean-Paul Dubois"), ("Ian McDONALD", "Ian McDONALD"),
])
def test_shouted_byline_names_are_written_as_names(raw, want):
    from newscli.structure import name_case

    assert name_case(raw) == want
    assert parse_byline(f"By {raw}, Associated Press").authors == [want]
