"""Quotation-marked quotes: pairing the marks, direct vs partial, speaker rules.

Every sentence here is written for these tests (no text from the evaluation data).
"""
from __future__ import annotations

import pytest

from newscli import quotes
from newscli.structure import paragraphs


def find(text):
    return quotes.find_quotes(text, paragraphs(text))


def texts(text):
    return [q.text for q in find(text)]


def one(text):
    qs = find(text)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


# ------------------------------------------------------------------ the rule tables

@pytest.mark.parametrize("name,fn,example", quotes.SPEAKER_RULES, ids=[r[0] for r in quotes.SPEAKER_RULES])
def test_every_speaker_rule_fires_on_its_example(name, fn, example):
    qs = find(example)
    assert qs, example
    assert any(q.rule == name for q in qs), [(q.text, q.rule) for q in qs]
    for q in qs:
        assert example[q.start:q.end] == q.text
        if q.rule == name:
            assert q.speaker is not None and q.speaker.mention


# ------------------------------------------------------------------ marks

def test_curly_and_straight_double_quotes():
    t = "“We will win,” Mayor Ana Ruiz said. \"We will win again,\" she added."
    assert texts(t) == ["We will win,", "We will win again,"]


def test_spans_exclude_the_marks_and_keep_inner_punctuation():
    t = "“The budget is balanced,” said Tom Reyes."
    q = one(t)
    assert q.text == "The budget is balanced,"
    assert t[q.start - 1] == "“" and t[q.end] == "”"


def test_doubled_apostrophes_of_plain_text_feeds():
    t = "''The plant will stay open,'' said Carla Mendes, the plant manager."
    q = one(t)
    assert q.text == "The plant will stay open,"
    assert q.speaker.name == "Carla Mendes"


def test_three_apostrophes_close_a_nested_single_then_the_double():
    t = "''I would call the plan 'old-school,''' said Carla Mendes. ''It still works.''"
    qs = find(t)
    assert [q.text for q in qs] == ["I would call the plan 'old-school,'", "It still works."]
    assert [q.speaker.name for q in qs] == ["Carla Mendes", "Carla Mendes"]
    t = "'''Jeopardy,''' he replied. ''It is the show I watch.''"
    assert find(t)[0].text == "'Jeopardy,'"


def test_single_quotes_nested_inside_double_belong_to_the_outer_quote():
    t = "“He told me, ‘Don’t worry about the vote,’ and I believed him,” said Lena Ortiz."
    q = one(t)
    assert q.text.startswith("He told me, ‘Don’t worry")
    assert q.text.endswith("believed him,")


def test_guillemets():
    t = "«Nous resterons unis», said Foreign Minister Paul Girard."
    assert texts(t) == ["Nous resterons unis"]


@pytest.mark.parametrize("line", [
    "The senator didn’t say much about the ’90s, and Hamas’ leaders were silent.",
    "It's the mayor's plan, and the workers' union won't back it.",
    "Rock 'n' roll was the 1960s' sound.",
])
def test_apostrophes_are_never_quote_marks(line):
    assert find(line) == []


def test_unbalanced_mark_is_skipped_locally_and_the_rest_still_parses():
    t = ("The council met on “Tuesday and adjourned early.\n\n"
         "“We need more time,” said council president Rosa Diaz.")
    qs = find(t)
    assert [q.text for q in qs] == ["We need more time,"]
    assert qs[0].speaker.name == "Rosa Diaz"


def test_multi_paragraph_quote_one_span_per_paragraph():
    t = ("Governor Elena Park said in a statement:\n\n"
         "“We will rebuild every road that the flood took from us.\n\n"
         "“And we will do it before winter.”")
    qs = find(t)
    assert [q.text for q in qs] == ["We will rebuild every road that the flood took from us.",
                                    "And we will do it before winter."]
    assert all(q.kind == "direct" for q in qs)
    assert all(q.speaker and "Park" in q.speaker.mention for q in qs)


def test_offsets_index_the_input_exactly():
    t = "Intro line.\r\n\r\n“Costs rose,” the treasurer, Jo Lin, said. “Sharply.”\r\n"
    for q in find(t):
        assert t[q.start:q.end] == q.text


