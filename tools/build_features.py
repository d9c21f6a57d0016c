#!/usr/bin/python3
"""Border features: check the authored geodata/features.tsv and derive
geodata/ne_features.tsv from Natural Earth's named physical points and marine
areas.

usage: build_features.py NATURALEARTH_DIR GEODATA_DIR [--drop] [--link]

Every feature must lie where its row says (see check()): inside its country
or within LAND_KM of it (passes and crossings sit on the border line), or,
for islands and sea features, within SEA_KM of its country or of its
dispute's polygon. A failing row is an error; --drop removes failing rows
from features.tsv instead (used while authoring: a wrong point is dropped
or fixed, never let through by loosening the distances).
Rows with no dispute that lie in a registry polygon are listed; --link
writes that dispute id into them (the registry grew after they were written).
"""
import json
import math
import os
import sys

from osgeo import ogr, osr

LAND_KM = 15.0   # land features: passes, crossings and posts lie on the line
SEA_KM = 150.0   # islands, reefs, banks, straits: offshore from their country
ISLAND_KM = 2.0  # an island far offshore: on a land polygon of land.shp ...
ISLAND_FAR_KM = 600.0  # ... and this near its country (Pratas, Matsu, Okinotorishima)
LINK_KM = 3.0  # an island or reef this near a registry polygon belongs to its dispute (discs, 10m outlines)
ISLAND_KINDS = {"island", "islet", "cay", "rock", "atoll", "archipelago"}
SEA_KINDS = {"island", "islet", "cay", "reef", "shoal", "bank", "atoll", "rock", "strait", "sea", "bay",
             "gulf", "channel", "sound", "lagoon", "fjord", "inlet", "archipelago"}
KINDS = SEA_KINDS | {"glacier", "pass", "valley", "river", "lake", "peak", "mountain", "temple", "monument",
                     "base", "post", "crossing", "village", "plateau", "corridor", "region", "cape", "peninsula",
                     "dam", "bridge", "plain", "waterfall", "site", "desert", "canal", "spit", "enclave", "camp"}
COLUMNS = ["id", "kind", "lat", "lon", "country", "dispute", "name", "aliases"]


def wgs84():
    s = osr.SpatialReference()
    s.ImportFromEPSG(4326)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


class Layers:
    """Country and dispute polygons, with a distance in km from a point."""

    def __init__(self, geodata):
        self.countries = {}
        ds = ogr.Open(os.path.join(geodata, "countries.shp"))  # kept open while its layer is read
        for f in ds.GetLayer():
            self.countries[f.GetField("iso_a3")] = f.GetGeometryRef().Clone()
        self.disputes = {}
        path = os.path.join(geodata, "disputes.shp")
        if os.path.exists(path):
            ds = ogr.Open(path)
            for f in ds.GetLayer():
                self.disputes[f.GetField("id")] = f.GetGeometryRef().Clone()
        ds = ogr.Open(os.path.join(geodata, "land.shp"))
        self.land = [f.GetGeometryRef().Clone() for f in ds.GetLayer()]
        self.src = wgs84()
        # Distances are measured to outlines simplified to 0.005 degrees
        # (about 500 m), far below the limits; containment uses the exact ones.
        self.simple = {}

    def on_land(self, lon, lat, km):
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(lon, lat)
        d = km / 111.0 / max(math.cos(math.radians(lat)), 0.1)
        for g in self.land:
            env = g.GetEnvelope()
            if env[0] - d <= lon <= env[1] + d and env[2] - d <= lat <= env[3] + d and self.km(g, lon, lat) <= km:
                return True
        return False

    def km(self, geom, lon, lat):
        """Distance in km from (lon, lat) to geom, 0 inside; in an azimuthal
        equidistant projection centred on the point, over the part of geom
        within 6 degrees of it."""
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(lon, lat)
        if geom.Contains(pt):
            return 0.0
        box = ogr.CreateGeometryFromWkt(
            "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))" % (
                lon - 8, max(lat - 6, -90), lon + 8, max(lat - 6, -90), lon + 8, min(lat + 6, 90),
                lon - 8, min(lat + 6, 90), lon - 8, max(lat - 6, -90)))
        key = id(geom)
        if key not in self.simple:
            self.simple[key] = (geom, geom.SimplifyPreserveTopology(0.005))
        near = self.simple[key][1].Intersection(box)
        if near is None or near.IsEmpty():
            return math.inf
        dst = osr.SpatialReference()
        dst.ImportFromProj4("+proj=aeqd +lat_0=%f +lon_0=%f +datum=WGS84 +units=m" % (lat, lon))
        dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        near = near.Clone()
        near.AssignSpatialReference(self.src)
        near.TransformTo(dst)
        origin = ogr.Geometry(ogr.wkbPoint)
        origin.AddPoint_2D(0, 0)
        return near.Distance(origin) / 1000.0


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            cols += [""] * (len(COLUMNS) - len(cols))
            row = dict(zip(COLUMNS, cols))
            row["line"] = n
            rows.append(row)
    return rows


