"""Statistical named-entity recognisers per language, each wrapped in our own `EntitySpan` records.

`statistical_recognizers` gives one lazy recogniser per language: its model is loaded on the first
article in that language (once per process) and a missing package or model only costs that
language its statistical NER, with one warning, never the batch.

The models' cost grows faster than linearly with the length of what they are given at once (a
whole article pasted as one line), so every piece longer than `MAX_PIECE` characters is cut into
bounded pieces first, at a sentence end where there is one (`bounded_pieces`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Any

from coopwatch.entities.base import EntitySpan, Piece, Recognizer, recognize_pieces
from coopwatch.gazetteer import Gazetteer

log = logging.getLogger(__name__)
MAX_PIECE = 2000  # characters a statistical model reads at once; paragraphs are shorter
_SENTENCE_END = re.compile(r"[.!?…][\"»”’)\]]*\s+")
_SPACE = re.compile(r"\s+")
_BROKEN: dict[str, str] = {}  # language -> why its recogniser could not be built


def _cut_at(text: str, start: int, limit: int) -> int:
    """Where the piece that begins at `start` ends: after the last sentence end within `limit`
    characters, else at the last space, else at `limit` (linear: only that window is searched)."""
    stop = start + limit
    window_start = start + limit // 2  # a piece is never shorter than half the limit
    last = None
    for m in _SENTENCE_END.finditer(text, window_start, stop):
        last = m.end()
    if last is None:
        for m in _SPACE.finditer(text, window_start, stop):
            last = m.end()
    return last if last is not None and last > start else stop


def bounded_pieces(pieces: Sequence[Piece], limit: int = MAX_PIECE) -> list[Piece]:
    """The pieces with every one longer than `limit` cut into consecutive pieces of at most `limit`
    characters (offsets kept), so no model ever reads more than `limit` characters at once."""
    out: list[Piece] = []
    for text, offset in pieces:
        start = 0
        while len(text) - start > limit:
            end = _cut_at(text, start, limit)
            out.append((text[start:end], offset + start))
            start = end
        out.append((text[start:] if start else text, offset + start))
    return out


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
        return self.recognize_pieces([(text, offset)])

    def recognize_pieces(self, pieces: Sequence[Piece]) -> list[EntitySpan]:
        """All pieces of a document, batched when the real recogniser can (see `recognize_pieces`)."""
        inner = self._load()
        return recognize_pieces(inner, bounded_pieces(pieces)) if inner is not None else []


def statistical_recognizers(gazetteer: Gazetteer) -> dict[str, LazyRecognizer]:
    """One lazy statistical recogniser per language that has one (kk, ru, en)."""
    return {lang: LazyRecognizer(lang, gazetteer) for lang in FACTORIES}


def unavailable() -> dict[str, str]:
    """Languages whose recogniser failed to load, and why."""
    return dict(_BROKEN)
