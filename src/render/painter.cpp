// The order of drawing and the base layers: countries, provinces, disputed
// areas, water and boundaries. Geometry is clipped in lon/lat to the visible
// area before it is projected (view.hpp).
#include "painter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <future>
#include <iterator>
#include <string_view>
#include <unordered_set>

namespace borderline::renderer {

namespace {

/// The outlines of `features` with each segment once: a segment two of
/// them share (the same two vertices, either way round) goes with the
/// first. The runs left are open lines.
std::vector<Ring> shared_once(const std::vector<const Feature*>& features) {
    struct Key {
        LonLat a, b;
        bool operator==(const Key& o) const {
            return a.lon == o.a.lon && a.lat == o.a.lat && b.lon == o.b.lon && b.lat == o.b.lat;
        }
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const {
            const std::hash<double> h;
            return h(k.a.lon) ^ (h(k.a.lat) * 3) ^ (h(k.b.lon) * 5) ^ (h(k.b.lat) * 7);
        }
    };
    const auto before = [](const LonLat& p, const LonLat& q) {
        return p.lon < q.lon || (p.lon == q.lon && p.lat < q.lat);
    };
    std::unordered_set<Key, KeyHash> seen;
    std::vector<Ring> out;
    Ring run;
    const auto flush = [&] {
        if (run.size() >= 2) out.push_back(std::move(run));
        run.clear();
    };
    for (const Feature* f : features) {
        for (const auto& poly : f->polygons) {
            for (const Points ring : poly) {
                for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                    const LonLat& a = ring[i];
                    const LonLat& b = ring[i + 1];
                    if (!seen.insert(before(a, b) ? Key{a, b} : Key{b, a}).second) {
                        flush();
                        continue;
                    }
                    if (run.empty()) run.push_back(a);
                    run.push_back(b);
                }
                flush();
            }
        }
    }
    return out;
}

/// The distance between stripes of a hatching with `n` colours, near
/// `spacing`: its period (n stripes) is a whole number of pixels, so that
/// the tile it is painted with on an image repeats without a seam.
double stripe_step(long n, double spacing) {
    const double period = std::max(1.0, std::round(static_cast<double>(n) * spacing));
    return period / static_cast<double>(n);
}

}  // namespace

double scale_factor(const Scene& s) { return std::sqrt(static_cast<double>(s.size.width) * s.size.height) / 1265.0; }
double title_height(const Scene& s) { return std::round(std::max(48.0, 78 * scale_factor(s))); }
// A note gets a line of its own above the credit.
double note_height(const Scene& s) { return s.note.empty() ? 0 : std::round(std::max(18.0, 26 * scale_factor(s))); }
double footer_height(const Scene& s) { return std::round(std::max(30.0, 44 * scale_factor(s))) + note_height(s); }
bool has_panel(const Scene& s) { return !s.callouts.empty() && s.size.width >= 600; }

Rect map_area(const Scene& s) {
    const double t = title_height(s);
    const double w = has_panel(s) ? std::round(s.size.width * (1 - kPanelShare)) : s.size.width;
    return {0, t, w, s.size.height - t - footer_height(s)};
}

Rect panel_area(const Scene& s) {
    const Rect m = map_area(s);
    return {m.w, m.y, s.size.width - m.w, m.h};
}

