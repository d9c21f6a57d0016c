#!/usr/bin/env bash
# Install into a temporary prefix and use it as a user would (issue 20 item
# 7): the files are where the layout says, the installed program draws a map
# from the installed data (not the source tree), and examples/ configures and
# builds against the CMake package (find_package(borderline) ->
# borderline::core) and draws a PNG.
#   tests/install_package.sh BUILD_DIR SOURCE_DIR WORKDIR
set -u
build=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
prefix=$work/prefix
fail=0 passed=0
check() { if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else echo "FAIL: $1" >&2; fail=$((fail + 1)); fi; }
sample=$src/samples/armenia-azerbaijan-syunik.txt
png_size() { python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]) if d[:8]==b"\x89PNG\r\n\x1a\n" else "not a PNG")' "$1"; }

cmake --install "$build" --prefix "$prefix" > install.log 2>&1
rc=$?; check "cmake --install into $prefix ($(tail -3 install.log | tr '\n' ' '))" $rc
for f in bin/borderline bin/borderline-serve libexec/borderline/borderline_layers share/man/man1/borderline.1 \
         share/bash-completion/completions/borderline share/zsh/site-functions/_borderline \
         share/borderline/geodata/countries.shp share/borderline/geodata/disputes.json share/borderline/styles/default.json \
         share/borderline/layers/countries.bin share/borderline/gazetteer.bin \
         include/borderline/extract.hpp include/borderline/data_paths.hpp include/borderline/version.hpp \
         lib/cmake/borderline/borderlineConfig.cmake lib/cmake/borderline/borderlineConfigVersion.cmake \
         lib/cmake/borderline/borderlineTargets.cmake lib/libborderline_core.a; do
  [ -e "$prefix/$f" ]
  rc=$?; check "installed $f" $rc
done
grep -q "BORDERLINE_VERSION_STRING \"$(sed -n 's/^project(borderline VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")\"" \
  "$prefix/include/borderline/version.hpp"
rc=$?; check "version.hpp carries the project's version" $rc
man -l "$prefix/share/man/man1/borderline.1" > /dev/null 2>&1
rc=$?; check "the installed man page renders" $rc

# The installed program uses the installed data: without its gazetteer
# cache, the first run writes one there (the build tree's is elsewhere).
rm -f "$prefix/share/borderline/gazetteer.bin"
(cd / && env -u BORDERLINE_DATA -u BORDERLINE_LAYER_CACHE -u BORDERLINE_GAZETTEER_CACHE \
  "$prefix/bin/borderline" render "$sample" --size 400x300 -o "$work/installed.png" 2> "$work/installed.err")
rc=$?; check "the installed program renders ($(head -c 300 installed.err))" $rc
[ "$(png_size installed.png)" = "400x300" ]
rc=$?; check "the installed program's map is a 400x300 PNG" $rc
[ -s "$prefix/share/borderline/gazetteer.bin" ]
rc=$?; check "the installed program wrote its gazetteer cache in the installed data folder" $rc
"$prefix/bin/borderline" places Yerevan > places.txt 2>&1 && grep -q "place:AM:Yerevan\|Yerevan" places.txt
rc=$?; check "the installed program finds Yerevan in the installed gazetteer" $rc

# The example, against the package only (no path into the source or build tree).
cmake -S "$src/examples" -B example -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release > configure.log 2>&1
rc=$?; check "examples/ configures with find_package(borderline) ($(grep -m1 -i error configure.log))" $rc
! grep -rq "$src/include\|$build/generated" example/CMakeCache.txt example/CMakeFiles/map_article.dir/flags.make 2>/dev/null
rc=$?; check "the example's include paths are the installed ones" $rc
cmake --build example > build.log 2>&1
rc=$?; check "the example builds against borderline::core ($(grep -m3 -i error build.log | tr '\n' ' '))" $rc
./example/map_article "$sample" example.png > example.out 2> example.err
rc=$?; check "the example runs ($(head -c 300 example.err))" $rc
[ "$(png_size example.png)" = "1600x1000" ]
rc=$?; check "the example's map is a 1600x1000 PNG" $rc
grep -qE "^borderline [0-9]+\.[0-9]+\.[0-9]+: [1-9][0-9]* places, [0-9]+ claims, map of " example.out
rc=$?; check "the example prints the version and what it found ($(cat example.out))" $rc
printf 'Nothing here\n\nThe committee met on Friday to discuss the budget.\n' > none.txt
./example/map_article none.txt none.png > /dev/null 2> none.err
[ $? -eq 3 ] && grep -q "no place found" none.err && ! grep -q -- "--" none.err
rc=$?; check "the library's error kind reaches the example, without CLI option names ($(cat none.err))" $rc

echo "install: $passed passed, $fail failed"
[ $fail -eq 0 ]
