// Text every output format accepts (see safe_text.hpp).
#include <borderline/safe_text.hpp>

#include <utf8proc.h>

namespace borderline {

namespace {

bool printable(utf8proc_int32_t c) {
    if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
    if (c >= 0x7F && c <= 0x9F) return false;
    if (c >= 0xFDD0 && c <= 0xFDEF) return false;
    return (c & 0xFFFE) != 0xFFFE;
}

}  // namespace

std::string printable_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        utf8proc_int32_t c = -1;
        // utf8proc refuses overlong forms and encoded surrogates.
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &c);
        if (n <= 0) {
            out += ' ';
            ++i;
            continue;
        }
        if (printable(c)) {
            out.append(s, i, static_cast<std::size_t>(n));
        } else {
            out += ' ';
        }
        i += static_cast<std::size_t>(n);
    }
    return out;
}

}  // namespace borderline
