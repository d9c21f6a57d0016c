// The alt text the files carry (PNG Description, PDF Subject, SVG <desc>):
// written after drawing, from what the painter recorded, so it names only
// what is on the map. A place whose label the placer dropped is not
// "marked"; a disputed area outside the frame is not "hatched".
#include "painter.hpp"

#include <cstdio>

namespace borderline::renderer {

namespace {

/// "a", "a and b", "a, b and c".
template <typename Items, typename Name>
void append_list(std::string& out, const Items& items, Name name) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += name(items[i]);
    }
}

}  // namespace

std::string MapPainter::country_name(const std::string& iso3, const std::string& otherwise) const {
    if (const Party* p = party(iso3)) return p->name;
    for (const auto& m : scene_.mentioned) {
        if (m.country == iso3) return m.name;
    }
    if (const auto it = scene_.country_names.find(iso3); it != scene_.country_names.end()) return it->second;
    return otherwise.empty() ? iso3 : otherwise;
}

std::string MapPainter::alt_text() const {
    const auto same = [](const std::string& s) { return s; };
    std::string t = "Map";
    if (!scene_.parties.empty()) {
        t += " of ";
        append_list(t, scene_.parties, [](const Party& p) { return p.name; });
        t += scene_.parties.size() > 1 ? ", each in its own colour" : ", in its own colour";
    }
    const Box& b = scene_.bbox;
    t += ", ";
    t += extent_text(b);
    t += ".";
    if (!drawn_.areas_hatched.empty()) {
        t += " Disputed areas, hatched in the claimants' colours: ";
        append_list(t, drawn_.areas_hatched, same);
        t += ".";
    }
    if (!drawn_.areas_as_claimed.empty()) {
        t += " Disputed areas shown as " + worldview_name() + " claims them: ";
        append_list(t, drawn_.areas_as_claimed, same);
        t += ".";
    }
    if (drawn_.border_in_question) {
        t += " Border in question: ";
        append_list(t, scene_.borders,
                    [&](const auto& pair) { return country_name(pair.first) + "\u2013" + country_name(pair.second); });
        t += ".";
    }
    if (!drawn_.places.empty()) {
        t += " Places marked: ";
        append_list(t, drawn_.places, same);
        t += ".";
    }
    if (!scene_.mentioned.empty()) {
        t += " Also named in the article: ";
        append_list(t, scene_.mentioned, [](const Party& p) { return p.name; });
        t += ".";
    }
    for (std::size_t i = 0; i < shown_claims_ && i < scene_.callouts.size(); ++i) {
        const Callout& c = scene_.callouts[i];
        t += " Claim " + std::to_string(c.number) + ": " + c.actor_name + " " + c.stance + ": \u201C" + c.quote +
             "\u201D.";
    }
    return t;
}

}  // namespace borderline::renderer
