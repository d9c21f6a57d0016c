// Maritime claim lines (geodata/claim_lines.shp, authored from published
// documents by tools/build_claim_lines.py): a line is drawn when one of the
// disputes it belongs to is the story's own, so a map of the Spratlys shows
// China's dashed line and a map of Kashmir does not. It is dashed in its
// claimant's colour and wider than a boundary: it is one side's claim, not
// a boundary anyone agreed. The legend names the claimant and says when the
// course is approximate.
#include "painter.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace borderline::renderer {

namespace {

/// The comma-separated values of a DBF field ("natuna-sea,spratly-islands").
std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> out;
    while (!s.empty()) {
        const std::size_t comma = s.find(',');
        out.emplace_back(s.substr(0, comma));
        if (comma == std::string_view::npos) break;
        s.remove_prefix(comma + 1);
    }
    return out;
}

/// The part [t0, t1] of the segment (ax, ay)-(bx, by) inside `r`
/// (Liang–Barsky); false when none is.
bool clip_to(const Rect& r, double ax, double ay, double bx, double by, double& t0, double& t1) {
    const double dx = bx - ax, dy = by - ay;
    const double p[] = {-dx, dx, -dy, dy};
    const double q[] = {ax - r.x, r.x + r.w - ax, ay - r.y, r.y + r.h - ay};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0) {
            t0 = std::max(t0, t);
        } else {
            t1 = std::min(t1, t);
        }
    }
    return t0 < t1;
}

}  // namespace

/// Long dashes with wide gaps, so the line reads as a claim drawn on the
/// sea, not as the shorter dashes of a boundary or the maritime lines. Each
/// dash has a casing in the paper colour: a line in a claimant's colour
/// crosses hatching in that same colour, where it would vanish.
void MapPainter::stroke_claim_line(const Colour& c) {
    const double width = style_.boundary_width * 1.9 * k_;
    const double casing = 1.6 * k_;
    cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
    cairo_path_t* path = cairo_copy_path(cr_);
    // The casing's dashes reach casing/2 beyond each dash at both ends.
    const double halo[] = {14 * k_ + casing, 7 * k_ - casing};
    cairo_set_dash(cr_, halo, 2, casing / 2);
    set(cr_, style_.paper);
    cairo_set_line_width(cr_, width + 2 * casing);
    stroke();
    cairo_append_path(cr_, path);
    cairo_path_destroy(path);
    const double dash[] = {14 * k_, 7 * k_};
    cairo_set_dash(cr_, dash, 2, 0);
    set(cr_, c);
    cairo_set_line_width(cr_, width);
    stroke();
    cairo_set_dash(cr_, nullptr, 0, 0);
}

/// Small boxes along the current path (in pixels), kept free of labels, so
/// a dispute's name never hides its short claim line (the Turkey–Libya line
/// is 33 km, a few dashes on the map).
std::pair<double, double> MapPainter::keep_labels_off_path(Placer& placer) {
    cairo_path_t* flat = cairo_copy_path_flat(cr_);
    const double step = 12 * k_, half = 5 * k_;
    double px = 0, py = 0, longest = 0;
    std::pair<double, double> middle{0, 0};
    for (int i = 0; i < flat->num_data; i += flat->data[i].header.length) {
        const cairo_path_data_t& h = flat->data[i];
        if (h.header.type != CAIRO_PATH_MOVE_TO && h.header.type != CAIRO_PATH_LINE_TO) continue;
        const double x = flat->data[i + 1].point.x, y = flat->data[i + 1].point.y;
        if (h.header.type == CAIRO_PATH_LINE_TO) {
            // The label goes by the longest piece on the map: the path
            // runs a degree past the frame.
            double t0 = 0, t1 = 1;
            if (clip_to(map_, px, py, x, y, t0, t1)) {
                const double len = (t1 - t0) * std::hypot(x - px, y - py);
                if (len > longest) {
                    longest = len;
                    const double tm = (t0 + t1) / 2;
                    middle = {px + tm * (x - px), py + tm * (y - py)};
                }
            }
            const int n = std::max(1, static_cast<int>(std::ceil(std::hypot(x - px, y - py) / step)));
            for (int s = 0; s <= n; ++s) {
                const double t = static_cast<double>(s) / n;
                placer.reserve(Rect{px + t * (x - px) - half, py + t * (y - py) - half, 2 * half, 2 * half},
                               "claim line");
            }
        }
        px = x;
        py = y;
    }
    cairo_path_destroy(flat);
    return middle;
}

