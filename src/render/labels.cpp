// Labels: place markers, country and dispute names and claim callouts
// through one Placer, so that none overlaps another or the furniture.
#include "painter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <memory>

#include <glib.h>

namespace borderline::renderer {

namespace {

std::string upper(const std::string& s) {
    // Country names are drawn in capitals; Pango has no text-transform in
    // 1.50, so GLib upper-cases them by Unicode rules ("TÜRKIYE", not
    // "TüRKIYE"). The text is valid UTF-8 here (safe_text).
    std::unique_ptr<gchar, decltype(&g_free)> up(g_utf8_strup(s.c_str(), static_cast<gssize>(s.size())), &g_free);
    return up ? std::string(up.get()) : s;
}

/// Whether the segment (x0, y0)-(x1, y1) passes through the box
/// (Liang-Barsky clipping: some part of it lies inside).
bool segment_crosses(double x0, double y0, double x1, double y1, const Rect& box) {
    double t0 = 0, t1 = 1;
    const double dx = x1 - x0, dy = y1 - y0;
    for (const auto& [p, q] : {std::pair{-dx, x0 - box.x}, std::pair{dx, box.x + box.w - x0},
                               std::pair{-dy, y0 - box.y}, std::pair{dy, box.y + box.h - y0}}) {
        if (p == 0) {
            if (q < 0) return false;
            continue;
        }
        const double t = q / p;
        if (p < 0) {
            t0 = std::max(t0, t);
        } else {
            t1 = std::min(t1, t);
        }
        if (t0 > t1) return false;
    }
    return true;
}

}  // namespace

void MapPainter::draw_markers(const View& v, Placer& placer) {
    // Capitals first, then the places the article names.
    std::vector<const Marker*> order;
    for (const auto& m : scene_.markers) order.push_back(&m);
    std::stable_sort(order.begin(), order.end(), [](const Marker* a, const Marker* b) {
        return static_cast<int>(a->area) < static_cast<int>(b->area);
    });
    // A speck's ring (a reef, shoal or islet too small for the land layer):
    // wide enough to find at a glance, small enough to sit among others.
    const double ring_r = 9 * k_;
    std::vector<std::pair<double, double>> rings;  // centres of the speck rings drawn
    for (const Marker* m : order) {
        double x = 0, y = 0;
        if (!v.to_px(m->where.lon, m->where.lat, x, y)) continue;
        const auto n = static_cast<std::size_t>(m - scene_.markers.data());
        // No ring of its own inside the locus's ring when that one is about
        // a point (it already rings this speck), nor where another speck's
        // ring would cross it (that one shows the place).
        const bool in_locus_ring = ring_.w > 0 && ring_.w <= 60 * k_ &&
                                   std::hypot(x - (ring_.x + ring_.w / 2), y - (ring_.y + ring_.h / 2)) < ring_.w / 2;
        const bool crowded = std::any_of(rings.begin(), rings.end(), [&](const auto& c) {
            return std::hypot(x - c.first, y - c.second) < 2 * ring_r;
        });
        const double r0 = (m->capital ? 4.2 : 3.4) * k_;
        Rect dot{x - r0 - 1, y - r0 - 1, 2 * r0 + 2, 2 * r0 + 2};
        const Rect ring_box{x - ring_r - 1.5 * k_, y - ring_r - 1.5 * k_, 2 * ring_r + 3 * k_, 2 * ring_r + 3 * k_};
        const bool ringed = n < speck_.size() && speck_[n] && !in_locus_ring && !crowded && placer.fits(ring_box);
        const double r = ringed ? 2.6 * k_ : r0;
        if (ringed) dot = ring_box;
        const double size = style_.label_size * k_ * (m->area ? 0.95 : 1.0);
        auto layout = text_.layout(m->name, size, m->capital, -1, m->area);
        const Rect ext = Text::extents(layout.get());
        std::vector<Rect> candidates;
        if (m->area) {
            candidates = {{x - ext.w / 2, y - ext.h / 2, ext.w, ext.h}};
        } else {
            const double gap = (ringed ? ring_r : r) + 3 * k_;
            candidates = {{x + gap, y - ext.h / 2, ext.w, ext.h},
                          {x - gap - ext.w, y - ext.h / 2, ext.w, ext.h},
                          {x - ext.w / 2, y - gap - ext.h, ext.w, ext.h},
                          {x - ext.w / 2, y + gap, ext.w, ext.h}};
        }
        if (!m->area && !placer.fits(dot)) continue;
        for (const Rect& c : candidates) {
            if (!placer.fits(c)) continue;
            if (!m->area) {
                placer.take(dot, "marker: " + m->name);
                if (ringed) {
                    cairo_new_path(cr_);
                    cairo_arc(cr_, x, y, ring_r, 0, 2 * kPi);
                    // A speck of a dispute drawn as context or history
                    // (Sipadan beside Sabah) gets a muted ring.
                    set(cr_, context_speck(*m) ? mix(style_.land, style_.text, 0.55) : style_.disputed_boundary);
                    cairo_set_line_width(cr_, 2 * k_);
                    stroke();
                    rings.emplace_back(x, y);
                }
                cairo_new_path(cr_);
                if (m->capital) {
                    cairo_rectangle(cr_, x - r, y - r, 2 * r, 2 * r);
                } else {
                    cairo_arc(cr_, x, y, r, 0, 2 * kPi);
                }
                set(cr_, style_.text);
                fill_preserve();
                set(cr_, style_.halo);
                cairo_set_line_width(cr_, 1.2 * k_);
                stroke();
            }
            placer.take(c, m->name);
            drawn_.places.push_back(m->name);
            text_.draw(layout.get(), c.x, c.y, m->area ? mix(style_.text, style_.land, 0.25) : style_.text, 3 * k_);
            break;
        }
    }
}

void MapPainter::draw_country_labels(const View& v, Placer& placer) {
    const Layer& countries = data_.layer("countries");
    struct Candidate {
        std::string name;
        double x, y, area;
        int priority;
    };
    std::vector<Candidate> cands;
    // A part inside a disputed area drawn on the map (Crimea in Russia's
    // polygon) never carries the country's name: the area has its own
    // label, and in a worldview it is painted as another country.
    const DisputeRegistry& registry = data_.disputes();
    std::vector<const Dispute*> areas;
    for (const SceneDispute& sd : scene_.disputes) {
        if (const Dispute* d = registry.find(sd.id); d && d->polygon && d->bbox.intersects(v.visible())) {
            areas.push_back(d);
        }
    }
    for (std::size_t i : countries.query(v.visible())) {
        const std::string& iso = countries.value(i, "iso_a3");
        const Feature& f = countries.features()[i];
        MultiPolygon parts;
        for (std::size_t p = 0; p < f.polygons.size(); ++p) {
            const Box& b = p < f.part_boxes.size() ? f.part_boxes[p] : f.bbox;
            const LonLat mid{(b.west + b.east) / 2, (b.south + b.north) / 2};
            const bool disputed = std::any_of(areas.begin(), areas.end(), [&](const Dispute* d) {
                return d->bbox.contains(mid.lon, mid.lat) && contains(*d->polygon, mid);
            });
            if (!disputed) parts.push_back(f.polygons[p]);
        }
        cairo_new_path(cr_);
        double cx = 0, cy = 0;
        const double area = path_polygons(cr_, v, parts, &map_, &cx, &cy);
        cairo_new_path(cr_);
        // Prefer the data's label point when it is on screen.
        double lx = 0, ly = 0;
        const double lon = std::atof(countries.value(i, "label_x").c_str());
        const double lat = std::atof(countries.value(i, "label_y").c_str());
        if (v.to_px(lon, lat, lx, ly) && lx > map_.x + 40 && lx < map_.x + map_.w - 40 && ly > map_.y + 20 &&
            ly < map_.y + map_.h - 20) {
            cx = lx;
            cy = ly;
        }
        if (area < 2500 * k_ * k_) continue;
        const int priority = party(iso) ? 0 : mentioned(iso) ? 1 : 2;
        cands.push_back({country_name(iso, countries.value(i, "name")), cx, cy, area, priority});
    }
    std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
        if (a.priority != b.priority) return a.priority < b.priority;
        if (a.area != b.area) return a.area > b.area;
        return a.name < b.name;
    });
    for (const auto& c : cands) {
        const bool is_party = c.priority == 0;
        const double size = style_.label_size * k_ * (is_party ? 1.35 : 1.0);
        auto layout = text_.layout(upper(c.name), size, is_party, -1, false, 1.5 * k_);
        const Rect ext = Text::extents(layout.get());
        // Try the anchor, then a little above or below it.
        for (double dy : {0.0, -1.2, 1.2}) {
            Rect r{c.x - ext.w / 2, c.y - ext.h / 2 + dy * ext.h, ext.w, ext.h};
            if (placer.take(r, c.name)) {
                const Colour col = is_party ? style_.text : mix(style_.text, style_.land, 0.45);
                text_.draw(layout.get(), r.x, r.y, col, 3.5 * k_);
                break;
            }
        }
    }
}

