#!/usr/bin/env bash
# The reproducers of issue 22 (a hostile tester's findings), one case per
# CTest entry: each gives its documented exit code and message and leaves
# nothing partial behind. Usage: hardening.sh BORDERLINE SAMPLES_DIR WORKDIR CASE
set -uo pipefail
bin=$1 samples=$2 work=$3 case=$4
rm -rf "$work"
mkdir -p "$work"
cd "$work" || exit 1
sample=$samples/armenia-azerbaijan-syunik.txt
fail() {
    echo "FAIL ($case): $*"
    exit 1
}
# run CODE CMD...: run borderline, keep stderr in err.txt, check the exit code.
run() {
    local want=$1
    shift
    local code=0
    timeout 300 "$bin" "$@" >out.txt 2>err.txt || code=$?
    [ "$code" -eq "$want" ] || fail "exit $code, expected $want: $* -- $(head -c 600 err.txt)"
}
has() { grep -q -- "$1" "$2" || fail "no '$1' in $2: $(head -c 600 "$2")"; }
# A JSON file that parses (python3's parser is strict about UTF-8).
json_ok() { python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$1" || fail "$1 is not valid JSON"; }
# An SVG that a strict XML parser accepts.
xml_ok() { python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$1" || fail "$1 is not well-formed XML"; }

case $case in
non_utf8_name)
    # Finding 1: a file name that is not UTF-8 plus failing items aborted the
    # pool (nlohmann's dump() threw outside the per-item handler).
    mkdir in out
    echo 'Armenia and Azerbaijan' >in/$'a\xff.txt'
    for i in $(seq 10 20); do
        echo 'Armenia and Azerbaijan clash' >"in/z$i.txt"
        mkdir "out/z$i.png"
    done
    run 4 batch in -o out --jobs 2 --size 400x300 --no-progress
    has "1 rendered, 0 skipped, 11 failed" err.txt
    json_ok out/report.json
    json_ok out/.borderline-state.json
    [ "$(python3 -c 'import json; print(len(json.load(open("out/.borderline-state.json"))))')" = 1 ] ||
        fail "the state does not hold the rendered item"
    # The name alone: no internal error, the state saved.
    rm -rf in/z* out
    run 0 batch in -o out --size 400x300 --no-progress
    json_ok out/report.json
    ;;
fifo_in_manifest)
    # Finding 2: a manifest path naming a FIFO hung the whole batch.
    mkfifo pipe.txt
    cp "$sample" a.txt
    printf '{"id": "p", "path": "pipe.txt"}\n{"id": "a", "path": "a.txt"}\n{"id": "d", "path": "/dev/zero"}\n' >m.jsonl
    run 4 batch m.jsonl -o out --size 400x300 --no-progress
    has "1 rendered, 0 skipped, 2 failed" err.txt
    has "pipe.txt: is not a regular file" err.txt
    has "/dev/zero: is not a regular file" err.txt
    ;;
stdin_bounded)
    # Finding 2: a stream is read up to the limit and no further (ulimit -v
    # would stop a reader that took the whole stream first).
    code=0
    # AddressSanitizer reserves terabytes of address space for its shadow, so
    # the sanitizer build runs without the address-space limit (the exit code
    # and message are still checked).
    vlimit=1500000
    [ -z "${BORDERLINE_SANITIZED:-}" ] || vlimit=unlimited
    (ulimit -v "$vlimit" && head -c 300M /dev/zero | tr '\0' a | "$bin" render /dev/stdin -o x.png) 2>err.txt || code=$?
    [ "$code" -eq 2 ] || fail "exit $code: $(cat err.txt)"
    has "over the limit of 20 MB" err.txt
    [ ! -e x.png ] || fail "x.png left behind"
    ;;
style_bounded)
    # Finding 2: style files go through the same bounded reader.
    run 2 render "$sample" --style /dev/zero -o x.png
    has "style /dev/zero: input is over the limit of 1 MB" err.txt
    [ ! -e x.png ] || fail "x.png left behind"
    ;;
