// MapPainter draws one Scene on a Cairo context. Its work is spread over
// files by part of the map:
//   painter.cpp    the order of drawing, and the base layers (countries,
//                  provinces, disputed areas, water, boundaries)
//   labels.cpp     markers, country and dispute labels, claim callouts
//   legend.cpp     the legend and its swatches, callout badges
//   furniture.cpp  scale bar, locator inset, title band, footer
//   describe.cpp   the alt text of what was drawn
// view.hpp holds the projection and clipping, canvas.hpp the primitives.
#pragma once

#include "canvas.hpp"
#include "svg_writer.hpp"
#include "view.hpp"

#include <borderline/disputes.hpp>
#include <borderline/geodata.hpp>
#include <borderline/map_language.hpp>
#include <borderline/scene.hpp>
#include <borderline/style.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace borderline::renderer {

// ---- Where the parts of the map go -------------------------------------------
double scale_factor(const Scene& s);
// Bands and frames fall on whole pixels, so that clipping to them stays a
// plain rectangle (Cairo clips to an unaligned one through a mask).
double title_height(const Scene& s);
double footer_height(const Scene& s);  ///< credit line, and the note's line above it
double note_height(const Scene& s);
/// With claims to list, the legend gets a side panel right of the map so it
/// never covers the area in question; it takes this share of the width.
constexpr double kPanelShare = 0.31;
bool has_panel(const Scene& s);
/// The map frame: the canvas less the title band, the footer and the panel.
Rect map_area(const Scene& s);
Rect panel_area(const Scene& s);

/// What the map actually drew: the legend explains only that, and the alt
/// text describes only that.
struct Drawn {
    bool international = false, disputed = false, ceasefire = false, indefinite = false, disputed_area = false,
         disputed_area_as_claimed = false;
    bool context_area = false;  ///< a disputed area drawn faint: not the story's
    /// Parties (ISO3) whose colour the map shows: their land in view, or
    /// the hatching of a story dispute they claim.
    std::vector<std::string> parties_drawn;
    bool border_in_question = false;
    bool maritime = false, maritime_disputed = false;  ///< maritime boundary lines, agreed / disputed
    /// Each claim line drawn (claim_lines.cpp): the legend's words and the line's colour.
    struct ClaimLine {
        std::string label;
        Colour colour;
        std::string name;     ///< the line's own name, for its label on the map (English maps)
        double x = 0, y = 0;  ///< the pixel halfway along its longest drawn part
    };
    std::vector<ClaimLine> claim_lines;
    std::vector<std::string> areas_hatched, areas_as_claimed;  ///< disputed areas by name, in drawing order
    std::vector<std::string> places;                           ///< markers whose label was placed
};

/// The picture beside a legend entry.
enum class Swatch {
    party,               ///< a box in the party's fill
    international,       ///< solid boundary line
    disputed,            ///< dashed red line: disputed boundary or claim line
    ceasefire,           ///< dash-dot red line: ceasefire line, line of control
    indefinite,          ///< dotted boundary line
    also_named,          ///< a box in the tint of countries the article also names
    hatched_area,        ///< a box hatched in the parties' colours
    claim,               ///< a numbered callout badge
    border_in_question,  ///< the wide translucent band under a boundary
    area_as_claimed,     ///< a box in the worldview country's fill
    maritime,            ///< long-dashed line at sea: median or treaty line, 200-mile limit
    maritime_disputed,   ///< the same in the disputed colour: a disputed maritime line
    claim_line,          ///< a maritime claim line in its claimant's colour (number: index in Drawn::claim_lines)
    context_area,        ///< a box hatched faintly: a disputed area that is not the story's
};

struct LegendItem {
    std::string label;
    Swatch swatch;
    int number = 0;  ///< the callout's number for Swatch::claim, the party's index for Swatch::party
    bool operator==(const LegendItem&) const = default;
};

/// The legend's items laid out once: each row's Pango layout and height.
struct LegendLayout {
    std::vector<LegendItem> items;
    std::vector<LayoutPtr> layouts;
    std::vector<double> rows;  ///< each item's row height
};

class MapPainter {
public:
    /// With `svg`, every operation is also written there (the SVG format).
    MapPainter(cairo_t* cr, const Scene& scene, const GeoData& data, const Style& style, SvgWriter* svg = nullptr)
        : cr_(cr),
          svg_(svg),
          scene_(scene),
          data_(data),
          style_(style),
          text_(cr, style, svg, scene.lang),
          k_(std::sqrt(static_cast<double>(scene.size.width) * scene.size.height) / 1265.0),
          width_(scene.size.width),
          height_(scene.size.height) {}

