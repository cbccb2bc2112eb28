from pathlib import Path

import pytest

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
