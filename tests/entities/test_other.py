import pytest

from coopwatch.entities import EntityRecognizer
from coopwatch.entities.other import AffixMorphology, SlavicMorphology
from coopwatch.gazetteer import Gazetteer

from .conftest import analyse, found

TOKAYEV = "person:kassym-jomart-tokayev"

# (language, sentence, countries expected, entity ids expected among those found)
CASES = [
    ("tr", "Cumhurbaşkanı Erdoğan, Kazakistan Cumhurbaşkanı Tokayev ile Ankara'da görüştü. Türkiye ve "
     "Kazakistan arasındaki ticaret hacmi arttı.", {"KZ", "TR"},
     {"person:recep-tayyip-erdogan", TOKAYEV, "city:ankara", "country:KZ", "country:TR"}),
    ("tr", "Kazakistan'ın ve Çin'in yatırımcıları; Kazakistanlı ve Çinli şirketler Kazatomprom ile çalışıyor.",
     {"KZ", "CN"}, {"country:KZ", "country:CN", "org:kazatomprom"}),
    ("fr", "Kassym-Jomart Tokayev a rencontré Emmanuel Macron à Paris ; la France et le Kazakhstan ont signé "
     "un accord avec Orano et l'Allemagne.", {"FR", "KZ", "DE"},
     {TOKAYEV, "person:emmanuel-macron", "city:paris", "org:orano", "country:DE"}),
    ("de", "Kasachstans Präsident Tokayev traf in Berlin Olaf Scholz; Deutschland investiert mit Samruk-Kazyna.",
     {"KZ", "DE"}, {TOKAYEV, "person:olaf-scholz", "city:berlin", "org:samruk-kazyna"}),
    ("es", "El presidente de Kazajistán, Kassym-Jomart Tokayev, visitó España y habló de Rusia y China.",
     {"KZ", "ES", "RU", "CN"}, {TOKAYEV, "country:KZ"}),
    ("it", "Il Kazakistan e l'Italia hanno firmato accordi; Tokayev ha incontrato Giorgia Meloni.",
     {"KZ", "IT"}, {TOKAYEV, "person:giorgia-meloni"}),
    ("uk", "Президент Казахстану зустрівся з представниками Франції; торгівля між Казахстаном і Китаєм "
     "зросла, як і з Туреччиною.", {"KZ", "FR", "CN", "TR"}, {"country:KZ", "country:FR"}),
    ("uk", "Касим-Жомарт Токаев відвідав Україну.", {"UA"}, {TOKAYEV, "country:UA"}),
    ("zh", "哈萨克斯坦总统会见中国和俄罗斯代表，并与Kazatomprom公司签署协议。", {"KZ", "CN", "RU"},
     {"country:KZ", "country:CN", "country:RU", "org:kazatomprom"}),
    ("ja", "カザフスタンの大統領は日本とロシアを訪問した。", {"KZ", "JP", "RU"}, {"country:KZ", "country:JP"}),
    ("ko", "카자흐스탄과 미국은 중국의 투자를 논의했다.", {"KZ", "US", "CN"}, {"country:KZ", "country:US"}),
    ("ar", "التقى رئيس كازاخستان مع وزير خارجية الصين وروسيا.", {"KZ", "CN", "RU"}, {"country:RU"}),
    ("fa", "رئیس جمهور قزاقستان با مقامات چین دیدار کرد.", {"KZ", "CN"}, {"country:KZ"}),
    ("mn", "Казахстаны Ерөнхийлөгч Токаев Хятадын төлөөлөгчидтэй уулзав.", {"KZ", "CN"}, {TOKAYEV}),
    ("az", "Qazaxıstan Prezidenti Tokayev Azərbaycana səfər etdi.", {"KZ", "AZ"}, {TOKAYEV, "country:AZ"}),
    ("uz", "Qozog'iston Prezidenti Tokayev Oʻzbekiston va Xitoy bilan uchrashdi; Qozogʻistonning eksporti.",
     {"KZ", "UZ", "CN"}, {TOKAYEV, "country:KZ"}),
    ("ky", "Казакстандын Президенти Токаев Кыргызстанга келди.", {"KZ", "KG"}, {TOKAYEV, "country:KG"}),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "countries", "ids"), CASES, ids=[c[0] for c in CASES])
def test_partner_language_names(
    stage: EntityRecognizer, lang: str, text: str, countries: set[str], ids: set[str]
) -> None:
    doc = analyse(stage, text, lang)
    assert set(doc.countries) == countries
    assert ids <= {i for i, _ in found(doc)}


# Country names that are common words (or parts of longer words) of the language must not fire.
NEGATIVES = [
    ("uk", "Того дня уряд ухвалив рішення."),
    ("tr", "Mali destek paketi açıklandı."),
    ("az", "Mali vəziyyət yaxşılaşıb."),
    ("es", "Reunión en Granada con Guadalupe."),
    ("fr", "Maurice a parlé hier."),
    ("zh", "内蒙古沿海地区的马里奥。"),
    ("ja", "マリオとリチャードが来た。"),
    ("ko", "빨래를 말리는 사람이 수단을 찾았다."),
    ("de", "Die Besprechung war kurz."),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_common_words_are_not_countries(stage: EntityRecognizer, lang: str, text: str) -> None:
    assert analyse(stage, text, lang).countries == []


def test_mentions_cover_the_inflected_word(stage: EntityRecognizer) -> None:
    doc = analyse(stage, "Казакстандын жана Кытайдын өкүлдөрү.", "ky")
    assert ("country:KZ", "Казакстандын") in found(doc)


def test_turkish_suffixes_need_a_long_or_stan_stem() -> None:
    tr = AffixMorphology("tr")
    keys = dict(tr.readings("kazakistanda"))
    assert keys.get("kazakistan") == "da"
    assert tr.agrees("stan", "da") and not tr.agrees("long", "da") and tr.agrees("long", "li")


def test_ukrainian_stems() -> None:
    uk = SlavicMorphology()
    assert uk.index_keys("Франція", "name") == [("франці", "noun")]
    assert ("франці", "ї") in set(uk.readings("франції"))


def test_partner_names_do_not_make_lookup_ambiguous() -> None:
    gaz = Gazetteer.load()
    assert "Kazakistan" in gaz["country:KZ"].aliases["tr"]
    assert gaz.lookup("Токио") is not None and gaz.lookup("Гана") is not None
