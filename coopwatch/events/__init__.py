"""Events (meetings, visits, agreements, proposals, projects) and the partner pairs they show."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from typing import ClassVar

from coopwatch.model import Document, Event
from coopwatch.sectors import has_cue, sector_sentences

HOST = "KZ"
# The strongest type wins when a sentence has several cues.
EVENT_TYPES: tuple[str, ...] = ("agreement", "proposal", "visit", "meeting", "project")

_W = r"[\w\-]"
CUES: dict[str, dict[str, str]] = {
    "ru": {
        "agreement": r"подписа\w*|подписание\w*|договорил\w*|договоренност\w*|заключ\w*\s+(?:\w+\s+)?"
        r"(?:соглашени|договор|контракт|меморандум)\w*"
        r"|соглашени\w*\s+(?:был[оаи]?\s+)?(?:заключ|достигнут)\w*"
        r"|согласова\w*|утвердил\w*|приняли\s+(?:\w+\s+)?(?:декларац|заявлени|дорожн)\w*",
        "visit": r"визит\w*|посети\w*|посещени\w*|прибыл\w*|делегаци\w*|поездк\w*",
        "meeting": r"встреч\w*|встрети\w*|переговор\w*|консультаци\w*|обсуди\w*|обсужд\w*|бесед\w*"
        r"|совещани\w*|саммит\w*|заседани\w*|телефонн\w+\s+разговор\w*",
        "proposal": r"предлож\w*"
        r"|выразил\w*\s+(?:\w+\s+){0,2}(?:готовност|интерес|заинтересованност|намерени)\w*"
        r"|готовност\w*|готов[аоы]?|заинтересован\w*|призвал\w*|инициатив\w*",
        "project": r"запуск\w*|запусти\w*|запущен\w*|открыт\w*|открыл\w*|открыва\w*|построен\w*|построи\w*"
        r"|строительств\w*|введен\w*\s+в\s+эксплуатаци\w*|планиру\w*|создани\w*|реализ\w*",
    },
    "kk": {
        "agreement": r"қол\s+қой\w*|келісім\w*\s+(?:жасал|жасас|қабылда|бекіт)\w*|келісті\w*|келісілді\w*"
        r"|уағдаласт\w*|уағдаластық\w*",
        "visit": r"сапар\w*|іссапар\w*|делегация\w*|болып\s+қайт\w*",
        "meeting": r"кездес\w*|келіссөз\w*|консультация\w*|талқыла\w*|жиналыс\w*|отырыс\w*|саммит\w*"
        r"|пікір\s+алмас\w*|сөйлес\w*",
        "proposal": r"ұсын\w*|дайын(?:быз|мыз|дығ\w*|дық\w*)?|қызығушылық\w*|ниет\w*|бастама\w*",
        "project": r"іске\s+қос\w*|ашыл\w*|ашты\w*|ашу\w*|салын\w*|құрылыс\w*|жоспарла\w*"
        r"|(?:іске|жүзеге)\s+асыр\w*",
    },
    "en": {
        "agreement": r"signed|signs?|signing|agreed|agrees?"
        r"|agreements?\s+(?:was|were)\s+(?:reached|concluded)"
        r"|reached\s+(?:\w+\s+){0,2}(?:agreements?|deal|accord|consensus)|concluded\s+(?:\w+\s+){0,2}"
        r"(?:agreements?|contracts?|deal)|adopted|inked|ratified",
        "visit": r"visit\w*|delegations?|arrived",
        "meeting": r"met|meet|meets|meetings?|talks|negotiat\w*|consultations?|discuss\w*|summit\w*"
        r"|phone\s+call|telephone\s+conversation",
        "proposal": r"propos\w*|suggest\w*|offered|expressed\s+(?:\w+\s+){0,3}(?:interest|readiness|"
        r"willingness|intention)|readiness|willingness|interested\s+in|called\s+for|initiative\w*",
        "project": r"launch\w*|opened|built|build(?:s|ing)?|construct\w*|commissioned"
        r"|plans?|planned|planning|establish\w*|set\s+up",
    },
}

# Before an agreement cue: a negation, a modal or a plan means nothing was signed yet.
_NOT_YET_BEFORE: dict[str, re.Pattern[str]] = {
    "ru": re.compile(
        r"(?:\b(?:не|ни)\s+(?:был[аои]?\s+)?|\b(?:может|могут|могли|смогут|сможет|бы|возможно|планиру\w*"
        r"|намерен\w*|предполага\w*|ожида\w*|готов\w*|будет|будут|долж\w*|предлож\w*|рассчитыва\w*)\s+"
        r"(?:\w+\s+){0,2})$",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:not|never|no|didn't|did\s+not|failed\s+to|refused\s+to|could|can|may|might|would|will|shall"
        r"|should|expected\s+to|plans?\s+to|planned\s+to|intends?\s+to|intended\s+to|hopes?\s+to|ready\s+to"
        r"|to|proposed)\s+(?:\w+\s+){0,2}$",
        re.IGNORECASE,
    ),
    "kk": re.compile(r"(?!)"),
}
# Kazakh marks negation and intention on the verb and after it: қол қойылмады, қол қоюы мүмкін.
_KK_NOT_YET_CUE = re.compile(r"қой(?:ыл)?ма\w*|қояды|қоймақ\w*|қой(?:ыл)?атын|келіспе\w*", re.IGNORECASE)
_KK_NOT_YET_AFTER = re.compile(
    r"\W*(?:\w+\s+){0,2}?(?:мүмкін|жоспарла\w*|ниет\w*|дайын\w*|тиіс|керек|жоқ|емес)\b", re.IGNORECASE
)
_KZ_OFFICIAL = re.compile(r"\b(?:аким\w*|әкім\w*|akim\w*)\b", re.IGNORECASE)


def _compile(cues: dict[str, str]) -> dict[str, re.Pattern[str]]:
    """One pattern per event type, matching whole words only."""
    return {kind: re.compile(rf"(?<!{_W})(?:{rx})(?!{_W})", re.IGNORECASE) for kind, rx in cues.items()}


_PATTERNS = {lang: _compile(cues) for lang, cues in CUES.items()}


def _agreement_is_real(text: str, m: re.Match[str], lang: str, sentence_start: int) -> bool:
    """An agreement cue counts unless it is negated or only possible, planned or proposed."""
    before = text[max(sentence_start, m.start() - 60) : m.start()]
    if _NOT_YET_BEFORE.get(lang, _NOT_YET_BEFORE["en"]).search(before):
        return False
    if lang == "kk":
        if _KK_NOT_YET_CUE.search(m.group()):
            return False
        if _KK_NOT_YET_AFTER.match(text, m.end(), min(len(text), m.end() + 40)):
            return False
    return True


def event_type(text: str, start: int, end: int, lang: str) -> str | None:
    """The strongest event type that the sentence text[start:end] reports, or None."""
    langs = [lang] if lang in _PATTERNS else list(_PATTERNS)
    found = set()
    for code in langs:
        for kind, pattern in _PATTERNS[code].items():
            for m in pattern.finditer(text, start, end):
                if kind != "agreement" or _agreement_is_real(text, m, code, start):
                    found.add(kind)
                    break
    return next((kind for kind in EVENT_TYPES if kind in found), None)


@dataclass(slots=True)
class _Sentence:
    """A body sentence with what the event and partner rules need."""

    start: int
    end: int
    sectors: list[str]
    countries: set[str]
    participants: list[str]
    kind: str | None
    cue: bool
    lead: bool


def _sentences(doc: Document) -> list[_Sentence]:
    """Body sentences with their event type, countries, participants and sectors."""
    lead_end = _lead_end(doc)
    out = []
    for start, end, sectors in sector_sentences(doc):
        countries: set[str] = set()
        participants: list[str] = []
        for ent in doc.entities:
            if not any(start <= m.start and m.end <= end for m in ent.mentions):
                continue
            if ent.country:
                countries.add(ent.country)
            if ent.type in ("PER", "ORG"):
                participants.append(ent.id)
        if _KZ_OFFICIAL.search(doc.text, start, end):
            countries.add(HOST)
        kind = event_type(doc.text, start, end, doc.lang)
        cue = kind is not None or has_cue(doc.text, doc.lang, start, end)
        out.append(
            _Sentence(start, end, sectors, countries, sorted(set(participants)), kind, cue, start < lead_end)
        )
    return out


def _lead_end(doc: Document) -> int:
    """Where the title and the first body paragraph end: the part that names the article's subject."""
    segments = sorted(doc.body(), key=lambda s: s.start)
    titles = [s.end for s in segments if s.kind == "title"]
    bodies = [s.end for s in segments if s.kind == "body"]
    return max([*titles, *bodies[:1]], default=0)