def check(row, layers):
    """None when the row is right, else why not."""
    if row["kind"] not in KINDS:
        return "unknown kind %r" % row["kind"]
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        return "bad coordinates"
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return "coordinates out of range"
    limit = SEA_KM if row["kind"] in SEA_KINDS else LAND_KM
    country = layers.countries.get(row["country"])
    if country is None:
        return "unknown country %r" % row["country"]
    d_country = layers.km(country, lon, lat)
    if d_country <= limit:
        return None
    if row["kind"] in ISLAND_KINDS and d_country <= ISLAND_FAR_KM and layers.on_land(lon, lat, ISLAND_KM):
        return None
    if row["dispute"]:
        poly = layers.disputes.get(row["dispute"])
        if poly is None:
            return "unknown dispute %r" % row["dispute"]
        d_dispute = layers.km(poly, lon, lat)
        if d_dispute <= limit:
            return None
        return "%.0f km from %s and %.0f km from dispute %s (limit %.0f)" % (
            d_country, row["country"], d_dispute, row["dispute"], limit)
    return "%.0f km from %s (limit %.0f)" % (d_country, row["country"], limit)


def ne_features(ne_dir, taken):
    """Named capes, islands and other points, and the label points of named
    seas, straits, bays and channels, that the gazetteer does not have."""
    rows = []
    pts = json.load(open(os.path.join(ne_dir, "ne_10m_geography_regions_points.json"), encoding="utf-8"))
    kind_of = {"island": "island", "island group": "archipelago", "cape": "cape", "waterfall": "waterfall",
               "plain": "plain"}
    for f in pts["features"]:
        p = f["properties"]
        kind = kind_of.get(p.get("featurecla"))
        name = (p.get("name") or "").strip()
        if not kind or not name:
            continue
        lon, lat = f["geometry"]["coordinates"][:2]
        aliases = [a.strip() for a in (p.get("name_alt") or "").split("|") if a.strip()]
        rows.append({"kind": kind, "lat": lat, "lon": lon, "name": name, "aliases": aliases})
    marine = json.load(open(os.path.join(ne_dir, "ne_10m_geography_marine_polys.json"), encoding="utf-8"))
    kinds = {"sea": "sea", "gulf": "gulf", "bay": "bay", "strait": "strait", "sound": "sound",
             "channel": "channel", "lagoon": "lagoon", "fjord": "fjord", "inlet": "inlet", "reef": "reef"}
    by_name = {}
    for f in marine["features"]:
        p = f["properties"]
        kind = kinds.get(p.get("featurecla"))
        name = " ".join((p.get("name") or "").split())
        if not kind or not name or name.isupper():
            continue
        g = ogr.CreateGeometryFromJson(json.dumps(f["geometry"]))
        area = g.GetArea()
        # A name split over several polygons: the largest part's label point.
        if name in by_name and by_name[name][0] >= area:
            continue
        lp = g.PointOnSurface()
        aliases = [a.strip() for a in (p.get("namealt") or "").split("|") if a.strip() and a.strip() != name]
        if p.get("name_fr") and p["name_fr"] != name:
            aliases.append(p["name_fr"])
        by_name[name] = (area, {"kind": kind, "lat": lp.GetY(), "lon": lp.GetX(), "name": name,
                                "aliases": aliases})
    rows += [v[1] for _, v in sorted(by_name.items())]
    out, seen = [], set()
    for r in rows:
        key = r["name"].casefold()
        if key in taken or key in seen:
            continue
        seen.add(key)
        r["id"] = "ne-" + "".join(c if c.isalnum() else "-" for c in r["name"].casefold()).strip("-")
        out.append(r)
    return out


