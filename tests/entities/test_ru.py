import pytest

from coopwatch.entities import EntityRecognizer

from .conftest import analyse, found

CASES = [
    ("Посол Франции встретился с Токаевым.", {("country:FR", "Франции"),
                                             ("person:kassym-jomart-tokayev", "Токаевым")}, ["FR"]),
    ("Сотрудничество с Францией в Казахстане растёт.", {("country:FR", "Францией"), ("country:KZ", "Казахстане")},
     ["FR", "KZ"]),
    ("Французская сторона поддержала проект.", {("country:FR", "Французская")}, ["FR"]),
    ("Делегация посетила французскую компанию.", {("country:FR", "французскую")}, ["FR"]),
    ("Аким Восточно-Казахстанской области провёл встречу.",
     {("region:kz-east-kazakhstan", "Восточно-Казахстанской области")}, ["KZ"]),
    ("Агентство Франции по развитию выделит средства.", {("org:afd", "Агентство Франции по развитию")}, []),
    ("Ж. Касымбек встретился с послом.", {("person:zhenis-kassymbek", "Ж. Касымбек")}, []),
    ("Товарооборот составил 30 млн долларов США.", {("country:US", "США")}, []),
    ("Встреча прошла в Москве и Пекине.", {("city:moscow", "Москве"), ("city:beijing", "Пекине")}, []),
    ("Эксперты Росатома и КазМунайГаза обсудили проект.", {("org:rosatom", "Росатома"),
                                                          ("org:kazmunaygas", "КазМунайГаза")}, []),
    ("Того же мнения придерживается министр.", set(), []),
    ("Делегация Восточного Казахстана прибыла в Берлин.", {("region:kz-east-kazakhstan", "Восточного Казахстана"),
                                                         ("city:berlin", "Берлин")}, ["KZ"]),
    # a name with quotation marks in it, the mention keeping both
    ("В Международном финансовом центре «Астана» прошёл форум.",
     {("org:aifc", "Международном финансовом центре «Астана»")}, []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected", "countries"), CASES)
def test_russian_case_forms(stage: EntityRecognizer, text: str, expected: set, countries: list) -> None:
    doc = analyse(stage, text, "ru")
    assert found(doc) == expected
    assert doc.countries == countries


def test_surname_joins_full_name(stage: EntityRecognizer) -> None:
    doc = analyse(stage, "Касым-Жомарт Токаев провёл встречу. Токаев отметил важность диалога.", "ru")
    assert [(e.id, e.name, len(e.mentions)) for e in doc.entities] == [
        ("person:kassym-jomart-tokayev", "Kassym-Jomart Tokayev", 2)
    ]


def test_initial_that_contradicts_the_first_name_is_not_the_person(stage: EntityRecognizer) -> None:
    assert found(analyse(stage, "Д. Токаев выступил с докладом.", "ru")) == set()
