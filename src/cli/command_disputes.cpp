// borderline disputes: list the bundled disputed territories.
#include "commands.hpp"

#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/extract.hpp>

#include <utf8proc.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <iostream>

namespace borderline::cli {

namespace {
std::string joined(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

// Columns on a terminal: the display width of UTF-8 text (wide CJK letters
// count two, combining marks none), so names in any script stay aligned.
std::size_t display_width(const std::string& s) {
    std::size_t w = 0;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t c = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
        if (n <= 0) {  // invalid byte: one column, like a replacement mark
            ++w;
            ++p;
            --left;
            continue;
        }
        w += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(c)));
        p += n;
        left -= n;
    }
    return w;
}

std::string settled_text(const Dispute& d) {
    return d.settled() ? std::to_string(d.settled_year) + " " + d.settled_how : "open";
}
}  // namespace

int run_disputes(const DisputesOptions& o) {
    const GeoData data(data_paths());
    const auto hits = data.disputes().search(o.query);
    if (hits.empty())
        throw NothingToMapError("no bundled dispute matches '" + o.query + "'; run `borderline disputes` for the list");
    if (o.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const Dispute* d : hits) out.push_back(to_json(*d, data));
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    constexpr std::size_t kColumns = 7;
    using Row = std::array<std::string, kColumns>;
    std::vector<Row> rows{{"id", "name", "kind", "status", "settled", "parties", "administered by"}};
    for (const Dispute* d : hits) {
        rows.push_back(
            {d->id, d->name, d->kind, d->status, settled_text(*d), joined(d->parties, ","), d->administered_by});
    }
    std::array<std::size_t, kColumns> width{};
    for (const Row& r : rows) {
        for (std::size_t c = 0; c < kColumns; ++c) width[c] = std::max(width[c], display_width(r[c]));
    }
    for (const Row& r : rows) {
        std::string line;
        for (std::size_t c = 0; c < kColumns; ++c) {
            line += r[c];
            if (c + 1 < kColumns) line.append(width[c] - display_width(r[c]) + 2, ' ');
        }
        std::cout << line << "\n";
    }
    return 0;
}

}  // namespace borderline::cli
