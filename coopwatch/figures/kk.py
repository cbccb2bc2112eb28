"""Kazakh words for amounts, periods and indicators (regex fragments, matched case-insensitively)."""

from __future__ import annotations

DECIMAL_COMMA = True

# Case endings follow the last word ("миллиардқа", "долларды"), so full words take any suffix.
SCALES: tuple[tuple[str, float], ...] = (
    (r"мың\w*", 1e3),
    (r"миллион\w*|млн\.?", 1e6),
    (r"миллиард\w*|мл{1,2}р?д\.?", 1e9),
    (r"триллион\w*|трлн\.?", 1e12),
)

CURRENCIES: tuple[tuple[str, str], ...] = (
    (r"АҚШ\s?долл(?:ар\w*|\.)?", "USD"),
    (r"доллар\w*|долл\.", "USD"),
    (r"(?:еуро|евро)(?:ны|ға|дан|мен|ның)?", "EUR"),
    (r"теңге\w*", "KZT"),
    (r"(?:Ресей\s)?рубл\w*", "RUB"),
    (r"(?:Қытай\s)?юан\w*", "CNY"),
)

NUMBER_WORDS: tuple[tuple[str, float], ...] = (
    (r"бір", 1),
    (r"екі", 2),
    (r"үш", 3),
    (r"төрт", 4),
    (r"бес", 5),
    (r"алты", 6),
    (r"жеті", 7),
    (r"сегіз", 8),
    (r"тоғыз", 9),
    (r"он", 10),
)

COMPANY_NOUNS = r"кәсіпор\w*|компани\w*|фирма\w*|серіктест\w*"

# A case ending written after a digit with a hyphen: "50-ден астам", "100-ге жуық".
NUMBER_SUFFIX = r"[дтн][еа]н|[гкқғ][еа]|н[еа]|[дтн][еа]"

INDICATORS: tuple[tuple[str, str], ...] = (
    (
        r"тауар\sайналым\w*|сауда\sайналым\w*|сауда(?:-саттық)?\sкөлем\w*|сауда(?:ның|да)?\b(?!-)",
        "trade_turnover",
    ),
    (r"экспорт\w*", "exports"),
    (r"импорт\w*", "imports"),
    (r"инвест\w*|күрделі\sқаржы\w*", "investment"),
    (
        r"(?:келісім|келісімшарт|шарт|меморандум|құжат)\w*(?:\s[^\s.;()]+){0,3}?\s(?:жалпы\s)?(?:сомас|сомағ|құн)\w*"
        r"|(?:жалпы\s)?сомас\w*[^.;()]{0,40}?(?:келісім|келісімшарт|шарт|меморандум|құжат)\w*|құны\b",
        "deal_value",
    ),
)

TO_KZ = r"Қазақстанға"
FROM_KZ = r"Қазақстаннан"

CHANGE_UP = r"жоғары|өсті|өсім\w*|өскен|артты|артық|ұлғайды|ұлғай\w*"
CHANGE_DOWN = r"төмен|азайды|азай\w*|қысқарды|қысқар\w*|кеміді|төмендеді"

MONTHS: tuple[tuple[str, int], ...] = (
    (r"қаңтар\w*", 1),
    (r"ақпан\w*", 2),
    (r"наурыз\w*", 3),
    (r"сәуір\w*", 4),
    (r"мамыр\w*", 5),
    (r"маусым\w*", 6),
    (r"шілде\w*", 7),
    (r"тамыз\w*", 8),
    (r"қыркүйек\w*", 9),
    (r"қазан\w*", 10),
    (r"қараша\w*", 11),
    (r"желтоқсан\w*", 12),
)
ORDINALS: tuple[tuple[str, int], ...] = (
    (r"бірінші|1-?(?:ші|шы|інші|ыншы)?|(?-i:I|І)", 1),
    (r"екінші|2-?(?:ші|шы|інші|ыншы)?|(?-i:II|ІІ)", 2),
    (r"үшінші|3-?(?:ші|шы|інші|ыншы)?|(?-i:III|ІІІ)", 3),
    (r"төртінші|4-?(?:ші|шы|інші|ыншы)?|(?-i:IV|ІV)", 4),
)
QUARTER = r"тоқсан\w*"
HALF = r"жарты\s?жыл\w*"
MONTHS_WORD = r"ай(?:ы|да|ында|дағы|лық|ларда|ларында|дың|ының)?\b"
MONTH_SPAN = r"{m1}\s?[-–—]\s?{m2}(?:\sай\w*)?"  # "қаңтар-наурыз айларында"
YEAR_MARKER = r"-?жыл\w*|ж\."
YEAR_RANGE = r"{y1}\s?(?:жыл\w*|ж\.)?\s?[-–—]\s?{y2}|{y1}\s?жылдан\s{y2}\s?жыл\w*\sдейін"
DEADLINE = r"{y}\s?(?:жыл\w*|ж\.)\s(?:дейін|қарай)"  # a target date, not the period of a figure
YEAR_SINCE = r"{y}\s?(?:жылдан|ж\.)\s(?:бастап|бері)"
RELATIVE_YEARS: tuple[tuple[str, int], ...] = (
    (r"биыл\w*|ағымдағы\sжыл\w*|осы\sжыл\w*", 0),
    (r"өткен\sжыл\w*|былтыр\w*|алдыңғы\sжыл\w*", -1),
    (r"келесі\sжыл\w*", 1),
)

# Kazakh compares with postpositions: what is compared comes first ("2023 жылмен салыстырғанда").
COMPARE_BEFORE = r"(?!x)x"
COMPARE_AFTER = r"салыстырғанда|қарағанда"
SAME_PERIOD = r"сәйкес\sкезе\w*|осы\sкезе\w*|ұқсас\sкезе\w*"

# "соңғы жиырма жылда": a span open from that many years before the article
PAST_YEARS = r"(?:соңғы|өткен)\s{n}\sжыл(?:да|ында|ы|дың)?"
YEAR_COUNTS: tuple[tuple[str, int], ...] = (
    (r"бес", 5), (r"он", 10), (r"он\sбес", 15), (r"жиырма", 20), (r"жиырма\sбес", 25), (r"отыз", 30),
)  # fmt: skip
