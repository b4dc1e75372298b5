"""`newscli stats`: numbers (pure) and the chart view; shell completion from the database."""
import json

from typer.testing import CliRunner

from newscli.cli import _complete_ids, _complete_speakers, app
from newscli.stats import compute, sparkline


def rec(id, published, org, quotes):
    return {"id": id, "published": published, "byline": {"organization": org, "authors": []},
            "dateline": {}, "quotes": [{"kind": k, "speaker": {"name": n, "anonymous": anon}}
                                       for n, k, anon in quotes]}


RECORDS = [
    rec("a1", "2024-01-10T10:00:00+00:00", "Reuters", [("Joe Biden", "direct", False),
                                                       ("a senior official", "indirect", True)]),
    rec("a2", "2024-03-02T10:00:00+00:00", "AP", [("President Biden", "partial", False)]),
    rec("a3", None, "AP", []),
]


def test_compute():
    s = compute(RECORDS)
    assert (s["articles"], s["quotes"]) == (3, 3)
    assert s["date_range"] == ["2024-01-10", "2024-03-02"]
    assert s["outlets"] == {"AP": 2, "Reuters": 1}
    assert s["top_speakers"][0] == {"speaker": "Joe Biden", "quotes": 2}
    assert s["quotes_per_month"] == {"2024-01": 2, "2024-03": 1}
    assert s["anonymous_share"] == round(1 / 3, 4)
    assert s["quotes_per_outlet"] == {"Reuters": 2, "AP": 1}


def test_sparkline():
    assert sparkline([0, 4, 8]) == "▁▄█"
    assert sparkline([]) == ""


def test_stats_command(tmp_path):
    db = tmp_path / "db.json"
    from newscli.store import Store

    with Store(db).transaction() as st:
        st.upsert([{**r, "text": "", "source": {"path": r["id"]}} for r in RECORDS])
    runner = CliRunner()
    out = runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout
    assert json.loads(out)["articles"] == 3
    view = runner.invoke(app, ["stats", "--db", str(db)]).stdout
    assert "Top speakers" in view and "Joe Biden" in view and "Quotes per month" in view
    assert "Anonymous sources" in view and "█" in view


class FakeCtx:
    def __init__(self, db):
        self.params = {"db": db}


def test_completion_from_the_database(tmp_path):
    db = tmp_path / "db.json"
    from newscli.store import Store

    with Store(db).transaction() as st:
        st.upsert([{**r, "text": "", "headline": f"Story {r['id']}", "source": {"path": r["id"]}}
                   for r in RECORDS])
    assert [i for i, _ in _complete_ids(FakeCtx(db), "a")] == ["a1", "a2", "a3"]
    assert _complete_ids(FakeCtx(db), "a2") == [("a2", "Story a2")]
    assert _complete_speakers(FakeCtx(db), "bid") == ["Joe Biden"]
    assert _complete_ids(FakeCtx(tmp_path / "broken" / "x"), "") == []
