"""newscli: turn raw news copy into structured records (who said what, where and when).

Library use::

    from newscli import parse
    article = parse(open("story.txt", encoding="utf-8").read(), path="story.txt")
    for q in article.quotes:
        print(q.speaker.name if q.speaker else None, q.text)
"""
__version__ = "0.1.0"

from .parser import parse  # noqa: E402  (re-exported as the library entry point)

__all__ = ["parse", "__version__"]
