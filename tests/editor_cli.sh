#!/usr/bin/env bash
# Editorial control (issue 19, items 1-2): a saved scene draws the same map
# again, a bad scene names its key, and each override on render changes what
# it says in the SVG's <text> and nothing else.
#   tests/editor_cli.sh BORDERLINE SAMPLE WORKDIR
set -u
bin=$1 sample=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
# shellcheck source=tests/svg_checks.sh
. "$here/svg_checks.sh"

# 1. Round trip: render --json, then render --scene of that file, same bytes.
"$bin" render "$sample" --size 800x500 -o plain.png --json plain.json 2> err.txt
check "render --json exits 0" $?
"$bin" render --scene plain.json -o again.png 2>> err.txt
check "render --scene of render --json exits 0" $?
cmp -s plain.png again.png
check "round trip gives the same PNG bytes" $?
# The bare scene document (as serve's format=scene writes it) draws the same.
python3 -c "import json,sys; json.dump(json.load(open('plain.json'))['scene_document'], open('scene.json','w'))"
"$bin" render --scene scene.json -o bare.png 2>> err.txt && cmp -s plain.png bare.png
check "bare scene document gives the same PNG bytes" $?
[ ! -s err.txt ]
check "nothing on stderr" $?

# Unknown keys: drawn, with one warning naming them.
python3 -c "
import json; d = json.load(open('scene.json')); d['colour'] = 'red'; d['markers'][0]['icon'] = 'star'
json.dump(d, open('extra.json', 'w'))"
"$bin" render --scene extra.json -o extra.png 2> extra.err
[ $? -eq 0 ] && grep -q 'unknown key(s) ignored: scene.colour, scene.markers\[0\].icon' extra.err && cmp -s plain.png extra.png
check "unknown keys warn by name and change nothing" $?

# Malformed: one line naming the key, exit 2, no output.
python3 -c "
import json; d = json.load(open('scene.json')); d['bbox'][1] = 'south'
json.dump(d, open('bad.json', 'w'))"
"$bin" render --scene bad.json -o bad.png 2> bad.err
[ $? -eq 2 ] && grep -q 'scene.bbox\[1\]: must be a number' bad.err && [ "$(wc -l < bad.err)" -eq 1 ] && [ ! -e bad.png ]
check "wrong type: exit 2 naming scene.bbox[1]" $?
python3 -c "
import json; d = json.load(open('plain.json')); del d['scene_document']
json.dump(d, open('old.json', 'w'))"
"$bin" render --scene old.json -o old.png 2> old.err
[ $? -eq 2 ] && grep -q 'scene_document: is required' old.err
check "extract JSON without scene_document: exit 2 naming it" $?
printf '{"title": "x",' > broken.json
"$bin" render --scene broken.json -o broken.png 2> broken.err
[ $? -eq 2 ] && grep -q 'not valid JSON' broken.err && [ ! -e broken.png ]
check "broken JSON: exit 2" $?

# 2. Overrides, read back from the SVG's text.
"$bin" render "$sample" --size 800x500 -o base.svg 2> /dev/null
texts base.svg > base.txt
"$bin" render "$sample" --size 800x500 -o titled.svg --title "Border clash near Jermuk" --subtitle "Desk edit, 2 May" 2> /dev/null
texts titled.svg > titled.txt
grep -qx 'Border clash near Jermuk' titled.txt && grep -qx 'Desk edit, 2 May' titled.txt &&
  ! grep -qx 'Border clash near Jermuk' base.txt
check "--title and --subtitle replace the heading" $?

"$bin" render "$sample" --size 800x500 -o marked.svg --marker "45.3,40.3,Lake Sevan camp" --marker "46.0,39.6" 2> /dev/null
texts marked.svg > marked.txt
grep -qx 'Lake Sevan camp' marked.txt && ! grep -qx 'Lake Sevan camp' base.txt
check "--marker adds a labelled marker" $?

"$bin" render "$sample" --size 800x500 -o labelled.svg --label ARM="Republic of Armenia" 2> /dev/null
texts labelled.svg > labelled.txt
grep -q 'Republic of Armenia' labelled.txt && ! grep -q 'Republic of Armenia' base.txt
check "--label renames a country" $?

"$bin" render "$sample" --size 800x500 -o quiet.svg --no-claims --json quiet.json 2> /dev/null
python3 -c "import json,sys; d=json.load(open('quiet.json')); sys.exit(0 if d['scene_document']['callouts']==[] else 1)" &&
  python3 -c "import json,sys; d=json.load(open('plain.json')); sys.exit(0 if d['scene_document']['callouts'] else 1)" &&
  [ "$(texts quiet.svg | grep -c asserts)" -lt "$(grep -c asserts base.txt)" ]
check "--no-claims drops the numbered claims" $?

"$bin" render "$sample" --size 800x500 -o noarm.svg --exclude Kapan --json noarm.json 2> /dev/null
python3 -c "
import json,sys; d=json.load(open('noarm.json'))
sys.exit(0 if all(p['name']!='Kapan' for p in d['places']) and all(m['name']!='Kapan' for m in d['scene_document']['markers']) else 1)" &&
  grep -qx 'Kapan' base.txt && ! texts noarm.svg | grep -qx 'Kapan'
check "--exclude drops a place from the map" $?

"$bin" render "$sample" --size 800x500 -o nousa.svg --exclude USA 2> /dev/null
texts nousa.svg > nousa.txt
grep -qx 'Also named in the article: United States, Iran, Russia' base.txt &&
  grep -qx 'Also named in the article: Iran, Russia' nousa.txt
check "--exclude drops a country from the legend" $?
"$bin" render "$sample" --size 800x500 -o nonk.svg --exclude Nagorno-Karabakh 2> /dev/null
grep -qx 'Nagorno-Karabakh' base.txt && ! texts nonk.svg | grep -qx 'Nagorno-Karabakh'
check "--exclude drops a dispute from the map" $?

# Overrides on a saved scene.
"$bin" render --scene plain.json -o edited.svg --title "Edited" --exclude Kapan 2> /dev/null
texts edited.svg > edited.txt
grep -qx 'Edited' edited.txt && ! grep -qx 'Kapan' edited.txt
check "overrides apply to --scene" $?

# Bad override values: exit 1, one line, no file.
for args in "--marker 200,10" "--marker east,north" "--label ARM" "--label NOSUCH=x" "--exclude Atlantis"; do
  # shellcheck disable=SC2086
  "$bin" render "$sample" --size 800x500 -o badarg.png $args 2> badarg.err
  [ $? -eq 1 ] && [ "$(wc -l < badarg.err)" -eq 1 ] && [ ! -e badarg.png ]
  check "bad value $args: exit 1, one line" $?
done

echo "editor_cli: $passed passed, $fail failed"
[ "$fail" -eq 0 ]
