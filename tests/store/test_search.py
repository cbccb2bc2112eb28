"""Search across Kazakh, Russian and English articles: inflected forms, filters, unsafe queries."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopwatch.model import Document
from coopwatch.store import InvalidQuery, SQLiteStore
from coopwatch.store.sqlite import fts_query, stem

ARTICLES = [
    Document(
        id="kk-fr",
        lang="kk",
        date="2025-10-10",
        countries=["FR", "KZ"],
        title="Қазақстан мен Франция атом энергетикасын талқылады",
        text="Астанада Сыртқы істер министрі Францияның елшісін қабылдады. "
        "Тараптар Францияның компанияларымен бірлескен жобаларды қарастырды.",
    ),
    Document(
        id="ru-fr",
        lang="ru",
        date="2025-09-15",
        countries=["FR", "KZ"],
        title="Казахстан и Франция обсудили атомную энергетику",
        text="Министр иностранных дел Казахстана встретился с послом Франции. "
        "Стороны обсудили поставки урана во Францию.",
    ),
    Document(
        id="en-cn",
        lang="en",
        date="2025-11-02",
        countries=["CN", "KZ"],
        title="Tokayev's visit to China",
        text="President Tokayev's talks in Beijing focused on transport corridors and trade "
        "between Kazakhstan and China.",
    ),
    Document(
        id="ru-de",
        lang="ru",
        date="2024-05-20",
        countries=["DE", "KZ"],
        title="Германия инвестирует в зелёный водород",
        text="Немецкая компания построит в Мангистауской области завод по производству зелёного водорода.",
    ),
    Document(
        id="kk-cn",
        lang="kk",
        date="2025-01-20",
        countries=["CN", "KZ"],
        title="Қытаймен сауда айналымы өсті",
        text="Қазақстан мен Қытай арасындағы сауда айналымы 2024 жылы айтарлықтай артты.",
    ),
]


@pytest.fixture(scope="module")
def store() -> Iterator[SQLiteStore]:
    with SQLiteStore(":memory:") as s:
        s.add_many(ARTICLES)
        yield s


def ids(hits: list) -> set[str]:
    return {h.id for h in hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Франция", {"kk-fr", "ru-fr"}),  # finds Францияның (kk) and Франции, Францию (ru)
        ("Францияның", {"kk-fr", "ru-fr"}),  # an inflected query finds the other forms too
        ("франции", {"kk-fr", "ru-fr"}),
        ("Tokayev", {"en-cn"}),  # finds Tokayev's
        ("Tokayev's visit", {"en-cn"}),
        ("Қытай", {"kk-cn"}),  # finds Қытаймен
        ("ҚЫТАЙ", {"kk-cn"}),  # Kazakh capitals fold to lowercase
        ("сауда айналымы", {"kk-cn"}),
        ("айналым", {"kk-cn"}),
        ("зеленый водород", {"ru-de"}),  # ё and е are one letter to the index
        ("Казахстан", {"ru-fr"}),  # Казахстана
        ("Германия", {"ru-de"}),
        ("talk", {"en-cn"}),
        ("corridor", {"en-cn"}),
        ("Германия OR Қытай", {"ru-de", "kk-cn"}),
        ("Франция Германия", set()),  # every word must occur
        ("Бразилия", set()),
    ],
)
def test_inflected_forms_are_found_in_every_language(
    store: SQLiteStore, query: str, expected: set[str]
) -> None:
    assert ids(store.search(query)) == expected


def test_filters_by_language_country_and_dates(store: SQLiteStore) -> None:
    assert ids(store.search("Франция", lang="ru")) == {"ru-fr"}
    assert ids(store.search("Казахстан OR Қазақстан", country="cn")) == {"kk-cn"}
    assert ids(store.search("Франция", since="2025-10-01")) == {"kk-fr"}
    assert ids(store.search("Франция", until="2025-09-30")) == {"ru-fr"}
    assert ids(store.search("Франция", since="2025-09", until="2025-09")) == {"ru-fr"}
    assert ids(store.search("", since="2025", until="2025")) == {"kk-fr", "ru-fr", "en-cn", "kk-cn"}


def test_an_empty_query_lists_the_filtered_articles_newest_first(store: SQLiteStore) -> None:
    hits = store.search("", country="KZ")
    assert [h.id for h in hits] == ["en-cn", "kk-fr", "ru-fr", "kk-cn", "ru-de"]
    assert [h.id for h in store.search("  ", lang="kk")] == ["kk-fr", "kk-cn"]


def test_hits_carry_metadata_and_a_marked_snippet(store: SQLiteStore) -> None:
    (hit,) = store.search("уран")
    assert (hit.id, hit.lang, hit.date, hit.title) == ("ru-fr", "ru", "2025-09-15", ARTICLES[1].title)
    assert "**урана**" in hit.snippet
    assert hit.score > 0


def test_title_matches_rank_first(store: SQLiteStore) -> None:
    hits = store.search("Tokayev OR Beijing OR China")
    assert hits[0].id == "en-cn"
    scores = [h.score for h in store.search("Франция")]
    assert scores == sorted(scores, reverse=True)


def test_limit_and_offset_page_through_results(store: SQLiteStore) -> None:
    everything = [h.id for h in store.search("", limit=100)]
    assert [h.id for h in store.search("", limit=2)] == everything[:2]
    assert [h.id for h in store.search("", limit=2, offset=2)] == everything[2:4]
    with pytest.raises(InvalidQuery):
        store.search("", limit=-1)


@pytest.mark.parametrize("bad", ["10.10.2025", "2025-1-1", "yesterday", "2025-10-10T00:00"])
def test_malformed_dates_are_refused_with_the_expected_form(store: SQLiteStore, bad: str) -> None:
    with pytest.raises(InvalidQuery, match="YYYY-MM-DD"):
        store.search("Франция", since=bad)


@pytest.mark.parametrize(
    "query",
    ['"', '"Франция', "Франция*", "-уран", "title:Франция", "NEAR(Франция уран)", "AND", "OR", "NOT уран",
     "(", ")", "^Франция", "Франция + уран", "{title body}: x", "'", "*", ":", "Tokayev's", "🇰🇿 ?! ;--"],
)  # fmt: skip
def test_fts_syntax_in_queries_never_crashes(store: SQLiteStore, query: str) -> None:
    store.search(query)


def test_syntax_characters_are_read_as_separators(store: SQLiteStore) -> None:
    assert ids(store.search('"Франция"')) == {"kk-fr", "ru-fr"}
    assert ids(store.search("-уран*")) == {"ru-fr"}
    assert ids(store.search("Франция: уран")) == {"ru-fr"}


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_query_is_safe(query: str) -> None:
    with SQLiteStore(":memory:") as s:
        s.add(ARTICLES[0])
        s.search(query)


@pytest.mark.parametrize(
    "forms",
    [
        ("Франция", "Францияның", "Франции", "Францией", "Францию"),
        ("Токаев", "Токаева", "Токаевым"),
        ("Тоқаев", "Тоқаевтың", "Тоқаевпен"),
        ("Қазақстан", "Қазақстанның", "Қазақстанмен", "Қазақстанға"),
        ("meeting", "meetings"),
    ],
)
def test_inflected_forms_share_a_stem_that_prefixes_them(forms: tuple[str, ...]) -> None:
    stems = {stem(form) for form in forms}
    assert len(stems) == 1, stems
    (common,) = stems
    assert len(common) >= 4 and all(form.casefold().startswith(common) for form in forms)


def test_short_words_keep_their_letters() -> None:
    assert stem("США") == "сша" and stem("Рим") == "рим"


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('Франция" OR -уран*') == '("франц"*) OR ("уран"*)'
    assert fts_query("ЕС 2025") == '"ЕС" "2025"'  # short words and numbers are matched whole
    assert fts_query("?! -- **") is None
