from __future__ import annotations

import re

import pytest

from coopwatch.entities import EntityRecognizer, gazetteer_recognizers
from coopwatch.events import EventExtractor, event_type, partner_pairs, roles_in
from coopwatch.gazetteer import Gazetteer
from coopwatch.model import Document, Entity, Mention, Segment

# Country names, adjectives and officials for hand-built documents, as the entity stage would find them.
PLACES = {
    "KZ": r"Казахстан\w*|Қазақстан\w*|Kazakhstan\w*|Kazakh|Астан\w*|Карагандинск\w+ област\w*",
    "FR": r"Франци\w*|француз\w*|France|French",
    "DE": r"Германи\w*|Германия\w*|Germany|German",
    "CN": r"Китай\w*|Қытай\w*|China",
    "UZ": r"Узбекистан\w*|Өзбекстан\w*|Uzbekistan",
}


def make_doc(
    text: str, lang: str, people: dict[str, str] | None = None, places: dict[str, str] | None = None
) -> Document:
    """A document as the entity stage leaves it: countries by PLACES, people and cities as given (id -> text)."""
    entities = []
    for code, pattern in PLACES.items():
        mentions = [Mention(m.start(), m.end(), m.group()) for m in re.finditer(pattern, text)]
        if mentions:
            entities.append(Entity(f"country:{code}", "GPE", code, mentions, code))
    for ent_id, names in {**(people or {}), **(places or {})}.items():
        prefix = ent_id.split(":")[0]
        kind = {"org": "ORG", "city": "GPE", "region": "GPE", "place": "GPE"}.get(prefix, "PER")
        mentions = [
            Mention(m.start(), m.end(), m.group())
            for name in names.split("|")
            for m in re.finditer(name, text)
        ]
        entities.append(Entity(ent_id, kind, names.split("|")[0], sorted(mentions, key=lambda m: m.start)))
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
        # interest, readiness and plans are no proposal nor project yet
        ("France expressed interest in joint research.", None),
        ("The sides confirmed their readiness to strengthen cooperation.", None),
        ("The region plans a new logistics hub.", None),
        # agreements reached before, or only to be implemented, are not this event's
        ("The presidents praised the implementation of agreements reached earlier.", None),
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


def test_the_strongest_event_of_a_sentence_first_and_its_talks_beside() -> None:
    """A sentence gives its strongest event (the visit here is only the occasion) and the meeting it reports."""
    text = "During the visit to Astana the sides held talks and signed an agreement."
    doc = EventExtractor()(make_doc(text, "en"))
    assert [e.type for e in doc.events] == ["agreement", "meeting"]


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


# Roles: (text, people as the entity stage found them, the roles the text states)
@pytest.mark.parametrize(
    ("text", "people", "expected"),
    [
        ("Облыс әкімі Нұрымбет Сақтағанов неміс делегациясын қабылдады.",
         {"person:nurymbet-saktaganov": "Нұрымбет Сақтағанов"}, "akim"),
        ("Сыртқы істер министрінің орынбасары Роман Василенко консультация өткізді.",
         {"person:roman-vassilenko": "Роман Василенко"}, "deputy_minister"),
        ("Мемлекет басшысы Қасым-Жомарт Тоқаев сапармен келді.",
         {"person:kassym-jomart-tokayev": "Қасым-Жомарт Тоқаев"}, "president"),
        ("Франция елшісі Сильвен Гиоге әкіммен кездесті.", {"person:sylvain-guiaugue": "Сильвен Гиоге"},
         "ambassador"),
        ("Премьер-Министр Олжас Бектенов келіссөз жүргізді.", {"person:olzhas-bektenov": "Олжас Бектенов"},
         "prime_minister"),
        ("Германия канцлері Олаф Шольц Астанаға келді.", {"person:olaf-scholz": "Олаф Шольц"}, "chancellor"),
        ("Сенат төрағасы Мәулен Әшімбаев сөз сөйледі.", {"person:maulen-ashimbayev": "Мәулен Әшімбаев"}, "chair"),
        ("Компанияның бас директоры Асқар Мұратов жобаны таныстырды.", {"person:askar-muratov": "Асқар Мұратов"},
         "director"),
        # a deputy akim is not an akim; a title before a verb names nobody
        ("Облыс әкімінің орынбасары Асқар Мұратов сөйледі.", {"person:askar-muratov": "Асқар Мұратов"}, None),
        ("Әкім кездесуде Асқар Мұратовты құттықтады.", {"person:askar-muratov": "Асқар Мұратов"}, None),
    ],
)  # fmt: skip
def test_kazakh_roles(text: str, people: dict[str, str], expected: str | None) -> None:
    [person] = people
    assert roles_in(make_doc(text, "kk", people)) == ({person: expected} if expected else {})


