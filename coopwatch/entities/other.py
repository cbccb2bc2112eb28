"""Gazetteer names in the partner languages without statistical NER: exact names plus a few closed endings.

Word-spaced languages go through the token trie with an `AffixMorphology`: exact names everywhere,
endings from a closed list where the language glues them on (Turkish «Çinli», «Kazakistanda»; Kyrgyz
«Казакстандын»; Korean particles «미국과»; German genitive «Kasachstans»), proclitics in Arabic
(«وكازاخستان»). Ukrainian inflects like Russian (`SlavicMorphology`). Chinese and Japanese have no
spaces, so `SubstringRecognizer` looks for names anywhere, katakana names only between non-katakana.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import product

from coopwatch.entities.base import EntitySpan, Recognizer
from coopwatch.gazetteer import Gazetteer, Surface, SurfaceKind

_KIND_RANK = {"name": 0, "adjective": 1, "demonym": 2, "surname": 3}
_STAN = ("stan", "ston", "стан", "стон", "ستان")
# Uzbek writes its modifier letter ʻ (oʻ, gʻ) and the tutuq belgisi with any apostrophe; one letter for all.
_UZ_APOSTROPHES = str.maketrans({c: "ʻ" for c in "'‘’`ʼ"})


def _combine(*parts: Iterable[str]) -> frozenset[str]:
    """Every concatenation of one piece from each part (pieces may be empty), minus the empty ending."""
    return frozenset("".join(p) for p in product(*parts)) - {""}


_TR_CASE = ("", "ın", "in", "un", "ün", "nın", "nin", "a", "e", "ya", "ye", "ı", "i", "u", "ü", "yı", "yi",
            "da", "de", "ta", "te", "dan", "den", "tan", "ten", "la", "le", "yla", "yle", "daki", "deki")  # fmt: skip
_AZ_CASE = ("", "ın", "in", "un", "ün", "nın", "nin", "a", "ə", "ya", "yə", "ı", "i", "u", "ü", "nı", "ni",
            "da", "də", "dan", "dən", "la", "lə", "dakı", "dəki")  # fmt: skip
_UZ_CASE = ("", "ning", "ni", "ga", "ka", "qa", "da", "dan", "dagi", "нинг", "ни", "га", "ка", "қа", "да",
            "дан", "даги")  # fmt: skip
_KY_CASE = ("", "нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн", "га", "ге",
            "го", "гө", "ка", "ке", "ко", "кө", "ны", "ни", "ну", "нү", "ды", "ди", "ду", "дү", "ты", "ти", "ту",
            "тү", "да", "де", "до", "дө", "та", "те", "то", "тө", "дан", "ден", "дон", "дөн", "тан", "тен",
            "тон", "төн", "нан", "нен", "дагы", "деги", "догу", "дөгү", "тагы", "теги")  # fmt: skip
_MN_CASE = ("", "ын", "ийн", "ы", "ий", "н", "д", "т", "ад", "эд", "од", "өд", "аас", "ээс", "оос", "өөс",
            "гаас", "гээс", "аар", "ээр", "оор", "өөр", "тай", "тэй", "той", "руу", "рүү", "луу", "лүү", "ыг",
            "ийг", "г")  # fmt: skip
_KO_PARTICLES = ("의", "과", "와", "은", "는", "이", "가", "을", "를", "에", "에서", "로", "으로", "도", "만",
                 "과의", "와의", "에게", "까지", "부터", "측", "산", "과도", "와도", "에서의", "으로의", "로의",
                 "에는", "에도", "과는", "와는", "이나", "나", "엔", "이다", "이며", "에서는")  # fmt: skip

# Endings after any stem of `min_stem` letters or more, and after -stan stems only (Turkish writes case
# endings after an apostrophe, which the tokenizer already splits off, but derivations «Çinli» glued on).
ENDINGS: dict[str, frozenset[str]] = {
    "tr": _combine(("lı", "li", "lu", "lü"), ("", "lar", "ler"), _TR_CASE),
    "az": _combine(("", "lı", "li", "lu", "lü"), ("", "lar", "lər"), _AZ_CASE),
    "uz": _combine(("", "lik", "лик"), ("", "lar", "лар"), _UZ_CASE),
    "ky": _combine(
        ("", "лык", "лик", "лук", "лүк", "дык", "дик", "дук", "дүк", "тык", "тик", "тук", "түк"),
        ("", "тар", "тер", "тор", "төр", "дар", "дер", "дор", "дөр", "лар", "лер", "лор", "лөр"),
        _KY_CASE,
    ),
    "mn": frozenset(_MN_CASE) - {""},
    "ko": frozenset(_KO_PARTICLES),
    "de": frozenset({"s"}),
}
STAN_ENDINGS: dict[str, frozenset[str]] = {"tr": _combine(("", "lı", "li", "lar", "ler"), _TR_CASE)}
MIN_STEM: dict[str, int] = {"ko": 2}
PREFIXES: dict[str, tuple[str, ...]] = {"ar": ("وب", "ول", "فب", "فل", "وك", "و", "ب", "ل", "ف", "ك")}
_AR_LL = "لل"  # ل + ال contracts: للصين = to + الصين


class AffixMorphology:
    """Exact names, plus the closed endings (and Arabic proclitics) of one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.endings = ENDINGS.get(lang, frozenset())
        self.stan_endings = STAN_ENDINGS.get(lang, frozenset())
        self.prefixes = PREFIXES.get(lang, ())
        self.min_stem = MIN_STEM.get(lang, 4)
        self._max = max(map(len, self.endings | self.stan_endings), default=0)

    def fold(self, text: str) -> str:
        """The text with its letters as the index stores them; same length, so offsets hold."""
        return text.translate(_UZ_APOSTROPHES) if self.lang == "uz" else text

    def index_keys(self, word: str, kind: SurfaceKind) -> list[tuple[str, str]]:
        low = word.lower()
        if len(word) > 1 and word.isupper() and word.isalpha() and low != word:
            return [(low, "fixed")]  # abbreviations take no endings (ABD'nin is split at the apostrophe)
        if low.endswith(_STAN):
            return [(low, "stan")]
        return [(low, "long" if len(low) >= self.min_stem else "short")]

    def readings(self, word: str) -> Iterable[tuple[str, str]]:
        yield word, ""
        for k in range(1, min(self._max, len(word) - 2) + 1):
            tail = word[-k:]
            if tail in self.endings or tail in self.stan_endings:
                yield word[:-k], tail
        if self.prefixes:
            if word.startswith(_AR_LL) and len(word) > 4:
                yield "ال" + word[2:], "ل-"
            for p in self.prefixes:
                if word.startswith(p) and len(word) - len(p) >= 3:
                    yield word[len(p) :], p + "-"

    def agrees(self, paradigm: str, ending: str) -> bool:
        if ending == "":
            return True
        if ending.endswith("-"):
            return paradigm != "fixed"
        if ending in self.endings and paradigm in ("long", "stan"):
            return True
        return paradigm == "stan" and ending in self.stan_endings