# ------------------------------------------------------------------ split and continued quotes

def test_split_quote_both_parts_get_the_speaker():
    t = "“The bridge is safe,” the engineer, Omar Haddad, said. “We checked it twice.”"
    qs = find(t)
    assert [q.text for q in qs] == ["The bridge is safe,", "We checked it twice."]
    assert [q.speaker.mention for q in qs] == ["the engineer, Omar Haddad"] * 2 or \
        all(q.speaker.name == "Omar Haddad" for q in qs)


def test_split_quote_inside_one_sentence():
    t = "“The bridge,” said Omar Haddad, “is safe.”"
    qs = find(t)
    assert [q.speaker.name for q in qs] == ["Omar Haddad", "Omar Haddad"]


def test_next_quote_paragraph_continues_the_speaker():
    t = "“We are not done,” Kirby said.\n\n“There is more to do.”"
    qs = find(t)
    assert qs[1].rule == "continues-paragraph"
    assert qs[1].speaker.mention == "Kirby"


def test_dash_signature():
    q = one("“Our streets are safer than a decade ago.” — Jane Doe, mayor of Springfield")
    assert q.rule == "dash-signature"
    assert q.speaker.name == "Jane Doe"
    assert q.speaker.title == "mayor of Springfield"


def test_dash_signature_on_the_line_below_a_quote_paragraph():
    t = ("The candidates on the economy.\n\n“I warned about the housing bubble before the crash.”\n\n"
         "- Dana Whitfield.\n\nWhitfield tends to overstate her record.\n")
    q = one(t)
    assert (q.rule, q.speaker.name) == ("dash-signature", "Dana Whitfield")
    t = "“The council has a job for you.”\n\n—Mayor Ana Ruiz, posting after the vote.\n"
    q = one(t)
    assert (q.speaker.name, q.verb) == ("Ana Ruiz", "posting")
    # a credit line under a paragraph that only ends on a quote signs the story, not the quote
    t = "He called the crowd “my people.”\n\n- Reuters.\n"
    assert not (find(t) and find(t)[0].rule == "dash-signature")


@pytest.mark.parametrize("line,name", [
    # a party tag whose abbreviation ends in a dot does not end the sentence
    ("“It is a dog whistle,” Rep. Dana Whitfield (D-Ore.) said Friday.", "Dana Whitfield"),
    ("“We will not yield,” Sen. Tom Brandt (R-Ky.) told reporters.", "Tom Brandt"),
    # manner-of-speaking verbs tag quotes too
    ("“Go back to your seat,” Ortega barked at the reporter.", "Ortega"),
    ("“This is fantastic!” beamed Ana Ruiz of Springfield.", "Ana Ruiz"),
    ("A friend commented: “For you, taxes are the only issue.”", "A friend"),
    ("“Would the wall be negotiable?” Hollis pressed.", "Hollis"),
    ("“What changed him so fundamentally?” Beck questioned.", "Beck"),
    ("“France will always be France,” an angry Ortega retaliated.", "an angry Ortega"),
])
def test_tags_after_party_labels_and_manner_verbs(line, name):
    q = find(line)[0]
    assert (q.speaker.name or q.speaker.mention) == name


def test_colon_introduction_in_the_previous_paragraph():
    t = "The ministry said in a statement:\n\n“Talks will resume next week.”"
    q = one(t)
    assert q.rule == "colon-intro"
    assert q.speaker.mention == "The ministry"
    assert q.speaker.organization


def test_colon_after_verb_in_the_same_sentence():
    q = one("Kirby said: “We will respond.”")
    assert q.kind == "direct"
    assert q.speaker.mention == "Kirby"
    assert q.verb == "said"


# ------------------------------------------------------------------ direct vs partial, not quotes

def test_attributed_fragment_is_a_partial_quote():
    t = "The next two weeks are “pivotal,” an aide familiar with the talks told reporters."
    q = one(t)
    assert q.kind == "partial"
    assert q.text == "pivotal,"
    assert q.speaker.anonymous


