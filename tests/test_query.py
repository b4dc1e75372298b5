"""Queries over records: filters and speaker identity across the database."""
from newscli.query import article_rows, fold, name_tokens, quote_rows, speaker_keys, speaker_rows


def rec(id, quotes, headline="H", published=None):
    return {"id": id, "headline": headline, "published": published, "text": "",
            "byline": {"authors": []}, "dateline": {},
            "quotes": [{"text": t, "kind": k, "speaker": {"name": n, "mention": n}, "verb": "said",
                        "start": 0, "end": 1} for n, t, k in quotes]}


def test_fold_ignores_case_and_accents():
    assert fold("José ÁLVAREZ") == "jose alvarez"


def test_name_tokens_drop_leading_titles():
    assert name_tokens("President Joe Biden") == ["joe", "biden"]
    assert name_tokens("Sen. Elizabeth Warren") == ["elizabeth", "warren"]
    assert name_tokens("White House spokesman John Kirby") == ["john", "kirby"]


def test_variants_of_one_person_merge():
    keys = speaker_keys([{"name": "Joe Biden"}, {"name": "President Biden"}, {"name": "Biden"}])
    assert keys["Joe Biden"] == keys["President Biden"] == keys["Biden"]


def test_people_sharing_a_surname_stay_apart():
    keys = speaker_keys([{"name": "Joe Biden"}, {"name": "Hunter Biden"}, {"name": "Biden"}])
    assert keys["Joe Biden"] != keys["Hunter Biden"]
    # a bare surname with two candidates is not given to either
    assert keys["Biden"] not in (keys["Joe Biden"], keys["Hunter Biden"])


def test_sources_and_groups_are_not_people():
    keys = speaker_keys([{"name": "a diplomat familiar with the talks", "anonymous": True},
                         {"name": "US officials", "group": True}])
    assert keys["US officials"][0] == "source"


def test_speaker_rows_count_quotes_and_articles():
    records = [rec("a1", [("President Biden", "x", "direct"), ("John Kirby", "y", "direct")]),
               rec("a2", [("Joe Biden", "z", "partial"), ("Joe Biden", "w", "direct")])]
    rows = speaker_rows(records)
    assert rows[0]["speaker"] == "Joe Biden"
    assert (rows[0]["quotes"], rows[0]["articles"]) == (3, 2)
    assert rows[1]["speaker"] == "John Kirby"


def test_quote_filters():
    records = [rec("abc123", [("John Kirby", "We are watching", "direct"),
                              ("Zoë Müller", "Nein", "partial")])]
    assert [q["text"] for q in quote_rows(records, speaker="kirby")] == ["We are watching"]
    assert [q["text"] for q in quote_rows(records, speaker="zoe muller")] == ["Nein"]
    assert [q["text"] for q in quote_rows(records, kind="partial")] == ["Nein"]
    assert [q["text"] for q in quote_rows(records, search="WATCH")] == ["We are watching"]
    assert quote_rows(records, article="zzz") == []
    assert len(quote_rows(records, limit=1)) == 1


def test_articles_newest_first_and_search():
    records = [rec("a", [], "Old story", "2020-01-01T00:00:00+00:00"),
               rec("b", [], "New story", "2024-01-01T00:00:00+00:00")]
    assert [r["id"] for r in article_rows(records)] == ["b", "a"]
    assert [r["id"] for r in article_rows(records, search="old")] == ["a"]
