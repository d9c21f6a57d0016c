#!/usr/bin/python3
"""Build geodata/disputes.shp from the authored registry geodata/disputes.json.

Each entry of the registry says how its polygon is made (its "polygon"
recipe); this script turns the recipes into polygons using only the bundled
base layers in geodata/ (admin1, countries, disputed_lines, boundaries,
rivers, lakes, land), checks every polygon (valid, non-empty, near the
territory of its parties) and writes a UTF-8 shapefile in a fixed order with
a fixed DBF date, so that two runs give the same bytes.

Recipes (keys of "polygon"; any recipe may also carry "clip": [W,S,E,N] and
"within": <recipe> to intersect the result with a box or another recipe):

  {"admin1": ["UA-43", "UA-40", "adm0:CYN"]}
      union of admin-1 units, by iso_3166_2 or by "adm0:<NE adm0_a3>".
  {"country": "XKX"}
      a country polygon, by ISO alpha-3 or alpha-2 (Natural Earth codes such
      as KOS, SAH, SDS, PSX are mapped to ISO, see NE_TO_ISO).
  {"lines": [<line filter>, ...], "closed_with": <recipe or null>,
   "keep": [[lon,lat], ...], "drop": [[lon,lat], ...], "keep_bbox": [W,S,E,N],
   "extend": 0.03, "min_area": 1e-5}
      the faces made by polygonizing the lines together with the outline of
      the closing polygon (or the lines alone when closed_with is null).
      Faces outside the closing polygon are ignored. With "keep", the faces
      holding one of the points (or lying in keep_bbox) are taken; otherwise
      every face except those holding a "drop" point. Line ends are extended
      by "extend" degrees (after joining ends closer than "snap" degrees to
      each other, if given) so that lines from another source than the closing
      polygon still cross its outline. Faces smaller than min_area
      (square degrees) are slivers and are dropped.
      A line filter is {"layer": "disputed_lines"|"boundaries"|"rivers",
      "name": ..., "kind"/"class": ..., "adm0": ..., "bbox": [W,S,E,N]}
      (all given keys must match; bbox: the feature's envelope must
      intersect it) or {"coords": [[lon,lat], ...]} for an authored line.
  {"islands": {"bbox": [W,S,E,N], "country": "RUS"}}
      whole land polygons whose interior point lies in the box (and, if
      given, within 0.05 degrees of the country polygon).
  {"circle": {"center": [lon,lat], "radius_km": 10}}
      a disc (64-gon) for features too small for the land layer.
  {"points": [[lon,lat], ...]}
      an authored ring of a few vertices (last resort; documented as an
      approximation in the registry's "approx" field).
  {"buffer": {"lines": [<line filter>, ...], "km": 4}}
      a corridor around lines (a channel whose course is the dispute).
  {"lake_side": {"at": [lon,lat], "side": "east", "lat_range": [S,N]}}
      the half of the lake holding the point that lies on one side of its
      east-west median, in rows of 0.02 degrees (the lakes layer has no names).
  {"lake": {"at": [lon,lat]}}
      the whole lake (lakes layer) that holds the point.
  {"ne": {"layer": "admin_0_disputed_areas", "BRK_A3": "B80", ...}}
      the union of the features of a Natural Earth 10m layer in
      ../shared/naturalearth (ne_10m_<layer>.json; see --naturalearth) whose
      properties equal every other key given: Natural Earth's own disputed
      areas, the Antarctic claims, the named seas of geography_marine_polys.
  {"union": [<recipe>, ...]}, {"difference": [<recipe>, <recipe>]},
  {"intersection": [<recipe>, <recipe>]}, {"ref": "<dispute id>"}

Every entry has a "kind" (land / island / maritime / sector) and, when the
dispute was settled, "settled": {"year": 2008, "how": "court ruling"} (how:
treaty / court ruling / arbitration).
"""
import argparse
import json
import math
import os
import sys

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

FIXED_DATE = "2000-01-01"
DIGITS = 5
# Natural Earth adm0_a3 codes that are not ISO 3166-1 alpha-3, and the code
# the registry (and countries.shp, once rebuilt) uses instead.
NE_TO_ISO = {"KOS": "XKX", "SAH": "ESH", "SDS": "SSD", "PSX": "PSE",
             "ROU": "ROU", "SOL": "SOL", "CYN": "CYN", "KAS": "KAS"}