def test_label_verb_fragment_is_partial_with_the_subject_as_speaker():
    q = one("The governor dismissed the report as “fiction.”")
    assert q.kind == "partial"
    assert q.speaker.mention == "The governor"
    assert q.verb == "dismissed"


@pytest.mark.parametrize("line", [
    "Officials called it a “pause” rather than a ceasefire, analysts wrote in a column.",  # scare quote
    "She appeared on “Saturday Night Live” last week.",  # a title
    "Fans lined up to see Dwayne “The Rock” Johnson.",  # a nickname
    "The word “ceasefire” was not used in the text.",  # a word mentioned
    "A group of comedians is performing a play called “The Long Recount” in Denver.",  # a thing's name
    "The race pits Gov. J.D. “Duke” Halvorsen against a newcomer.",  # a nickname inside a name
])
def test_scare_quotes_titles_and_nicknames_are_not_quotes(line):
    assert all(q.kind != "partial" or q.speaker for q in find(line))
    assert not [q for q in find(line) if len(q.text.split()) <= 3 and q.speaker is None]


def test_unattributed_title_case_headline_in_quotes_is_not_a_quote():
    assert find("Fans flock to “The Great Gatsby” revival") == []


# ------------------------------------------------------------------ speakers

def test_speaker_before_or_after_and_inverted():
    assert one("“Yes,” he said.").speaker.mention == "he"
    assert one("“Yes,” said Kirby.").speaker.mention == "Kirby"
    assert one("Kirby said, “Yes, we will.”").speaker.mention == "Kirby"
    assert one("“Yes, we will,” said Kirby on Tuesday.").speaker.mention == "Kirby"


def test_appositive_title_after_the_name():
    q = one("“We will not back down,” John Kirby, the White House spokesman, said.")
    assert q.speaker.name == "John Kirby"
    assert q.speaker.title == "the White House spokesman"
    assert q.verb == "said"


def test_relative_clause_after_the_name_is_no_title():
    q = one("Its chief executive, Priya Shah, who took over in May, called the delay “regrettable.”")
    assert q.speaker.name == "Priya Shah"
    assert q.speaker.title != "who took over in May"
    q = one("“We are ready,” Omar Diaz, who chairs the board, said.")
    assert q.speaker.name == "Omar Diaz" and q.speaker.title is None


def test_title_before_the_name():
    q = one("“We will not back down,” White House spokesman John Kirby said Tuesday.")
    assert q.speaker.name == "John Kirby"
    assert q.speaker.title == "White House spokesman"


def test_honorific_before_the_name():
    q = one("“The court erred,” said Sen. Maria Lopez.")
    assert q.speaker.name == "Maria Lopez"


def test_organisation_speaker():
    q = one("“The talks were productive,” the White House said.")
    assert q.speaker.organization
    assert q.speaker.mention == "the White House"


def test_anonymous_source():
    q = one("“No deal is close,” said a diplomat familiar with the negotiations.")
    assert q.speaker.anonymous
    assert q.speaker.mention.startswith("a diplomat familiar with the negotiations")


def test_group_speaker():
    q = one("“We were not consulted,” local officials said.")
    assert q.speaker.group


def test_quote_ending_a_sentence_does_not_take_the_next_sentences_verb():
    t = "“We are ready.” He added, “The vote is Tuesday.”"
    qs = find(t)
    assert qs[1].speaker.mention == "He"
    assert qs[0].rule != "after-subject-verb"


# ------------------------------------------------------------------ linear time

def _valid(text, qs):
    for q in qs:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("text", [
    "\"" * 100_000,
    "“" * 100_000,
    "“a,” he said. " * 20_000,
    "said " * 100_000,
    "'' " * 100_000,
    ("He said " * 50 + "\n\n") * 2_000,
    "“" + "said Kirby, " * 50_000 + "”",
    "A " * 100_000 + "“x”",
])
def test_pathological_inputs_return_with_valid_spans(text):
    qs = find(text)
    _valid(text, qs)


