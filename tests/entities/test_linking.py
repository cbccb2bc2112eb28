import pytest

from coopwatch.entities import EntityRecognizer
from coopwatch.entities.base import EntitySpan
from coopwatch.entities.linking import (
    Linker,
    adopt_surnames,
    is_junk,
    kazakh_stem,
    merge_people,
    new_id,
    resolve_overlaps,
    split_brackets,
)
from coopwatch.gazetteer import Gazetteer
from coopwatch.model import Entity, Event, Mention

from .conftest import analyse, found


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(Gazetteer.load())


def test_gazetteer_person_wins_over_the_lemma(linker: Linker) -> None:
    e = linker.link(EntitySpan(0, 12, "PER", name="Сактаганов", source="natasha"), "Сактагановым", "ru")
    assert e is not None and e.name == "Nurymbet Saktaganov"


def test_new_person_gets_a_latin_name_and_a_stable_id(linker: Linker) -> None:
    e = linker.link(EntitySpan(0, 14, "PER", name="Сильван Гиоге", source="natasha"), "Сильваном Гиоге", "ru")
    assert e is not None and (e.name, e.id) == ("Silvan Gioge", new_id("PER", "Silvan Gioge"))
    assert new_id("PER", "Zhenis Kassymbek") == new_id("PER", "Zhenis Kasymbek")


@pytest.mark.parametrize(
    ("text", "type_"),
    [("министр", "PER"), ("2024", "ORG"), ("He", "PER"), ("March", "PER"), ("the Board", "PER")],
)
def test_junk_is_dropped(text: str, type_: str) -> None:
    assert is_junk(text, type_)


def test_kazakh_case_ending_is_stripped() -> None:
    assert kazakh_stem("Брис Рокфөйдің") == "Брис Рокфөй"
    assert kazakh_stem("Макрон") == "Макрон"


@pytest.mark.parametrize(
    ("name", "stem"),
    [("Шығыс Қазақстан техникалық университетінде", "Шығыс Қазақстан техникалық университеті"),
     ("Өскемен титан-магний комбинаты", "Өскемен титан-магний комбинаты"),
     ("Еуропалық одағының", "Еуропалық одағы"), ("Еуропалық одақтың", "Еуропалық одақ"),
     ("Самұрық-Қазына қорын", "Самұрық-Қазына қоры"), ("Ұлттық банкімен", "Ұлттық банкі")],
)  # fmt: skip
def test_an_organisation_keeps_the_possessive_of_its_head_noun(name: str, stem: str) -> None:
    """университеті, комбинаты, одағы: the possessive is part of a Kazakh organisation's name, the case is not."""
    assert kazakh_stem(name, "ORG") == stem


def _person(name: str, text: str, start: int) -> Entity:
    return Entity(new_id("PER", name), "PER", name, [Mention(start, start + len(text), text)])


def test_surname_initials_and_case_forms_join_the_full_name() -> None:
    people = [
        _person("Zhenis Kassymbek", "Женис Касымбек", 0),
        _person("Kassymbek", "Ж. Касымбек", 40),
        _person("Kassymbekom", "Касымбеком", 80),
        _person("Zhenisa Kassymbeka", "Жениса Касымбека", 120),
    ]
    merged = merge_people(people)
    assert [(e.name, len(e.mentions)) for e in merged] == [("Zhenis Kassymbek", 4)]


def test_initial_of_another_first_name_does_not_join() -> None:
    merged = merge_people(
        [_person("Zhenis Kassymbek", "Женис Касымбек", 0), _person("Kassymbek", "Р. Касымбек", 30)]
    )
    assert len(merged) == 2


def test_same_person_in_russian_and_english_is_one_entity() -> None:
    stage = EntityRecognizer()
    ru = analyse(stage, "Нурымбет Сактаганов провёл встречу. Сактагановым было предложено решение.", "ru")
    en = analyse(stage, "Governor Saktaganov suggested separate talks.", "en")
    ru_people = [(e.id, e.name, len(e.mentions)) for e in ru.entities if e.type == "PER"]
    assert ru_people == [("person:nurymbet-saktaganov", "Nurymbet Saktaganov", 2)]
    assert [(e.id, e.name) for e in en.entities if e.type == "PER"] == [
        ("person:nurymbet-saktaganov", "Nurymbet Saktaganov")
    ]


