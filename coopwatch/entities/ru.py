"""Russian case forms of gazetteer names: Франции, Францией, Токаева, Казахстане, французской."""

from __future__ import annotations

from collections.abc import Iterable

from coopwatch.gazetteer import SurfaceKind

_NOUN = frozenset({"", "а", "я", "о", "е", "ё", "и", "ы", "у", "ю", "ь", "й", "ом", "ем", "ём", "ой", "ей", "ою", "ею", "ам", "ям", "ах", "ях", "ами", "ями", "ов", "ев", "ью", "ым", "им", "ых", "их"})  # fmt: skip
_ADJ = frozenset({"ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ую", "юю", "ых", "их", "ыми", "ими", "ей", "ою", "ею"})  # fmt: skip
# how a gazetteer adjective ends (французский, Восточно-Казахстанская)
_ADJ_LEMMA = frozenset({"ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие"})
_NOUN_FINAL = set("аяоеёиыуюьй")
_MAX = 3


class RussianMorphology:
    """Stems Russian names by their final vowel or adjective ending, and reads text words as stem + ending."""

    lang = "ru"

    def index_keys(self, word: str, kind: SurfaceKind) -> list[tuple[str, str]]:
        low = word.lower()
        if len(low) <= 3 or (len(low) > 1 and word.isupper()) or not low.isalpha():
            return [(low, "fixed")]
        if low[-2:] in _ADJ_LEMMA and len(low) > 5 and kind != "surname":
            return [(low[:-2], "adj")]
        if low[-1] in _NOUN_FINAL and len(low) > 4:
            return [(low[:-1], "noun")]
        return [(low, "noun")]

    def readings(self, word: str) -> Iterable[tuple[str, str]]:
        for k in range(max(0, min(_MAX, len(word) - 3)) + 1):
            yield word[: len(word) - k], word[len(word) - k :]

    def agrees(self, paradigm: str, ending: str) -> bool:
        if paradigm == "noun":
            return ending in _NOUN
        if paradigm == "adj":
            return ending in _ADJ
        return ending == ""
