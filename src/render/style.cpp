// Style files: JSON with colours ("#rrggbb[aa]"), widths and fonts. Every key
// is optional (the default style fills the rest); an unknown key or a value
// of the wrong type is an error that names the file, line and key.
#include <borderline/error.hpp>
#include <borderline/geodata.hpp>
#include <borderline/input.hpp>
#include <borderline/style.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>

namespace borderline {

namespace {

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::size_t line_of_key(const std::string& text, const std::string& key) {
    const auto at = text.find("\"" + key + "\"");
    if (at == std::string::npos) return 0;
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace

Colour parse_colour(const std::string& s) {
    if ((s.size() != 7 && s.size() != 9) || s[0] != '#')
        throw std::invalid_argument("colour must be #rrggbb or #rrggbbaa");
    double v[4] = {0, 0, 0, 1};
    for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
        const int hi = hex(s[i + 1]), lo = i + 2 < s.size() ? hex(s[i + 2]) : -1;
        if (hi < 0 || lo < 0) throw std::invalid_argument("colour must be #rrggbb or #rrggbbaa");
        v[i / 2] = (hi * 16 + lo) / 255.0;
    }
    return {v[0], v[1], v[2], v[3]};
}

std::string read_style_bytes(const std::filesystem::path& file) {
    InputBounds bounds;
    // A style is a few hundred bytes; a megabyte is room for any comment.
    bounds.max_bytes = 1024 * 1024;
    bounds.streams = true;  // --style <(...) is the user's choice
    bounds.over_limit_hint = "a style is a small JSON object of colours and sizes";
    try {
        return read_bounded(file.string(), bounds);
    } catch (const InputError& e) {
        throw InputError(std::string("style ") + e.what());
    }
}

Style load_style(const std::filesystem::path& file) { return parse_style(read_style_bytes(file), file.string()); }

Style parse_style(std::string_view json_text, const std::string& source_name) {
    const std::string text(json_text);
    const std::filesystem::path file(source_name);
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        const auto upto = std::min<std::size_t>(e.byte, text.size());
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(upto), '\n');
        throw InputError("style " + file.string() + ":" + std::to_string(line) + ": not valid JSON; fix the syntax");
    } catch (const nlohmann::json::exception&) {  // out_of_range: a number such as 1e400
        throw InputError("style " + file.string() + ": a number is out of range; fix the value");
    }
    if (!j.is_object()) throw InputError("style " + file.string() + ":1: must be a JSON object of style keys");
    Style st;
    std::map<std::string, Colour*> colours{{"paper", &st.paper},
                                           {"background", &st.background},
                                           {"land", &st.land},
                                           {"water", &st.water},
                                           {"river", &st.river},
                                           {"country_outline", &st.country_outline},
                                           {"boundary", &st.boundary},
                                           {"disputed_boundary", &st.disputed_boundary},
                                           {"maritime_boundary", &st.maritime_boundary},
                                           {"text", &st.text},
                                           {"halo", &st.halo},
                                           {"frame", &st.frame}};
    std::map<std::string, double*> numbers{{"boundary_width", &st.boundary_width},
                                           {"river_width", &st.river_width},
                                           {"title_size", &st.title_size},
                                           {"label_size", &st.label_size}};
    auto fail = [&](const std::string& key, const std::string& what) {
        throw InputError("style " + file.string() + ":" + std::to_string(line_of_key(text, key)) + ": key \"" + key +
                         "\" " + what);
    };
    for (const auto& [key, value] : j.items()) {
        if (key == "names") {
            if (!value.is_string() || value.get<std::string>().empty())
                fail(key, "must be a names file's name or path");
            st.names = names_file(value.get<std::string>(), file.parent_path());
        } else if (key == "name" || key == "description" || key == "font") {
            if (!value.is_string()) fail(key, "must be a string");
            if (key == "name") st.name = value.get<std::string>();
            if (key == "font") st.font = value.get<std::string>();
        } else if (auto c = colours.find(key); c != colours.end()) {
            if (!value.is_string()) fail(key, "must be a colour string like \"#336699\"");
            try {
                *c->second = parse_colour(value.get<std::string>());
            } catch (const std::invalid_argument& e) {
                fail(key, e.what());
            }
        } else if (auto n = numbers.find(key); n != numbers.end()) {
            if (!value.is_number() || value.get<double>() <= 0 || value.get<double>() > 200) {
                fail(key, "must be a positive number (at most 200)");
            }
            *n->second = value.get<double>();
        } else if (key == "parties") {
            if (!value.is_array() || value.empty()) fail(key, "must be a non-empty array of colours");
            st.parties.clear();
            for (const auto& v : value) {
                if (!v.is_string()) fail(key, "must hold colour strings");
                try {
                    st.parties.push_back(parse_colour(v.get<std::string>()));
                } catch (const std::invalid_argument& e) {
                    fail(key, e.what());
                }
            }
        } else {
            fail(key, "is not a style key (see styles/README.md)");
        }
    }
    if (st.parties.empty()) {
        st.parties = {parse_colour("#e8a33d"), parse_colour("#4f8fc0"), parse_colour("#8cb369"),
                      parse_colour("#c0504d"), parse_colour("#9b72b0"), parse_colour("#d4c44a")};
    }
    return st;
}

namespace {

/// A bare name without ".json" is a bundled style's; anything else a path.
bool is_bundled_style_name(const std::string& name_or_path) {
    return name_or_path.find('/') == std::string::npos && std::filesystem::path(name_or_path).extension() != ".json";
}

}  // namespace

std::filesystem::path style_file(const std::string& name_or_path, const std::filesystem::path& styles_dir) {
    const std::filesystem::path p(name_or_path);
    if (is_bundled_style_name(name_or_path)) {
        return styles_dir / (name_or_path + ".json");
    }
    return p;
}

std::filesystem::path names_file(const std::string& name_or_path, const std::filesystem::path& base,
                                 const std::filesystem::path& styles_dir) {
    const std::filesystem::path p(name_or_path);
    // A bare name without an extension is a bundled names file's, in the
    // styles folder of the data paths in use (the build's by default).
    if (name_or_path.find('/') == std::string::npos && !p.has_extension()) {
        return (styles_dir.empty() ? default_styles_dir() : styles_dir) / "names" / (name_or_path + ".tsv");
    }
    return p.is_relative() && !base.empty() ? base / p : p;
}

std::filesystem::path style_file(const std::string& name_or_path) {
    return style_file(name_or_path, default_styles_dir());
}

Style find_style(const std::string& name_or_path) { return find_style(name_or_path, default_styles_dir()); }

Style find_style(const std::string& name_or_path, const std::filesystem::path& styles_dir) {
    const std::filesystem::path p = style_file(name_or_path, styles_dir);
    std::error_code ec;
    if (is_bundled_style_name(name_or_path) && !std::filesystem::exists(p, ec)) {
        throw UsageError("unknown style '" + name_or_path +
                         "'; use a bundled style (default) or a path to a JSON file");
    }
    return load_style(p);
}

}  // namespace borderline
