"""Kazakh: event cues, titles before the name in genitive chains (облыс әкімі Нұрымбет Сақтағанов), case endings.

Kazakh marks negation, place and host on the word itself: қол қойылмады (not signed), Астанада (in Astana),
Қазақстандағы елшісі (ambassador in Kazakhstan), so these tables hold endings where Russian holds words.
"""

from coopwatch.events.base import Tables

TABLES = Tables(
    remote=r"телефон(?:мен|\s+арқылы)\s+(?:\w+\s+){0,2}(?:сөйлес|әңгімелес|байланыс)\w*|телефон\s+арқылы|телефонмен"
    r"|бейнебайланыс\w*|бейнеконференц\w*|онлайн\s+(?:кездесу|келіссөз)\w*",
    cues={
        "agreement": r"қол\s+қой\w*|келісім\w*\s+(?:жасал|жасас|қабылда|бекіт)\w*|келісті\w*|келісілді\w*"
        r"|уағдаласт\w*|уағдаластық\w*",
        "visit": r"сапар\w*|іссапар\w*|делегация\w*|болып\s+қайт\w*",
        "meeting": r"кездес\w*|келіссөз\w*|консультация\w*|талқыла\w*|жиналыс\w*|отырыс\w*|саммит\w*"
        r"|пікір\s+алмас\w*|сөйлес\w*",
        "proposal": r"ұсын\w*|дайын(?:быз|мыз|дығ\w*|дық\w*)?|қызығушылық\w*|ниет\w*|бастама\w*",
        "project": r"іске\s+қос\w*|ашыл\w*|ашты\w*|ашу\w*|салын\w*|құрылыс\w*|жоспарла\w*"
        r"|(?:іске|жүзеге)\s+асыр\w*",
    },
    roles=(
        (None, r"вице-президент\w*|(?:төраға|директор|әкім|басшы|елші)\w*\s+орынбасар\w*"),
        (
            "deputy_minister",
            r"(?:премьер-)?министр\w*\s+(?:бірінші\s+)?орынбасар\w*|вице-министр\w*"
            r"|вице-премьер\w*",
        ),
        ("prime_minister", r"премьер-министр\w*"),
        ("minister", r"министр(?!лі[кг])\w*"),
        ("president", r"президент\w*|мемлекет\s+басшы\w*"),
        ("akim", r"әкім(?!ді[кг])\w*"),
        ("ambassador", r"елші(?!лі[кг])\w*"),
        ("chancellor", r"канцлер\w*"),
        ("chair", r"төраға\w*"),
        ("director", r"(?:бас\s+)?директор\w*"),
    ),
    modifiers=r"мырза|ханым",
    host_before=r"(?!)",
    place_before=r"(?!)",
    left_reach=10,
    left_stops=r"мен|бен|пен|да|де|та|те",
    place_tail=r"н?[дт][ае](?:ғы|гі)?",
    visit_place_tail=r"[ғгқк][ае]|н[ае]",
    host_tail=r"н?[дт](?:ағы|егі)",
    not_yet_cue=r"қой(?:ыл)?ма\w*|қояды|қоймақ\w*|қой(?:ыл)?атын|келіспе\w*",
    not_yet_after=r"\W*(?:\w+\s+){0,2}?(?:мүмкін|жоспарла\w*|ниет\w*|дайын\w*|тиіс|керек|жоқ|емес)\b",
)