STATUSES = {"annexed", "occupied", "breakaway", "claimed", "administered"}
KINDS = {"land", "island", "maritime", "sector"}
SETTLED_HOW = {"treaty", "court ruling", "arbitration"}
# Natural Earth 10m layers that no registry package ships (shared folder,
# read-only; their sha256 are in geodata/SOURCES.md).
NE_FILES = ("admin_0_disputed_areas", "admin_0_antarctic_claims", "geography_marine_polys")
# How far (degrees) the interior point of a dispute may lie from the
# territory of its parties; maritime entries carry their own "near_deg".
NEAR_DEG = 0.1


def equivalent(code):
    """A code with its Natural Earth / ISO counterparts."""
    want = {code, NE_TO_ISO.get(code, code)}
    want |= {k for k, v in NE_TO_ISO.items() if v == code}
    return want


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
        for fname, ftype, width in fields:
            fd = ogr.FieldDefn(fname, ftype)
            if width:
                fd.SetWidth(width)
            if ftype == ogr.OFTReal:
                fd.SetWidth(12)
                fd.SetPrecision(6)
            self.layer.CreateField(fd)
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


# ---------------------------------------------------------------- geometry

def box(b):
    w, s, e, n = b
    r = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((w, s), (e, s), (e, n), (w, n), (w, s)):
        r.AddPoint_2D(x, y)
    p = ogr.Geometry(ogr.wkbPolygon)
    p.AddGeometry(r)
    return p


def point(x, y):
    p = ogr.Geometry(ogr.wkbPoint)
    p.AddPoint_2D(x, y)
    return p


def polygonal(g):
    """The polygonal part of g as a MultiPolygon (MakeValid may return
    collections with stray lines and points)."""
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    if g is None or g.IsEmpty():
        return out
    t = ogr.GT_Flatten(g.GetGeometryType())
    if t == ogr.wkbPolygon:
        out.AddGeometry(g)
    elif t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(g.GetGeometryCount()):
            part = polygonal(g.GetGeometryRef(i))
            for j in range(part.GetGeometryCount()):
                out.AddGeometry(part.GetGeometryRef(j))
    return out


def valid(g):
    if not g.IsValid():
        g = g.MakeValid()
    return polygonal(g)


def union_all(geoms):
    mp = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geoms:
        g = polygonal(g)
        for i in range(g.GetGeometryCount()):
            mp.AddGeometry(g.GetGeometryRef(i))
    if mp.IsEmpty():
        return mp
    return valid(mp.UnionCascaded())


def round_ring(ring):
    pts = []
    for i in range(ring.GetPointCount()):
        x, y = round(ring.GetX(i), DIGITS), round(ring.GetY(i), DIGITS)
        if not pts or pts[-1] != (x, y):
            pts.append((x, y))
    if len(pts) < 4:
        return None
    r = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in pts:
        r.AddPoint_2D(x, y)
    return r


def round_geom(g):
    """Coordinates rounded to 1e-5 degrees (about 1 m), repeated points and
    collapsed rings removed."""
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    for i in range(g.GetGeometryCount()):
        poly = g.GetGeometryRef(i)
        p = ogr.Geometry(ogr.wkbPolygon)
        for j in range(poly.GetGeometryCount()):
            r = round_ring(poly.GetGeometryRef(j))
            if r is None:
                if j == 0:
                    break
                continue
            p.AddGeometry(r)
        if p.GetGeometryCount():
            out.AddGeometry(p)
    return out


def finish(g):
    """Round, repair, and round again until stable and valid."""
    g = round_geom(valid(g))
    for _ in range(4):
        if g.IsValid():
            break
        g = round_geom(valid(g))
    # Parts in a fixed order (by envelope) so the bytes do not depend on the
    # order GEOS returns them in.
    parts = [g.GetGeometryRef(i).Clone() for i in range(g.GetGeometryCount())]
    parts.sort(key=lambda p: (p.GetEnvelope(), p.ExportToIsoWkt()))
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    for p in parts:
        out.AddGeometry(p)
    return out


