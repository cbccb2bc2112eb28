"""Statistical named-entity recognisers per language, each wrapped in our own `EntitySpan` records.

`statistical_recognizers` gives one lazy recogniser per language: its model is loaded on the first
article in that language (once per process) and a missing package or model only costs that
language its statistical NER, with one warning, never the batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from coopwatch.entities.base import EntitySpan, Piece, Recognizer, recognize_pieces
from coopwatch.gazetteer import Gazetteer

log = logging.getLogger(__name__)
_BROKEN: dict[str, str] = {}  # language -> why its recogniser could not be built


def _russian(gazetteer: Gazetteer) -> Recognizer:
    from coopwatch.ner.ru import RussianRecognizer

    return RussianRecognizer(gazetteer)


def _english(gazetteer: Gazetteer) -> Recognizer:
    from coopwatch.ner.en import EnglishRecognizer

    return EnglishRecognizer(gazetteer)


def _kazakh(gazetteer: Gazetteer) -> Recognizer:
    from coopwatch.ner.kk import KazakhRecognizer

    rec: Any = KazakhRecognizer()
    return rec  # type: ignore[no-any-return]


FACTORIES: dict[str, Callable[[Gazetteer], Recognizer]] = {"ru": _russian, "en": _english, "kk": _kazakh}


class LazyRecognizer:
    """Builds the real recogniser on first use, so a run without articles in a language never loads it."""

    def __init__(self, lang: str, gazetteer: Gazetteer) -> None:
        self.lang = lang
        self.gazetteer = gazetteer
        self._inner: Recognizer | None = None

    @property
    def available(self) -> bool:
        """Whether the model loads (loading it if needed)."""
        return self._load() is not None

    def _load(self) -> Recognizer | None:
        if self._inner is None and self.lang not in _BROKEN:
            try:
                self._inner = FACTORIES[self.lang](self.gazetteer)
            except (ImportError, OSError) as exc:  # package or model file missing
                _BROKEN[self.lang] = f"{type(exc).__name__}: {exc}"
                log.warning("no statistical NER for %s (%s); the gazetteer still runs", self.lang, exc)
        return self._inner

    def recognize(self, text: str, offset: int = 0) -> list[EntitySpan]:
        inner = self._load()
        return inner.recognize(text, offset) if inner is not None else []

    def recognize_pieces(self, pieces: Sequence[Piece]) -> list[EntitySpan]:
        """All pieces of a document, batched when the real recogniser can (see `recognize_pieces`)."""
        inner = self._load()
        return recognize_pieces(inner, pieces) if inner is not None else []


def statistical_recognizers(gazetteer: Gazetteer) -> dict[str, LazyRecognizer]:
    """One lazy statistical recogniser per language that has one (kk, ru, en)."""
    return {lang: LazyRecognizer(lang, gazetteer) for lang in FACTORIES}


def unavailable() -> dict[str, str]:
    """Languages whose recogniser failed to load, and why."""
    return dict(_BROKEN)
