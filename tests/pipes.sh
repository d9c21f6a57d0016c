#!/usr/bin/env bash
# Standard output contracts (issue 20, pipes): -o - in each --format, one
# output at most on stdout, extract prints a whole document even when it
# finds nothing (exit 3), and a write error on stdout is exit 5.
#   tests/pipes.sh BORDERLINE SAMPLE WORKDIR
set -u
bin=$1 sample=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail=0 passed=0
check() {  # name, condition already evaluated as $?
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else echo "FAIL: $1" >&2; fail=$((fail + 1)); fi
}

"$bin" render "$sample" --size 400x300 -o - --format svg > out.svg 2> err.txt
check "svg to stdout exits 0" $?
[ "$(head -c 5 out.svg)" = "<?xml" ] && grep -q '<g id="land">' out.svg
check "svg on stdout is our SVG" $?
"$bin" render "$sample" --size 400x300 -o - --format pdf > out.pdf 2>> err.txt
check "pdf to stdout exits 0" $?
[ "$(head -c 5 out.pdf)" = "%PDF-" ]
check "pdf on stdout starts %PDF-" $?
"$bin" render "$sample" --size 400x300 -o - > out.png 2>> err.txt
check "png to stdout exits 0" $?
[ "$(head -c 4 out.png | tail -c 3)" = "PNG" ]
check "png is the default on stdout" $?
[ ! -s err.txt ]
check "nothing on stderr" $?

"$bin" render "$sample" -o - --json - > both.out 2> both.err
[ $? -eq 1 ] && [ ! -s both.out ] && grep -q "only one output can go to standard output" both.err
check "two outputs on stdout are a usage error" $?
"$bin" render "$sample" -o map.png --format svg > /dev/null 2> mismatch.err
[ $? -eq 1 ] && grep -q -- "--format svg does not match" mismatch.err && [ ! -e map.png ]
check "--format that contradicts the file name is a usage error" $?

printf 'Nothing here\n\nThe committee met on Tuesday and agreed on the budget.\n' > none.txt
"$bin" extract none.txt > none.json 2> none.err
code=$?
[ $code -eq 3 ]
check "extract with no place exits 3 (got $code)" $?
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["places"]==[] and d["claims"]==[] and d["schema"]=="borderline/extract/1" else 1)' none.json
check "extract with no place prints a whole document with empty lists" $?

if [ -w /dev/full ]; then
  "$bin" extract "$sample" > /dev/full 2> full.err
  code=$?
  [ $code -eq 5 ] && [ "$(wc -l < full.err)" -eq 1 ]
  check "extract > /dev/full exits 5 with one line (got $code)" $?
  "$bin" render "$sample" --size 400x300 -o - > /dev/full 2> full2.err
  [ $? -eq 5 ]
  check "render -o - > /dev/full exits 5" $?
fi
echo "pipes: $passed passed, $fail failed"
[ $fail -eq 0 ]
