"""The `coopwatch` command: analyse articles, keep them in a knowledge base, and look them up."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from coopwatch.cluster import assign_clusters, store_clusterer
from coopwatch.cluster.explain import cluster_view
from coopwatch.entities.registry import EntityRegistry
from coopwatch.export import write_csv, write_jsonl
from coopwatch.gazetteer import Gazetteer
from coopwatch.model import Document
from coopwatch.pipeline import Pipeline, Settings, build_pipeline
from coopwatch.readers import expand_inputs
from coopwatch.render import article_view, batch_table, events_table, registry_table, registry_view
from coopwatch.store import Store, StoreError, default_db_path, open_store
from coopwatch.store.base import RegistryEntry

app = typer.Typer(
    name="coopwatch",
    help="Offline news intelligence for Kazakhstan's international cooperation (Kazakh, Russian, English).\n\n"
    "Example: coopwatch analyze articles/ --format table",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)
WIDE = 200  # columns for tables written to files and pipes, where no terminal says


def console_for(file: TextIO | None = None) -> Console:
    """A console on stdout (or `file`) that is wide enough for ids and evidence when not a terminal."""
    console = Console(file=file)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = WIDE
    return console


err = Console(stderr=True)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="SQLite knowledge base file [default: ./coopwatch.db, or $COOPWATCH_DB].",
        dir_okay=False,
        show_default=False,
    ),
]
GazetteerOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--gazetteer", help="Your own gazetteer file (JSON Lines), added to the shipped one; repeatable."
    ),
]
MaxMbOption = Annotated[
    float, typer.Option("--max-mb", min=0.001, help="Refuse input files larger than this.")
]


class AnalyzeFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error for a user mistake and give the exit to raise (no traceback)."""
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


@contextmanager
def knowledge_base(db: Path | None, create: bool = False) -> Iterator[Store]:
    """Open the store, turning its errors into one-line messages; only `ingest` creates one."""
    location = db or default_db_path()
    if not create and not Path(location).exists():
        raise fail(
            f"{location}: no knowledge base here yet; create it with: coopwatch ingest PATH --db {location}"
        )
    try:
        store = open_store(location)
    except StoreError as exc:
        raise fail(str(exc)) from None
    try:
        yield store
    finally:
        store.close()


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _analyse(paths: Sequence[Path | str], settings: Settings) -> list[Document]:
    """Read and analyse everything under `paths` with progress bars; errors stay in the list."""
    try:
        pipeline: Pipeline = build_pipeline(settings)
    except (OSError, ValueError) as exc:
        raise fail(str(exc)) from None
    files = expand_inputs(paths)
    with _progress() as progress:
        reading = progress.add_task("reading", total=len(files))
        docs = list(pipeline.read(files, progress=lambda _: progress.advance(reading)))
        pipeline.learn(docs)
        analysing = progress.add_task("analysing", total=len(docs))
        for i, doc in enumerate(docs):
            docs[i] = pipeline.analyze(doc)
            progress.advance(analysing)
        pipeline.settle(docs)
    for doc in docs:
        for warning in doc.warnings:
            err.print(f"[yellow]warning:[/] {warning}", highlight=False)
        if doc.error:
            err.print(f"[red]error:[/] {doc.error}", highlight=False)
    return docs


def _settings(gazetteer: list[Path] | None, max_mb: float) -> Settings:
    for path in gazetteer or []:
        if not path.is_file():
            raise fail(f"{path}: gazetteer file not found")
    return Settings(gazetteers=tuple(gazetteer or ()), max_bytes=int(max_mb * 1_000_000))


