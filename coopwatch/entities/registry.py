"""The entity registry: the knowledge base's memory of who is who, across runs and languages.

A batch names its entities by itself (`EntityRecognizer.settle`); a knowledge base fed over many
runs must not let names drift between them. Before a batch is clustered and stored,
`EntityRegistry.resolve` gives every entity the id and name the registry already holds:

- ids the analyst merged into another (or that earlier runs unified) follow their redirect;
- a new person whose full name sounds like a registered one (Aleksei Likhachyov, then Alexey
  Likhachev in a later run) takes the registered id;
- the name is the registry's, unless this batch is the first to name the entity in an English
  article: then the English name replaces a transliterated one, in the batch and in every stored
  article. A gazetteer name or the analyst's is never replaced by one read in an article.

`record` counts what was stored (articles, first and last seen, the forms each language used).
The analyst's corrections (`merge`, `rename`, `split`) rewrite the stored articles and persist, so a
later ingest keeps them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from coopwatch.entities.linking import english_first, new_id
from coopwatch.gazetteer import Gazetteer
from coopwatch.model import Document, Entity
from coopwatch.store.base import RegistryEntry, Store, StoreError
from coopwatch.translit import sound_key

ANALYST = "analyst"
GAZETTEER = "gazetteer"
FORMS_KEPT = 12  # surface forms remembered per language


def person_sound(type_: str, name: str) -> str | None:
    """The sound key under which other spellings of a full name find it (people only, two words or more)."""
    return sound_key(name) if type_ == "PER" and len(name.split()) > 1 else None


class EntityRegistry:
    """Resolves a batch's entities against the registry a `Store` keeps, and applies the analyst's edits."""

    def __init__(self, store: Store, gazetteer: Gazetteer | None = None) -> None:
        self.store = store
        self.gazetteer = gazetteer or Gazetteer.load()

    # --- ingest ----------------------------------------------------------------------------------

    def resolve(self, docs: Sequence[Document]) -> dict[str, str]:
        """Give the batch's entities their registered ids and names, registering new ones; stored
        articles take an entity's English name when this batch is the first to give it. Returns the
        renames made in stored articles (id -> new name)."""
        readable = [d for d in docs if not d.error]
        ids = {e.id for d in readable for e in d.entities}
        if not ids:
            return {}
        moved = self.store.registry_redirects(ids)
        registered = self.store.registry_entries({*ids, *moved.values()})
        moved.update(self._other_spellings(readable, ids, moved, registered))
        if moved:
            for doc in readable:
                doc.relabel_entities(moved)
            registered.update(self.store.registry_entries(set(moved.values()) - set(registered)))
        entries, renamed = self._names(readable, registered)
        names = {e.id: e.name for e in entries.values()}
        for doc in readable:
            doc.relabel_entities({}, names)
        if renamed:
            self.store.relabel_entities({}, renamed)
        self.store.registry_save(entries.values())
        return renamed

    def _other_spellings(
        self,
        docs: Sequence[Document],
        ids: set[str],
        moved: dict[str, str],
        registered: dict[str, RegistryEntry],
    ) -> dict[str, str]:
        """New people of the batch registered under another spelling of their full name."""
        sounds: dict[str, str] = {}
        for doc in docs:
            for e in doc.entities:
                if e.id in moved or e.id in registered or e.id in self.gazetteer.records:
                    continue
                sound = person_sound(e.type, e.name)
                if sound:
                    sounds[e.id] = sound
        if not sounds:
            return {}
        by_sound = self.store.registry_by_sound(sounds.values())
        out = {}
        for id, sound in sounds.items():
            targets = {t for t in by_sound.get(sound, ()) if t != id and t not in ids}
            if len(targets) == 1:
                out[id] = targets.pop()
        return out

    def _names(
        self, docs: Sequence[Document], registered: dict[str, RegistryEntry]
    ) -> tuple[dict[str, RegistryEntry], dict[str, str]]:
        """The entry of every entity of the batch with the name it goes by, and the renames of
        registered entities (an English name read for the first time, or a gazetteer update)."""
        read: dict[str, Counter[tuple[bool, str, str]]] = defaultdict(Counter)
        types: dict[str, str] = {}
        for doc in docs:
            for e in doc.entities:
                read[e.id][(doc.lang == "en", e.name, doc.lang or "und")] += len(e.mentions)
                types.setdefault(e.id, e.type)
        entries: dict[str, RegistryEntry] = {}
        renamed: dict[str, str] = {}
        for id, counts in read.items():
            english, name, lang = english_first(counts)
            record = self.gazetteer.get(id)
            entry = registered.get(id)
            if entry is None:
                source = GAZETTEER if record is not None else lang
                entry = RegistryEntry(id, types[id], record.name if record else name, source)
                entry.sound = None if record else person_sound(entry.type, entry.name)
            elif entry.name_source == ANALYST:
                pass
            elif record is not None and (entry.name_source != GAZETTEER or entry.name != record.name):
                entry.name, entry.name_source = record.name, GAZETTEER
                renamed[id] = entry.name
            elif english and entry.name_source not in (GAZETTEER, "en") and entry.name != name:
                entry.name, entry.name_source = name, "en"
                entry.sound = person_sound(entry.type, name) or entry.sound
                renamed[id] = name
            entries[id] = entry
        return entries, renamed

    def record(self, docs: Iterable[Document]) -> None:
        """Count stored articles in the registry: how many name each entity, when, and in what forms."""
        seen: dict[str, list[tuple[Document, Entity]]] = defaultdict(list)
        for doc in docs:
            for e in doc.entities:
                seen[e.id].append((doc, e))
        if not seen:
            return
        entries = self.store.registry_entries(seen)
        for id, named_in in seen.items():
            entry = entries.get(id)
            if entry is None:
                continue
            entry.articles += len(named_in)
            dates = [d.date for d, _ in named_in if d.date]
            entry.first_seen = min(filter(None, [entry.first_seen, *dates]), default=None)
            entry.last_seen = max(filter(None, [entry.last_seen, *dates]), default=None)
            forms: dict[str, Counter[str]] = defaultdict(Counter)
            for lang, texts in entry.aliases.items():
                forms[lang].update({t: FORMS_KEPT - i for i, t in enumerate(texts)})
            for doc, e in named_in:
                forms[doc.lang or "und"].update(m.text for m in e.mentions)
            entry.aliases = {
                lang: [t for t, _ in c.most_common(FORMS_KEPT)] for lang, c in sorted(forms.items())
            }
        self.store.registry_save(entries.values())

    # --- the analyst's corrections ----------------------------------------------------------------

    def entry(self, id: str) -> RegistryEntry:
        """The registered entity, or a StoreError that says how to find the right id."""
        id = self.store.registry_redirects([id]).get(id, id)
        found = self.store.registry_entries([id]).get(id)
        if found is None:
            raise StoreError(
                f"{id}: no such entity in {self._where}; `coopwatch entities list` shows the ids"
            )
        return found

    @property
    def _where(self) -> str:
        return getattr(self.store, "name", "the knowledge base")

    def rename(self, id: str, name: str) -> RegistryEntry:
        """Give an entity the analyst's name, everywhere and for good."""
        if not name.strip():
            raise StoreError("the new name is empty")
        entry = self.entry(id)
        entry.name, entry.name_source = " ".join(name.split()), ANALYST
        entry.sound = person_sound(entry.type, entry.name) or entry.sound
        self.store.relabel_entities({}, {entry.id: entry.name})
        self.store.registry_save([entry])
        return entry

    def merge(self, source: str, target: str) -> RegistryEntry:
        """Fold `source` into `target`: its articles name the target, and future articles too."""
        a, b = self.entry(source), self.entry(target)
        if a.id == b.id:
            raise StoreError(f"{source} and {target} are already one entity ({b.id})")
        if a.type != b.type:
            raise StoreError(f"{a.id} is {a.type} and {b.id} is {b.type}; only entities of one type merge")
        self.store.relabel_entities({a.id: b.id}, {b.id: b.name})
        b.articles = len(self.store.entity_articles(b.id, limit=1_000_000))
        b.first_seen = min(filter(None, [a.first_seen, b.first_seen]), default=None)
        b.last_seen = max(filter(None, [a.last_seen, b.last_seen]), default=None)
        for lang, texts in a.aliases.items():
            mine = b.aliases.setdefault(lang, [])
            mine.extend(t for t in texts if t not in mine)
        self.store.registry_save([b])
        self.store.registry_delete([a.id])
        return b

    def split(self, id: str, articles: Sequence[str], name: str) -> RegistryEntry:
        """In these articles the entity is someone else, named `name`: a new entity of its own."""
        entry = self.entry(id)
        name = " ".join(name.split())
        if not name:
            raise StoreError("the new name is empty")
        naming = {h.id for h in self.store.entity_articles(entry.id, limit=1_000_000)}
        missing = [a for a in articles if a not in naming]
        if missing:
            raise StoreError(f"{', '.join(missing)}: no such article names {entry.id}")
        other = new_id(entry.type, name)
        if other == entry.id or self.store.registry_entries([other]):
            other = f"{other}~{entry.id.split(':', 1)[-1]}"
        self.store.relabel_entities({entry.id: other}, {other: name}, only=articles)
        split_off = RegistryEntry(other, entry.type, name, ANALYST, person_sound(entry.type, name))
        split_off.articles = len(articles)
        entry.articles = max(0, entry.articles - len(articles))
        self.store.registry_save([entry, split_off])
        return split_off
