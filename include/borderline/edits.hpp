// Editorial edits of a scene: the overrides of `render` and of batch
// manifest lines (title, exclusions, markers, renames, furniture), and the
// newsroom's names file (house spelling of places and countries).
#pragma once

#include <borderline/extract.hpp>
#include <borderline/gazetteer.hpp>
#include <borderline/geodata.hpp>
#include <borderline/scene.hpp>
#include <borderline/style.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace borderline {

/// What an editor corrects on an automatic map. Empty strings and false
/// leave the scene as planned.
struct SceneEdits {
    std::string title, subtitle;
    std::string source;                ///< added to the credit line
    std::string note;                  ///< a line under the map
    std::vector<std::string> exclude;  ///< place ids or names, ISO3 or country names, dispute ids or names
    std::vector<std::string> markers;  ///< LON,LAT[,LABEL]
    std::vector<std::string> labels;   ///< ID=TEXT
    bool no_claims = false;
    bool no_inset = false;
    std::string units;  ///< "km" or "mi"; empty keeps the scene's
    std::string names;  ///< a names file (path or bundled name) on top of the style's
    std::string lang;   ///< the map's language (map_languages()); empty keeps the scene's (English when planned)

    /// A stable text of every edit, for batch keys; empty when nothing is edited.
    [[nodiscard]] std::string key() const;
};

/// Throws UsageError (one line, with the setting: "marker", "label",
/// "units", "lang") for a value that cannot be applied whatever the map.
void check_edits(const SceneEdits& edits);

/// A marker from "LON,LAT[,LABEL]"; throws UsageError.
Marker parse_marker(const std::string& spec);

/// A names file: house spellings keyed by id ("town:UA:Kyiv", "UKR",
/// "country:UKR", "dispute:crimea") or by name (folded: case and accents do
/// not matter). Later files override earlier ones key by key.
struct NameTable {
    std::map<std::string, std::string> by_id;    ///< ids as written (ASCII case-blind)
    std::map<std::string, std::string> by_name;  ///< folded names
    [[nodiscard]] bool empty() const { return by_id.empty() && by_name.empty(); }
};

/// Reads a names file (UTF-8 TSV: KEY<TAB>SPELLING, '#' comments) into
/// `table`; throws InputError naming the file and line.
void read_names(const std::filesystem::path& file, NameTable& table);

/// The bundled default names, then the style's names file, then `extra`
/// (--names), each over the one before. In a language other than English
/// only `extra`: the bundled and style spellings are English ones.
/// `styles_dir` is the styles folder of the data paths in use (empty: the build's).
NameTable house_names(const Style& style, const std::string& extra = {}, const std::string& lang = {},
                      const std::filesystem::path& styles_dir = {});

/// The scene in the map language `lang`: the names of its markers,
/// countries (parties, mentioned, callout actors, those in view) and
/// disputes from GeoData::map_names() where it has them (others keep
/// theirs), and scene.lang set, which the renderer's own words follow.
/// Throws UsageError (setting "lang") for a code that is not a map language.
void localize_scene(Scene& scene, const std::string& lang, const GeoData& data);

/// Spells the scene's markers, countries (parties, mentioned, callout
/// actors, and the countries the map labels in view), and disputes as the
/// table says.
void apply_names(Scene& scene, const NameTable& names, const GeoData& data);

/// The article through the pipeline with the edits: places, countries and
/// disputes excluded before framing (so the extent closes in on the rest),
/// claims that cite only excluded things dropped, then the house names,
/// then the other overrides. Throws UsageError when an --exclude or --label
/// matches nothing on the map.
/// `times`, when given, receives the stages of the final extraction.
Extraction extract_edited(Document doc, const Gazetteer& gaz, const GeoData& data, const SceneOptions& options,
                          const SceneEdits& edits, const NameTable& names, StageTimes* times = nullptr);

/// The edits on a saved scene: exclusions drop markers, countries and
/// disputes (a saved scene has no claims to consult, so callouts stay),
/// then names (when given) and the other overrides.
void edit_saved_scene(Scene& scene, const SceneEdits& edits, const NameTable& names, const GeoData& data);

}  // namespace borderline