void MapPainter::paint() {
    const double title_h = title_height(scene_);
    const double footer_h = footer_height(scene_);
    map_ = map_area(scene_);
    // Shapes are antialiased on a 4x4 grid rather than Cairo's default
    // 256 levels: no visible difference at map scale, and a third off
    // the time of the outlines and hatching. Text keeps the font options.
    cairo_set_antialias(cr_, CAIRO_ANTIALIAS_FAST);
    // Paper.
    begin_layer("paper");
    set(cr_, style_.paper);
    paint_all();
    end_layer();
    View view(scene_.projection, scene_.bbox, map_);
    Placer placer(Rect{map_.x + 2, map_.y + 2, map_.w - 4, map_.h - 4});
    // On an image, the locator inset (a sixth of the article's drawing,
    // none of it text) is drawn on a second thread, on its own surface,
    // while this one draws the map, and copied into its box at its turn:
    // the same pixels, as its box is whole pixels and its background opaque.
    std::future<SurfacePtr> inset_drawn;
    if (want_inset() && on_image()) {
        inset_drawn =
            std::async(std::launch::async, [this, &view, box = inset_rect()] { return inset_apart(box, view); });
    }

    save();
    cairo_rectangle(cr_, map_.x, map_.y, map_.w, map_.h);
    clip();
    begin_layer("land");
    set(cr_, style_.background);
    paint_all();
    draw_countries(view);
    end_layer();
    begin_layer("disputes");
    draw_disputes(view);
    end_layer();
    begin_layer("water");
    draw_water(view);
    end_layer();
    begin_layer("borders");
    draw_boundaries(view);
    end_layer();
    begin_layer("claim_lines");
    draw_claim_lines(view, placer);
    end_layer();
    check(cr_, "base layers");
    shown_claims_ = fit_claims();
    const Rect legend = legend_rect();
    const Rect scale = scale_rect();
    if (!has_panel(scene_)) placer.reserve(legend, "legend");
    placer.reserve(scale, "scale bar");
    Rect inset;
    if (want_inset()) {
        inset = inset_rect();
        placer.reserve(inset, "locator inset");
    }
    // The locus, its markers and labels are placed before the callouts,
    // which then sit around them on leader lines (and are drawn on top).
    begin_layer("locus");
    draw_islands(view);
    draw_locator_ring(view);
    end_layer();
    begin_layer("places");
    draw_markers(view, placer);
    end_layer();
    begin_layer("labels");
    draw_dispute_labels(view, placer);
    if (ring_.w > 0) placer.reserve(ring_, "locus");
    draw_country_labels(view, placer);
    draw_claim_line_labels(placer);
    end_layer();
    begin_layer("claims");
    draw_callouts(view, placer);
    end_layer();
    placed_ = placer.boxes();
    restore();

    // Legend, inset and furniture do not overlap, so their order does not
    // change the picture; it gives the SVG one group each.
    begin_layer("legend");
    draw_legend(legend);
    end_layer();
    begin_layer("inset");
    if (inset_drawn.valid()) {
        const SurfacePtr drawn = inset_drawn.get();
        cairo_save(cr_);
        cairo_set_source_surface(cr_, drawn.get(), inset.x, inset.y);
        cairo_rectangle(cr_, inset.x, inset.y, inset.w, inset.h);
        cairo_fill(cr_);
        cairo_restore(cr_);
        draw_inset_frame(inset);
    } else if (want_inset()) {
        draw_inset(inset, view);
    }
    end_layer();
    begin_layer("furniture");
    draw_scale_bar(view, scale);
    cairo_set_source_rgba(cr_, style_.frame.r, style_.frame.g, style_.frame.b, style_.frame.a);
    cairo_set_line_width(cr_, 1);
    cairo_rectangle(cr_, map_.x + 0.5, map_.y + 0.5, map_.w - 1, map_.h - 1);
    stroke();
    draw_title(title_h);
    draw_footer(footer_h);
    end_layer();
    check(cr_, "map furniture");
}

/// The worldview country as the legend names it: a party's name, else its code.
std::string MapPainter::worldview_name() const {
    if (const Party* p = party(scene_.worldview)) return p->name;
    for (const auto& m : scene_.mentioned) {
        if (m.country == scene_.worldview) return m.name;
    }
    return scene_.worldview;
}

bool MapPainter::story_dispute(const SceneDispute& sd) const {
    const bool any_named = std::any_of(scene_.disputes.begin(), scene_.disputes.end(),
                                       [](const SceneDispute& d) { return d.mentioned && !d.passing; });
    return any_named ? sd.mentioned && !sd.passing : sd.involves_party;
}

bool MapPainter::context_area(const SceneDispute& sd) const {
    if (story_dispute(sd)) return false;
    // Gilgit-Baltistan inside Kashmir is part of the story's area: drawn
    // faint, it would pale the story's own hatching.
    const DisputeRegistry& registry = data_.disputes();
    const Dispute* d = registry.find(sd.id);
    if (!d) return true;
    const Box& a = d->bbox;
    return std::none_of(scene_.disputes.begin(), scene_.disputes.end(), [&](const SceneDispute& other) {
        const Dispute* o = &other == &sd || !story_dispute(other) ? nullptr : registry.find(other.id);
        if (!o) return false;
        const Box& b = o->bbox;
        constexpr double tol = 0.05;
        return a.west >= b.west - tol && a.east <= b.east + tol && a.south >= b.south - tol && a.north <= b.north + tol;
    });
}

