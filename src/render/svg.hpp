// SVG post-processing of Cairo's output.
#pragma once

#include <borderline/scene.hpp>

#include <string>

namespace borderline::renderer {

std::string xml_escape(const std::string& in);

/// Put the map's title and alt text into the SVG as <title> and <desc>.
std::string add_svg_description(const std::string& svg, const Scene& scene);

/// Cairo numbers SVG surfaces with a process-wide counter, so the second map
/// drawn by one process would differ from the first. Renumber them in order
/// of appearance so that equal scenes give equal bytes.
std::string renumber_svg_surfaces(const std::string& svg);

}  // namespace borderline::renderer
