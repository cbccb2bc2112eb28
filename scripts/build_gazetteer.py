"""Generate coopwatch/data/gazetteer/countries.jsonl from CLDR (Babel) and ISO 3166 (pycountry).

Run after upgrading Babel or pycountry:  python scripts/build_gazetteer.py
Hand-made additions (short forms, adjectives, peoples) live in countries_extra.jsonl and are merged
with these records by id when the gazetteer loads. Besides kk/ru/en, every record carries the CLDR
country names of the partner languages that language identification reports, so a text in any of
them still yields its countries. CLDR has no demonyms or country adjectives (only language names,
which are not the same thing: «Türkçe» is the language, not "Turkish" of a delegation), so Babel
gives none for those languages.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pycountry
from babel import Locale

from coopwatch.translit import name_key

OUT = Path(__file__).resolve().parents[1] / "coopwatch" / "data" / "gazetteer" / "countries.jsonl"
CORE = ("en", "ru", "kk")
# Partner languages, each with the CLDR locales (scripts) its names come from.
PARTNERS: dict[str, tuple[str, ...]] = {
    "fr": ("fr",), "de": ("de",), "it": ("it",), "es": ("es",), "tr": ("tr",), "uk": ("uk",),
    "zh": ("zh", "zh_Hant"), "ko": ("ko",), "ja": ("ja",), "ar": ("ar",), "fa": ("fa",), "mn": ("mn",),
    "az": ("az",), "uz": ("uz", "uz_Cyrl"), "ky": ("ky",),
}  # fmt: skip
CJK = frozenset({"zh", "ja", "ko"})
# Country names that are also common words of the language, too risky to match in running text.
AMBIGUOUS: dict[str, set[str]] = {
    "ru": {"Того"},
    "en": set(),
    "kk": set(),
    "uk": {"Того"},  # "of that"
    "fr": {"Maurice"},  # a first name
    "es": {"Granada", "Guadalupe", "Reunión"},  # a Spanish city, a first name, "meeting"
    "tr": {"Mali"},  # "financial"
    "az": {"Mali"},  # "financial"
    "ar": {"مالي", "عمان"},  # "financial"; Oman is also Amman
    "fa": {"مالی"},  # "financial"
    "zh": {"海地", "黑山"},  # inside 沿海地区 "coastal areas"; "black mountain" in place names
    # kana, "drying", "arrogance", "means", "blocking", "whether"
    "ko": {"가나", "말리", "오만", "수단", "저지", "건지"},
}
# CLDR's qualifiers of Hong Kong and Macao ("Гонконг, ОАР Китаю"): the part before the comma is the name.
_SAR = {"HK", "MO"}


def clean(name: str) -> str:
    """'Гонконг (САР)' -> 'Гонконг'; 'Hong Kong SAR China' -> 'Hong Kong'."""
    name = re.sub(r"\s*[(（].*?[)）]", "", name)
    name = re.sub(r"^the\s+", "", name)
    name = re.sub(r"\s+SAR China$", "", name)
    return name.strip()


def usable(name: str, lang: str) -> bool:
    """Whether a cleaned CLDR name can be matched: not empty, not a list, not a common word, CJK of 2+ chars."""
    if not name or "," in name or name in AMBIGUOUS.get(lang, ()):
        return False
    return not (lang in CJK and len(name) < 2)


def names_for(code: str, lang: str, locales: list[Locale]) -> list[str]:
    """One partner language's CLDR names of a country, in locale order, without repeats."""
    seen: list[str] = []
    for loc in locales:
        raw = loc.territories.get(code, "")
        if code in _SAR and "," in raw:
            raw = raw.split(",")[0]
        name = clean(raw)
        if usable(name, lang) and name not in seen:
            seen.append(name)
    return seen


def record(code: str, locales: dict[str, Locale], partners: dict[str, list[Locale]]) -> dict[str, Any]:
    country = pycountry.countries.get(alpha_2=code)
    aliases: dict[str, list[str]] = {}
    for lang, loc in locales.items():
        names = [loc.territories.get(code, "")]
        if lang == "en" and country is not None:
            names += [getattr(country, a, "") for a in ("name", "common_name", "official_name")]
        seen: list[str] = []
        for n in map(clean, names):
            if n and n not in seen and n not in AMBIGUOUS[lang] and "," not in n:
                seen.append(n)
        aliases[lang] = seen
    for lang, locs in partners.items():
        found = names_for(code, lang, locs)
        if found:
            aliases[lang] = found
    return {
        "id": f"country:{code}",
        "type": "GPE",
        "name": clean(locales["en"].territories[code]),
        "country": code,
        "aliases": aliases,
    }


def drop_clashes(records: list[dict[str, Any]]) -> None:
    """Drop partner names whose name key is another entity's: they would make `Gazetteer.lookup` ambiguous."""
    # az «Toqo» (Togo) folds to Tokyo's «Токио». Keys of kk/ru/en names and of the hand-made files win;
    # a key that two partner names share goes from both.
    core: dict[str, set[str]] = defaultdict(set)
    partner: dict[str, set[str]] = defaultdict(set)
    others = [json.loads(line) for p in sorted(OUT.parent.glob("*.jsonl")) if p != OUT for line in p.open()]
    for rec in others:
        for names in rec.get("aliases", {}).values():
            for n in names:
                core[name_key(n)].add(rec["id"])
    for rec in records:
        core[name_key(rec["name"])].add(rec["id"])
        for lang, names in rec["aliases"].items():
            for n in names:
                (partner if lang in PARTNERS else core)[name_key(n)].add(rec["id"])

    def own(name: str, rec_id: str) -> bool:
        key = name_key(name)
        if not key or core[key] == {rec_id}:
            return True
        return not core[key] and partner[key] == {rec_id}

    for rec in records:
        for lang in PARTNERS:
            kept = [n for n in rec["aliases"].get(lang, []) if own(n, rec["id"])]
            if kept:
                rec["aliases"][lang] = kept
            else:
                rec["aliases"].pop(lang, None)


def main() -> None:
    locales = {lang: Locale(lang) for lang in CORE}
    partners = {lang: [Locale.parse(loc) for loc in locs] for lang, locs in PARTNERS.items()}
    codes = sorted(c.alpha_2 for c in pycountry.countries)
    records = [record(code, locales, partners) for code in codes]
    drop_clashes(records)
    with OUT.open("w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(codes)} countries, {len(CORE) + len(PARTNERS)} languages -> {OUT}")


if __name__ == "__main__":
    main()
