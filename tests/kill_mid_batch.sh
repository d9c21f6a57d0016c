#!/usr/bin/env bash
# Kill a batch with SIGKILL 20 times while it renders: every file under its
# final name must be a complete PNG after each kill, no temporary file may
# remain after the last run, a final run completes the set and records it
# (a run after it renders nothing). Usage: kill_mid_batch.sh BORDERLINE SAMPLES_DIR WORKDIR
#
# Each kill waits for the run to be at work (a temporary file, or a map of
# its own finished) and then a random 0-90 ms, instead of sleeping a fixed
# time: the old fixed sleeps let the first runs finish the whole set, so most
# kills hit a batch with nothing left to do, and the test spent a minute on it.
# Two runs in three resume what the run before left (the second of them
# after a resumed, killed run); every third uses --force and so is killed
# while replacing complete maps, which must stay complete.
set -euo pipefail
bin=$1 samples=$2 work=$3
rm -rf "$work"; mkdir -p "$work/in" "$work/out"
# 32 copies of each sample: enough work for the random pause before a kill.
for i in $(seq 1 32); do
  for s in "$samples"/*.txt; do cp "$s" "$work/in/$(basename "$s" .txt)-$i.txt"; done
done
total=$(ls "$work/in" | wc -l)
shopt -s nullglob
# Under the sanitizers (BORDERLINE_SANITIZED, set by CTest there) 8 kills, not
# 20: each run is ten times slower there, and what is checked is the files
# on disk, which the release pass checks after every one of its 20 kills.
kills=20
[ -z "${BORDERLINE_SANITIZED:-}" ] || kills=8

# Every map under its final name: the PNG signature, each chunk whole with its
# CRC, IHDR first, the image data a complete zlib stream, IEND last and
# nothing after it. One python per check (the old header and trailer check
# ran four processes per file, 4000 in all). With a file argument, only the
# maps written after it: the others were checked after the run that wrote them.
check_pngs() {
  python3 - "$work/out" "$@" <<'EOF'
import os, struct, sys, zlib
out = sys.argv[1]
since = os.stat(sys.argv[2]).st_mtime_ns if len(sys.argv) > 2 else -1
for name in sorted(os.listdir(out)):
    if name.startswith(".") or not name.endswith(".png"):
        continue
    if os.stat(os.path.join(out, name)).st_mtime_ns <= since:
        continue
    data = open(os.path.join(out, name), "rb").read()
    def bad(why):
        sys.exit(f"{name}: {why} ({len(data)} bytes)")
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        bad("no PNG signature")
    pos, kinds, z = 8, [], zlib.decompressobj()
    while pos < len(data):
        if pos + 12 > len(data):
            bad("truncated chunk header")
        (length,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length or pos + 12 + length > len(data):
            bad(f"truncated {kind!r} chunk")
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            bad(f"bad CRC in {kind!r}")
        if kind == b"IDAT":
            z.decompress(body)
        kinds.append(kind)
        pos += 12 + length
        if kind == b"IEND":
            break
    if not kinds or kinds[0] != b"IHDR" or kinds[-1] != b"IEND" or pos != len(data):
        bad("not IHDR ... IEND")
    if not z.eof:
        bad("image data cut short")
EOF
}

# A wait of 10 ms without starting a process: read from a pipe nobody writes.
exec 9<> <(:)
pause() { read -r -t 0.01 -u 9 || true; }

killed=0 interrupted_writes=0
for run in $(seq 1 "$kills"); do
  force=()
  [ $((run % 3)) -eq 0 ] && force=(--force)
  # A resumed run must find work left: once the set is complete, a run with
  # nothing to draw ends before any kill (a fast machine finished the set
  # in a few runs, and 11 of 20 runs were never killed). Three maps in four
  # are removed first, as a user clearing stale maps would; the state still
  # lists them, resuming must redraw what is missing and skip the rest.
  if [ ${#force[@]} -eq 0 ]; then
    maps=("$work"/out/*.png)
    for ((m = 0; m < ${#maps[@]}; m++)); do [ $(((m + run) % 4)) -eq 0 ] || rm -f "${maps[m]}"; done
  fi
  touch "$work/started"
  "$bin" batch "$work/in" -o "$work/out" "${force[@]}" --jobs 2 --size 600x400 --no-progress >/dev/null 2>&1 &
  pid=$!
  want=$((RANDOM % 2))  # 0: the first temporary file; 1: a map this run finished
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$want" -eq 0 ]; then
      tmps=("$work"/out/.*.tmp-*)
      [ ${#tmps[@]} -gt 0 ] && break
    else
      n=0
      for f in "$work"/out/*.png; do [[ $f -nt $work/started ]] && n=$((n + 1)); done
      [ "$n" -ge "$want" ] && break
    fi
    pause
  done
  for _ in $(seq 0 $((RANDOM % 10))); do pause; done
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
  tmps=("$work"/out/.*.tmp-*)
  [ ${#tmps[@]} -gt 0 ] && interrupted_writes=$((interrupted_writes + 1))
  check_pngs "$work/started"
done
# Nearly every run was stopped early, with maps of the set left to draw. A
# resumed run with only a few maps left can end on its own in the random
# pause before its kill (one of 20 did on a fast CI machine), which is no
# fault; a quarter of the runs ending so would mean the kills missed.
[ "$killed" -ge $((kills - kills / 4)) ] ||
  { echo "only $killed of $kills runs were still running when killed"; exit 1; }
maps=("$work"/out/*.png)
before=${#maps[@]}
"$bin" batch "$work/in" -o "$work/out" --jobs 2 --size 600x400 --no-progress >/dev/null 2>&1
check_pngs
maps=("$work"/out/*.png)
n=${#maps[@]}
[ "$n" -eq "$total" ] || { echo "expected $total maps, found $n"; exit 1; }
# The killed runs' temporary files (hidden, .NAME.tmp-PID-XXXXXX) are
# removed by the next run: only maps, the report and the state remain.
ls -A "$work/out" | grep -v '^report.json$' | grep -v '^\.borderline-state\.json$' | grep -v '\.png$' &&
  { echo "unexpected files"; exit 1; }
grep -q '"failed": 0' "$work/out/report.json" || { echo "final run reported failures"; exit 1; }
# The final run recorded what it drew: nothing is left to render.
again=$("$bin" batch "$work/in" -o "$work/out" --jobs 2 --size 600x400 --no-progress 2>&1)
echo "$again" | grep -q "batch: 0 rendered, $total skipped, 0 failed" || { echo "a run after the final one: $again"; exit 1; }
echo "$killed of $kills runs killed ($interrupted_writes left a temporary file), $before maps before the final run, then $n of $total complete"
