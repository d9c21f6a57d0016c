// The steps of plan_scene, shared by the files of src/scene/ that hold them:
// the Story each step reads, what the steps hand on (named disputes, ranked
// countries, parties), and the small geometry they share. Internal to
// src/scene/.
//   scene.cpp        plan_scene and plan_base_scene, the story's disputes and
//                    countries, parties and markers
//   locus.cpp        what the story is about (find_locus)
//   frame.cpp        parties and the extent (choose_parties, frame_story, frame_locus)
//   annotations.cpp  disputes in view, callouts, borders in question, alt text
#pragma once

#include <borderline/disputes.hpp>
#include <borderline/error.hpp>
#include <borderline/fold.hpp>
#include <borderline/scene.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <numbers>
#include <unordered_map>
#include <utility>
#include <vector>

namespace borderline::scene_plan {

constexpr double kPi = std::numbers::pi;

/// Whether the frame holds the point; a frame across the antimeridian runs
/// past 180 east, where a point west of it is 360 degrees further on.
inline bool in_frame(const Box& frame, double lon, double lat) {
    return frame.contains(lon, lat) || frame.contains(lon + 360, lat) || frame.contains(lon - 360, lat);
}

// ---- The steps of plan_scene -------------------------------------------------
// Each step reads what the article gave (the Story) and what the steps
// before it decided, so the framing can be changed one step at a time.

/// What plan_scene reads from the article, decoded once for every step.
struct Story {
    const Document& doc;
    const Gazetteer& gaz;
    const GeoData& data;
    const std::vector<Place>& places;
    std::vector<Entry> entries;    ///< each place's gazetteer entry
    std::size_t headline_end = 0;  ///< end byte of the first sentence

    Story(const Document& d, const Gazetteer& g, const GeoData& gd, const std::vector<Place>& p)
        : doc(d), gaz(g), data(gd), places(p) {
        entries.reserve(places.size());
        for (const auto& place : places) entries.push_back(gaz.entry(place.entry));
        headline_end = doc.sentences.empty() ? 0 : doc.sentences.front().end;
    }

    /// Each country's main territory (kept by GeoData for every country).
    [[nodiscard]] Box territory(const Feature& f) const { return data.territory(f); }
    /// A country's main territory by ISO code; empty when it has no polygon.
    [[nodiscard]] Box territory(const std::string& iso) const {
        const Feature* f = data.country_feature(iso);
        return f ? territory(*f) : Box{};
    }
};

/// Disputes the article names (registry ids, in order of first naming), and
/// those among them named in the headline.
struct NamedDisputes {
    std::vector<std::string> all;
    std::vector<std::string> in_headline;
};

/// A country and how much the article refers to it.
struct Weighed {
    std::string iso;
    double weight = 0;
    std::size_t first_seen = 0;
};

/// The countries drawn in party colours, and the territories that stand in
/// for a dispute (drawn as the disputed area, not listed as countries).
struct Parties {
    std::vector<std::string> framed;
    std::vector<std::string> stand_ins;
};

constexpr double kKmPerDegree = 111.32;

/// Width and height of a lon/lat box in km, at its middle latitude.
inline std::pair<double, double> km_size(const Box& b) {
    const double lat = std::clamp((b.south + b.north) / 2, -89.0, 89.0);
    return {b.width() * kKmPerDegree * std::cos(lat * kPi / 180), b.height() * kKmPerDegree};
}

/// The box of `w_km` by `h_km` centred on (lon, lat), kept off the poles.
inline Box box_around(double lon, double lat, double w_km, double h_km) {
    const double dlat = h_km / kKmPerDegree / 2;
    const double south = std::max(-89.9, lat - dlat), north = std::min(89.9, lat + dlat);
    const double mid = std::clamp((south + north) / 2, -88.0, 88.0);
    const double dlon = std::min(180.0, w_km / (kKmPerDegree * std::cos(mid * kPi / 180)) / 2);
    return {lon - dlon, south, lon + dlon, north};
}

// scene.cpp
NamedDisputes find_named_disputes(const Story& story);
std::vector<Weighed> rank_countries(const Story& story);
void add_described_dispute(const Story& story, const std::vector<Weighed>& ranked, NamedDisputes& named);
// locus.cpp
Locus find_locus(Story& story, const NamedDisputes& named, const std::vector<Weighed>& ranked,
                 const std::string& focus);
// frame.cpp
Parties choose_parties(Story& story, const std::vector<Weighed>& ranked, const NamedDisputes& named,
                       const Locus& locus);
Box frame_story(Story& story, const NamedDisputes& named, const Parties& parties, const SceneOptions& options);
Box frame_locus(Story& story, const Locus& locus, const Parties& parties, const SceneOptions& options);
// annotations.cpp
void add_disputes(Scene& s, const GeoData& data, const std::vector<std::string>& mentioned_ids,
                  const Document* doc = nullptr);
void drop_repeated_area_labels(Scene& s, const DisputeRegistry& registry);
void add_callouts(Scene& s, const Gazetteer& gaz, const GeoData& data, const std::vector<Claim>& claims);
void add_borders(Scene& s, const Document& doc, const GeoData& data);
std::string describe(const Scene& s);

}  // namespace borderline::scene_plan
