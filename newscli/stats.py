"""`newscli stats`: the database at a glance, as numbers (pure) and terminal charts."""
from __future__ import annotations

from collections import Counter

from .query import article_date, speaker_rows

SPARKS = "▁▂▃▄▅▆▇█"


def compute(records: list[dict], top: int = 10) -> dict:
    """Counts, date range, outlets, top speakers, quotes per month and anonymous share."""
    quotes = [(r, q) for r in records for q in r.get("quotes") or []]
    dates = sorted(d[:10] for d in (article_date(r) for r in records) if d)
    outlets = Counter(_outlet(r) for r in records)
    per_outlet = Counter()
    per_month = Counter()
    anonymous = 0
    for r, q in quotes:
        per_outlet[_outlet(r)] += 1
        d = article_date(r)
        if d:
            per_month[d[:7]] += 1
        anonymous += bool((q.get("speaker") or {}).get("anonymous"))
    speakers = speaker_rows(records)
    return {
        "articles": len(records),
        "quotes": len(quotes),
        "speakers": len(speakers),
        "date_range": [dates[0], dates[-1]] if dates else None,
        "outlets": dict(outlets.most_common()),
        "top_speakers": [{"speaker": s["speaker"], "quotes": s["quotes"]} for s in speakers[:top]],
        "quotes_per_month": dict(sorted(per_month.items())),
        "anonymous_share": round(anonymous / len(quotes), 4) if quotes else 0.0,
        "quotes_per_outlet": dict(per_outlet.most_common()),
        "quote_kinds": dict(Counter(q.get("kind") for _, q in quotes).most_common()),
    }


def _outlet(r: dict) -> str:
    b = r.get("byline") or {}
    return b.get("organization") or r.get("site") or (r.get("dateline") or {}).get("agency") or "(unknown)"


def sparkline(values: list[int]) -> str:
    if not values:
        return ""
    hi = max(values) or 1
    return "".join(SPARKS[min(len(SPARKS) - 1, v * (len(SPARKS) - 1) // hi)] for v in values)


def render(s: dict):
    """Rich renderables for the numbers: summary, bars, a sparkline, shares."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from .render import safe, short

    summary = Table.grid(padding=(0, 2))
    summary.add_column(style="bold")
    summary.add_column()
    rng = " – ".join(s["date_range"]) if s["date_range"] else "no dates"
    for label, value in (("articles", s["articles"]), ("quotes", s["quotes"]), ("speakers", s["speakers"]),
                         ("dates", rng), ("anonymous sources", f"{s['anonymous_share']:.0%} of quotes")):
        summary.add_row(label, safe(value))

    def bars(title: str, items: dict, width: int = 30) -> Table:
        t = Table(title=title, title_justify="left", show_header=False, box=None, padding=(0, 1))
        t.add_column(no_wrap=True)
        t.add_column()
        t.add_column(justify="right")
        hi = max(items.values(), default=0) or 1
        for name, n in items.items():
            t.add_row(safe(short(name, 28)), Text("█" * max(1, n * width // hi), style="cyan"), safe(n))
        return t

    parts = [summary, Text()]
    if s["top_speakers"]:
        parts.append(bars("Top speakers (quotes)", {x["speaker"]: x["quotes"] for x in s["top_speakers"]}))
    if s["quotes_per_month"]:
        months = s["quotes_per_month"]
        line = Text("Quotes per month  ", style="bold")
        line.append(sparkline(list(months.values())), style="green")
        line.append(f"  {next(iter(months))} … {list(months)[-1]}", style="dim")
        parts += [Text(), line]
    if s["quotes_per_outlet"]:
        parts += [Text(), bars("Quotes per outlet", s["quotes_per_outlet"])]
    if s["quotes"]:
        share = s["anonymous_share"]
        line = Text("Anonymous sources ", style="bold")
        line.append("█" * round(share * 30), style="red")
        line.append("░" * (30 - round(share * 30)), style="dim")
        line.append(f" {share:.0%}")
        parts += [Text(), line]
    return Group(*parts)
