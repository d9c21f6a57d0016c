// Mentions -> Places: longest-match lookup of token windows in the gazetteer,
// then a choice among the candidates of each mention using the article's
// context (countries named, population and rank, sentence position).
#include <borderline/geoparse.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace borderline {

namespace {

bool is_connector(const Token& t) { return !t.is_word && t.folded.empty(); }  // hyphens and dashes

bool starts_ascii_letter(std::string_view s) {
    return !s.empty() && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'));
}

bool all_caps_word(std::string_view s) {
    bool letter = false;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
    }
    return letter;
}

double km_between(double lon1, double lat1, double lon2, double lat2) {
    constexpr double r = 6371.0;
    constexpr double d2r = 3.14159265358979323846 / 180.0;
    const double dlat = (lat2 - lat1) * d2r;
    const double dlon = (lon2 - lon1) * d2r;
    const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(lat1 * d2r) * std::cos(lat2 * d2r) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * r * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace

std::vector<Mention> find_mentions(const Document& doc, const Gazetteer& gaz) {
    std::vector<Mention> out;
    const auto& toks = doc.tokens;
    const std::size_t max_words = std::min<std::size_t>(gaz.max_words(), 8);
    std::size_t i = 0;
    while (i < toks.size()) {
        if (!toks[i].is_word) {
            ++i;
            continue;
        }
        // Collect up to max_words word tokens joined by spaces or hyphens on one line.
        std::vector<std::size_t> words{i};
        std::size_t j = i + 1;
        while (words.size() < max_words && j < toks.size()) {
            const std::string_view gap(doc.text.data() + toks[words.back()].span.end,
                                       toks[j].span.start - toks[words.back()].span.end);
            if (gap.find('\n') != std::string_view::npos) break;
            if (toks[j].is_word) {
                words.push_back(j);
                ++j;
            } else if (is_connector(toks[j]) && j + 1 < toks.size() && toks[j + 1].is_word) {
                ++j;
            } else {
                break;
            }
        }
        bool matched = false;
        for (std::size_t n = words.size(); n >= 1 && !matched; --n) {
            std::string key = toks[words[0]].folded;
            for (std::size_t k = 1; k < n; ++k) key += " " + toks[words[k]].folded;
            const auto* refs = gaz.find_folded(key);
            if (!refs) continue;
            const Token& first = toks[words[0]];
            const std::string_view first_text(doc.text.data() + first.span.start, first.span.size());
            // Names in cased scripts are proper nouns: "spread" is not Spread.
            if (starts_ascii_letter(first_text) && !first.capitalised) continue;
            // Two-letter names only as capitals ("US", "UK"), never "In" or "Is".
            if (n == 1 && key.size() <= 2 && !all_caps_word(first_text)) continue;
            Mention m;
            m.span = {first.span.start, toks[words[n - 1]].span.end};
            m.text = doc.text.substr(m.span.start, m.span.size());
            m.candidates = *refs;
            m.role = refs->front().role;
            out.push_back(std::move(m));
            i = words[n - 1] + 1;
            matched = true;
        }
        if (!matched) ++i;
    }
    return out;
}

std::vector<Place> resolve_places(const Document& doc, const Gazetteer& gaz, const std::vector<Mention>& mentions) {
    // Countries the article names (directly, by demonym or by seat of government).
    std::map<std::string, int> country_mentions;
    for (const auto& m : mentions) {
        for (const auto& r : m.candidates) {
            if (gaz.entry(r.entry).kind == PlaceKind::country) {
                ++country_mentions[gaz.entry(r.entry).country];
                break;
            }
        }
    }
    std::vector<const Entry*> context_countries;
    for (const auto& [iso, n] : country_mentions) {
        const auto id = gaz.by_id("country:" + iso);
        if (id >= 0) context_countries.push_back(&gaz.entry(static_cast<std::uint32_t>(id)));
    }
    // Token lookup by byte offset (tokens are in text order).
    auto token_starting_at = [&](std::size_t byte) -> const Token* {
        const auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), byte,
                                         [](const Token& t, std::size_t b) { return t.span.start < b; });
        return it != doc.tokens.end() && it->span.start == byte ? &*it : nullptr;
    };
    auto token_ending_at = [&](std::size_t byte) -> const Token* {
        auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), byte,
                                   [](const Token& t, std::size_t b) { return t.span.end < b; });
        return it != doc.tokens.end() && it->span.end == byte ? &*it : nullptr;
    };
    auto sentence_start_at = [&](std::size_t byte) {
        const Token* t = token_starting_at(byte);
        return t && t->sentence_start;
    };
    auto is_water_word = [](const Token* t) {
        return t && t->is_word && (t->folded == "river" || t->folded == "lake" || t->folded == "sea");
    };

    std::map<std::uint32_t, Place> by_entry;
    for (const auto& m : mentions) {
        const bool at_start = sentence_start_at(m.span.start);
        const bool shouting = all_caps_word(m.text) && m.text.size() > 3;
        // "the Araks river", "river Aras": the water body, not a town of that name.
        const bool river_word = is_water_word(token_starting_at(m.span.end + 1)) ||
                                (m.span.start > 0 && is_water_word(token_ending_at(m.span.start - 1)));
        double best = 0, total = 0;
        std::int64_t best_entry = -1;
        for (const auto& r : m.candidates) {
            const Entry& e = gaz.entry(r.entry);
            const bool in_context = country_mentions.count(e.country) > 0;
            double s = 0;
            switch (e.kind) {
                case PlaceKind::country: s = 10; break;
                case PlaceKind::dispute: s = 9; break;
                case PlaceKind::admin1: s = in_context ? 6 : 1.5; break;
                case PlaceKind::water: s = river_word ? 8 : 3; break;
                case PlaceKind::place:
                    if (e.rank >= 12) {
                        // GeoNames town: only in a country the article is about,
                        // and not a capitalised word opening a sentence.
                        s = in_context && !at_start ? 3 : 0;
                    } else {
                        s = 2 + std::log10(static_cast<double>(e.population) + 10) / 2 + (e.capital ? 2.5 : 0) +
                            (in_context ? 3 : 0) - e.rank * 0.15;
                        if (!in_context && e.population < 100000 && !e.capital) s = 0;
                        if (at_start && !in_context && !e.capital) s *= 0.5;
                    }
                    break;
            }
            if (s > 0 && e.kind != PlaceKind::country && !context_countries.empty()) {
                double nearest = 1e9;
                for (const Entry* c : context_countries) {
                    nearest = std::min(nearest, km_between(e.lon, e.lat, c->lon, c->lat));
                }
                if (nearest < 1000) s += 1;
            }
            if (shouting && e.kind != PlaceKind::country) s = 0;
            total += s;
            if (s > best) {
                best = s;
                best_entry = r.entry;
            }
        }
        if (best_entry < 0 || best < 2.5) continue;
        auto& p = by_entry[static_cast<std::uint32_t>(best_entry)];
        p.entry = static_cast<std::uint32_t>(best_entry);
        const double share = best / total;
        const double strength = std::min(1.0, best / 10.0);
        p.confidence = std::max(p.confidence, std::round(100 * (0.5 * share + 0.5 * strength)) / 100);
        p.mentions.push_back(m);
    }
    std::vector<Place> out;
    for (auto& [idx, p] : by_entry) out.push_back(std::move(p));
    std::sort(out.begin(), out.end(), [](const Place& a, const Place& b) {
        return a.mentions.front().span.start < b.mentions.front().span.start;
    });
    return out;
}

}  // namespace borderline
