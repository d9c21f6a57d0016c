// The scoring passes of resolve_places: country and province support,
// qualifiers settling readings, nearness to other places, the choice per
// mention and the grouping of mentions into places.
#include "geocode/resolver.hpp"

#include <cmath>
#include <limits>
#include <unordered_set>

namespace borderline::geoparse_detail {

namespace {

// km_between(...) < km, skipping the trigonometry for points far apart in
// latitude: a great-circle distance is at least the Earth's radius times the
// difference of latitude in radians (haversine: a >= sin^2(dlat/2)). The 1%
// margin keeps rounding from deciding any case the exact test would not.
bool within_km(double lon1, double lat1, double lon2, double lat2, double km) {
    constexpr double kKmPerDegree = kEarthRadiusKm * kRadiansPerDegree;
    if (std::abs(lat2 - lat1) * kKmPerDegree > km * 1.01) return false;
    return km_between(lon1, lat1, lon2, lat2) < km;
}

// Whether place `e` lies in `b`: a place in its province ("Brooklyn, New
// York"), a place or province in its country or nation ("Kingston, Jamaica",
// "the English city of Salisbury").
bool lies_in(const Entry& e, const Entry& b) {
    if (b.kind == PlaceKind::admin1) return e.kind == PlaceKind::place && !e.admin1.empty() && e.admin1 == b.admin1;
    if (b.kind == PlaceKind::country || b.kind == PlaceKind::region) {
        return !b.country.empty() && e.country == b.country &&
               (e.kind == PlaceKind::place || e.kind == PlaceKind::admin1);
    }
    return false;
}

}  // namespace

std::vector<Place> Resolver::run() {
    name_mentions();
    decode_candidates();
    read_surroundings();
    mark_given_name_runs();
    spread_person_names();
    spread_city_names();
    find_qualifiers();
    mark_lists();
    count_country_names();
    for (int pass = 0; pass < 2; ++pass) {
        PassTables t(&arena_, n_);
        // (No choices in the first pass: nothing to settle or be near.)
        if (pass == 1) {
            settle_from_qualifiers(t);
            count_provinces(t);
            place_anchors(t);
            weigh_name_settlements(t);
        }
        choose(t);
        count_resolved_support();
    }
    return group_places();
}

// Support for each country from the article: first from the country
// names (here), then (count_resolved_support) from every resolved place.
// Votes are code keys, 0 (the key of "") for none. Votes are counted per
// name as well: a town's own repetitions are no evidence for its country
// ("Montana" said twice must not put the small Bulgarian town in
// context). Larger units keep the plain count: a province named five
// times is what the article is about.
void Resolver::count_country_names() {
    voted_.assign(n_, 0);
    for (std::size_t k = 0; k < n_; ++k) {
        // A demonym shared by several countries ("French": France and the
        // French Southern Lands) votes for the largest of them, not for
        // whichever the index lists first.
        int best_rank = 0;
        for (const Candidate& c : candidates_of(k)) {
            if (c.entry.kind == PlaceKind::country && (voted_[k] == 0 || c.entry.rank < best_rank)) {
                voted_[k] = c.country;
                best_rank = c.entry.rank;
            }
        }
        if (voted_[k] != 0) {
            ++support_[voted_[k]];
            votes_by_name_.add(name_of_[k], voted_[k]);
        }
    }
    add_abbreviation_support();
}

// A state abbreviation ("Mont.") names no place, yet says which country
// the article is about, in both passes.
void Resolver::add_abbreviation_support() {
    for (std::size_t k = 0; k < n_; ++k) {
        if (abbreviated_after_[k].size() == 1) ++support_[abbreviated_after_[k].front().country];
    }
}

// Every resolved place supports its country.
void Resolver::count_resolved_support() {
    support_.clear();
    votes_by_name_.clear();
    for (std::size_t k = 0; k < n_; ++k) {
        voted_[k] = 0;
        if (!chosen_entry_[k] || chosen_entry_[k]->country == 0) continue;
        voted_[k] = chosen_entry_[k]->country;
        ++support_[voted_[k]];
        votes_by_name_.add(name_of_[k], voted_[k]);
    }
    add_abbreviation_support();
}

// The qualifiers found above, read with the first pass's choices: which
// entries of a name they settle.
void Resolver::settle_from_qualifiers(PassTables& t) {
    auto settle = [&](std::size_t k, std::uint32_t entry) {
        t.settled[name_of_[k]].push_back(entry);
        t.settled_here[k].push_back(entry);
    };
    // The candidates of mention k that lie in the entry chosen for mention j.
    auto settle_within = [&](std::size_t k, std::size_t j) {
        if (!chosen_entry_[j]) return;
        const Entry& b = chosen_entry_[j]->entry;
        const auto entries = candidates_of(k);
        for (std::size_t c = 0; c < entries.size(); ++c) {
            if (lies_in(entries[c].entry, b)) settle(k, mentions_[k].candidates[c].entry);
        }
    };
    for (std::size_t k = 0; k < n_; ++k) {
        // The first pass's choices on either side decide the other side.
        if (k + 1 < n_ && qualified_by_next_[k]) {
            t.qualifying[k + 1] = true;
            settle_within(k, k + 1);
        }
        // "Athens, Georgia": the pair may agree on readings neither
        // side would take alone (the Greek capital, the country).
        if (k + 1 < n_ && qualified_by_next_[k] && !in_list_[k]) {
            const auto here = candidates_of(k), next = candidates_of(k + 1);
            for (std::size_t cb = 0; cb < next.size(); ++cb) {
                const Entry& b = next[cb].entry;
                if (b.kind != PlaceKind::admin1 && b.kind != PlaceKind::country) continue;
                for (std::size_t ca = 0; ca < here.size(); ++ca) {
                    if (!lies_in(here[ca].entry, b)) continue;
                    settle(k, mentions_[k].candidates[ca].entry);
                    settle(k + 1, mentions_[k + 1].candidates[cb].entry);
                }
            }
        }
        // A town the data lacks in that state ("HOLLIDAY, Mo."): its
        // namesakes in other states are not it.
        bool inside = false;
        for (const Candidate& province : abbreviated_after_[k]) {
            const auto entries = candidates_of(k);
            for (std::size_t c = 0; c < entries.size(); ++c) {
                if (!lies_in(entries[c].entry, province.entry)) continue;
                settle(k, mentions_[k].candidates[c].entry);
                inside = true;
            }
        }
        around_[k].ctx.elsewhere = abbreviation_dotted_[k] && !inside;
        if (qualifier_before_[k] >= 0) {
            t.qualifying[static_cast<std::size_t>(qualifier_before_[k])] = true;
            settle_within(k, static_cast<std::size_t>(qualifier_before_[k]));
        }
        // "Georgia's capital Tbilisi": the country whose capital the next name is.
        if (k + 1 < n_ && capital_next_[k]) {
            t.qualifying[k + 1] = true;
            const auto here = candidates_of(k), next = candidates_of(k + 1);
            for (std::size_t ca = 0; ca < here.size(); ++ca) {
                if (here[ca].entry.kind != PlaceKind::country) continue;
                for (std::size_t cb = 0; cb < next.size(); ++cb) {
                    if (!next[cb].entry.capital || next[cb].country != here[ca].country) continue;
                    settle(k, mentions_[k].candidates[ca].entry);
                    settle(k + 1, mentions_[k + 1].candidates[cb].entry);
                }
            }
        }
        if (k + 1 < n_ && qualified_by_next_[k] && chosen_entry_[k] && !in_list_[k]) {
            const Entry& a = chosen_entry_[k]->entry;
            const auto next = candidates_of(k + 1);
            for (std::size_t c = 0; c < next.size(); ++c) {
                if (lies_in(a, next[c].entry)) settle(k + 1, mentions_[k + 1].candidates[c].entry);
            }
        }
    }
}

// A qualifier speaks for its own mention. It speaks for the name's other
// mentions too ("Paris, Texas ... Paris officials") only when the rest of
// the article supports its reading more than any other: one "U.S. state of
// Georgia" in a story about Georgia and South Ossetia leaves the other
// Georgias the country. The rest of the article is the other names' votes
// for the reading's country and province and the places they name within
// 500 km of it, from the first pass's choices. The qualifiers themselves
// are left out: "Texas" in "Paris, Texas" says nothing of the other Parises.
void Resolver::weigh_name_settlements(PassTables& t) {
    if (std::ranges::all_of(t.settled, [](const auto& s) { return s.empty(); })) return;
    // What the article says, counted once (a line of a thousand qualified
    // names must not make this quadratic): votes for countries and
    // provinces, in all and per name, from the mentions that qualify
    // nothing; the first 256 places, features and disputes for nearness; and
    // a newsroom's state abbreviation ("COLUMBIA, Ky. -"), which says where
    // the whole story is, as add_abbreviation_support does ("Paris, Texas":
    // a name the matcher read is a qualifier, left out).
    Tally countries(&arena_), provinces(&arena_);
    CountsByName countries_by_name(&arena_), provinces_by_name(&arena_);
    std::pmr::vector<std::size_t> points(&arena_);  // mentions, one per chosen entry
    std::pmr::unordered_set<std::int64_t> seen(&arena_);
    for (std::size_t k = 0; k < n_; ++k) {
        const Candidate* other = chosen_entry_[k];
        if (!other || t.qualifying[k]) continue;
        if (other->country != 0) {
            ++countries[other->country];
            countries_by_name.add(name_of_[k], other->country);
        }
        const PlaceKind kind = other->entry.kind;
        if (other->admin1 != 0 && (kind == PlaceKind::place || kind == PlaceKind::admin1)) {
            ++provinces[other->admin1];
            provinces_by_name.add(name_of_[k], other->admin1);
        }
        if (kind != PlaceKind::country && kind != PlaceKind::region && points.size() < 256 &&
            seen.insert(chosen_[k]).second)
            points.push_back(k);
    }
    for (std::size_t k = 0; k < n_; ++k) {
        if (abbreviated_after_[k].size() != 1 || (k + 1 < n_ && qualified_by_next_[k])) continue;
        ++countries[abbreviated_after_[k].front().country];
        ++provinces[abbreviated_after_[k].front().admin1];
    }
    auto count = [](const Tally& tally, std::uint64_t key) {
        const int* found = tally.find(key);
        return key == 0 || !found ? 0 : *found;
    };
    for (std::size_t name = 0; name < n_; ++name) {
        const auto& settled = t.settled[name];
        if (settled.empty()) continue;
        const auto entries = candidates_of(name);
        int held = -1;
        std::pmr::vector<std::uint64_t> held_countries(&arena_);
        std::pmr::vector<std::pair<std::uint64_t, int>> rivals(&arena_);
        for (std::size_t c = 0; c < entries.size(); ++c) {
            const Candidate& cand = entries[c];
            int support = count(countries, cand.country) - countries_by_name.count(name, cand.country);
            if (cand.entry.kind == PlaceKind::place || cand.entry.kind == PlaceKind::admin1)
                support += count(provinces, cand.admin1) - provinces_by_name.count(name, cand.admin1);
            const bool near = std::ranges::any_of(points, [&](std::size_t k) {
                const Entry& o = chosen_entry_[k]->entry;
                return name_of_[k] != name && within_km(cand.entry.lon, cand.entry.lat, o.lon, o.lat, 500);
            });
            support += near ? 1 : 0;
            if (std::ranges::find(settled, mentions_[name].candidates[c].entry) != settled.end()) {
                held = std::max(held, support);
                held_countries.push_back(cand.country);
            } else {
                rivals.emplace_back(cand.country, support);
            }
        }
        // A rival in the qualified reading's own country is no rival: the
        // article's country agrees with the qualifier ("Columbia, Missouri").
        int rival = 0;
        for (const auto& [country, support] : rivals) {
            if (std::ranges::find(held_countries, country) == held_countries.end()) rival = std::max(rival, support);
        }
        t.name_settles[name] = held >= rival;
    }
}

// Provinces the first pass's places lie in, and the state of a dateline.
void Resolver::count_provinces(PassTables& t) {
    for (std::size_t k = 0; k < n_; ++k) {
        if (!chosen_entry_[k]) continue;
        const Entry& e = chosen_entry_[k]->entry;
        if (e.admin1.empty() || (e.kind != PlaceKind::place && e.kind != PlaceKind::admin1)) continue;
        ++t.province_support[chosen_entry_[k]->admin1];
        t.provinces_by_name.add(name_of_[k], chosen_entry_[k]->admin1);
    }
    // "HELENA, Mont. (AP)": the state of the dateline is what the
    // story is about, whichever Helena the matcher offers.
    for (std::size_t k = 0; k < n_; ++k) {
        if (abbreviated_after_[k].size() == 1) ++t.province_support[abbreviated_after_[k].front().admin1];
    }
}

void Resolver::place_anchors(PassTables& t) {
    for (std::size_t k = 0; k < n_; ++k) {
        if (!chosen_entry_[k]) continue;
        const auto idx = static_cast<std::uint32_t>(chosen_[k]);
        const Entry& e = chosen_entry_[k]->entry;
        if (e.kind != PlaceKind::place && e.kind != PlaceKind::admin1) continue;
        if (const auto it = t.anchor_of.find(idx); it != t.anchor_of.end()) {
            ++t.anchors[it->second].count;
        } else if (t.anchors.size() < 256) {
            t.anchor_of.emplace(idx, t.anchors.size());
            t.anchors.push_back({idx, k, 1, e.lon, e.lat, e.kind == PlaceKind::admin1});
        }
    }
}

// Whether the candidate `entry` of mention k lies within 300 km of a
// place the article names elsewhere.
bool Resolver::near_other_place(PassTables& t, std::size_t k, std::uint32_t entry, const Entry& e) {
    if (t.anchors.empty()) return false;
    auto found = t.near_anchors.find(entry);
    if (found == t.near_anchors.end()) {
        std::pmr::vector<std::size_t> near(&arena_);
        for (std::size_t i = 0; i < t.anchors.size(); ++i) {
            const Anchor& o = t.anchors[i];
            if (o.entry != entry && within_km(e.lon, e.lat, o.lon, o.lat, 300)) near.push_back(i);
        }
        found = t.near_anchors.emplace(entry, std::move(near)).first;
    }
    for (const std::size_t i : found->second) {
        if (t.anchors[i].count > 1 || t.anchors[i].first_mention != k) return true;
    }
    return false;
}

// How far `e`, a reading of mention k, lies from the nearest town or city
// the article names elsewhere (as near_other_place counts them, provinces
// left out); infinite when it names none.
double Resolver::nearest_other_km(const PassTables& t, std::size_t k, const Entry& e) const {
    double km = std::numeric_limits<double>::infinity();
    for (const Anchor& o : t.anchors) {
        if (!o.province && (o.count > 1 || o.first_mention != k))
            km = std::min(km, km_between(e.lon, e.lat, o.lon, o.lat));
    }
    return km;
}

// What the article says for candidate c of mention k.
CandidateEvidence Resolver::evidence(const PassTables& t, std::size_t k, const Candidate& c,
                                     std::uint32_t entry) const {
    CandidateEvidence ev;
    if (const int* support = support_.find(c.country)) {
        ev.country_support = *support - (voted_[k] == c.country ? 1 : 0);
        // A country whose name is also a province of another country that
        // holds places the article names ("Georgia", with Atlanta and
        // Savannah): its own mentions are no evidence for one reading over
        // the other.
        const bool shared =
            c.entry.kind == PlaceKind::country && std::ranges::any_of(candidates_of(k), [&](const Candidate& o) {
                return o.entry.kind == PlaceKind::admin1 && o.country != c.country && holds_named_places(t, k, o);
            });
        // A country's name that is a person's elsewhere in the article
        // ("Nine-year-old Georgia Stevens ... said Georgia"): its own
        // mentions are no evidence for the country either.
        const bool person = c.entry.kind == PlaceKind::country && around_[k].ctx.person_elsewhere;
        if (c.entry.kind == PlaceKind::place || shared || person) {
            // The name's own votes, when it cast any, instead of this one's.
            if (const int own = votes_by_name_.count(name_of_[k], c.country); own > 0) {
                ev.country_support = *support - own;
            }
        }
    }
    ev.province_of_same_name = std::ranges::find(admin1_countries_, c.country) != admin1_countries_.end();
    // A mention's own qualifier, else its name's.
    const auto& settled_name = t.settled[name_of_[k]];
    const std::pmr::vector<std::uint32_t>* settles = !t.settled_here[k].empty() ? &t.settled_here[k]
                                                     : settled_name.empty() || !t.name_settles[name_of_[k]]
                                                         ? nullptr
                                                         : &settled_name;
    ev.settled = settles && std::ranges::find(*settles, entry) != settles->end();
    // A place in a province the article names or places names in; a
    // province that shares its name with another country and holds places
    // the article names ("Georgia", with Atlanta and Savannah).
    const bool shared =
        c.entry.kind == PlaceKind::admin1 && std::ranges::any_of(candidates_of(k), [&](const Candidate& o) {
            return o.entry.kind == PlaceKind::country && o.country != c.country;
        });
    if (c.entry.kind == PlaceKind::place || shared) ev.in_supported_province = holds_named_places(t, k, c);
    // A country's name that is a person's elsewhere: whether the article's
    // other places all lie far from the country (the skater Georgia's
    // Alberta), unlike "Israel Katz said ... Israel struck Gaza".
    if (c.entry.kind == PlaceKind::country && around_[k].ctx.person_elsewhere) {
        double km = std::numeric_limits<double>::infinity();
        for (const Anchor& o : t.anchors) {
            if (o.count > 1 || o.first_mention != k)
                km = std::min(km, km_between(c.entry.lon, c.entry.lat, o.lon, o.lat));
        }
        ev.far_from_places = std::isfinite(km) && km > kFarFromPlacesKm;
    }
    return ev;
}

// Whether the article names places in candidate c's province, or the
// province itself, through names other than mention k's.
bool Resolver::holds_named_places(const PassTables& t, std::size_t k, const Candidate& c) const {
    if (c.entry.admin1.empty() || t.province_support.empty()) return false;
    const int* support = t.province_support.find(c.admin1);
    return support && *support - t.provinces_by_name.count(name_of_[k], c.admin1) > 0;
}

// Each mention's best-scoring candidate, when it scores enough.
void Resolver::choose(PassTables& t) {
    chosen_.resize(n_, -1);
    chosen_entry_.resize(n_, nullptr);
    chosen_score_.resize(n_, 0);
    chosen_total_.resize(n_, 0);
    for (std::size_t k = 0; k < n_; ++k) {
        const Mention& m = mentions_[k];
        const auto entries = candidates_of(k);
        double best = 0, total = 0;
        const Candidate* best_entry = nullptr;
        std::uint32_t best_index = 0;
        admin1_countries_.clear();
        std::int64_t most_people = 0;
        for (const Candidate& c : entries) {
            if (c.entry.kind == PlaceKind::admin1) admin1_countries_.push_back(c.country);
            if (c.entry.kind == PlaceKind::place) most_people = std::max(most_people, c.entry.population);
        }
        for (std::size_t c = 0; c < entries.size(); ++c) {
            const NameRef& r = m.candidates[c];
            const Candidate& cand = entries[c];
            CandidateEvidence ev = evidence(t, k, cand, r.entry);
            ev.largest_of_name = cand.entry.kind == PlaceKind::place && cand.entry.population > 0 &&
                                 cand.entry.population == most_people;
            const auto near = [&] { return near_other_place(t, k, r.entry, cand.entry); };
            ev.near_other_place = LazyFact(near);
            const double s = score_candidate({cand.entry, r.role}, around_[k].ctx, ev);
            total += std::max(0.0, s);
            // Two towns in one country that score the same (two Overtons
            // in England, both within 300 km of the article's towns): the
            // one nearer the places the article names, not the one the
            // index lists first. (Across countries the article's support
            // decides; nearness to a place read in the wrong country would
            // carry that mistake on.)
            const bool nearer = s == best && s > 0 && best_entry && best_entry->country == cand.country &&
                                cand.entry.kind == PlaceKind::place && best_entry->entry.kind == PlaceKind::place &&
                                nearest_other_km(t, k, cand.entry) < nearest_other_km(t, k, best_entry->entry);
            if (s > best || nearer) {
                best = s;
                best_entry = &cand;
                best_index = r.entry;
            }
        }
        const bool resolved = best >= kMinScore && best_entry;
        chosen_[k] = resolved ? std::int64_t{best_index} : -1;
        chosen_entry_[k] = resolved ? best_entry : nullptr;
        chosen_score_[k] = best;
        chosen_total_[k] = total;
    }
}

// One place per chosen entry with all its mentions: the resolved
// mentions sorted by entry, each entry's in text order, are the places.
std::vector<Place> Resolver::group_places() {
    std::pmr::vector<std::size_t> resolved(&arena_);
    for (std::size_t k = 0; k < n_; ++k) {
        if (chosen_[k] >= 0) resolved.push_back(k);
    }
    std::ranges::sort(resolved, [&](std::size_t a, std::size_t b) {
        return chosen_[a] != chosen_[b] ? chosen_[a] < chosen_[b] : a < b;
    });
    std::vector<Place> out;
    for (auto group = resolved.begin(); group != resolved.end();) {
        const auto idx = chosen_[*group];
        const auto end = std::find_if(group, resolved.end(), [&](std::size_t k) { return chosen_[k] != idx; });
        Place& p = out.emplace_back();
        p.entry = static_cast<std::uint32_t>(idx);
        p.mentions.reserve(static_cast<std::size_t>(end - group));
        for (; group != end; ++group) {
            const std::size_t k = *group;
            const double share = chosen_score_[k] / chosen_total_[k];
            const double strength = std::min(1.0, chosen_score_[k] / 10.0);
            p.confidence = std::max(p.confidence, std::round(100 * (0.5 * share + 0.5 * strength)) / 100);
            p.mentions.push_back(mentions_[k]);
        }
    }
    std::sort(out.begin(), out.end(), [](const Place& a, const Place& b) {
        return a.mentions.front().span.start < b.mentions.front().span.start;
    });
    return out;
}

}  // namespace borderline::geoparse_detail
