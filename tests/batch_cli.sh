#!/usr/bin/env bash
# batch end to end: a second run skips everything, a changed style renders
# everything again, --watch renders a new article and stops cleanly (exit 0)
# on SIGTERM. Usage: batch_cli.sh BORDERLINE SAMPLES_DIR WORKDIR
set -euo pipefail
bin=$1 samples=$2 work=$3
rm -rf "$work"; mkdir -p "$work/in"
cp "$samples"/armenia-azerbaijan-syunik.txt "$work/in/a.txt"
cp "$samples"/crimea-bridge.txt "$work/in/b.txt"
run() { "$bin" batch "$work/in" -o "$work/out" --size 400x300 --no-progress "$@" 2>&1 | tail -1; }
expect() { case "$1" in *"$2"*) ;; *) echo "expected '$2', got: $1"; exit 1 ;; esac; }
expect "$(run)" "batch: 2 rendered, 0 skipped, 0 failed"
expect "$(run)" "batch: 0 rendered, 2 skipped, 0 failed"
expect "$(run --style print)" "batch: 2 rendered, 0 skipped, 0 failed"
expect "$(run --style print)" "batch: 0 rendered, 2 skipped, 0 failed"
expect "$(run --style print --force)" "batch: 2 rendered, 0 skipped, 0 failed"

"$bin" batch "$work/in" -o "$work/out" --size 400x300 --style print --no-progress --watch 2>"$work/watch.log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q "watching" "$work/watch.log" && break; sleep 0.2; done
cp "$samples"/kashmir-line-of-control.txt "$work/in/c.txt"
for _ in $(seq 1 150); do [ -e "$work/out/c.png" ] && break; sleep 0.2; done
[ -e "$work/out/c.png" ] || { echo "--watch did not render the new article"; cat "$work/watch.log"; exit 1; }
kill -TERM "$pid"
code=0; wait "$pid" || code=$?
trap - EXIT
[ "$code" -eq 0 ] || { echo "--watch exited $code on SIGTERM"; cat "$work/watch.log"; exit 1; }
grep -q "batch: 1 rendered, 2 skipped, 0 failed" "$work/watch.log" || { echo "watch pass:"; cat "$work/watch.log"; exit 1; }
grep -q "stopped watching" "$work/watch.log" || { echo "no clean stop"; cat "$work/watch.log"; exit 1; }
echo "re-runs skip, styles re-render, --watch renders and stops cleanly"
