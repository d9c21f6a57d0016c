#!/usr/bin/env bash
# Editorial overrides (issue 19, items 2, 4, 5): --source, --note, --no-inset,
# --units, names files, --exclude's claims and legend, and the same overrides
# as batch manifest keys. Each is read back from the SVG's <text> or the
# PNG's pixels, and compared with the map drawn without it.
#   tests/overrides_cli.sh BORDERLINE SOURCE_DIR WORKDIR
set -u
bin=$1 src=$2 work=$3
sample=$src/samples/armenia-azerbaijan-syunik.txt
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
# shellcheck source=tests/svg_checks.sh
. "$here/svg_checks.sh"

"$bin" render "$sample" --size 900x600 -o base.svg 2> /dev/null
texts base.svg > base.txt

# --source and --note: the credit line gains the source, a line sits under the map.
"$bin" render "$sample" --size 900x600 -o credited.svg --source "Reuters; desk reporting" --note "Positions as of 2 May, 18:00." 2> /dev/null
texts credited.svg > credited.txt
grep -q 'Map: borderline. Source: Reuters; desk reporting$' credited.txt && grep -qx 'Positions as of 2 May, 18:00.' credited.txt &&
  ! grep -q 'Source:' base.txt
check "--source joins the credit line, --note is a line of its own" $?
# The note's line sits below the map frame and above the credit line.
python3 - credited.svg <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = '{http://www.w3.org/2000/svg}'
root = ET.parse(sys.argv[1]).getroot()
y = {''.join(t.itertext()): float(t.get('y')) for t in root.iter(ns + 'text')}
note = y['Positions as of 2 May, 18:00.']
credit = [v for k, v in y.items() if k.startswith('Data: Natural Earth')][0]
scale = [v for k, v in y.items() if k.endswith(' km')][0]
sys.exit(0 if scale < note < credit else 1)
EOF
check "the note lies between the map and the credit" $?

# --no-inset: the locator inset's group is empty, and its pixels are the map's.
"$bin" render "$sample" --size 900x600 -o plain.png 2> /dev/null
"$bin" render "$sample" --size 900x600 -o noinset.png --no-inset 2> /dev/null
"$bin" render "$sample" --size 900x600 -o noinset.svg --no-inset 2> /dev/null
groups base.svg | grep -qx inset && ! groups noinset.svg | grep -qx inset
check "--no-inset: no inset group in the SVG" $?
python3 - plain.png noinset.png "$here" <<'EOF'
import subprocess, sys, zlib, struct
sys.path.insert(0, sys.argv[3])
from png_rows import pixels
w, h, bpp, a = pixels(sys.argv[1])
_, _, _, b = pixels(sys.argv[2])
# The inset (about 140x100 pixels at this size) sits in the top right corner
# of the map; without it that corner is the map: most of its pixels change,
# and its dark frame (about 470 pixels) is gone.
def region(rows):
    return [rows[y][x * bpp:x * bpp + 3] for y in range(60, 200) for x in range(int(w * 0.45), int(w * 0.69))]
ra, rb = region(a), region(b)
changed = sum(p != q for p, q in zip(ra, rb))
dark = lambda px: sum(r < 90 and g < 90 and bl < 90 for r, g, bl in px)
sys.exit(0 if changed > 6000 and dark(rb) < dark(ra) - 250 else 1)
EOF
check "--no-inset: the inset's frame is gone from the PNG" $?

# --units mi: the scale bar in miles, a round number, about 0.62 of the km bar's.
"$bin" render "$sample" --size 900x600 -o miles.svg --units mi 2> /dev/null
texts miles.svg > miles.txt
grep -qE '^[0-9]+ mi$' miles.txt && ! grep -qE ' km$' miles.txt && grep -qE '^[0-9]+ km$' base.txt
check "--units mi: the scale bar reads miles" $?
for bad in "--units furlongs" "--units"; do
  # shellcheck disable=SC2086
  "$bin" render "$sample" -o badunits.png $bad 2> bad.err
  [ $? -eq 1 ] && [ "$(wc -l < bad.err)" -eq 1 ] && [ ! -e badunits.png ]
  check "bad $bad: exit 1, one line, no file" $?
