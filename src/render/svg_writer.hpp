// An SVG a designer can edit, written from the painter's own drawing
// operations: every fill, stroke, clip and text the map draws on Cairo is
// also written here, shapes as <path> in pixels and words as <text> with
// their font, size and halo, in one named group per layer ("land",
// "borders", "labels", ...). Cairo's SVG surface writes text as glyph
// outlines and has no groups, so the SVG format is drawn through this.
#pragma once

#include "canvas.hpp"

#include <string>
#include <vector>

namespace borderline::renderer {

class SvgWriter {
public:
    SvgWriter(double width, double height);

    /// A named layer group; groups nest like save/restore.
    void begin_group(const char* id);
    void end_group();
    /// Mirror cairo_save/cairo_restore: a restore closes the clip groups
    /// opened since its save.
    void save();
    void restore();

    /// The context's current path with its source and state, as Cairo is
    /// about to use it.
    void fill(cairo_t* cr);
    void stroke(cairo_t* cr);
    void clip(cairo_t* cr);
    /// Fill the whole canvas (within the current clip) with the source.
    void paint(cairo_t* cr);
    /// A Pango layout drawn with its top left at x, y, scaled by `scale`
    /// (Text lays every size out at one and scales it).
    void text(PangoLayout* layout, double scale, double x, double y, const Colour& colour, double halo,
              const Colour& halo_colour);

    /// The document, with the title and description the root carries.
    std::string finish(const std::string& title, const std::string& description);

private:
    void open(const std::string& element);
    std::string path_data(cairo_t* cr) const;

    double width_, height_;
    std::string body_;
    std::vector<int> saves_;  ///< open clip groups when each save was made
    int clip_groups_ = 0;     ///< clip groups open now
    int next_clip_ = 0;
    std::string indent_ = "  ";
};

/// Text safe inside an XML element or attribute: markup characters escaped,
/// and control characters XML 1.0 cannot hold left out.
std::string xml_text(const std::string& in);

}  // namespace borderline::renderer