const Party* MapPainter::party(const std::string& iso3) const {
    for (const auto& p : scene_.parties) {
        if (p.country == iso3) return &p;
    }
    return nullptr;
}

bool MapPainter::mentioned(const std::string& iso3) const {
    return std::any_of(scene_.mentioned.begin(), scene_.mentioned.end(),
                       [&](const Party& p) { return p.country == iso3; });
}

Colour MapPainter::party_colour(const Party& p) const {
    return style_.parties[static_cast<std::size_t>(p.colour_index) % style_.parties.size()];
}

void MapPainter::draw_countries(const View& v) {
    // At a third of a pixel or less, the generalised outlines look the same.
    const Layer& countries = data_.layer(v.degrees_per_pixel() >= 0.15 ? "countries_small" : "countries");
    for (std::size_t i : countries.query(v.visible())) {
        const Feature& f = countries.features()[i];
        const std::string& iso = countries.value(i, "iso_a3");
        const Colour fill = country_fill(iso);
        if (party(iso) &&
            std::find(drawn_.parties_drawn.begin(), drawn_.parties_drawn.end(), iso) == drawn_.parties_drawn.end())
            drawn_.parties_drawn.push_back(iso);
        cairo_new_path(cr_);
        path_polygons(cr_, v, f.polygons);
        cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_EVEN_ODD);
        set(cr_, fill);
        fill_preserve();
        set(cr_, style_.country_outline);
        cairo_set_line_width(cr_, 0.6 * k_);
        stroke();
    }
    // Provinces of the parties, faintly, for orientation.
    if (!scene_.parties.empty()) {
        const Layer& admin1 = data_.layer("admin1");
        std::vector<const Feature*> provinces;
        for (std::size_t i : admin1.query(v.visible())) {
            if (party(admin1.value(i, "adm0_a3"))) provinces.push_back(&admin1.features()[i]);
        }
        // Each border once: two provinces share theirs vertex for vertex,
        // and a border drawn twice was darker than one drawn once (and
        // cost the stroke twice).
        const std::vector<Ring> borders = shared_once(provinces);
        cairo_new_path(cr_);
        // Vertices a pixel apart: these faint lines need no finer detail.
        path_lines(cr_, v, Lines(borders.begin(), borders.end()), 1.0);
        set(cr_, mix(style_.country_outline, style_.land, 0.6));
        cairo_set_line_width(cr_, 0.5 * k_);
        stroke();
    }
}

/// Fill colour of a country: its party colour, a tint when the article
/// names it, plain land otherwise.
Colour MapPainter::country_fill(const std::string& iso) const {
    if (const Party* p = party(iso)) return mix(style_.land, party_colour(*p), 0.55);
    if (mentioned(iso)) return mix(style_.land, style_.text, 0.10);
    return style_.land;
}

