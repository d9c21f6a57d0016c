#!/usr/bin/env bash
# Build the libFuzzer targets (clang, ASan+UBSan) and run each for SECONDS
# (default 600) on a seed corpus made from the samples and test data.
#   tools/fuzz.sh [SECONDS] [TARGET...]       targets: document extract style manifest
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(document extract style manifest)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBORDERLINE_FUZZ=ON \
  -DBORDERLINE_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null
for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$t
  mkdir -p "$corpus"
  case $t in
    document|extract) cp samples/*.txt "$corpus/" ;;
    style) cp styles/*.json "$corpus/" ;;
    manifest) printf '%s\n' '{"id":"a","text":"Armenia"}' '{"id":"../x","path":"y.txt"}' > "$corpus/seed.jsonl" ;;
  esac
  echo "== fuzz_$t for ${secs}s"
  build-fuzz/fuzz/fuzz_$t "$corpus" -max_total_time="$secs" -max_len=65536 -print_final_stats=1 \
    -artifact_prefix=build-fuzz/crash-$t- 2>&1 | grep -E 'stat::|Done|ERROR|SUMMARY' || true
  echo "corpus: $(ls "$corpus" | wc -l) files"
done
