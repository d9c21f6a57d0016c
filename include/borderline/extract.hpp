// The article pipeline end to end, and its JSON form (borderline/extract/1).
#pragma once

#include <borderline/claims.hpp>
#include <borderline/disputes.hpp>
#include <borderline/document.hpp>
#include <borderline/geoparse.hpp>
#include <borderline/scene.hpp>

#include <nlohmann/json.hpp>

namespace borderline {

/// Everything the pipeline knows about one article.
struct Extraction {
    Document doc;
    std::vector<Place> places;
    std::vector<Claim> claims;
    Scene scene;
};

/// Document -> Mentions -> Places -> Claims -> Scene.
Extraction extract(Document doc, const Gazetteer& gaz, const GeoData& data, const SceneOptions& options);

/// The same without the places whose gazetteer ids are in `drop` (a reader
/// judged them wrong, or beside the story): they are neither mapped nor
/// framed, and claims do not point at them.
Extraction extract(Document doc, const Gazetteer& gaz, const GeoData& data, const SceneOptions& options,
                   const std::vector<std::string>& drop);

/// Wall time of the stages of one extract(), in milliseconds: what
/// `render -v` and `extract -v` print.
struct StageTimes {
    double geoparse_ms = 0;  ///< mentions and places
    double claims_ms = 0;
    double scene_ms = 0;
};

/// The same, recording the time of each stage in `times` (when not null).
Extraction extract(Document doc, const Gazetteer& gaz, const GeoData& data, const SceneOptions& options,
                   const std::vector<std::string>& drop, StageTimes* times);

/// The public JSON of an extraction (schema "borderline/extract/1").
nlohmann::json to_json(const Extraction& x, const Gazetteer& gaz);

/// The map as an RFC 7946 FeatureCollection named "borderline" for GIS users
/// (src/geojson.cpp): features of `kind` extent, party (clipped to the
/// extent), border (the boundary in question), dispute and place, with
/// Shapefile-safe properties (strings and numbers, keys of at most 10 bytes).
nlohmann::json to_geojson(const Extraction& x, const Gazetteer& gaz, const GeoData& data);

/// A gazetteer entry as `borderline places --json` prints it.
nlohmann::json to_json(const Entry& e);

/// A registry dispute as `borderline disputes --json` and GET /api/disputes
/// give it, with the ids of its maritime claim lines (`claim_lines`, from
/// the data's claim_lines layer).
nlohmann::json to_json(const Dispute& d, const GeoData& data);

}  // namespace borderline