/// Disputed areas: in the worldview of one claimant, painted as its
/// territory; otherwise hatched in the claimants' colours.
void MapPainter::draw_disputes(const View& v) {
    const DisputeRegistry& registry = data_.disputes();
    // Largest first, so a specific area (Aksai Chin) is drawn over the
    // umbrella dispute that contains it (Kashmir) with its own claimants.
    std::vector<std::pair<const SceneDispute*, const Dispute*>> order;
    for (const SceneDispute& sd : scene_.disputes) {
        const Dispute* d = registry.find(sd.id);
        if (d && d->bbox.intersects(v.visible()) && !unseen_context(sd, *d, v)) order.emplace_back(&sd, d);
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return a.second->bbox.width() * a.second->bbox.height() > b.second->bbox.width() * b.second->bbox.height();
    });
    for (const auto& [sdp, d] : order) {
        const SceneDispute& sd = *sdp;
        const bool seen_as_own = !scene_.worldview.empty() &&
                                 std::find(d->parties.begin(), d->parties.end(), scene_.worldview) != d->parties.end();
        cairo_new_path(cr_);
        path_polygons(cr_, v, *d->polygon);
        cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_EVEN_ODD);
        // Not the story's: faint hatching and a pale outline, so a dispute
        // the article never names (the Dorra gas field beside Khor
        // Abdullah) does not read as part of the story.
        const bool context = context_area(sd);
        if (sd.history) {
            // Settled: only the outline, as a former dispute.
        } else if (seen_as_own) {
            set(cr_, country_fill(scene_.worldview));
            fill_preserve();
            drawn_.disputed_area_as_claimed = true;
            drawn_.areas_as_claimed.push_back(sd.name);
        } else {
            hatch(sd, context);
            (context ? drawn_.context_area : drawn_.disputed_area) = true;
            // The story's hatching is in its claimants' colours: each such
            // party is keyed in the legend, though its land is off the map
            // (Britain and Mauritius on a map of the Chagos atolls).
            for (const auto& p : context ? std::vector<std::string>{} : sd.parties) {
                if (party(p) && std::find(drawn_.parties_drawn.begin(), drawn_.parties_drawn.end(), p) ==
                                    drawn_.parties_drawn.end())
                    drawn_.parties_drawn.push_back(p);
            }
            drawn_.areas_hatched.push_back(sd.name);
        }
        if (context && !seen_as_own) {
            stroke_class("disputed", mix(style_.disputed_boundary, style_.land, 0.6), style_.boundary_width * 0.6 * k_);
        } else {
            stroke_class("disputed", style_.disputed_boundary, style_.boundary_width * 0.9 * k_);
        }
    }
}

/// Diagonal stripes, one colour per claimant, clipped to the current path
/// (which is kept for the outline).
void MapPainter::hatch(const SceneDispute& sd, bool faint) {
    // Claimants that are parties to the story in their colours; any other
    // claimant in one neutral grey, so that every claim shows.
    std::vector<Colour> colours;
    bool other = false;
    for (const auto& p : sd.parties) {
        if (const Party* party_of = party(p)) {
            colours.push_back(party_colour(*party_of));
        } else {
            other = true;
        }
    }
    if (other || colours.empty()) colours.push_back(mix(style_.country_outline, style_.land, 0.3));
    // Context: the same colours, most of the way to the land's, in thinner stripes.
    if (faint) {
        for (Colour& c : colours) c = mix(c, style_.land, 0.6);
    }
    const double spacing = 9 * k_;
    if (on_image()) {
        hatch_with_tile(colours, spacing, faint);
        return;
    }
    cairo_path_t* outline = cairo_copy_path(cr_);
    save();
    clip_preserve();
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    cairo_clip_extents(cr_, &x1, &y1, &x2, &y2);
    const long n = static_cast<long>(colours.size());
    const double step = stripe_step(n, spacing);
    cairo_set_line_width(cr_, step * (faint ? 0.3 : 0.45));
    cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
    cairo_set_dash(cr_, nullptr, 0, 0);
    // Stripe i is the line x + y = i * step, as on the tile: anchored to
    // the canvas, not the area, so that neighbouring areas line up.
    const long first = static_cast<long>(std::floor((x1 + y1) / step)) - 1;
    const long last = static_cast<long>(std::ceil((x2 + y2) / step)) + 1;
    // One path per colour: each stroke through this clip costs as much
    // as the clip itself, so a hundred single-stripe strokes took longer
    // than the rest of the map.
    for (long c = 0; c < n; ++c) {
        cairo_new_path(cr_);
        for (long i = first; i <= last; ++i) {
            if (((i % n) + n) % n != c) continue;
            const double at = static_cast<double>(i) * step;
            cairo_move_to(cr_, at - y2, y2);
            cairo_line_to(cr_, at - y1, y1);
        }
        set(cr_, colours[static_cast<std::size_t>(c)]);
        stroke();
    }
    restore();
    cairo_new_path(cr_);
    cairo_append_path(cr_, outline);
    cairo_path_destroy(outline);
}

