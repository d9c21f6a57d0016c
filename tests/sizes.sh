#!/usr/bin/env bash
# --size presets and physical sizes (issue 20, print and screen sizes): the
# PNG has the preset's pixels (paper at --dpi), the PDF page the physical size.
#   tests/sizes.sh BORDERLINE SAMPLE WORKDIR
set -u
bin=$1 sample=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail=0 passed=0
check() { if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else echo "FAIL: $1" >&2; fail=$((fail + 1)); fi; }
png_size() { python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"; }
pdf_page() { python3 -c '
import re,sys
m=re.search(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", open(sys.argv[1],"rb").read())
print("%.0fx%.0f" % (float(m.group(1)), float(m.group(2))) if m else "none")' "$1"; }

for case in "a5 96 559x794" "a4-landscape 96 1123x794" "slide 96 1920x1080" "social 96 1200x675" "square 96 1080x1080" \
            "letter 100 850x1100" "180x120mm 200 1417x945" "640x480 96 640x480"; do
  set -- $case
  "$bin" render "$sample" --size "$1" --dpi "$2" -o "$1.png" 2> err.txt
  got=$(png_size "$1.png" 2>/dev/null)
  [ "$got" = "$3" ]
  check "--size $1 --dpi $2 gives $3 pixels (got $got)" $?
done
# 180x120 mm at any dpi is a 510x340 pt page (1 pt = 1/72 in).
for dpi in 150 300; do
  "$bin" render "$sample" --size 180x120mm --dpi $dpi -o page$dpi.pdf 2> err.txt
  got=$(pdf_page page$dpi.pdf)
  [ "$got" = "510x340" ]
  check "180x120mm at $dpi dpi is a 510x340 pt PDF page (got $got)" $?
done
"$bin" render "$sample" --size a3 -o bad.png 2> bad.err
[ $? -eq 1 ] && grep -q "a4, a4-landscape, a5, letter" bad.err
check "an unknown preset is a usage error naming the presets" $?
"$bin" render "$sample" --size 10x10mm -o bad.png 2> bad.err
[ $? -eq 1 ]
check "a physical size too small for a map is a usage error" $?
echo "sizes: $passed passed, $fail failed"
[ $fail -eq 0 ]
