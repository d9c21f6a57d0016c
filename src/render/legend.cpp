// The legend: one entry per thing the map actually drew, each with its
// swatch, then the numbered claims; and the callout badges it shares with
// the map.
#include "painter.hpp"

#include <algorithm>
#include <cmath>

namespace borderline::renderer {

std::vector<LegendItem> MapPainter::legend_items(std::size_t claims) const {
    std::vector<LegendItem> items;
    // A swatch only for a party whose colour the map shows (its land, or
    // the stripes of a story dispute it claims): a party far off the map
    // in neither would be a key to nothing; the claims still name it.
    const auto& shown = drawn_.parties_drawn;
    for (std::size_t i = 0; i < scene_.parties.size(); ++i) {
        if (std::find(shown.begin(), shown.end(), scene_.parties[i].country) == shown.end()) continue;
        items.push_back({scene_.parties[i].name, Swatch::party, static_cast<int>(i)});
    }
    // The swatch shows each disputed area as the map draws it: hatched,
    // or in a worldview painted as the claimant's own territory.
    if (drawn_.disputed_area)
        items.push_back({std::string(word(MapWord::disputed_area_hatched)), Swatch::hatched_area});
    if (drawn_.context_area) items.push_back({std::string(word(MapWord::context_area)), Swatch::context_area});
    if (drawn_.disputed_area_as_claimed) {
        items.push_back(
            {fill_in(word(MapWord::disputed_area_as_claimed), {worldview_name()}), Swatch::area_as_claimed});
    }
    if (drawn_.border_in_question) {
        items.push_back({std::string(word(MapWord::border_in_question)), Swatch::border_in_question});
    }
    if (drawn_.international) {
        items.push_back({std::string(word(MapWord::international_boundary)), Swatch::international});
    }
    if (drawn_.disputed) items.push_back({std::string(word(MapWord::disputed_boundary)), Swatch::disputed});
    if (drawn_.ceasefire) items.push_back({std::string(word(MapWord::ceasefire_line)), Swatch::ceasefire});
    if (drawn_.maritime) items.push_back({std::string(word(MapWord::maritime_boundary)), Swatch::maritime});
    if (drawn_.maritime_disputed) {
        items.push_back({std::string(word(MapWord::maritime_disputed)), Swatch::maritime_disputed});
    }
    for (std::size_t i = 0; i < drawn_.claim_lines.size(); ++i) {
        items.push_back({drawn_.claim_lines[i].label, Swatch::claim_line, static_cast<int>(i)});
    }
    if (!scene_.mentioned.empty()) {
        std::string names;
        for (const auto& m : scene_.mentioned)
            names += (names.empty() ? "" : std::string(word(MapWord::list_separator))) + m.name;
        items.push_back({fill_in(word(MapWord::also_named), {names}), Swatch::also_named});
    }
    for (std::size_t i = 0; i < claims && i < scene_.callouts.size(); ++i) {
        const Callout& c = scene_.callouts[i];
        items.push_back({fill_in(word(MapWord::claim), {c.actor_name, stance_word(scene_.lang, c.stance), c.quote}),
                         Swatch::claim, c.number});
    }
    return items;
}

double MapPainter::legend_width() const {
    if (has_panel(scene_)) return panel_area(scene_).w - 24 * k_;
    return std::min(map_.w * 0.34, 330 * k_);
}

LegendLayout MapPainter::legend_layouts(std::vector<LegendItem> items) const {
    const double row = style_.label_size * k_ * 1.6;
    const double size = style_.label_size * k_ * 0.9;
    const double text_x = 42 * k_;
    LegendLayout out;
    for (const auto& item : items) {
        auto l = text_.layout(item.label, size * (item.swatch == Swatch::claim ? 0.95 : 1.0),
                              item.swatch == Swatch::party, legend_width() - text_x - 8 * k_);
        out.rows.push_back(std::max(row, Text::extents(l.get()).h + 6 * k_));
        out.layouts.push_back(std::move(l));
    }
    out.items = std::move(items);
    return out;
}

double MapPainter::legend_height(const LegendLayout& l, std::size_t rows) const {
    double height = 10 * k_;
    for (std::size_t i = 0; i < rows && i < l.rows.size(); ++i) height += l.rows[i];
    return height;
}

/// How many claims the legend can list without growing past most of the
/// map's height; only those get callouts on the map. The claims are the
/// legend's last rows, so one layout of every row serves each count (it was
/// laid out again for each count tried, and twice more to draw it).
std::size_t MapPainter::fit_claims() {
    legend_ = legend_layouts(legend_items(scene_.callouts.size()));
    std::size_t claims = 0;
    for (const auto& item : legend_.items) claims += item.swatch == Swatch::claim ? 1 : 0;
    const std::size_t fixed = legend_.items.size() - claims;
    std::size_t n = claims;
    while (n > 0) {
        if (legend_height(legend_, fixed + n) <= map_.h * (has_panel(scene_) ? 0.97 : 0.72)) break;
        --n;
    }
    return n;
}

Rect MapPainter::legend_rect() const {
    const std::size_t claims = scene_.callouts.size() - std::min(scene_.callouts.size(), shown_claims_);
    const double h = legend_height(legend_, legend_.items.size() - std::min(legend_.items.size(), claims));
    if (has_panel(scene_)) {
        const Rect p = panel_area(scene_);
        return {p.x + 12 * k_, p.y + 4 * k_, legend_width(), h};
    }
    return {map_.x + 12 * k_, map_.y + map_.h - h - 12 * k_, legend_width(), h};
}

void MapPainter::draw_legend(const Rect& box) {
    const auto items = legend_items(shown_claims_);
    if (items.empty()) return;
    // The rows laid out by fit_claims, unless what the map drew since then
    // changed the legend.
    LegendLayout fresh;
    const bool same =
        items.size() <= legend_.items.size() && std::equal(items.begin(), items.end(), legend_.items.begin());
    if (!same) fresh = legend_layouts(items);
    const LegendLayout& laid = same ? legend_ : fresh;
    const double h = legend_height(laid, items.size());
    const auto& layouts = laid.layouts;
    const double row = style_.label_size * k_ * 1.6;
    const double text_x = 42 * k_;
    cairo_rectangle(cr_, box.x, box.y, box.w, h);
    set(cr_, Colour{style_.paper.r, style_.paper.g, style_.paper.b, 0.92});
    fill_preserve();
    set(cr_, mix(style_.frame, style_.paper, 0.5));
    cairo_set_line_width(cr_, 1);
    stroke();
    double y = box.y + 5 * k_;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const bool claim = items[i].swatch == Swatch::claim;
        const double th = Text::extents(layouts[i].get()).h;
        const double rh = std::max(row, th + 6 * k_);
        // A claim's badge sits level with the first line of its quote.
        const double mid = claim ? y + 3 * k_ + 9 * k_ : y + rh / 2;
        // Right to left, the swatch is on the right and the text, flush
        // right, ends left of it.
        const double swatch_x = text_.rtl() ? box.x + box.w - 34 * k_ : box.x + 10 * k_;
        const double tx = text_.rtl() ? box.x + 8 * k_ : box.x + text_x;
        draw_swatch(items[i], swatch_x, 24 * k_, mid);
        text_.draw(layouts[i].get(), tx, claim ? y + 3 * k_ : mid - th / 2, style_.text, 0);
        y += rh;
    }
}

