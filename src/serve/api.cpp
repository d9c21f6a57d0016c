// The API's requests, read strictly: every field is checked and named in the
// error, nothing from a request is ever used as a path, and every error a
// request can cause is a 4xx with one line of JSON.
#include "serve/api.hpp"

#include <borderline/disputes.hpp>
#include <borderline/edits.hpp>
#include <borderline/error.hpp>
#include <borderline/extract.hpp>
#include <borderline/place_id.hpp>
#include <borderline/render.hpp>
#include <borderline/scene_json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace borderline::serve {

using nlohmann::json;

Reply error_reply(int status, const std::string& message) {
    Reply r;
    r.status = status;
    r.body = json{{"error", message}}.dump() + "\n";
    return r;
}

namespace {

/// A request that cannot be served as asked; `status` is the HTTP status.
struct RequestError : std::runtime_error {
    RequestError(int s, const std::string& m) : std::runtime_error(m), status(s) {}
    int status;
};

[[noreturn]] void bad(const std::string& field, const std::string& what) {
    throw RequestError(400, field + ": " + what);
}

Reply json_reply(const json& j) {
    Reply r;
    r.body = j.dump(2) + "\n";
    return r;
}

/// Runs a request's work and turns every failure into its status.
template <class F>
Reply guarded(F&& work) {
    try {
        return work();
    } catch (const RequestError& e) {
        return error_reply(e.status, e.what());
    } catch (const NothingToMapError& e) {
        return error_reply(422, e.what());
    } catch (const DataError& e) {
        // The server's installation, not the request: the one 500.
        return error_reply(500, e.what());
    } catch (const OutputError& e) {
        return error_reply(500, e.what());
    } catch (const Error& e) {
        return error_reply(400, e.what());
    } catch (const json::exception& e) {
        return error_reply(400, std::string("body: ") + e.what());
    } catch (const std::bad_alloc&) {
        return error_reply(413,
                           "the request needs more memory than the server gives one map; send a smaller input or size");
    } catch (const std::exception& e) {
        return error_reply(500, std::string("internal error: ") + e.what());
    }
}

/// The name that tells make_document which reader to use, from a
/// Content-Type or an "input" field; "" lets it sniff the bytes.
std::string reader_name(const std::string& kind, const std::string& field) {
    std::string k = kind.substr(0, kind.find(';'));
    k.erase(std::remove_if(k.begin(), k.end(), [](unsigned char c) { return std::isspace(c); }), k.end());
    std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return std::tolower(c); });
    if (k.empty() || k == "text" || k == "text/plain" || k == "application/octet-stream" ||
        k == "application/x-www-form-urlencoded") {
        return "article";
    }
    if (k == "markdown" || k == "text/markdown" || k == "text/x-markdown") return "article.md";
    if (k == "html" || k == "text/html" || k == "application/xhtml+xml") return "article.html";
    if (k == "json" || k == "application/json") return "article.json";
    bad(field, "'" + kind + "' is not an article format; use text, markdown, html or json");
}

/// A render request's settings, from the query and then the JSON body.
struct RenderRequest {
    std::string article;
    bool has_article = false;
    std::string input;  ///< reader: text, markdown, html, json ("" sniffs)
    std::optional<json> scene;
    std::string format;
    std::string style = "default";
    std::optional<Size> size;
    std::optional<Box> bbox;
    std::string worldview;
    std::optional<std::string> title, subtitle;
    double dpi = 96;
    std::vector<std::string> drop_places;
    std::vector<std::size_t> drop_claims;  ///< claim start offsets
    std::map<std::string, std::string> rename;
    SceneEdits edits;  ///< lang, source, note, markers, units, no_inset: as render's options
};

Size size_from(const json& v) {
    double w = 0, h = 0;
    if (v.is_array() && v.size() == 2 && v[0].is_number() && v[1].is_number()) {
        w = v[0].get<double>();
        h = v[1].get<double>();
    } else if (v.is_string()) {
        const std::string s = v.get<std::string>();
        const auto x = s.find('x');
        char* end = nullptr;
        if (x != std::string::npos) {
            w = std::strtod(s.c_str(), &end);
            if (end != s.c_str() + x) w = 0;
            h = std::strtod(s.c_str() + x + 1, &end);
            if (*end != '\0') h = 0;
        }
    }
    if (!(w >= 200 && h >= 150 && w <= 20000 && h <= 20000) || w != std::floor(w) || h != std::floor(h)) {
        bad("size", "must be WIDTHxHEIGHT in pixels such as \"1600x1000\" (200x150 to 20000x20000)");
    }
    return {static_cast<int>(w), static_cast<int>(h)};
}