def test_unknown_person_across_articles_gets_one_id() -> None:
    stage = EntityRecognizer()
    a = analyse(stage, "Посол Сильван Гиоге посетил завод.", "ru")
    b = analyse(stage, "Завод посетил Сильван Гиоге вместе с делегацией.", "ru")
    ids = [{e.id for e in d.entities if e.type == "PER"} for d in (a, b)]
    assert ids[0] == ids[1] == {new_id("PER", "Silvan Gioge")}


def test_country_inside_an_organisation_still_counts() -> None:
    doc = analyse(EntityRecognizer(), "Представители Посольства Франции в Казахстане посетили завод.", "ru")
    assert "FR" in doc.countries


def test_a_lone_surname_typed_as_an_organisation_is_the_person() -> None:
    """Иверсен атап өтті: the tagger's ORG is the surname of Моника Иверсен, named in full before."""
    lone = Entity(new_id("ORG", "Iversen"), "ORG", "Iversen", [Mention(70, 77, "Иверсен")])
    place = Entity("city:almaty", "GPE", "Almaty", [Mention(90, 100, "Алматыдағы")])
    entities = adopt_surnames([_person("Monika Iversen", "Моника Иверсен", 10), lone, place], {"city:almaty"})
    merged = merge_people(entities)
    assert [(e.type, e.name, len(e.mentions)) for e in merged] == [
        ("PER", "Monika Iversen", 2),
        ("GPE", "Almaty", 1),
    ]


def test_a_full_name_typed_as_an_organisation_is_the_person() -> None:
    """Han Chunlin noted ...: the same words as the person named before are that person."""
    org = Entity(new_id("ORG", "Han Chunlin"), "ORG", "Han Chunlin", [Mention(80, 91, "Han Chunlin")])
    merged = merge_people(adopt_surnames([_person("Han Chunlin", "Han Chunlin", 10), org], set()))
    assert [(e.type, e.name, len(e.mentions)) for e in merged] == [("PER", "Han Chunlin", 2)]


def test_last_words_of_a_full_name_join_it() -> None:
    """A tagger that misses a sentence's first word leaves the tail of a name (Док Кын of Ан Док Кын)."""
    merged = merge_people([_person("An Dok Kyn", "Ан Док Кын", 0), _person("Dok Kyn", "Док Кын", 60)])
    assert [(e.name, len(e.mentions)) for e in merged] == [("An Dok Kyn", 2)]


@pytest.mark.parametrize(
    ("text", "lang", "org", "mention"),
    [
        ("По данным Министерства торговли и интеграции РК, товарооборот вырос.", "ru",
         "org:kz-trade-ministry", "Министерства торговли и интеграции"),
        ("Меморандум подписали АО «НК «КазМунайГаз» и корейские партнёры.", "ru",
         "org:kazmunaygas", "КазМунайГаз"),
    ],
    ids=["ru-country-after-ministry", "ru-legal-forms-before-company"],
)  # fmt: skip
def test_a_qualified_or_legal_form_name_resolves_to_the_known_organisation(
    stage: EntityRecognizer, text: str, lang: str, org: str, mention: str
) -> None:
    """A country after a ministry, legal forms before a company: the organisation is the one the gazetteer knows."""
    doc = analyse(stage, text, lang)
    assert (org, mention) in found(doc)
    assert all(
        e.id.startswith(("org:kz-", "org:kazmunaygas", "country:")) for e in doc.entities if e.type != "PER"
    )


def test_a_name_in_brackets_after_a_name_is_the_same_entity(stage: EntityRecognizer) -> None:
    for text, lang in (
        ("Korea Gas Corporation (KOGAS) signed a memorandum with a Kazakh company.", "en"),
        ("Korea Gas Corporation (KOGAS) Атырау облысында зауыт салады.", "kk"),
    ):
        doc = analyse(stage, text, lang)
        orgs = [(e.name, [m.text for m in e.mentions]) for e in doc.entities if e.type == "ORG"]
        assert orgs == [("Korea Gas Corporation", ["Korea Gas Corporation", "KOGAS"])], (lang, orgs)


def test_split_brackets_cuts_an_open_bracket() -> None:
    text = "Korea Gas Corporation (KOGAS) and Astana (Kazakhstan)"
    spans = split_brackets([EntitySpan(0, 28, "ORG", source="kaznerd-crf")], text)
    assert [(text[s.start : s.end], s.type) for s in spans] == [
        ("Korea Gas Corporation", "ORG"),
        ("KOGAS", "ORG"),
    ]


def test_two_gazetteer_records_in_brackets_stay_apart(stage: EntityRecognizer) -> None:
    doc = analyse(
        stage, "The Ministry of Foreign Affairs (Kazakhstan) and Samruk-Kazyna (KazMunayGas) met.", "en"
    )
    assert {"org:samruk-kazyna", "org:kazmunaygas"} <= {e.id for e in doc.entities}


