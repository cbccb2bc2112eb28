"""How `show --cluster` names the evidence keys it lists."""

import pytest

from coopwatch.cluster.explain import _key_name


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("e:person:emmanuel-macron", "emmanuel-macron"),
        ("f:investment:USD:7600000000.0", "investment 7600000000 USD"),
        ("f:companies:None:250.0", "companies 250"),
        ("g:city:astana", "astana"),
        ("n:4.2", "4.2"),
    ],
)
def test_an_evidence_key_is_shown_by_its_readable_part(key: str, shown: str) -> None:
    assert _key_name(key) == shown