done

# Names: the sample names Lachin; the map writes it as the article does (the
# legend quotes the article), not as GeoNames does (Laçın).
grep -qx 'Lachin' base.txt && ! grep -q 'Laçın' base.txt && grep -q 'Lachin”' base.txt
check "a place is labelled as the article spells it, like the legend's quote" $?
printf '# desk spellings\nLachin\tLachin (Berdzor)\nARM\tRepublic of Armenia\ndispute:nagorno-karabakh\tKarabakh\nIRN\tIslamic Republic of Iran\n' > house.tsv
"$bin" render "$sample" --size 900x600 -o named.svg --names house.tsv 2> /dev/null
texts named.svg > named.txt
grep -qx 'Lachin (Berdzor)' named.txt && grep -qx 'Karabakh' named.txt &&
  grep -qx 'REPUBLIC OF ARMENIA' named.txt && grep -qx 'Republic of Armenia' named.txt &&
  grep -q 'Also named in the article: .*Islamic Republic of Iran' named.txt &&
  grep -q '^Republic of Armenia [a-z]*s: ' named.txt && ! grep -qx 'ARMENIA' named.txt
check "--names: one spelling on the map, the legend and the claims" $?
# A style names its names file; --names goes over it.
printf '{"name": "desk", "names": "house.tsv"}\n' > desk.json
"$bin" render "$sample" --size 900x600 -o styled.svg --style desk.json 2> /dev/null
texts styled.svg | grep -qx 'Lachin (Berdzor)'
check "a style's \"names\" key applies its names file" $?
printf 'Lachin\tLachin town\n' > over.tsv
"$bin" render "$sample" --size 900x600 -o over.svg --style desk.json --names over.tsv 2> /dev/null
texts over.svg > over.txt
grep -qx 'Lachin town' over.txt && grep -qx 'Karabakh' over.txt
check "--names goes over the style's names key by key" $?
# The bundled default: Chisinau and Kiev in current official spelling.
printf 'Talks in Chisinau\n\nOfficials in Chisinau said Tiraspol and Kiev must talk about Transnistria.\n' > moldova.txt
"$bin" render moldova.txt --size 900x600 -o moldova.svg 2> /dev/null
texts moldova.svg | grep -qx 'Chișinău'
check "the default names file spells Chișinău" $?
printf 'Lachin Berdzor\n' > notab.tsv
"$bin" render "$sample" -o badnames.png --names notab.tsv 2> bad.err
[ $? -eq 2 ] && grep -q 'notab.tsv:1: needs KEY<TAB>SPELLING' bad.err && [ "$(wc -l < bad.err)" -eq 1 ] && [ ! -e badnames.png ]
check "a names file without a tab: exit 2 naming file and line" $?
"$bin" render "$sample" -o badnames.png --names missing.tsv 2> bad.err
[ $? -eq 2 ] && [ "$(wc -l < bad.err)" -eq 1 ] && [ ! -e badnames.png ]
check "a missing names file: exit 2, one line" $?

# --exclude drops the claims that cite only the excluded place, and its legend entries.
"$bin" render "$sample" --size 900x600 -o all.svg --json all.json 2> /dev/null
python3 - all.json > only.txt <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
claims = d['claims']
shown = [claims[c['claim']] for c in d['scene_document']['callouts']]
# A place that some shown claim cites alone.
for c in shown:
    if len(c['places']) == 1 and not c['disputes']:
        print(c['places'][0]); print(c['text']); break
