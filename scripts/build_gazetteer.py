"""Generate coopwatch/data/gazetteer/countries.jsonl from CLDR (Babel) and ISO 3166 (pycountry).

Run after upgrading Babel or pycountry:  python scripts/build_gazetteer.py
Hand-made additions (short forms, adjectives, peoples) live in countries_extra.jsonl and are merged
with these records by id when the gazetteer loads.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parents[1] / "coopwatch" / "data" / "gazetteer" / "countries.jsonl"
# Country names that are also common words of the language, too risky to match in running text.
AMBIGUOUS = {"ru": {"Того"}, "en": set(), "kk": set()}


def clean(name: str) -> str:
    """'Гонконг (САР)' -> 'Гонконг'; 'Hong Kong SAR China' -> 'Hong Kong'."""
    name = re.sub(r"\s*\(.*?\)", "", name)
    name = re.sub(r"^the\s+", "", name)
    name = re.sub(r"\s+SAR China$", "", name)
    return name.strip()


def record(code: str, locales: dict[str, Locale]) -> dict[str, object]:
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
    return {
        "id": f"country:{code}",
        "type": "GPE",
        "name": clean(locales["en"].territories[code]),
        "country": code,
        "aliases": aliases,
    }


def main() -> None:
    locales = {lang: Locale(lang) for lang in ("en", "ru", "kk")}
    codes = sorted(c.alpha_2 for c in pycountry.countries)
    with OUT.open("w", encoding="utf-8") as f:
        for code in codes:
            f.write(json.dumps(record(code, locales), ensure_ascii=False) + "\n")
    print(f"{len(codes)} countries -> {OUT}")


if __name__ == "__main__":
    main()