/// The swatch `sw` pixels wide from `sx`, centred on the row at `mid`: drawn
/// with the same strokes and fills as the map, so it matches what it explains.
void MapPainter::draw_swatch(const LegendItem& item, double sx, double sw, double mid) {
    cairo_new_path(cr_);
    const auto box = [&] { cairo_rectangle(cr_, sx, mid - 7 * k_, sw, 14 * k_); };
    const auto line = [&] {
        cairo_move_to(cr_, sx, mid);
        cairo_line_to(cr_, sx + sw, mid);
    };
    const auto outline = [&] {
        set(cr_, style_.country_outline);
        cairo_set_line_width(cr_, 0.8 * k_);
        stroke();
    };
    switch (item.swatch) {
        case Swatch::party:
            box();
            set(cr_, mix(style_.land, party_colour(scene_.parties[static_cast<std::size_t>(item.number)]), 0.55));
            fill_preserve();
            outline();
            break;
        case Swatch::international:
            line();
            stroke_class("international", style_.boundary, style_.boundary_width * k_ * 1.2);
            break;
        case Swatch::disputed:
            line();
            stroke_class("disputed", style_.disputed_boundary, style_.boundary_width * k_ * 1.2);
            break;
        case Swatch::ceasefire:
            line();
            stroke_class("ceasefire", style_.disputed_boundary, style_.boundary_width * k_ * 1.2);
            break;
        case Swatch::maritime:
        case Swatch::maritime_disputed:
            line();
            stroke_class("maritime",
                         item.swatch == Swatch::maritime ? style_.maritime_boundary : style_.disputed_boundary,
                         style_.boundary_width * k_);
            break;
        case Swatch::claim_line:
            line();
            stroke_claim_line(drawn_.claim_lines[static_cast<std::size_t>(item.number)].colour);
            break;
        case Swatch::indefinite:
            line();
            stroke_class("indefinite", style_.boundary, style_.boundary_width * k_ * 1.2);
            break;
        case Swatch::hatched_area:
        case Swatch::context_area: {
            // A context area's swatch is faint, as the map draws it.
            const bool faint = item.swatch == Swatch::context_area;
            box();
            SceneDispute sample;
            for (const auto& p : scene_.parties) sample.parties.push_back(p.country);
            set(cr_, style_.land);
            fill_preserve();
            hatch(sample, faint);
            stroke_class("disputed", faint ? mix(style_.disputed_boundary, style_.land, 0.6) : style_.disputed_boundary,
                         1.0 * k_);
            break;
        }
        case Swatch::area_as_claimed:
            box();
            set(cr_, country_fill(scene_.worldview));
            fill_preserve();
            stroke_class("disputed", style_.disputed_boundary, 1.0 * k_);
            break;
        case Swatch::also_named:
            box();
            set(cr_, mix(style_.land, style_.text, 0.10));
            fill_preserve();
            outline();
            break;
        case Swatch::claim:
            draw_callout_badge(sx + sw / 2, mid, item.number);
            break;
        case Swatch::border_in_question:
            line();
            set(cr_, Colour{style_.disputed_boundary.r, style_.disputed_boundary.g, style_.disputed_boundary.b, 0.35});
            cairo_set_line_width(cr_, 7 * k_);
            stroke();
            line();
            stroke_class("international", style_.boundary, style_.boundary_width * k_);
            break;
    }
}

void MapPainter::draw_callout_badge(double x, double y, int number) {
    cairo_new_path(cr_);
    cairo_arc(cr_, x, y, badge_radius(), 0, 2 * kPi);
    set(cr_, style_.text);
    fill_preserve();
    set(cr_, style_.paper);
    cairo_set_line_width(cr_, 1.5 * k_);
    stroke();
    auto l = text_.layout(std::to_string(number), style_.label_size * k_ * 0.85, true);
    const Rect e = Text::extents(l.get());
    text_.draw(l.get(), x - e.w / 2, y - e.h / 2, style_.paper, 0);
}

}  // namespace borderline::renderer
