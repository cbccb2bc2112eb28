from __future__ import annotations

from rich.console import Console

from coopwatch.model import Document, Entity, Event, Mention, Segment
from coopwatch.render import article_view, batch_table, events_table


def document() -> Document:
    text = (
        "Аким области Нурымбет Сактаганов встретился с послом Франции в Усть-Каменогорске. Обсудили туризм."
    )
    first = text.index(".") + 1
    return Document(
        id="vko-fr",
        text=text,
        lang="ru",
        segments=[Segment(0, len(text), "body")],
        entities=[
            Entity(
                "person:nurymbet-saktaganov",
                "PER",
                "Nurymbet Saktaganov",
                [Mention(13, 32, "Нурымбет Сактаганов")],
            ),
            Entity("city:oskemen", "GPE", "Oskemen", [Mention(63, 81, "Усть-Каменогорске")]),
        ],
        countries=["FR", "KZ"],
        partners=[("FR", "KZ")],
        sectors=["tourism"],
        events=[
            Event(
                "meeting",
                text[:first],
                0,
                first,
                participants=["person:nurymbet-saktaganov"],
                roles={"person:nurymbet-saktaganov": "akim"},
                location="city:oskemen",
                countries=["FR", "KZ"],
            )
        ],
    )


def rendered(renderable: object) -> str:
    console = Console(width=200, record=True)
    console.print(renderable)
    return console.export_text()


def test_article_view_shows_who_in_which_role_where_and_why_each_sector() -> None:
    out = rendered(article_view(document()))
    assert "Nurymbet Saktaganov (akim)" in out
    assert "Oskemen" in out
    assert "Обсудили туризм." in out  # the sentence that made it a tourism article


def test_batch_views_list_articles_and_their_events() -> None:
    assert "vko-fr" in rendered(batch_table([document()]))
    assert "meeting" in rendered(events_table([document()]))