svg_controls)
    # Finding 3: C0 controls, NUL-free but U+FFFE/U+FFFF and a lone
    # surrogate in a headline made SVG that is not XML and a PDF that failed.
    # (Two controls in over 200 bytes: under the 1% that marks binary data.)
    { printf 'Armenia \x01and\x1f Azerbaijan \xef\xbf\xbe clash \xef\xbf\xbf at \xed\xa0\x80 the border\n\n'
      sed 1d "$sample"; } >hostile.txt
    run 0 render hostile.txt -o map.svg --size 400x300
    xml_ok map.svg
    run 0 render hostile.txt -o map.pdf --size 400x300
    head -c 5 map.pdf | grep -q '%PDF-' || fail "map.pdf is not a PDF"
    # JSON title and batch: both formats written, and well-formed.
    python3 -c 'import json; print(json.dumps({"title": "Clash \u0001 \uffff \u0000 on the border", "text": "Armenia and Azerbaijan exchanged fire near Jermuk."}))' >j.json
    mkdir in && cp hostile.txt j.json in/
    run 0 batch in -o out --formats svg,pdf --size 400x300 --no-progress
    xml_ok out/hostile.svg
    xml_ok out/j.svg
    ;;
output_special)
    # Finding 4: -o onto a symlink, a FIFO or /dev/stdout writes through it
    # and never renames over it.
    ln -s real.png link.png
    run 0 render "$sample" --size 400x300 -o link.png
    [ -L link.png ] || fail "link.png is no longer a symlink"
    head -c 8 real.png | od -An -c | grep -q 'P   N   G' || fail "real.png is not the PNG"
    mkfifo fifo.svg
    cat fifo.svg >got.svg &
    reader=$!
    run 0 render "$sample" --size 400x300 -o fifo.svg
    wait "$reader"
    [ -p fifo.svg ] || fail "fifo.svg is no longer a FIFO"
    xml_ok got.svg
    # Both sidecars onto /dev/stdout (a pipe here, a file below): written
    # through, one after the other, and /dev/stdout stays the link it is.
    "$bin" render "$sample" --size 400x300 -o m.png --json /dev/stdout --geojson /dev/stdout 2>err.txt | cat >both.txt ||
        fail "to /dev/stdout: $(cat err.txt)"
    grep -q '"places"' both.txt || fail "no extraction JSON on stdout"
    grep -q '"FeatureCollection"' both.txt || fail "no GeoJSON on stdout"
    "$bin" render "$sample" --size 400x300 -o m.png --json /dev/stdout >file.txt 2>err.txt || fail "$(cat err.txt)"
    grep -q '"places"' file.txt || fail "no extraction JSON in the redirected file"
    [ -L /dev/stdout ] || fail "/dev/stdout was replaced"
    ;;
clashing_ids)
    # Finding 5: 20k items whose ids all collapse to "item" (non-ASCII
    # headlines) were named in quadratic time: 20 s before, well under 5 now.
    # Under the sanitizers 5000 items: the time bound is the release pass's
    # (a quadratic naming is seconds there too), memory is checked at any size.
    n=20000
    [ -z "${BORDERLINE_SANITIZED:-}" ] || n=5000
    python3 -c '
import sys
for i in range(int(sys.argv[1])): print("{\"id\": \"\\u0410\\u0411\\u0412\", \"text\": \"x\"}")' "$n" >m.jsonl
    start=$(date +%s%N)
    # Every item fails (no place in "x"), which is fast; the naming is what is timed.
    run 4 batch m.jsonl -o out --size 300x200 --no-progress --jobs 2
    ms=$(((($(date +%s%N) - start)) / 1000000))
    has "0 rendered, 0 skipped, $n failed" err.txt
    python3 -c 'import json,sys; ids=[i["id"] for i in json.load(open("out/report.json"))["items"]]; assert len(ids)==int(sys.argv[1])' "$n" ||
        fail "report"
    # Under ASan and UBSan at -O0 about ten times slower (46 s on a loaded
    # CI machine); the quadratic naming took 20 s optimised, minutes there.
    bound=30000
    [ -z "${BORDERLINE_SANITIZED:-}" ] || bound=150000
    [ "$ms" -lt "$bound" ] || fail "took $ms ms (bound $bound ms)"
    echo "$n clashing ids: $ms ms"
    ;;
