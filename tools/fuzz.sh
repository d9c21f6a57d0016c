#!/usr/bin/env bash
# Build the libFuzzer targets (clang, ASan+UBSan) into build-fuzz/ on one core
# and run each target, one at a time and niced, for SECONDS (default 600) on
# a corpus seeded by fuzz/make_seeds.sh from samples/, tests/data/ and styles/.
#   tools/fuzz.sh [SECONDS] [TARGET...]       targets: document extract style manifest render
# The corpus grows in build-fuzz/corpus/TARGET across runs; a finding is saved
# as build-fuzz/crash-TARGET-* and the script exits 1. Reproduce one with
#   build-fuzz/fuzz/fuzz_TARGET build-fuzz/crash-TARGET-...
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(document extract style manifest render)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBORDERLINE_FUZZ=ON \
  -DBORDERLINE_TESTS=OFF >/dev/null
nice cmake --build build-fuzz -j1 --target gazetteer_cache $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null
fuzz/make_seeds.sh build-fuzz/seeds >/dev/null
status=0
for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$t
  mkdir -p "$corpus"
  cp -n build-fuzz/seeds/"$t"/* "$corpus/" 2>/dev/null || true
  log=build-fuzz/fuzz-$t.log
  echo "== fuzz_$t for ${secs}s (log: $log)"
  # -timeout: one input taking over 10 s is a finding (quadratic or hanging code).
  set +e
  # fontconfig's process-lifetime caches (reached through Pango, in the
  # render target) are not leaks of ours: the test suite's suppressions.
  LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
    nice build-fuzz/fuzz/fuzz_"$t" "$corpus" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2560 \
    -print_final_stats=1 -artifact_prefix=build-fuzz/crash-"$t"- >"$log" 2>&1
  rc=$?
  set -e
  grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$log" || true
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  took=$(sed -n 's/^stat::.*//; s/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log")
  echo "fuzz_$t: exit $rc, ${runs:-?} runs in ${took:-?} s ($(( ${runs:-0} / ${took:-1} )) exec/s)," \
       "corpus $(ls "$corpus" | wc -l) files, $(du -sk "$corpus" | cut -f1) KiB"
  [ "$rc" -eq 0 ] || status=1
done
exit $status
