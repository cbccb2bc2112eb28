"""English words for amounts, periods and indicators (regex fragments, matched case-insensitively)."""

from __future__ import annotations

DECIMAL_COMMA = False

SCALES: tuple[tuple[str, float], ...] = (
    (r"thousand", 1e3),
    (r"million|mln|mn", 1e6),
    (r"billion|bln|bn", 1e9),
    (r"trillion|trln|trn|tn", 1e12),
)
# One-letter scales ("$3m", "€40k") read as scales only right after a currency sign or code.
SHORT_SCALES: tuple[tuple[str, float], ...] = (
    (r"k", 1e3),
    (r"m", 1e6),
    (r"b", 1e9),
)

CURRENCIES: tuple[tuple[str, str], ...] = (
    (r"(?:US|U\.S\.|American)\s?dollars?", "USD"),
    (r"dollars?|USD", "USD"),
    (r"euros?|EUR", "EUR"),
    (r"(?:Kazakh(?:stani)?\s)?tenge|KZT", "KZT"),
    (r"(?:Russian\s)?(?:rubles?|roubles?)|RUB", "RUB"),
    (r"(?:Chinese\s)?(?:yuan|renminbi)|CNY|RMB", "CNY"),
)
# Signs and codes written before the number in every language.
CURRENCY_SIGNS: tuple[tuple[str, str], ...] = (
    (r"US\$|\$|USD", "USD"),
    (r"€|EUR", "EUR"),
    (r"₸|KZT", "KZT"),
    (r"₽|RUB", "RUB"),
    (r"¥|CNY|RMB", "CNY"),
)

NUMBER_WORDS: tuple[tuple[str, float], ...] = (
    (r"one|a", 1),
    (r"one\sand\sa\shalf", 1.5),
    (r"two", 2),
    (r"three", 3),
    (r"four", 4),
    (r"five", 5),
    (r"six", 6),
    (r"seven", 7),
    (r"eight", 8),
    (r"nine", 9),
    (r"ten", 10),
)

COMPANY_NOUNS = r"compan(?:y|ies)|firms?|enterprises?|joint\sventures?|businesses"

INDICATORS: tuple[tuple[str, str], ...] = (
    (
        r"trade\s(?:turnover|volume)|turnover|volume\sof\s(?:bilateral\s|mutual\s)?trade"
        r"|\btrade\b(?!\s(?:mission|agreement|house|representative|office|fair|show|union|policy|zone|barrier))",
        "trade_turnover",
    ),
    (r"exports?|exported|exporting|shipments?\sto|supplies\sto|sales\sto", "exports"),
    (r"imports?|imported|importing|purchases\sfrom", "imports"),
    (r"invest\w*|FDI", "investment"),
    (
        r"(?:agreements?|contracts?|deals?|memorand\w*|documents?)\b[^.;()]{0,60}?"
        r"\b(?:worth|valued\sat|totall?ing|amounting\sto|for\sa\stotal|with\sa\stotal\svalue)"
        r"|(?:project|plant|deal|contract)s?\s(?:is\s|was\s|are\s|were\s)?(?:estimated|valued)\sat|\bdeals?\b",
        "deal_value",
    ),
)

TO_KZ = r"(?:to|into)\sKazakhstan\b"
FROM_KZ = r"from\sKazakhstan\b"

CHANGE_UP = r"up|higher|more|increase\w*|grew|grow\w*|rose|rise|rising|gain\w*"
CHANGE_DOWN = r"down|lower|less|decrease\w*|declin\w*|fell|fall\w*|drop\w*|shrank|contract\w*"

MONTHS: tuple[tuple[str, int], ...] = (
    (r"jan(?:uary|\.)?", 1),
    (r"feb(?:ruary|\.)?", 2),
    (r"mar(?:ch|\.)?", 3),
    (r"apr(?:il|\.)?", 4),
    (r"(?-i:May)", 5),
    (r"june?", 6),
    (r"july?", 7),
    (r"aug(?:ust|\.)?", 8),
    (r"sep(?:tember|t\.|\.)?", 9),
    (r"oct(?:ober|\.)?", 10),
    (r"nov(?:ember|\.)?", 11),
    (r"dec(?:ember|\.)?", 12),
)
ORDINALS: tuple[tuple[str, int], ...] = (
    (r"first|1st", 1),
    (r"second|2nd", 2),
    (r"third|3rd", 3),
    (r"fourth|4th", 4),
)
QUARTER = r"quarter"
HALF = r"half"
MONTHS_WORD = r"months?"
MONTH_SPAN = r"(?:from\s)?{m1}(?:\s?[-–—/]\s?|\s(?:to|through|till|until)\s){m2}"
YEAR_MARKER = r"(?!x)x"
YEAR_RANGE = r"(?:from\s)?{y1}\s?(?:[-–—]|to|till|until|through)\s?{y2}|between\s{y1}\sand\s{y2}"
DEADLINE = r"\bby\s(?:the\send\sof\s)?{y}"  # a target date, not the period of a figure
YEAR_SINCE = r"since\s{y}|from\s{y}\s(?:on(?:wards?)?)"
RELATIVE_YEARS: tuple[tuple[str, int], ...] = (
    (r"(?:this|the\scurrent|current)\syear", 0),
    (r"last\syear|(?:the\s)?previous\syear|(?:the\s)?prior\syear|a\syear\s(?:earlier|ago)", -1),
    (r"next\syear", 1),
)
# "Q1 2024", "H1 2024", "9M 2024".
QUARTER_CODE = r"Q([1-4])|([1-4])Q"
HALF_CODE = r"H([12])|([12])H"
MONTHS_CODE = r"(\d{1,2})M"

COMPARE_BEFORE = (
    r"compared\s(?:with|to)|as\sagainst|against|versus|vs\.?"
    r"|(?<!more\s)(?<!less\s)(?<!fewer\s)(?<!rather\s)\bthan\b"
    r"|\b(?:up|down|rose|fell|increased|decreased|grew|declined)\b(?:[^.;,]|(?<=\d)[.,](?=\d)){0,40}?\bfrom\b"
)
COMPARE_AFTER = r"a\syear\s(?:earlier|ago)"
SAME_PERIOD = r"(?:same|corresponding)\speriod"

# "over the past 20 years": a span open from that many years before the article
PAST_YEARS = r"(?:over|in|during|for|within)\s(?:the\s)?(?:past|last)\s{n}\syears"
YEAR_COUNTS: tuple[tuple[str, int], ...] = (
    (r"five", 5), (r"ten", 10), (r"fifteen", 15), (r"twenty", 20), (r"twenty-five", 25), (r"thirty", 30),
)  # fmt: skip
