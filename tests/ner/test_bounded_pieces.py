"""A whole article pasted as one line reaches the statistical models in bounded pieces."""

from coopwatch.ner import bounded_pieces


def test_a_short_piece_passes_unchanged() -> None:
    assert bounded_pieces([("Tokayev met Macron in Paris.", 10)]) == [("Tokayev met Macron in Paris.", 10)]


def test_a_long_line_is_cut_at_sentence_ends_with_offsets_kept() -> None:
    sentence = "The ministers signed an agreement on transit corridors. "
    text = sentence * 60  # about 3,400 characters on one line
    pieces = bounded_pieces([(text, 100)], limit=1000)
    assert len(pieces) >= 4
    assert all(len(piece) <= 1000 for piece, _ in pieces)
    assert "".join(piece for piece, _ in pieces) == text
    for piece, offset in pieces:
        assert text[offset - 100 : offset - 100 + len(piece)] == piece
    assert all(piece.endswith(". ") for piece, _ in pieces[:-1])


def test_a_line_without_sentence_ends_is_cut_at_spaces() -> None:
    text = " ".join(["word"] * 600)
    pieces = bounded_pieces([(text, 0)], limit=500)
    assert all(len(piece) <= 500 for piece, _ in pieces)
    assert all(piece.endswith(" ") for piece, _ in pieces[:-1])
    assert "".join(piece for piece, _ in pieces) == text
