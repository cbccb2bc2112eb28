import pytest

pytest.importorskip("natasha")

from coopwatch.gazetteer import Gazetteer
from coopwatch.ner.ru import RussianRecognizer


@pytest.fixture(scope="module")
def rec() -> RussianRecognizer:
    return RussianRecognizer(Gazetteer.load())


CASES = [
    ("Аким области Нурымбет Сактаганов встретился с послом.", {("Нурымбет Сактаганов", "PER")}),
    ("Встреча с Сильваном Гиоге прошла в Усть-Каменогорске.", {("Сильван Гиоге", "PER")}),
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
     ("Нурымбета Сактаганова", "Нурымбет Сактаганов"), ("Гиоге", "Гиоге")],
)  # fmt: skip
def test_person_lemmas(rec: RussianRecognizer, surface: str, lemma: str) -> None:
    assert rec.lemma(surface, "PER") == lemma


def test_offsets_are_shifted(rec: RussianRecognizer) -> None:
    text = "Вчера Женис Касымбек посетил завод."
    spans = rec.recognize(text, offset=100)
    assert [(s.start - 100, s.end - 100) for s in spans] == [(6, 20)]
