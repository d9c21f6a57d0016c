#!/usr/bin/env bash
# Batch benchmark (issue "Batch rendering for updates"): N articles made from
# the samples with varied places, rendered to PNG at 1200x800 with --jobs 2.
# Prints maps per second and peak RSS, for N/4 and N items, to show that
# memory does not grow with the number of items.
#
#   bench/bench_batch.sh [N]      (default 1000; needs build/borderline)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
bin=$(pwd)/build/borderline
[ -x "$bin" ] || { echo "bench_batch: $bin is missing; run tools/setup.sh first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench_batch: /usr/bin/time is missing; apt-get install time" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Vary the places: each sample's own town or province is swapped for another
# of the same country, so that every article gets its own frame and labels.
/usr/bin/python3 - "$n" "$work/in" samples <<'PY'
import os, sys
n, out, samples = int(sys.argv[1]), sys.argv[2], sys.argv[3]
swaps = {
    "armenia-azerbaijan-syunik.txt": ("Syunik", ["Syunik", "Tavush", "Vayots Dzor", "Gegharkunik", "Ararat", "Lori"]),
    "crimea-bridge.txt": ("Simferopol", ["Simferopol", "Yalta", "Kerch", "Feodosia", "Yevpatoria", "Dzhankoi"]),
    "kashmir-line-of-control.txt": ("Poonch", ["Poonch", "Kupwara", "Uri", "Rajouri", "Baramulla", "Kargil"]),
}
os.makedirs(out, exist_ok=True)
texts = {name: open(os.path.join(samples, name), encoding="utf-8").read() for name in swaps}
names = sorted(swaps)
for i in range(n):
    name = names[i % len(names)]
    word, choices = swaps[name]
    text = texts[name].replace(word, choices[(i // len(names)) % len(choices)])
    with open(os.path.join(out, "a%04d.txt" % i), "w", encoding="utf-8") as fh:
        fh.write(text + "\n(Item %d.)\n" % i)
PY

run() {  # items -> "seconds rss_kib"
  local items=$1 dir="$work/run$1"
  mkdir -p "$dir/in"
  ls "$work/in" | head -n "$items" | while read -r f; do ln -s "$work/in/$f" "$dir/in/$f"; done
  local t0 t1 rss
  t0=$(date +%s%N)
  rss=$(/usr/bin/time -f %M "$bin" batch "$dir/in" -o "$dir/out" --jobs 2 --size 1200x800 --no-progress 2>&1 >/dev/null | tail -1)
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $rss"
}
quarter=$(( n / 4 ))
read -r ms_q rss_q < <(run "$quarter")
read -r ms_n rss_n < <(run "$n")
awk -v n="$quarter" -v ms="$ms_q" -v rss="$rss_q" 'BEGIN {printf "%5d items: %.1f maps/s, peak RSS %d MiB\n", n, n * 1000 / ms, rss / 1024}'
awk -v n="$n" -v ms="$ms_n" -v rss="$rss_n" 'BEGIN {printf "%5d items: %.1f maps/s, peak RSS %d MiB (target >= 20 maps/s)\n", n, n * 1000 / ms, rss / 1024}'
