#!/usr/bin/python3
"""Write geodata/country_points.tsv: one representative point per country.

The point is world-countries' `latlng` (the CIA World Factbook's "geographic
coordinates" of each country, the convention gazetteers such as GeoNames use
for a country as a whole), keyed by ISO alpha-3. Natural Earth's label points
are placed for lettering instead, e.g. in European Russia.

    /usr/bin/python3 tools/build_country_points.py "$(tools/fetch_sources.sh)" geodata
"""
import json
import sys
from pathlib import Path

src, out = Path(sys.argv[1]), Path(sys.argv[2])
countries = json.loads((src / "world-countries" / "package" / "countries.json").read_text(encoding="utf-8"))
rows = sorted((c["cca3"], c["latlng"]) for c in countries if len(c.get("latlng", [])) == 2)
with open(out / "country_points.tsv", "w", encoding="utf-8", newline="\n") as f:
    f.write("# iso3\tlat\tlon (world-countries latlng; ODbL, see SOURCES.md)\n")
    for iso3, (lat, lon) in rows:
        f.write(f"{iso3}\t{lat:g}\t{lon:g}\n")
