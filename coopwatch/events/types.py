"""Which event a sentence reports, by its cue words; negated or merely possible agreements are not agreements."""

from __future__ import annotations

import re

from coopwatch.events import en, kk, ru
from coopwatch.events.base import Patterns

# The strongest type wins when a sentence has several cues.
EVENT_TYPES: tuple[str, ...] = ("agreement", "proposal", "visit", "meeting", "project")
TABLES = {"kk": kk.TABLES, "ru": ru.TABLES, "en": en.TABLES}
CUES: dict[str, dict[str, str]] = {lang: t.cues for lang, t in TABLES.items()}
PATTERNS: dict[str, Patterns] = {lang: Patterns(t) for lang, t in TABLES.items()}


def _candidates(lang: str) -> list[Patterns]:
    """The tables to read a sentence with: its language's, or every one when we have none for it."""
    return [PATTERNS[lang]] if lang in PATTERNS else list(PATTERNS.values())


def patterns_for(lang: str) -> Patterns:
    """The compiled tables of a language; English for a language we have none for."""
    return PATTERNS.get(lang, PATTERNS["en"])


def _agreement_is_real(text: str, m: re.Match[str], p: Patterns, sentence_start: int) -> bool:
    """An agreement cue counts unless it is negated or only possible, planned or proposed."""
    before = text[max(sentence_start, m.start() - 60) : m.start()]
    if p.not_yet_before.search(before) or p.not_yet_cue.search(m.group()):
        return False
    return not p.not_yet_after.match(text, m.end(), min(len(text), m.end() + 40))


def _found(text: str, start: int, end: int, lang: str) -> set[str]:
    found = set()
    for p in _candidates(lang):
        for kind, pattern in p.cues.items():
            for m in pattern.finditer(text, start, end):
                if kind != "agreement" or _agreement_is_real(text, m, p, start):
                    found.add(kind)
                    break
    return found


def event_type(text: str, start: int, end: int, lang: str) -> str | None:
    """The strongest event type that the sentence text[start:end] reports, or None."""
    return next(iter(event_types(text, start, end, lang)), None)


def event_types(text: str, start: int, end: int, lang: str) -> list[str]:
    """The strongest event type the sentence reports, and a meeting it also reports beside a visit or an
    agreement ("during the visit Macron met his counterpart", "after the talks they signed")."""
    found = _found(text, start, end, lang)
    strongest = next((kind for kind in EVENT_TYPES if kind in found), None)
    if strongest is None:
        return []
    return (
        [strongest, "meeting"] if strongest in ("visit", "agreement") and "meeting" in found else [strongest]
    )


def is_remote(text: str, start: int, end: int, lang: str) -> bool:
    """Whether text[start:end] says a meeting was held at a distance (a phone or video call)."""
    return any(p.remote.search(text, start, end) for p in _candidates(lang))


def has_visit_cue(text: str, start: int, end: int, lang: str) -> bool:
    """Whether text[start:end] speaks of a visit, whatever else it reports ("received on a state
    visit to Paris, Macron offered..."): a visit names where it goes."""
    p = patterns_for(lang)
    cue = p.cues.get("visit")
    return bool(cue and cue.search(text, start, end))