void MapPainter::hatch_with_tile(const std::vector<Colour>& colours, double spacing, bool faint) {
    // The stripes of all colours repeat every `n` stripes, across and down
    // (they run at 45 degrees): one square tile of that period, in whole
    // pixels so that it repeats without a seam, painted through the area's
    // outline. Stroking the stripes through the outline as a clip cost as
    // much as the clip for each stroke (12M instructions for the sample
    // article's two areas); the tile's fill costs the area once.
    const auto n = static_cast<long>(colours.size());
    const double step = stripe_step(n, spacing);
    const int period = static_cast<int>(std::lround(step * static_cast<double>(n)));
    SurfacePtr tile(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, period, period));
    CairoPtr tc(cairo_create(tile.get()));
    cairo_set_antialias(tc.get(), cairo_get_antialias(cr_));
    cairo_set_line_width(tc.get(), step * (faint ? 0.3 : 0.45));
    cairo_set_line_cap(tc.get(), CAIRO_LINE_CAP_BUTT);
    const double t = period;
    for (long c = 0; c < n; ++c) {
        cairo_new_path(tc.get());
        // Stripe i is the line x + y = i * step, anchored to the canvas so
        // that neighbouring areas line up; those of the tiles around this
        // one are drawn too where they cross it.
        for (long i = -n - 1; i <= 2 * n + 1; ++i) {
            if (((i % n) + n) % n != c) continue;
            const double at = static_cast<double>(i) * step;
            cairo_move_to(tc.get(), -t, at + t);
            cairo_line_to(tc.get(), 2 * t, at - 2 * t);
        }
        set(tc.get(), colours[static_cast<std::size_t>(c)]);
        cairo_stroke(tc.get());
    }
    check(tc.get(), "hatching");
    cairo_pattern_t* stripes = cairo_pattern_create_for_surface(tile.get());
    cairo_pattern_set_extend(stripes, CAIRO_EXTEND_REPEAT);
    cairo_save(cr_);
    cairo_set_source(cr_, stripes);
    cairo_fill_preserve(cr_);
    cairo_restore(cr_);
    cairo_pattern_destroy(stripes);
}

void MapPainter::draw_water(const View& v) {
    const Layer& lakes = data_.layer("lakes");
    cairo_new_path(cr_);
    for (std::size_t i : lakes.query(v.visible())) path_polygons(cr_, v, lakes.features()[i].polygons);
    set(cr_, style_.water);
    cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_WINDING);
    fill();
    const Layer& rivers = data_.layer("rivers");
    const double span = v.visible().width();
    const int max_rank = span > 60 ? 4 : span > 25 ? 6 : 9;
    cairo_new_path(cr_);
    for (std::size_t i : rivers.query(v.visible())) {
        if (std::atoi(rivers.value(i, "scalerank").c_str()) > max_rank) continue;
        if (rivers.value(i, "featurecla") == "Lake Centerline") continue;
        path_lines(cr_, v, rivers.features()[i].lines);
    }
    set(cr_, style_.river);
    cairo_set_line_width(cr_, style_.river_width * k_);
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
    stroke();
}

void MapPainter::stroke_class(const std::string& cls, const Colour& c, double width) {
    set(cr_, c);
    cairo_set_line_width(cr_, width);
    cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
    if (cls == "international") {
        cairo_set_dash(cr_, nullptr, 0, 0);
    } else if (cls == "line_of_control" || cls == "ceasefire") {
        const double dash[] = {7 * k_, 3 * k_, 1.5 * k_, 3 * k_};
        cairo_set_dash(cr_, dash, 4, 0);
    } else if (cls == "maritime") {
        const double dash[] = {9 * k_, 4 * k_};
        cairo_set_dash(cr_, dash, 2, 0);
    } else if (cls == "indefinite") {
        const double dash[] = {1.5 * k_, 3 * k_};
        cairo_set_dash(cr_, dash, 2, 0);
    } else {
        const double dash[] = {6 * k_, 4 * k_};
        cairo_set_dash(cr_, dash, 2, 0);
    }
    stroke();
    cairo_set_dash(cr_, nullptr, 0, 0);
}

namespace {

/// Feature kinds that are a speck at sea: too small for land.shp unless
/// they are sizeable islands, so the painter rings those it finds no land for.
bool speck_kind(std::string_view kind) {
    static constexpr std::string_view kSpecks[] = {"island", "islet", "reef", "shoal", "cay", "rock", "atoll", "bank"};
    return std::find(std::begin(kSpecks), std::end(kSpecks), kind) != std::end(kSpecks);
}

}  // namespace

