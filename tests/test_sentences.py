from __future__ import annotations

import pytest

from coopwatch.model import Document, Segment
from coopwatch.sentences import split_sentences, split_span


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_span(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kk
        (
            "Тауар айналымы 2,1 млрд. АҚШ долл. жетті. Тараптар келісімге қол қойды.",
            ["Тауар айналымы 2,1 млрд. АҚШ долл. жетті.", "Тараптар келісімге қол қойды."],
        ),
        (
            "Мәдениет, білім т.б. салалар талқыланды. Р.Василенко сапарды жоғары бағалады.",
            ["Мәдениет, білім т.б. салалар талқыланды.", "Р.Василенко сапарды жоғары бағалады."],
        ),
        ("2023 ж. Астанада форум өтті.", ["2023 ж. Астанада форум өтті."]),
        # ru
        (
            "Инвестиции составили 5 млрд. долл. США. Встреча прошла в Астане.",
            ["Инвестиции составили 5 млрд. долл. США.", "Встреча прошла в Астане."],
        ),
        (
            "Аким Ж. Касымбек встретился с послом. Он посетил КарУ им. Е.А. Букетова.",
            ["Аким Ж. Касымбек встретился с послом.", "Он посетил КарУ им. Е.А. Букетова."],
        ),
        ("Соглашение подписано в 2021 г. в Париже.", ["Соглашение подписано в 2021 г. в Париже."]),
        (
            "«Мы готовы к работе». Посол поблагодарил акима!",
            ["«Мы готовы к работе».", "Посол поблагодарил акима!"],
        ),
        # en
        (
            "Mr. Smith met the akim. The sides discussed trade, energy, etc. and agreed to meet again.",
            ["Mr. Smith met the akim.", "The sides discussed trade, energy, etc. and agreed to meet again."],
        ),
        ("Talks went well. 2025 will be busy.", ["Talks went well.", "2025 will be busy."]),
        ("Energy\n- Oil exports grew", ["Energy", "- Oil exports grew"]),
    ],
)
def test_split_span(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_split_sentences_reads_only_title_and_body() -> None:
    text = "Menu Home News\nKazakhstan and France held talks. They signed a roadmap.\nSubscribe now."
    doc = Document(
        id="t",
        text=text,
        segments=[Segment(0, 14, "boilerplate"), Segment(15, 71, "body"), Segment(72, 86, "boilerplate")],
    )
    spans = split_sentences(doc)
    assert [text[a:b] for a, b in spans] == ["Kazakhstan and France held talks.", "They signed a roadmap."]