@pytest.mark.parametrize(
    ("text", "people", "expected"),
    [
        ("Глава региона Нурымбет Сактаганов принял немецкую делегацию.",
         {"person:nurymbet-saktaganov": "Нурымбет Сактаганов"}, "akim"),
        ("Делегация встретилась с акимом области Женисом Касымбеком.",
         {"person:zhenis-kassymbek": "Женисом Касымбеком"}, "akim"),
        ("Переговоры прошли с послом Франции Сильваном Гиоге.", {"person:sylvain-guiaugue": "Сильваном Гиоге"},
         "ambassador"),
        ("Чрезвычайный и Полномочный Посол Германии в Казахстане Ханс Мюллер прибыл в регион.",
         {"person:hans-muller": "Ханс Мюллер"}, "ambassador"),
        ("Заместитель министра иностранных дел Роман Василенко провел консультации.",
         {"person:roman-vassilenko": "Роман Василенко"}, "deputy_minister"),
        ("Премьер-Министр Олжас Бектенов открыл форум.", {"person:olzhas-bektenov": "Олжас Бектенов"},
         "prime_minister"),
        ("Канцлер Германии Олаф Шольц посетил Астану.", {"person:olaf-scholz": "Олаф Шольц"}, "chancellor"),
        ("Председатель Сената Маулен Ашимбаев выступил на форуме.", {"person:maulen-ashimbayev": "Маулен Ашимбаев"},
         "chair"),
        ("Генеральный директор компании Айдар Муратов представил проект.", {"person:aidar-muratov": "Айдар Муратов"},
         "director"),
        ("Президент Токаев принял делегацию.", {"person:kassym-jomart-tokayev": "Токаев"}, "president"),
        ("Вице-президент компании Айдар Муратов представил проект.", {"person:aidar-muratov": "Айдар Муратов"},
         None),
        ("Аким поблагодарил Айдара Муратова за работу.", {"person:aidar-muratov": "Айдара Муратова"}, None),
    ],
)  # fmt: skip
def test_russian_roles(text: str, people: dict[str, str], expected: str | None) -> None:
    [person] = people
    assert roles_in(make_doc(text, "ru", people)) == ({person: expected} if expected else {})


@pytest.mark.parametrize(
    ("text", "people", "expected"),
    [
        ("Governor Nurymbet Saktaganov received the delegation.",
         {"person:nurymbet-saktaganov": "Nurymbet Saktaganov"}, "akim"),
        ("Roman Vassilenko, Deputy Foreign Minister of Kazakhstan, held consultations.",
         {"person:roman-vassilenko": "Roman Vassilenko"}, "deputy_minister"),
        ("The talks were led by Roman Vassilenko, Deputy Foreign Minister.",
         {"person:roman-vassilenko": "Roman Vassilenko"}, "deputy_minister"),
        ("French Ambassador Sylvain Guiaugué met the akim.", {"person:sylvain-guiaugue": "Sylvain Guiaugué"},
         "ambassador"),
        ("Prime Minister Olzhas Bektenov opened the forum.", {"person:olzhas-bektenov": "Olzhas Bektenov"},
         "prime_minister"),
        ("German Chancellor Olaf Scholz arrived in Astana.", {"person:olaf-scholz": "Olaf Scholz"}, "chancellor"),
        ("Senate Chairman Maulen Ashimbayev addressed the forum.", {"person:maulen-ashimbayev": "Maulen Ashimbayev"},
         "chair"),
        ("Airbus CEO Guillaume Faury presented the project.", {"person:guillaume-faury": "Guillaume Faury"},
         "director"),
        ("President Kassym-Jomart Tokayev received the delegation.",
         {"person:kassym-jomart-tokayev": "Kassym-Jomart Tokayev"}, "president"),
        ("Vice President Aidar Muratov presented the project.", {"person:aidar-muratov": "Aidar Muratov"}, None),
        ("The President of France, Emmanuel Macron, arrived in Astana.",
         {"person:emmanuel-macron": "Emmanuel Macron"}, "president"),
        ("After meeting the governor, Aidar Muratov left.", {"person:aidar-muratov": "Aidar Muratov"}, None),
        # "the ambassador" starts a new clause: it is not Muratov's title
        ("After talks with Aidar Muratov, the ambassador noted progress.", {"person:aidar-muratov": "Aidar Muratov"},
         None),
    ],
)  # fmt: skip
def test_english_roles(text: str, people: dict[str, str], expected: str | None) -> None:
    [person] = people
    assert roles_in(make_doc(text, "en", people)) == ({person: expected} if expected else {})