// A border feature that stands on an island of land.shp (Taveuni, Big
// Diomede, Kunashir) is drawn as that island: its coast outlined and
// tinted, so the reader sees which speck of land the story names. Only
// islands up to ~2 degrees across: on a continent the marker alone shows it.
// A reef, shoal or islet on no land polygon (too small for the data), or
// on one a few pixels wide, is marked in speck_ for draw_markers, which
// rings it.
/// Whether a marker is the story's island: the locus names it, or it stands
/// in the area of one of the locus disputes (Hans Island, Migingo).
bool MapPainter::story_island(const Marker& m) const {
    const auto& ids = scene_.locus.ids;
    if (std::find(ids.begin(), ids.end(), m.place_id) != ids.end()) return true;
    for (const auto& id : ids) {
        if (id.rfind("dispute:", 0) != 0) continue;
        const Dispute* d = data_.disputes().find(id.substr(8));
        if (d && d->bbox.contains(m.where.lon, m.where.lat) && (!d->polygon || contains(*d->polygon, m.where)))
            return true;
    }
    return false;
}

/// Whether a marker stands in a dispute drawn as context or history and in
/// none of the story's (extents: a group's reefs lie round its islands).
bool MapPainter::context_speck(const Marker& m) const {
    bool context = false;
    for (const SceneDispute& sd : scene_.disputes) {
        const Dispute* d = data_.disputes().find(sd.id);
        if (!d || !d->bbox.contains(m.where.lon, m.where.lat)) continue;
        if (story_dispute(sd) && !sd.history) return false;
        context = context || sd.history || context_area(sd);
    }
    return context;
}

void MapPainter::draw_islands(const View& v) {
    speck_.assign(scene_.markers.size(), 0);
    // The land layer is big to load: only when a border feature is marked.
    if (std::none_of(scene_.markers.begin(), scene_.markers.end(),
                     [](const Marker& m) { return m.place_id.rfind("feature:", 0) == 0; }))
        return;
    const Layer& land = data_.layer("land");
    cairo_new_path(cr_);
    bool any = false;
    for (std::size_t n = 0; n < scene_.markers.size(); ++n) {
        const Marker& m = scene_.markers[n];
        if (m.place_id.rfind("feature:", 0) != 0) continue;
        const bool speck = speck_kind(m.feature_kind);
        bool on_land = false;
        for (const std::size_t i : land.query(Box{m.where.lon, m.where.lat, m.where.lon, m.where.lat})) {
            const Feature& f = land.features()[i];
            const bool small = f.bbox.width() <= 2 && f.bbox.height() <= 2;
            // Only a speck needs to know it stands on a continent; the test
            // on a continent's outline is the costly one.
            if ((!small && !speck) || !contains(f.polygons, m.where)) continue;
            if (!small) {
                on_land = true;
                break;
            }
            // An island of a few pixels (Europa on a map of the Mozambique
            // Channel) is tinted but still too small to find: ring it too.
            double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            on_land = v.to_px(f.bbox.west, f.bbox.south, x0, y0) && v.to_px(f.bbox.east, f.bbox.north, x1, y1) &&
                      std::max(std::abs(x1 - x0), std::abs(y1 - y0)) >= 8 * k_;
            // The tint marks the island the story is about; an island that
            // is only named, or that a strait's point happens to stand on
            // (Bubiyan under Khor Abdullah), stays in its country's colour.
            if (!story_island(m)) break;
            path_polygons(cr_, v, f.polygons);
            any = true;
            // An island the data splits at 180 degrees (Taveuni): its other
            // half is the small polygon meeting the meridian along the same
            // stretch (each half was simplified alone, so not at the same vertices).
            const double near = f.bbox.east >= 179.999 ? 180 : f.bbox.west <= -179.999 ? -180 : 0;
            if (near == 0) break;
            Box seam;
            for (const LonLat& p : f.polygons.front().front()) {
                if (std::abs(p.lon - near) < 1e-6) seam.expand(p.lon, p.lat);
            }
            if (seam.empty()) break;
            for (const std::size_t k : land.query(Box{-near, seam.south, -near, seam.north})) {
                const Feature& g = land.features()[k];
                if (k == i || g.bbox.width() > 2 || g.polygons.empty()) continue;
                const auto& outer = g.polygons.front().front();
                if (std::any_of(outer.begin(), outer.end(), [&](const LonLat& p) {
                        return std::abs(p.lon + near) < 1e-6 && p.lat >= seam.south - 0.01 &&
                               p.lat <= seam.north + 0.01;
                    }))
                    path_polygons(cr_, v, g.polygons);
            }
            break;
        }
        speck_[n] = speck && !on_land ? 1 : 0;
    }
    if (!any) return;
    set(cr_, Colour{style_.disputed_boundary.r, style_.disputed_boundary.g, style_.disputed_boundary.b, 0.18});
    fill_preserve();
    set(cr_, style_.text);
    cairo_set_line_width(cr_, 1.4 * k_);
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
    stroke();
}