    void paint();
    [[nodiscard]] const std::vector<LabelBox>& placed() const { return placed_; }
    /// After paint(): one paragraph saying what the map shows, for the
    /// files' metadata (describe.cpp).
    [[nodiscard]] std::string alt_text() const;

private:
    // Cairo's operations, mirrored into the SVG writer when there is one.
    void fill() {
        if (svg_) svg_->fill(cr_);
        cairo_fill(cr_);
    }
    void fill_preserve() {
        if (svg_) svg_->fill(cr_);
        cairo_fill_preserve(cr_);
    }
    void stroke() {
        if (svg_) svg_->stroke(cr_);
        cairo_stroke(cr_);
    }
    void clip() {
        if (svg_) svg_->clip(cr_);
        cairo_clip(cr_);
    }
    void clip_preserve() {
        if (svg_) svg_->clip(cr_);
        cairo_clip_preserve(cr_);
    }
    void paint_all() {
        if (svg_) svg_->paint(cr_);
        cairo_paint(cr_);
    }
    void save() {
        if (svg_) svg_->save();
        cairo_save(cr_);
    }
    void restore() {
        if (svg_) svg_->restore();
        cairo_restore(cr_);
    }
    /// Drawing pixels only (PNG): no SVG mirror, no vector surface that
    /// records the drawing in order, so parts may be drawn differently
    /// (a tile, another thread) as long as the pixels are the same.
    [[nodiscard]] bool on_image() const {
        return svg_ == nullptr && cairo_surface_get_type(cairo_get_target(cr_)) == CAIRO_SURFACE_TYPE_IMAGE;
    }
    /// The SVG's named groups, one per layer of the map.
    void begin_layer(const char* id) {
        if (svg_) svg_->begin_group(id);
    }
    void end_layer() {
        if (svg_) svg_->end_group();
    }

    // painter.cpp: the scene's parties and the base layers
    std::string worldview_name() const;
    const Party* party(const std::string& iso3) const;
    bool mentioned(const std::string& iso3) const;
    Colour party_colour(const Party& p) const;
    void draw_countries(const View& v);
    Colour country_fill(const std::string& iso) const;
    void draw_disputes(const View& v);
    void hatch(const SceneDispute& sd, bool faint = false);
    /// hatch() on an image: the stripes as a repeating tile.
    void hatch_with_tile(const std::vector<Colour>& colours, double spacing, bool faint);
    /// A disputed area drawn faint: not the story's (the article does not
    /// name it, or names it in passing) and not part of one of the story's.
    bool context_area(const SceneDispute& sd) const;
    /// Not the story's, and under a few pixels across at the map's scale:
    /// neither drawn nor labelled (a world map of a roundup named sixty
    /// specks it could not show).
    bool unseen_context(const SceneDispute& sd, const Dispute& d, const View& v) const;
    bool story_island(const Marker& m) const;
    bool context_speck(const Marker& m) const;
    bool ring_islands(const View& v, const MultiPolygon& islands,
                      const std::function<void(double, double, double)>& ring);
    void draw_water(const View& v);
    void stroke_class(const std::string& cls, const Colour& c, double width);
    void draw_boundaries(const View& v);
    void draw_maritime_lines(const View& v);
    /// The story's own disputes: those the article names, else those a party claims.
    bool story_dispute(const SceneDispute& sd) const;

    // claim_lines.cpp
    void draw_claim_lines(const View& v, Placer& placer);
    void stroke_claim_line(const Colour& c);
    /// Boxes along the current path kept free of labels; returns the pixel
    /// halfway along its longest straight piece.
    std::pair<double, double> keep_labels_off_path(Placer& placer);
    void draw_claim_line_labels(Placer& placer);

    // labels.cpp
    void draw_markers(const View& v, Placer& placer);
    void draw_country_labels(const View& v, Placer& placer);
    void draw_dispute_labels(const View& v, Placer& placer);
    void draw_callouts(const View& v, Placer& placer);
    std::vector<Rect> locus_boxes(const View& v) const;
    void draw_locator_ring(const View& v);
    void draw_islands(const View& v);

    // legend.cpp
    std::vector<LegendItem> legend_items(std::size_t claims) const;
    [[nodiscard]] double legend_width() const;
    LegendLayout legend_layouts(std::vector<LegendItem> items) const;
    [[nodiscard]] double legend_height(const LegendLayout& l, std::size_t rows) const;
    std::size_t fit_claims();
    Rect legend_rect() const;
    void draw_legend(const Rect& box);
    void draw_swatch(const LegendItem& item, double sx, double sw, double mid);
    [[nodiscard]] double badge_radius() const { return 9.5 * k_; }
    void draw_callout_badge(double x, double y, int number);

    /// The map's own word in the scene's language.
    [[nodiscard]] std::string_view word(MapWord w) const { return map_word(scene_.lang, w); }

    // furniture.cpp
    Rect scale_rect() const;
    void draw_scale_bar(const View& v, const Rect& box);
    bool want_inset() const;
    Rect inset_rect() const;
    void draw_inset(const Rect& box, const View& main);
    void draw_inset_map(const Rect& box, const View& main);
    void draw_inset_frame(const Rect& box);
    /// draw_inset_map() on a surface of its own, for another thread.
    SurfacePtr inset_apart(const Rect& box, const View& main) const;
    void draw_title(double h);
    void draw_footer(double h);
    /// The country's name as the scene spells it (party, mentioned, then
    /// country_names), so the map and the legend never differ; else `otherwise`.
    std::string country_name(const std::string& iso3, const std::string& otherwise = {}) const;

    cairo_t* cr_;
    SvgWriter* svg_;
    const Scene& scene_;
    const GeoData& data_;
    const Style& style_;
    Text text_;
    double k_;
    double width_, height_;
    Rect map_;
    Drawn drawn_;
    std::size_t shown_claims_ = 0;
    LegendLayout legend_;    // every item with every claim, laid out by fit_claims
    Rect ring_{0, 0, 0, 0};  // the locator ring around a point-sized locus, once drawn
    // Per scene marker, set by draw_islands: 1 for a speck to ring (a reef,
    // shoal or islet that no land polygon holds).
    std::vector<char> speck_;
    std::vector<LabelBox> placed_;
};

}  // namespace borderline::renderer