def test_document_roles_are_the_first_stated_and_events_carry_them() -> None:
    text = (
        "Аким области Женис Касымбек встретился с послом Франции Сильваном Гиоге.\n"
        "Сильван Гиоге предложил открыть центр французского языка.\n"
        "Председатель правления Женис Касымбек подписал меморандум."
    )
    people = {"person:zhenis-kassymbek": "Женис Касымбек", "person:sylvain-guiaugue": "Сильван\\w* Гиоге"}
    doc = EventExtractor()(make_doc(text, "ru", people))
    assert roles_in(doc) == {"person:zhenis-kassymbek": "akim", "person:sylvain-guiaugue": "ambassador"}
    meeting, proposal, agreement = doc.events
    assert meeting.roles == {"person:zhenis-kassymbek": "akim", "person:sylvain-guiaugue": "ambassador"}
    assert proposal.roles == {"person:sylvain-guiaugue": "ambassador"}  # stated before, carried over
    assert agreement.roles == {"person:zhenis-kassymbek": "chair"}  # stated in the sentence itself


# Sides of people: the country a known person, an ambassador "of France" or an akim stands for.
@pytest.fixture(scope="module")
def recognize() -> EntityRecognizer:
    gazetteer = Gazetteer.load()
    return EntityRecognizer(gazetteer, gazetteer_recognizers(gazetteer))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Президент Токаев провёл переговоры с Президентом Франции Эммануэлем Макроном.", "ru"),
        ("Президент Тоқаев Франция Президенті Эммануэль Макронмен келіссөздер жүргізді.", "kk"),
        ("President Tokayev held talks with French President Emmanuel Macron.", "en"),
        ("Токаев и Макрон обсудили сотрудничество в сфере энергетики.", "ru"),
    ],
)
def test_people_stand_for_their_country(recognize: EntityRecognizer, text: str, lang: str) -> None:
    doc = recognize(Document("t", text, lang=lang, segments=[Segment(0, len(text))]))
    assert "KZ" not in doc.countries  # Kazakhstan is never named
    doc = EventExtractor()(doc)
    assert doc.partners == [("FR", "KZ")]
    assert doc.events[0].countries == ["FR", "KZ"]
    assert "KZ" not in doc.countries  # a person's side is no country the article names


@pytest.mark.parametrize(
    ("text", "lang", "people", "expected"),
    [
        # the ambassador's own country, not the host
        ("Посол Франции в Казахстане Сильван Гиоге прибыл в регион.\nСильван Гиоге и Жан Дюпон обсудили туризм.",
         "ru", {"person:sylvain-guiaugue": "Сильван Гиоге"}, ["FR"]),
        ("Франция елшісі Сильвен Гиоге облысқа келді.\nСильвен Гиоге туризм туралы келіссөз жүргізді.",
         "kk", {"person:sylvain-guiaugue": "Сильвен Гиоге"}, ["FR"]),
        ("French Ambassador Sylvain Guiaugué came to the region.\nSylvain Guiaugué discussed tourism.",
         "en", {"person:sylvain-guiaugue": "Sylvain Guiaugué"}, ["FR"]),
        # an akim stands for Kazakhstan wherever he is named again
        ("Аким области Айдар Муратов принял делегацию.\nАйдар Муратов обсудил туризм с гостями.",
         "ru", {"person:aidar-muratov": "Айдар Муратов"}, ["KZ"]),
    ],
)  # fmt: skip
def test_sides_follow_the_person(text: str, lang: str, people: dict[str, str], expected: list[str]) -> None:
    doc = EventExtractor()(make_doc(text, lang, people))
    assert doc.events[-1].countries == expected


def test_host_country_of_an_ambassador_is_not_his_side() -> None:
    text = (
        "Франциянің Қазақстандағы елшісі Сильвен Гиоге келді.\nСильвен Гиоге туризм туралы келіссөз жүргізді."
    )
    doc = EventExtractor()(make_doc(text, "kk", {"person:sylvain-guiaugue": "Сильвен Гиоге"}))
    assert doc.events[-1].countries == ["FR"]