_UK_NOUN = frozenset({"", "а", "я", "у", "ю", "і", "ї", "и", "о", "е", "є", "ом", "ем", "єм", "ою", "ею", "єю",
                      "ів", "їв", "ам", "ям", "ах", "ях", "ами", "ями", "ові", "еві", "єві", "их", "им", "ими",
                      "ій", "ої", "ий"})  # fmt: skip
_UK_FINAL = frozenset("аяоеєиіїуюьй")


class SlavicMorphology:
    """Ukrainian: a name's stem without its final vowel, read with the noun endings (Франції, Казахстану)."""

    def __init__(self, lang: str = "uk", endings: frozenset[str] = _UK_NOUN) -> None:
        self.lang = lang
        self.endings = endings

    def index_keys(self, word: str, kind: SurfaceKind) -> list[tuple[str, str]]:
        low = word.lower()
        if len(low) <= 3 or (len(low) > 1 and word.isupper()) or not low.isalpha():
            return [(low, "fixed")]
        if low[-1] in _UK_FINAL and len(low) > 4:
            return [(low[:-1], "noun")]
        return [(low, "noun")]

    def readings(self, word: str) -> Iterable[tuple[str, str]]:
        for k in range(max(0, min(3, len(word) - 3)) + 1):
            yield word[: len(word) - k], word[len(word) - k :]

    def agrees(self, paradigm: str, ending: str) -> bool:
        return ending == "" or (paradigm == "noun" and ending in self.endings)


