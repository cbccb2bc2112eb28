"""Language identification: lingua restricted to the languages we serve, helped by script letters.

lingua is strong on whole paragraphs but confuses Kazakh with Russian on short or
mixed strings, and it has no Kyrgyz or Uzbek model. The letters that only one of these
alphabets uses decide those cases before lingua is asked.
"""

from __future__ import annotations

import re
from functools import cache
from typing import ClassVar

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from coopwatch.model import Document

SUPPORTED: tuple[Language, ...] = (
    Language.KAZAKH,
    Language.RUSSIAN,
    Language.ENGLISH,
    Language.FRENCH,
    Language.GERMAN,
    Language.ITALIAN,
    Language.SPANISH,
    Language.TURKISH,
    Language.UKRAINIAN,
    Language.CHINESE,
    Language.KOREAN,
    Language.JAPANESE,
    Language.ARABIC,
    Language.PERSIAN,
    Language.MONGOLIAN,
    Language.AZERBAIJANI,
)

# Letters only Kazakh uses among the Cyrillic alphabets we meet (і is shared with
# Ukrainian and Belarusian, ң ө ү with Kyrgyz, қ ғ with Uzbek, so they are counted apart).
KAZAKH_ONLY = frozenset("әұһӘҰҺ")
KAZAKH_SHARED = frozenset("ғқңөүіҒҚҢӨҮІ")
KYRGYZ_LETTERS = frozenset("өүңӨҮҢ")  # Kyrgyz has these and none of Kazakh's ә ғ қ ұ һ і
UZBEK_LETTERS = frozenset("ўҳЎҲ")  # with қ ғ, and no ә ұ һ ң ө ү
# Letters of the Kazakh Latin alphabet (2018 version, used by Kazinform) that other
# Latin-script languages in this domain rarely use together.
KAZAKH_LATIN = frozenset("ǵńıýáóúǴŃÝÁÓÚ")
UZBEK_LATIN = re.compile(r"[oOgG][ʻʼ'‘’]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
KAZAKH_SHARE = 0.02
SAMPLE_CHARS = 4000  # enough for a confident answer; keeps long articles cheap


@cache
def _detector() -> LanguageDetector:
    """Build the detector once: ~0.5 s and ~140 MB for these languages, versus 1 GB for all."""
    return LanguageDetectorBuilder.from_languages(*SUPPORTED).with_preloaded_language_models().build()


def _count(text: str, letters: frozenset[str]) -> int:
    return sum(ch in letters for ch in text)


def _by_letters(text: str) -> str | None:
    """Decide Kazakh, Kyrgyz and Uzbek by their own letters, which lingua cannot do reliably."""
    cyrillic = len(CYRILLIC.findall(text))
    latin = len(LATIN.findall(text))
    if cyrillic and cyrillic >= latin:
        own, shared = _count(text, KAZAKH_ONLY), _count(text, KAZAKH_SHARED)
        uzbek = _count(text, UZBEK_LETTERS)
        if uzbek and not own and uzbek + _count(text, frozenset("қғҚҒ")) >= 2:
            return "uz"
        kyrgyz = _count(text, KYRGYZ_LETTERS)
        if kyrgyz >= 2 and not own and kyrgyz == shared:
            return "ky"
        # Kazakh text has about one such letter in ten; a Russian text quoting a Kazakh
        # name has far fewer.
        kazakh = own + shared
        if (
            kazakh >= 2
            and kazakh / cyrillic >= KAZAKH_SHARE
            and (own or kazakh > _count(text, frozenset("іІ")))
        ):
            return "kk"
        return None
    if latin:
        if _count(text, KAZAKH_LATIN) / latin >= 0.03 and ("ǵ" in text or "ń" in text):
            return "kk"
        if len(UZBEK_LATIN.findall(text)) >= 3:
            return "uz"
    return None


def identify(text: str) -> str:
    """ISO 639-1 code of the text's language, or `und` when there is no text to tell."""
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return "und"
    by_letters = _by_letters(sample)
    if by_letters:
        return by_letters
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else "und"


class LanguageIdentifier:
    """Pipeline stage: the language of the article body (boilerplate is often in another)."""

    assigns: ClassVar[tuple[str, ...]] = ("lang",)

    def __call__(self, doc: Document) -> Document:
        doc.lang = identify(doc.body_text() if doc.segments else doc.text)
        return doc