def test_a_span_of_a_country_and_a_person_gives_way_to_both(stage: EntityRecognizer) -> None:
    """spaCy reads «President of Kazakhstan Kassym-Jomart Tokayev» as the organisation «Kazakhstan Kassym-...»."""
    doc = analyse(
        stage, "President of Kazakhstan Kassym-Jomart Tokayev held talks with Shavkat Mirziyoyev.", "en"
    )
    assert {"person:kassym-jomart-tokayev", "country:KZ", "person:shavkat-mirziyoyev"} <= {
        e.id for e in doc.entities
    }
    assert not [e for e in doc.entities if e.type == "ORG"]


def test_a_statistical_span_of_known_names_and_connectives_gives_way() -> None:
    text = "Қазақстан Сауда және интеграция министрлігі мен Air Liquide Munay Tech Gases"
    country = EntitySpan(0, 9, "GPE", "country:KZ")
    ministry = EntitySpan(10, 43, "ORG", "org:kz-trade-ministry")
    company = EntitySpan(48, 59, "ORG", "org:air-liquide")
    spans = [country, ministry, company, EntitySpan(0, 43, "ORG", source="kaznerd-crf"),
             EntitySpan(48, len(text), "ORG", source="kaznerd-crf")]  # fmt: skip
    kept = resolve_overlaps(spans, text)
    assert [text[s.start : s.end] for s in kept] == [
        "Қазақстан",
        "Сауда және интеграция министрлігі",
        "Air Liquide Munay Tech Gases",  # Munay Tech Gases names more than Air Liquide
    ]


# --- a known person written in a way the gazetteer does not list -------------------------------------


@pytest.mark.parametrize(
    ("lemma", "lang", "person"),
    [
        ("Режеп Ердоған", "kk", "person:recep-tayyip-erdogan"),  # the press drops the middle name
        ("Кысым-Жомарт Токаев", "ru", "person:kassym-jomart-tokayev"),  # a typo in the given name
        ("Қасым-Жомарт Кемелұлы Тоқаев", "kk", "person:kassym-jomart-tokayev"),  # with the patronymic
        ("Amir Tamim", "en", "person:tamim-bin-hamad-al-thani"),  # honorific and given name
        ("Тәмим", "kk", "person:tamim-bin-hamad-al-thani"),
        ("Moon", "en", "person:moon-jae-in"),  # family name first: President Moon
    ],
)
def test_a_known_person_in_another_form_resolves_to_the_gazetteer(
    linker: Linker, lemma: str, lang: str, person: str
) -> None:
    e = linker.link(EntitySpan(0, len(lemma), "PER", name=lemma, source="ner"), lemma, lang)
    assert e is not None and e.id == person


def test_a_different_given_name_before_a_known_surname_stays_a_new_person(linker: Linker) -> None:
    e = linker.link(EntitySpan(0, 13, "PER", name="Бурак Ердоған", source="ner"), "Бурак Ердоған", "kk")
    assert e is not None and e.id != "person:recep-tayyip-erdogan"


def test_a_statistical_person_that_runs_on_past_a_known_surname_gives_way() -> None:
    """A tagger reads «Тоқаев Нью-Йоркке барды» or the headline «Tokayev Holds Talks» as one person."""
    text = "Тоқаев Нью-Йоркке барды"
    surname = EntitySpan(0, 6, "PER", "person:kassym-jomart-tokayev", kind="surname")
    kept = resolve_overlaps([surname, EntitySpan(0, 17, "PER", source="ner")], text)
    assert kept == [surname]


def test_given_name_and_patronymic_or_surname_first_join_the_full_name() -> None:
    full = Entity("person:a", "PER", "Shavkat Mirziyoyev", [Mention(0, 18, "Шавкат Мирзиёев")])
    patronymic = Entity("person:b", "PER", "Shavkat Miromonovich", [Mention(40, 59, "Шавкат Миромонович")])
    listed = Entity("person:c", "PER", "Bizhanova Diana", [Mention(80, 95, "Бижанова Диана")])
    named = Entity("person:d", "PER", "Diana Bizhanova", [Mention(100, 115, "Диана Бижанова")])
    merged = merge_people([full, patronymic, listed, named])
    assert [(e.id, len(e.mentions)) for e in merged] == [("person:a", 2), ("person:c", 2)]


