#!/usr/bin/env bash
# Render benchmark (issue "The annotated map"): the reference base map drawn
# by borderline and by Mapnik from the same shapefiles, extent and size, both
# as whole processes, plus the sample article end to end. Prints medians over
# N interleaved runs (after one warm-up each), the borderline/Mapnik ratio,
# and the peak RSS of the article render.
#
#   bench/render/bench_render.sh [N]        (needs build/borderline and python3-mapnik)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-7}
bin=build/borderline
[ -x "$bin" ] || { echo "bench_render: $bin is missing; run tools/setup.sh first" >&2; exit 1; }
/usr/bin/python3 -c "import mapnik" 2>/dev/null || {
  echo "bench_render: Mapnik's Python binding is missing; apt-get install python3-mapnik" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench_render: /usr/bin/time is missing; apt-get install time" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bbox=43,38.2,51,42.2
size=1600x1000

ms() {  # run a command, print its wall time in ms
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "bench_render: failed: $*" >&2; return 1; }  # never time a failure
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

base_b=() base_m=() article=()
for i in $(seq 0 "$n"); do
  b=$(ms "$bin" render --bbox "$bbox" --size "$size" -o "$out/b.png")
  m=$(ms /usr/bin/python3 bench/render/render_base.py "$out/m.png" "$bbox" "$size")
  a=$(ms "$bin" render samples/armenia-azerbaijan-syunik.txt -o "$out/a.png")
  [ "$i" -eq 0 ] && continue  # warm-up
  base_b+=("$b") base_m+=("$m") article+=("$a")
done
mb=$(printf '%s\n' "${base_b[@]}" | median)
mm=$(printf '%s\n' "${base_m[@]}" | median)
ma=$(printf '%s\n' "${article[@]}" | median)
rss=$(/usr/bin/time -f %M "$bin" render samples/armenia-azerbaijan-syunik.txt -o "$out/a.png" 2>&1 >/dev/null | tail -1)
echo "base map $bbox at $size, median of $n runs:"
echo "  borderline  ${mb} ms"
echo "  mapnik      ${mm} ms"
awk -v b="$mb" -v m="$mm" 'BEGIN {printf "  ratio       %.2f (target <= 0.20)\n", b / m}'
echo "sample article to PNG end to end: median ${ma} ms (target <= 100), peak RSS $((rss / 1024)) MiB (target <= 60)"
