#!/usr/bin/env bash
# GeoJSON as a GIS user loads it (issue 20 item 3): RFC 7946 (winding, no crs,
# lon/lat), a short layer name, Shapefile-safe properties, one feature per
# party, border in question, disputed area, place and the extent; then the
# round trip through ogr2ogr to GeoPackage and ESRI Shapefile, read back with
# ogrinfo.
#   tests/geojson_gis.sh BORDERLINE SAMPLE WORKDIR
set -u
bin=$1 sample=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail=0 passed=0
check() { if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else echo "FAIL: $1" >&2; fail=$((fail + 1)); fi; }

"$bin" render "$sample" --size 800x500 -o map.png --geojson map.geojson --json map.json 2> err.txt
rc=$?; check "render writes the GeoJSON (exit $?)" $rc

# The document itself, checked in Python: RFC 7946 winding by the shoelace
# sum, no crs, coordinates in range and rounded, property types and key
# lengths, and features that agree with the extract JSON of the same run.
python3 - map.geojson map.json <<'EOF'
import json, sys
g = json.load(open(sys.argv[1]))
x = json.load(open(sys.argv[2]))
bad = []
def need(ok, what):
    if not ok: bad.append(what)
need(g.get("type") == "FeatureCollection", "a FeatureCollection")
need(g.get("name") == "borderline", "layer name 'borderline', got %r" % g.get("name"))
need("crs" not in g, "no crs member (RFC 7946 section 4)")
def area2(ring):
    return sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1))
def positions(geom):
    c = geom["coordinates"]
    t = geom["type"]
    if t == "Point": return [c]
    if t == "MultiLineString": return [p for l in c for p in l]
    return [p for poly in c for ring in poly for p in ring]
kinds = {}
keys_seen = set()
for f in g["features"]:
    p = f["properties"]
    kinds.setdefault(p.get("kind"), []).append(f)
    for k, v in p.items():
        need(len(k.encode()) <= 10, "key %r at most 10 bytes" % k)
        need(isinstance(v, (str, int, float)) and not isinstance(v, bool), "%s=%r is a string or number" % (k, v))
        if isinstance(v, str): need(len(v.encode()) <= 254, "%s fits a dBase field" % k)
        keys_seen.add(k)
    geom = f["geometry"]
    for lon, lat in positions(geom):
        need(-180 <= lon <= 180 and -90 <= lat <= 90, "lon/lat in range: %r" % [lon, lat])
        need(round(lon, 5) == lon and round(lat, 5) == lat, "rounded to 5 decimals: %r" % [lon, lat])
    if geom["type"] == "MultiPolygon":
        for poly in geom["coordinates"]:
            for i, ring in enumerate(poly):
                need(len(ring) >= 4 and ring[0] == ring[-1], "%s ring closed" % p["id"])
                a = area2(ring)
                need(a > 0 if i == 0 else a < 0,
                     "%s ring %d is %s" % (p["id"], i, "counter-clockwise" if i == 0 else "clockwise"))
need(len({k.lower() for k in keys_seen}) == len(keys_seen), "keys unique ignoring case")
need(set(kinds) == {"extent", "party", "border", "dispute", "place"}, "the five kinds, got %r" % sorted(kinds))
need(len(kinds.get("extent", [])) == 1, "one extent")
need(sorted(f["properties"]["country"] for f in kinds.get("party", [])) ==
     sorted(p["country"] for p in x["scene"]["parties"]), "one feature per party")
need(len(kinds.get("border", [])) == len(x["scene"]["borders"]), "one feature per border in question")
need(sorted(f["properties"]["id"] for f in kinds.get("place", [])) == sorted(p["id"] for p in x["places"]),
     "one point per place of the extract")
for f in kinds.get("place", []):
    src = next(p for p in x["places"] if p["id"] == f["properties"]["id"])
    lon, lat = f["geometry"]["coordinates"]
    need(abs(lon - src["lon"]) < 1e-5 and abs(lat - src["lat"]) < 1e-5, "%s where the extract puts it" % src["id"])
