"""Canonical identities for every mention: the gazetteer's record, or a new entity named in Latin letters.

Mentions the gazetteer knows keep its id and name. Others get the recogniser's lemma (Сактагановым ->
Сактаганов, Тоқаевтың -> Тоқаев) transliterated in the English-press style and an id derived from
that name (`person:<slug>`, `org:<slug>`), so the same person gets the same id in every article of a
batch. Within an article a lone surname, an initialled name (Ж. Касымбек) or another case form of a
full name joins that full name. Junk that statistical NER lets through is dropped here, because a
false person costs as much as a missed one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Container, Sequence
from dataclasses import replace
from typing import Any

from coopwatch.entities.base import EntitySpan
from coopwatch.entities.numbered import SOURCE as NUMBERED
from coopwatch.gazetteer import Gazetteer
from coopwatch.model import Document, Entity
from coopwatch.translit import name_key, sound_key, to_latin

PREFIX = {"PER": "person", "ORG": "org", "GPE": "place", "LOC": "place"}
INITIALS = re.compile(r"^(?:\w\.\s*-?)+\s*")
_WORD = re.compile(r"\w+")
_WORD_GAP = re.compile(r"[\w.'’-]+")  # a word of a name, hyphens and initials included
_JUNK_WORDS = frozenset(
    # pronouns, months, weekdays and function words that statistical NER tags when capitalised
    {
        *[
            "i",
            "he",
            "she",
            "it",
            "we",
            "they",
            "you",
            "this",
            "that",
            "these",
            "those",
            "his",
            "her",
            "its",
            "our",
            "their",
            "мы",
            "он",
            "она",
            "они",
            "вы",
            "я",
            "это",
            "этот",
            "его",
            "ее",
            "её",
            "их",
            "наш",
            "ваш",
            "біз",
            "сіз",
            "ол",
            "олар",
            "бұл",
            "осы",
            "мен",
            "сен",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "январь",
            "февраль",
            "март",
            "апрель",
            "май",
            "июнь",
            "июль",
            "август",
            "сентябрь",
            "октябрь",
            "ноябрь",
            "декабрь",
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
            "понедельник",
            "вторник",
            "среда",
            "четверг",
            "пятница",
            "суббота",
            "воскресенье",
            "қаңтар",
            "ақпан",
            "наурыз",
            "сәуір",
            "мамыр",
            "маусым",
            "шілде",
            "тамыз",
            "қыркүйек",
            "қазан",
            "қараша",
            "желтоқсан",
            "photo",
            "фото",
            "images",
            "image",
            "video",
            "видео",
            "source",
            "источник",
            "read",
            "more",
            "also",
            # Kazakh and Russian words that open a sentence and so are capitalised: today, yesterday...
            "бүгін",
            "кеше",
            "ертең",
            "сондай",
            "алайда",
            "сегодня",
            "вчера",
            "завтра",
            "также",
        ]
    }
)
# Titles a tagger reads as a person when they open a sentence (Консул отметил...)
_TITLE_WORDS = frozenset(["консул", "посол", "министр", "президент", "премьер", "аким", "депутат", "сенатор",
                          "губернатор", "мэр", "елші", "әкім", "консулы", "consul", "ambassador", "minister",
                          "governor", "mayor", "senator"])  # fmt: skip
# A word that alone names no particular organisation (a tagger reads "Secretary of State" or
# "the Central" as one)
_GENERIC_ORG_WORDS = frozenset(["state", "central", "national", "federal", "government", "ministry", "parliament",
                                "senate", "council", "committee", "agency", "office", "department", "company",
                                "bank", "union", "assembly", "court", "administration", "photo", "press"])  # fmt: skip
# Kazakh case and possessive endings on an unknown name (Рокфөйдің -> Рокфөй), longest first
_KK_ENDINGS = sorted(
    {
        *[
            "ның",
            "нің",
            "дың",
            "дің",
            "тың",
            "тің",
            "ға",
            "ге",
            "қа",
            "ке",
            "на",
            "не",
            "да",
            "де",
            "та",
            "те",
            "дан",
            "ден",
            "тан",
            "тен",
            "нан",
            "нен",
            "мен",
            "бен",
            "пен",
            "ны",
            "ні",
            "ды",
            "ді",
            "ты",
            "ті",
            "ын",
            "ін",
        ]
    },
    key=len,
    reverse=True,
)


def is_junk(text: str, type_: str) -> bool:
    """Spans no analyst wants as an entity: no capital letter, digits in a name, pronouns, months."""
    words = _WORD.findall(text)
    if not words or not any(c.isupper() for c in text) or len(text.strip()) < 2:
        return True
    if all(w.lower() in _JUNK_WORDS or w.isdigit() for w in words):
        return True
    if type_ == "PER":
        if any(c.isdigit() for c in text) or len(words) > 5:
            return True
        if all(w.lower() in _NOT_A_NAME for w in words):
            return True  # Консул, Amir Sheikh
        return not all(w[:1].isupper() for w in INITIALS.sub("", text).split())
    if type_ == "ORG":
        if "/" in text:  # a photo credit: PRESIDENT PRESS SERVICE / HANDOUT
            return True
        rest = _WORD.findall(INITIALS.sub("", text))
        if rest and all(w.lower() in _JUNK_WORDS for w in rest):  # D.C. Photo
            return True
        return len(words) == 1 and words[0].lower() in _GENERIC_ORG_WORDS
    return False


# A case ending after the 3rd-person possessive that ends the head noun of a Kazakh organisation or place
# name (университеті, министрлігі, облысы): университетінде -> университеті, қорын -> қоры
_KK_POSSESSED = sorted(
    [(p + case, p) for p in ("ы", "сы") for case in ("ның", "на", "нда", "нан", "мен", "ндағы", "н")]
    + [(p + case, p) for p in ("і", "сі") for case in ("нің", "не", "нде", "нен", "мен", "ндегі", "н")],
    key=lambda pair: -len(pair[0]),
)


def kazakh_stem(name: str, type_: str = "PER") -> str:
    """Strip one case ending from the last word of an unknown Kazakh name: Рокфөйдің -> Рокфөй.

    The head noun of a multi-word organisation or place keeps its possessive, which is part of
    the name: Техникалық университетінде -> Техникалық университеті, титан-магний комбинаты stays.
    """
    head, _, last = name.rpartition(" ")
    low = last.lower()
    if head and type_ != "PER":
        for end, possessive in _KK_POSSESSED:
            if low.endswith(end) and len(low) - len(end) >= 3:
                return f"{head} {last[: len(last) - len(end)]}{possessive}"
        if low.endswith(("ы", "і")):
            return name
    for end in _KK_ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 4:
            last = last[: -len(end)]
            break
    return f"{head} {last}" if head else last


def latin_name(name: str, lang: str) -> str:
    """A canonical Latin name: Cyrillic transliterated in the English-press style, initials dropped."""
    return " ".join(to_latin(INITIALS.sub("", name), lang).split())


def new_id(type_: str, name: str) -> str:
    """A stable id from a name's script-free key, so spelling variants of one name share it."""
    slug = "-".join(name_key(name).split()) or "unknown"
    return f"{PREFIX.get(type_, 'entity')}:{slug}"