one_long_sentence)
    # Finding 5: one sentence of 90k speech cues (180k mentions, under the
    # 200k limit). subject_left scanned from the sentence start for every
    # cue: about 20 s of CPU before (2.5 s at 32k cues, growing as the
    # square), under 2 s now. CPU time is measured: the machine is shared.
    # Under the sanitizers 30000 cues (the bound below is for 90000 there too).
    cues=90000
    [ -z "${BORDERLINE_SANITIZED:-}" ] || cues=30000
    python3 -c "import sys; print('Headline\n\n' + ' '.join(['Armenia said Azerbaijan'] * int(sys.argv[1])) + '.')" "$cues" >long.txt
    /usr/bin/time -f '%U %S' -o cpu.txt "$bin" extract long.txt >out.json 2>err.txt || fail "exit $?: $(cat err.txt)"
    cpu=$(awk '{print int($1 + $2)}' cpu.txt)
    echo "one sentence, $cues cues: $(cat cpu.txt) s CPU (user, sys)"
    # The sanitizer build runs at -O0 under ASan and UBSan, about ten times
    # slower: its bound is ten times looser, still far below the quadratic
    # code's (about 20 s optimised, over 200 s there).
    bound=8
    [ -z "${BORDERLINE_SANITIZED:-}" ] || bound=80
    [ "$cpu" -lt "$bound" ] || fail "took $cpu s of CPU (bound $bound s)"
    grep -q '"claims"' out.json || fail "no claims in the output"
    ;;
amp_runs)
    # Finding 5: 20 MB of `&` in an HTML page. blank_html once looked for `;`
    # once per `&` (1 MB 7 s, 4 MB 149 s); then the tokenizer made a token of
    # each `&`, 20 million of them: 12 s of CPU and 2 GB. A run of one mark
    # is one token now: well under a second of CPU, under 200 MB.
    python3 -c "
import sys
sys.stdout.write('<html><head><title>Border talks</title></head><body><p>Armenia and Azerbaijan met in Jermuk. ' + '&' * (20 * 1024 * 1024 - 400) + '</p></body></html>')" >amp.html
    /usr/bin/time -f '%U %S %M' -o cpu.txt "$bin" extract amp.html >out.json 2>err.txt || fail "exit $?: $(cat err.txt)"
    read -r user sys kb <cpu.txt
    echo "20 MB of & runs: $user s user, $sys s system, $((kb / 1024)) MiB"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {print int(u + s)}')
    bound=3
    [ -z "${BORDERLINE_SANITIZED:-}" ] || bound=30
    [ "$cpu" -lt "$bound" ] || fail "took $cpu s of CPU (bound $bound s)"
    [ -n "${BORDERLINE_SANITIZED:-}" ] || [ "$kb" -lt 400000 ] || fail "peak RSS $kb KB"
    python3 -c 'import json,sys; p=[x["name"] for x in json.load(open("out.json"))["places"]]; assert "Jermuk" in p, p' ||
        fail "Jermuk not found"
    ;;
mention_list)
    # Finding 5: 20 MB of one sentence naming places 1.7 million times is
    # refused at the mention limit; the search now stops one past the limit
    # rather than collecting every mention first (4 s of CPU and 500 MB).
    python3 -c "print('Headline\n\n' + 'Armenia said Azerbaijan ' * 870000 + '.')" >long.txt
    /usr/bin/time -f '%U %S' -o cpu.txt "$bin" extract long.txt >out.json 2>err.txt && fail "exit 0"
    has "names places more than 200000 times" err.txt
    [ "$(wc -l <err.txt)" -le 2 ] || fail "more than one message: $(cat err.txt)"
    # time(1) writes "Command exited with non-zero status 2" first.
    echo "20 MB list: $(tail -1 cpu.txt) s CPU (user, sys)"
    # Before: 2.2 s user and 1.6 s system on this machine; now about 1.2 s.
    bound=2.5
    [ -z "${BORDERLINE_SANITIZED:-}" ] || bound=25
    tail -1 cpu.txt | awk -v b="$bound" '{exit !($1 + $2 < b)}' || fail "took $(tail -1 cpu.txt) s of CPU (bound $bound s)"
    ;;
