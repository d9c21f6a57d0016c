// The article-shape cases of tests/data/shapes/ (layout in its README):
// read by the test (tests/test_shapes.cpp: shapes and places) and by the
// measurement (bench/eval_shapes.cpp: actor accuracy per shape), so both
// read the same expectations the same way.
#pragma once

#include <borderline/claims.hpp>
#include "case_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace borderline::shape_cases {

struct ExpectedClaim {
    std::string country, stance;
    std::vector<std::string> places;
};

struct Case {
    std::string file, name, text;
    std::string shape;
    std::vector<std::string> places, noplaces;
    std::vector<ExpectedClaim> claims;
};

inline std::vector<Case> read(const std::filesystem::path& dir) {
    const std::vector<std::filesystem::path> files = borderline::test::case_files(dir);
    std::vector<Case> out;
    for (const auto& f : files) {
        std::ifstream in(f);
        std::string line;
        bool expect = false;
        bool in_case = false;  // lines before a file's first case are its comments
        while (std::getline(in, line)) {
            if (line.rfind("=== ", 0) == 0) {
                out.push_back({});
                out.back().file = f.filename().string();
                out.back().name = line.substr(4);
                expect = false;
                in_case = true;
                continue;
            }
            if (!in_case || (!expect && out.back().text.empty() && line.rfind('#', 0) == 0)) continue;
            Case& c = out.back();
            if (line == "---") {
                expect = true;
                continue;
            }
            if (!expect) {
                c.text += line + "\n";
                continue;
            }
            if (line.empty() || line[0] == '#' || line == "none") continue;
            std::stringstream ss(line);
            std::string head, w;
            ss >> head;
            if (head == "shape") {
                ss >> c.shape;
            } else if (head == "places" || head == "noplaces") {
                while (ss >> w) (head == "places" ? c.places : c.noplaces).push_back(w);
            } else {
                ExpectedClaim e;
                e.country = head;
                ss >> e.stance;
                while (ss >> w) e.places.push_back(w);
                c.claims.push_back(e);
            }
        }
    }
    for (auto& c : out) {
        while (c.text.size() > 1 && c.text.back() == '\n' && c.text[c.text.size() - 2] == '\n') c.text.pop_back();
    }
    return out;
}

/// Expected claims matched in text order to found claims of the same
/// actor country (the first unused one after the last match), and how
/// many of the matched ones have the expected stance.
struct ActorScore {
    std::size_t expected = 0, found = 0, matched = 0, stance = 0;
};

inline ActorScore score(const Case& k, const std::vector<Claim>& got) {
    ActorScore s;
    s.expected = k.claims.size();
    s.found = got.size();
    std::size_t from = 0;
    for (const auto& e : k.claims) {
        for (std::size_t i = from; i < got.size(); ++i) {
            if (got[i].actor.country != e.country) continue;
            ++s.matched;
            if (to_string(got[i].stance) == e.stance) ++s.stance;
            from = i + 1;
            break;
        }
    }
    return s;
}

}  // namespace borderline::shape_cases
