#!/usr/bin/python3
"""Build geodata/claim_lines.shp from the authored geodata/claim_lines.json.

Each entry is one maritime claim line: an id, the registry disputes it belongs
to, its claimants, the published document it comes from, whether its vertices
are approximate and to what tolerance (km). The script checks every entry
against the bundled layers before writing anything:

  - ids are unique, every dispute is in disputes.json, every claimant is a
    country of countries.shp;
  - every vertex is at sea: not inside a land.shp polygon by more than
    LAND_KM (the coastline is simplified to about 200 m);
  - a line of one maritime dispute lies within that dispute's polygon,
    widened by the line's tolerance; a line of several disputes crosses each
    of them that is a sea area;
  - the points an entry lists as "inside" or "outside" lie on that side of
    the line closed by a straight segment between its ends (a check of an
    approximate course against features the published maps place);

then writes a UTF-8 shapefile in id order with a fixed DBF date, so that two
runs give the same bytes:

    /usr/bin/python3 tools/build_claim_lines.py geodata
"""

import argparse
import json
import math
import os
import sys

from osgeo import ogr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_disputes import DIGITS, Writer  # noqa: E402  (one shapefile writer for the authored layers)

ogr.UseExceptions()

# How far inside a land polygon a vertex may lie and still count as at sea:
# the land layer is simplified to 0.002 degrees (about 200 m).
LAND_KM = 2.0
KM_PER_DEG = 111.32


def line_of(points):
    g = ogr.Geometry(ogr.wkbLineString)
    for x, y in points:
        g.AddPoint_2D(x, y)
    return g


def point(x, y):
    p = ogr.Geometry(ogr.wkbPoint)
    p.AddPoint_2D(x, y)
    return p


def km_to_deg(km, lat):
    """A distance in km as degrees of longitude at this latitude (the larger
    of the two degree sizes there, so a check in degrees is never tighter)."""
    return km / (KM_PER_DEG * max(math.cos(math.radians(lat)), 0.2))


def load_layer(path):
    ds = ogr.Open(path)
    return ds, ds.GetLayer()


def check(entries, geodata):
    """Every failure as one line; empty when the file is good."""
    errors = []
    registry = {d["id"]: d for d in json.load(open(os.path.join(geodata, "disputes.json"), encoding="utf-8"))}
    cds, countries = load_layer(os.path.join(geodata, "countries.shp"))
    isos = {f.GetField("iso_a3") for f in countries}
    lds, land = load_layer(os.path.join(geodata, "land.shp"))
    dds, disputes = load_layer(os.path.join(geodata, "disputes.shp"))
    polygons = {f.GetField("id"): f.GetGeometryRef().Clone() for f in disputes}
    seen = set()
    for e in entries:
        eid = e["id"]
        if eid in seen:
            errors.append("%s: id used twice" % eid)
        seen.add(eid)
        for key in ("name", "disputes", "claimants", "source", "approx", "tolerance_km", "method", "points"):
            if key not in e:
                errors.append("%s: no %s" % (eid, key))
        if e.get("approx") and not e.get("tolerance_km"):
            errors.append("%s: approximate without a tolerance" % eid)
        for d in e["disputes"]:
            if d not in registry:
                errors.append("%s: dispute %s is not in the registry" % (eid, d))
        for c in e["claimants"]:
            if c not in isos:
                errors.append("%s: claimant %s is not a country" % (eid, c))
        tol = e["tolerance_km"]
        for x, y in e["points"]:
            p = point(x, y)
            land.SetSpatialFilter(p)
            for f in land:
                g = f.GetGeometryRef()
                if g.Contains(p):
                    depth = g.Boundary().Distance(p) * KM_PER_DEG
                    if depth > LAND_KM:
                        errors.append("%s: vertex %.4f,%.4f is %.1f km inland" % (eid, x, y, depth))
            land.SetSpatialFilter(None)
        line = line_of(e["points"])
        seas = [d for d in e["disputes"] if registry.get(d, {}).get("kind") == "maritime" and d in polygons]
        if len(e["disputes"]) == 1 and seas:
            area = polygons[seas[0]]
            for x, y in e["points"]:
                off = area.Distance(point(x, y))
                if off > km_to_deg(tol, y):
                    errors.append("%s: vertex %.4f,%.4f lies %.0f km outside %s" % (eid, x, y, off * KM_PER_DEG,
                                                                                 seas[0]))
        else:
            for d in seas:
                if not line.Intersects(polygons[d]):
                    errors.append("%s: does not cross %s" % (eid, d))
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in e["points"] + [e["points"][0]]:
            ring.AddPoint_2D(x, y)
        closed = ogr.Geometry(ogr.wkbPolygon)
        closed.AddGeometry(ring)
        for side, want in (("inside", True), ("outside", False)):
            for x, y, what in e.get(side, []):
                if closed.Contains(point(x, y)) != want:
                    errors.append("%s: %s (%.2f,%.2f) should be %s the line" % (eid, what, x, y, side))
    return errors


def build(geodata):
    with open(os.path.join(geodata, "claim_lines.json"), encoding="utf-8") as f:
        entries = json.load(f)
    errors = check(entries, geodata)
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        return None
    w = Writer(geodata, "claim_lines", ogr.wkbLineString,
               [("id", ogr.OFTString, 24), ("name", ogr.OFTString, 60), ("disputes", ogr.OFTString, 120),
                ("claimants", ogr.OFTString, 24), ("approx", ogr.OFTInteger, 1), ("tol_km", ogr.OFTReal, 0)])
    for e in sorted(entries, key=lambda e: e["id"]):
        pts = [(round(x, DIGITS), round(y, DIGITS)) for x, y in e["points"]]
        w.add(line_of(pts), {"id": e["id"], "name": e["name"], "disputes": ",".join(e["disputes"]),
                             "claimants": ",".join(e["claimants"]), "approx": 1 if e["approx"] else 0,
                             "tol_km": float(e["tolerance_km"])})
    return w.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("geodata", help="the geodata/ folder (reads claim_lines.json and the layers, writes the shapefile)")
    n = build(ap.parse_args().geodata)
    if n is None:
        return 1
    print("claim_lines: %d" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