def extend_line(line, d):
    """A copy of a LineString with both end segments lengthened by d degrees."""
    n = line.GetPointCount()
    pts = [(line.GetX(i), line.GetY(i)) for i in range(n)]
    if n < 2 or d <= 0:
        return line.Clone()

    def ext(a, b):  # move b away from a by d
        dx, dy = b[0] - a[0], b[1] - a[1]
        L = math.hypot(dx, dy)
        if L == 0:
            return b
        return (b[0] + dx / L * d, b[1] + dy / L * d)

    pts[0] = ext(pts[1], pts[0])
    pts[-1] = ext(pts[-2], pts[-1])
    out = ogr.Geometry(ogr.wkbLineString)
    for x, y in pts:
        out.AddPoint_2D(x, y)
    return out


def nearest_on_outline(poly, x, y):
    """The point of the polygon's outline nearest to (x, y), and its distance."""
    best = (float("inf"), x, y)
    for i in range(poly.GetGeometryCount()):
        p = poly.GetGeometryRef(i)
        for j in range(p.GetGeometryCount()):
            r = p.GetGeometryRef(j)
            pts = r.GetPoints()
            for (ax, ay), (bx, by) in zip(pts, pts[1:]):
                dx, dy = bx - ax, by - ay
                L2 = dx * dx + dy * dy
                t = 0.0 if L2 == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / L2))
                qx, qy = ax + t * dx, ay + t * dy
                d = math.hypot(qx - x, qy - y)
                if d < best[0]:
                    best = (d, qx, qy)
    return best


def reach_outline(line, poly, reach):
    """Make a line that ends inside the polygon, within reach degrees of its
    outline, cross the outline: the end is carried to the nearest outline
    point and 0.001 degrees beyond it. Lines from another source than the
    polygon often stop a few metres short of it, or run along it at the end,
    where lengthening the last segment would never cross."""
    pts = list(line.GetPoints())
    pts = [(p[0], p[1]) for p in pts]
    for idx in (0, -1):
        x, y = pts[idx]
        if not poly.Contains(point(x, y)):
            continue
        d, qx, qy = nearest_on_outline(poly, x, y)
        if d > reach:
            continue
        if d > 1e-12:
            ux, uy = (qx - x) / d, (qy - y) / d
        else:  # on the outline: go on in the line's own direction
            ox, oy = pts[1] if idx == 0 else pts[-2]
            L = math.hypot(x - ox, y - oy) or 1.0
            ux, uy = (x - ox) / L, (y - oy) / L
        extra = [(qx, qy), (qx + ux * 0.001, qy + uy * 0.001)]
        if idx == 0:
            pts = extra[::-1] + pts
        else:
            pts = pts + extra
    out = ogr.Geometry(ogr.wkbLineString)
    for x, y in pts:
        out.AddPoint_2D(x, y)
    return out


def snap_ends(lines, tol):
    """Join line ends that lie within tol degrees of each other (pieces of
    one outline digitised separately do not always meet exactly)."""
    ends = []
    for ls in lines:
        n = ls.GetPointCount()
        ends.append((ls.GetX(0), ls.GetY(0)))
        ends.append((ls.GetX(n - 1), ls.GetY(n - 1)))
    rep = {}
    for e in sorted(ends):
        if e in rep:
            continue
        rep[e] = e
        for o in sorted(ends):
            if o not in rep and math.hypot(o[0] - e[0], o[1] - e[1]) <= tol:
                rep[o] = e
    out = []
    for ls in lines:
        n = ls.GetPointCount()
        c = ls.Clone()
        x, y = rep[(ls.GetX(0), ls.GetY(0))]
        c.SetPoint_2D(0, x, y)
        x, y = rep[(ls.GetX(n - 1), ls.GetY(n - 1))]
        c.SetPoint_2D(n - 1, x, y)
        out.append(c)
    return out


def linestrings(g):
    t = ogr.GT_Flatten(g.GetGeometryType())
    if t == ogr.wkbLineString:
        return [g]
    if t in (ogr.wkbMultiLineString, ogr.wkbGeometryCollection):
        out = []
        for i in range(g.GetGeometryCount()):
            out += linestrings(g.GetGeometryRef(i))
        return out
    if t in (ogr.wkbPolygon, ogr.wkbLinearRing):
        return [ogr.ForceToLineString(g.GetGeometryRef(i)) for i in range(g.GetGeometryCount())]
    if t == ogr.wkbMultiPolygon:
        out = []
        for i in range(g.GetGeometryCount()):
            out += linestrings(g.GetGeometryRef(i))
        return out
    return []


