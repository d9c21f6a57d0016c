// Style: colours, line widths and fonts, read from a JSON file in styles/.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace borderline {

struct Colour {
    double r = 0, g = 0, b = 0, a = 1;
};

/// Parse "#rrggbb" or "#rrggbbaa".
Colour parse_colour(const std::string& hex);

struct Style {
    std::string name = "default";
    Colour paper{1, 1, 1, 1};                ///< title band, footer, legend
    Colour background{0.78, 0.86, 0.92, 1};  ///< sea
    Colour land{0.96, 0.95, 0.92, 1};
    Colour water{0.78, 0.86, 0.92, 1};
    Colour river{0.55, 0.70, 0.85, 1};
    Colour country_outline{0.45, 0.45, 0.45, 1};
    Colour boundary{0.35, 0.35, 0.38, 1};
    Colour disputed_boundary{0.75, 0.15, 0.15, 1};
    Colour maritime_boundary{0.35, 0.47, 0.62, 1};  ///< median, treaty and claim lines at sea
    Colour text{0.15, 0.15, 0.18, 1};
    Colour halo{1, 1, 1, 0.85};
    Colour frame{0.3, 0.3, 0.3, 1};
    std::vector<Colour> parties;
    double boundary_width = 1.2;
    double river_width = 0.8;
    std::string font = "Noto Sans";
    double title_size = 22;
    double label_size = 13;
    /// The style's names file (house spellings), resolved: a bundled name is
    /// styles/names/NAME.tsv, a path is relative to the style file. Empty:
    /// the bundled default names only.
    std::filesystem::path names;
};

/// The file a style name or path stands for: STYLES_DIR/NAME.json for a
/// bundled style's name (DataPaths::styles), else the path itself. Does not
/// check that it exists.
std::filesystem::path style_file(const std::string& name_or_path, const std::filesystem::path& styles_dir);
/// The same in the build tree's styles folder.
std::filesystem::path style_file(const std::string& name_or_path);

/// The file a names file's name or path stands for: styles/names/NAME.tsv
/// for a bundled name ("default"), else the path (relative to `base` when
/// given and the path is relative).
std::filesystem::path names_file(const std::string& name_or_path, const std::filesystem::path& base = {},
                                 const std::filesystem::path& styles_dir = {});

/// A style file's bytes, read with the bound every style has (1 MiB);
/// throws InputError.
std::string read_style_bytes(const std::filesystem::path& file);

/// Read a style file. Throws InputError naming the file, the line and the key
/// when the file is not valid JSON or a key has the wrong type.
Style load_style(const std::filesystem::path& file);

/// Parse a style from JSON text; `source_name` names it in errors.
Style parse_style(std::string_view json_text, const std::string& source_name);

/// The style named `name_or_path`: a path to a JSON file, or the name of a
/// bundled style in `styles_dir` ("default").
Style find_style(const std::string& name_or_path, const std::filesystem::path& styles_dir);
/// The same in the build tree's styles folder.
Style find_style(const std::string& name_or_path);

}  // namespace borderline
