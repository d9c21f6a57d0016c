#!/usr/bin/env bash
# Command-line conventions (issue 20 item 6): the man page renders without
# warnings and names every option; the bash and zsh completions load and offer
# every option; -q silences warnings and notes but not errors; -v prints the
# stages' timings and changes nothing else.
#   tests/cli_conventions.sh BORDERLINE SOURCE_DIR WORKDIR
set -u
bin=$1 src=$2 work=$3
sample=$src/samples/armenia-azerbaijan-syunik.txt
page=$src/man/borderline.1
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail=0 passed=0
check() { if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else echo "FAIL: $1" >&2; fail=$((fail + 1)); fi; }

# --- man page -----------------------------------------------------------
groff -man -Tutf8 -ww -z "$page" 2> groff.err
rc=$?; check "groff -man renders the page ($?)" $rc
[ ! -s groff.err ]
rc=$?; check "groff -man -ww prints no warning ($(head -c 300 groff.err))" $rc
MANWIDTH=100 man --warnings -l "$page" 2> man.err | col -b > man.txt
rc=$?; check "man -l renders the page" $rc
[ ! -s man.err ]
rc=$?; check "man -l --warnings prints no warning ($(head -c 300 man.err))" $rc
grep -q "EXIT STATUS" man.txt && grep -q -- "--geojson" man.txt
rc=$?; check "the rendered page has its sections and options" $rc

# Every option each subcommand's --help lists is in the page and both
# completions, so none of them falls behind the program.
for cmd in render extract places disputes batch serve; do
  "$bin" $cmd --help > help.$cmd.txt
  for opt in $(grep -oE -- '(^|[ ,!])--?[a-z][a-z0-9-]*' help.$cmd.txt | sed 's/^[ ,!]*//' | sort -u); do
    [ "$opt" = "-h" ] && continue
    grep -qF -- "$(echo "$opt" | sed 's/-/\\-/g')" "$page"
    rc=$?; check "man page names $cmd $opt" $rc
    grep -qE -- "(^|[ \"])$opt( |$|\")" "$src/completions/borderline.bash"
    rc=$?; check "bash completion offers $cmd $opt" $rc
    grep -qE -- "(['{,*)]|^ *)$opt[]'[,}]" "$src/completions/_borderline"
    rc=$?; check "zsh completion offers $cmd $opt" $rc
  done
done

# --- completions load and answer ----------------------------------------
bash --norc --noprofile -c '
  source "$1" || exit 1
  complete -p borderline >/dev/null || exit 2
  COMP_WORDS=(borderline ren); COMP_CWORD=1; _borderline; [ "${COMPREPLY[*]}" = render ] || exit 3
  COMP_WORDS=(borderline render --qu); COMP_CWORD=2; _borderline; [ "${COMPREPLY[*]}" = --quiet ] || exit 4
  COMP_WORDS=(borderline render --format ""); COMP_CWORD=3; _borderline; [ "${COMPREPLY[*]}" = "png svg pdf" ] || exit 5
  COMP_WORDS=(borderline extract --format ""); COMP_CWORD=3; _borderline; [ "${COMPREPLY[*]}" = "json text" ] || exit 6
  COMP_WORDS=(borderline render --size a4); COMP_CWORD=3; _borderline; [ "${COMPREPLY[*]}" = "a4 a4-landscape" ] || exit 7
' _ "$src/completions/borderline.bash"
rc=$?; check "bash completion sources and completes commands, options and values (step $?)" $rc
if command -v zsh >/dev/null; then
  zsh -f -c '
    fpath=("$1" $fpath)
    autoload -Uz compinit && compinit -u -D -d "$2/zcompdump" || exit 1
    [[ $_comps[borderline] == _borderline ]] || exit 2
    autoload +X _borderline || exit 3
    [[ $(whence -w _borderline) == "_borderline: function" ]] || exit 4
  ' _ "$src/completions" "$work" 2> zsh.err
  rc=$?; check "zsh completion is found by compinit and loads ($rc $(head -c 300 zsh.err))" $rc