void MapPainter::draw_dispute_labels(const View& v, Placer& placer) {
    const DisputeRegistry& registry = data_.disputes();
    // The story's own disputes first; then every other hatched area in view
    // gets a smaller muted label where room is left, so no hatching on the
    // map goes unexplained.
    auto own = [&](const SceneDispute& sd) { return story_dispute(sd); };
    std::vector<const SceneDispute*> order;
    for (const SceneDispute& sd : scene_.disputes) order.push_back(&sd);
    std::stable_partition(order.begin(), order.end(), [&](const SceneDispute* sd) { return own(*sd); });
    for (const SceneDispute* sdp : order) {
        const SceneDispute& sd = *sdp;
        const Dispute* d = registry.find(sd.id);
        if (!d || unseen_context(sd, *d, v)) continue;
        double x = 0, y = 0;
        if (!v.to_px(d->label.lon, d->label.lat, x, y)) continue;
        const Rect& a = v.area();
        if (x < a.x || y < a.y || x > a.x + a.w || y > a.y + a.h) {
            if (!d->bbox.intersects(v.visible())) continue;  // nothing of it in view: no outline to walk
            // The label point is off the map, the area partly on it (the
            // West Bank below a Shebaa Farms map): the label goes to the
            // middle of the part in view, when it has room for one.
            double cx = 0, cy = 0;
            cairo_new_path(cr_);
            const double seen = path_polygons(cr_, v, *d->polygon, &a, &cx, &cy);
            cairo_new_path(cr_);
            if (seen < 2500 * k_ * k_) continue;
            x = cx;
            y = cy;
        }
        // A settled dispute drawn as history says so, with the year.
        const std::string text =
            sd.history ? fill_in(word(MapWord::settled), {sd.name, std::to_string(sd.settled)}) : sd.name;
        auto layout = text_.layout(text, style_.label_size * k_ * (own(sd) ? 1.05 : 0.9), true, -1, true);
        const Rect e = Text::extents(layout.get());
        // Around the locator ring rather than across it.
        const bool ringed =
            ring_.w > 0 && x >= ring_.x && x <= ring_.x + ring_.w && y >= ring_.y && y <= ring_.y + ring_.h;
        const double out = ring_.h / 2 / e.h + 0.6;
        const std::vector<double> shifts =
            ringed ? std::vector<double>{-out, out, -1.1, 1.1} : std::vector<double>{0.0, -1.1, 1.1};
        for (double dy : shifts) {
            Rect r{x - e.w / 2, y - e.h / 2 + dy * e.h, e.w, e.h};
            if (placer.take(r, text)) {
                // A dispute the article does not name, or names in passing,
                // is context: a muted label, never the headline red of the
                // story's own.
                const Colour colour =
                    sd.mentioned && !sd.passing ? style_.disputed_boundary : mix(style_.land, style_.text, 0.55);
                text_.draw(layout.get(), r.x, r.y, colour, 3.5 * k_);
                break;
            }
        }
    }
}

