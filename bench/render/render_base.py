#!/usr/bin/python3
"""Draw the reference base map with Mapnik: render_base.py OUT.png [W,S,E,N] [WxH].

The peer of `borderline render --bbox ... --size ...` in bench_render.sh: the
same layers from the same shapefiles, the same extent, size and projection
(a Lambert conformal conic with standard parallels at 1/6 and 5/6 of the
extent's latitudes, as src/scene/projection.cpp chooses for a regional map).
"""
import os
import sys

import mapnik

here = os.path.dirname(os.path.abspath(__file__))
geodata = os.path.normpath(os.path.join(here, "..", "..", "geodata"))
out = sys.argv[1]
w, s, e, n = (float(v) for v in (sys.argv[2] if len(sys.argv) > 2 else "43,38.2,51,42.2").split(","))
width, height = (int(v) for v in (sys.argv[3] if len(sys.argv) > 3 else "1600x1000").split("x"))
lat0, lon0 = (s + n) / 2, (w + e) / 2
srs = ("+proj=lcc +lat_0=%g +lon_0=%g +lat_1=%g +lat_2=%g +datum=WGS84 +units=m +no_defs"
       % (lat0, lon0, s + (n - s) / 6, n - (n - s) / 6))
with open(os.path.join(here, "base.xml"), encoding="utf-8") as fh:
    xml = fh.read().replace("SRS_PLACEHOLDER", srs).replace("GEODATA", geodata)
m = mapnik.Map(width, height)
mapnik.load_map_from_string(m, xml)
m.srs = srs
to_map = mapnik.ProjTransform(mapnik.Projection("+proj=longlat +datum=WGS84 +no_defs"), mapnik.Projection(srs))
box = mapnik.Box2d()
for i in range(33):
    t = i / 32.0
    for lon, lat in ((w + t * (e - w), s), (w + t * (e - w), n), (w, s + t * (n - s)), (e, s + t * (n - s))):
        p = to_map.forward(mapnik.Coord(lon, lat))
        box.expand_to_include(p.x, p.y)
m.zoom_to_box(box)
mapnik.render_to_file(m, out, "png")