# Honorifics a tagger keeps inside a person's span (Amir Tamim, Шейх Мухаммед): dropped when the rest
# is a known person
_HONORIFICS = frozenset(["amir", "emir", "әмір", "эмир", "sheikh", "шейх", "king", "король",
                         "prince", "принц", "ханзада", "sultan", "султан", "сұлтан", "president", "президент"])  # fmt: skip
_NOT_A_NAME = _TITLE_WORDS | _HONORIFICS  # a span of these alone names nobody
# Patronymics: Russian (Миромонович, Ивановна), Kazakh (Кемелұлы, Нұрланқызы) and their Latin spellings
_PATRONYMIC = re.compile(
    r"(?:ович|евич|ьич|овна|евна|ична|инична|ұлы|улы|қызы|кызы|ovich|evich|ovna|evna|ichna|uly|ulu|kyzy|qyzy)$",
    re.IGNORECASE,
)
# Regions whose people the press names family name first: Moon Jae-in is President Moon
_FAMILY_FIRST = frozenset({"KR", "KP", "CN", "TW", "VN", "HK", "MO"})
# Arabic name particles: a name with one is shortened to its given name (Tamim bin Hamad -> Emir Tamim)
_ARABIC_PARTICLES = frozenset({"bin", "ibn", "bint", "бин", "бен", "ибн", "бинт"})


def _first_sound(word: str) -> str:
    """The sound a given name begins with, across scripts: Режеп and Recep, Кысым and Kassym agree."""
    key = sound_key(word)
    return key[:1] if key[:1] != "'" else key[:2]