bool MapPainter::unseen_context(const SceneDispute& sd, const Dispute& d, const View& v) const {
    const double across = std::max(d.bbox.width(), d.bbox.height()) / v.degrees_per_pixel();
    return !story_dispute(sd) && across < 6 * k_;
}

/// A ring around a locus too small to see at the map's scale (islets, a
/// pass, a village), so the reader finds what the story is about.
void MapPainter::draw_locator_ring(const View& v) {
    const Box& l = scene_.locus.bbox;
    if (l.empty()) return;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!v.to_px(l.west, l.south, x0, y0) || !v.to_px(l.east, l.north, x1, y1)) return;
    const double extent = std::max(std::abs(x1 - x0), std::abs(y1 - y0));
    // Big enough to see (and not islets): its own outline and label show it.
    if (extent > 40 * k_ && !scene_.locus.point) return;
    // Round the whole box (half its diagonal), so the ring passes outside
    // the specks at its corners rather than through them.
    const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2,
                 r = std::max(16 * k_, std::hypot(x1 - x0, y1 - y0) / 2 + 8 * k_);
    auto ring = [&](double x, double y, double radius) {
        cairo_new_path(cr_);
        cairo_arc(cr_, x, y, radius, 0, 2 * kPi);
        set(cr_, style_.disputed_boundary);
        cairo_set_line_width(cr_, 2.5 * k_);
        cairo_stroke(cr_);
    };
    // Several loci far apart (a story on three island disputes): one ring
    // round them all would circle half the map and point at nothing, so
    // each part small enough to need one gets its own.
    if (r > std::min(map_.w, map_.h) / 4 && scene_.locus.parts.size() > 1) {
        for (const Box& b : scene_.locus.parts) {
            double a0 = 0, b0 = 0, a1 = 0, b1 = 0;
            if (b.empty() || !v.to_px(b.west, b.south, a0, b0) || !v.to_px(b.east, b.north, a1, b1)) continue;
            if (std::max(std::abs(a1 - a0), std::abs(b1 - b0)) > 40 * k_) continue;
            ring((a0 + a1) / 2, (b0 + b1) / 2, std::max(16 * k_, std::hypot(a1 - a0, b1 - b0) / 2 + 8 * k_));
        }
        return;
    }
    // One dispute of islands spread wide (San Andrés, Providencia and the
    // cays 150 km east): a ring round its box would circle empty sea. Each
    // cluster of its islands gets its own ring instead.
    if (r > std::min(map_.w, map_.h) / 6 && scene_.locus.ids.size() == 1 &&
        scene_.locus.ids.front().rfind("dispute:", 0) == 0) {
        const Dispute* d = data_.disputes().find(scene_.locus.ids.front().substr(8));
        if (d && d->polygon && ring_islands(v, *d->polygon, ring)) return;
    }
    ring(cx, cy, r);
    ring_ = {cx - r, cy - r, 2 * r, 2 * r};
}

