"""Word lists shared by the quote and attribution rules (cue verbs, titles, pronouns...).

Shared by quotes.py, attribution.py and reported.py: add rows, keep one place per idea.
"""
from __future__ import annotations