void MapPainter::draw_claim_lines(const View& v, Placer& placer) {
    std::vector<std::string> story;
    for (const SceneDispute& sd : scene_.disputes) {
        if (story_dispute(sd) && !sd.history) story.push_back(sd.id);
    }
    if (story.empty()) return;
    const Layer& lines = data_.layer("claim_lines");
    for (std::size_t i : lines.query(v.visible())) {
        const auto disputes = split_list(lines.value(i, "disputes"));
        const bool ours = std::any_of(disputes.begin(), disputes.end(), [&](const std::string& d) {
            return std::find(story.begin(), story.end(), d) != story.end();
        });
        if (!ours) continue;
        // The first claimant that is a party gives the colour, darkened a
        // little to stand out on the sea and on hatching; a claimant that is
        // not a party draws in the disputed colour.
        const auto claimants = split_list(lines.value(i, "claimants"));
        Colour colour = style_.disputed_boundary;
        for (const auto& c : claimants) {
            if (const Party* p = party(c)) {
                colour = mix(party_colour(*p), style_.text, 0.25);
                break;
            }
        }
        std::string who;
        for (const auto& c : claimants) who += (who.empty() ? "" : "\u2013") + country_name(c);
        const bool approx = lines.value(i, "approx") == "1";
        const std::string label = fill_in(word(approx ? MapWord::claim_line_approx : MapWord::claim_line), {who});
        cairo_new_path(cr_);
        path_lines(cr_, v, lines.features()[i].lines);
        const auto [mx, my] = keep_labels_off_path(placer);
        stroke_claim_line(colour);
        const Drawn::ClaimLine drawn{label, colour, lines.value(i, "name"), mx, my};
        // One legend entry per claimant's line, however many parts are drawn.
        const bool listed = std::any_of(drawn_.claim_lines.begin(), drawn_.claim_lines.end(),
                                        [&](const auto& d) { return d.label == drawn.label; });
        if (!listed) drawn_.claim_lines.push_back(drawn);
    }
}

/// Each line's own name beside its longest piece, in its colour, above or
/// below it where there is room: a short line (the memorandum's 33 km) is
/// a few dashes, and the legend alone leaves the reader to find it. The
/// names are English (claim_lines.json), so other languages go without;
/// they name no country ("2019 memorandum line"), whose spelling is the
/// scene's (the legend's "Türkiye–Libya's claim line").
void MapPainter::draw_claim_line_labels(Placer& placer) {
    if (scene_.lang != "en" && !scene_.lang.empty()) return;
    for (const auto& line : drawn_.claim_lines) {
        if (line.name.empty()) continue;
        auto layout = text_.layout(line.name, style_.label_size * k_ * 0.85, false, -1, true);
        const Rect e = Text::extents(layout.get());
        // Above or below a line that runs across, beside one that runs up
        // and down: the boxes along the line itself are taken.
        const double side = e.w / 2 + 8 * k_, up = e.h * 0.75 + 6 * k_;
        for (const auto& [dx, dy] : {std::pair{0.0, -up},
                                     {0.0, up},
                                     {-side, 0.0},
                                     {side, 0.0},
                                     {-side, -up},
                                     {side, up},
                                     {0.0, -2 * up},
                                     {0.0, 2 * up}}) {
            const Rect r{line.x - e.w / 2 + dx, line.y - e.h / 2 + dy, e.w, e.h};
            if (placer.take(r, "claim line: " + line.name)) {
                text_.draw(layout.get(), r.x, r.y, line.colour, 3 * k_);
                break;
            }
        }
    }
}

}  // namespace borderline::renderer
