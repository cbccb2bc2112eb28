"""Cleaning of plain-text scrapes: which lines are the article, its title, or the site around it."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import ClassVar, Literal
from urllib.parse import urlsplit

from babel.dates import get_day_names

from coopwatch.dates import find_dates
from coopwatch.model import Document, Segment

LineKind = Literal["title", "body", "boilerplate"]


@dataclass(slots=True)
class Line:
    """One non-empty line of the text, stripped, with its offsets."""

    start: int
    end: int
    text: str


_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_INK = re.compile(r"[^\s\u200b-\u200d\u2060\ufeff]")


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The non-empty lines of `text[start:end]`, each trimmed of surrounding (also zero-width) space."""
    out: list[Line] = []
    for m in _LINE.finditer(text, start, len(text) if end is None else end):
        inks = [i.start() for i in _INK.finditer(m.group())]
        if inks:
            a, b = m.start() + inks[0], m.start() + inks[-1] + 1
            out.append(Line(a, b, text[a:b]))
    return out


def _phrases(*words: str) -> re.Pattern[str]:
    """A whole line that is one of `words` (case-insensitive), maybe followed by `:`, `!` or `…`."""
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alts})\s*[:!.…»>]*", re.IGNORECASE)


# Site chrome that is a line by itself.
_NAV = _phrases(
    "back to top", "to top", "no menu items", "menu", "search", "home", "login", "log in", "sign in",
    "skip to content", "all news", "advertisement", "print", "share", "subscribe", "read more",
    "наверх", "меню", "поиск", "главная", "домой", "войти", "все новости", "реклама", "печать",
    "версия для печати", "поделиться", "подписаться", "подробнее", "нашли ошибку?", "загрузка",
    "жоғары", "мәзір", "іздеу", "басты бет", "басты", "кіру", "барлық жаңалықтар", "жарнама",
    "бөлісу", "жазылу", "толығырақ", "басып шығару",
    "facebook", "twitter", "telegram", "whatsapp", "instagram", "youtube", "vk", "вконтакте",
    "одноклассники", "tiktok", "linkedin", "x",
)  # fmt: skip
# Markers after which a page holds no more article: related news, feeds, comment forms, tags.
_END = _phrases(
    "похожие статьи", "похожие новости", "похожие материалы", "материалы по теме", "новости по теме",
    "другие новости", "лента новостей", "последние новости", "популярное", "самое читаемое",
    "рекомендуем", "вам может быть интересно", "оставьте ответ", "оставить ответ", "оставьте комментарий",
    "оставить комментарий", "добавить комментарий", "комментарии",
    "ұқсас жаңалықтар", "ұқсас мақалалар", "соңғы жаңалықтар", "жаңалықтар таспасы", "тақырып бойынша",
    "тақырыпқа қатысты", "көп оқылғандар", "пікір қалдыру", "пікір қалдырыңыз", "пікірлер", "пікір жазу",
    "related news", "related articles", "related posts", "related stories", "latest news", "more news",
    "more stories", "most read", "most popular", "you may also like", "leave a reply", "leave a comment",
    "comments", "post a comment",
)  # fmt: skip
# Markers of a link inside the article ("read also"): the article may go on after its headline.
_SEE_ALSO = re.compile(
    r"(?:читайте также|читайте нас|смотрите также|см\. также|тағы оқыңыз|оқи отырыңыз|сондай-ақ оқыңыз|"
    r"read also|also read|see also|read more)\s*[:!.…]*",
    re.IGNORECASE,
)
_TAGS = re.compile(r"(?:теги|метки|тегтер|тэги|tags|keywords|ключевые слова|кілт сөздер)\s*:", re.IGNORECASE)
_COMMENT_FORM = re.compile(
    r"введите ваш комментарий|введите ваше имя|your email address will not be published|"
    r"save my name, email|пікіріңізді жазыңыз|атыңызды енгізіңіз",
    re.IGNORECASE,
)
# Photo credits: "Фото gov.kz", "Фото: пресс-центр", "Photo credit: ...", "Images | Akorda", "Суреттер ...".
_CREDIT = re.compile(
    r"(?:фото|фотография|фотосурет|сурет|суреттер|видео|коллаж|иллюстративное фото|photo|photos|photo credit|"
    r"image|images|picture|video|collage|illustrative photo|foto|sýret|suret|©)"
    r"(?:\s*[:|©/—–-]|\s+(?:с\s|из\s|от\s|пресс|press|by\s|courtesy|from\s|автор|author|баспасөз|ашық)"
    r"|\s+\S+\.(?:kz|ru|com|org|gov|net|info|uz|kg)\b|\s+\S+(?:ның|нің|дың|дің|тың|тің|dan|den|tan|ten)\b"
    r"|\s*$)",
    re.IGNORECASE,
)
_WEATHER = re.compile(
    r"[+\-−]?\d{1,2}\s*°?\s*[CСF]?|.{0,30}[+\-−]?\d{1,2}\s*°\s*[CСF]?.{0,30}", re.IGNORECASE
)
_WEEKDAYS = sorted(
    {
        name.casefold()
        for loc in ("kk", "ru", "en")
        for ctx in ("format", "stand-alone")
        for name in get_day_names("wide", ctx, loc).values()
    },
    key=len,
    reverse=True,
)
_WEEKDAY = re.compile(rf"(?<!\w)(?:{'|'.join(_WEEKDAYS)})(?!\w)", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|all rights reserved|все права защищены|барлық құқықтар қорғалған", re.IGNORECASE
)
_CRUMB_SEP = r"(?:\s+[|›»>•·/→]\s+|[|›/→])"  # a bare » is a closing quote, not a separator
_BREADCRUMB = re.compile(rf"[^|›»>•·/→]{{1,40}}(?:{_CRUMB_SEP}[^|›»>•·/→]{{1,40}}){{2,}}")
_GLUED = re.compile(r"\S*(?:[a-zа-яёәғқңөұүһі][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\S*){3,}")  # ДомойНовостиПолитикаМир
_URL = re.compile(r"(?:https?://|www\.)\S+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?…»\"”)]\s*$")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def is_prose(text: str) -> bool:
    """A line that reads as article prose: a sentence of some length, or a long paragraph."""
    return len(text) >= 120 or (_words(text) >= 5 and bool(_SENTENCE_END.search(text)))