/// Rings round the clusters (parts within 60 px of each other) of a
/// dispute's islands, the largest cluster's kept clear for labels; false
/// when the parts make a single cluster or more than three (the caller
/// rings the box).
bool MapPainter::ring_islands(const View& v, const MultiPolygon& islands,
                              const std::function<void(double, double, double)>& ring) {
    std::vector<Rect> groups;
    for (const Polygon& part : islands) {
        if (part.empty()) continue;
        double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
        for (const LonLat& p : part.front()) {
            double x = 0, y = 0;
            if (!v.to_px(p.lon, p.lat, x, y)) continue;
            x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
        }
        if (x1 >= x0) groups.push_back({x0, y0, x1 - x0, y1 - y0});
    }
    const double gap = 60 * k_;
    for (bool merged = true; merged;) {
        merged = false;
        for (std::size_t i = 0; i < groups.size() && !merged; ++i) {
            for (std::size_t j = i + 1; j < groups.size() && !merged; ++j) {
                const Rect& a = groups[i];
                const Rect& b = groups[j];
                const double gx = std::max({0.0, a.x - (b.x + b.w), b.x - (a.x + a.w)});
                const double gy = std::max({0.0, a.y - (b.y + b.h), b.y - (a.y + a.h)});
                if (std::hypot(gx, gy) > gap) continue;
                const double x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
                groups[i] = {x0, y0, std::max(a.x + a.w, b.x + b.w) - x0, std::max(a.y + a.h, b.y + b.h) - y0};
                groups.erase(groups.begin() + static_cast<std::ptrdiff_t>(j));
                merged = true;
            }
        }
    }
    // Many clusters are an archipelago (the Paracels): one ring round it
    // all reads as "this group" better than a scatter of rings.
    if (groups.size() < 2 || groups.size() > 3) return false;
    std::sort(groups.begin(), groups.end(), [](const Rect& a, const Rect& b) { return a.w * a.h > b.w * b.h; });
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const Rect& g = groups[i];
        const double gx = g.x + g.w / 2, gy = g.y + g.h / 2, gr = std::max(12 * k_, std::hypot(g.w, g.h) / 2 + 8 * k_);
        ring(gx, gy, gr);
        if (i == 0) ring_ = {gx - gr, gy - gr, 2 * gr, 2 * gr};
    }
    return true;
}