def boundary_lines(poly):
    out = []
    for i in range(poly.GetGeometryCount()):
        p = poly.GetGeometryRef(i)
        for j in range(p.GetGeometryCount()):
            r = p.GetGeometryRef(j)
            ls = ogr.Geometry(ogr.wkbLineString)
            for k in range(r.GetPointCount()):
                ls.AddPoint_2D(r.GetX(k), r.GetY(k))
            out.append(ls)
    return out


# ------------------------------------------------------------------ layers

def read_rows(path, repair):
    """(attributes, geometry) of every feature of a vector file; geometries
    are copies passed through repair."""
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    rows = []
    for f in lyr:
        g = f.GetGeometryRef()
        rows.append(({n: f.GetField(n) for n in names}, repair(g.Clone()) if g else None))
    return rows


class Layers:
    def __init__(self, geodata, naturalearth):
        self.dir = geodata
        self.ne_dir = naturalearth
        self.cache = {}

    def naturalearth(self, name):
        if name not in NE_FILES:
            raise ValueError("unknown Natural Earth layer %s" % name)
        key = "ne:" + name
        if key not in self.cache:
            path = os.path.join(self.ne_dir, "ne_10m_%s.json" % name)
            if not os.path.exists(path):
                raise ValueError("cannot open %s" % path)
            # GeoJSON polygons are not always valid (rings touching).
            self.cache[key] = read_rows(path, valid)
        return self.cache[key]

    def features(self, name):
        if name not in self.cache:
            self.cache[name] = read_rows(os.path.join(self.dir, name + ".shp"), lambda g: g)
        return self.cache[name]