def _is_date_line(text: str) -> bool:
    """A byline such as `10.10.2025, 14:30` or `Published: October 10, 2025` (no weekday banner)."""
    return len(text) <= 80 and not _WEEKDAY.search(text) and bool(find_dates(text))


def is_noise(text: str) -> bool:
    """Site chrome recognisable from the line alone: menus, banners, weather, credits, social buttons."""
    short = len(text) <= 100
    return bool(
        _NAV.fullmatch(text)
        or _COMMENT_FORM.search(text)
        or (short and _CREDIT.match(text))
        or (short and _WEATHER.fullmatch(text) and not is_prose(text))
        or (short and _COPYRIGHT.search(text))
        or _URL.fullmatch(text)
        or (_words(text) <= 6 and _WEEKDAY.search(text) and re.search(r"\d", text) and not is_prose(text))
        or (short and _BREADCRUMB.fullmatch(text) and not _SENTENCE_END.search(text))
    )


def _is_headline(text: str) -> bool:
    """A line that can be the article's title: a few words, no menu glue, no list of links."""
    return (
        3 <= _words(text) <= 30
        and len(text) <= 250
        and not text.endswith(":")
        and not _GLUED.search(text)
        and not _BREADCRUMB.fullmatch(text)
    )


def _key(text: str) -> str:
    """A line's identity across pages: case, digits and spacing do not matter."""
    return re.sub(r"\s+", " ", re.sub(r"\d", "0", text.casefold())).strip(" .,:;!?-–—|")


def _site(doc: Document) -> str:
    """Which site a document comes from: its URL's host, else the folder it was read from."""
    if doc.url:
        host = urlsplit(doc.url).hostname or ""
        return host.removeprefix("www.")
    return str(PurePath(doc.source.split(":")[0]).parent) if doc.source else ""


def _article_lines(doc: Document) -> list[Line]:
    """The lines of `doc.text` outside its header segments."""
    lines: list[Line] = []
    pos = 0
    for seg in sorted((s for s in doc.segments if s.kind == "header"), key=lambda s: s.start):
        lines += split_lines(doc.text, pos, seg.start)
        pos = max(pos, seg.end)
    return lines + split_lines(doc.text, pos)


@dataclass(slots=True)
class SiteRepeats:
    """Lines that recur on many pages of one site in a batch (menus, footers), learnt from the batch."""

    min_docs: int = 3  # a line must be seen in at least this many documents of the site
    min_share: float = 0.3  # ...and in at least this share of them
    _seen: dict[str, Counter[str]] = field(init=False, default_factory=lambda: defaultdict(Counter))
    _docs: Counter[str] = field(init=False, default_factory=Counter)

    def learn(self, docs: Iterable[Document]) -> SiteRepeats:
        """Count every line of every document (once per document), per site."""
        for doc in docs:
            site = _site(doc)
            self._docs[site] += 1
            self._seen[site].update({_key(line.text) for line in _article_lines(doc)})
        return self

    def is_repeat(self, doc: Document, text: str) -> bool:
        """Whether `text` is a line that the site of `doc` repeats across its pages."""
        site = _site(doc)
        seen = self._seen.get(site, Counter())[_key(text)]
        return seen >= self.min_docs and seen >= self.min_share * self._docs[site]