ext = kinds["extent"][0]["geometry"]["coordinates"][0][0]
w, s, e, n = x["scene"]["bbox"]
need(abs(min(p[0] for p in ext) - w) < 1e-5 and abs(max(p[1] for p in ext) - n) < 1e-5, "extent is scene.bbox")
need(kinds["border"][0]["geometry"]["type"] == "MultiLineString", "the border is a line")
need(any(f["properties"]["id"] == "nagorno-karabakh" for f in kinds.get("dispute", [])), "Nagorno-Karabakh is a dispute feature")
for b in bad: print("FAIL:", b, file=sys.stderr)
print("geojson document: %d features, %d problems" % (len(g["features"]), len(bad)))
sys.exit(1 if bad else 0)
EOF
rc=$?; check "the GeoJSON document follows RFC 7946 and the extract" $rc
total=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["features"]))' map.geojson)
count_of() { python3 -c 'import json,sys; print(sum(f["properties"]["kind"] in sys.argv[2].split(",") for f in json.load(open(sys.argv[1]))["features"]))' map.geojson "$1"; }

# GeoPackage holds every feature in one layer named borderline.
ogr2ogr -f GPKG map.gpkg map.geojson 2> gpkg.err
rc=$?; check "ogr2ogr to GeoPackage succeeds quietly ($(head -c 300 gpkg.err))" $(( rc != 0 || $(grep -c . gpkg.err) != 0 ))
ogrinfo -so map.gpkg borderline > gpkg.info 2>&1
grep -q "^Feature Count: $total$" gpkg.info
rc=$?; check "the GeoPackage layer 'borderline' has all $total features" $rc
for field in kind id name country place_kind confidence mentions status parties mentioned settled projection; do
  grep -q "^$field: " gpkg.info
  rc=$?; check "GeoPackage field $field" $rc
done
for kind in extent party border dispute place; do
  got=$(ogrinfo -q -sql "SELECT COUNT(*) AS n FROM borderline WHERE kind = '$kind'" map.gpkg 2>/dev/null | sed -n 's/.*n (Integer) = //p')
  [ "$got" = "$(count_of $kind)" ]
  rc=$?; check "GeoPackage has $(count_of $kind) features of kind $kind (got $got)" $rc
done

# A Shapefile holds one geometry type, so a GIS user splits by kind; each
# conversion must succeed without a warning (no laundered or truncated field).
for spec in "points place POINT" "lines border LINESTRING" "areas extent,party,dispute POLYGON"; do
  set -- $spec
  where=$(echo "$2" | sed "s/\([a-z]*\)/'\1'/g")
  # UTF-8 in the .dbf (with a .cpg saying so): names such as Ağdam are not Latin-1.
  ogr2ogr -f "ESRI Shapefile" "$1.shp" map.geojson -where "kind IN ($where)" -nlt "PROMOTE_TO_MULTI" -nln "$1" \
    -lco ENCODING=UTF-8 2> "$1.err"
  rc=$?; check "ogr2ogr to Shapefile ($1) succeeds without warnings ($(head -c 300 "$1.err"))" $(( rc != 0 || $(grep -c . "$1.err") != 0 ))
  ogrinfo -so "$1.shp" "$1" > "$1.info" 2>&1
  grep -q "^Feature Count: $(count_of "$2")$" "$1.info"
  rc=$?; check "Shapefile $1 has $(count_of "$2") features" $rc
  grep -qE "^Geometry: (Multi )?$(echo "$3" | sed 's/POINT/Point/;s/LINESTRING/Line String/;s/POLYGON/Polygon/')$" "$1.info"
  rc=$?; check "Shapefile $1 holds $3 geometry" $rc
  for field in kind id name country; do
    grep -q "^$field: String" "$1.info"
    rc=$?; check "Shapefile $1 keeps field $field as a string" $rc
  done
done
# Attribute values survive: a place by name, with its kind and country.
ogrinfo -q points.shp points -where "id = 'country:ARM'" > arm.txt 2>&1
grep -q "name (String) = Armenia" arm.txt && grep -q "place_kind (String) = country" arm.txt &&
  grep -q "country (String) = ARM" arm.txt
rc=$?; check "the Shapefile point for country:ARM reads back as Armenia, a country, ARM" $rc
# Names outside Latin-1 survive the .dbf (encoded as UTF-8).
python3 -c 'import json,sys
for f in json.load(open(sys.argv[1]))["features"]:
    p = f["properties"]
    if p["kind"] == "place" and not p["name"].isascii(): print(p["id"] + "\t" + p["name"])' map.geojson > non_ascii.tsv
while IFS=$'\t' read -r id name; do
  ogrinfo -q points.shp points -where "id = '$id'" 2>&1 | grep -qF "name (String) = $name"
  rc=$?; check "the Shapefile keeps the UTF-8 name $name" $rc
done < non_ascii.tsv
grep -q "confidence (Real)" arm.txt
rc=$?; check "confidence stays a number in the Shapefile" $rc

echo "geojson: $passed passed, $fail failed"
[ $fail -eq 0 ]
