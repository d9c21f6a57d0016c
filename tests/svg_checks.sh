# Shared by the editorial CLI tests (editor_cli.sh, overrides_cli.sh): a
# counter of checks, and the SVG read back through a real XML parser.
# Sourced after `cd WORKDIR`.
fail=0 passed=0
check() {  # name, status of the condition just evaluated
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else echo "FAIL: $1" >&2; fail=$((fail + 1)); fi
}
texts() {  # each <text> element's words, one a line, from the parsed SVG
  python3 -c "
import sys, xml.etree.ElementTree as ET
for t in ET.parse(sys.argv[1]).iter('{http://www.w3.org/2000/svg}text'): print(''.join(t.itertext()))" "$1"
}
groups() {  # the ids of the SVG's non-empty layer groups
  python3 -c "
import sys, xml.etree.ElementTree as ET
for g in ET.parse(sys.argv[1]).iter('{http://www.w3.org/2000/svg}g'):
    if g.get('id') and len(g): print(g.get('id'))" "$1"
}