@app.command()
def analyze(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH", help="Files or folders (.txt .html .htm .jsonl .xml .rss .atom)."),
    ],
    format: Annotated[
        AnalyzeFormat, typer.Option("--format", "-f", help="jsonl: the contract; table: for people.")
    ] = (AnalyzeFormat.jsonl),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    gazetteer: GazetteerOption = None,
    max_mb: MaxMbOption = 20.0,
) -> None:
    """Analyse articles and print one JSON line per article, in input order.

    Articles analysed together are clustered together. An unreadable input gives a line
    with "error" and the batch goes on; the exit code is 1 if any input failed.

    Example: coopwatch analyze ../shared/corpus/seeds --format jsonl > predictions.jsonl
    """
    docs = _analyse(paths, _settings(gazetteer, max_mb))
    assign_clusters(docs)
    sink: TextIO = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        if format is AnalyzeFormat.jsonl:
            for doc in docs:
                sink.write(json.dumps(doc.as_dict(), ensure_ascii=False) + "\n")
        else:
            console = console_for(sink)
            console.print(batch_table(docs))
            if any(d.events for d in docs):
                console.print(events_table(docs))
    finally:
        if output:
            sink.close()
    if not docs:
        raise fail("no articles found in the given paths", code=1)
    if any(d.error for d in docs):
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH", help="Files or folders to analyse and store.")
    ],
    db: DbOption = None,
    gazetteer: GazetteerOption = None,
    max_mb: MaxMbOption = 20.0,
) -> None:
    """Analyse articles and store them in the knowledge base.

    Idempotent: an article whose text is already stored is skipped, so running the same
    folder twice, or again after an interruption, stores every article exactly once.

    Example: coopwatch ingest articles/ --db coopwatch.db
    """
    docs = _ingest(paths, db, _settings(gazetteer, max_mb))
    if any(d.error for d in docs):
        raise typer.Exit(1)


def _ingest(paths: Sequence[Path], db: Path | None, settings: Settings) -> list[Document]:
    """Analyse, cluster against the knowledge base, and store one transaction per article."""
    with knowledge_base(db, create=True) as store:
        before = store.count()
        docs = _analyse(paths, settings)
        registry = EntityRegistry(store, Gazetteer.load(extra=settings.gazetteers))
        registry.resolve(docs)  # the ids and names the knowledge base already gives these entities
        clusterer = store_clusterer(store)  # decides against what is stored, through its cluster index
        clusterer.prepare(docs)  # the batch's key frequencies count before any article is decided
        stored = skipped = 0
        new: list[Document] = []
        with _progress() as progress:
            task = progress.add_task("clustering and storing", total=len(docs))
            for doc in docs:
                if not doc.error:
                    clusterer.add(doc)  # a merge relabels the articles already stored
                    result = store.add(doc)
                    if result.stored:
                        new.append(doc)
                    stored += result.stored
                    skipped += not result.stored
                progress.advance(task)
        clusterer.finish()  # the batch's own documents learn of merges made after them
        registry.record(new)
        failed = sum(1 for d in docs if d.error)
        err.print(
            f"{stored} stored, {skipped} already present, {failed} failed; "
            f"{store.count()} article(s) in {db or default_db_path()} (was {before})",
            highlight=False,
        )
    return docs


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find, in any language; inflected forms match.")],
    db: DbOption = None,
    lang: Annotated[str | None, typer.Option(help="Only this language (kk, ru, en, ...).")] = None,
    country: Annotated[
        str | None, typer.Option(help="Only articles naming this country (ISO code, e.g. FR).")
    ] = None,
    since: Annotated[str | None, typer.Option(help="From this date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date, YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many results.")] = 20,
) -> None:
    """Full-text search over the stored articles.

    Example: coopwatch search "Франция" --lang kk --since 2025-01-01
    """
    for label, value in (("--since", since), ("--until", until)):
        if value and not _is_iso_date(value):
            raise fail(f"{label} {value!r}: expected a date as YYYY-MM-DD")
    with knowledge_base(db) as store:
        try:
            hits = store.search(
                query,
                lang=lang,
                country=country.upper() if country else None,
                since=since,
                until=until,
                limit=limit,
            )
        except StoreError as exc:
            raise fail(str(exc)) from None
    if not hits:
        err.print("no matching articles")
        raise typer.Exit(0)
    table = Table(expand=True)
    for column in ("id", "lang", "date", "title", "snippet"):
        table.add_column(column, overflow="fold", no_wrap=column == "id")
    for hit in hits:
        table.add_row(hit.id, hit.lang or "", hit.date or "", hit.title or "", hit.snippet or "")
    console_for().print(table)


