#!/usr/bin/env bash
# Maps in other languages (issue 19 item 3): render --lang CODE. Each
# language's furniture and names are read back from the SVG's <text>; Arabic
# is checked for its right-to-left legend in the SVG and the PNG; the scene
# document keeps the language through render --scene; batch manifests take
# "lang"; a bad code is a one-line usage error.
#   tests/lang_cli.sh BORDERLINE SOURCE_DIR WORKDIR
set -u
bin=$1 src=$2 work=$3
sample=$src/samples/armenia-azerbaijan-syunik.txt
crimea=$src/samples/crimea-bridge.txt
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
# shellcheck source=tests/svg_checks.sh
. "$here/svg_checks.sh"

"$bin" render "$sample" --size 900x600 -o en.svg 2> /dev/null
texts en.svg > en.txt

# Each language: a party's name, the dispute's, the legend's boundary line,
# the scale bar's unit and the credit line, as the map writes them; and no
# English furniture left.
while IFS='|' read -r lang party dispute boundary unit credit; do
  "$bin" render "$sample" --size 900x600 --lang "$lang" -o "$lang.svg" 2> /dev/null
  texts "$lang.svg" > "$lang.txt"
  grep -qx "$party" "$lang.txt" && grep -q "$dispute" "$lang.txt" && grep -qx "$boundary" "$lang.txt" &&
    grep -qE "^[0-9.]+ $unit\$" "$lang.txt" && grep -q "^$credit" "$lang.txt" &&
    ! grep -q 'International boundary\|^Data: Natural Earth\|Also named in the article' "$lang.txt"
  check "--lang $lang: names, legend, scale bar and credit in $lang" $?
done << 'EOF'
fr|Azerbaïdjan|Haut-Karabakh|Frontière internationale|km|Données : Natural Earth
es|Azerbaiyán|Alto Karabaj|Frontera internacional|km|Datos: Natural Earth
de|Aserbaidschan|Bergkarabach|Staatsgrenze|km|Daten: Natural Earth
pt|Azerbeijão|Alto Carabaque|Fronteira internacional|km|Dados: Natural Earth
ru|Азербайджан|Нагорный Карабах|Государственная граница|км|Данные: Natural Earth
ar|أذربيجان|ناغورنو كاراباخ|حدود دولية|كم|البيانات: Natural Earth
zh|阿塞拜疆|纳戈尔诺-卡拉巴赫|国际边界|公里|数据：Natural Earth
EOF

# The article's words stay the article's: the first claim's quote is the
# same English text in every language.
quote=$(grep -o '“Azerbaijani troops still hold[^”]*' en.txt | head -1 | cut -c4-)
[ -n "$quote" ] && for l in fr de ru zh; do tr -d '\n' < "$l.txt" | grep -qF "$quote" || exit 1; done
check "quotes stay in the article's words" $?

# English is the default, byte for byte.
"$bin" render "$sample" --size 900x600 --lang en -o en2.svg 2> /dev/null
cmp -s en.svg en2.svg
check "--lang en draws what no --lang draws" $?

# Cities through their GeoNames names, countries in view that are not
# parties, and a dispute named as its province: the Crimea story in Russian.
"$bin" render "$crimea" --size 900x600 --lang ru -o crimea-ru.svg 2> /dev/null
texts crimea-ru.svg > crimea-ru.txt
grep -qx 'Симферополь' crimea-ru.txt && grep -qx 'Россия' crimea-ru.txt && grep -qx 'Крым' crimea-ru.txt &&
  ! grep -qx 'Simferopol' crimea-ru.txt
check "--lang ru: Simferopol, Russia and Crimea in Russian" $?

# Right to left: in Arabic every legend entry's swatch is right of its text;
# in English left of it.
cat > legend_sides.py << 'EOF'
import re, sys, xml.etree.ElementTree as ET
ns = '{http://www.w3.org/2000/svg}'
root = ET.parse(sys.argv[1]).getroot()
legend = [g for g in root.iter(ns + 'g') if g.get('id') == 'legend'][0]
swatch_x, sides = None, []
for e in legend:
    if e.tag == ns + 'path' and e.get('fill') not in (None, 'none', '#ffffff'):
        swatch_x = float(re.match(r'M([-0-9.]+)', e.get('d')).group(1))
    elif e.tag == ns + 'text' and swatch_x is not None and e.get('fill') != '#ffffff':  # not a badge's number
        sides.append('right' if swatch_x > float(e.get('x')) else 'left')
        swatch_x = None
want = sys.argv[2]
sys.exit(0 if len(sides) >= 3 and all(s == want for s in sides) else 1)
EOF
python3 legend_sides.py ar.svg right && python3 legend_sides.py en.svg left
check "--lang ar: swatches right of the legend text (left in English)" $?
# The footer too: the credit line starts at the right in Arabic.
python3 - ar.svg en.svg << 'EOF'
import sys, xml.etree.ElementTree as ET
ns = '{http://www.w3.org/2000/svg}'
def credit_x(path):
    for t in ET.parse(path).getroot().iter(ns + 'text'):
        if 'Natural Earth' in ''.join(t.itertext()):
            return min(float(s.get('x')) for s in t.iter(ns + 'tspan'))