EOF
place=$(sed -n 1p only.txt) quote=$(sed -n 2p only.txt)
[ -n "$place" ]
check "the sample has a claim that cites one place only ($place)" $?
"$bin" render "$sample" --size 900x600 -o noplace.svg --json noplace.json --exclude "$place" 2> /dev/null
python3 - all.json noplace.json "$quote" <<'EOF'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
quotes = lambda d: [c['quote'] for c in d['scene_document']['callouts']]
numbers = [c['number'] for c in b['scene_document']['callouts']]
q = sys.argv[3][:40]
sys.exit(0 if any(x.startswith(q[:20]) for x in quotes(a)) and not any(x.startswith(q[:20]) for x in quotes(b))
         and numbers == list(range(1, len(numbers) + 1)) else 1)
EOF
check "--exclude $place drops the claim citing only it, the rest renumbered" $?
"$bin" render "$sample" --size 900x600 -o noaze.svg --exclude AZE 2> /dev/null
texts noaze.svg > noaze.txt
grep -qx 'Azerbaijan' base.txt && ! grep -qx 'Azerbaijan' noaze.txt && ! grep -q '^Azerbaijan [a-z]*s: ' noaze.txt &&
  grep -q '^Azerbaijan [a-z]*s: ' base.txt
check "--exclude a country: its legend entry and its claims go" $?

# Batch: every override as a manifest key; an unknown key is a warning of that item.
cat > manifest.jsonl <<EOF
{"id": "plain", "path": "$sample"}
{"id": "edited", "path": "$sample", "title": "Desk title", "subtitle": "Desk edit", "source": "Reuters", "note": "A note under the map", "exclude": "Kapan", "markers": ["45.3,40.3,Lake camp"], "labels": {"ARM": "Republic of Armenia"}, "no_claims": true, "no_inset": true, "units": "mi", "names": "house.tsv", "colour": "red"}
{"id": "badunits", "path": "$sample", "units": "furlongs"}
{"id": "badtype", "path": "$sample", "no_claims": "yes"}
EOF
"$bin" batch manifest.jsonl -o out --formats svg --size 900x600 2> batch.err
[ $? -eq 4 ]
check "batch with two bad items exits 4" $?
texts out/edited.svg > edited.txt
texts out/plain.svg > plainb.txt
grep -qx 'Desk title' edited.txt && grep -qx 'Desk edit' edited.txt && grep -q 'Source: Reuters$' edited.txt &&
  grep -qx 'A note under the map' edited.txt && grep -qx 'Lake camp' edited.txt && grep -qx 'Republic of Armenia' edited.txt &&
  grep -qE '^[0-9]+ mi$' edited.txt && grep -qx 'Lachin (Berdzor)' edited.txt && ! grep -qx 'Kapan' edited.txt &&
  ! grep -q 'asserts\|denies\|accuses' edited.txt && ! groups out/edited.svg | grep -qx inset &&
  grep -qx 'Kapan' plainb.txt && groups out/plain.svg | grep -qx inset
check "batch: every manifest override changes the map" $?
python3 - out/report.json <<'EOF'
import json, sys
items = {i['id']: i for i in json.load(open(sys.argv[1]))['items']}
ok = (items['edited']['status'] == 'rendered' and items['edited']['warnings'] == ['unknown manifest key "colour" ignored']
      and 'warnings' not in items['plain']
      and items['badunits']['status'] == 'failed' and 'furlongs' in items['badunits']['reason']
      and items['badtype']['status'] == 'failed' and '"no_claims" must be true or false' in items['badtype']['reason'])
sys.exit(0 if ok else 1)
EOF
check "batch report: unknown key as the item's warning, bad values as failures" $?
# An edited override re-renders its item; the others are skipped.
sed -i 's/"note": "A note under the map"/"note": "Another note"/' manifest.jsonl
"$bin" batch manifest.jsonl -o out --formats svg --size 900x600 2> /dev/null
python3 -c "
import json, sys
items = {i['id']: i['status'] for i in json.load(open('out/report.json'))['items']}
sys.exit(0 if items['edited'] == 'rendered' and items['plain'] == 'skipped' else 1)" && texts out/edited.svg | grep -qx 'Another note'
check "batch: a changed override re-renders only its item" $?

echo "overrides_cli: $passed passed, $fail failed"
[ "$fail" -eq 0 ]
