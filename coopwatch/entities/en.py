"""English forms of gazetteer names: plural demonyms (Kazakhs, Russians); `'s` is a separate token."""

from __future__ import annotations

from collections.abc import Iterable

from coopwatch.gazetteer import SurfaceKind


class EnglishMorphology:
    """English names do not inflect; peoples take a plural -s."""

    lang = "en"

    def index_keys(self, word: str, kind: SurfaceKind) -> list[tuple[str, str]]:
        low = word.lower()
        plural = kind in ("adjective", "demonym") and not low.endswith(("s", "sh", "ch", "ese"))
        return [(low, "plural" if plural else "fixed")]

    def readings(self, word: str) -> Iterable[tuple[str, str]]:
        yield word, ""
        if word.endswith("s") and len(word) > 4:
            yield word[:-1], "s"

    def agrees(self, paradigm: str, ending: str) -> bool:
        return ending == "" or (paradigm == "plural" and ending == "s")
