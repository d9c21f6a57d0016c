#!/usr/bin/env bash
# Regenerate the README gallery in docs/ from the bundled samples.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BORDERLINE:-build/borderline}
"$bin" render samples/armenia-azerbaijan-syunik.txt -o docs/sample-armenia-azerbaijan.png --size 1200x750
"$bin" render samples/crimea-bridge.txt -o docs/sample-crimea.png --size 1200x750
"$bin" render samples/crimea-bridge.txt --worldview UKR -o docs/sample-crimea-ukr.png --size 1200x750
"$bin" render samples/kashmir-line-of-control.txt --style print -o docs/sample-kashmir-print.png --size 1200x750
"$bin" render samples/armenia-azerbaijan-syunik.txt --style dark -o docs/sample-armenia-azerbaijan-dark.png --size 1200x750
echo "gallery written to docs/"
