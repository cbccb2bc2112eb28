"""Cyrillic (Kazakh, Russian) to Latin in the English-press style, and keys to compare names across scripts.

Choices: ж is always `zh` (Zhenis, Zhetysu; the press also writes Jomart, which `name_key` folds to the
same key); a single с between vowels doubles (Касымбек -> Kassymbek, Василенко -> Vassilenko); е is
`ye` at a word start or after a vowel (Ерлан -> Yerlan, Тоқаев -> Tokayev); й after a vowel is `i`
(Қостанай -> Kostanai, Сергей -> Sergei) and `y` elsewhere.
"""

from __future__ import annotations

import re
import unicodedata

_BASE = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n",
    "ң": "ng", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_VOWELS = set("аәеёиоөуұүыіэюя")
_SOFT = set("ьъ")
_FOLD = [("shch", "s"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("ts", "c"), ("ch", "c"), ("sh", "s"),
         ("ye", "e"), ("yu", "u"), ("ya", "a"), ("yo", "o"), ("y", "i"), ("w", "v"), ("q", "k"), ("x", "ks")]  # fmt: skip


def _letter(prev: str, ch: str, nxt: str) -> str:
    """The Latin spelling of one lower-case Cyrillic letter in its context."""
    if ch == "е" and (not prev.isalpha() or prev in _VOWELS or prev in _SOFT):
        return "ye"
    if ch == "й" and prev in _VOWELS:
        return "i"
    if ch == "с" and prev in _VOWELS and nxt in _VOWELS:
        return "ss"
    return _BASE.get(ch, ch)


def to_latin(text: str, lang: str = "kk") -> str:
    """Spell a Kazakh or Russian name (or any text) in Latin letters as the English-language press does."""
    if lang not in ("kk", "ru") and not any(c.lower() in _BASE for c in text):
        return text
    out: list[str] = []
    low = "".join(c.lower()[:1] for c in text)  # one letter each: «İ».lower() is two (i + dot above)
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        nxt = low[i + 1] if i + 1 < len(low) else ""
        latin = _letter(prev, ch, nxt)
        orig = text[i]
        if orig != ch and latin:  # upper-case source letter
            whole_upper = (nxt.isalpha() and text[i + 1].isupper()) or (
                prev.isalpha() and text[i - 1].isupper()
            )
            latin = latin.upper() if whole_upper else latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


def _plain_latin(text: str) -> str:
    """Lower-case Latin letters and digits only, words separated by one space: Ердоған -> yerdogan."""
    s = to_latin(text, "ru").lower()
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


def _folded(s: str, folds: list[tuple[str, str]]) -> str:
    for a, b in folds:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def name_key(text: str) -> str:
    """A script-free key under which Тоқаев, Токаев and Tokayev (or Jomart and Zhomart) are equal."""
    return _folded(_plain_latin(text), _FOLD)


# Spellings that transliteration systems and languages differ on, folded once more for `sound_key`:
# Yannick/Yannik, Lintz/Lintts, Costa/Kosht, George/Dzhordzh, Sergio/Serdzho
_SOUND_FOLD = [("ck", "k"), ("tz", "c"), ("ts", "c"), ("dz", "j"), ("c", "k"), ("g", "j"), ("z", "s"),
               ("ph", "f"), ("th", "t"), ("w", "v")]  # fmt: skip
_VOWELS_LATIN = re.compile(r"[aeiouy]+")


def sound_key(text: str) -> str:
    """A looser key for full names: each word's consonants (and whether it begins with a vowel).

    Press spellings of one foreign name differ in the vowels and in how a sound is written (Алексей
    Лихачёв = Alexey Likhachev, Юн Сок Ёль = Yoon Suk Yeol, Антониу Кошта = António Costa), which
    `name_key` keeps apart. Used only to find candidates for one person among full names.
    """
    words = []
    for word in _plain_latin(text).split():
        word = _folded(_folded(re.sub(r"(.)\1+", r"\1", word), _FOLD), _SOUND_FOLD).replace("h", "")
        bare = _VOWELS_LATIN.sub("", word)
        words.append(("'" if bare[:1] != word[:1] else "") + bare)
    return " ".join(words)
