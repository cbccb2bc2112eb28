import pytest

pytest.importorskip("natasha")

from coopwatch.gazetteer import Gazetteer
from coopwatch.ner.ru import RussianRecognizer


@pytest.fixture(scope="module")
def rec() -> RussianRecognizer:
    return RussianRecognizer(Gazetteer.load())


CASES = [
    ("Аким области Нурымбет Сактаганов встретился с послом.", {("Нурымбет Сактаганов", "PER")}),
    ("Встреча с Сильваном Гиоге прошла в Усть-Каменогорске.",
     {("Сильван Гиоге", "PER"), ("Усть-Каменогорск", "GPE")}),
    ("Соглашение подписал Женис Касымбек.", {("Женис Касымбек", "PER")}),
    ("Особое внимание уделили туризму.", set()),
    ("Делегация прибыла во Францию.", {("Франция", "GPE")}),
    ("Аким области провёл совещание.", set()),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_names_in_the_nominative(rec: RussianRecognizer, text: str, expected: set) -> None:
    spans = rec.recognize(text)
    assert {(s.name, s.type) for s in spans if s.type != "LOC"} == expected


@pytest.mark.parametrize(
    ("surface", "lemma"),
    [("Сактагановым", "Сактаганов"), ("Касымбеком", "Касымбек"), ("Дидье Канессом", "Дидье Канесс"),
     ("Нурымбета Сактаганова", "Нурымбет Сактаганов"), ("Гиоге", "Гиоге"),
     # Korean names decline in their last word only
     ("Ан Док Кыном", "Ан Док Кын"), ("Ли Чжэ Мёном", "Ли Чжэ Мён")],
)  # fmt: skip
def test_person_lemmas(rec: RussianRecognizer, surface: str, lemma: str) -> None:
    assert rec.lemma(surface, "PER") == lemma


def test_offsets_are_shifted(rec: RussianRecognizer) -> None:
    text = "Вчера Женис Касымбек посетил завод."
    spans = rec.recognize(text, offset=100)
    assert [(s.start - 100, s.end - 100) for s in spans] == [(6, 20)]


SPLIT = [
    ("ОАО «Казахтелеком» подписало соглашение с партнёрами.", [("Казахтелеком", "ORG", "Казахтелеком")]),
    ("Доклад подготовил Всемирный банк (ВБ).", [("Всемирный банк", "ORG", "Всемирный банк"), ("ВБ", "ORG", "Всемирный банк")]),
    ("Журналист Ли Мин (Li Ming) посетил Астану.",
     [("Ли Мин", "PER", "Ли Мин"), ("Li Ming", "PER", "Ли Мин"), ("Астану", "GPE", "Астана")]),
    ("Участники: Казахстан • Кыргызстан • Узбекистан",
     [("Казахстан", "GPE", "Казахстан"), ("Кыргызстан", "GPE", "Кыргызстан"), ("Узбекистан", "GPE", "Узбекистан")]),
    ("Делегация Европейского союза прибыла в Астану.",
     [("Европейского союза", "ORG", "Европейский союз"), ("Астану", "GPE", "Астана")]),
    ("ЮНЕСКО включило мавзолей в список наследия.", [("ЮНЕСКО", "ORG", "ЮНЕСКО")]),
    ("Об этом сообщили СМИ Казахстана.", [("Казахстана", "GPE", "Казахстан")]),
    ("Соглашение подписало АО «НК «Қазақстан темір жолы».",
     [("Қазақстан темір жолы", "ORG", "Қазақстан темір жолы")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SPLIT)
def test_one_name_per_span(rec: RussianRecognizer, text: str, expected: list) -> None:
    """Legal forms and quotes go; list items are names of their own, a form in brackets a mention of its name."""
    assert [(text[s.start : s.end], s.type, s.name) for s in rec.recognize(text)] == expected


@pytest.mark.parametrize(
    ("surface", "lemma"),
    [("Казахстанской фондовой биржи", "Казахстанская фондовая биржа"), ("Европейском союзе", "Европейский союз"),
     ("Посольства Франции", "Посольство Франции"),
     ("Восточно-Казахстанском техническом университете", "Восточно-Казахстанский технический университет")],
)  # fmt: skip
def test_adjectives_agree_with_their_noun(rec: RussianRecognizer, surface: str, lemma: str) -> None:
    assert rec.lemma(surface, "ORG") == lemma


def test_pieces_tagged_in_one_batch_equal_one_by_one(rec: RussianRecognizer) -> None:
    """natasha tags an article's paragraphs in one batch; spans and offsets stay those of single calls."""
    title = "Токаев встретился с Макроном"
    body = "Президент Казахстана посетил Париж.\n\nКомпания Orano построит завод в Туркестанской области."
    pieces = [(title, 0), ("  ", len(title)), (body, len(title) + 2)]
    together = rec.recognize_pieces(pieces)
    assert together == [s for text, offset in pieces for s in rec.recognize(text, offset)]
    doc = title + "\n\n" + body
    assert {"Париж", "Orano"} <= {doc[s.start : s.end] for s in together}