def test_given_name_and_patronymic_stay_apart_when_two_people_share_the_given_name() -> None:
    one = Entity("person:a", "PER", "Shavkat Mirziyoyev", [Mention(0, 15, "Шавкат Мирзиёев")])
    two = Entity("person:b", "PER", "Shavkat Ivanov", [Mention(20, 33, "Шавкат Иванов")])
    patronymic = Entity("person:c", "PER", "Shavkat Miromonovich", [Mention(40, 58, "Шавкат Миромонович")])
    assert len(merge_people([one, two, patronymic])) == 3


def test_spellings_of_one_new_person_across_articles_get_one_id_and_the_english_name() -> None:
    stage = EntityRecognizer()
    ru = analyse(stage, "Глава корпорации Фёдор Семёнов прибыл в Астану.", "ru")
    en = analyse(stage, "Corporation head Fedor Semenov arrived in Astana.", "en")
    ru.events = [Event("meeting", "x", 0, 1, participants=[e.id for e in ru.entities if e.type == "PER"])]
    stage.settle([ru, en])
    people = [{(e.id, e.name) for e in d.entities if e.type == "PER"} for d in (ru, en)]
    assert people[0] == people[1] == {(new_id("PER", "Fedor Semenov"), "Fedor Semenov")}
    assert ru.events[0].participants == [new_id("PER", "Fedor Semenov")]


# --- spans a tagger gets wrong ---------------------------------------------------------------------


def test_an_organisation_span_that_ends_in_a_known_person_is_the_person(linker: Linker) -> None:
    text = "Kazakh President Kassym-Jomart Tokayev"
    found = linker.person_inside(EntitySpan(0, len(text), "ORG", source="ner"), text)
    assert found is not None and (text[found.start : found.end], found.id) == (
        "Kassym-Jomart Tokayev",
        "person:kassym-jomart-tokayev",
    )
    text = "Kazakh Invest Board"
    assert linker.person_inside(EntitySpan(0, len(text), "ORG", source="ner"), text) is None


@pytest.mark.parametrize(
    ("text", "type_"),
    [("KAZAKHSTAN PRESS SERVICE / HANDOUT", "ORG"), ("D.C. Photo", "ORG"), ("State", "ORG"),
     ("Консул", "PER"), ("Amir Sheikh", "PER"), ("Бүгін", "PER")],
)  # fmt: skip
def test_credits_titles_and_sentence_openers_are_no_entities(text: str, type_: str) -> None:
    assert is_junk(text, type_)


def test_country_adjectives_joined_by_a_hyphen_are_no_organisation(linker: Linker) -> None:
    assert linker.link(EntitySpan(0, 12, "ORG", source="ner"), "Kazakh-Uzbek", "en") is None
    kept = linker.link(EntitySpan(0, 13, "ORG", source="ner"), "Uzbek Railway", "en")
    assert kept is not None and kept.type == "ORG"


def test_a_known_place_read_as_a_person_is_the_place(linker: Linker) -> None:
    e = linker.link(EntitySpan(0, 6, "PER", name="Бакуге", source="ner"), "Бакуге", "kk")
    assert e is not None and (e.id, e.type) == ("city:baku", "GPE")


def test_a_double_given_name_alone_is_the_known_person(linker: Linker) -> None:
    e = linker.link(EntitySpan(0, 13, "PER", name="Kassym-Jomart", source="ner"), "Kassym-Jomart", "en")
    assert e is not None and e.id == "person:kassym-jomart-tokayev"


def test_a_historical_title_is_part_of_the_name_and_follows_it(linker: Linker) -> None:
    """Хан Әбілқайыр and Abulkhair Khan are one man; Tauke alone is Tauke Khan of the same article."""
    e = linker.link(EntitySpan(0, 12, "PER", name="Хан Әбілқайыр", source="ner"), "Хан Әбілқайыр", "kk")
    assert e is not None and e.name.endswith(" Khan") and e.id == new_id("PER", e.name)
    full = Entity("person:tauke-han", "PER", "Tauke Khan", [Mention(0, 10, "Тәуке хан")])
    alone = Entity("person:tauke", "PER", "Tauke", [Mention(30, 35, "Тәуке")])
    assert [(x.id, len(x.mentions)) for x in merge_people([full, alone])] == [("person:tauke-han", 2)]


def test_a_family_name_that_looks_like_a_title_stays_first(linker: Linker) -> None:
    e = linker.link(EntitySpan(0, 9, "PER", name="Han Zheng", source="ner"), "Han Zheng", "en")
    assert e is not None and e.name == "Han Zheng"