class _PersonIndex:
    """Gazetteer people by the short and the loosely spelled ways articles name them."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        short: dict[str, set[str]] = defaultdict(set)
        for s in gazetteer.surfaces():
            if s.kind == "surname":
                short[name_key(s.text)].add(s.record_id)
        sound: dict[str, set[str]] = defaultdict(set)
        last: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for rec in gazetteer.records.values():
            if rec.type != "PER":
                continue
            for names in rec.aliases.values():
                for n in names:
                    words = n.split()
                    if len(words) < 2:
                        continue
                    sound[sound_key(n)].add(rec.id)
                    last[name_key(words[-1])].add((rec.id, _first_sound(words[0])))
                    if (
                        rec.region in _FAMILY_FIRST
                        or any(w.lower() in _ARABIC_PARTICLES for w in words)
                        or "-" in words[0]  # a double given name is as telling as a surname: Kassym-Jomart
                    ):
                        short[name_key(words[0])].add(rec.id)
        taken = {
            k for k in short if gazetteer.lookup(k) is not None
        }  # a short form that names something else
        self.short = {k: next(iter(v)) for k, v in short.items() if len(v) == 1 and k not in taken}
        self.sound = {k: next(iter(v)) for k, v in sound.items() if len(v) == 1}
        self._last_first = last  # a last name's key -> (person, the sound their given name begins with)

    def full_name(self, words: list[str]) -> str | None:
        """The known person a full name of unknown spelling is: the same sounds (Aleksei Likhachyov), or
        a known last name after a given name that begins with the same sound (Кысым-Жомарт Токаев)."""
        if len(words) < 2:
            return None
        found = self.sound.get(sound_key(" ".join(words)))
        if found:
            return found
        if len(words) != 2:  # only a given name and a surname: «Kazakh Kassym-Jomart Tokayev» is no name
            return None
        first = _first_sound(words[0])
        ids = {i for i, f in self._last_first.get(name_key(words[-1]), ()) if f == first}
        return next(iter(ids)) if len(ids) == 1 else None


def person_words(name: str) -> list[str]:
    """A person's name without initials, leading honorifics and a patronymic between given name and
    surname: Amir Tamim -> Tamim, Қасым-Жомарт Кемелұлы Тоқаев -> Қасым-Жомарт Тоқаев."""
    words = INITIALS.sub("", name).split()
    while len(words) > 1 and words[0].lower() in _HONORIFICS:
        words = words[1:]
    if len(words) == 3 and _PATRONYMIC.search(words[1]):
        words = [words[0], words[2]]
    return words


class Linker:
    """Resolves a span to an `Entity` (without mentions): gazetteer record first, else a new identity."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.people = _PersonIndex(gazetteer)
        self._adjectives = {
            name_key(s.text) for s in gazetteer.surfaces() if s.kind in ("adjective", "demonym")
        } | {
            name_key(n)
            for r in gazetteer.records.values()
            if r.country
            for ns in r.aliases.values()
            for n in ns
        }

    def only_adjectives(self, text: str) -> bool:
        """Whether a name is country adjectives joined by hyphens: Kazakh-Uzbek, казахстанско-китайский."""
        parts = [p for p in re.split(r"[-‐‑–\s]+", text) if p]
        return len(parts) > 1 and all(name_key(p) in self._adjectives for p in parts)

    def person_inside(self, span: EntitySpan, text: str) -> EntitySpan | None:
        """A known person's name that ends a statistical organisation or place span, as a span of its
        own: «Kazakh President Kassym-Jomart Tokayev» read as an organisation is the President."""
        surface = text[span.start : span.end]
        words = list(_WORD_GAP.finditer(surface))
        for i, word in enumerate(words):
            if len(words) - i < 2 and (i or "-" not in word.group()):
                break  # one word is a person only when it is a double given name (Kassym-Jomart)
            if word.group().lower() in _NOT_A_NAME:
                continue
            rec_id = self._known_person(surface[word.start() :])
            if rec_id is not None:
                return EntitySpan(span.start + word.start(), span.end, "PER", rec_id, source=span.source)
        return None

    def _known_person(self, lemma: str) -> str | None:
        """The gazetteer person a name not written as any of their aliases is, when only one fits."""
        words = person_words(lemma)
        if len(words) == 1:
            return self.people.short.get(name_key(words[0]))
        record = self.gazetteer.lookup(" ".join(words), "PER")
        return record.id if record is not None else self.people.full_name(words)

    def link(self, span: EntitySpan, text: str, lang: str) -> Entity | None:
        """The entity a span names, or None when the span is junk."""
        if span.id:
            record = self.gazetteer.get(span.id)
            if record is not None:
                return Entity(record.id, record.type, record.name, country=record.country)
        if span.source == NUMBERED and span.name:  # «гимназия № 97»: the recogniser already named it
            return Entity(new_id(span.type, span.name), span.type, span.name)
        if is_junk(text, span.type) or (span.type == "ORG" and self.only_adjectives(text)):
            return None
        lemma = span.name or text
        if lang == "kk" and span.source != "gazetteer":
            lemma = kazakh_stem(lemma, span.type)
        for candidate in (lemma, INITIALS.sub("", lemma), text):
            record = self.gazetteer.lookup(candidate, span.type)
            if record is not None:
                return Entity(record.id, record.type, record.name, country=record.country)
        if span.type == "PER" and len(lemma.split()) == 1:  # Бакуге read as a person is the city
            record = self.gazetteer.lookup(lemma)
            if record is not None and record.type in ("GPE", "LOC"):
                return Entity(record.id, record.type, record.name, country=record.country)
        if span.type == "PER":
            rec_id = self._known_person(lemma) or (self._known_person(text) if text != lemma else None)
            if rec_id is not None:
                record = self.gazetteer[rec_id]
                return Entity(record.id, record.type, record.name, country=record.country)
        name = latin_name(lemma, lang)
        if not name:
            return None
        if span.type == "PER":
            name = title_last(name)
        return Entity(new_id(span.type, name), span.type, name)