@pytest.mark.parametrize("line,name", [
    ("“The numbers are bad,” said pollster Frank Luntz.", "Frank Luntz"),
    ("“We will,” Secretary of State John Kerry said.", "John Kerry"),
    ("“It was close,” Clinton ally James Carville said.", "James Carville"),
    ("“Never,” said Mr. Sperling, who worked with her for years.", "Sperling"),
    ("“That was her base” in the 2008 race, said Ohio State University professor Paul Beck.", "Paul Beck"),
])
def test_names_inside_longer_speaker_phrases(line, name):
    q = find(line)[0]
    assert q.speaker.name == name


def test_a_new_sentence_after_the_tag_continues_the_speaker():
    t = "“Is that fair?” Sanders asked, shaking his head no. “But the law is the law.”"
    qs = find(t)
    assert [q.kind for q in qs] == ["direct", "direct"]
    assert qs[1].speaker.mention == "Sanders"


@pytest.mark.parametrize("line,mention", [
    ("Cruz told NBC News: “The race is open.”", "Cruz"),
    ("Carly Fiorina wrote on Facebook: “Money is not everything.”", "Carly Fiorina"),
    ("Priebus later told Fox News, “Both men will meet next week.”", "Priebus"),
])
def test_the_listener_after_told_is_not_the_speaker(line, mention):
    assert one(line).speaker.mention == mention


@pytest.mark.parametrize("line,mention", [
    ("Nefzi said the man left early, adding, “He was not very religious.”", "Nefzi"),
    ("Her campaign quickly sent an email stating, “We are ready for the fall.”", "Her campaign"),
    ("“We are grateful,” the family said.", "the family"),
    ("On Thursday, Warren endorsed Clinton, saying, “She is a fighter.”", "Warren"),
])
def test_subjects_of_participles_and_adverbs(line, mention):
    assert one(line).speaker.mention == mention


@pytest.mark.parametrize("line,name", [
    ("''Solidarity with the victims,'' Ms. Merkel's spokesman, Steffen Seibert, wrote on Twitter.", "Steffen Seibert"),
    ("“It is unlikely” that the bill passes this year, said Steve Elmendorf, a strategist.", "Steve Elmendorf"),
])
def test_more_speaker_phrases(line, name):
    assert find(line)[0].speaker.name == name


def test_a_new_sentence_opening_with_a_phrase_is_not_the_tag():
    t = "“It is over,” Cruz spokesman Rick Tyler said, “and he has the record.” On the trail, Cruz describes it."
    assert [q.speaker.name for q in find(t)] == ["Rick Tyler", "Rick Tyler"]


def test_multi_paragraph_quote_opening_mid_paragraph():
    t = ("“It is a good first step,” said Henri Lacoste. “Supermarkets bake loaves they never sell.\n\n"
         "“Until that stops, we are only tidying up.”")
    qs = find(t)
    assert [q.text for q in qs] == ["It is a good first step,", "Supermarkets bake loaves they never sell.",
                                    "Until that stops, we are only tidying up."]
    assert all(q.speaker and q.speaker.name == "Henri Lacoste" for q in qs)


@pytest.mark.parametrize("line,name", [
    # a parenthetical party tag between the name and its appositive
    ("Rep. Dana Whitfield (D-Ore.), noting the size of the deficit, said, “We cannot cut our way out.”",
     "Dana Whitfield"),
    # a tag that runs on through prepositional phrases is still a tag
    ("“Great work, team!” Halvorsen wrote in a March 3, 2014 email to the regional office staff.", "Halvorsen"),
    # a name after a dash, then a colon
    ("Turnout matters most in the suburbs - Erin Kowalski: “The margins there decide it.”", "Erin Kowalski"),
])
def test_speakers_behind_parentheticals_long_tags_and_dashes(line, name):
    assert find(line)[0].speaker.name == name


def test_a_long_tag_with_a_that_clause_is_a_new_report():
    t = "“We are done.” Halvorsen wrote in an email to staff on Monday that the office would close."
    q = find(t)[0]
    assert not (q.speaker and q.speaker.mention == "Halvorsen" and q.rule == "after-subject-verb")


# ------------------------------------------------------------------ quoted words that are not speech