Box bbox_from(const json& v) {
    std::vector<double> n;
    if (v.is_array()) {
        for (const auto& e : v) {
            if (!e.is_number()) bad("bbox", "must be [west, south, east, north] in degrees");
            n.push_back(e.get<double>());
        }
    } else if (v.is_string()) {
        std::string s = v.get<std::string>();
        std::size_t pos = 0;
        while (pos <= s.size()) {
            const auto comma = std::min(s.find(',', pos), s.size());
            const std::string part = s.substr(pos, comma - pos);
            char* end = nullptr;
            const double d = std::strtod(part.c_str(), &end);
            if (part.empty() || *end != '\0') bad("bbox", "must be W,S,E,N in degrees such as 43,38.2,51,42.2");
            n.push_back(d);
            pos = comma + 1;
        }
    }
    if (n.size() != 4 || !(n[0] < n[2]) || !(n[1] < n[3]) || n[0] < -180 || n[2] > 180 || n[1] < -90 || n[3] > 90) {
        bad("bbox", "must be W,S,E,N in degrees with W<E and S<N, inside -180..180 and -90..90");
    }
    return {n[0], n[1], n[2], n[3]};
}

std::string string_field(const json& v, const std::string& field) {
    if (!v.is_string()) bad(field, "must be a string");
    return v.get<std::string>();
}

/// Sets one setting; `v` is a JSON value, or a string from the query.
void apply_field(RenderRequest& r, const std::string& key, const json& v) {
    if (key == "article") {
        r.article = string_field(v, key);
        r.has_article = true;
    } else if (key == "input") {
        r.input = string_field(v, key);
    } else if (key == "scene") {
        if (!v.is_object()) bad("scene", "must be a scene document (an object)");
        r.scene = v;
    } else if (key == "format") {
        r.format = string_field(v, key);
    } else if (key == "style") {
        r.style = string_field(v, key);
    } else if (key == "size") {
        r.size = size_from(v);
    } else if (key == "bbox") {
        r.bbox = bbox_from(v);
    } else if (key == "worldview") {
        r.worldview = string_field(v, key);
    } else if (key == "title") {
        r.title = string_field(v, key);
    } else if (key == "subtitle") {
        r.subtitle = string_field(v, key);
    } else if (key == "dpi") {
        double d = 0;
        if (v.is_number()) d = v.get<double>();
        if (v.is_string()) d = std::strtod(v.get<std::string>().c_str(), nullptr);
        if (!(d >= 24 && d <= 2400)) bad("dpi", "must be a number from 24 to 2400");
        r.dpi = d;
    } else if (key == "drop_places") {
        if (!v.is_array()) bad(key, "must be an array of place ids such as \"country:ARM\"");
        for (const auto& e : v) r.drop_places.push_back(string_field(e, key + "[]"));
    } else if (key == "drop_claims") {
        if (!v.is_array()) bad(key, "must be an array of claim start offsets (the extract document's claims[].start)");
        for (const auto& e : v) {
            if (!e.is_number_unsigned()) bad(key + "[]", "must be a claim's start offset (a whole number)");
            r.drop_claims.push_back(e.get<std::size_t>());
        }
    } else if (key == "rename") {
        if (!v.is_object()) bad(key, "must be an object mapping place ids to new names");
        for (const auto& [id, name] : v.items()) r.rename[id] = string_field(name, "rename." + id);
    } else if (key == "lang" || key == "language") {
        r.edits.lang = string_field(v, key);
    } else if (key == "source") {
        r.edits.source = string_field(v, key);
    } else if (key == "note") {
        r.edits.note = string_field(v, key);
    } else if (key == "units") {
        r.edits.units = string_field(v, key);
    } else if (key == "no_inset") {
        if (!v.is_boolean() && !(v.is_string() && (v == "true" || v == "false"))) bad(key, "must be true or false");
        r.edits.no_inset = v.is_boolean() ? v.get<bool>() : v == "true";
    } else if (key == "markers") {
        // As render --marker: "LON,LAT[,LABEL]" strings.
        if (v.is_string()) {
            r.edits.markers.push_back(v.get<std::string>());
        } else {
            if (!v.is_array()) bad(key, "must be an array of \"LON,LAT[,LABEL]\" strings");
            for (const auto& e : v) r.edits.markers.push_back(string_field(e, key + "[]"));
        }
    } else {
        bad(key, "is not a render setting; see docs/api.md");
    }
}

