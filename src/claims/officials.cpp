// The officials table: parsed once from the TSV that CMake builds into the
// program (officials_data.cpp, generated from geodata/officials.tsv).
#include "claims/officials.hpp"

#include <borderline/fold.hpp>

#include <algorithm>
#include <sstream>

#include "claims/lexicon.hpp"

namespace borderline::claims_officials {

extern const std::string_view kOfficialsTsv;  // officials_data.cpp

std::vector<Official> parse_officials(std::string_view tsv) {
    std::vector<Official> out;
    std::size_t at = 0;
    while (at < tsv.size()) {
        std::size_t nl = tsv.find('\n', at);
        if (nl == std::string_view::npos) nl = tsv.size();
        const std::string_view line = tsv.substr(at, nl - at);
        at = nl + 1;
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string_view> cols;
        for (std::size_t c = 0; c <= line.size();) {
            std::size_t tab = line.find('\t', c);
            if (tab == std::string_view::npos) tab = line.size();
            cols.push_back(line.substr(c, tab - c));
            c = tab + 1;
        }
        if (cols.size() < 5 || cols[1].size() != 3) continue;
        Official o;
        std::istringstream words(fold(cols[0]));
        for (std::string w; words >> w;) o.words.push_back(w);
        if (o.words.empty()) continue;
        o.country = std::string(cols[1]);
        if (cols[4] != "-") o.surname = fold(cols[4]);
        out.push_back(std::move(o));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Official& a, const Official& b) { return a.words[0] < b.words[0]; });
    return out;
}

const std::vector<Official>& officials() {
    static const std::vector<Official> table = parse_officials(kOfficialsTsv);
    return table;
}

int first_with(std::string_view w) {
    static const claims_lexicon::WordTable index(officials(),
                                                 [](const Official& o) -> std::string_view { return o.words[0]; });
    return index.find(w);
}

}  // namespace borderline::claims_officials