class Builder:
    def __init__(self, layers, registry):
        self.L = layers
        self.by_id = {d["id"]: d for d in registry}
        self.done = {}
        self.stack = []

    # recipes ------------------------------------------------------------
    def build(self, r):
        if "ref" in r:
            g = self.dispute(r["ref"])
        elif "admin1" in r:
            g = self.admin1(r["admin1"])
        elif "country" in r:
            g = self.country(r["country"])
        elif "lines" in r:
            g = self.cut(r)
        elif "islands" in r:
            g = self.islands(r["islands"])
        elif "circle" in r:
            g = self.circle(r["circle"])
        elif "points" in r:
            g = self.ring(r["points"])
        elif "lake_side" in r:
            g = self.lake_side(r["lake_side"])
        elif "buffer" in r:
            g = self.buffer(r["buffer"])
        elif "lake" in r:
            g = self.lake(r["lake"])
        elif "ne" in r:
            g = self.ne(r["ne"])
        elif "union" in r:
            g = union_all(self.build(x) for x in r["union"])
        elif "intersection" in r:
            a, b = (self.build(x) for x in r["intersection"])
            g = valid(a.Intersection(b))
        elif "difference" in r:
            a, b = (self.build(x) for x in r["difference"])
            g = valid(a.Difference(b))
        else:
            raise ValueError("unknown recipe: %s" % json.dumps(r))
        if "within" in r:
            g = valid(g.Intersection(self.build(r["within"])))
        if "clip" in r:
            g = valid(g.Intersection(box(r["clip"])))
        return polygonal(g)

    def dispute(self, did):
        if did in self.done:
            return self.done[did].Clone()
        if did in self.stack:
            raise ValueError("recipe cycle: %s" % " -> ".join(self.stack + [did]))
        self.stack.append(did)
        g = self.build(self.by_id[did]["polygon"])
        self.stack.pop()
        self.done[did] = g.Clone()
        return g

    def admin1(self, codes):
        geoms = []
        for code in codes:
            if code.startswith("adm0:"):
                hit = [g for a, g in self.L.features("admin1") if a["adm0_a3"] == code[5:]]
            else:
                hit = [g for a, g in self.L.features("admin1") if a["iso_3166_2"] == code]
            if not hit:
                raise ValueError("no admin-1 unit %s" % code)
            geoms += hit
        return union_all(geoms)

    def country(self, code):
        want = equivalent(code)
        hit = [g for a, g in self.L.features("countries")
               if a["iso_a3"] in want or a["iso_a2"] in want]
        if not hit:
            raise ValueError("no country %s" % code)
        return union_all(hit)

    def line_features(self, flt):
        if "coords" in flt:
            ls = ogr.Geometry(ogr.wkbLineString)
            for x, y in flt["coords"]:
                ls.AddPoint_2D(x, y)
            return [ls]
        layer = flt.get("layer", "disputed_lines")
        keys = {"name": "name", "kind": "kind", "class": "class", "featurecla": "featurecla"}
        out = []
        for a, g in self.L.features(layer):
            if g is None:
                continue
            if any(k in flt and a.get(f) != flt[k] for k, f in keys.items()):
                continue
            if "adm0" in flt and not equivalent(flt["adm0"]) & {a.get("adm0_a3_l"), a.get("adm0_a3_r")}:
                continue
            if "bbox" in flt and not g.Intersects(box(flt["bbox"])):
                continue
            out += linestrings(g)
        if not out:
            raise ValueError("no line matches %s" % json.dumps(flt))
        return out

    def cut(self, r):
        ext = r.get("extend", 0.03)
        lines = []
        for flt in r["lines"]:
            lines += self.line_features(flt)
        if r.get("snap"):
            lines = snap_ends(lines, r["snap"])
        base = self.build(r["closed_with"]) if r.get("closed_with") else None
        if base is None:
            lines = [extend_line(ls, ext) for ls in lines]
        else:
            lines = [reach_outline(ls, base, ext) for ls in lines]
        cutters = ogr.Geometry(ogr.wkbMultiLineString)
        for ls in lines:
            cutters.AddGeometry(ls)
        # An overlay of two line sets nodes them against each other and
        # themselves (GDAL 3.6 has no UnaryUnion); the second set is the
        # closing outline, or one of the cutting lines.
        other = ogr.Geometry(ogr.wkbMultiLineString)
        for ls in (boundary_lines(base) if base is not None else [lines[0]]):
            other.AddGeometry(ls)
        noded = cutters.Union(other)
        faces = noded.Polygonize()
        if faces is None or faces.IsEmpty():
            raise ValueError("lines make no face")
        min_area = r.get("min_area", 1e-5)
        keep = [point(*p) for p in r.get("keep", [])]
        drop = [point(*p) for p in r.get("drop", [])]
        kbox = box(r["keep_bbox"]) if "keep_bbox" in r else None
        chosen = []
        for i in range(faces.GetGeometryCount()):
            f = valid(faces.GetGeometryRef(i))
            if f.IsEmpty() or f.GetArea() < min_area:
                continue
            inner = f.PointOnSurface()
            if base is not None and not base.Contains(inner):
                continue
            # Only faces that the cutting lines bound: other parts of the
            # closing polygon (islands, exclaves) are not part of the area.
            if f.Distance(cutters) > 1e-7:
                continue
            if keep or kbox is not None:
                ok = any(f.Contains(p) for p in keep) or (kbox is not None and kbox.Contains(inner))
            else:
                ok = not any(f.Contains(p) for p in drop)
            if ok:
                chosen.append(f)
        if not chosen:
            raise ValueError("no face chosen")
        return union_all(chosen)

    def islands(self, spec):
        b = box(spec["bbox"])
        near = self.country(spec["country"]) if "country" in spec else None
        out = []
        for a, g in self.L.features("land"):
            if g is None or not g.Intersects(b):
                continue
            inner = g.PointOnSurface()
            if not b.Contains(inner):
                continue
            if near is not None and near.Distance(inner) > 0.05:
                continue
            out.append(g)
        if not out:
            raise ValueError("no island in %s" % spec["bbox"])
        return union_all(out)

    def lake(self, spec):
        at = point(*spec["at"])
        lakes = [g for a, g in self.L.features("lakes") if g is not None and g.Contains(at)]
        if not lakes:
            raise ValueError("no lake at %s" % spec["at"])
        return union_all(lakes)

    def ne(self, spec):
        want = {k: v for k, v in spec.items() if k != "layer"}
        out = [g for a, g in self.L.naturalearth(spec["layer"])
               if g is not None and all(a.get(k) == v for k, v in want.items())]
        if not out:
            raise ValueError("no Natural Earth feature %s" % json.dumps(spec, ensure_ascii=False))
        return union_all(out)

    def buffer(self, spec):
        ml = ogr.Geometry(ogr.wkbMultiLineString)
        for flt in spec["lines"]:
            for ls in self.line_features(flt):
                ml.AddGeometry(ls)
        lat = ml.Centroid().GetY()
        # Degrees of latitude; good enough at the small sizes this is used for.
        return valid(ml.Buffer(spec["km"] / 111.32 / math.cos(math.radians(lat)), 8))

    def circle(self, spec):
        (x, y), rk = spec["center"], spec["radius_km"]
        dy = rk / 111.32
        dx = dy / math.cos(math.radians(y))
        r = ogr.Geometry(ogr.wkbLinearRing)
        for i in range(65):
            t = 2 * math.pi * (i % 64) / 64
            r.AddPoint_2D(x + dx * math.cos(t), y + dy * math.sin(t))
        p = ogr.Geometry(ogr.wkbPolygon)
        p.AddGeometry(r)
        return polygonal(p)

    def ring(self, pts):
        r = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in list(pts) + [pts[0]]:
            r.AddPoint_2D(x, y)
        p = ogr.Geometry(ogr.wkbPolygon)
        p.AddGeometry(r)
        return valid(p)

    def lake_side(self, spec):
        at = point(*spec["at"])
        lakes = [g for a, g in self.L.features("lakes") if g is not None and g.Contains(at)]
        if not lakes:
            raise ValueError("no lake at %s" % spec["at"])
        lake = union_all(lakes)
        s, n = spec["lat_range"]
        step = spec.get("step", 0.02)
        rows = []
        y = s
        while y < n - 1e-9:
            y2 = min(y + step, n)
            band = valid(lake.Intersection(box([-180, y, 180, y2])))
            if not band.IsEmpty():
                w, e, _, _ = band.GetEnvelope()
                mid = (w + e) / 2
                half = [mid, y, 180, y2] if spec["side"] == "east" else [-180, y, mid, y2]
                rows.append(band.Intersection(box(half)))
            y = y2
        return union_all(rows)