# Location: a city or region named as the place, else the dateline city when the event is in the lead.
@pytest.mark.parametrize(
    ("text", "lang", "places", "expected"),
    [
        ("Переговоры министров прошли в Берлине.", "ru", {"city:berlin": "Берлине"}, "city:berlin"),
        ("Министрлер Берлинде келіссөз жүргізді.", "kk", {"city:berlin": "Берлинде"}, "city:berlin"),
        # a title right after the place does not swallow it
        ("Тоқаев Берлинде Германия Федералды канцлері Фридрих Мерцпен кездесті.", "kk",
         {"city:berlin": "Берлинде", "person:friedrich-merz": "Фридрих Мерцпен"}, "city:berlin"),
        ("The ministers held talks in Berlin.", "en", {"city:berlin": "Berlin"}, "city:berlin"),
        ("Шығыс Қазақстан облысында жаңа зауыт іске қосылды.", "kk",
         {"region:kz-east-kazakhstan": "Шығыс Қазақстан облысында"}, "region:kz-east-kazakhstan"),
        # the word after the name makes it the place: in the city of Oral
        ("Кездесу Орал қаласында өтті.", "kk", {"city:oral": "Орал"}, "city:oral"),
        # a part of the world is where no meeting is held
        ("Министры провели переговоры о Центральной Азии.", "ru", {"place:central-asia": "Центральной Азии"}, None),
        ("Министры провели переговоры в Центральной Азии.", "ru", {"place:central-asia": "Центральной Азии"}, None),
        # a visit names where it goes
        ("Делегация Парижге сапармен барды.", "kk", {"city:paris": "Парижге"}, "city:paris"),
        ("The delegation paid a visit to Paris.", "en", {"city:paris": "Paris"}, "city:paris"),
        # named, but not as the place
        ("Берлин делегациясы меморандумға қол қойды.", "kk", {"city:berlin": "Берлин"}, None),
        ("Посол Франции в Берлине Ханс Мюллер подписал меморандум.", "ru", {"city:berlin": "Берлине"}, None),
        ("The Berlin delegation signed a memorandum.", "en", {"city:berlin": "Berlin"}, None),
    ],
)  # fmt: skip
def test_event_location(text: str, lang: str, places: dict[str, str], expected: str | None) -> None:
    people = {"person:hans-muller": "Ханс Мюллер"} if "Мюллер" in text else {}
    people |= {k: v for k, v in places.items() if k.startswith("person:")}
    places = {k: v for k, v in places.items() if not k.startswith("person:")}
    [event] = EventExtractor()(make_doc(text, lang, people, places)).events
    assert event.location == expected


def test_dateline_city_is_the_place_of_lead_events_only() -> None:
    text = (
        "ОСКЕМЕН, 10 октября. Аким области провел переговоры с немецкой делегацией.\n"
        "Позже стороны подписали меморандум о туризме.\n"
        "Следующая встреча пройдет в Берлине."
    )
    doc = make_doc(text, "ru", places={"city:oskemen": "ОСКЕМЕН", "city:berlin": "Берлине"})
    by_sentence = {
        e.start: e.location for e in EventExtractor()(doc).events
    }  # a visit and its talks share one
    assert list(by_sentence.values()) == ["city:oskemen", None, "city:berlin"]


def test_partner_pairs_is_importable_from_the_package() -> None:
    assert callable(partner_pairs)


@pytest.mark.parametrize(
    ("text", "lang", "places", "expected"),
    [
        ("Macron, who received Tokayev on a state visit to Paris, offered help with nuclear power.", "en",
         {"city:paris": "Paris"}, "city:paris"),
        ("Президент, прибывший с государственным визитом в Париж, предложил создать совет.", "ru",
         {"city:paris": "Париж"}, "city:paris"),
    ],
)  # fmt: skip
def test_a_sentence_that_speaks_of_a_visit_names_where_it_goes(
    text: str, lang: str, places: dict[str, str], expected: str
) -> None:
    events = EventExtractor()(make_doc(text, lang, places=places)).events
    assert events and events[0].location == expected


def test_a_dateline_after_a_time_stamp_still_places_the_lead() -> None:
    text = "2025-09-09T12:50+0300\nМОСКВА, 9 сен - ПРАЙМ. Министры провели переговоры о торговле."
    doc = make_doc(text, "ru", places={"city:moscow": "МОСКВА"})
    stamp = text.index("\n")
    doc.segments = [Segment(0, stamp, "body"), Segment(stamp + 1, len(text), "body")]
    assert [e.location for e in EventExtractor()(doc).events] == ["city:moscow"]