@dataclass(slots=True)
class Cleaner:
    """Splits a plain-text scrape into title, body and boilerplate lines; HTML segmentation is kept."""

    assigns: ClassVar[tuple[str, ...]] = ("segments", "title")
    repeats: SiteRepeats | None = None

    def learn(self, docs: Sequence[Document]) -> None:
        """Learn the lines each site repeats across the batch's pages, before any page is cleaned."""
        self.repeats = SiteRepeats().learn(docs)

    def __call__(self, doc: Document) -> Document:
        if not any(s.kind != "header" for s in doc.segments):
            lines = _article_lines(doc)
            kinds = self.classify(doc, lines)
            segments = [s for s in doc.segments if s.kind == "header"]
            segments += [Segment(line.start, line.end, kind) for line, kind in zip(lines, kinds, strict=True)]
            doc.segments = sorted(segments, key=lambda s: s.start)
        if doc.title is None:
            title = next((s for s in doc.segments if s.kind == "title"), None)
            if title:
                doc.title = doc.text[title.start : title.end]
        return doc

    def classify(self, doc: Document, lines: list[Line]) -> list[LineKind]:
        """The kind of each line: chrome and feeds are boilerplate, the rest is title and body."""
        noise = [is_noise(line.text) for line in lines]
        if self.repeats is not None:
            _mark_repeats(self.repeats, doc, lines, noise)
        start = next(
            (
                i
                for i, line in enumerate(lines)
                if not noise[i] and is_prose(line.text) and not _ELLIPSIS.search(line.text)
            ),
            None,
        )
        kinds: list[LineKind] = ["boilerplate" if n else "body" for n in noise]
        if start is None:
            return kinds  # no article prose to anchor on: keep every line that is not chrome
        kinds[:start] = self._lead(lines[:start], noise[:start])
        self._mark_tail(lines, kinds, start)
        return kinds

    @staticmethod
    def _lead(lines: list[Line], noise: list[bool]) -> list[LineKind]:
        """Lines before the first paragraph are chrome, except the headline and a byline date next to it."""
        kinds: list[LineKind] = ["boilerplate"] * len(lines)
        titled = False
        for i in range(len(lines) - 1, -1, -1):
            if noise[i]:
                continue
            text = lines[i].text
            if _is_date_line(text):
                kinds[i] = "body"
            elif not titled and _is_headline(text) and not _inside_chrome(text, lines[:i]):
                kinds[i] = "title"
                titled = True
            else:
                break
        return kinds

    @staticmethod
    def _mark_tail(lines: list[Line], kinds: list[LineKind], start: int) -> None:
        """From an end marker on, all is chrome; a "read also" link is chrome up to the next paragraph."""
        i = start + 1
        while i < len(lines):
            text = lines[i].text
            if _END.fullmatch(text) or _TAGS.match(text):
                kinds[i:] = ["boilerplate"] * (len(lines) - i)
                return
            see_also = _SEE_ALSO.match(text)
            if see_also and see_also.end() == len(text):
                j = i + 1
                while j < len(lines) and not (
                    is_prose(lines[j].text) and not _ELLIPSIS.search(lines[j].text)
                ):
                    j += 1
                kinds[i:j] = ["boilerplate"] * (j - i)
                i = j
                continue
            if see_also and (":" in see_also.group() or not _SENTENCE_END.search(text)):
                kinds[i] = "boilerplate"  # "Читайте также: <headline>" on one line, not a sentence
            i += 1


def _mark_repeats(repeats: SiteRepeats, doc: Document, lines: list[Line], noise: list[bool]) -> None:
    """Repeated lines are chrome, unless marking them would leave no prose (the same story reposted)."""
    repeated = [repeats.is_repeat(doc, line.text) for line in lines]
    prose_left = any(is_prose(line.text) and not r for line, r in zip(lines, repeated, strict=True))
    for i, line in enumerate(lines):
        if repeated[i] and (prose_left or not is_prose(line.text)):
            noise[i] = True


def _inside_chrome(text: str, before: list[Line]) -> bool:
    """A section name repeated from a breadcrumb above (`ДомойНовостиПолитикаМеждународный вектор`)."""
    if _words(text) > 3:
        return False
    return any(text in line.text and line.text != text for line in before)
