"""What every pipeline stage is: a callable from a document to a richer document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Protocol

from coopwatch.model import Document


class Stage(Protocol):
    """A pipeline stage. `assigns` names the `Document` fields it fills, as spaCy components declare."""

    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Document) -> Document: ...


class BatchLearner(Protocol):
    """A stage that also learns from the whole batch before analysing it (e.g. a site's repeated lines)."""

    def learn(self, docs: Sequence[Document]) -> None: ...