// Natural Earth's maritime boundary indicators: median and treaty lines and
// 200-mile limits in a quiet blue-grey, the lines it marks disputed in the
// disputed colour; thinner than land boundaries, long-dashed like a line at
// sea on a chart.
void MapPainter::draw_maritime_lines(const View& v) {
    const Layer& m = data_.layer("maritime_lines");
    for (const bool disputed : {false, true}) {
        cairo_new_path(cr_);
        bool any = false;
        for (std::size_t i : m.query(v.visible())) {
            if ((m.value(i, "kind") == "disputed") != disputed) continue;
            path_lines(cr_, v, m.features()[i].lines);
            any = true;
        }
        if (!any) continue;
        (disputed ? drawn_.maritime_disputed : drawn_.maritime) = true;
        stroke_class("maritime", disputed ? style_.disputed_boundary : style_.maritime_boundary,
                     style_.boundary_width * (disputed ? 0.9 : 0.7) * k_);
    }
}

void MapPainter::draw_boundaries(const View& v) {
    const Layer& b = data_.layer("boundaries");
    // The border in question: a wide translucent band under the line.
    for (const auto& [x, y] : scene_.borders) {
        cairo_new_path(cr_);
        for (std::size_t i : b.query(v.visible())) {
            const auto& l = b.value(i, "adm0_a3_l");
            const auto& r = b.value(i, "adm0_a3_r");
            if ((l == x && r == y) || (l == y && r == x)) path_lines(cr_, v, b.features()[i].lines);
        }
        set(cr_, Colour{style_.disputed_boundary.r, style_.disputed_boundary.g, style_.disputed_boundary.b, 0.35});
        cairo_set_line_width(cr_, 7 * k_);
        cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
        cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
        stroke();
        drawn_.border_in_question = true;
    }
    for (const std::string cls : {"international", "indefinite", "disputed", "line_of_control"}) {
        cairo_new_path(cr_);
        bool any = false;
        for (std::size_t i : b.query(v.visible())) {
            const std::string& c = b.value(i, "class");
            if (c != cls) continue;
            path_lines(cr_, v, b.features()[i].lines);
            any = true;
        }
        if (!any) continue;
        if (cls == "international") drawn_.international = true;
        if (cls == "disputed") drawn_.disputed = true;
        if (cls == "line_of_control") drawn_.ceasefire = true;
        if (cls == "indefinite") drawn_.indefinite = true;
        const bool red = cls == "disputed" || cls == "line_of_control";
        stroke_class(cls, red ? style_.disputed_boundary : style_.boundary, style_.boundary_width * k_);
    }
    draw_maritime_lines(v);
    const Layer& d = data_.layer("disputed_lines");
    for (const std::string kind : {"claim", "former_oblast", "ceasefire"}) {
        cairo_new_path(cr_);
        bool any = false;
        for (std::size_t i : d.query(v.visible())) {
            if (d.value(i, "kind") != kind) continue;
            path_lines(cr_, v, d.features()[i].lines);
            any = true;
        }
        if (!any) continue;
        if (kind == "ceasefire") {
            drawn_.ceasefire = true;
            stroke_class("ceasefire", style_.disputed_boundary, style_.boundary_width * k_);
        } else {
            drawn_.disputed = true;
            stroke_class("disputed", style_.disputed_boundary, style_.boundary_width * 0.9 * k_);
        }
    }
}

}  // namespace borderline::renderer