@app.command()
def show(
    article_id: Annotated[
        str | None, typer.Argument(metavar="ID", help="The article id (as analyze or search report it).")
    ] = None,
    db: DbOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the stored analysis as one JSON line.")
    ] = False,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            help="Show this cluster instead: its articles, why they were joined, and where they disagree.",
        ),
    ] = None,
) -> None:
    """Show one stored article with everything understood in it and the evidence.

    Example: coopwatch show ekz-france-visit-en; coopwatch show --cluster c1a2b3c4d5e
    """
    if cluster is not None:
        with knowledge_base(db) as store:
            view = cluster_view(store, cluster)
        if view is None:
            raise fail(f"no cluster {cluster!r} in {db or default_db_path()}", code=1)
        console_for().print(view)
        return
    if article_id is None:
        raise fail("give an article ID, or --cluster ID")
    with knowledge_base(db) as store:
        doc = store.get(article_id)
    if doc is None:
        raise fail(f"no article with id {article_id!r} in {db or default_db_path()}", code=1)
    if as_json:
        console_for().print_json(data=doc.as_dict())
    else:
        console_for().print(article_view(doc))


@app.command()
def export(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="jsonl or csv.")
    ] = ExportFormat.jsonl,
    db: DbOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Export every stored article with its analysis, one line (or CSV row) per article.

    Example: coopwatch export --format csv -o articles.csv
    """
    with knowledge_base(db) as store:
        try:
            sink: TextIO = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        except OSError as exc:
            raise fail(f"{output}: cannot write: {exc.strerror}") from None
        try:
            writer = write_jsonl if format is ExportFormat.jsonl else write_csv
            count = writer(store.iter_documents(), sink)
        finally:
            if output:
                sink.close()
    err.print(f"{count} article(s) exported", highlight=False)


@app.command()
def demo(db: DbOption = None) -> None:
    """Analyse and store the sample articles that ship with coopwatch, then summarise them.

    Example: coopwatch demo --db demo.db
    """
    samples = resources.files("coopwatch") / "samples"
    with resources.as_file(samples) as folder:
        docs = _ingest([folder], db, Settings())
    console_for().print(batch_table(docs))
    where = db or default_db_path()
    console_for().print(
        f"Stored in {where}. Try: coopwatch search Германия --db {where}; coopwatch show kz-de-hydrogen-kk --db {where}",
        highlight=False,
    )
    console_for().print(
        f"Dashboard: coopwatch serve --db {where}  (then open http://127.0.0.1:8000/)", highlight=False
    )


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 keeps the dashboard on this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="COOPWATCH_TOKEN",
            help="Turn on the write route POST /api/articles, which then needs this bearer token.",
        ),
    ] = None,
) -> None:
    """Serve the dashboard and its JSON API (read-only) over the knowledge base.

    Pages: / (latest), /articles?q= (search), /articles/ID, /entities, /partners, /clusters;
    every page has its JSON twin under /api, and the OpenAPI schema is at /openapi.json.

    Example: coopwatch serve --db coopwatch.db --port 8000
    """
    with knowledge_base(db):  # a missing or foreign file gets the usual one-line message
        pass
    import uvicorn

    from coopwatch.web import create_app

    try:
        web = create_app(db or default_db_path(), token=token)
    except StoreError as exc:
        raise fail(str(exc)) from None
    err.print(f"coopwatch dashboard on http://{host}:{port}/ (Ctrl+C stops it)", highlight=False)
    uvicorn.run(web, host=host, port=port, log_level="warning")


eval_app = typer.Typer(
    help="Measure coopwatch on public evaluation sets.\n\nExample: coopwatch eval ner --dataset kaznerd",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
app.add_typer(eval_app, name="eval")


entities_app = typer.Typer(
    help="The entity registry: one canonical name per person, organisation and place, and your corrections.\n\n"
    "Corrections rewrite the stored articles at once and hold for everything ingested later.\n\n"
    "Example: coopwatch entities list --query lihach; coopwatch entities rename person:x 'Alexey Likhachev'",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
app.add_typer(entities_app, name="entities")


def _correct(db: Path | None, change: Callable[[EntityRegistry], RegistryEntry]) -> RegistryEntry:
    """Apply one of the analyst's corrections to the registry; its refusal is a one-line error."""
    with knowledge_base(db) as store:
        try:
            return change(EntityRegistry(store))
        except StoreError as exc:
            raise fail(str(exc)) from None


@entities_app.command("list")
def entities_list(
    db: DbOption = None,
    type: Annotated[str | None, typer.Option("--type", "-t", help="Only PER, ORG, GPE or LOC.")] = None,
    query: Annotated[
        str | None, typer.Option("--query", "-q", help="Only names, ids or forms containing this.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many, the most seen first.")] = 50,
) -> None:
    """List registered entities, the most seen first.

    Example: coopwatch entities list --type PER --query tokay
    """
    with knowledge_base(db) as store:
        entries = store.registry_list(type=type.upper() if type else None, query=query, limit=limit)
    if not entries:
        err.print("no matching entities")
        raise typer.Exit(0)
    console_for().print(registry_table(entries))