/// The locus on the map as boxes in pixels (each separate part), padded a
/// little: the callouts sit around these. Only parts up to an eighth of the
/// map: a badge on a large area (Western Sahara, Kosovo at region scale)
/// hides nothing, and one sent round it drew leaders across the whole area.
std::vector<Rect> MapPainter::locus_boxes(const View& v) const {
    std::vector<Rect> out;
    const Locus& l = scene_.locus;
    const double pad = 4 * k_;
    for (const Box& b : l.parts.empty() ? std::vector<Box>{l.bbox} : l.parts) {
        if (b.empty()) continue;
        // Corners and edges: a conic bends the box's sides.
        double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
        for (int i = 0; i <= 4; ++i) {
            for (int j = 0; j <= 4; ++j) {
                double x = 0, y = 0;
                if (!v.to_px(b.west + b.width() * i / 4, b.south + b.height() * j / 4, x, y)) continue;
                x0 = std::min(x0, x);
                y0 = std::min(y0, y);
                x1 = std::max(x1, x);
                y1 = std::max(y1, y);
            }
        }
        if (x1 < x0) continue;
        const Rect r{x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad};
        if (r.w * r.h <= map_.w * map_.h / 8) out.push_back(r);
    }
    return out;
}

/// A place's name or marker, not furniture, the locator ring or a badge.
static bool is_label_or_marker(const LabelBox& b) {
    static const std::array<std::string_view, 4> furniture = {"locus", "legend", "locator inset", "scale bar"};
    return b.what.rfind("callout ", 0) != 0 && std::find(furniture.begin(), furniture.end(), b.what) == furniture.end();
}

/// Where the segment from (x, y) along (dx, dy) leaves the label or marker
/// box that holds (x, y), as a fraction of the segment; 0 when none holds it.
static double exit_of_own_label(const Placer& placer, double x, double y, double dx, double dy) {
    for (const LabelBox& b : placer.boxes()) {
        if (x < b.x || x > b.x + b.w || y < b.y || y > b.y + b.h || !is_label_or_marker(b)) continue;
        double t = 1;
        if (dx > 0) t = std::min(t, (b.x + b.w - x) / dx);
        if (dx < 0) t = std::min(t, (b.x - x) / dx);
        if (dy > 0) t = std::min(t, (b.y + b.h - y) / dy);
        if (dy < 0) t = std::min(t, (b.y - y) / dy);
        return std::clamp(t, 0.0, 0.9);
    }
    return 0;
}

