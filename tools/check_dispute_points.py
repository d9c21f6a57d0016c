#!/usr/bin/python3
"""Check tests/data/dispute_points.tsv against geodata/disputes.shp.

Each row names a dispute, a point and whether the point lies inside (1) or
outside (0) the dispute's polygon. Prints the rows that disagree and exits 1
if any does (or if an id is unknown)."""
import os
import sys

from osgeo import ogr

here = os.path.dirname(os.path.abspath(__file__))
shp = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "geodata", "disputes.shp")
tsv = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "tests", "data", "dispute_points.tsv")
ds = ogr.Open(shp)
polys = {f.GetField("id"): f.GetGeometryRef().Clone() for f in ds.GetLayer(0)}
bad = n = 0
ids = set()
with open(tsv, encoding="utf-8") as fh:
    for line in fh:
        if line.startswith("#") or line.startswith("id\t") or not line.strip():
            continue
        did, lon, lat, inside, comment = line.rstrip("\n").split("\t")
        n += 1
        ids.add(did)
        g = polys.get(did)
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(float(lon), float(lat))
        got = None if g is None else int(g.Contains(p))
        if got != int(inside):
            bad += 1
            print("MISMATCH %s %s,%s expected %s got %s (%s)" % (did, lon, lat, inside, got, comment))
print("%d points, %d disputes, %d mismatches" % (n, len(ids), bad))
sys.exit(1 if bad else 0)
