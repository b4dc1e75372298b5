"""Reported speech: indirect and mixed quotes (newscli.reported)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscli import reported
from newscli.models import Quote, Speaker
from newscli.structure import paragraphs as split_paragraphs


def run(text: str, marked: list[Quote] | None = None) -> list[Quote]:
    return reported.find_reported(text, split_paragraphs(text), marked or [])


def content(text: str, quotes: list[Quote], kind: str = "indirect") -> list[str]:
    return [q.text for q in quotes if q.kind == kind]


@pytest.mark.parametrize("rule", reported.RULES, ids=[r.name for r in reported.RULES])
def test_every_rule_fires_on_its_example(rule):
    qs = run(rule.example)
    got = [(q.rule, q.text) for q in qs]
    assert (rule.name, rule.content) in got, got
    for q in qs:
        assert rule.example[q.start:q.end] == q.text
        assert q.speaker and q.speaker.mention
        assert rule.example[q.speaker.mention_start:q.speaker.mention_end] == q.speaker.mention


CASES = [
    # text, expected content, expected mention
    ("Senator Jane Holt said that the bill would not pass this year.",
     "that the bill would not pass this year", "Senator Jane Holt"),
    ("The mayor told reporters on Monday the budget was balanced.",
     "the budget was balanced", "The mayor"),
    ("Police said Tuesday the driver had been drinking.",
     "the driver had been drinking", "Police"),
    ("The plant will close in March, the company said in a statement.",
     "The plant will close in March", "the company"),
    ("But the talks have stalled, two diplomats familiar with the negotiations said.",
     "the talks have stalled", "two diplomats familiar with the negotiations"),
    ("The governor, a Democrat in her second term, said she would veto the measure.",
     "she would veto the measure", "The governor, a Democrat in her second term"),
    ("According to the report, unemployment fell to 4 percent in May.",
     "unemployment fell to 4 percent in May", "the report"),
    ("Unemployment fell to 4 percent in May, according to the Labor Department.",
     "Unemployment fell to 4 percent in May", "the Labor Department"),
    ("The strike could last weeks, said Tom Reyes, a union organizer.",
     "The strike could last weeks", "Tom Reyes"),
    ("Clinton believes the trade deal would cost American jobs.",
     "the trade deal would cost American jobs", "Clinton"),
    ("A new poll shows the race tightening in Ohio.",
     "the race tightening in Ohio", "A new poll"),
    ("The senator criticized the plan, saying it would raise taxes on the middle class.",
     "it would raise taxes on the middle class", "The senator"),
    ("Maria Ortiz, 54, of Tucson, Ariz., said she would vote for the first time.",
     "she would vote for the first time", "Maria Ortiz, 54, of Tucson, Ariz."),
    ("The county's election director, Paul Grant, said the ballots were counted twice.",
     "the ballots were counted twice", "The county's election director, Paul Grant"),
    ("The mayor said in a radio interview on Sunday that the bridge would reopen in May.",
     "that the bridge would reopen in May", "The mayor"),
    ("The reporter asked the governor whether he would sign the bill.",
     "whether he would sign the bill", "The reporter"),
    ("Voters rejected the levy, which officials said would have paid for two new schools.",
     "would have paid for two new schools", "officials"),
    ("People briefed on the talks said the deal could be signed within days.",
     "the deal could be signed within days", "People briefed on the talks"),
    ("Nearly 40 percent say they have not decided whom to support.",
     "they have not decided whom to support", "Nearly 40 percent"),
    ("The bill would raise taxes on the middle class, as critics have noted.",
     "The bill would raise taxes on the middle class", "critics"),
    ("The governor is telling voters in Ohio that the tax will fall next year.",
     "that the tax will fall next year", "The governor"),
    ("One investor, who declined to be named, said the bonds had fallen sharply.",
     "the bonds had fallen sharply", "One investor"),
    ("Maria Diaz, who runs a bakery on Main Street, said she closed early on Friday.",
     "she closed early on Friday", "Maria Diaz"),
    ("Unemployment fell to 4 percent in May, the lowest level in a decade, according to the Labor Department.",
     "Unemployment fell to 4 percent in May, the lowest level in a decade", "the Labor Department"),
    # "but" + a speech verb opens the subject's next report, not more of this one
    ("The mayor said the budget was balanced but warned that reserves were running thin.",
     "the budget was balanced", "The mayor"),
    ("Ms. Lopez said the clinic would stay open but conceded that staff were hard to find.",
     "that staff were hard to find", "Ms. Lopez"),
    # the writer's gloss on the remark is not part of it
    ("Perez said the city would not back down on the zoning plan, a swipe at the developers who sued.",
     "the city would not back down on the zoning plan", "Perez"),
    ("The union said the deal fell short of its demands, in an apparent reference to the pension cuts.",
     "the deal fell short of its demands", "The union"),
]


@pytest.mark.parametrize("text", [
    "Don't believe them.",                                      # an imperative has no speaker
    "The investments are a tiny part of his reported net worth.",  # "reported" as an adjective
    "He was told to leave the building.",                       # a passive names no speaker
    "Clinton has a larger say than other candidates.",          # "say" as a noun
    "\u201cWe are ready,\u201d the minister told state radio.",      # the person told, no content
    "\u201cWe are sorry,\u201d he said in a statement posted online.",  # the adverbial goes on
    "Asked about the union\u2019s reports, the mayor did not answer.",  # "reports" as a noun
    "February truck production declined to 128 units from 410.",  # a fall, not a refusal
])
def test_not_reported_speech(text):
    assert [q.text for q in run(text) if q.kind == "indirect"] == []


def test_opener_is_not_content():
    text = "On Thursday, the club announced that it would close."
    assert [q.text for q in run(text)] == ["that it would close"]


def test_colon_speaker_headline():
    text = "Rubio: Trump cannot be trusted with the nuclear codes\n\nMarco Rubio said on Sunday that he stood by his words."
    qs = run(text)
    assert qs[0].text == "Trump cannot be trusted with the nuclear codes"
    assert qs[0].speaker.mention == "Rubio"


def test_colon_list_is_not_speech():
    text = "Nevada: Adam Diaz, Beth Ng, Carl Ortiz, Dana Wu, Eli Moss and Fay Lee."
    assert run(text) == []


@pytest.mark.parametrize("text,want,mention", CASES)
def test_indirect(text, want, mention):
    qs = run(text)
    got = [(q.text, q.speaker.mention) for q in qs if q.kind == "indirect"]
    assert any(w == want and mention in m for w, m in got), got


def test_split_by_attribution_gives_two_quotes():
    text = "The ban will start in May, the minister said, and will cover all imports from the region."
    qs = run(text)
    assert [q.text for q in qs] == ["The ban will start in May", "and will cover all imports from the region"]
    assert {q.speaker.mention for q in qs} == {"the minister"}


@pytest.mark.parametrize("text,title,flags", [
    ("The strike could last weeks, said Tom Reyes, a union organizer.", "union organizer", ()),
    ("White House spokesman John Kirby said the talks would resume.", "White House spokesman", ()),
    ("Two officials familiar with the talks said the deal was close.", None, ("anonymous", "group")),
    ("The company said the plant would close.", None, ("organization",)),
])
def test_speaker_title_and_flags(text, title, flags):
    sp = run(text)[0].speaker
    assert sp.name is None  # attribution.resolve_speakers names speakers
    assert sp.title == title
    assert {f for f in ("anonymous", "group", "organization") if getattr(sp, f)} == set(flags)


def test_wire_copy_line_wraps_do_not_end_sentences():
    text = ("NEW YORK, March 5 - First quarter profits should\n"
            "    rise about 10 pct on higher sales of its\n    printers, the company said.")
    qs = run(text)
    assert [q.text for q in qs] == ["First quarter profits should\n    rise about 10 pct on higher sales of its\n    printers"]
    assert qs[0].speaker.mention == "the company"


def test_bare_subject_before_split_attribution_is_not_a_quote():
    text = "The new rules, the minister said, will take effect in January."
    assert [q.text for q in run(text)] == ["will take effect in January"]


def test_no_reporting_clause_no_quote():
    for text in ("The committee met on Tuesday to review the budget.",
                 "The said company was sold in 2019.",
                 "What he said was not recorded."):
        assert content(text, run(text)) == []


def _marked(text: str, words: str, kind: str = "partial", mention: str | None = None) -> Quote:
    s = text.index(words)
    sp = None
    if mention:
        ms = text.index(mention)
        sp = Speaker(name=mention, mention=mention, mention_start=ms, mention_end=ms + len(mention))
    return Quote(text=words, start=s, end=s + len(words), kind=kind, speaker=sp, rule="test")


def test_partial_inside_reported_clause_becomes_one_mixed_quote():
    text = "She also called for more \u201cflexibility on the ground\u201d for U.S. military advisers in Iraq."
    q0 = _marked(text, "flexibility on the ground", mention="She")
    qs = run(text, [q0])
    assert len(qs) == 1
    q = qs[0]
    assert q.kind == "mixed"
    assert q.text == "more \u201cflexibility on the ground\u201d for U.S. military advisers in Iraq"
    assert q.speaker.mention == "She"  # the subject of the reporting verb speaks
    assert (q.verb, q.verb_start) == ("called for", text.index("called for"))


def test_one_word_quotation_is_kept_beside_its_mixed_span():
    text = "The next two weeks are \u201cpivotal,\u201d a source close to the talks told reporters."
    q0 = _marked(text, "pivotal,", mention="a source close to the talks")
    qs = run(text, [q0])
    assert [(q.kind, q.text) for q in qs] == [("mixed", "The next two weeks are \u201cpivotal,\u201d"),
                                             ("partial", "pivotal,")]


def test_two_partials_merge_into_one_mixed_quote():
    text = "Bush said that Trump is a \u201closer\u201d and a \u201cliar.\u201d"
    marked = [_marked(text, "loser", mention="Bush"), _marked(text, "liar.", mention="Bush")]
    qs = run(text, marked)
    assert [(q.kind, q.text) for q in qs] == [("mixed", "that Trump is a \u201closer\u201d and a \u201cliar.\u201d")]


def test_mixed_before_attribution():
    text = "Teachers are \u201cwatching the Republican side closely,\u201d the union president said."
    q0 = _marked(text, "watching the Republican side closely,", mention="the union president")
    qs = run(text, [q0])
    assert [(q.kind, q.text) for q in qs] == [("mixed", "Teachers are \u201cwatching the Republican side closely,\u201d")]


def test_partial_with_its_own_cue_becomes_mixed():
    # quotes.py attached the cue; no rule here matched the subject (the appositive starts with
    # a possessive), so the clause is built from the marked quote's own cue
    text = ("Ruiz, Romney's deputy political director, said the campaign would \u201cdo daily requests\u201d"
            " for the list of early voters.")
    q0 = _marked(text, "do daily requests", mention="Ruiz")
    q0.verb, q0.verb_start = "said", text.index("said")
    qs = run(text, [q0])
    assert [(q.kind, q.text) for q in qs] == [
        ("mixed", "the campaign would \u201cdo daily requests\u201d for the list of early voters")]


def test_direct_quote_is_left_alone():
    text = "\u201cWe will not back down,\u201d the governor said."
    q0 = _marked(text, "We will not back down,", kind="direct", mention="the governor")
    assert run(text, [q0]) == [q0]


def test_label_quote_without_a_cue_is_left_alone():
    text = "He called the proposal \u201cdelusional.\u201d"
    q0 = _marked(text, "delusional.", mention="He")
    assert run(text, [q0]) == [q0]


def _parsed(text: str) -> list[tuple[str, str]]:
    from newscli.parser import parse
    return [(q.kind, q.text) for q in parse(text).quotes]


@pytest.mark.parametrize("text,expected", [
    # "called X 'Y'" says something about X: the object and the label are one mixed quote
    ("Mayor Ann Ruiz called the stadium deal \u201ca giveaway to billionaires.\u201d\n",
     ("mixed", "the stadium deal \u201ca giveaway to billionaires.\u201d")),
    ("The union branded the new shift rules \u201cunsafe\u201d for night crews.\n",
     ("mixed", "the new shift rules \u201cunsafe\u201d for night crews")),
    # the writer goes on after a comma: not part of the label
    ("The senator called the bill \u201ca disgrace,\u201d and her party voted against it.\n",
     ("mixed", "the bill \u201ca disgrace,\u201d")),
    # "as" complements and relative objects quote the label alone
    ("The governor dismissed the audit as \u201ca political stunt.\u201d\n",
     ("partial", "a political stunt.")),
    ("The council funded what the auditor called \u201ca vanity project.\u201d\n",
     ("partial", "a vanity project.")),
    # "call" as a noun is no label verb
    ("Her call for \u201ccalm heads\u201d went unheard in the chamber, an aide said.\n",
     None),
])
def test_label_quotes(text, expected):
    got = _parsed(text)
    if expected is None:
        assert not any(k == "mixed" and t.startswith(("for", "\u201ccalm")) for k, t in got), got
    else:
        assert expected in got, got


def test_label_in_a_subheading_stays_partial():
    from newscli.models import Paragraph
    text = "Mayor calls stadium deal \u2018a giveaway\u2019"
    q0 = _marked(text, "a giveaway", mention="Mayor")
    q0.verb, q0.verb_start = "calls", text.index("calls")
    qs = reported.find_reported(text, [Paragraph(0, len(text), kind="subheading")], [q0])
    assert [(q.kind, q.text) for q in qs] == [("partial", "a giveaway")]
    qs = reported.find_reported(text, [Paragraph(0, len(text))], [q0])
    # in body text the label of a named thing is a mixed span, and the label a quote of its own
    assert [(q.kind, q.text) for q in qs] == [("mixed", "stadium deal \u2018a giveaway\u2019"),
                                              ("partial", "a giveaway")]


def test_label_of_a_pronoun_is_one_mixed_quote():
    got = _parsed("Later he called her \u201cweak\u201d in a post.\n")
    assert ("mixed", "her \u201cweak\u201d in a post") in got and ("partial", "weak") not in got, got


def test_said_many_times_is_linear_and_valid():
    text = ("He said " * 100_000) + "the plan works."
    qs = run(text)
    assert qs
    for q in qs[:50] + qs[-50:]:
        assert text[q.start:q.end] == q.text
        assert 0 <= q.start < q.end <= len(text)
    assert sum(q.end - q.start for q in qs) <= 3 * len(text)


@pytest.mark.parametrize("unit", [
    "The plan works, he said, ",       # one endless sentence of split attributions
    "According to officials, ",        # sources without end
    "Smith told a crowd in Ohio and ",  # objects without content
    "He said the plan was \u201cbad\u201d and \u201cworse\u201d, ",
])
def test_long_degenerate_sentences_stay_linear_and_valid(unit):
    text = unit * 20_000
    qs = run(text)
    for q in qs:
        assert text[q.start:q.end] == q.text
    assert sum(q.end - q.start for q in qs) <= 3 * len(text)


def test_spans_are_in_text_order():
    text = ("The mayor said the budget was balanced. Critics said it hid a deficit. "
            "The council will vote on Friday, a spokesman said.")
    qs = run(text)
    assert [q.start for q in qs] == sorted(q.start for q in qs)
    assert len(qs) == 3


_PIECES = st.sampled_from([
    "The mayor said ", "said ", ", officials said. ", "According to the report, ", " told reporters that ",
    "\u201cWe will win,\u201d ", "the plan is \u201cdead\u201d ", "Smith, a spokesman, ", "which he said ",
    "the talks, sources say, ", ". ", ", ", "\n\n", "saying ", "that ", "Trump ", "the deal would fail",
    "\u201c", "\u201d", "'", "\"", " - ", "(AP) \u2014 ", "he ", "believes ",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_any_text_gives_valid_ordered_spans_and_keeps_every_mark(pieces):
    text = "".join(pieces)
    # marked quotes as quotes.py hands them over (kept independent of its rules here)
    marked = [Quote(text=m.group(1), start=m.start(1), end=m.end(1),
                    kind="direct" if m.group(1)[:1].isupper() else "partial", rule="test")
              for m in re.finditer("\u201c([^\u201c\u201d]+)\u201d", text)]
    qs = reported.find_reported(text, split_paragraphs(text), marked)
    assert [(q.start, q.end) for q in qs] == sorted((q.start, q.end) for q in qs)
    for q in qs:
        assert 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text
        if q.speaker and q.speaker.mention_start is not None:
            assert text[q.speaker.mention_start:q.speaker.mention_end] == q.speaker.mention
    for m in marked:  # a marked quote is kept or sits inside a mixed quote
        assert any(q is m or (q.kind == "mixed" and q.start <= m.start and m.end <= q.end) for q in qs)


def test_caches_do_not_keep_the_text_after_the_call():
    from newscli import reported

    text = "The mayor said the bridge would reopen next week, officials said.\n"
    reported.find_reported(text, [], [])
    assert reported._speaker_ok.cache_info().currsize == 0 and not reported._RECENT


@pytest.mark.parametrize("text,expected,mention", [
    # a verb outside the cue tables, with a speaker subject: its complement is the content
    ("Rubio bemoaned a political climate in which voters \u201csimply hate each other\u201d over policy.\n",
     "a political climate in which voters \u201csimply hate each other\u201d over policy", "Rubio"),
    ("The mayor credited the drop in crime to \u201cofficers who know every block.\u201d\n",
     "the drop in crime to \u201cofficers who know every block.\u201d", "The mayor"),
])
def test_unattributed_quotation_in_a_speaker_clause_is_mixed(text, expected, mention):
    from newscli.parser import parse
    qs = [q for q in parse(text).quotes if q.kind == "mixed"]
    assert [q.text for q in qs] == [expected]
    assert qs[0].rule == "mixed:clause" and qs[0].speaker.mention == mention


@pytest.mark.parametrize("text", [
    "The network renewed \u201cHarbor Nights\u201d for a second season.\n",  # a title after a non-speech verb
    "\u201cWe will win,\u201d Lopez said on \u201cMorning Edition.\u201d\n",  # where, not what
    "The senator took the stage to \u201cEye of the Tiger\u201d and waved.\n",  # no speech verb
    "Critics say the \u201creform\u201d bill, as he said, \u201cchanges nothing.\u201d\n",  # verbs inside quotations are no cue
])
def test_no_mixed_clause_without_a_reporting_verb(text):
    from newscli.parser import parse
    assert not [q.text for q in parse(text).quotes if q.rule == "mixed:clause"]


def test_place_abbreviation_can_end_a_sentence():
    text = "Crime fell across the U.S. He says the trend will hold. The U.S. Senate met on Monday."
    assert [text[a:b] for a, b in reported.sentences(text, 0, len(text))] == [
        "Crime fell across the U.S.", "He says the trend will hold.", "The U.S. Senate met on Monday."]


@pytest.mark.parametrize("text", [
    "DNC rules permit proxies, but not when voting \u201cto fill a vacancy.\u201d\n",  # "rules" is a noun here
    "As the hearing dragged on and the chair stood by her \u201cfirm\u201d ruling, people left.\n",
])
def test_mixed_clause_needs_a_verb_and_a_content_start(text):
    from newscli.parser import parse
    got = [q.text for q in parse(text).quotes if q.rule == "mixed:clause"]
    assert not any(t.startswith(("permit", "and")) for t in got), got


@pytest.mark.parametrize("phrase,ok", [
    ("The Vermont senator", True),
    ("Supporters of the measure", True),
    ("Speaking at a town hall in Ames", False),  # an opener, not the subject
    ("In late June", False),
    ("Delegates placed ads", False),  # a clause
])
def test_clause_rule_subject(phrase, ok):
    assert reported._clause_subject_ok(phrase, 0, len(phrase)) is ok


def test_noun_cue_with_a_that_clause_is_mixed():
    from newscli.parser import parse
    text = "The mayor's warning that the levee was \u201cone storm from failure\u201d went unheeded.\n"
    qs = [q for q in parse(text).quotes if q.rule == "mixed:noun-cue"]
    assert [q.text for q in qs] == ["that the levee was \u201cone storm from failure\u201d went unheeded"] or \
        [q.text for q in qs] == ["that the levee was \u201cone storm from failure\u201d"], [q.text for q in qs]
    assert qs[0].speaker.mention == "The mayor"


def test_report_in_a_fronted_clause_ends_with_the_clause():
    text = ("While the mayor admitted that the budget was \u201cvery tight\u201d this year, "
            "her office has argued that no services would be cut.\n")
    got = _parsed(text)
    assert ("mixed", "that the budget was \u201cvery tight\u201d this year") in got, got


def test_quotation_closing_a_subordinate_clause_ends_the_report():
    text = ("When he devoted his first speech to the \u201cforgotten middle class,\u201d "
            "the governor won few new voters.\n")
    got = _parsed(text)
    assert ("mixed", "his first speech to the \u201cforgotten middle class,\u201d") in got, got


def test_words_after_an_inverted_tag_are_the_speaker_not_a_report():
    from newscli.parser import parse
    t = ("“It was truly shameful,” said Ann Ruiz, 34, a plaintiff who waited in an “extraordinarily long"
         " line” for hours.")
    assert not [q.text for q in parse(t).quotes if q.kind == "mixed"]
    t = "Ruiz said the council would “do daily requests” early in the week."
    assert [q.text for q in parse(t).quotes if q.kind == "mixed"] == [
        "the council would “do daily requests” early in the week"]


def test_a_programme_after_told_or_said_of_is_not_a_report():
    from newscli.parser import parse
    t = "“I could hardly hear,” Lopez told NBC’s “Today” on Monday. “The line was bad.”"
    assert not [q.text for q in parse(t).quotes if q.kind == "mixed"]
    t = "“She just made it up,” he said of the claim during a call to ABC’s “This Week.”"
    assert not [q.text for q in parse(t).quotes if q.kind == "mixed"]


def test_a_tag_after_a_doubled_apostrophe_closing_names_the_speaker():
    # plain-text feeds print ” as '': both apostrophes close the span, neither opens the mention
    from newscli.parser import parse

    text = "Still, golf clubs are ''just scratching out a profit,'' Mr. Hedge said from his office.\n"
    q = next(q for q in parse(text).quotes if q.kind == "mixed")
    assert q.speaker.mention == "Mr. Hedge"
    assert q.text.endswith("profit,''")


@pytest.mark.parametrize("text,speaker", [
    ("On Sunday, Pastor Dale Whitfield stood at his pulpit, saying the town had lost its way.", "Pastor Dale Whitfield"),
    ("Facing mounting criticism, Mayor Ana Ruiz released a statement, saying the budget was sound.",
     "Mayor Ana Ruiz"),
    ("At a campaign event in Ames, Iowa, on Sunday, Ms. Ruiz tried again, saying the city should lead.",
     "Ms. Ruiz"),
])
def test_an_opening_phrase_is_not_the_sentence_subject(text, speaker):
    from newscli.parser import parse

    q = next(q for q in parse(text + "\n").quotes if q.rule == "participle")
    assert q.speaker.mention == speaker


def test_a_clause_after_saying_is_what_the_sentence_subject_said():
    from newscli.parser import parse

    # the first quotation stands between: the clause rule, not the participle rule, reads it
    text = ("Mayor Ana Ruiz has delivered an impassioned defense of “county values,” saying the city "
            "embodied the “bravery, heart and soul of the county.”\n")
    q = [q for q in parse(text).quotes if q.rule == "mixed:clause"][-1]
    assert q.speaker.mention == "Mayor Ana Ruiz"
    assert q.text.startswith("the city embodied")
