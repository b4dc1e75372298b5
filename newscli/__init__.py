"""newscli: turn raw news copy into structured records (who said what, where and when).

Library use::

    from newscli import parse
    article = parse(open("story.txt", encoding="utf-8").read(), path="story.txt")
    for q in article.quotes:
        print(q.speaker.name if q.speaker else None, q.text)
"""
__version__ = "0.1.0"

__all__ = ["parse", "__version__"]


def __getattr__(name):
    # parse() is imported on first use, so `newscli --version` and `--help` stay fast
    if name == "parse":
        from .parser import parse

        return parse
    raise AttributeError(f"module 'newscli' has no attribute {name!r}")