@pytest.mark.parametrize(
    ("text", "lang", "places", "expected"),
    [
        ("Президенты провели переговоры.\nВ Ташкенте также прошёл деловой форум.", "ru",
         {"city:tashkent": "Ташкенте"}, "city:tashkent"),
        ("Президенттер келіссөз жүргізді.\nТашкентте іскерлік форум да өтті.", "kk",
         {"city:tashkent": "Ташкентте"}, "city:tashkent"),
        ("The presidents held talks.\nA business forum was also held in Tashkent.", "en",
         {"city:tashkent": "Tashkent"}, "city:tashkent"),
        # a call is held nowhere
        ("The presidents held a phone call.\nA business forum was held in Tashkent.", "en",
         {"city:tashkent": "Tashkent"}, None),
    ],
)  # fmt: skip
def test_the_main_meeting_is_where_the_article_says_things_happen(
    text: str, lang: str, places: dict[str, str], expected: str | None
) -> None:
    """Its own sentence and the dateline say nothing: the first city the body names as a place."""
    events = EventExtractor()(make_doc(text, lang, places=places)).events
    assert events[0].location == expected


@pytest.mark.parametrize(
    ("text", "lang", "people"),
    [
        ("Президент Казахстана Айдар Муратов прибыл в Ташкент.\nГлава государства провёл переговоры с "
         "президентом Узбекистана Бахтияром Садыковым.", "ru",
         {"person:aidar-muratov": "Айдар Муратов", "person:bakhtiyar-sadykov": "Бахтияром Садыковым"}),
        ("Қазақстан Президенті Айдар Мұратов Ташкентке барды.\nМемлекет басшысы Өзбекстан Президенті "
         "Бахтияр Садықовпен келіссөз жүргізді.", "kk",
         {"person:aidar-muratov": "Айдар Мұратов", "person:bakhtiyar-sadykov": "Бахтияр Садықовпен"}),
        ("Kazakh President Aidar Muratov arrived in Tashkent.\nUzbek President Bakhtiyar Sadykov held talks "
         "with his Kazakh counterpart.", "en",
         {"person:aidar-muratov": "Aidar Muratov", "person:bakhtiyar-sadykov": "Bakhtiyar Sadykov"}),
        ("Президент Казахстана Айдар Муратов и президент Узбекистана Бахтияр Садыков прибыли.\n"
         "Президенты Казахстана и Узбекистана провели переговоры.", "ru",
         {"person:aidar-muratov": "Айдар Муратов", "person:bakhtiyar-sadykov": "Бахтияр Садыков"}),
    ],
)  # fmt: skip
def test_a_president_named_by_title_alone_takes_part(text: str, lang: str, people: dict[str, str]) -> None:
    """Мемлекет басшысы, the Kazakh counterpart, «the presidents of Kazakhstan and Uzbekistan»: the
    presidents the article has named."""
    meetings = [e for e in EventExtractor()(make_doc(text, lang, people)).events if e.type == "meeting"]
    assert meetings and set(meetings[-1].participants) == set(people)


def test_a_gazetteer_head_of_state_in_office_on_the_day_is_the_host_leader() -> None:
    from coopwatch.gazetteer import Record, Role

    gazetteer = Gazetteer.load()
    record = Record("person:aidar-muratov", "PER", "Aidar Muratov", region="KZ",
                    roles=[Role("president", "KZ", "2020-01-01", "2024-12-31")])  # fmt: skip
    extractor = EventExtractor(Gazetteer([*gazetteer.records.values(), record]))
    text = (
        "Айдар Муратов встретился с министрами.\nГлава государства провёл переговоры с Бахтияром Садыковым."
    )
    people = {"person:aidar-muratov": "Айдар Муратов", "person:bakhtiyar-sadykov": "Бахтияром Садыковым"}
    for day, expected in (("2023-05-01", True), ("2025-05-01", False)):
        doc = make_doc(text, "ru", people)
        doc.date = day
        meeting = [e for e in extractor(doc).events if e.type == "meeting"][-1]
        assert ("person:aidar-muratov" in meeting.participants) is expected, day


