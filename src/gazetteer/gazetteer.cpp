// Gazetteer: every name of the bundled data, folded for matching. This file
// holds the queries and the choice between the cache and a fresh build; the
// builder (builder.cpp) makes the image and image.cpp maps and writes it.
//
// The cache (gazetteer.bin in the build folder) starts with a key made of the
// size and modification time of every input file and the build stamp of the
// builder's code; a cache whose key differs is ignored and rewritten, so it
// stays right when geodata/ or the code changes.
#include "gazetteer/builder.hpp"
#include "gazetteer/image.hpp"

#include <borderline/error.hpp>
#include <borderline/fold.hpp>
#include <borderline/gazetteer.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>

namespace borderline {

std::uint8_t feature_kind_index(std::string_view kind) {
    const auto* at = std::find(std::begin(kFeatureKinds), std::end(kFeatureKinds), kind);
    return at == std::end(kFeatureKinds) ? 0 : static_cast<std::uint8_t>(at - std::begin(kFeatureKinds));
}

const char* to_string(PlaceKind k) {
    switch (k) {
        case PlaceKind::country:
            return "country";
        case PlaceKind::admin1:
            return "admin1";
        case PlaceKind::place:
            return "place";
        case PlaceKind::water:
            return "water";
        case PlaceKind::dispute:
            return "dispute";
        case PlaceKind::region:
            return "region";
        case PlaceKind::feature:
            return "feature";
    }
    return "place";
}

using namespace gazetteer_image;

// ---------------------------------------------------------------------------
// Gazetteer

Gazetteer Gazetteer::build(const GeoData& data) {
    Gazetteer g;
    auto image = std::make_shared<const std::string>(build_gazetteer_image(data));
    const std::string_view bytes(*image);
    if (!GazetteerFile::attach(g, std::move(image), bytes))
        throw DataError("gazetteer: the built index is inconsistent");
    return g;
}

Gazetteer::Gazetteer(const GeoData& data) {
    const std::string key = gazetteer_cache_key(data.dir());
    const auto& path = data.paths().gazetteer_cache;
    if (path.empty()) {
        *this = build(data);
        return;
    }
    if (GazetteerFile::read(*this, path, key)) {
        from_cache_ = true;
        return;
    }
    *this = build(data);
    save(path, key);  // best effort: a read-only build folder only costs start-up time
}

bool Gazetteer::save(const std::filesystem::path& path, const std::string& key) const {
    return GazetteerFile::write(*this, path, key);
}

namespace {
// The bytes of record i.
const std::byte* record_bytes(std::span<const std::byte> records, std::size_t count, std::uint32_t i) {
    if (i >= count) throw DataError("gazetteer: no entry " + std::to_string(i) + "; is the cache damaged?");
    return records.data() + std::size_t{i} * sizeof(Record);
}

Record record_at(std::span<const std::byte> records, std::size_t count, std::uint32_t i) {
    Record r;
    std::memcpy(&r, record_bytes(records, count, i), sizeof r);
    return r;
}
}  // namespace

Entry Gazetteer::entry(std::uint32_t i) const {
    const Record r = record_at(records_, entry_count_, i);
    // substr throws rather than read outside the pool when a cache is damaged.
    const auto str = [&](int k) { return strings_.substr(r.str[k][0], r.str[k][1]); };
    Entry e;
    e.id = ids_.key(i);
    e.name = str(0);
    e.kind = static_cast<PlaceKind>(r.kind);
    e.country = str(1);
    e.admin1 = str(2);
    e.lon = r.lon;
    e.lat = r.lat;
    e.population = r.population;
    e.rank = r.rank;
    e.capital = r.capital != 0;
    // A damaged cache gives no kind rather than a read past the table.
    if (r.feature_kind < std::size(kFeatureKinds)) e.feature_kind = kFeatureKinds[r.feature_kind];
    return e;
}

std::string_view Gazetteer::country_of(std::uint32_t i) const {
    // Only the country's offset and size (Record::str[1]), not the whole
    // record: callers run this over many entries.
    constexpr std::size_t at = offsetof(Record, str) + sizeof(Record::str[0]);
    std::uint32_t country[2];
    std::memcpy(country, record_bytes(records_, entry_count_, i) + at, sizeof country);
    return strings_.substr(country[0], country[1]);
}

NameInfo Gazetteer::probe(std::string_view folded) const {
    NameInfo info;
    const auto k = names_.find(folded);
    if (k < 0) return info;
    const auto i = static_cast<std::size_t>(k);
    const std::uint32_t begin = ref_begin_[i], end = ref_begin_[i + 1];
    if (begin <= end && end <= refs_.size()) info.refs = refs_.subspan(begin, end - begin);
    info.extends = (flags_[i] & 1) != 0;
    info.common_word = (flags_[i] & 2) != 0;
    return info;
}

std::span<const std::uint32_t> Gazetteer::capitals_of(std::string_view iso3) const {
    // std::equal_range, not std::ranges::equal_range: clang 14 (the fuzz
    // build's compiler on Debian 12) cannot compile ranges::subrange with
    // libstdc++ 12.
    struct ByCountry {
        const Gazetteer* g;
        bool operator()(std::uint32_t a, std::string_view b) const { return g->country_of(a) < b; }
        bool operator()(std::string_view a, std::uint32_t b) const { return a < g->country_of(b); }
    };
    const auto [first, last] =
        std::equal_range(capitals_by_country_.begin(), capitals_by_country_.end(), iso3, ByCountry{this});
    return {first, last};
}

std::span<const NameRef> Gazetteer::find_folded(std::string_view folded) const { return probe(folded).refs; }

std::int64_t Gazetteer::by_id(std::string_view id) const { return ids_.find(id); }

namespace {
// Order of `places` results: countries, disputes, then cities of some size
// before provinces of the same name, then the rest.
int kind_order(const Entry& e) {
    switch (e.kind) {
        case PlaceKind::country:
            return 0;
        case PlaceKind::dispute:
            return 1;
        case PlaceKind::place:
            return e.population >= 100000 || e.capital ? 2 : 4;
        case PlaceKind::admin1:
            return 3;
        case PlaceKind::water:
            return 5;
        case PlaceKind::region:
            return 1;
        case PlaceKind::feature:
            return 2;
    }
    return 6;
}
}  // namespace

std::vector<std::uint32_t> Gazetteer::lookup(std::string_view query) const {
    const std::string key = fold(query);
    std::vector<std::uint32_t> out;
    for (const auto& r : find_folded(key)) out.push_back(r.entry);
    if (out.empty() && key.size() >= 3) {
        for (std::size_t i = 0; i < names_.size(); ++i) {
            if (names_.key(i).substr(0, key.size()) == key) {
                for (auto j = ref_begin_[i]; j < ref_begin_[i + 1] && j < refs_.size(); ++j)
                    out.push_back(refs_[j].entry);
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    std::sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) {
        const Entry x = entry(a);
        const Entry y = entry(b);
        if (kind_order(x) != kind_order(y)) return kind_order(x) < kind_order(y);
        if (x.population != y.population) return x.population > y.population;
        if (x.rank != y.rank) return x.rank < y.rank;
        return x.id < y.id;
    });
    return out;
}

}  // namespace borderline
