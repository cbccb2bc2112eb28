"""Russian words for amounts, periods and indicators (regex fragments, matched case-insensitively)."""

from __future__ import annotations

DECIMAL_COMMA = True

# Scale words and abbreviations, with the typos seen in agency copy ("мллрд.").
SCALES: tuple[tuple[str, float], ...] = (
    (r"тысяч\w*|тыс\.?", 1e3),
    (r"миллион\w*|млн\.?", 1e6),
    (r"миллиард\w*|мл{1,2}р?д\.?", 1e9),
    (r"триллион\w*|трлн\.?", 1e12),
)

CURRENCIES: tuple[tuple[str, str], ...] = (
    (r"(?:американск\w+\s)?долл(?:ар\w*|\.)?\s?США", "USD"),
    (r"американск\w+\sдоллар\w*", "USD"),
    (r"доллар\w*|долл\.", "USD"),
    (r"евро", "EUR"),
    (r"тенге|тг\.", "KZT"),
    (r"(?:российск\w+\s)?рубл\w*|руб\.", "RUB"),
    (r"(?:китайск\w+\s)?юан\w*", "CNY"),
)

NUMBER_WORDS: tuple[tuple[str, float], ...] = (
    (r"од(?:ин|на|ного|ной)", 1),
    (r"полтор[аы]", 1.5),
    (r"дв(?:а|е|ух)", 2),
    (r"тр(?:и|[её]х)", 3),
    (r"четыр(?:е|[её]х)", 4),
    (r"пят(?:ь|и)", 5),
    (r"шест(?:ь|и)", 6),
    (r"сем(?:ь|и)", 7),
    (r"восем(?:ь|и)|восьми", 8),
    (r"девят(?:ь|и)", 9),
    (r"десят(?:ь|и)", 10),
)

COMPANY_NOUNS = r"компани\w*|предприяти\w*|фирм\w*|СП"

# Indicator keywords; the nearest one to an amount decides (see indicators.py).
INDICATORS: tuple[tuple[str, str], ...] = (
    (r"товарооборот\w*|(?:внешне)?торгов\w+\sоборот\w*|торговл\w*", "trade_turnover"),
    (r"экспорт\w*|поставля\w*|вывоз\w*|вывез\w*", "exports"),
    (r"импорт\w*|ввоз\w*|ввез\w*|закупа\w*", "imports"),
    (r"инвест\w*|капиталовложен\w*|вложени\w*|вложил\w*", "investment"),
    (
        r"(?:соглашени|контракт|договор|сделк|меморандум|документ)\w*[^.;()]{0,60}?на\s(?:общую\s)?сумму"
        r"|на\sобщую\sсумму|общей\sстоимостью|стоимост\w*|оценива\w*\sв|сделк\w*",
        "deal_value",
    ),
)

# A flow into or out of Kazakhstan named next to an export/import word turns its direction around.
TO_KZ = r"в\s(?:Казахстан|РК)\b"
FROM_KZ = r"из\s(?:Казахстана|РК)\b"

CHANGE_UP = r"выше|больше|вырос\w*|увелич\w*|рост\w*|прирост\w*|возрос\w*|повысил\w*"
CHANGE_DOWN = r"ниже|меньше|снизи\w*|снижен\w*|сократи\w*|сокращен\w*|уменьш\w*|упал\w*|падени\w*"

# Periods.
MONTHS: tuple[tuple[str, int], ...] = (
    (r"январ\w*", 1),
    (r"феврал\w*", 2),
    (r"март\w*", 3),
    (r"апрел\w*", 4),
    (r"ма[йяе]", 5),
    (r"июн\w*", 6),
    (r"июл\w*", 7),
    (r"август\w*", 8),
    (r"сентябр\w*", 9),
    (r"октябр\w*", 10),
    (r"ноябр\w*", 11),
    (r"декабр\w*", 12),
)
ORDINALS: tuple[tuple[str, int], ...] = (
    (r"перв\w*|1-?(?:[йемяо]|ый|ом|го|ого)?|(?-i:I)", 1),
    (r"втор\w*|2-?(?:[йемяо]|ой|ом|го|ого)?|(?-i:II)", 2),
    (r"трет\w*|3-?(?:[йемяо]|ий|ем|го|его)?|(?-i:III)", 3),
    (r"четв[её]рт\w*|4-?(?:[йемяо]|ый|ом|го|ого)?|(?-i:IV)", 4),
)
QUARTER = r"квартал\w*|кв\."
HALF = r"полугоди\w*"
MONTHS_WORD = r"месяц\w*|мес\."
MONTH_SPAN = r"(?:с\s)?{m1}(?:\s?[-–—]\s?|\sпо\s){m2}"  # "январь-март", "с января по март"
YEAR_MARKER = r"год\w*|гг?\."
YEAR_RANGE = r"с\s{y1}\s?(?:год\w*|г\.)?\s?(?:по|до)\s{y2}|{y1}\s?[-–—]\s?{y2}"
DEADLINE = r"(?:к|до)\s{y}\s?(?:год\w*|г\.)"  # a target date, not the period of a figure
YEAR_SINCE = r"начиная\sс\s{y}(?:\s?(?:года|г\.))?|\bс\s{y}\s?(?:года|г\.)"  # not "по сравнению с 2022 годом"
RELATIVE_YEARS: tuple[tuple[str, int], ...] = (
    (r"(?:текущ|эт|нынешн|сего)\w*\s(?:год\w*|г\.)", 0),
    (r"позапрошл\w*\s(?:год\w*|г\.)", -2),
    (r"прошл\w*\s(?:год\w*|г\.)|годом\sранее", -1),
    (r"(?:следующ|будущ)\w*\s(?:год\w*|г\.)", 1),
)

# Comparison cues that come before what is compared ("по сравнению с ...", "против ...").
COMPARE_BEFORE = (
    r"по\sсравнению|в\sсравнении|против|(?<!более\s)(?<!менее\s)(?<!больше\s)(?<!меньше\s)\bчем\b"
)
COMPARE_AFTER = r"годом\sранее"  # cues that follow what is compared
SAME_PERIOD = r"аналогичн\w*\s(?:период\w*|месяц\w*|квартал\w*)"

# "за последние 20 лет": a span open from that many years before the article
PAST_YEARS = r"за\s(?:последние|прошедшие|минувшие)\s{n}\s(?:лет|года?)"
YEAR_COUNTS: tuple[tuple[str, int], ...] = (
    (r"пять", 5), (r"десять", 10), (r"пятнадцать", 15), (r"двадцать", 20), (r"двадцать\sпять", 25),
    (r"тридцать", 30),
)  # fmt: skip
