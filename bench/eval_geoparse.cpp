// Accuracy of the geoparser on the public evaluation corpora
// (../shared/eval/*.jsonl): recognition precision, recall and F1, and
// accuracy within 161 km with mean error over the gold toponyms found.
//
//     eval_geoparse [--dump] [CORPUS.jsonl ...]
//
// acc161 is the corpora's own measure: the resolved entry's point within
// 161 km of the gold point. For a country or province that point is a
// convention (ours: world-countries' latlng and Natural Earth's label
// point; the corpora's: GeoNames'), and Canada's two points are 1,000 km
// apart. The extra column `in_area` is for analysis only: acc161 counting
// also a country or province reading whose polygon holds the gold point.
//
// The corpora are read at run time and never copied into the project; --dump
// prints the misses and the spurious mentions to the terminal for analysis.
#include <borderline/document.hpp>
#include <borderline/gazetteer.hpp>
#include <borderline/geodata.hpp>
#include <borderline/geometry.hpp>
#include <borderline/geoparse.hpp>
#include <borderline/layer.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

using namespace borderline;

namespace {

/// Byte offset of each code point of `s` (plus one past the end).
std::vector<std::size_t> codepoint_bytes(const std::string& s) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
    }
    out.push_back(s.size());
    return out;
}

struct Gold {
    std::size_t start, end;
    bool has_coords;
    double lat, lon;
    std::string name, type;
};

struct Predicted {
    std::size_t start, end;
    std::uint32_t entry;
};

struct Score {
    std::size_t gold = 0, found = 0, predicted = 0, correct = 0;
    std::size_t with_coords = 0, within_161 = 0, within_area = 0;
    double error_km = 0;
};

bool overlaps(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) { return a0 < b1 && b0 < a1; }

// The words around bytes [a, b) of `text` for --dump, on one line, cut at
// code point boundaries (the dump is read to sort misses by cause).
std::string around(const std::string& text, std::size_t a, std::size_t b) {
    std::size_t from = a > 50 ? a - 50 : 0, to = std::min(text.size(), b + 50);
    while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
    while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
    std::string out = text.substr(from, a - from) + "[" + text.substr(a, b - a) + "]" + text.substr(b, to - b);
    for (char& c : out) {
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    }
    return out;
}

// Polygons of countries (by ISO alpha-3) and provinces (by ISO 3166-2).
struct Areas {
    explicit Areas(const GeoData& data) {
        const Layer& countries = data.layer("countries");
        for (std::size_t i = 0; i < countries.size(); ++i)
            by_code.emplace(countries.value(i, "iso_a3"), &countries.features()[i]);
        const Layer& admin1 = data.layer("admin1");
        for (std::size_t i = 0; i < admin1.size(); ++i)
            by_code.emplace(admin1.value(i, "iso_3166_2"), &admin1.features()[i]);
    }
    // Whether the entry is a country or province whose polygon holds the point.
    [[nodiscard]] bool hold(const Entry& e, double lon, double lat) const {
        std::string code;
        if (e.kind == PlaceKind::country) code = e.country;
        if (e.kind == PlaceKind::admin1) code = e.admin1;
        const auto it = code.empty() ? by_code.end() : by_code.find(code);
        return it != by_code.end() && it->second->bbox.contains(lon, lat) &&
               contains(it->second->polygons, LonLat{lon, lat});
    }
    std::unordered_map<std::string, const Feature*> by_code;
};