@pytest.mark.parametrize(
    ("text", "lang", "types"),
    [
        ("В ходе визита президент Франции встретился с казахстанским коллегой.", "ru", ["visit", "meeting"]),
        ("Сапар барысында Франция президенті қазақстандық әріптесімен кездесті.", "kk", ["visit", "meeting"]),
        ("During the visit the French President met his Kazakh counterpart.", "en", ["visit", "meeting"]),
        ("After the talks the ministers signed a memorandum.", "en", ["agreement", "meeting"]),
        ("The ministers signed a memorandum.", "en", ["agreement"]),
    ],
)
def test_a_sentence_reports_a_meeting_beside_a_visit_or_an_agreement(
    text: str, lang: str, types: list[str]
) -> None:
    assert [e.type for e in EventExtractor()(make_doc(text, lang)).events] == types


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Президенты высоко оценили ход реализации ранее достигнутых договоренностей.", "ru"),
        ("Стороны выразили готовность к продолжению совместной работы.", "ru"),
        ("Мемлекет басшылары бұған дейін қол жеткізілген уағдаластықтарды талқылады.", "kk"),
        ("Кездесу кезінде бірнеше құжатқа қол қойылады.", "kk"),
        ("Тараптар ынтымақтастықты дамытуға ниетті екенін жеткізді.", "kk"),
    ],
)
def test_earlier_future_and_intended_deeds_are_no_agreement_nor_proposal(text: str, lang: str) -> None:
    types = {e.type for e in EventExtractor()(make_doc(text, lang)).events}
    assert not types & {"agreement", "proposal"}


@pytest.mark.parametrize(
    ("text", "lang", "people"),
    [
        ("Президент Казахстана Айдар Муратов поздравил гостей.\nПрезидент Узбекистана Бахтияр Садыков прибыл "
         "в Казахстан с государственным визитом.", "ru",
         {"person:aidar-muratov": "Айдар Муратов", "person:bakhtiyar-sadykov": "Бахтияр Садыков"}),
        ("Қазақстан Президенті Айдар Мұратов қонақтарды құттықтады.\nӨзбекстан Президенті Бахтияр Садықов "
         "Қазақстанға мемлекеттік сапармен келді.", "kk",
         {"person:aidar-muratov": "Айдар Мұратов", "person:bakhtiyar-sadykov": "Бахтияр Садықов"}),
        ("Kazakh President Aidar Muratov greeted the guests.\nUzbek President Bakhtiyar Sadykov arrived in "
         "Kazakhstan on a state visit.", "en",
         {"person:aidar-muratov": "Aidar Muratov", "person:bakhtiyar-sadykov": "Bakhtiyar Sadykov"}),
    ],
)  # fmt: skip
def test_a_state_visit_is_received_by_the_host_president(
    text: str, lang: str, people: dict[str, str]
) -> None:
    visits = [e for e in EventExtractor()(make_doc(text, lang, people)).events if e.type == "visit"]
    assert visits and set(visits[-1].participants) == set(people)


def test_a_working_trip_names_only_who_travels() -> None:
    text = "Президент Казахстана Айдар Муратов поздравил гостей.\nМинистр Бахтияр Садыков прибыл в Казахстан."
    people = {"person:aidar-muratov": "Айдар Муратов", "person:bakhtiyar-sadykov": "Бахтияр Садыков"}
    visits = [e for e in EventExtractor()(make_doc(text, "ru", people)).events if e.type == "visit"]
    assert all("person:aidar-muratov" not in v.participants for v in visits)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Президент Туркменистана прибыл в Казахстан.\nПрезиденты Узбекистана и Кыргызстана также прибыли на "
         "саммит глав государств Центральной Азии.", "ru"),
        ("The President of Turkmenistan arrived in Kazakhstan.\nThe Presidents of Uzbekistan and Kyrgyzstan also "
         "came to the summit of Central Asian leaders.", "en"),
        ("Түрікменстан Президенті Қазақстанға ресми сапармен келді.\nӨзбекстан мен Қырғызстан президенттері де Орталық Азия "
         "саммитіне келді.", "kk"),
    ],
)  # fmt: skip
def test_a_summit_makes_every_country_taking_part_a_side(text: str, lang: str) -> None:
    more = {
        "TM": r"Туркменистан\w*|Түрікменстан\w*|Turkmenistan",
        "KG": r"Кыргызстан\w*|Қырғызстан\w*|Kyrgyzstan",
    }
    doc = make_doc(text, lang)
    for code, pattern in more.items():
        mentions = [Mention(m.start(), m.end(), m.group()) for m in re.finditer(pattern, text)]
        doc.entities.append(Entity(f"country:{code}", "GPE", code, mentions, code))
    doc.countries = sorted({*doc.countries, *more})
    pairs = EventExtractor()(doc).partners
    assert {("KG", "TM"), ("KG", "UZ"), ("TM", "UZ"), ("KG", "KZ")} <= set(pairs)