def partner_pairs(doc: Document, sentences: list[_Sentence]) -> list[tuple[str, str]]:
    """Country pairs whose cooperation is the subject: the lead's sides and sides repeated beside cues."""
    known = set(doc.countries) | {c for s in sentences for c in s.countries}
    cue_counts: Counter[str] = Counter()
    lead_sides: set[str] = set()
    for s in sentences:
        if s.cue:
            cue_counts.update(s.countries)
            if s.lead:
                lead_sides |= s.countries
    if not cue_counts and len(doc.countries) == 2:
        return [(doc.countries[0], doc.countries[1])] if doc.countries[0] != doc.countries[1] else []
    host = HOST if HOST in known else None
    others = {c: n for c, n in cue_counts.items() if c != host}
    top = max(others.values(), default=0)
    partners = {c for c, n in others.items() if c in lead_sides or (n >= 2 and 2 * n >= top)}
    if not partners and others:
        partners = {c for c, n in others.items() if n == top}
    multilateral = any(s.lead and s.kind and len(s.countries) >= 3 for s in sentences)
    sides = partners | ({host} if host else set())
    if host and not multilateral:
        pairs = {tuple(sorted((host, c))) for c in partners}
    else:
        pairs = {tuple(sorted(p)) for p in combinations(sides, 2)}
    return sorted((a, b) for a, b in pairs)


class EventExtractor:
    """Stage: typed events with their sentence as evidence, and the partner pairs of the article."""

    assigns: ClassVar[tuple[str, ...]] = ("partners", "events")

    def __call__(self, doc: Document) -> Document:
        sentences = _sentences(doc)
        doc.events = [
            Event(
                type=s.kind,
                text=doc.text[s.start : s.end],
                start=s.start,
                end=s.end,
                date=doc.date,
                participants=s.participants,
                countries=sorted(s.countries),
                sectors=s.sectors,
            )
            for s in sentences
            if s.kind
        ]
        doc.partners = partner_pairs(doc, sentences)
        return doc