def surname_key(name: str) -> str:
    """The name key of a person's surname: 'Ж. Касымбек' and 'Zhenis Kassymbek' both give 'kasimbek'."""
    words = INITIALS.sub("", name).split()
    return name_key(words[-1]) if words else ""


def _same_word(a: str, b: str) -> bool:
    """Two name keys of one word in different case forms: equal, or one the other plus a short ending."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3


def _initials_agree(mention: str, full_name: str) -> bool:
    """'Ж. Касымбек' may be Zhenis Kassymbek, not Roman Kassymbek; a name without initials always may."""
    lead = INITIALS.match(mention)
    if not lead:
        return True
    first = name_key(lead.group())[:1]
    return not first or name_key(full_name)[:1] == first


# Titles that are part of a historical name and follow it: Abulkhair Khan, Tole Bi, Kabanbai Batyr
_NAME_TITLES = frozenset(
    {"khan", "bi", "batyr", "batir", "shah"}
)  # not "Han" (Han Zheng) nor "Sultan" (a given name)


def title_last(name: str) -> str:
    """A historical name with its title where the English press writes it: Khan Abulkhair -> Abulkhair Khan."""
    words = name.split()
    if len(words) == 2 and words[0].lower() in _NAME_TITLES and words[1].lower() not in _NAME_TITLES:
        return f"{words[1]} {words[0]}"
    return name


def _joins(part: Entity, full: Entity) -> bool:
    """Whether a person entity is another form of a full-named one (surname alone, initials, case form,
    the full name's last words, given name and patronymic, surname first)."""
    pw = name_key(INITIALS.sub("", part.name)).split()
    fw = name_key(full.name).split()
    if not pw or not fw or len(pw) > len(fw):
        return False
    if len(pw) == 1 and len(fw) == 2 and full.name.split()[-1].lower() in _NAME_TITLES:
        return _same_word(pw[0], fw[0])  # Tauke is Tauke Khan
    if len(pw) == 1:
        return _same_word(pw[0], fw[-1]) and all(_initials_agree(m.text, full.name) for m in part.mentions)
    if len(pw) == 2 and len(fw) >= 2 and _PATRONYMIC.search(part.name) and _same_word(pw[0], fw[0]):
        return True  # given name and patronymic: Шавкат Миромонович is Shavkat Mirziyoyev
    if len(pw) == len(fw) == 2 and _same_word(pw[0], fw[1]) and _same_word(pw[1], fw[0]):
        return True  # surname first, as Russian lists write it: Бижанова Диана is Diana Bizhanova
    # a case form of the full name, or its last words when a tagger missed the first (Док Кын, Ан Док Кын)
    return all(_same_word(a, b) for a, b in zip(pw, fw[-len(pw) :], strict=True))


def adopt_surnames(entities: list[Entity], known: Container[str]) -> list[Entity]:
    """One name, one sense in an article: a name that a tagger called an organisation or place
    (Иверсен атап өтті, Kosherbayev said, Han Chunlin noted) is a person when it is a person's full
    name there or, alone, their surname. Gazetteer records (ids in `known`) keep their type;
    `merge_people` then joins the two."""
    people = [name_key(e.name).split() for e in entities if e.type == "PER" and len(e.name.split()) > 1]
    for e in entities:
        if e.type == "PER" or e.id in known:
            continue
        words = name_key(e.name).split()
        if any(words == full or (len(words) == 1 and _same_word(words[0], full[-1])) for full in people):
            e.type, e.id = "PER", new_id("PER", e.name)
    return entities


def merge_people(entities: list[Entity]) -> list[Entity]:
    """Fold each person entity into the one fuller person of the article it is another form of.

    Full names first: of two case forms of one full name the shorter (usually the nominative) absorbs
    the other; then lone surnames and initialled names join the one full name they fit."""
    people = [e for e in entities if e.type == "PER"]
    absorbed: set[int] = set()

    def rank(e: Entity) -> tuple[int, int]:
        return len(e.name), e.mentions[0].start if e.mentions else 0

    for part in sorted(people, key=lambda e: -len(e.name.split())):
        if id(part) in absorbed:
            continue
        n = len(part.name.split())
        cands = [f for f in people if f is not part and id(f) not in absorbed and _joins(part, f)]
        fuller = [f for f in cands if len(f.name.split()) > n]
        same = [f for f in cands if len(f.name.split()) == n and rank(f) < rank(part)]
        pool = fuller or same
        unique_only = n == 2 and bool(_PATRONYMIC.search(part.name))  # Шавкат Миромонович: which Shavkat?
        if pool and (len({c.id for c in pool}) == 1 or not (fuller or unique_only)):
            owner = min(pool, key=rank)
            owner.mentions.extend(part.mentions)
            owner.mentions.sort(key=lambda m: m.start)
            absorbed.add(id(part))
    return [e for e in entities if id(e) not in absorbed]


# Words that join or qualify known names without naming anything themselves: a statistical span made
# of gazetteer names and these (Қазақстан Сауда және интеграция министрлігі, АО «НК «КазМунайГаз»,
# KazMunayGas and KOGAS) gives way to the names it strings together
_CONNECTORS = frozenset(["of", "the", "and", "&", "и", "мен", "және", "ао", "нк", "нак", "фнб", "тоо", "оао", "зао",
                         "пао", "ооо", "ақ", "жшс", "ұк", "ұақ", "jsc", "llp", "llc", "ltd", "plc", "inc", "nc"])  # fmt: skip


def _strings_known_names(span: EntitySpan, inside: list[EntitySpan], text: str) -> bool:
    """Whether a statistical span holds gazetteer names and otherwise only connecting words and
    punctuation: «Kazakhstan Kassym-Jomart Tokayev» read as one organisation is a country and a person."""
    if not any(g.kind == "name" for g in inside):
        return False
    rest = list(text[span.start : span.end])
    for g in inside:
        rest[g.start - span.start : g.end - span.start] = " " * (g.end - g.start)
    return all(w.lower() in _CONNECTORS for w in _WORD.findall("".join(rest)))


def resolve_overlaps(spans: list[EntitySpan], text: str | None = None) -> list[EntitySpan]:
    """One span per stretch of text: the longest wins, the gazetteer on a tie or a crossing; a statistical
    person never swallows a gazetteer name (two people run together, a place read as a name) nor runs on
    past a known surname, and no statistical span only strings gazetteer names together (given `text`,
    the document)."""
    gaz = [s for s in spans if s.id]
    stat = []
    for s in spans:
        if s.id:
            continue
        inside = [g for g in gaz if s.start <= g.start and g.end <= s.end]
        crossing = any(g.start < s.end and s.start < g.end and g not in inside for g in gaz)
        if crossing or (s.type == "PER" and any(g.kind != "surname" for g in inside)):
            continue
        if text is not None and s.type == "PER" and any(_WORD.search(text[g.end : s.end]) for g in inside):
            continue  # a known surname with more after it: Тоқаев Нью-Йоркке, Tokayev Holds, Трамп Тоқаевпен
        if text is not None and _strings_known_names(s, inside, text):
            continue
        stat.append(s)
    kept: list[EntitySpan] = []
    for span in sorted([*gaz, *stat], key=lambda s: (s.start - s.end, s.id is None, s.start)):
        if all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def split_brackets(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """Statistical spans cut at a bracket they open and do not close: «Korea Gas Corporation (KOGAS»
    becomes the name and, when the text closes the bracket after it, the form in brackets as a span
    of its own (`merge_bracket_aliases` then makes them one entity)."""
    out = []
    for span in spans:
        surface = text[span.start : span.end]
        cut = surface.find("(")
        if span.id or cut < 0 or ")" in surface[cut:]:
            out.append(span)
            continue
        head = surface[:cut].rstrip()
        if _WORD.search(head):
            out.append(replace(span, end=span.start + len(head), name=None))
        rest = surface[cut + 1 :]
        inner = rest.strip()
        start = span.start + cut + 1 + len(rest) - len(rest.lstrip())
        if _WORD.search(inner) and text[start + len(inner) : start + len(inner) + 1] == ")":
            out.append(replace(span, start=start, end=start + len(inner), name=None))
    return out


def merge_bracket_aliases(entities: list[Entity], text: str, known: Container[str]) -> list[Entity]:
    """Fold a person or organisation named in brackets right after another of its type into it:
    Korea Gas Corporation (KOGAS), Ши Тао (Shi Tao). Two records of the gazetteer (ids in `known`)
    stay apart; a gazetteer record absorbs a new entity, whichever comes first."""
    owner_at = {m.start: e for e in entities for m in e.mentions}  # mentions never overlap
    end_at = {m.start: m.end for e in entities for m in e.mentions}
    absorbed: set[int] = set()
    for entity in entities:
        if entity.type not in ("PER", "ORG"):
            continue
        for m in list(entity.mentions):
            gap = re.match(r"\s*\(\s*", text[m.end : m.end + 4])
            start = m.end + gap.end() if gap else -1
            alias = owner_at.get(start)
            if alias is None or text[end_at[start] : end_at[start] + 1] != ")":
                continue
            if alias is entity or alias.type != entity.type or id(alias) in absorbed:
                continue
            if alias.id in known and entity.id in known:
                continue
            owner, part = (alias, entity) if alias.id in known else (entity, alias)
            owner.mentions.extend(part.mentions)
            owner.mentions.sort(key=lambda x: x.start)
            absorbed.add(id(part))
            for x in part.mentions:
                owner_at[x.start] = owner
    return [e for e in entities if id(e) not in absorbed]


def english_first(counts: Counter[tuple[Any, ...]]) -> tuple[Any, ...]:
    """The key (written in an English article?, name, ...) that wins: English first, then the most
    counted, then the first in order, so every run decides alike."""
    return max(counts.items(), key=lambda kv: (kv[0][0], kv[1], kv[0][1]))[0]


def _spelling_variants(docs: Sequence[Document], known: Container[str]) -> dict[str, str]:
    """New person ids that are spellings of one full name (Aleksei Likhachyov, Alexey Likhachev) mapped
    to the id of the spelling that wins: written in an English article, then the most mentioned."""
    groups: dict[str, Counter[tuple[bool, str]]] = defaultdict(Counter)
    for doc in docs:
        for e in doc.entities:
            if e.type == "PER" and e.id not in known and len(e.name.split()) > 1:
                groups[sound_key(e.name)][(doc.lang == "en", e.id)] += len(e.mentions)
    out: dict[str, str] = {}
    for counts in groups.values():
        ids = {i for _, i in counts}
        if len(ids) < 2:
            continue
        best = english_first(counts)[1]
        out.update({i: best for i in ids if i != best})
    return out


def unify_names(docs: Sequence[Document], known: Container[str]) -> None:
    """One name per entity id across a batch. A new entity's id comes from a script-free key, so the
    same foreign person written Monika Iwersen in English and Моника Иверсен in Russian shares an id
    but not a transliterated name: the name written in Latin letters in an English article wins (it
    is the original), then the most frequent. Full names of one person spelled differently (Лихачёв,
    Likhachev) first become one id. Gazetteer records (ids in `known`) already agree."""
    moved = _spelling_variants(docs, known)
    names: dict[str, Counter[tuple[bool, str]]] = defaultdict(Counter)
    for doc in docs:
        if moved:
            doc.relabel_entities(moved)
        for e in doc.entities:
            if e.id not in known:
                names[e.id][(doc.lang == "en", e.name)] += len(e.mentions)
    best = {i: english_first(c)[1] for i, c in names.items()}
    for doc in docs:
        for e in doc.entities:
            e.name = best.get(e.id, e.name)
