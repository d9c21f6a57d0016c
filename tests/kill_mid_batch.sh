#!/usr/bin/env bash
# Kill a batch at random points, 20 times: every file under its final name
# must be a complete PNG, no temporary file may remain after the last run,
# and a final run completes the set. Usage: kill_mid_batch.sh BORDERLINE SAMPLES_DIR WORKDIR
set -euo pipefail
bin=$1 samples=$2 work=$3
rm -rf "$work"; mkdir -p "$work/in"
for i in $(seq 1 8); do
  for s in "$samples"/*.txt; do cp "$s" "$work/in/$(basename "$s" .txt)-$i.txt"; done
done
total=$(ls "$work/in" | wc -l)
check_pngs() {
  for f in "$work"/out/*.png; do
    [ -e "$f" ] || continue
    head -c 8 "$f" | od -An -tx1 | tr -d ' \n' | grep -q '^89504e470d0a1a0a$' || { echo "bad PNG header: $f"; exit 1; }
    tail -c 8 "$f" | od -An -tx1 | tr -d ' \n' | grep -q '^49454e44ae426082$' || { echo "truncated PNG: $f"; exit 1; }
  done
}
for run in $(seq 1 20); do
  "$bin" batch "$work/in" -o "$work/out" --jobs 2 --size 600x400 --no-progress >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(( (RANDOM % 9) + 1 ))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check_pngs
done
"$bin" batch "$work/in" -o "$work/out" --jobs 2 --size 600x400 --no-progress >/dev/null 2>&1
check_pngs
n=$(ls "$work"/out/*.png | wc -l)
[ "$n" -eq "$total" ] || { echo "expected $total maps, found $n"; exit 1; }
# The killed runs' temporary files (hidden, .NAME.tmp-PID-XXXXXX) are
# removed by the next run: only maps, the report and the state remain.
ls -A "$work/out" | grep -v '^report.json$' | grep -v '^\.borderline-state\.json$' | grep -v '\.png$' &&
  { echo "unexpected files"; exit 1; }
grep -q '"failed": 0' "$work/out/report.json" || { echo "final run reported failures"; exit 1; }
echo "20 kills, then $n of $total maps complete"