def _katakana(ch: str) -> bool:
    return "\u30a0" <= ch <= "\u30ff" or "\u31f0" <= ch <= "\u31ff" or "\uff66" <= ch <= "\uff9f"


# Longer strings that contain a country's name but are not about it; matched first, they yield nothing.
BLOCKERS: dict[str, tuple[str, ...]] = {
    # Inner Mongolia, Mario, the Canaries, Sudan red dye
    "zh": ("内蒙古", "內蒙古", "马里奥", "瑪利歐", "加纳利", "苏丹红"),
    "ja": (),
}


class SubstringRecognizer:
    """Chinese or Japanese: every gazetteer name of the language found anywhere, longest first."""

    def __init__(self, gazetteer: Gazetteer, lang: str, borrow: Iterable[str] = ("en",)) -> None:
        self.gazetteer = gazetteer
        self.lang = lang
        self._by_first: dict[str, list[tuple[str, list[Surface] | None]]] = defaultdict(list)
        table: dict[str, list[Surface]] = defaultdict(list)
        borrowed = tuple(borrow)
        for s in gazetteer.surfaces((lang, *borrowed)):
            if s.lang == lang and len(s.text) >= 2:
                table[s.text].append(s)
            elif s.text.isascii() and len(s.text) >= 3 and gazetteer[s.record_id].country is None:
                table[s.text].append(s)  # Latin names of people and organisations inside CJK text
        entries: list[tuple[str, list[Surface] | None]] = [*table.items()]
        entries += [(b, None) for b in BLOCKERS.get(lang, ())]
        for text, hits in sorted(entries, key=lambda e: -len(e[0])):
            self._by_first[text[0]].append((text, hits))

    def recognize(self, text: str, offset: int = 0) -> list[EntitySpan]:
        found: list[tuple[int, int, list[Surface] | None]] = []
        for i, ch in enumerate(text):
            for name, hits in self._by_first.get(ch, ()):
                if text.startswith(name, i) and self._bounded(text, i, i + len(name)):
                    found.append((i, i + len(name), hits))
                    break  # the longest name starting here
        spans: list[EntitySpan] = []
        taken: list[tuple[int, int]] = []
        for start, end, hits in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            if hits:
                hit = min(hits, key=lambda h: (_KIND_RANK[h.kind], h.record_id))
                rec = self.gazetteer[hit.record_id]
                spans.append(EntitySpan(start + offset, end + offset, rec.type, rec.id, rec.name, hit.kind))
        return sorted(spans, key=lambda s: s.start)

    @staticmethod
    def _bounded(text: str, start: int, end: int) -> bool:
        """Katakana and Latin names must not run on into more katakana or Latin letters (マリ in マリオ)."""
        first, last = text[start], text[end - 1]
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if (_katakana(first) and _katakana(before)) or (_katakana(last) and _katakana(after)):
            return False
        if first.isascii() and (before.isascii() and before.isalnum()):
            return False
        return not (last.isascii() and after.isascii() and after.isalnum())


class OnFirstUse:
    """A recogniser built when its language first shows up: most batches never see most languages."""

    def __init__(self, build: Callable[[], Recognizer]) -> None:
        self._build = build
        self._rec: Recognizer | None = None

    def recognize(self, text: str, offset: int = 0) -> list[EntitySpan]:
        if self._rec is None:
            self._rec = self._build()
        return self._rec.recognize(text, offset)
