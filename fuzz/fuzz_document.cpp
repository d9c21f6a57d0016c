// libFuzzer target: article input in every format. The first byte picks the
// format (by file name); the rest is the article.
#include <borderline/document.hpp>
#include <borderline/error.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const char* const names[] = {"a.txt", "a.md", "a.html", "a.json"};
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    try {
        borderline::ReadOptions ro;
        ro.max_bytes = 1u << 20;
        const auto doc = borderline::make_document(bytes, names[data[0] % 4], ro);
        // Every token and sentence lies inside the text.
        for (const auto& t : doc.tokens) {
            if (t.span.end > doc.text.size() || t.span.start > t.span.end) __builtin_trap();
        }
        for (const auto& s : doc.sentences) {
            if (s.end > doc.text.size() || s.start > s.end) __builtin_trap();
        }
    } catch (const borderline::Error&) {
    }
    return 0;
}