/// The format asked for by the field, else by Accept, else PNG.
std::string pick_format(const std::string& field, const std::string& accept) {
    static const std::vector<std::pair<std::string, std::string>> kTypes = {
        {"image/png", "png"},
        {"image/svg+xml", "svg"},
        {"application/pdf", "pdf"},
        {"application/geo+json", "geojson"},
        {"application/vnd.borderline.scene+json", "scene"}};
    if (!field.empty()) {
        for (const auto& [type, name] : kTypes) {
            if (field == name) return name;
        }
        bad("format", "'" + field + "' is not a format; use png, svg, pdf, geojson or scene");
    }
    for (const auto& [type, name] : kTypes) {
        if (accept.find(type) != std::string::npos) return name;
    }
    return "png";
}

const char* content_type_of(const std::string& format) {
    if (format == "svg") return "image/svg+xml";
    if (format == "pdf") return "application/pdf";
    if (format == "geojson") return "application/geo+json";
    if (format == "scene") return "application/json";
    return "image/png";
}

/// Percent-encoded, so any text fits in a header.
std::string header_safe(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == ' ' || c == '.' || c == ',' || c == '-' || c == '_') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

/// Renames and drops that work on any scene: markers and party names.
void edit_scene(Scene& s, const RenderRequest& r) {
    if (!r.drop_places.empty()) {
        std::erase_if(s.markers, [&](const Marker& m) {
            return std::find(r.drop_places.begin(), r.drop_places.end(), m.place_id) != r.drop_places.end();
        });
    }
    for (auto& m : s.markers) {
        if (auto it = r.rename.find(m.place_id); it != r.rename.end()) m.name = it->second;
    }
    for (auto* list : {&s.parties, &s.mentioned}) {
        for (auto& p : *list) {
            if (auto it = r.rename.find(PlaceId::country(p.country).str()); it != r.rename.end()) p.name = it->second;
        }
    }
    if (r.title) s.title = *r.title;
    if (r.subtitle) s.subtitle = *r.subtitle;
    if (r.size) s.size = *r.size;
    s.dpi = r.dpi;
}

}  // namespace

Desk::Desk(const DataPaths& paths)
    : data_(std::make_unique<GeoData>(paths)), gaz_(std::make_unique<Gazetteer>(*data_)) {
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(paths.styles, ec)) {
        if (f.path().extension() == ".json") styles_.emplace(f.path().stem().string(), load_style(f.path()));
    }
    if (styles_.empty()) throw DataError(paths.styles.string() + ": no bundled style found; reinstall borderline");
    // Everything a map draws is read now, not by the first request.
    load_map_layers(*data_);
    (void)data_->disputes();
}

Reply Desk::extract(std::string_view body, const std::string& content_type, std::size_t max_bytes) const {
    return guarded([&] {
        if (body.empty()) bad("body", "is empty; send the article's text, HTML, Markdown or JSON");
        ReadOptions ro;
        ro.max_bytes = max_bytes;
        Document doc = make_document(body, reader_name(content_type, "Content-Type"), ro);
        Extraction x = borderline::extract(std::move(doc), *gaz_, *data_, SceneOptions{});
        // Spelled as `borderline extract` spells it: the default style's names.
        const auto plain = styles_.find("default");
        apply_names(x.scene,
                    house_names(plain != styles_.end() ? plain->second : Style{}, {}, {}, data_->paths().styles),
                    *data_);
        return json_reply(to_json(x, *gaz_));
    });
}

