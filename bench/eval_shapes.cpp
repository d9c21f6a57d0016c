// Claims on the article-shape cases (tests/data/shapes/): per shape, the
// cases whose shape was detected, and actor accuracy: expected claims
// matched in text order by a found claim of the same actor country,
// over expected claims plus found claims that match none. Stance agreement
// of the matched claims is printed beside it.
//
//     build/bench/eval_shapes [tests/data/shapes] [--dump]
#include <borderline/claims.hpp>
#include <borderline/document.hpp>
#include <borderline/gazetteer.hpp>
#include <borderline/geodata.hpp>
#include <borderline/geoparse.hpp>

#include <cstdio>
#include <map>
#include <string>

#include "shape_cases.hpp"

using namespace borderline;

int main(int argc, char** argv) {
    std::string dir = BORDERLINE_SHAPES_DIR;
    bool dump = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--dump") {
            dump = true;
        } else {
            dir = a;
        }
    }
    const GeoData data(GeoData::default_dir());
    const Gazetteer gaz(data);
    struct Row {
        std::size_t cases = 0, shape_ok = 0;
        shape_cases::ActorScore s;
    };
    std::map<std::string, Row> rows;
    for (const auto& k : shape_cases::read(dir)) {
        const Document d = make_document(k.text, k.name);
        const auto places = resolve_places(d, gaz, find_mentions(d, gaz));
        const auto got = find_claims(d, gaz, places);
        const auto s = shape_cases::score(k, got);
        Row& r = rows[k.shape];
        ++r.cases;
        if (to_string(d.shape.kind) == k.shape) ++r.shape_ok;
        r.s.expected += s.expected;
        r.s.found += s.found;
        r.s.matched += s.matched;
        r.s.stance += s.stance;
        if (dump && (s.matched != s.expected || s.found != s.expected)) {
            std::printf("%s (%s, detected %s): expected", k.name.c_str(), k.shape.c_str(), to_string(d.shape.kind));
            for (const auto& e : k.claims) std::printf(" %s/%s", e.country.c_str(), e.stance.c_str());
            std::printf("; found");
            for (const auto& c : got)
                std::printf(" %s/%s \"%s\"", c.actor.country.c_str(), to_string(c.stance), c.text.c_str());
            std::printf("\n");
        }
    }
    std::printf(
        "| shape | cases | shape detected | claims expected | found | actor matched | actor accuracy | stance of "
        "matched |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    for (const auto& [shape, r] : rows) {
        const std::size_t denom = r.s.expected + (r.s.found - r.s.matched);
        std::printf("| %s | %zu | %zu | %zu | %zu | %zu | %.3f | %.3f |\n", shape.c_str(), r.cases, r.shape_ok,
                    r.s.expected, r.s.found, r.s.matched,
                    denom ? static_cast<double>(r.s.matched) / static_cast<double>(denom) : 1.0,
                    r.s.matched ? static_cast<double>(r.s.stance) / static_cast<double>(r.s.matched) : 1.0);
    }
    return 0;
}
