"""Cleaning plain-text scrapes: the article's lines stay, the site's chrome around them goes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopwatch.clean import Cleaner, SiteRepeats, is_noise, is_prose, split_lines
from coopwatch.model import Document, Segment

RU_PARAGRAPH = (
    "Посол Франции в Казахстане обсудил с акимом области вопросы торгово-экономического "
    "сотрудничества и открытия культурного центра."
)
KK_PARAGRAPH = (
    "Қазақстан Республикасы Сыртқы істер министрінің орынбасары Франция делегациясымен "
    "екіжақты ынтымақтастық мәселелерін талқылады."
)
EN_PARAGRAPH = (
    "Kazakhstan and France agreed to expand cooperation in energy, transport and education, "
    "the ministry's press service reported."
)


def kinds(text: str, cleaner: Cleaner | None = None, **fields: object) -> list[tuple[str, str]]:
    """Each non-empty line of `text` with the kind the cleaner gave it."""
    doc = (cleaner or Cleaner())(Document(id="t", text=text, **fields))  # type: ignore[arg-type]
    return [(s.kind, text[s.start : s.end]) for s in doc.segments]


@pytest.mark.parametrize(
    ("line", "noise"),
    [
        # ru
        ("Понедельник, 28 апреля, 2025", True),
        ("Фото: пресс-служба акимата", True),
        ("Фото gov.kz", True),
        ("Главная / Новости / Политика", True),
        ("Пожалуйста, введите ваш комментарий!", True),
        ("Наверх", True),
        ("В понедельник, 28 апреля, министры обсудили транзит грузов через Каспий.", False),
        ("Фотовыставка открылась в Астане", False),
        # kk
        ("Дүйсенбі, 28 сәуір 2025", True),
        ("Суреттер Ақорданың баспасөз қызметінен", True),
        ("Сурет: Сыртқы істер министрлігі", True),
        ("Бөлісу", True),
        ("Екі ел арасындағы тауар айналымы 4,2 млрд долларға жетті.", False),
        # en
        ("back to top", True),
        ("No menu items!", True),
        ("Photo credit: East Kazakhstan region's authority", True),
        ("Images | Akorda", True),
        ("+30°C Almaty", True),
        ("Жара в Туркестане достигла +45° в тени.", False),
        ("© 2025 All rights reserved", True),
        ("https://www.gov.kz/memleket/entities/mfa", True),
        ("Monday talks focus on the Middle Corridor", False),
        ("- It was agreed to expand the capacity of the transport corridors.", False),
    ],
)
def test_line_noise(line: str, noise: bool) -> None:
    assert is_noise(line) == noise


def test_russian_scrape_keeps_only_the_article() -> None:
    text = "\n".join(
        [
            "back to top",
            "25 C",
            "Понедельник, 28 апреля, 2025",
            "ГлавнаяНовостиПолитикаРегионы",
            "Регионы",
            "",
            RU_PARAGRAPH,
            "Фото: пресс-служба акимата",
            "– Мы заинтересованы в образовательном сотрудничестве, – отметил аким.",
            "Похожие статьи",
            "Аким проверил ход строительства школы",
            "В области продолжается ремонт дорог. Работы завершат к осени...",
        ]
    )
    assert kinds(text) == [
        ("boilerplate", "back to top"),
        ("boilerplate", "25 C"),
        ("boilerplate", "Понедельник, 28 апреля, 2025"),
        ("boilerplate", "ГлавнаяНовостиПолитикаРегионы"),
        ("boilerplate", "Регионы"),
        ("body", RU_PARAGRAPH),
        ("boilerplate", "Фото: пресс-служба акимата"),
        ("body", "– Мы заинтересованы в образовательном сотрудничестве, – отметил аким."),
        ("boilerplate", "Похожие статьи"),
        ("boilerplate", "Аким проверил ход строительства школы"),
        ("boilerplate", "В области продолжается ремонт дорог. Работы завершат к осени..."),
    ]


def test_kazakh_article_without_menus_is_all_body() -> None:
    lines = [
        KK_PARAGRAPH,
        "Тараптар энергетика және көлік салаларын талқылады.",
        "Келесі кездесу Парижде өтеді.",
    ]
    assert kinds("\n".join(lines)) == [("body", line) for line in lines]


def test_kazakh_comment_form_ends_the_article() -> None:
    text = "\n".join([KK_PARAGRAPH, "Пікір қалдыру", "Атыңызды енгізіңіз", "Тағы бір жаңалық тақырыбы"])
    assert [k for k, _ in kinds(text)] == ["body", "boilerplate", "boilerplate", "boilerplate"]


def test_english_headline_becomes_the_title() -> None:
    text = "\n".join(
        [
            "Kazakh, French ministers agree on energy cooperation",
            "Images | Akorda",
            EN_PARAGRAPH,
            "Energy",
            "- It was agreed to study a joint solar power project.",
            "Related news",
            "Tokayev receives the Italian ambassador",
        ]
    )
    doc = Cleaner()(Document(id="t", text=text))
    assert doc.title == "Kazakh, French ministers agree on energy cooperation"
    assert [s.kind for s in doc.segments] == [
        "title",
        "boilerplate",
        "body",
        "body",
        "body",
        "boilerplate",
        "boilerplate",
    ]


def test_a_known_title_is_kept() -> None:
    text = "Kazakh, French ministers agree on energy cooperation\n" + EN_PARAGRAPH
    assert Cleaner()(Document(id="t", text=text, title="From the feed")).title == "From the feed"


def test_a_byline_date_next_to_the_title_stays_readable() -> None:
    text = "Все новости\nКазахстан и Франция подписали соглашения\n10 октября 2025, 14:30\n" + RU_PARAGRAPH
    assert [k for k, _ in kinds(text)] == ["boilerplate", "title", "body", "body"]


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        # a "read also" link inside the article: the article goes on after its headline
        ("Читайте также", ["body", "boilerplate", "boilerplate", "body"]),
        ("Тағы оқыңыз:", ["body", "boilerplate", "boilerplate", "body"]),
        ("Read also", ["body", "boilerplate", "boilerplate", "body"]),
    ],
)
def test_read_also_cuts_only_its_link(marker: str, expected: list[str]) -> None:
    text = "\n".join([EN_PARAGRAPH, marker, "Tokayev receives the Italian ambassador", EN_PARAGRAPH])
    assert [k for k, _ in kinds(text)] == expected


def test_read_also_inline_and_at_the_end() -> None:
    text = "\n".join([RU_PARAGRAPH, "Читайте также: Аким принял делегацию Италии", RU_PARAGRAPH])
    assert [k for k, _ in kinds(text)] == ["body", "boilerplate", "body"]
    text = "\n".join([EN_PARAGRAPH, "See also the ministry's report on trade with France.", EN_PARAGRAPH])
    assert [k for k, _ in kinds(text)] == ["body", "body", "body"]
    text = "\n".join([RU_PARAGRAPH, "Читайте также", "Аким принял делегацию", "Открыт новый мост..."])
    assert [k for k, _ in kinds(text)] == ["body", "boilerplate", "boilerplate", "boilerplate"]


def test_header_and_reader_segments_are_respected() -> None:
    text = " date 2025-10-10 " + RU_PARAGRAPH + "\n\nФото: пресс-центр ВКО\n"
    doc = Cleaner()(Document(id="t", text=text, segments=[Segment(0, 17, "header")]))
    assert [(s.kind, s.start) for s in doc.segments] == [
        ("header", 0),
        ("body", 17),
        ("boilerplate", 17 + len(RU_PARAGRAPH) + 2),
    ]

    html = [Segment(0, 9, "title"), Segment(10, 50, "body")]
    doc = Cleaner()(Document(id="t", text="Заголовок\n" + "x" * 40, segments=list(html)))
    assert doc.segments == html
    assert doc.title == "Заголовок"


def test_no_prose_means_nothing_is_dropped() -> None:
    text = "Казахстан и Франция\nЭнергетика\nТранспорт"
    assert [k for k, _ in kinds(text)] == ["body", "body", "body"]


def test_site_repeats_are_learnt_from_a_batch() -> None:
    site_lines = ["Акимат Карагандинской области", "Все права защищены законом"]
    articles = [
        f"{site_lines[0]}\nПосол страны номер {i} обсудил с акимом вопросы сотрудничества и торговли.\n{site_lines[1]}"
        for i in range(4)
    ]
    docs = [
        Document(id=str(i), text=t, url=f"https://karaganda.example.kz/news/{i}")
        for i, t in enumerate(articles)
    ]
    cleaner = Cleaner(repeats=SiteRepeats().learn(docs))
    out = cleaner(docs[0])
    assert [s.kind for s in out.segments] == ["boilerplate", "body", "boilerplate"]


def test_a_story_reposted_across_a_site_is_not_erased() -> None:
    docs = [Document(id=str(i), text=RU_PARAGRAPH, url=f"https://example.kz/{i}") for i in range(4)]
    cleaner = Cleaner(repeats=SiteRepeats().learn(docs))
    assert [s.kind for s in cleaner(docs[0]).segments] == ["body"]


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("әғқңөұүһі абвXyz.,:!\n\r\t\u00a0\u2028—-1234567890°|/")), max_size=300
    )
)
def test_segments_are_stripped_ordered_and_disjoint(text: str) -> None:
    doc = Cleaner()(Document(id="t", text=text))
    end = 0
    for seg in doc.segments:
        piece = text[seg.start : seg.end]
        assert seg.start >= end and seg.end > seg.start
        assert piece == piece.strip() and "\n" not in piece
        end = seg.end
    assert [text[s.start : s.end] for s in doc.segments] == [line.text for line in split_lines(text)]


def test_real_seeds_lose_no_article_paragraph(shared: Path) -> None:
    """No prose line of the seeds is dropped, except the news feed after the article; 003 is all body."""
    for path in sorted((shared / "corpus" / "seeds").glob("seed-*.txt")):
        text = path.read_text(encoding="utf-8")
        header = re.match(r"\s*date\s+\d{4}-\d{2}-\d{2}\s", text)
        doc = Document(
            id=path.stem, text=text, segments=[Segment(0, header.end(), "header")] if header else []
        )
        Cleaner()(doc)
        article_end = max(s.end for s in doc.body())
        dropped = [s for s in doc.segments if s.kind == "boilerplate" and is_prose(text[s.start : s.end])]
        assert all(s.start > article_end for s in dropped), path.stem
        assert len(doc.body()) >= 5, path.stem
        if path.stem == "seed-003":
            assert {s.kind for s in doc.segments} == {"body"}
        if path.stem != "seed-002":
            assert not dropped, path.stem


def test_the_pipeline_learns_a_sites_repeated_lines_from_the_batch(pipeline) -> None:
    menu = "Главная | Регионы | Экономика | Спорт | Контакты редакции"
    stories = [
        "Аким области встретился с делегацией из Турции и обсудил строительство текстильной фабрики в регионе.",
        "В Шымкенте открыли новый центр обслуживания населения, где работают двадцать четыре специалиста.",
        "Фермеры Костанайской области завершили уборку пшеницы и собрали рекордный урожай в этом сезоне.",
    ]
    docs = [
        Document(id=f"p{i}", text=f"{menu}\n{story}\nПодписывайтесь на наш канал в мессенджере, чтобы не пропустить новости дня.",
                 source=f"site/p{i}.txt")
        for i, story in enumerate(stories)
    ]  # fmt: skip
    for doc in pipeline.analyze_all(docs):
        assert "Подписывайтесь" not in doc.body_text()
        assert "Главная" not in doc.body_text()
        assert doc.body_text().strip() in stories
