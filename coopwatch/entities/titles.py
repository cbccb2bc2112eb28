"""Ministries named through a minister's title.

«Қазақстан Республикасы Сыртқы істер министрінің орынбасары», «министр иностранных дел Казахстана»
and "Kazakh Foreign Minister" each name the ministry as much as its own name does, and analysts count
the ministry among the organisations of the story. The title is turned into the ministry's name in
the same language (министрі -> министрлігі, министр -> Министерство, Minister -> Ministry) and linked
only when the gazetteer knows that name for one record, so a title without its country (Сыртқы істер
министрі) or a ministry we do not list adds nothing.
"""

from __future__ import annotations

import re

from coopwatch.entities.base import EntitySpan
from coopwatch.gazetteer import Gazetteer

SOURCE = "title"
MAX_WORDS = 6  # of the ministry's own name around the title word: Қазақстан Республикасы Сыртқы істер
_WORD = re.compile(r"[\w'’-]+")
_BREAK = re.compile(r"[.,;:!?«»()\"“”„\n]")  # a name never runs across these
# the title word; Kazakh endings follow the possessive (министрінің), Russian ones the noun (министра)
_TITLE = {
    "kk": re.compile(r"\bминистр(?:і|інің|іне|імен|ін|інен|інде)\b"),
    "ru": re.compile(r"\b[Мм]инистр(?:а|у|ом|е)?\b"),
    "en": re.compile(r"\b[Mm]inister\b"),
}


class MinistryTitleRecognizer:
    """Finds the ministry behind each minister's title in one language (kk, ru, en)."""

    def __init__(self, gazetteer: Gazetteer, lang: str) -> None:
        if lang not in _TITLE:
            raise ValueError(f"no minister titles for {lang!r}")
        self.gazetteer, self.lang = gazetteer, lang

    def recognize(self, text: str, offset: int = 0) -> list[EntitySpan]:
        """One ORG span per title whose ministry the gazetteer knows: the title word and the words
        of the ministry's name beside it."""
        out = []
        for m in _TITLE[self.lang].finditer(text):
            found = self._ministry(text, m)
            if found is not None:
                start, end, record_id = found
                out.append(EntitySpan(start + offset, end + offset, "ORG", record_id, source=SOURCE))
        return out

    def _ministry(self, text: str, title: re.Match[str]) -> tuple[int, int, str] | None:
        """(start, end, record id) of the longest reading of the title that the gazetteer knows."""
        before = _words(text[: title.start()], last=True)
        after = _words(text[title.end() :], last=False)
        candidates: list[tuple[str, int, int]] = []  # (ministry name, start, end)
        for k in range(1, MAX_WORDS + 1):
            if self.lang in ("kk", "en") and len(before) >= k:
                words = before[-k:]
                tail = " министрлігі" if self.lang == "kk" else " Ministry"
                name = " ".join(w.group() for w in words) + tail
                candidates.append((name, words[0].start(), title.end()))
            if self.lang in ("ru", "en") and len(after) >= k:
                words = after[:k]
                head = "Министерство " if self.lang == "ru" else "Ministry "
                name = head + " ".join(w.group() for w in words)
                candidates.append((name, title.start(), title.end() + words[-1].end()))
        for name, start, end in sorted(candidates, key=lambda c: c[1] - c[2]):
            record = self.gazetteer.lookup(name, "ORG")
            if record is not None:
                return start, end, record.id
        return None


def _words(text: str, last: bool) -> list[re.Match[str]]:
    """The words next to a title, up to the nearest punctuation: the last ones of `text` or its first."""
    cut = list(_BREAK.finditer(text))
    if last:
        start = cut[-1].end() if cut else 0
        return list(_WORD.finditer(text, start))[-MAX_WORDS:]
    end = cut[0].start() if cut else len(text)
    return list(_WORD.finditer(text, 0, end))[:MAX_WORDS]