# the words in each NOT_SPEECH example that must not come out as a quote
_NOT_SPEECH_WORDS = {
    "work-title": "Tough Choices.",
    "show-told": "Fox and Friends,",
    "title-by-author": "The Trumps: Three Generations That Built an Empire,",
    "digest-excerpt": "The museum will close its doors.",
    "subhead": "A fight from start to finish.",
    "stage-direction": "(CROSSTALK.)",
    "title-before-role": "Morning Rounds",
    "names-a-remark": "bad hombres",
}


@pytest.mark.parametrize("name,fn,example", quotes.NOT_SPEECH, ids=[r[0] for r in quotes.NOT_SPEECH])
def test_every_not_speech_row_drops_its_example(name, fn, example):
    assert _NOT_SPEECH_WORDS[name] not in texts(example)


def test_not_speech_keeps_the_speech_around_a_title():
    t = "“He is fair game,” Fiorina told “Fox and Friends,” on Monday."
    assert texts(t) == ["He is fair game,"]
    t = "Ms. Ruiz, in her new book, argues that the council “has lost its way.”"
    assert texts(t) == ["has lost its way."]


def test_a_passive_by_is_not_an_author():
    t = "The plan was called “a giveaway” by Senator Ann Ruiz, who voted against it."
    assert texts(t) == ["a giveaway"]


def test_a_double_marked_line_is_speech_not_a_subhead():
    t = "''We will win this district.''\n\nThe vote is set for Tuesday, Lopez said."
    assert texts(t) == ["We will win this district."]
    t = "Lopez spoke to the crowd.\n\n'We will win this district.'\n\nThe vote is set for Tuesday."
    assert texts(t) == []


def test_a_single_marked_quote_opening_a_headline_line_is_not_speech():
    t = "Budget talks stall.\n\n'Stay or pay' could make firms rethink moving jobs abroad.\n\nThe bill is due."
    assert texts(t) == []
    t = "'We will not stay,' Ruiz said of the plant.\n\nThe bill is due."
    assert texts(t) == ["We will not stay,"]


def test_a_parenthesis_in_speech_is_not_a_stage_direction():
    t = "The council said: “We will vote.”\n\n“(We have the votes.)”"
    assert "(We have the votes.)" in texts(t)
    t = "“Lower taxes,” Lopez said. “(APPLAUSE.)” “And fewer rules.”"
    assert "(APPLAUSE.)" not in texts(t)


def test_a_digest_excerpt_is_not_speech_but_a_colon_quote_is():
    t = "Lopez said in an interview: “The budget is balanced.”"
    assert texts(t) == ["The budget is balanced."]


def test_a_speaker_with_a_hometown_and_state_before_the_cue():
    q = one("Johnnie Wilson, of Springfield, Va., said he had fought ''for the rights of the nation.''")
    assert q.kind == "partial" and q.speaker.mention.startswith("Johnnie Wilson")
    q = one("Ana Ruiz, a nurse, said the plan was “a disgrace.”")
    assert q.speaker.mention.startswith("Ana Ruiz")


def test_a_short_capitalized_quote_after_a_split_one_is_speech_not_a_title():
    t = "“This is sophomoric,” Ana Ruiz wrote on her blog. “Blacklisted?”"
    assert texts(t) == ["This is sophomoric,", "Blacklisted?"]
    t = "“We’ve got a common enemy,” Burton told delegates. “Donald Trump.”"
    assert texts(t) == ["We’ve got a common enemy,", "Donald Trump."]


def test_a_one_word_answer_after_a_cue_and_comma_is_kept():
    t = "Asked on Monday whether he would serve, Mrs. Ruiz shook her head and said, “No.”"
    assert texts(t) == ["No."]
    t = "Ruiz arrived late, and the crowd, “dear friends” to her, waited."
    assert texts(t) == []


# ------------------------------------------------------------------ speaker phrases that are clause fragments

def _speaker(text, quote_text):
    q = next(q for q in find(text) if q.text == quote_text)
    return q.speaker.mention if q.speaker else None