Reply Desk::render(std::string_view body, const std::string& content_type, const Params& query,
                   const std::string& accept, std::size_t max_bytes) const {
    return guarded([&] {
        RenderRequest r;
        for (const auto& [k, v] : query) apply_field(r, k, k == "size" || k == "bbox" ? json(v) : json(v));
        const auto first = body.find_first_not_of(" \t\r\n");
        const bool json_body =
            content_type.rfind("application/json", 0) == 0 || (first != std::string_view::npos && body[first] == '{');
        bool wrapped = false;
        if (json_body) {
            json j;
            try {
                j = json::parse(body);
            } catch (const json::parse_error& e) {
                bad("body", std::string("is not valid JSON: ") + e.what());
            }
            // A request object names its article, scene or bbox; any other
            // JSON object is itself an article ({"title": ..., "text": ...}).
            wrapped = j.is_object() && (j.contains("article") || j.contains("scene") || j.contains("bbox"));
            if (wrapped) {
                for (const auto& [k, v] : j.items()) apply_field(r, k, v);
            }
        }
        if (!wrapped && !body.empty()) {
            r.article = std::string(body);
            r.has_article = true;
            if (r.input.empty()) r.input = content_type;
        }
        const auto style = styles_.find(r.style);
        if (style == styles_.end()) {
            std::string names;
            for (const auto& [n, s] : styles_) names += (names.empty() ? "" : ", ") + n;
            bad("style", "'" + r.style + "' is not a bundled style; use one of " + names);
        }
        const std::string format = pick_format(r.format, accept);
        SceneOptions so;
        if (r.size) so.size = *r.size;
        so.bbox = r.bbox;
        so.dpi = r.dpi;
        if (!r.worldview.empty()) {
            so.worldview = r.worldview;
            for (auto& c : so.worldview) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (!data_->disputes().is_party(so.worldview)) {
                bad("worldview", "'" + r.worldview + "' is not a party to any bundled dispute; see GET /api/disputes");
            }
        }
        if (r.has_article + r.scene.has_value() > 1) bad("scene", "send an article or a scene, not both");
        Scene scene;
        std::optional<Extraction> x;
        if (r.scene) {
            if (!r.drop_claims.empty()) bad("drop_claims", "works with an article; edit the scene's callouts instead");
            scene = scene_from_json(*r.scene);
            if (r.bbox) {
                scene.bbox = *r.bbox;
                scene.projection = choose_projection(*r.bbox);
            }
            if (!r.worldview.empty()) scene.worldview = so.worldview;
            edit_saved_scene(scene, r.edits, NameTable{}, *data_);
        } else if (r.has_article) {
            if (r.article.empty()) bad("article", "is empty; send the article's text");
            ReadOptions ro;
            ro.max_bytes = max_bytes;
            Document doc = make_document(r.article, reader_name(r.input, "input"), ro);
            x = borderline::extract(std::move(doc), *gaz_, *data_, so, r.drop_places);
            if (!r.drop_claims.empty()) {
                auto& co = x->scene.callouts;
                std::erase_if(co, [&](const Callout& c) {
                    return c.claim < x->claims.size() &&
                           std::find(r.drop_claims.begin(), r.drop_claims.end(), x->claims[c.claim].span.start) !=
                               r.drop_claims.end();
                });
                for (std::size_t i = 0; i < co.size(); ++i) co[i].number = static_cast<int>(i + 1);
            }
            // The house spelling and the edits, as `borderline render --style` gives them.
            edit_saved_scene(x->scene, r.edits, house_names(style->second, {}, r.edits.lang, data_->paths().styles),
                             *data_);
            scene = x->scene;
        } else if (r.bbox) {
            scene = plan_base_scene(*r.bbox, so, *data_);
            edit_saved_scene(scene, r.edits, NameTable{}, *data_);
        } else {
            bad("article", "is required (or scene, or bbox for a base map)");
        }
        edit_scene(scene, r);
        Reply out;
        out.content_type = content_type_of(format);
        out.headers["X-Alt-Text"] = header_safe(scene.alt_text);
        if (format == "geojson") {
            if (!x) bad("format", "geojson needs an article (the places come from its extraction)");
            x->scene = scene;
            out.body = to_geojson(*x, *gaz_, *data_).dump() + "\n";
        } else if (format == "scene") {
            out.body = scene_to_json(scene).dump(2) + "\n";
        } else {
            const OutputFormat f = format == "svg"   ? OutputFormat::svg
                                   : format == "pdf" ? OutputFormat::pdf
                                                     : OutputFormat::png;
            out.body = render_to_bytes(scene, *data_, style->second, f);
        }
        return out;
    });
}

Reply Desk::disputes(const Params& query) const {
    return guarded([&] {
        const auto q = query.find("q");
        json out = json::array();
        for (const Dispute* d : data_->disputes().search(q == query.end() ? "" : q->second))
            out.push_back(to_json(*d, *data_));
        return json_reply(out);
    });
}

Reply Desk::places(const Params& query) const {
    return guarded([&] {
        const auto q = query.find("q");
        if (q == query.end() || q->second.empty()) bad("q", "is required: the name to look up, e.g. ?q=Yerevan");
        if (q->second.size() > 200) bad("q", "is longer than 200 bytes; send a place name");
        std::size_t limit = 20;
        if (const auto l = query.find("limit"); l != query.end()) {
            char* end = nullptr;
            const long n = std::strtol(l->second.c_str(), &end, 10);
            if (l->second.empty() || *end != '\0' || n < 1 || n > 1000)
                bad("limit", "must be a whole number from 1 to 1000");
            limit = static_cast<std::size_t>(n);
        }
        auto hits = gaz_->lookup(q->second);
        if (hits.size() > limit) hits.resize(limit);
        json out = json::array();
        for (auto i : hits) out.push_back(to_json(gaz_->entry(i)));
        return json_reply(out);
    });
}

Reply Desk::styles() const {
    json out = json::array();
    for (const auto& [name, s] : styles_) out.push_back(name);
    return json_reply(out);
}

}  // namespace borderline::serve