# ------------------------------------------------------------------- main

def check_registry(reg):
    errors = []
    ids = [d["id"] for d in reg]
    if ids != sorted(ids):
        errors.append("registry is not sorted by id")
    if len(set(ids)) != len(ids):
        errors.append("duplicate ids")
    for d in reg:
        for k in ("id", "name", "aliases", "parties", "administered_by", "status", "kind", "polygon"):
            if k not in d:
                errors.append("%s: missing %s" % (d.get("id"), k))
        if d.get("status") not in STATUSES:
            errors.append("%s: status %r" % (d.get("id"), d.get("status")))
        if d.get("kind") not in KINDS:
            errors.append("%s: kind %r" % (d.get("id"), d.get("kind")))
        st = d.get("settled")
        if st is not None and not (isinstance(st, dict) and isinstance(st.get("year"), int)
                                   and st.get("how") in SETTLED_HOW and set(st) <= {"year", "how"}):
            errors.append("%s: settled must be {year, how: %s}" % (d.get("id"), "/".join(sorted(SETTLED_HOW))))
        if len(set(d.get("aliases", []))) != len(d.get("aliases", [])):
            errors.append("%s: repeated alias" % d.get("id"))
        if not all(isinstance(p, str) and len(p) == 3 and p.isupper() for p in d.get("parties", [])):
            errors.append("%s: parties must be ISO alpha-3" % d.get("id"))
    return errors


