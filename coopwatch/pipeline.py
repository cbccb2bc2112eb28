"""The pipeline: read, then run every stage over each article, then cluster the batch.

Each stage is a callable from a `Document` to a richer one (see `stage.Stage`); this
module only decides their order and builds their models once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coopwatch.clean import Cleaner
from coopwatch.cluster import assign_clusters
from coopwatch.dates import DateFinder
from coopwatch.entities import EntityRecognizer
from coopwatch.events import EventExtractor
from coopwatch.figures import FigureExtractor
from coopwatch.gazetteer import Gazetteer
from coopwatch.langid import LanguageIdentifier
from coopwatch.model import Document
from coopwatch.readers import DEFAULT_MAX_BYTES, expand_inputs, read_file
from coopwatch.sectors import SectorTagger
from coopwatch.stage import Stage


@dataclass(slots=True)
class Settings:
    """What a user may change about a run; the CLI maps its options here and nowhere else."""

    gazetteers: Sequence[Path] = ()  # the user's own gazetteer files, added to the shipped one
    max_bytes: int = DEFAULT_MAX_BYTES  # larger inputs are refused with a message


@dataclass
class Pipeline:
    """The stages in order; `analyze` runs them on one article, `run` on a batch of paths."""

    stages: list[Stage]
    settings: Settings = field(default_factory=Settings)

    def analyze(self, doc: Document) -> Document:
        """Run every stage; a failure marks this article with an error and spares the batch."""
        if doc.error:
            return doc
        for stage in self.stages:
            try:
                doc = stage(doc)
            except Exception as exc:  # a bad article must never stop a batch
                doc.error = f"{doc.source or doc.id}: {type(stage).__name__} failed: {exc}"
                return doc
        return doc

    def learn(self, docs: Sequence[Document]) -> None:
        """Let stages that learn from the whole batch (the site's repeated lines) see it first."""
        readable = [d for d in docs if not d.error]
        for stage in self.stages:
            learn = getattr(stage, "learn", None)
            if callable(learn):
                learn(readable)

    def settle(self, docs: Sequence[Document]) -> None:
        """Let stages that decide across the analysed batch (one name per entity) see it last."""
        readable = [d for d in docs if not d.error]
        for stage in self.stages:
            settle = getattr(stage, "settle", None)
            if callable(settle):
                settle(readable)

    def analyze_all(self, docs: Iterable[Document]) -> list[Document]:
        """Analyse and cluster a batch of already-read documents."""
        docs = list(docs)
        self.learn(docs)
        done = [self.analyze(d) for d in docs]
        self.settle(done)
        assign_clusters(done)
        return done

    def read(
        self, paths: Sequence[str | Path], progress: Callable[[Path], None] | None = None
    ) -> Iterator[Document]:
        """Read every input in order, reporting each file to `progress` once it is read."""
        for path in expand_inputs(paths):
            yield from read_file(path, max_bytes=self.settings.max_bytes)
            if progress:
                progress(path)

    def run(
        self, paths: Sequence[str | Path], progress: Callable[[Path], None] | None = None
    ) -> list[Document]:
        """Read, analyse and cluster everything under `paths`, one document per article in input order."""
        return self.analyze_all(self.read(paths, progress))


def build_pipeline(settings: Settings | None = None) -> Pipeline:
    """Build every stage with its models, loaded once for the whole run."""
    settings = settings or Settings()
    gazetteer = Gazetteer.load(extra=settings.gazetteers)
    stages: list[Stage] = [
        Cleaner(),
        LanguageIdentifier(),
        DateFinder(),
        EntityRecognizer(gazetteer),
        FigureExtractor(),
        SectorTagger(),
        EventExtractor(gazetteer),
    ]
    return Pipeline(stages=stages, settings=settings)
