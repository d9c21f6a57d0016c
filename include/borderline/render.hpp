// Render: draw a Scene with Cairo and Pango onto PNG, SVG or PDF.
#pragma once

#include <borderline/geodata.hpp>
#include <borderline/scene.hpp>
#include <borderline/style.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace borderline {

enum class OutputFormat { png, svg, pdf };

/// The format an output name asks for (by extension); throws UsageError.
OutputFormat format_for(const std::string& path);

/// Draw the scene and return the encoded file's bytes.
std::string render_to_bytes(const Scene& scene, const GeoData& data, const Style& style, OutputFormat format);

/// A box the map reserves for text or furniture, in pixels.
struct LabelBox {
    std::string what;  ///< the label's text, "marker: NAME", "legend", "scale bar", "locator inset"
    double x = 0, y = 0, w = 0, h = 0;
};

/// The boxes of every label, marker and piece of furniture placed on the map
/// of this scene, as drawing would place them.
std::vector<LabelBox> layout_labels(const Scene& scene, const GeoData& data, const Style& style);

/// Where a lon/lat point lands on the rendered map, in pixels from the top
/// left; false when it has no projection. Lets tests and callers find a
/// place on the image.
bool project_to_pixel(const Scene& scene, LonLat where, double& x, double& y);

/// True when the font family is installed (Pango falls back otherwise).
bool font_available(const std::string& family);

/// Load the layers a map draws (countries, provinces, water, boundaries),
/// which drawing otherwise loads on first use: lets a second thread do it
/// while the article is parsed. A layer that cannot be read is left for
/// drawing to report. `provinces`: also the admin-1 layer, the largest,
/// which maps draw only for the parties of an article (a base map has none).
void load_map_layers(const GeoData& data, bool provinces = true);

/// Write bytes to `path` whole or not at all (temporary file + rename); "-"
/// writes to standard output. An existing target that is not a regular file
/// (/dev/stdout, a FIFO, a device, a symbolic link) is written through as it
/// is, never renamed over. Throws OutputError.
void write_atomically(const std::string& path, const std::string& bytes);

/// The owner part of a temporary file's name: 16 hex digits of SHA-256 over
/// the full host name, the boot id and the PID namespace, so that two hosts,
/// two boots or two containers never share it (a PID is only judged where
/// it means something) while the name stays short.
std::string temporary_owner_tag(std::string_view host, std::string_view boot_id, std::string_view pid_namespace);

/// This process's tag (host name, /proc/sys/kernel/random/boot_id,
/// /proc/self/ns/pid).
std::string temporary_owner_tag();

/// Remove the temporary files that write_atomically left in `dir` when its
/// process was killed (.NAME.tmp-TAGpPID-XXXXXX, NAME cut to 64 bytes, TAG
/// this process's owner tag, PID no longer running); those of live processes
/// and of other hosts, boots or containers, such as other shards, are kept.
/// Returns how many were removed.
std::size_t remove_stale_temporaries(const std::filesystem::path& dir);

}  // namespace borderline
