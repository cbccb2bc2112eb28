from pathlib import Path

import pytest

from coopwatch.entities.base import EntitySpan
from coopwatch.evaluate import Counts, NerReport, evaluate_ner, format_report, iob_sentences, join_sentences


def test_iob_spans_are_character_offsets() -> None:
    lines = [
        "-DOCSTART- -X- O",
        "",
        "Zhenis B-PER",
        "Kassymbek I-PER",
        "visited O",
        "Paris B-LOC",
        "",
        "EU B-ORG",
    ]
    sents = [s for s in iob_sentences(lines) if s is not None]
    ex = join_sentences(sents)
    assert {(ex.text[a:b], t) for a, b, t in ex.gold} == {
        ("Zhenis Kassymbek", "PER"),
        ("Paris", "LOC"),
        ("EU", "ORG"),
    }


def test_counts_and_report() -> None:
    report = NerReport("conll", recognizer="X", docs=2, seconds=0.5)
    report.counts["PER"] = Counts(tp=3, fp=1, fn=1)
    assert report.micro.f1 == pytest.approx(0.75)
    text = format_report(report)
    assert "PER" in text and "0.750" in text and "micro" in text


def test_unknown_dataset_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown dataset"):
        evaluate_ner("nope")


def test_missing_data_is_a_skip_with_a_reason(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    report = evaluate_ner("conll", data_dir=tmp_path)
    assert report.skipped and "not found" in report.skipped
    assert "skipped" in format_report(report)


def test_factru_objects_keep_their_outermost_extent(tmp_path: Path) -> None:
    from coopwatch.evaluate import read_factru

    (tmp_path / "book_1.txt").write_text("Посол США Джон Смит.", encoding="utf-8")
    (tmp_path / "book_1.spans").write_text(
        "1 name 10 4 100 1  # x\n2 surname 15 4 101 1  # y\n3 loc_name 6 3 99 1  # z\n4 org_name 0 9 98 2 # w\n",
        encoding="utf-8",
    )
    (tmp_path / "book_1.objects").write_text("7 Person 1 2 # Джон Смит\n8 LocOrg 3 # США\n", encoding="utf-8")
    [ex] = list(read_factru(tmp_path))
    assert {(ex.text[a:b], t) for a, b, t in ex.gold} == {("Джон Смит", "PER"), ("США", "LOC")}


def test_factru_organisations_and_places_are_their_names(tmp_path: Path) -> None:
    from coopwatch.evaluate import read_factru

    text = "Глава ОАО «Южный порт» Асель Нурова прибыла в город Актау."
    (tmp_path / "book_2.txt").write_text(text, encoding="utf-8")
    spans = {"org_descr": "ОАО", "org_name": "Южный порт", "name": "Асель", "surname": "Нурова",
             "loc_descr": "город", "loc_name": "Актау"}  # fmt: skip
    (tmp_path / "book_2.spans").write_text(
        "".join(
            f"{i} {kind} {text.index(s)} {len(s)} 0 1 # {s}\n" for i, (kind, s) in enumerate(spans.items())
        ),
        encoding="utf-8",
    )
    (tmp_path / "book_2.objects").write_text("1 Org 0 1\n2 Person 2 3\n3 Location 4 5\n", encoding="utf-8")
    [ex] = list(read_factru(tmp_path))
    assert {(ex.text[a:b], t) for a, b, t in ex.gold} == {("Южный порт", "ORG"), ("Асель Нурова", "PER"),
                                                          ("Актау", "LOC")}  # fmt: skip


def test_unknown_split_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown split"):
        evaluate_ner("conll", split="train")


class _Adjectives:
    """A recogniser that finds one name and one adjective of a country."""

    def recognize(self, text: str, offset: int = 0) -> list[EntitySpan]:
        return [
            EntitySpan(text.index("Aktau"), text.index("Aktau") + 5, "GPE"),
            EntitySpan(text.index("Kazakh"), text.index("Kazakh") + 6, "GPE", kind="adjective"),
        ]


def test_dev_split_and_adjectives_are_not_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "conllpp_en").mkdir()
    (tmp_path / "conllpp_en" / "conllpp_dev.txt").write_text(
        "-DOCSTART- -X- O\n\nKazakh B-MISC\nships O\nleft O\nAktau B-LOC\n", encoding="utf-8"
    )
    monkeypatch.setattr("coopwatch.evaluate._recognizer", lambda dataset: _Adjectives())
    report = evaluate_ner("conll", split="dev", data_dir=tmp_path)
    assert (report.split, report.docs) == ("dev", 1)
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 0, 0)
    assert format_report(report).startswith("conll dev:")


def test_missing_factru_folder_is_a_skip(tmp_path: Path) -> None:
    pytest.importorskip("natasha")
    report = evaluate_ner("factru", split="dev", data_dir=tmp_path)
    assert report.skipped and "factrueval2016" in report.skipped