Score evaluate(const std::string& path, const Gazetteer& gaz, const Areas& areas, bool dump) {
    Score s;
    std::ifstream in(path);
    if (!in) {
        std::fprintf(stderr, "eval_geoparse: cannot read %s\n", path.c_str());
        return s;
    }
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto j = nlohmann::json::parse(line);
        const std::string text = j.at("text").get<std::string>();
        const auto cp = codepoint_bytes(text);
        std::vector<Gold> gold;
        for (const auto& t : j.at("toponyms")) {
            const auto a = t.at("start").get<std::size_t>(), b = t.at("end").get<std::size_t>();
            if (b >= cp.size() || a >= b) continue;
            Gold g{cp[a],
                   cp[b],
                   t.contains("lat") && t["lat"].is_number() && t.contains("lon") && t["lon"].is_number(),
                   0,
                   0,
                   t.value("name", ""),
                   t.value("type", "")};
            if (g.has_coords) {
                g.lat = t["lat"].get<double>();
                g.lon = t["lon"].get<double>();
            }
            gold.push_back(g);
        }
        std::vector<Predicted> pred;
        try {
            const Document doc = make_document(text, "x.txt");
            const auto mentions = find_mentions(doc, gaz);
            for (const auto& p : resolve_places(doc, gaz, mentions)) {
                for (const auto& m : p.mentions) pred.push_back({m.span.start, m.span.end, p.entry});
            }
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s: %s\n", j.value("id", "?").c_str(), e.what());
        }
        s.gold += gold.size();
        s.predicted += pred.size();
        for (const auto& p : pred) {
            bool ok = false;
            for (const auto& g : gold) ok = ok || overlaps(p.start, p.end, g.start, g.end);
            if (ok) {
                ++s.correct;
            } else if (dump) {
                const Entry& e = gaz.entry(p.entry);
                std::printf("FP\t%s\t%s\t%s\n", text.substr(p.start, p.end - p.start).c_str(),
                            std::string(e.id).c_str(), around(text, p.start, p.end).c_str());
            }
        }
        for (const auto& g : gold) {
            const Predicted* hit = nullptr;
            for (const auto& p : pred) {
                if (overlaps(p.start, p.end, g.start, g.end)) {
                    hit = &p;
                    break;
                }
            }
            if (!hit) {
                if (dump) {
                    std::printf("FN\t%s\t%s\t%s\n", text.substr(g.start, g.end - g.start).c_str(), g.type.c_str(),
                                around(text, g.start, g.end).c_str());
                }
                continue;
            }
            ++s.found;
            if (!g.has_coords) continue;
            const Entry& e = gaz.entry(hit->entry);
            const double km = km_between(e.lon, e.lat, g.lon, g.lat);
            ++s.with_coords;
            s.error_km += km;
            if (km <= 161 || areas.hold(e, g.lon, g.lat)) ++s.within_area;
            if (km <= 161) {
                ++s.within_161;
            } else if (dump) {
                std::printf("FAR\t%s\t%s\t%.0f km\t%s\t%s\n", text.substr(g.start, g.end - g.start).c_str(),
                            std::string(e.id).c_str(), km, g.name.c_str(), around(text, g.start, g.end).c_str());
            }
        }
    }
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    bool dump = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--dump") {
            dump = true;
        } else {
            files.push_back(a);
        }
    }
    if (files.empty()) {
        files = {BORDERLINE_EVAL_DIR "/geowebnews.jsonl", BORDERLINE_EVAL_DIR "/trnews.jsonl"};
    }
    const GeoData data(GeoData::default_dir());
    const Gazetteer gaz(data);
    const Areas areas(data);
    std::printf("%-20s %6s %6s %6s %6s %6s %8s %9s %8s\n", "corpus", "gold", "P", "R", "F1", "acc161", "mean_km",
                "resolved", "in_area");
    for (const auto& f : files) {
        const Score s = evaluate(f, gaz, areas, dump);
        const double p = s.predicted ? static_cast<double>(s.correct) / static_cast<double>(s.predicted) : 0;
        const double r = s.gold ? static_cast<double>(s.found) / static_cast<double>(s.gold) : 0;
        const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
        const double acc = s.with_coords ? static_cast<double>(s.within_161) / static_cast<double>(s.with_coords) : 0;
        const double mean = s.with_coords ? s.error_km / static_cast<double>(s.with_coords) : 0;
        const double in_area =
            s.with_coords ? static_cast<double>(s.within_area) / static_cast<double>(s.with_coords) : 0;
        const auto slash = f.find_last_of('/');
        std::printf("%-20s %6zu %6.3f %6.3f %6.3f %6.3f %8.0f %9zu %8.3f\n", f.substr(slash + 1).c_str(), s.gold, p, r,
                    f1, acc, mean, s.with_coords, in_area);
    }
    return 0;
}
