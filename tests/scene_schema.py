#!/usr/bin/env python3
"""The scene document against its JSON Schema (issue 19, item 1).

  tests/scene_schema.py BORDERLINE SOURCE_DIR WORKDIR

For the samples and a few test stories: the scene_document of `extract` and
of `render --json` is valid under docs/scene.schema.json, and it holds all
that `render --scene` needs: drawn again it gives the same PNG bytes (for
`extract`, the same bytes as `render` at its default size). Then the schema
and the program agree on what is wrong: a document with an unknown key at
each documented level is rejected by the schema and named in the program's
warning; a malformed one is rejected by both (exit 2, one line naming the key).
"""
import copy
import json
import os
import shutil
import subprocess
import sys

import jsonschema

binary, source, work = sys.argv[1:4]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
os.chdir(work)
with open(os.path.join(source, "docs", "scene.schema.json"), encoding="utf-8") as f:
    validator = jsonschema.Draft202012Validator(json.load(f))

failures = 0
passed = 0


def check(name, ok, detail=""):
    global failures, passed
    if ok:
        passed += 1
    else:
        failures += 1
        print(f"FAIL: {name} {detail}", file=sys.stderr)


def run(*args):
    return subprocess.run([binary, *args], capture_output=True, text=True, check=False)


def errors_of(doc):
    return sorted(e.message for e in validator.iter_errors(doc))


articles = [os.path.join(source, "samples", f) for f in sorted(os.listdir(os.path.join(source, "samples")))]
articles += [os.path.join(source, "tests", "data", "framing", f + ".txt")
             for f in ("karabakh", "crimea", "senkaku", "essequibo", "kosovo")]
# Under the sanitizers (BORDERLINE_SANITIZED, set by CTest in that build) each
# check runs on one sample and one test story: the same code paths, and the
# release pass runs every article.
if os.environ.get("BORDERLINE_SANITIZED"):
    articles = articles[:1] + articles[-1:]
saved = None
for article in articles:
    name = os.path.basename(article)
    out = run("extract", article)
    check(f"extract {name} exits 0", out.returncode == 0, out.stderr)
    doc = json.loads(out.stdout)["scene_document"]
    problems = errors_of(doc)
    check(f"extract {name}: scene_document valid under the schema", not problems, problems[:3])
    with open("extract.json", "w", encoding="utf-8") as f:
        f.write(out.stdout)
    # extract writes everything render --scene needs: the same map as render.
    direct = run("render", article, "-o", "direct.png")
    again = run("render", "--scene", "extract.json", "-o", "again.png")
    with open("direct.png", "rb") as a, open("again.png", "rb") as b:
        same = direct.returncode == 0 and again.returncode == 0 and a.read() == b.read()
    check(f"extract {name} -> render --scene: the same PNG bytes as render", same, again.stderr)

    # render --json with every override that the document carries.
    out = run("render", article, "--size", "900x600", "-o", "edited.png", "--json", "edited.json", "--title", "T",
              "--source", "Desk", "--note", "A note", "--units", "mi", "--no-inset", "--marker", "10,10,Here")
    check(f"render --json {name} exits 0", out.returncode == 0, out.stderr)
    with open("edited.json", encoding="utf-8") as f:
        doc = json.load(f)["scene_document"]
    problems = errors_of(doc)
    check(f"render --json {name}: valid under the schema", not problems, problems[:3])
    check(f"render --json {name}: the overrides are in the document",
          (doc["source"], doc["note"], doc["units"], doc["inset"]) == ("Desk", "A note", "mi", False))
    again = run("render", "--scene", "edited.json", "-o", "edited-again.png")
    with open("edited.png", "rb") as a, open("edited-again.png", "rb") as b:
        check(f"render --json {name} -> render --scene: the same PNG bytes", again.returncode == 0 and a.read() == b.read(),
              again.stderr)
    saved = saved or doc

# Unknown keys, one per documented level: the schema refuses each, the program
# draws the map and names each in one warning.
extra = copy.deepcopy(saved)
extra["colour"] = "red"
paths = ["scene.colour"]
for key in ("parties", "markers", "disputes", "callouts"):
    if extra.get(key):
        extra[key][0]["icon"] = "star"
        paths.append(f"scene.{key}[0].icon")
extra["locus"]["radius"] = 3
paths.append("scene.locus.radius")
check("the test scene has entries at every level", len(paths) == 6, paths)
check("the schema refuses unknown keys", len(errors_of(extra)) == len(paths), errors_of(extra))
with open("extra.json", "w", encoding="utf-8") as f:
    json.dump(extra, f)
out = run("render", "--scene", "extra.json", "-o", "extra.png")
check("unknown keys: drawn, one warning naming each",
      out.returncode == 0 and out.stderr.count("\n") == 1 and all(p in out.stderr for p in paths), out.stderr)

# Malformed values: the schema and the program refuse them, the program with
# exit 2 and one line naming the key.
for key, value, named in (("bbox", [1, "south", 3, 4], "scene.bbox[1]"), ("units", "furlongs", "scene.units"),
                          ("inset", "no", "scene.inset"), ("size", [100, 100], "scene.size[0]"),
                          ("country_names", {"UKR": 3}, "scene.country_names.UKR")):
    bad = copy.deepcopy(saved)
    bad[key] = value
    check(f"the schema refuses {key}={value!r}", bool(errors_of(bad)))
    with open("bad.json", "w", encoding="utf-8") as f:
        json.dump(bad, f)
    out = run("render", "--scene", "bad.json", "-o", "bad.png")
    check(f"render --scene with {key}={value!r}: exit 2, one line naming {named}",
          out.returncode == 2 and out.stderr.count("\n") == 1 and named in out.stderr and not os.path.exists("bad.png"),
          out.stderr)

print(f"scene_schema: {passed} passed, {failures} failed")
sys.exit(1 if failures else 0)
