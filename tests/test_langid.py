from __future__ import annotations

import pytest

from coopwatch.langid import LanguageIdentifier, identify
from coopwatch.model import Document, Segment


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Мемлекет басшысы Ақордада Франция елшісін қабылдады.", "kk"),
        ("Қазақстан", "kk"),
        ("Глава государства принял в Акорде посла Франции и обсудил торговое сотрудничество.", "ru"),
        ("The President received the French ambassador in Akorda to discuss trade.", "en"),
        ("Le président a reçu l'ambassadeur de France pour parler de coopération.", "fr"),
        ("Der Präsident empfing den Botschafter, um über die Zusammenarbeit zu sprechen.", "de"),
        ("Cumhurbaşkanı, iki ülke arasındaki ticari işbirliğini görüştü.", "tr"),
        ("Президент обговорив з послом розвиток торговельної співпраці між країнами.", "uk"),
        ("Ўзбекистон Республикаси Президенти ҳамкорлик масалаларини муҳокама қилди.", "uz"),
        ("Oʻzbekiston va Qozogʻiston oʻrtasidagi savdo hajmi oʻsdi.", "uz"),
        ("Бишкекте өткөн жыйында өкмөт башчысы сүйлөдү.", "ky"),
        ("Qazaqstan men Fransııa arasyndaǵy saýda kólemi óskeni aıtyldy.", "kk"),
        ("两国领导人讨论了经贸合作。", "zh"),
        ("", "und"),
        ("2025 — 4,2 %", "und"),
    ],
)
def test_identify(text: str, lang: str) -> None:
    assert identify(text) == lang


def test_stage_reads_the_body_not_the_boilerplate() -> None:
    text = "Главная Новости Политика\nМемлекет басшысы Ақордада елшіні қабылдады, екі ел ынтымақтастығын талқылады."
    doc = Document(
        id="x", text=text, segments=[Segment(0, 24, "boilerplate"), Segment(25, len(text), "body")]
    )
    assert LanguageIdentifier()(doc).lang == "kk"


def test_russian_text_quoting_a_kazakh_name_stays_russian() -> None:
    text = (
        "Президент Казахстана Қасым-Жомарт Тоқаев провёл переговоры с делегацией Европейского союза. "
        "Стороны обсудили развитие торговли, инвестиций и транспортных коридоров между регионами."
    )
    assert identify(text) == "ru"