def unlinked(rows, layers):
    """Rows with no dispute whose point lies in a registry polygon (or, for
    islands and sea features, within LINK_KM of one): the registry grew after
    the features were written, so these are candidates to link. One
    (row, dispute id) per row, the nearest polygon."""
    found = []
    for r in rows:
        if r["dispute"]:
            continue
        lon, lat = float(r["lon"]), float(r["lat"])
        limit = LINK_KM if r["kind"] in SEA_KINDS or r["kind"] in ISLAND_KINDS else 0.0
        best = None
        for did, g in sorted(layers.disputes.items()):
            env = g.GetEnvelope()
            pad = 0.1
            if not (env[0] - pad <= lon <= env[1] + pad and env[2] - pad <= lat <= env[3] + pad):
                continue
            d = layers.km(g, lon, lat)
            if d > limit:
                continue
            if best is not None and d == best[1] == 0.0:
                best = (None, 0.0)  # inside two polygons (the South Pole's sectors): leave it
            elif best is None or d < best[1]:
                best = (did, d)
        # A river crosses many areas: linked only to the dispute that is the river.
        if best and best[0] and (r["kind"] not in ("river", "canal") or best[0] == r["id"]):
            found.append((r, best[0]))
    return found


def nearest_country(layers, lon, lat):
    best, code = math.inf, ""
    pt = ogr.Geometry(ogr.wkbPoint)
    pt.AddPoint_2D(lon, lat)
    for iso, g in sorted(layers.countries.items()):
        env = g.GetEnvelope()
        if not (env[0] - 10 <= lon <= env[1] + 10 and env[2] - 10 <= lat <= env[3] + 10):
            continue
        d = layers.km(g, lon, lat)
        if d < best:
            best, code = d, iso
    return code, best


def main():
    ne_dir, geodata = sys.argv[1], sys.argv[2]
    drop = "--drop" in sys.argv
    link = "--link" in sys.argv
    layers = Layers(geodata)
    path = os.path.join(geodata, "features.tsv")
    rows = read_tsv(path)
    bad, ids, names = {}, set(), {}
    for r in rows:
        why = check(r, layers)
        if r["id"] in ids:
            why = "duplicate id"
        ids.add(r["id"])
        if why:
            bad[r["line"]] = why
            print("features.tsv:%d: %s: %s" % (r["line"], r["id"], why), file=sys.stderr)
    if bad and drop:
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(l for n, l in enumerate(lines, 1) if n not in bad)
        print("dropped %d rows" % len(bad), file=sys.stderr)
    links = unlinked([r for r in rows if r["line"] not in bad], layers)
    for r, did in links:
        print("features.tsv:%d: %s: no dispute, lies in %s" % (r["line"], r["id"], did), file=sys.stderr)
    if links and link:
        by_line = {r["line"]: did for r, did in links}
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        for n, did in by_line.items():
            cols = lines[n - 1].rstrip("\n").split("\t")
            cols[COLUMNS.index("dispute")] = did
            lines[n - 1] = "\t".join(cols) + "\n"
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(lines)
        print("linked %d rows" % len(by_line), file=sys.stderr)
    # Names the authored file and regions.tsv already give.
    taken = set()
    for r in rows:
        if r["line"] in bad:
            continue
        taken.add(r["name"].casefold())
        taken.update(a.casefold() for a in r["aliases"].split("|") if a)
    with open(os.path.join(geodata, "regions.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 2:
                taken.add(cols[2].casefold())
                if len(cols) > 5:
                    taken.update(a.casefold() for a in cols[5].split("|") if a)
    derived = ne_features(sys.argv[1], taken)
    with open(os.path.join(geodata, "ne_features.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by tools/build_features.py from Natural Earth (see SOURCES.md); do not edit.\n")
        f.write("# " + "\t".join(COLUMNS) + "\n")
        for r in derived:
            country, d = nearest_country(layers, r["lon"], r["lat"])
            limit = SEA_KM if r["kind"] in SEA_KINDS else LAND_KM
            if d > limit:
                country = ""  # open sea, far from any one country
            f.write("\t".join([r["id"], r["kind"], "%.5f" % r["lat"], "%.5f" % r["lon"], country, "", r["name"],
                               "|".join(r["aliases"])]) + "\n")
    print("features.tsv: %d rows, %d failing; ne_features.tsv: %d rows" % (len(rows), len(bad), len(derived)))
    return 1 if bad and not drop else 0


if __name__ == "__main__":
    sys.exit(main())
