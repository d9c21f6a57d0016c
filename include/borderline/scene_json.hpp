// The scene document (schema "borderline/scene/1"): a Scene as JSON, whole,
// so that a scene can be saved, edited by hand or by the desk, and drawn
// again without the article.
#pragma once

#include <borderline/scene.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace borderline {

/// Every field of the scene, with "schema": "borderline/scene/1".
nlohmann::json scene_to_json(const Scene& scene);

/// The scene a document describes. Missing fields keep Scene's defaults
/// (title, bbox and projection are required). Throws InputError naming the
/// field (e.g. "scene.markers[2].where.lon: must be a number") for a wrong
/// type or a value out of range: a size outside 200x150..20000x20000, a box
/// that is empty or off the globe, too many markers.
Scene scene_from_json(const nlohmann::json& doc);

/// The keys of a scene document that scene_from_json does not read, as paths
/// ("scene.colour", "scene.markers[0].icon"), so that a reader can warn about
/// a misspelt edit instead of dropping it silently.
std::vector<std::string> scene_unknown_keys(const nlohmann::json& doc);

}  // namespace borderline
