// SVG post-processing: title and description, stable surface ids.
#include "svg.hpp"

#include <cctype>
#include <map>

namespace borderline::renderer {

std::string xml_escape(const std::string& in) {
    std::string out;
    for (char c : in) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string add_svg_description(const std::string& svg, const Scene& scene) {
    const auto open = svg.find("<svg");
    const auto end = open == std::string::npos ? open : svg.find('>', open);
    if (end == std::string::npos) return svg;
    return svg.substr(0, end + 1) + "\n<title>" + xml_escape(scene.title) + "</title>\n<desc>" +
           xml_escape(scene.alt_text) + "</desc>" + svg.substr(end + 1);
}

std::string renumber_svg_surfaces(const std::string& svg) {
    static const std::string key = "surface";
    std::string out;
    out.reserve(svg.size());
    std::map<std::string, int> ids;
    std::size_t i = 0;
    while (i < svg.size()) {
        const auto at = svg.find(key, i);
        if (at == std::string::npos) {
            out.append(svg, i, std::string::npos);
            break;
        }
        std::size_t end = at + key.size();
        while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end]))) ++end;
        out.append(svg, i, at - i);
        if (end == at + key.size()) {
            out += key;
        } else {
            const std::string num = svg.substr(at + key.size(), end - at - key.size());
            const auto it = ids.emplace(num, static_cast<int>(ids.size()) + 1).first;
            out += key + std::to_string(it->second);
        }
        i = end;
    }
    return out;
}

}  // namespace borderline::renderer
