#!/usr/bin/python3
"""Check that each dispute of geodata/disputes.shp lies where its parties
meet: on land or at sea next to every party's territory (or the overseas
territory named in the registry's "territory"), as a second look beside the
build script's own check (which needs only one party near).

For each dispute and party it measures the distance in degrees from the
polygon to the party's polygon in countries.shp (ISO alpha-3). A dispute
passes when at least two of its parties (its only party, for a sector) are
within its allowance: it lies on their shared border or in the sea between
them. Others (a patron such as Russia for Transnistria, a far claimant such
as China in the Spratlys) may be farther. The allowance is the entry's
near_deg, else 0.1 degrees; an overseas power (in REMOTE_OK, when the entry
lists a "territory") is measured from that territory. Exits 1 when a
dispute fails; prints every distance with -v.

usage: check_dispute_geography.py [-v] [FOLDER of disputes.json/.shp]"""
import json
import os
import sys

from osgeo import gdal, ogr

gdal.UseExceptions()
here = os.path.dirname(os.path.abspath(__file__))
geodata = os.path.join(here, "..", "geodata")
# Parties whose own territory is far from the dispute by the nature of the
# claim: colonial powers holding islands, sector claims reaching the pole.
REMOTE_OK = {"GBR", "FRA", "USA", "NZL", "NOR", "AUS", "DNK", "ESP", "PRT", "NLD"}
# Parties that are not neighbours of the area by the nature of the dispute,
# each with why; they count as meeting it. Everything else must be near.
NOT_NEIGHBOURS = {
    ("transnistria", "RUS"): "patron with troops there",
    ("northern-cyprus", "TUR"): "patron with troops there, across the sea",
    ("zaporizhzhia-occupied", "RUS"): "occupier",
    ("tuzla-island", "UKR"): "claimant since Russia annexed Crimea",
    ("guantanamo-bay", "USA"): "lessee",
    ("antarctic-peninsula-overlap", "ARG"): "sector claim reaching the pole",
    ("antarctic-peninsula-overlap", "CHL"): "sector claim reaching the pole",
    ("chagos-archipelago", "MUS"): "claims the archipelago 2,000 km away",
    ("falkland-islands", "ARG"): "claims islands 500 km offshore",
    ("south-georgia", "ARG"): "claims islands 2,000 km offshore",
    ("tromelin", "MUS"): "claims an islet 550 km away",
    ("mayotte", "COM"): "claims the neighbouring island across 70 km of sea",
    ("wake-island", "MHL"): "claims an atoll 600 km away",
    ("sabah", "PHL"): "claims across the Sulu Sea as heir of the Sultanate of Sulu",
    ("dokdo", "JPN"): "claims islets 160 km from the Oki Islands",
    ("san-andres-providencia", "NIC"): "islands on its shelf, 150 km offshore",
    ("savage-islands", "ESP"): "disputes the islets' zone from the Canaries, 160 km away",
    ("sipadan-ligitan", "IDN"): "claimed from Sebatik and Kalimantan across the sea",
    ("scarborough-shoal", "CHN"): "South China Sea claim",
    ("pratas", "TWN"): "holds the atoll 400 km from Taiwan",
    ("okinotorishima", "CHN"): "disputes the reef's zone, not its ownership",
    ("natuna-sea", "CHN"): "dashed-line claim",
    ("ieodo", "CHN"): "overlapping zone from the Chinese coast",
    ("east-china-sea", "CHN"): "shelf claim from the Chinese coast",
    ("timor-sea", "AUS"): "shelf claim from the Australian coast",
    ("plazas-de-soberania", "ESP"): "the rocks are too small for Spain's polygon",
}


def load(folder, name, key):
    ds = ogr.Open(os.path.join(folder, name + ".shp"))
    out = {}
    for f in ds.GetLayer(0):
        g = f.GetGeometryRef()
        k = f.GetField(key)
        if g is None:
            continue
        out[k] = out[k].Union(g) if k in out else g.Clone()
    return out


def main():
    verbose = "-v" in sys.argv
    args = [a for a in sys.argv[1:] if a != "-v"]
    src = args[0] if args else geodata  # folder of disputes.json and disputes.shp
    reg = {d["id"]: d for d in json.load(open(os.path.join(src, "disputes.json"), encoding="utf-8"))}
    countries = load(geodata, "countries", "iso_a3")
    disputes = load(src, "disputes", "id")
    bad = 0
    for did in sorted(disputes):
        d, g = reg[did], disputes[did]
        allow = max(0.1, d.get("near_deg", 0.1))
        terr = [countries[t] for t in d.get("territory", []) if t in countries]
        near = 0
        for p in d["parties"]:
            if p not in countries:
                print("%-36s %s: no country polygon" % (did, p))
                continue
            dist = g.Distance(countries[p])
            if dist > allow and p in REMOTE_OK and terr:
                dist = min(t.Distance(g) for t in terr)
            near += dist <= allow or (did, p) in NOT_NEIGHBOURS
            if verbose:
                print("%-36s %s %6.2f deg (allowed %.2f)" % (did, p, dist, allow))
        need = min(2, len(d["parties"]))
        if near < need:
            print("%-36s only %d of its parties within %.2f deg (needs %d)" % (did, near, allow, need))
            bad += 1
    print("%d disputes, %d not where their parties meet" % (len(disputes), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
