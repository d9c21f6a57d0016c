// Scene: what to draw — extent, projection, parties, highlights, labels.
#pragma once

#include <borderline/claims.hpp>
#include <borderline/geometry.hpp>
#include <borderline/geoparse.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace borderline {

struct Size {
    int width = 1600;
    int height = 1000;
};

/// The canvas sizes drawn, 200x150 to 20000x20000 pixels: a smaller map has
/// no room for its legend, a larger one would take gigabytes to draw.
constexpr Size min_canvas{200, 150};
constexpr Size max_canvas{20000, 20000};
[[nodiscard]] constexpr bool canvas_size_allowed(Size s) {
    return s.width >= min_canvas.width && s.height >= min_canvas.height && s.width <= max_canvas.width &&
           s.height <= max_canvas.height;
}

/// A country drawn in a highlight colour: a party to the story.
struct Party {
    std::string country;  ///< ISO alpha-3
    std::string name;
    int colour_index = 0;  ///< index into the style's party colours
};

/// A point of interest drawn as a marker with a label.
struct Marker {
    std::string place_id;
    std::string name;
    LonLat where;
    bool capital = false;
    bool area = false;  ///< an admin-1 unit: labelled, no dot
    /// A border feature's kind ("reef", "island", "strait": kFeatureKinds);
    /// empty for other places. A reef, shoal, rock or islet too small for the
    /// land layer is drawn with a locator ring.
    std::string feature_kind;
};

/// A disputed territory in view.
struct SceneDispute {
    std::string id;
    std::string name;
    std::vector<std::string> parties;
    std::string administered_by;
    std::string status;
    bool mentioned = false;       ///< the article names it
    bool involves_party = false;  ///< one of the scene's parties claims it
    /// Named, but not what the story is about: the story's disputes (the
    /// locus) are elsewhere and it is not among them ("like the
    /// Falklands"). Drawn as context, as a dispute the article does not name.
    bool passing = false;
    int settled = 0;          ///< year the dispute was settled; 0 while open
    std::string settled_how;  ///< treaty, court ruling or arbitration
    /// Settled, and the article is not about the settlement: drawn as
    /// history (outline only, no hatching; the label gives the year).
    bool history = false;
};

/// A numbered claim on the map and in the legend.
struct Callout {
    int number = 0;
    std::string actor_country;
    std::string actor_name;  ///< the actor's country, as the legend names it
    std::string stance;
    std::string quote;      ///< the claim's words, shortened for the legend
    LonLat anchor;          ///< the place or area it is about
    bool anchored = false;  ///< false: in the legend only
    std::size_t claim = 0;  ///< index into the extraction's claims
};

/// What the story is about: the disputed areas it names, else the cluster of
/// its most specific places, else the border its parties share. The frame is
/// built around it; countries and capitals that only comment are context.
struct Locus {
    std::vector<std::string> ids;  ///< "dispute:ID" or place ids
    Box bbox;                      ///< lon/lat extent of the locus
    std::string why;               ///< how it was chosen, for the JSON reader
    bool point = false;            ///< a point-sized locus: marked with a locator ring
    std::vector<Box> parts;        ///< separate loci (several disputes far apart)
};

struct Scene {
    std::string title;
    std::string subtitle;    ///< date and source line
    Box bbox;                ///< geographic extent shown (lon/lat)
    std::string projection;  ///< PROJ string
    Size size;
    std::vector<std::string> focus;  ///< place ids the extent was built from
    Locus locus;                     ///< what the story is about
    std::vector<Party> parties;      ///< framed countries, each in its own colour
    std::vector<Party> mentioned;    ///< other countries the article names (tinted, in the legend)
    std::vector<Marker> markers;
    std::vector<SceneDispute> disputes;
    std::vector<Callout> callouts;
    /// Pairs of parties whose shared boundary the article is about; drawn emphasised.
    std::vector<std::pair<std::string, std::string>> borders;
    std::string worldview;  ///< ISO alpha-3 whose claims are drawn as territory; empty: de facto
    std::string alt_text;   ///< one paragraph saying what the map shows
    double dpi = 96;        ///< resolution written into PNG output
    // Editorial furniture (render --source, --note, --no-inset, --units, names files).
    std::string source;        ///< the story's source, added to the credit line
    std::string note;          ///< a line under the map, above the credit
    bool inset = true;         ///< draw the locator inset when the extent is regional
    std::string units = "km";  ///< scale bar: "km" or "mi"
    std::string lang =
        "en";  ///< the map's language (map_language.hpp): its own words and, set by localize_scene, its names
    /// The spelling of countries the map labels but the scene does not list
    /// (parties and mentioned carry their own names), by ISO alpha-3: from a
    /// names file, so that the map says what the house style says.
    std::map<std::string, std::string> country_names;
};

/// Options that shape a scene, from the command line.
struct SceneOptions {
    Size size;
    std::optional<Box> bbox;  ///< fixed extent (--bbox)
    std::string worldview;    ///< --worldview ISO3
    double dpi = 96;          ///< --dpi
    std::string focus;        ///< --focus ID|NAME: frame this dispute or place instead of the automatic locus
};

/// Choose the extent, projection and highlights for the places of an article.
Scene plan_scene(const Document& doc, const Gazetteer& gaz, const GeoData& data, const std::vector<Place>& places,
                 const std::vector<Claim>& claims, const SceneOptions& options);

/// A base map of a fixed extent with no article.
Scene plan_base_scene(const Box& bbox, const SceneOptions& options, const GeoData& data);

/// The projection suited to an extent: a Lambert conformal conic centred on
/// it for regional maps, Lambert azimuthal equal-area for continents, Equal
/// Earth for the world.
std::string choose_projection(const Box& bbox);

}  // namespace borderline
