"""Kazakh inflected forms of gazetteer names: Францияның, Францияға, Қазақстанда, Тоқаевтың, Ресейдің.

Kazakh adds endings to the unchanged name. Each ending has variants chosen by vowel harmony (back
а о ұ ы, front ә е ө ү і) and by the sound the word ends in (the buffer consonants н/д/т, л/д/т, ғ/қ,
м/б/п...). `endings(stem)` generates the forms a stem takes: plural, possessive, the seven cases,
-дағы and -лық; the matcher accepts a word when its tail is one of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from coopwatch.gazetteer import SurfaceKind

VOWELS = frozenset("аәеёиоөуұүыіэюя")
_BACK = frozenset("аоұыяё")
_FRONT = frozenset("әеөүіиэ")
_VOICELESS = frozenset("кқпстфхцчшщбвгд")  # б в г д end a word voiceless in Kazakh
_SONOR = frozenset("рйу")  # behave like vowels before л- endings, like consonants elsewhere
_NASAL = frozenset("мнң")
_ZH = frozenset("зж")
_VOICING = {"к": "г", "қ": "ғ", "п": "б"}
_MAX = 12


def is_back(word: str) -> bool:
    """Vowel harmony: whether endings take back vowels (Тоқаев and Франция back, Ресей and Париж front)."""
    low = word.lower()
    if low.endswith(("ов", "ев", "ёв")) and len(low) > 4:
        low = low[:-2]  # Russian-style surname suffix: the root decides (Тоқаевтың, Бектеновтің)
    for ch in reversed(low):
        if ch in _BACK:
            return True
        if ch in _FRONT:
            return False
    return True


def _sound(word: str) -> str:
    """The class of a word's last sound for choosing buffer consonants."""
    ch = word[-1].lower()
    if ch in "уй" and len(word) > 1 and word[-2].lower() in VOWELS:
        return "sonor"
    if ch in VOWELS:
        return "vowel"
    if ch in _SONOR:
        return "sonor"
    if ch == "л":
        return "l"
    if ch in _NASAL:
        return "nasal"
    if ch in _ZH:
        return "zh"
    return "voiceless" if ch in _VOICELESS else "nasal"


def _pick(back: bool, pair: str) -> str:
    """`ға/ге` -> `ға` for a back word, `ге` for a front one."""
    a, b = pair.split("/")
    return a if back else b


def either_harmony(word: str) -> bool:
    """Whether the press writes both harmonies after this name: a borrowed name ending in к or г
    (Нью-Йоркке beside Йоркқа) or in у, ю, и, which Kazakh hears as front or back (Бакуге, Бакуға)."""
    low = word.lower()
    return low[-1:] in ("к", "г", "у", "ю", "и")


def _cases(word: str, back: bool | None = None) -> set[str]:
    """The six case endings (and -дағы) for a word as it stands (`back`: harmony forced)."""
    back = is_back(word) if back is None else back
    sound = _sound(word)
    row = {
        # genitive, dative, accusative, locative, ablative, instrumental, plural, -лық
        "vowel": ("ның/нің", "ға/ге", "ны/ні", "да/де", "дан/ден", "мен", "лар/лер", "лық/лік"),
        "sonor": ("дың/дің", "ға/ге", "ды/ді", "да/де", "дан/ден", "мен", "лар/лер", "лық/лік"),
        "l": ("дың/дің", "ға/ге", "ды/ді", "да/де", "дан/ден", "мен", "дар/дер", "дық/дік"),
        "nasal": ("ның/нің", "ға/ге", "ды/ді", "да/де", "нан/нен", "мен", "дар/дер", "дық/дік"),
        "zh": ("дың/дің", "ға/ге", "ды/ді", "да/де", "дан/ден", "бен", "дар/дер", "дық/дік"),
        "voiceless": ("тың/тің", "қа/ке", "ты/ті", "та/те", "тан/тен", "пен", "тар/тер", "тық/тік"),
    }[sound]
    out = {_pick(back, p) if "/" in p else p for p in row[:6]}
    loc = _pick(back, row[3])
    out |= {loc + _pick(back, "ғы/гі"), row[5] + "ен"}
    return out


def _possessed(word: str, back: bool | None = None) -> set[str]:
    """Endings after the 3rd-person possessive: Франциясының, Қазақстанына, Астанасында."""
    back = is_back(word) if back is None else back
    base = _pick(back, "сы/сі") if _sound(word) == "vowel" else _pick(back, "ы/і")
    tails = {"", "ның" if back else "нің", _pick(back, "на/не"), "н", _pick(back, "нда/нде"),
             _pick(back, "нан/нен"), "мен", _pick(back, "ндағы/ндегі")}  # fmt: skip
    return {base + t for t in tails}


@lru_cache(maxsize=4096)
def endings(stem: str) -> frozenset[str]:
    """Every ending this gazetteer word takes, with harmony and buffer consonants: '' and ның, ға, ...мен."""
    back = is_back(stem)
    out = _endings(stem, back)
    if either_harmony(stem):
        out |= _endings(stem, not back)
    return frozenset(out)


def _endings(stem: str, back: bool) -> set[str]:
    out: set[str] = {""} | _cases(stem, back) | _possessed(stem, back)
    sound = _sound(stem)
    if stem[-1:] in (
        "ы",
        "і",
    ):  # a name that already ends in a possessive: Одағы, облысы -> Одағына, облысында
        back_tails = ("н", "на/не", "нда/нде", "нан/нен", "ндағы/ндегі")
        out |= {_pick(back, t) if "/" in t else t for t in back_tails}
    for derived in (_plural(stem, back, sound), _adjectival(stem, back, sound)):
        out.add(derived)
        voiced = derived[:-1] + _VOICING.get(derived[-1], derived[-1])
        out |= {derived + e for e in _cases(stem + derived)}
        out |= {voiced + e for e in _possessed(stem + derived)}
    our = _pick(back, "мыз/міз") if sound == "vowel" else _pick(back, "ымыз/іміз")
    out |= {our, *(our + e for e in _cases(stem + our))}
    return out


def _plural(stem: str, back: bool, sound: str) -> str:
    first = {"vowel": "л", "sonor": "л", "voiceless": "т"}.get(sound, "д")
    return first + _pick(back, "ар/ер")


def _adjectival(stem: str, back: bool, sound: str) -> str:
    first = {"vowel": "л", "sonor": "л", "voiceless": "т"}.get(sound, "д")
    return first + _pick(back, "ық/ік")


class KazakhMorphology:
    """Reads a Kazakh word as gazetteer name + one of that name's endings (voicing к/қ/п before a vowel)."""

    lang = "kk"

    def index_keys(self, word: str, kind: SurfaceKind) -> list[tuple[str, str]]:
        low = word.lower()
        if len(low) < 3 or (len(low) > 1 and word.isupper()) or not low.isalpha():
            return [(low, "")]
        keys = [(low, low)]
        if low[-1] in _VOICING:
            keys.append((low[:-1] + _VOICING[low[-1]], "+" + low))
        return keys

    def readings(self, word: str) -> Iterable[tuple[str, str]]:
        for k in range(max(0, min(_MAX, len(word) - 3)) + 1):
            yield word[: len(word) - k], word[len(word) - k :]

    def agrees(self, paradigm: str, ending: str) -> bool:
        if not paradigm:
            return ending == ""
        if paradigm.startswith("+"):  # voiced stem: only before a vowel (Касымбегі)
            return ending[:1] in VOWELS and ending in endings(paradigm[1:])
        return ending in endings(paradigm)