tall_box_vector)
    # Finding of fuzz_render: a box much taller than the canvas (0.07 by 86
    # degrees) thinned its outlines to the box's narrow side, so a 400x300
    # world map was a 9.7 MB SVG and a 2.7 MB PDF (and over libFuzzer's 10 s
    # under ASan). Thinned to the scale actually drawn: about 1 MB and 0.4 MB.
    run 0 render --bbox 42.97,-1.9,43.04,84.6 --size 400x300 -o tall.svg
    run 0 render --bbox 42.97,-1.9,43.04,84.6 --size 400x300 -o tall.pdf
    svg=$(stat -c %s tall.svg) pdf=$(stat -c %s tall.pdf)
    echo "tall box: SVG $svg bytes, PDF $pdf bytes"
    [ "$svg" -lt 3000000 ] || fail "SVG of $svg bytes"
    [ "$pdf" -lt 1000000 ] || fail "PDF of $pdf bytes"
    xml_ok tall.svg
    ;;
damaged_state)
    # Finding 8: a damaged state entry re-renders the item (it failed it).
    mkdir in && cp "$sample" in/a.txt
    run 0 batch in -o out --size 400x300 --no-progress
    python3 -c 'import json; p="out/.borderline-state.json"; s=json.load(open(p)); s["a"]["key"]=12; s["a"]["places"]="x"; json.dump(s, open(p, "w"))'
    run 0 batch in -o out --size 400x300 --no-progress
    has "1 rendered, 0 skipped, 0 failed" err.txt
    run 0 batch in -o out --size 400x300 --no-progress
    has "0 rendered, 1 skipped, 0 failed" err.txt
    ;;
report_unwritable)
    # Finding 8: a report.json that cannot be written (a folder) still lets
    # the state be saved, and says so with exit 5.
    mkdir in && cp "$sample" in/a.txt
    mkdir -p out/report.json
    run 5 batch in -o out --size 400x300 --no-progress
    has "report.json" err.txt
    json_ok out/.borderline-state.json
    python3 -c 'import json; assert "a" in json.load(open("out/.borderline-state.json"))' || fail "state not saved"
    ;;
manifest_worldview)
    # Finding 9: manifest worldview validated like --worldview.
    printf '%s\n' '{"id": "low", "path": "c.txt", "worldview": "ukr"}' '{"id": "bad", "path": "c.txt", "worldview": "ZZZ"}' >m.jsonl
    cp "$samples/crimea-bridge.txt" c.txt
    run 4 batch m.jsonl -o out --size 400x300 --no-progress --formats svg
    has "1 rendered, 0 skipped, 1 failed" err.txt
    has 'worldview "ZZZ" is not a party' err.txt
    run 0 render c.txt --worldview UKR --size 400x300 -o upper.svg
    cmp -s upper.svg out/low.svg || fail "manifest worldview ukr does not draw the UKR view"
    ;;
outdir_inside_input)
    # Finding 9: an OUTDIR inside the input folder is not read as articles.
    mkdir in && cp "$sample" in/a.txt
    run 0 batch in -o in/maps --size 400x300 --no-progress
    run 0 batch in -o in/maps --size 400x300 --no-progress
    has "0 rendered, 1 skipped, 0 failed" err.txt
    ;;
long_output_name)
    # Finding 9: a legal 240-byte output name works (the temporary name once
    # added 35 bytes and went over NAME_MAX).
    name=$(printf 'm%.0s' $(seq 1 236)).png
    run 0 render "$sample" --size 400x300 -o "$name"
    [ -s "$name" ] || fail "no $name"
    [ -z "$(find . -name '.*tmp*')" ] || fail "temporary left behind"
    ;;
json_invalid_utf8)
    # Finding 9: a JSON article with invalid UTF-8 is read with a warning.
    printf '{"title": "Clash \xff on the border", "text": "Armenia and Azerbaijan \xfe exchanged fire near Jermuk."}' >a.json
    run 0 extract a.json
    has "warning: a.json: 2 invalid UTF-8 byte" err.txt
    has '"Armenia"' out.txt
    ;;
*)
    fail "unknown case"
    ;;
esac
echo "ok: $case"
