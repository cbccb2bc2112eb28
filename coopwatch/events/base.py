"""What each language declares for the event stage, compiled once: cues, role titles, place and host marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

NEVER = "(?!)"
_W = r"[\w\-]"


@dataclass(frozen=True, slots=True)
class Tables:
    """One language's words; `kk.py`, `ru.py` and `en.py` each declare one, the rules stay language-free."""

    cues: dict[str, str]  # event type -> its cue words
    roles: tuple[tuple[str | None, str], ...]  # role id (None: a title that is none of ours) -> its words
    modifiers: str  # lowercase words allowed between a title and the name (иностранных дел, of, to)
    host_before: str  # before a country: the host, not the side (посол Франции «в» Казахстане)
    place_before: str  # before a city or region: the place where it happens (в, in)
    visit_place_before: str = NEVER  # the same for a visit, which also names where it goes (to)
    not_yet_before: str = NEVER  # before an agreement cue: negated or only possible
    left_reach: int = 2  # words before a title that may still name its country (French President)
    left_stops: str = NEVER  # words that end a title's reach to the left (Kazakh «мен»: "and/with")
    place_tail: str = NEVER  # endings on a place that make it the place (Kazakh locative: Астанада)
    visit_place_tail: str = NEVER  # endings that also count for a visit (Kazakh dative: Парижге)
    place_after: str = NEVER  # a word after a city or region that makes it the place (Орал қаласында)
    host_tail: str = NEVER  # endings on a country that make it the host (Қазақстандағы)
    not_yet_cue: str = NEVER  # an agreement cue whose own ending negates it (қол қойылмады)
    not_yet_after: str = NEVER  # after an agreement cue: negated or only possible (мүмкін)
    remote: str = NEVER  # words of a meeting held at a distance: a phone or video call
    host_leader: str = NEVER  # Kazakhstan's head of state by title alone (Мемлекет басшысы)
    leaders: str = NEVER  # heads of state together (the presidents of Kazakhstan and Italy, лидеры)
    state_visit: str = NEVER  # a state or official visit, whose host head of state receives the guest
    summit: str = (
        NEVER  # a meeting of many countries' leaders (summit, consultative meeting of heads of state)
    )


class Patterns:
    """A language's tables as compiled regular expressions."""

    def __init__(self, t: Tables) -> None:
        self.cues = {k: re.compile(rf"(?<!{_W})(?:{rx})(?!{_W})", re.IGNORECASE) for k, rx in t.cues.items()}
        self.role_ids = [role for role, _ in t.roles]
        alts = "|".join(f"(?P<r{i}>{rx})" for i, (_, rx) in enumerate(t.roles))
        self.roles = re.compile(rf"(?<!{_W})(?:{alts})(?!{_W})", re.IGNORECASE)
        self.modifier = re.compile(rf"(?:{t.modifiers})$", re.IGNORECASE)
        self.host_before = re.compile(rf"(?<!{_W})(?:{t.host_before})\s+$", re.IGNORECASE)
        self.place_before = re.compile(rf"(?<!{_W})(?:{t.place_before})\s+$", re.IGNORECASE)
        self.visit_place_before = re.compile(rf"(?<!{_W})(?:{t.visit_place_before})\s+$", re.IGNORECASE)
        self.not_yet_before = re.compile(t.not_yet_before, re.IGNORECASE)
        self.left_reach = t.left_reach
        self.left_stop = re.compile(rf"(?:{t.left_stops})$", re.IGNORECASE)  # match() is a whole-word match
        self.place_tail = re.compile(rf"(?:{t.place_tail})", re.IGNORECASE)
        self.visit_place_tail = re.compile(rf"(?:{t.visit_place_tail})", re.IGNORECASE)
        self.place_after = re.compile(rf"\s+(?:{t.place_after})(?!{_W})", re.IGNORECASE)
        # the same endings on the last word of a name the gazetteer does not know (so its base is unknown)
        self.place_end = re.compile(rf"\w\w(?:{t.place_tail})$", re.IGNORECASE)
        self.visit_place_end = re.compile(rf"\w\w(?:{t.visit_place_tail}|{t.place_tail})$", re.IGNORECASE)
        self.host_tail = re.compile(rf"(?:{t.host_tail})$", re.IGNORECASE)
        self.not_yet_cue = re.compile(t.not_yet_cue, re.IGNORECASE)
        self.not_yet_after = re.compile(t.not_yet_after, re.IGNORECASE)
        self.remote = re.compile(rf"(?<!{_W})(?:{t.remote})(?!{_W})", re.IGNORECASE)
        self.host_leader = re.compile(rf"(?<!{_W})(?:{t.host_leader})(?!{_W})", re.IGNORECASE)
        self.leaders = re.compile(rf"(?<!{_W})(?:{t.leaders})(?!{_W})", re.IGNORECASE)
        self.state_visit = re.compile(rf"(?<!{_W})(?:{t.state_visit})(?!{_W})", re.IGNORECASE)
        self.summit = re.compile(rf"(?<!{_W})(?:{t.summit})(?!{_W})", re.IGNORECASE)

    def role_of(self, m: re.Match[str]) -> str | None:
        """The role id of a title match (None for a title that is none of ours, such as vice-president)."""
        return self.role_ids[int(m.lastgroup[1:])] if m.lastgroup else None