sys.exit(0 if credit_x(sys.argv[1]) > 450 > credit_x(sys.argv[2]) else 1)
EOF
check "--lang ar: the credit line on the right" $?

# The PNG agrees: the parties' legend swatches sit in the right part of the
# legend panel in Arabic, in the left part in English.
"$bin" render "$sample" --size 900x600 --lang ar -o ar.png 2> /dev/null
"$bin" render "$sample" --size 900x600 -o en.png 2> /dev/null
python3 - ar.png en.png "$here" << 'EOF'
import sys, zlib, struct
sys.path.insert(0, sys.argv[3])
from png_rows import pixels
def party_columns(path):
    # Columns of the legend panel (right 31% of the canvas) holding the
    # first party's swatch colour: a warm orange, nowhere else in the panel.
    w, h, bpp, rows = pixels(path)
    cols = set()
    for y in range(h // 10, h // 5):
        row = rows[y]
        for x in range(int(w * 0.69), w):
            r, g, b = row[x * bpp:x * bpp + 3]
            if r > 220 and 170 < g < 215 and b < 160:
                cols.add(x)
    return cols
ar, en = party_columns(sys.argv[1]), party_columns(sys.argv[2])
mid = 900 * (0.69 + 1) / 2
sys.exit(0 if ar and en and min(ar) > mid and max(en) < mid else 1)
EOF
check "--lang ar: the party swatch's pixels on the right of the panel (left in English)" $?

# Chinese and Arabic are set in fonts of their scripts.
fc-list ':lang=zh-cn' family | grep -q 'WenQuanYi Micro Hei'
check "a Chinese font is installed (fonts-wqy-microhei)" $?
grep -q 'font-family="Noto Sans,WenQuanYi Micro Hei"' zh.svg && grep -q 'font-family="Noto Sans,Noto Sans Arabic"' ar.svg
check "Chinese and Arabic text name their script's font after the style's" $?

# The scene document keeps the language: render --scene of what render
# --lang --json wrote draws the same bytes.
"$bin" render "$sample" --size 900x600 --lang ar -o direct.png --json scene.json 2> /dev/null
"$bin" render --scene scene.json -o again.png 2> /dev/null
python3 -c "import json,sys; sys.exit(0 if json.load(open('scene.json'))['scene_document']['lang'] == 'ar' else 1)" &&
  cmp -s direct.png again.png
check "render --scene keeps the language (same PNG bytes)" $?
# --lang on a saved English scene translates it.
"$bin" render "$sample" --size 900x600 --json en-scene.json -o en-scene.svg 2> /dev/null
"$bin" render --scene en-scene.json --lang de -o from-scene.svg 2> /dev/null
texts from-scene.svg > from-scene.txt && grep -qx 'Aserbaidschan' from-scene.txt
check "render --scene --lang de translates a saved scene" $?

# Bad codes: a one-line usage error naming --lang (exit 1); a scene with a
# bad lang: exit 2 naming the key.
"$bin" render "$sample" --lang xx -o bad.png > out.txt 2> err.txt
rc=$?
[ $rc -eq 1 ] && [ "$(wc -l < err.txt)" -eq 1 ] && grep -q -- "--lang 'xx' is not a map language" err.txt && [ ! -e bad.png ]
check "--lang xx: exit 1, one line naming --lang, no file" $?
python3 -c "
import json; d = json.load(open('scene.json')); d['scene_document']['lang'] = 'klingon'; json.dump(d, open('badlang.json', 'w'))"
"$bin" render --scene badlang.json -o bad.png 2> err.txt
rc=$?
[ $rc -eq 2 ] && [ "$(wc -l < err.txt)" -eq 1 ] && grep -q 'scene.lang' err.txt
check "a scene with lang klingon: exit 2 naming scene.lang" $?

# Batch: the manifest key "lang" draws that item in it, without a warning;
# a bad code fails that item alone.
cp "$sample" a.txt && cp "$sample" b.txt && cp "$sample" c.txt
printf '%s\n' '{"path": "a.txt", "id": "german", "lang": "de"}' '{"path": "b.txt", "id": "english"}' \
  '{"path": "c.txt", "id": "broken", "lang": "tlh"}' > m.jsonl
"$bin" batch m.jsonl -o out --formats svg --size 900x600 -q 2> /dev/null
texts out/german.svg > german.txt && texts out/english.svg > english.txt &&
  grep -qx 'Staatsgrenze' german.txt && grep -qx 'International boundary' english.txt &&
  python3 -c "
import json, sys
r = json.load(open('out/report.json'))
items = {i['id']: i for i in r['items']}
ok = not any('lang' in w for w in items['german'].get('warnings', [])) and items['broken']['status'] == 'failed' \
     and 'lang' in items['broken'].get('reason', '')
sys.exit(0 if ok else 1)"
check "batch: \"lang\" in a manifest line; a bad one fails that item" $?

echo "lang_cli: $passed passed, $fail failed"
[ "$fail" -eq 0 ]
