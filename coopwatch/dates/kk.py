"""Kazakh month names in every case form, Cyrillic and Latin, and the words that follow a year."""

from __future__ import annotations

from babel.dates import get_day_names, get_month_names

# Case and possessive endings that a month name takes in running text: қазанда, қазаннан, қазандағы...
_CYRILLIC_ENDINGS = (
    "", "да", "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен",
    "ға", "ге", "қа", "ке", "на", "не", "ның", "нің", "дың", "дің", "тың", "тің",
    "ды", "ді", "ты", "ті", "ны", "ні", "мен", "бен", "пен", "дағы", "дегі", "тағы", "тегі",
    "ндағы", "ндегі", "ы", "і", "сы", "сі", "ында", "інде", "ынан", "інен", "ына", "іне",
    "ының", "інің", "ын", "ін", "ындағы", "індегі",
)  # fmt: skip

# Latin-script Kazakh: the 2018 (acute) and 2021 (diaeresis, cedilla) alphabets.
_LATIN_MONTHS = (
    ("qańtar", "qañtar", "qantar"),
    ("aqpan",),
    ("naýryz", "nauryz"),
    ("sáýir", "säuır", "sauir"),
    ("mamyr",),
    ("maýsym", "mausym"),
    ("shilde", "şılde"),
    ("tamyz",),
    ("qyrkúıek", "qyrküiek", "qyrkuiek"),
    ("qazan",),
    ("qarasha", "qaraşa"),
    ("jeltoqsan",),
)
_LATIN_ENDINGS = (
    "", "da", "de", "ta", "te", "nda", "nde", "dan", "den", "tan", "ten", "nan", "nen",
    "ǵa", "ğa", "ga", "ge", "qa", "ke", "na", "ne", "dyń", "diń", "tyń", "tiń", "nyń", "niń",
    "daǵy", "dağy", "degi", "taǵy", "tağy", "tegi", "ndaǵy", "ndağy", "ndegi",
)  # fmt: skip


# Endings that make a date a bound or a reference, not a day when something happened: ablative "from"
# (1 қаңтардан бастап), dative "until" (1 шілдеге дейін), attributive "dated" (3 маусымдағы қаулы).
_BOUND_ENDINGS = frozenset((
    "дан", "ден", "тан", "тен", "нан", "нен", "ынан", "інен",
    "ға", "ге", "қа", "ке", "на", "не", "ына", "іне",
    "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі", "ындағы", "індегі",
    "dan", "den", "tan", "ten", "nan", "nen", "ǵa", "ğa", "ga", "ge", "qa", "ke", "na", "ne",
    "daǵy", "dağy", "degi", "taǵy", "tağy", "tegi", "ndaǵy", "ndağy", "ndegi",
))  # fmt: skip


def _months() -> tuple[dict[str, int], frozenset[str]]:
    out: dict[str, int] = {}
    bound: set[str] = set()
    forms = [
        (n, name.casefold(), _CYRILLIC_ENDINGS)
        for n, name in get_month_names("wide", "format", locale="kk").items()
    ]
    forms += [(n, name, _LATIN_ENDINGS) for n, names in enumerate(_LATIN_MONTHS, start=1) for name in names]
    for number, name, endings in forms:
        for ending in endings:
            out[name + ending] = number
            if ending in _BOUND_ENDINGS:
                bound.add(name + ending)
    for number, name in get_month_names("abbreviated", "format", locale="kk").items():
        out[name.casefold()] = number  # "қаз." keeps its dot: "қаз" alone is a word (goose)
    return out, frozenset(bound)


MONTHS, BOUND_FORMS = _months()

# "2025 жылғы 10 қазанда", "10 қазан 2025 жыл", "2025 ж. 10 қазан", Latin "2025 jylǵy".
YEAR_WORDS = r"жылғы|жылы|жыл|ж\.|jylǵy|jylğy|jyly|jyl|j\."

# Weekday names, Cyrillic and Latin (дүйсенбі, Latin düisenbı / dúısenbi are rare in the press).
WEEKDAYS: dict[str, int] = {name.casefold(): n for n, name in get_day_names("wide", locale="kk").items()}
