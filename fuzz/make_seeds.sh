#!/usr/bin/env bash
# Seed corpora for the fuzz targets, generated from samples/, tests/data/ and
# styles/ (nothing binary is committed). Usage: fuzz/make_seeds.sh OUTDIR
# Makes OUTDIR/{document,extract,style,manifest,render}/, one file per seed.
# The document and render targets' first byte picks the format: 0 .txt,
# 1 .md, 2 .html, 3 .json (render: +8 draws PDF rather than PNG, 4 a box).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=$1
mkdir -p "$out"/{document,extract,style,manifest,render}
n=0
seed() {  # target prefix-byte-or-"" file-with-content
  n=$((n + 1))
  if [ -n "$2" ]; then { printf "\\x0$2"; cat "$3"; } > "$out/$1/seed-$n"; else cp "$3" "$out/$1/seed-$n"; fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# Articles: the samples in all four formats, and the claims test texts (each
# === case becomes one article).
for s in "$src"/samples/*.txt; do
  seed document 0 "$s"; seed extract "" "$s"
  { sed -n 1p "$s" | sed 's/^/# /'; echo; sed 1d "$s" | sed 's/\(Armenia\|Crimea\|Kashmir\)/**\1**/'; echo; echo '- [link](http://x)'; } > "$tmp/a.md"
  seed document 1 "$tmp/a.md"
  { echo '<html><head><title>'"$(sed -n 1p "$s")"'</title><script>var x="<p>";</script></head><body><nav>Home | World</nav>';
    sed 1d "$s" | sed 's/^\(.\+\)$/<p>\1 \&amp; \&#8212; <a href="#">more<\/a><\/p>/'; echo '<!-- c --></body></html>'; } > "$tmp/a.html"
  seed document 2 "$tmp/a.html"
  python3 -c 'import json,sys; t=open(sys.argv[1]).read().split("\n",1); print(json.dumps({"title":t[0],"date":"2023-09-19","text":t[1]}))' "$s" > "$tmp/a.json"
  seed document 3 "$tmp/a.json"
done
for f in "$src"/tests/data/claims/*.txt; do
  awk -v dir="$tmp" '/^=== /{n++; next} /^#/{next} n{print > (dir "/claim-" n ".txt")}' "$f"
  for c in "$tmp"/claim-*.txt; do seed extract "" "$c"; seed document 0 "$c"; done
  rm -f "$tmp"/claim-*.txt
done
# Geoparser cases: the text column, one seed each.
grep -v '^#' "$src/tests/data/geoparse_cases.tsv" | cut -f1 | while IFS= read -r line; do
  [ -n "$line" ] || continue
  printf '%s\n' "$line" > "$tmp/case.txt"; seed extract "" "$tmp/case.txt"
done
# Bad inputs from the test list.
for f in "$src"/tests/data/bad_inputs/*; do
  case $f in
    *.json) if grep -q '"land"\|"font"\|"paper"\|"lnad"' "$f"; then seed style "" "$f"; else seed document 3 "$f"; fi ;;
    *.html) seed document 2 "$f" ;;
    *.md) seed document 1 "$f" ;;
    *.jsonl) seed manifest "" "$f" ;;
    *.txt) seed document 0 "$f"; seed extract "" "$f" ;;
  esac
done
# Styles.
for f in "$src"/styles/*.json; do seed style "" "$f"; done
# Manifests.
printf '%s\n' '{"id":"a","text":"Armenia and Azerbaijan"}' '{"id":"../x","path":"y.txt","title":"T","date":"2024-01-01"}' \
  '{"id":"a","text":"again","style":"dark","worldview":"UKR"}' 'not json' '[1]' '{"title":"no text"}' > "$tmp/m.jsonl"
seed manifest "" "$tmp/m.jsonl"
printf '%s\n' '{"id":".hidden/../../etc/passwd","text":"x"}' '{"id":"","text":"y"}' '{"id":"CON","text":"z"}' > "$tmp/m.jsonl"
seed manifest "" "$tmp/m.jsonl"
# Render: the samples as text (PNG) and JSON (PDF), a hostile headline, and
# a few boxes (the Caucasus, one symmetric about the equator, the world).
for s in "$src"/samples/*.txt; do seed render 0 "$s"; done
for f in "$out"/document/seed-*; do
  if [ "$(head -c 1 "$f" | od -An -tu1 | tr -d ' ')" = 3 ]; then { printf '\x0b'; tail -c +2 "$f"; } > "$out/render/seed-json-$(basename "$f")"; fi
done
printf '\x00Armenia \x01and\xef\xbf\xbe Azerbaijan \xed\xa0\x80 clash\n\nArmenia and Azerbaijan exchanged fire.\n' > "$out/render/seed-hostile"
printf '\x04\x5e\x00\x5e\x00\x05\x00\x03\x00' > "$out/render/seed-box-caucasus"
printf '\x0c\x9f\x00\x7e\x00\x00\x50\x02\x00' > "$out/render/seed-box-equator"
printf '\x04\x00\x00\x00\x00\xff\xff\xff\xff' > "$out/render/seed-box-world"
for t in document extract style manifest render; do echo "$t: $(ls "$out/$t" | wc -l) seeds"; done
