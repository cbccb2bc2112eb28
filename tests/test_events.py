from __future__ import annotations

import re

import pytest

from coopwatch.events import EventExtractor, event_type
from coopwatch.model import Document, Entity, Mention, Segment

# Country names, adjectives and officials for hand-built documents, as the entity stage would find them.
PLACES = {
    "KZ": r"Казахстан\w*|Қазақстан\w*|Kazakhstan\w*|Kazakh|Астан\w*|Карагандинск\w+ област\w*",
    "FR": r"Франци\w*|француз\w*|France|French",
    "DE": r"Германи\w*|Германия\w*|Germany|German",
    "CN": r"Китай\w*|Қытай\w*|China",
    "UZ": r"Узбекистан\w*|Өзбекстан\w*|Uzbekistan",
}


def make_doc(text: str, lang: str, people: dict[str, str] | None = None) -> Document:
    entities = []
    for code, pattern in PLACES.items():
        mentions = [Mention(m.start(), m.end(), m.group()) for m in re.finditer(pattern, text)]
        if mentions:
            entities.append(Entity(f"country:{code}", "GPE", code, mentions, code))
    for ent_id, name in (people or {}).items():
        start = text.index(name)
        kind = "ORG" if ent_id.startswith("org:") else "PER"
        entities.append(Entity(ent_id, kind, name, [Mention(start, start + len(name), name)]))
    lines, segments, pos = text.split("\n"), [], 0
    for line in lines:
        segments.append(Segment(pos, pos + len(line)))
        pos += len(line) + 1
    return Document(
        id="t",
        text=text,
        lang=lang,
        date="2025-03-14",
        segments=segments,
        entities=entities,
        countries=sorted(e.country for e in entities if e.country),
    )


def kind_of(text: str, lang: str) -> str | None:
    return event_type(text, 0, len(text), lang)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Сыртқы істер министрі Франция елшісімен кездесті.", "meeting"),
        ("Француз делегациясы Қарағанды облысына сапармен келді.", "visit"),
        ("Тараптар өзара түсіністік туралы меморандумға қол қойды.", "agreement"),
        ("Әкім бірлескен кәсіпорын құруды ұсынды.", "proposal"),
        ("Облыста жаңа зауыт іске қосылды.", "project"),
        # negated or only possible: not an agreement
        ("Келісімге қол қойылмады.", None),
        ("Тараптар келесі жылы келісімге қол қоюы мүмкін.", None),
    ],
)
def test_kazakh_event_types(text: str, expected: str | None) -> None:
    assert kind_of(text, "kk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Аким области провел рабочую встречу с послом Франции.", "meeting"),
        ("Президент Германии прибыл в Астану с государственным визитом.", "visit"),
        ("Стороны подписали дорожную карту по развитию туризма.", "agreement"),
        ("Посол предложил проект по изучению французского языка.", "proposal"),
        ("В Караганде открыт новый центр французского языка.", "project"),
        ("Стороны договорились продолжить работу.", "agreement"),
        # negated or only possible: not an agreement
        ("Стороны так и не подписали соглашение.", None),
        ("Соглашение могут подписать в следующем году.", None),
        ("Посол предложил подписать меморандум о сотрудничестве.", "proposal"),
    ],
)
def test_russian_event_types(text: str, expected: str | None) -> None:
    assert kind_of(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The akim met the French ambassador in Astana.", "meeting"),
        ("A German business delegation paid a working visit to the region.", "visit"),
        ("The sides signed a memorandum on green hydrogen.", "agreement"),
        ("The governor proposed establishing helicopter bases.", "proposal"),
        ("A new assembly plant was launched in Kostanay.", "project"),
        # negated or only possible: not an agreement
        ("The two sides did not sign the contract.", None),
        ("The ministers could sign a roadmap next year.", None),
        ("The company may sign a deal with the region.", None),
        ("France expressed interest in joint research.", "proposal"),
    ],
)
def test_english_event_types(text: str, expected: str | None) -> None:
    assert kind_of(text, "en") == expected


def test_event_carries_evidence_participants_countries_and_sectors() -> None:
    text = "Погода в Астане.\nАким Женис Касымбек и посол Франции подписали меморандум о туризме."
    doc = EventExtractor()(make_doc(text, "ru", {"person:zhenis-kassymbek": "Женис Касымбек"}))
    [event] = doc.events
    assert event.type == "agreement"
    assert text[event.start : event.end] == event.text == text.split("\n")[1]
    assert event.date == "2025-03-14"
    assert event.participants == ["person:zhenis-kassymbek"]
    assert event.countries == ["FR", "KZ"]
    assert event.sectors == ["tourism"]


def test_one_event_per_sentence_strongest_first() -> None:
    text = "During the visit to Astana the sides held talks and signed an agreement."
    doc = EventExtractor()(make_doc(text, "en"))
    assert [e.type for e in doc.events] == ["agreement"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a region's akim stands for Kazakhstan
        ("Аким Карагандинской области обсудил с послом Франции сотрудничество в сфере образования.", "ru",
         [("FR", "KZ")]),
        # a third country only in passing gives no pair
        ("Kazakhstan and Germany signed a roadmap on hydrogen.\nThe corridor to China was also mentioned.\n"
         "German investors plan to join, the sides agreed.", "en", [("DE", "KZ")]),
        ("Қазақстан мен Франция сыртқы істер министрліктері кездесті.\n"
         "Қытай арқылы өтетін дәліз туралы айтылды.", "kk", [("FR", "KZ")]),
        ("Kazakhstan and France held talks on investment.\n"
         "The sides discussed transit cooperation with China.\n"
         "French companies plan new projects in Kazakhstan.", "en", [("FR", "KZ")]),
        # multilateral: every pair of the participants
        ("Kazakhstan, Uzbekistan and Germany signed a joint declaration on water.", "en",
         [("DE", "KZ"), ("DE", "UZ"), ("KZ", "UZ")]),
    ],
)  # fmt: skip
def test_partner_pairs(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert EventExtractor()(make_doc(text, lang)).partners == expected
