#!/usr/bin/env bash
# Batch benchmark (issue "Batch rendering for updates"): N articles made from
# the samples with varied places, rendered to PNG at 1200x800 with --jobs 2.
# Prints maps per second and peak RSS, for N/4 and N items, to show that
# memory does not grow with the number of items.
#
# The peer is the same work done the plain way: one `borderline render`
# process per article, two at a time (xargs -P 2), on the first 40 items.
#
#   bench/bench_batch.sh [N]      (default 1000; BORDERLINE=path/to/borderline, default build/borderline)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
bin=${BORDERLINE:-$(pwd)/build/borderline}
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
  local all=("$work"/in/*)  # not ls | head: under pipefail, ls dies of SIGPIPE
  for f in "${all[@]:0:$items}"; do ln -s "$f" "$dir/in/"; done
  local t0 t1 rss
  t0=$(date +%s%N)
  rss=$(/usr/bin/time -f %M "$bin" batch "$dir/in" -o "$dir/out" --jobs 2 --size 1200x800 --no-progress 2>&1 >/dev/null | tail -1)
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $rss"
}
peer() {  # items -> milliseconds for one render process per item, 2 at a time
  local items=$1 dir="$work/peer"
  mkdir -p "$dir"
  local t0 t1
  t0=$(date +%s%N)
  local all=("$work"/in/*)
  printf '%s\n' "${all[@]:0:$items}" | xargs -P 2 -I{} sh -c '"$1" render "$2" -o "$3/$(basename "$2").png" --size 1200x800' sh "$bin" {} "$dir" 2>/dev/null || true
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
quarter=$(( n / 4 ))
peer_n=$(( n < 40 ? n : 40 ))
ms_peer=$(peer "$peer_n")
read -r ms_q rss_q < <(run "$quarter")
read -r ms_n rss_n < <(run "$n")
awk -v n="$quarter" -v ms="$ms_q" -v rss="$rss_q" 'BEGIN {printf "%5d items: %.1f maps/s, peak RSS %d MiB\n", n, n * 1000 / ms, rss / 1024}'
awk -v n="$n" -v ms="$ms_n" -v rss="$rss_n" 'BEGIN {printf "%5d items: %.1f maps/s, peak RSS %d MiB (target >= 45 maps/s on 2 cores)\n", n, n * 1000 / ms, rss / 1024}'
awk -v n="$n" -v ms="$ms_n" -v pn="$peer_n" -v pms="$ms_peer" -v rq="$rss_q" -v rn="$rss_n" 'BEGIN {
  printf "peer: one render process per item, 2 at a time: %.1f maps/s (%d items); batch is %.1fx faster\n", pn * 1000 / pms, pn, (n * 1000 / ms) / (pn * 1000 / pms)
  printf "peak RSS %d items / %d items: %.2f\n", n, n / 4, rn / rq }'
# A second run over the same items skips them all: the cost of a no-op update.
t0=$(date +%s%N)
"$bin" batch "$work/run$n/in" -o "$work/run$n/out" --jobs 2 --size 1200x800 --no-progress 2>"$work/rerun.log"
t1=$(date +%s%N)
echo "re-run, nothing changed: $(( (t1 - t0) / 1000000 )) ms ($(tail -1 "$work/rerun.log" | cut -d';' -f1))"
