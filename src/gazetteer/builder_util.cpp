// Helpers of the gazetteer's builder: table cells, name variants, the centre
// of a province and the province a point lies in.
#include "gazetteer/builder_steps.hpp"

#include <borderline/fold.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace borderline::gazetteer_build {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    return out;
}

std::vector<std::vector<std::string>> read_table(const std::filesystem::path& file) {
    std::vector<std::vector<std::string>> rows;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        rows.push_back(split(line, '\t'));
    }
    return rows;
}

double to_double(const std::string& s) {
    try {
        return s.empty() ? 0.0 : std::stod(s);
    } catch (...) {
        return 0.0;
    }
}

std::int64_t to_int(const std::string& s) {
    try {
        return s.empty() ? 0 : std::stoll(s);
    } catch (...) {
        return 0;
    }
}

std::size_t word_count(std::string_view folded) {
    return static_cast<std::size_t>(std::count(folded.begin(), folded.end(), ' ')) + 1;
}

// Type words that admin-1 names carry but news usually drops ("Syunik Province").
const std::vector<std::string>& admin_suffixes() {
    static const std::vector<std::string> s{" province", " district",  " oblast",      " oblast'",
                                            " region",   " state",     " governorate", " prefecture",
                                            " county",   " krai",      " kray",        " autonomous republic",
                                            " republic", " territory", " department"};
    return s;
}

// English transliteration of letters that folding turns into a bare Latin
// letter: news writes Laçın as Lachin, Şuşa as Shusha, Xankəndi as Khankendi.
std::string english_variant(std::string_view name) {
    static const std::vector<std::pair<std::string_view, std::string_view>> map{
        {"ç", "ch"}, {"Ç", "Ch"}, {"ş", "sh"}, {"Ş", "Sh"}, {"č", "ch"}, {"Č", "Ch"}, {"š", "sh"}, {"Š", "Sh"},
        {"ž", "zh"}, {"Ž", "Zh"}, {"ə", "e"},  {"Ə", "E"},  {"ğ", ""},   {"X", "Kh"}, {"x", "kh"}};
    std::string out;
    bool changed = false;
    for (std::size_t i = 0; i < name.size();) {
        bool hit = false;
        for (const auto& [from, to] : map) {
            if (name.compare(i, from.size(), from) == 0) {
                out += to;
                i += from.size();
                hit = changed = true;
                break;
            }
        }
        if (!hit) out += name[i++];
    }
    return changed ? out : std::string();
}

// Words that name a kind of island or sea feature rather than a place: news
// writes "the island", "Isla Calero", "the reef". A name that was only such a
// word made it a place of its own ("Island" is Iceland in Icelandic, "Isla"
// a town in Malta), so a feature the gazetteer lacks became one of them. The
// list stays this narrow: words such as "Post", "Church" or "Valley" are
// also towns, and as places they keep "Washington Post" and "Thames Valley"
// reading as the names they contain (a wider list cost accuracy on
// GeoWebNews).
bool is_generic_word(std::string_view folded) {
    static const std::unordered_set<std::string_view> words{
        "island", "islands", "isle", "isles", "islet", "islets",  "isla",   "islas",
        "ile",    "iles",    "ilha", "insel", "reef",  "reefs",   "shoal",  "shoals",
        "cay",    "cays",    "caye", "cayes", "atoll", "glacier", "strait", "straits"};
    return words.count(folded) != 0;
}

// The area-weighted centre of all parts of `mp` (areas in degrees squared
// scaled by cos(latitude), fine for units the size of a province). A centre
// that falls outside every part (a crescent, an archipelago) moves to the
// nearest vertex of the outline, so a marker drawn there stays on the unit.
// Leaves lon/lat alone when there is no area.
void area_centre(const MultiPolygon& mp, double& lon, double& lat) {
    double w = 0, x = 0, y = 0;
    for (const auto& poly : mp) {
        for (std::size_t k = 0; k < poly.size(); ++k) {
            const Points r = poly[k];
            if (r.size() < 3) continue;
            const RingMoments m = ring_moments(r);
            const double a = m.twice_area, cx = m.sx, cy = m.sy;
            if (a == 0) continue;
            // Holes count against the area they cut out of the outer ring.
            const double sign = k == 0 ? 1 : -1;
            const double scale = std::cos(cy / (3 * a) * kRadiansPerDegree);
            const double area = std::abs(a) / 2 * scale * sign;
            w += area;
            x += cx / (3 * a) * area;
            y += cy / (3 * a) * area;
        }
    }
    if (!(w > 0)) return;
    const LonLat c = kept_on(mp, {x / w, y / w});
    lon = c.lon;
    lat = c.lat;
}

// `p`, or when it lies outside every part of `mp`, the nearest vertex of an
// outer ring.
LonLat kept_on(const MultiPolygon& mp, LonLat p) {
    if (mp.empty() || contains(mp, p)) return p;
    double best = 1e18;
    LonLat near = p;
    for (const auto& poly : mp) {
        for (const auto& v : poly.empty() ? Ring{} : poly[0]) {
            const double d = km_between(p.lon, p.lat, v.lon, v.lat);
            if (d < best) {
                best = d;
                near = v;
            }
        }
    }
    return near;
}

std::string ProvinceLocator::find(const std::string& iso3, LonLat p) const {
    const auto it = by_country_.find(iso3);
    if (it == by_country_.end()) return {};
    for (const std::size_t i : it->second) {
        const Feature& f = layer_.features()[i];
        if (!f.bbox.contains(p.lon, p.lat)) continue;
        for (std::size_t k = 0; k < f.polygons.size(); ++k) {
            if (k < f.part_boxes.size() && !f.part_boxes[k].contains(p.lon, p.lat)) continue;
            bool inside = false;  // even-odd over the part's rings
            for (const Points ring : f.polygons[k]) {
                if (ring.size() < 3) continue;
                for (std::size_t a = 0, b = ring.size() - 1; a < ring.size(); b = a++) {
                    if ((ring[a].lat > p.lat) != (ring[b].lat > p.lat) &&
                        p.lon < (ring[b].lon - ring[a].lon) * (p.lat - ring[a].lat) / (ring[b].lat - ring[a].lat) +
                                    ring[a].lon) {
                        inside = !inside;
                    }
                }
            }
            if (inside) return layer_.value(i, "iso_3166_2");
        }
    }
    return {};
}

// Ordinary English words, to know which names are also common words.
const char* const kWordList = "/usr/share/dict/american-english";

// Read once per process: the builder runs once, and its tests build several.
const WordList& word_list() {
    static const WordList words = [] {
        WordList w;
        std::ifstream in(kWordList);
        std::string word;
        while (std::getline(in, word)) {
            if (word.empty() || word.find('\'') != std::string::npos) continue;
            if (word[0] >= 'a' && word[0] <= 'z') {
                w.common.insert(word);
            } else if (word[0] >= 'A' && word[0] <= 'Z') {
                w.proper.insert(fold(word));
            }
        }
        if (!w.common.empty()) {
            // British spellings and function words the American list lacks.
            for (const char* c : {"centre", "the", "of", "and", "theatre", "metre", "harbour"}) w.common.insert(c);
        }
        return w;
    }();
    return words;
}

bool is_common(const std::unordered_set<std::string>& common, const std::string& key) {
    std::size_t from = 0;
    while (true) {
        const auto sp = key.find(' ', from);
        if (!common.count(key.substr(from, sp == std::string::npos ? std::string::npos : sp - from))) return false;
        if (sp == std::string::npos) return true;
        from = sp + 1;
    }
}

}  // namespace borderline::gazetteer_build