@entities_app.command("show")
def entities_show(
    entity_id: Annotated[str, typer.Argument(metavar="ID", help="An id from `entities list`.")],
    db: DbOption = None,
) -> None:
    """One entity: its name and where it comes from, its forms in each language, the latest articles.

    Example: coopwatch entities show person:kassym-jomart-tokayev
    """
    with knowledge_base(db) as store:
        try:
            entry = EntityRegistry(store).entry(entity_id)
        except StoreError as exc:
            raise fail(str(exc), code=1) from None
        articles = store.entity_articles(entry.id)
    console_for().print(registry_view(entry, articles))


@entities_app.command("rename")
def entities_rename(
    entity_id: Annotated[str, typer.Argument(metavar="ID", help="The entity to rename.")],
    name: Annotated[str, typer.Argument(help="Its canonical name from now on.")],
    db: DbOption = None,
) -> None:
    """Give an entity your name for it, in every stored article and every later one.

    Example: coopwatch entities rename person:aleksei-lihacov "Alexey Likhachev"
    """
    entry = _correct(db, lambda registry: registry.rename(entity_id, name))
    err.print(f"{entry.id} is now named {entry.name!r}", highlight=False)


@entities_app.command("merge")
def entities_merge(
    source: Annotated[str, typer.Argument(help="The id that goes away.")],
    target: Annotated[str, typer.Argument(help="The id it becomes (keeps its name).")],
    db: DbOption = None,
) -> None:
    """Make two ids one entity: articles naming SOURCE name TARGET, now and in later ingests.

    Example: coopwatch entities merge person:tamim person:tamim-bin-hamad-al-thani
    """
    entry = _correct(db, lambda registry: registry.merge(source, target))
    err.print(f"{source} merged into {entry.id} ({entry.name}, {entry.articles} article(s))", highlight=False)


@entities_app.command("split")
def entities_split(
    entity_id: Annotated[
        str, typer.Argument(metavar="ID", help="The entity that holds two people (or things).")
    ],
    name: Annotated[str, typer.Argument(help="The name of the other one.")],
    article: Annotated[
        list[str],
        typer.Option("--article", "-a", help="An article where ID is the other one; repeat for more."),
    ],
    db: DbOption = None,
) -> None:
    """Give the other one, in the articles named, an entity of its own.

    Example: coopwatch entities split person:aliev "Heydar Aliyev" --article az-history-ru
    """
    entry = _correct(db, lambda registry: registry.split(entity_id, article, name))
    err.print(
        f"{entry.id} ({entry.name}) split off {entity_id} in {len(article)} article(s)", highlight=False
    )


class NerDataset(StrEnum):
    kaznerd = "kaznerd"
    factru = "factru"
    conll = "conll"


class NerSplit(StrEnum):
    test = "test"
    dev = "dev"


@eval_app.command("ner")
def eval_ner(
    dataset: Annotated[
        NerDataset, typer.Option("--dataset", "-d", help="kaznerd (kk), factru (ru), conll (en).")
    ],
    split: Annotated[
        NerSplit,
        typer.Option(
            help="test to report, dev to look for errors while changing a recogniser "
            "(KazNERD's dev is its valid split, which our Kazakh models learn from)."
        ),
    ] = NerSplit.test,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Only the first N documents, for a quick look.")
    ] = None,
    data_dir: Annotated[
        Path | None, typer.Option("--data", help="Folder of the datasets [default: ../shared/data].")
    ] = None,
) -> None:
    """Precision, recall and F1 per entity type of a language's recogniser on a public set.

    Example: coopwatch eval ner --dataset factru --split dev --limit 50
    """
    from coopwatch.evaluate import evaluate_ner, format_report

    report = evaluate_ner(dataset.value, limit=limit, data_dir=data_dir, split=split.value)
    if report.skipped:
        raise fail(f"{dataset.value}: {report.skipped}", code=1)
    console_for().print(format_report(report), highlight=False)


def _is_iso_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def main() -> None:
    """Entry point of the `coopwatch` command."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted; what was stored stays stored, and running again resumes")
        sys.exit(130)