# (text, quotation, the speaker mention quotes.py finds for it)
SPEAKER_PHRASES = [
    # a subject with its verb is cut to the subject
    ("Lopez is praising Dana Whitfield, who ended her bid for the council Saturday, as “a woman who "
     "didn’t go to the gutter” and engage in insults.", "a woman who didn’t go to the gutter", "Lopez"),
    # an opening time phrase is not the speaker
    ("A few days later, Ortega changed course again, telling a radio host that taxes “must go down.”",
     "must go down.", "Ortega"),
    ("By the end of the week, Ms. Ruiz was on the defensive and said her words had been “twisted.”",
     "twisted.", "Ms. Ruiz"),
    ("At the time, she released a statement saying, “The partnership is a good one.”",
     "The partnership is a good one.", "she"),
    # the reported clause after "said" is not an inverted speaker; only a verb with no subject
    # before it takes one after it ("..., said Kirby: “...”")
    ("Tom Brandt, the treasurer, said Keller had been misled by “outside advisers” all along.",
     "outside advisers", "Tom Brandt, the treasurer"),
    ("Mayor Dana Whitfield says Ashford residents are “right to be angry” about the closures.",
     "right to be angry", "Mayor Dana Whitfield"),
    ("At the rally, the union president said Governor Ortega “caused this strike” by stalling.",
     "caused this strike", "the union president"),
    ("The council met on Monday. Then said Ms. Ruiz, the treasurer: “We are out of money.”",
     "We are out of money.", "Ms. Ruiz, the treasurer"),
    # after a quote that closes its sentence, a new sentence running into the next quote is that
    # quote's lead-in; a tag after a question still tags it
    ("On Twitter, Mayor Dana Whitfield called the plan “reckless.” Council member Tom Brandt called "
     "the statement “offensive and outlandish.”", "reckless.", "Mayor Dana Whitfield"),
    ("On Twitter, Mayor Dana Whitfield called the plan “reckless.” Council member Tom Brandt called "
     "the statement “offensive and outlandish.”", "offensive and outlandish.", "Council member Tom Brandt"),
    ("“Is the candidate available, right?” Whitfield remarked, alluding to the film “The Revenant.”",
     "Is the candidate available, right?", "Whitfield"),
    # a cue word used as a noun is no cue; a verb after a contraction still is
    ("Party chairman Tom Brandt called Ruiz's remarks on the budget a “new low” on Friday.",
     "new low", "Party chairman Tom Brandt"),
    ("He’s claiming that the count is “a big, big problem” for everyone.", "a big, big problem", "He’s"),
]


@pytest.mark.parametrize("text,quote_text,mention", SPEAKER_PHRASES)
def test_speaker_phrases(text, quote_text, mention):
    assert _speaker(text, quote_text) == mention


@pytest.mark.parametrize("sentence,subject", [
    ("At an event in Ames, Iowa, on Sunday, Mrs. Ruiz tried again", "Mrs"),
    ("Back in 1999, Mr. Brandt expressed admiration", "Mr"),
    ("Eight years ago, he supported the levy", "he"),
    ("Facing mounting criticism, the mayor released a statement", "the"),
    ("But to give you the tenor of the interview, Brandt went on", "Brandt"),
    ("When asked whom she supported, Ms. Sherry smiled", "Ms"),
    ("By Sunday afternoon she had canceled the rally in Green Bay, Wis., citing the attack", "she"),
    ("Sterling Ruiz, the mayor, said", "Sterling"),  # a name, not a participle
    ("to even hear about it, arguing", "to"),  # mid-sentence: nothing opens here
])
def test_opening_end_skips_the_phrase_before_the_subject(sentence, subject):
    toks = quotes.tokens(sentence, 0, len(sentence))
    assert toks[quotes.opening_end(toks)].t == subject


def test_a_possessive_name_before_a_noun_is_the_owner_not_the_speaker():
    from newscli.quotes import classify, tokens

    for phrase in ("Ruiz’s potential VP", "Brandt's new CFO"):
        assert classify(tokens(phrase, 0, len(phrase)), phrase).name is None, phrase
    phrase = "Mayor Ruiz’s spokesman, Tom Brandt"
    assert classify(tokens(phrase, 0, len(phrase)), phrase).name == "Tom Brandt"


