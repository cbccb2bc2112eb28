"""The stage as the pipeline runs it: body segments only, exact evidence, partner countries from entities."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopwatch.figures import FigureExtractor
from coopwatch.model import Document, Entity, Mention, Segment


def test_assigns_figures() -> None:
    assert FigureExtractor.assigns == ("figures",)


def test_evidence_is_the_exact_slice_of_the_original_text() -> None:
    text = "Жаңалықтар\n2023 жылы тауар айналымы 4,2 млрд. АҚШ долл. жетті.\n"
    doc = Document(id="t", text=text, lang="kk", segments=[Segment(11, len(text) - 1)])
    (figure,) = FigureExtractor()(doc).figures
    assert (figure.text, text[figure.start : figure.end]) == ("4,2 млрд. АҚШ долл.", "4,2 млрд. АҚШ долл.")


def test_boilerplate_is_never_read() -> None:
    body = "Товарооборот составил 30 млн долларов США."
    tail = "Ущерб оценивается более чем в 1 млрд тенге."
    text = f"{body}\n{tail}"
    segments = [Segment(0, len(body)), Segment(len(body) + 1, len(text), "boilerplate")]
    doc = FigureExtractor()(Document(id="t", text=text, lang="ru", segments=segments))
    assert [f.value for f in doc.figures] == [30_000_000]


def test_partner_country_comes_from_entities_in_the_sentence() -> None:
    text = "Товарооборот с Францией составил 4 млрд долларов. Экспорт достиг 1 млрд долларов."
    start = text.index("Францией")
    france = Entity("country:FR", "GPE", "France", [Mention(start, start + 8, "Францией")], country="FR")
    doc = Document(id="t", text=text, lang="ru", segments=[Segment(0, len(text))], entities=[france])
    assert [f.country for f in FigureExtractor()(doc).figures] == ["FR", None]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="0123456789 ,.%-–()$€₸млрднтыс долл.АҚШ жылы 2023 әғқңөұүһі", max_size=80))
def test_any_text_gives_exact_spans(text: str) -> None:
    doc = FigureExtractor()(Document(id="t", text=text, lang="kk", segments=[Segment(0, len(text))]))
    for f in doc.figures:
        assert text[f.start : f.end] == f.text


def test_the_country_of_a_currency_is_not_the_partner() -> None:
    from coopwatch.figures import FigureExtractor
    from coopwatch.model import Document, Entity, Mention, Segment

    text = "Тауар айналымы 3,1 млрд АҚШ долларын құрады."
    us = text.index("АҚШ")
    doc = Document(id="kk", text=text, lang="kk", segments=[Segment(0, len(text), "body")])
    doc.entities = [Entity("country:US", "GPE", "United States", [Mention(us, us + 3, "АҚШ")], country="US")]
    (figure,) = FigureExtractor()(doc).figures
    assert figure.currency == "USD" and figure.country is None


def test_an_amount_in_brackets_after_another_is_the_same_figure_in_another_currency() -> None:
    text = "Trade between the two countries reached 2.1 billion euros ($2.3 billion) in 2023."
    doc = FigureExtractor()(Document(id="t", text=text, lang="en", segments=[Segment(0, len(text))]))
    assert [(f.indicator, f.currency, f.period) for f in doc.figures] == [
        ("trade_turnover", "EUR", "2023"),
        ("trade_turnover", "USD", "2023"),
    ]


def test_a_sentence_without_a_period_speaks_of_the_one_before_it() -> None:
    """«In 2022 trade grew to $400 million. Imports came to $80 million.»: the imports are of 2022 too."""
    for text, lang in (
        ("In 2022 trade grew to $400 million. Imports came to $80 million.", "en"),
        ("В 2022 году товарооборот вырос до $400 млн. Импорт составил $80 млн.", "ru"),
        ("2022 жылы тауар айналымы 400 млн долларға жетті. Импорт 80 млн доллар болды.", "kk"),
    ):
        doc = FigureExtractor()(Document(id="t", text=text, lang=lang, segments=[Segment(0, len(text))]))
        assert [f.period for f in doc.figures] == ["2022", "2022"], lang
    text = "In 2022 trade grew to $400 million.\nImports came to $80 million."  # another paragraph: unknown
    segments = [Segment(0, text.index("\n")), Segment(text.index("\n") + 1, len(text))]
    doc = FigureExtractor()(Document(id="t", text=text, lang="en", segments=segments))
    assert [f.period for f in doc.figures] == ["2022", None]


@pytest.mark.parametrize(
    ("text", "lang", "indicator"),
    [
        ("The cable project is estimated at $51 million.", "en", "deal_value"),
        ("Trump welcomed a $4 billion locomotive deal.", "en", "deal_value"),
        ("Стороны подписали контракт стоимостью 4 млрд долларов.", "ru", "deal_value"),
        ("Внешнеторговый оборот области составил 3,5 млн долларов.", "ru", "trade_turnover"),
        ("Құны 4 млрд доллар болатын локомотивтер сатып алынады.", "kk", "deal_value"),
        ("Екі ел арасындағы сауда-саттық көлемі 44 млрд долларға жетті.", "kk", "trade_turnover"),
    ],
)
def test_what_a_deal_or_a_trade_amount_measures(text: str, lang: str, indicator: str) -> None:
    doc = FigureExtractor()(Document(id="t", text=text, lang=lang, segments=[Segment(0, len(text))]))
    assert [f.indicator for f in doc.figures] == [indicator]
