"""Schools and similar institutions named by a number: «гимназия № 97», «№ 12 мектеп-лицей», "School No. 5".

No NER model tags them (the number is the name) and no gazetteer can list them, yet regional news
names them often in cooperation stories (exchanges, twinned schools, donated equipment). The
canonical name is the English kind plus the number, the same in every language: Gymnasium No. 97.
"""

from __future__ import annotations

import re

from coopwatch.entities.base import EntitySpan

SOURCE = "numbered"
# (pattern of the kind word's start, English kind); compounds first so that they win over their parts
_KINDS = {
    "ru": [(r"школ[а-я]{0,3}-гимнази", "School-Gymnasium"), (r"школ[а-я]{0,3}-лице", "School-Lyceum"),
           ("гимнази", "Gymnasium"),
           ("лице", "Lyceum"), ("школ", "School")],
    "kk": [("мектеп-гимназия", "School-Gymnasium"), ("мектеп-лицей", "School-Lyceum"), ("гимназия", "Gymnasium"),
           ("лицей", "Lyceum"), ("мектеп", "School")],
    "en": [("school-gymnasium", "School-Gymnasium"), ("school-lyceum", "School-Lyceum"), ("gymnasium", "Gymnasium"),
           ("lyceum", "Lyceum"), ("school", "School")],
}  # fmt: skip
_NUMBER = r"(?<!\w)(?:№|No\.?|#)\s?(\d{1,4})\b"


def _alternation(lang: str) -> str:
    return "|".join(stem for stem, _ in _KINDS[lang])


# Russian and English put the kind first («гимназия № 97», "School No. 5"); Kazakh puts the number
# first («№ 97 гимназия», «№12 мектеп-лицейінде»), and its endings follow the kind word.
_PATTERNS = {
    "ru": re.compile(rf"\b({_alternation('ru')})[а-яё]*\s*{_NUMBER}", re.IGNORECASE),
    "en": re.compile(rf"\b({_alternation('en')})\s*{_NUMBER}", re.IGNORECASE),
    "kk": re.compile(rf"{_NUMBER}\s*({_alternation('kk')})[а-яёәғқңөұүһі]*", re.IGNORECASE),
}


class NumberedInstitutionRecognizer:
    """Finds numbered schools, gymnasiums and lyceums in one language and names them in English."""

    def __init__(self, lang: str) -> None:
        if lang not in _PATTERNS:
            raise ValueError(f"no numbered-institution pattern for {lang!r}")
        self.lang = lang
        self._kinds = _KINDS[lang]

    def _kind(self, word: str) -> str:
        low = word.lower()
        return next(kind for stem, kind in self._kinds if re.match(stem, low))

    def recognize(self, text: str, offset: int = 0) -> list[EntitySpan]:
        """ORG spans from the kind word to the number (Kazakh: from the number to the kind word)."""
        out = []
        for m in _PATTERNS[self.lang].finditer(text):
            word, number = (m.group(2), m.group(1)) if self.lang == "kk" else (m.group(1), m.group(2))
            name = f"{self._kind(word)} No. {int(number)}"
            out.append(EntitySpan(m.start() + offset, m.end() + offset, "ORG", name=name, source=SOURCE))
        return out