@pytest.mark.parametrize("phrase,name,title", [
    ("undecided Republican voter Dana Whitfield of Derry, N.H.", "Dana Whitfield", "undecided Republican voter"),
    ("Ruiz’s introducer, actress Jamie Lee Brandt", "Jamie Lee Brandt", "Ruiz’s introducer, actress"),
    ("the group’s leader, former senator Ana Ruiz", "Ana Ruiz", "the group’s leader, former senator"),
])
def test_names_behind_role_words_and_hometowns(phrase, name, title):
    from newscli.quotes import classify, tokens

    m = classify(tokens(phrase, 0, len(phrase)), phrase)
    assert (m.name, m.title) == (name, title)


def test_a_tag_after_a_role_phrase_with_a_capitalized_adjective():
    text = "“I don’t know where he stands,” said undecided Republican voter Dana Whitfield of Derry, N.H., at a barbecue."
    assert _speaker(text, "I don’t know where he stands,").startswith("undecided Republican voter Dana Whitfield")


def test_a_phrase_ending_on_a_preposition_is_not_a_speaker():
    from newscli.quotes import Mention, _is_fragment
    for phrase in ("By", "that the person who", "of the water pipes and", "the mayor embodied the",
                   "a few days", "Friday", "There"):
        assert _is_fragment(Mention(0, len(phrase), phrase), phrase), phrase
    for phrase in ("Senator Dana Whitfield", "the city council", "Ms. Ruiz, who is the treasurer", "she",
                   "A spokeswoman for the agency"):
        assert not _is_fragment(Mention(0, len(phrase), phrase), phrase), phrase


def test_a_name_for_a_publication_keeps_the_writer_as_the_speaker():
    q = one("“The effect of the debate is still small,” wrote Dana Whitfield for Civic Pulse.")
    assert q.speaker.name == "Dana Whitfield"


def test_according_to_after_the_tag_keeps_the_speaker():
    # the source of the report is not who spoke: users ask who said the words
    q = one("“We will not yield an inch,” Ortega said, according to the Daily Ledger.")
    assert q.speaker.mention == "Ortega"
    q = one("“We will not yield an inch,” said Ortega, according to a transcript of the hearing.")
    assert q.speaker.name == "Ortega" and q.speaker.title is None
    q = one("“We disagree with those claims,” agency spokesman Tom Brandt said in a statement according to the Daily Ledger.")
    assert q.speaker.name == "Tom Brandt"


def test_a_pronoun_after_an_opening_word_is_the_speaker():
    qs = find("“I moved here for the quiet.” Perhaps, she said, the town “has grown too big for its own good.”")
    q = next(q for q in qs if q.text.startswith("I moved"))
    assert q.speaker.mention == "she"


def test_a_subject_with_a_modal_after_the_quote_is_cut_to_the_subject():
    q = one("“Get out of here!” a reporter can be heard saying in the background of the video.")
    assert q.speaker.mention == "a reporter"


def test_an_opening_place_with_its_state_and_date_is_skipped():
    text = ("At a town hall in Keene, Maine, on Sunday, Ms. Ortega tried to expand on her vote, saying that "
            "the state should “lead by example” on the budget.")
    assert _speaker(text, "lead by example") == "Ms. Ortega"


def test_the_subject_after_an_opening_place_before_an_earlier_cue():
    text = ("At a town hall in Keene, Maine, on Sunday, Ms. Ortega tried to explain her vote, saying that "
            "the state should “lead by example” on the budget.")
    assert _speaker(text, "lead by example") == "Ms. Ortega"


def test_the_name_before_a_relative_clause_is_the_subject_not_its_last_place():
    text = ("Dana Ruiz, who lost her son during the flood in Boulder, Colorado, in July 2012, said that the "
            "county had “failed every family here.”")
    q = one(text)
    assert q.speaker.name == "Dana Ruiz"
    q = one("Dana Ruiz, who runs a bakery in Boulder, Colorado, said the county had “failed every family here.”")
    assert q.speaker.name == "Dana Ruiz"


def test_a_participle_after_the_quote_has_no_inverted_speaker():
    text = "Ms. Ortega said of the vote, “I do not like it,” adding that “the anger is real.”"
    assert _speaker(text, "I do not like it,") == "Ms. Ortega"
    assert _speaker(text, "the anger is real.") == "Ms. Ortega"