def check_polygon(d, g, builder):
    """Valid, non-empty, and its interior point lies in or near the
    territory of a party, of the administering country, or of the
    territory named in "territory"."""
    problems = []
    if g.IsEmpty():
        return ["empty"]
    if not g.IsValid():
        problems.append("invalid")
    inner = g.PointOnSurface()
    codes = list(d["parties"]) + [d["administered_by"]] + d.get("territory", [])
    best = None
    for c in codes:
        try:
            cg = builder.country(c)
        except ValueError:
            continue
        dist = cg.Distance(inner)
        best = dist if best is None else min(best, dist)
    limit = d.get("near_deg", NEAR_DEG)
    if best is None:
        problems.append("no party polygon to check against")
    elif best > limit:
        problems.append("interior point %.3f,%.3f is %.2f deg from the parties (limit %.2f)"
                        % (inner.GetX(), inner.GetY(), best, limit))
    return problems


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geodata", default=os.path.join(here, "..", "geodata"))
    ap.add_argument("--registry", default=None, help="default: GEODATA/disputes.json")
    ap.add_argument("--naturalearth", default=os.path.join(here, "..", "..", "shared", "naturalearth"),
                    help="folder of the Natural Earth 10m GeoJSON layers (default: ../shared/naturalearth)")
    ap.add_argument("--out", default=None, help="output folder (default: GEODATA)")
    ap.add_argument("--only", default=None, help="build these ids (comma separated), write nothing")
    args = ap.parse_args()
    # IsValid() and MakeValid() report every self-intersection they find as
    # a warning; the checks below report what matters.
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    reg_path = args.registry or os.path.join(args.geodata, "disputes.json")
    with open(reg_path, encoding="utf-8") as fh:
        reg = json.load(fh)
    errors = check_registry(reg)
    builder = Builder(Layers(args.geodata, args.naturalearth), reg)
    todo = reg if not args.only else [d for d in reg if d["id"] in args.only.split(",")]
    built = []
    for d in todo:
        try:
            g = finish(builder.dispute(d["id"]))
        except Exception as e:  # report every failing entry, then stop
            errors.append("%s: %s" % (d["id"], e))
            continue
        probs = check_polygon(d, g, builder)
        errors += ["%s: %s" % (d["id"], p) for p in probs]
        built.append((d, g))
        if args.only:
            e = g.GetEnvelope()
            print("%-28s parts=%-3d area=%.5f bbox=%.3f,%.3f,%.3f,%.3f" % (
                d["id"], g.GetGeometryCount(), g.GetArea(), e[0], e[2], e[1], e[3]))
    if errors:
        for e in errors:
            print("error:", e, file=sys.stderr)
        return 1
    if args.only:
        return 0
    fields = [("id", ogr.OFTString, 32), ("name", ogr.OFTString, 80),
              ("status", ogr.OFTString, 12), ("parties", ogr.OFTString, 40),
              ("admin_by", ogr.OFTString, 40), ("de_facto", ogr.OFTString, 60),
              ("since", ogr.OFTInteger, 4), ("recipe", ogr.OFTString, 10),
              ("approx", ogr.OFTInteger, 1), ("aliases", ogr.OFTString, 254),
              ("label_x", ogr.OFTReal, 0), ("label_y", ogr.OFTReal, 0),
              ("kind", ogr.OFTString, 10), ("settled", ogr.OFTInteger, 4), ("settled_by", ogr.OFTString, 16)]
    w = Writer(args.out or args.geodata, "disputes", ogr.wkbMultiPolygon, fields)
    for d, g in sorted(built, key=lambda t: t[0]["id"]):
        aliases, size = [], 0
        for a in d["aliases"]:
            n = len(a.encode("utf-8")) + (1 if aliases else 0)
            if size + n > 254:
                break
            aliases.append(a)
            size += n
        lp = label_point(g)
        w.add(g, {"id": d["id"], "name": d["name"], "status": d["status"],
                  "parties": ",".join(d["parties"]), "admin_by": d["administered_by"],
                  "de_facto": d.get("de_facto"), "since": d.get("since"),
                  "recipe": recipe_kind(d["polygon"]), "approx": 1 if d.get("approx") else 0,
                  "aliases": "|".join(aliases), "label_x": lp[0], "label_y": lp[1],
                  "kind": d["kind"], "settled": (d.get("settled") or {}).get("year"),
                  "settled_by": (d.get("settled") or {}).get("how")})
    n = w.close()
    print("disputes: %d features" % n)
    return 0


def recipe_kind(r):
    for k in ("ref", "admin1", "country", "lines", "islands", "circle", "points",
              "lake_side", "lake", "ne", "buffer", "union", "difference", "intersection"):
        if k in r:
            return k
    return "?"


def label_point(g):
    best, area = g, -1.0
    for i in range(g.GetGeometryCount()):
        p = g.GetGeometryRef(i)
        if p.GetArea() > area:
            best, area = p, p.GetArea()
    pt = best.PointOnSurface()
    return round(pt.GetX(), DIGITS), round(pt.GetY(), DIGITS)


if __name__ == "__main__":
    sys.exit(main())