else
  echo "FAIL: zsh is not installed (tools/setup.sh installs it)" >&2
  fail=$((fail + 1))
fi

# --- -q -----------------------------------------------------------------
# An article with invalid UTF-8 draws a map with a warning.
{ head -1 "$sample"; printf 'Bad bytes \xff\xfe here.\n'; tail -n +2 "$sample"; } > bad_utf8.txt
"$bin" render bad_utf8.txt --size 400x300 -o loud.png 2> loud.err
rc=$?; check "render of invalid UTF-8 succeeds" $rc
grep -q "warning: .*invalid UTF-8" loud.err
rc=$?; check "without -q the warning is printed" $rc
for q in -q --quiet; do
  "$bin" render bad_utf8.txt --size 400x300 -o quiet.png $q 2> quiet.err
  rc=$?; check "render $q succeeds" $rc
  [ ! -s quiet.err ] && [ -s quiet.png ]
  rc=$?; check "render $q prints nothing on stderr and writes the map" $rc
done
"$bin" extract bad_utf8.txt -q > quiet.json 2> quiet.err
[ $? -eq 0 ] && [ ! -s quiet.err ] && grep -q '"places"' quiet.json
rc=$?; check "extract -q prints the document and no warning" $rc
"$bin" render missing.txt -q -o x.png 2> missing.err
[ $? -eq 2 ] && grep -q "missing.txt" missing.err
rc=$?; check "render -q still prints an error and exits 2" $rc
"$bin" batch "$sample" -o out -q --size 400x300 2> batch.err
[ $? -eq 0 ] && [ ! -s batch.err ] && [ -s out/armenia-azerbaijan-syunik.png ]
rc=$?; check "batch -q renders without the summary line" $rc
"$bin" batch "$sample" -o out2 --size 400x300 2> batch.err
grep -q "batch: 1 rendered" batch.err
rc=$?; check "batch without -q prints the summary line" $rc
"$bin" render "$sample" -q -v -o x.png 2> both.err
[ $? -eq 1 ]
rc=$?; check "-q with -v is a usage error" $rc

# --- -v -----------------------------------------------------------------
"$bin" render "$sample" --size 400x300 -o plain.png 2> plain.err
"$bin" render "$sample" --size 400x300 -o verbose.png -v 2> verbose.err
rc=$?; check "render -v succeeds" $rc
[ "$(grep -oE 'stage [a-z]+' verbose.err | awk '{print $2}' | tr '\n' ' ')" = "read geoparse claims scene render write " ]
rc=$?; check "render -v prints the stages in order ($(tr '\n' '|' < verbose.err))" $rc
[ "$(grep -cE '^borderline: stage [a-z]+ +[0-9]+\.[0-9] ms$' verbose.err)" -eq 6 ] && [ "$(grep -c . verbose.err)" -eq 6 ]
rc=$?; check "each stage line has a time in ms, and nothing else is printed" $rc
cmp -s plain.png verbose.png
rc=$?; check "-v draws the same bytes" $rc
[ ! -s plain.err ]
rc=$?; check "without -v no stage is printed" $rc
"$bin" extract "$sample" --verbose > v.json 2> v.err
[ "$(grep -oE 'stage [a-z]+' v.err | awk '{print $2}' | tr '\n' ' ')" = "read geoparse claims scene write " ]
rc=$?; check "extract -v prints read, geoparse, claims, scene, write ($(tr '\n' '|' < v.err))" $rc
"$bin" extract "$sample" > plain.json
cmp -s plain.json v.json
rc=$?; check "extract -v prints the same document" $rc
"$bin" render --bbox 43,38.2,51,42.2 --size 400x300 -o base.png -v 2> base.err
[ "$(grep -oE 'stage [a-z]+' base.err | awk '{print $2}' | tr '\n' ' ')" = "scene render write " ]
rc=$?; check "a base map times scene, render, write" $rc

echo "cli conventions: $passed passed, $fail failed"
[ $fail -eq 0 ]
