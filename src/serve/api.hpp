// The HTTP API's work, without HTTP: each call takes what the request
// carried and returns the status, type and body to answer with. The server
// (server.cpp) only moves bytes; tests and the server share this.
#pragma once

#include <borderline/gazetteer.hpp>
#include <borderline/geodata.hpp>
#include <borderline/style.hpp>

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace borderline::serve {

struct Reply {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::map<std::string, std::string> headers;
};

/// {"error": message} with this status.
Reply error_reply(int status, const std::string& message);

/// Query parameters (the last value of each name).
using Params = std::map<std::string, std::string>;

/// The data a server answers from: layers, gazetteer and bundled styles,
/// loaded once and read (never changed) by every worker thread.
class Desk {
public:
    explicit Desk(const DataPaths& paths);

    /// POST /api/extract: the article's bytes -> the extract document.
    /// `content_type` picks the reader (text/markdown, text/html,
    /// application/json); otherwise the bytes are sniffed as the CLI does.
    [[nodiscard]] Reply extract(std::string_view body, const std::string& content_type, std::size_t max_bytes) const;

    /// POST /api/render: an article (raw body, or JSON {"article": ...}) or
    /// a scene document (JSON {"scene": ...}), plus overrides from the JSON
    /// fields or the query -> PNG, SVG, PDF, GeoJSON or the scene document.
    [[nodiscard]] Reply render(std::string_view body, const std::string& content_type, const Params& query,
                               const std::string& accept, std::size_t max_bytes) const;

    /// GET /api/disputes?q=: registry entries whose name, alias, id or party matches.
    [[nodiscard]] Reply disputes(const Params& query) const;
    /// GET /api/places?q=&limit=: gazetteer entries named q.
    [[nodiscard]] Reply places(const Params& query) const;
    /// GET /api/styles: the bundled style names.
    [[nodiscard]] Reply styles() const;

    [[nodiscard]] const GeoData& data() const { return *data_; }

private:
    std::unique_ptr<GeoData> data_;
    std::unique_ptr<Gazetteer> gaz_;
    std::map<std::string, Style> styles_;
};

}  // namespace borderline::serve