/// Numbered claim callouts: a dot on the place the claim is about and a
/// numbered badge beside it on a leader line. The badges sit around the
/// locus (its area, ring, markers and labels, all placed before them), never
/// on it: first close by, then further out along eight directions.
void MapPainter::draw_callouts(const View& v, Placer& placer) {
    const double r = badge_radius();
    // Not reserved in the placer: labels may sit on the locus, only badges may not.
    const std::vector<Rect> keep_clear = locus_boxes(v);
    const double d = 26 * k_;
    std::vector<std::pair<double, double>> offsets = {{d, -d},         {-d, -d},        {d, d},
                                                      {-d, d},         {1.6 * d, 0.0},  {-1.6 * d, 0.0},
                                                      {0.0, -1.5 * d}, {2 * d, -2 * d}, {-2 * d, -2 * d}};
    for (const double far : {3.0, 4.0, 5.0, 6.5, 8.0, 10.0}) {
        for (int a = 0; a < 8; ++a) {
            // Up-right first, as the near ones, then round the compass.
            const double angle = -kPi / 4 + a * kPi / 4;
            offsets.emplace_back(far * d * std::cos(angle), far * d * std::sin(angle));
        }
    }
    for (std::size_t i = 0; i < shown_claims_ && i < scene_.callouts.size(); ++i) {
        const Callout& c = scene_.callouts[i];
        if (!c.anchored) continue;
        double x = 0, y = 0;
        if (!v.to_px(c.anchor.lon, c.anchor.lat, x, y)) continue;
        // A leader line through a label makes it hard to read: first only
        // places whose line crosses none (but the anchor's own), then any.
        const auto crosses_label = [&](double dx, double dy) {
            return std::any_of(placer.boxes().begin(), placer.boxes().end(), [&](const LabelBox& b) {
                const Rect box{b.x, b.y, b.w, b.h};
                // The anchor's own label (a dispute's name is centred on the
                // point its claims are tied to) is left upwards or downwards,
                // across the line of text rather than along it.
                const bool own = x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
                if (own) return std::abs(dy) * b.w <= std::abs(dx) * b.h;
                return segment_crosses(x, y, x + dx, y + dy, box);
            });
        };
        bool done = false;
        for (int pass = 0; pass < 2 && !done; ++pass) {
            for (const auto& [dx, dy] : offsets) {
                const Rect badge{x + dx - r - 1, y + dy - r - 1, 2 * r + 2, 2 * r + 2};
                if (std::any_of(keep_clear.begin(), keep_clear.end(), [&](const Rect& k) { return k.overlaps(badge); }))
                    continue;
                // A little air round the badge: one touching the inset's
                // frame or a label reads as part of it.
                const double air = 4 * k_;
                const Rect clear{badge.x - air, badge.y - air, badge.w + 2 * air, badge.h + 2 * air};
                if (!placer.fits(clear) || (pass == 0 && crosses_label(dx, dy))) continue;
                placer.take(badge, "callout " + std::to_string(c.number));
                // An anchor under its own label (a dispute's or a feature's
                // name centred on its point): the name shows the place, so
                // the line starts at the label's edge, with no dot on the
                // text. Elsewhere a dot marks the point.
                const double t = exit_of_own_label(placer, x, y, dx, dy);
                const double gap = t > 0 ? 2 * k_ / std::hypot(dx, dy) : 0;
                cairo_new_path(cr_);
                cairo_move_to(cr_, x + (t + gap) * dx, y + (t + gap) * dy);
                cairo_line_to(cr_, x + dx, y + dy);
                set(cr_, style_.text);
                cairo_set_line_width(cr_, 1.3 * k_);
                stroke();
                if (t == 0) {
                    cairo_new_path(cr_);
                    cairo_arc(cr_, x, y, 2.6 * k_, 0, 2 * kPi);
                    fill();
                }
                draw_callout_badge(x + dx, y + dy, c.number);
                done = true;
                break;
            }
        }
    }
}

}  // namespace borderline::renderer
