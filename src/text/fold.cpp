// Folding for matching: utf8proc does case folding and strips accents; a
// few letters that have no decomposition (ı, ə, ø, ł ...) are mapped by hand,
// and punctuation that news text writes in several ways is unified.
#include <borderline/fold.hpp>

#include <utf8proc.h>

#include <algorithm>
#include <vector>

namespace borderline {

namespace {

// Letters without a canonical decomposition, as news transliterates them.
const char* special_letter(utf8proc_int32_t c) {
    switch (c) {
        case 0x0131:
            return "i";  // dotless i (Laçın)
        case 0x0259:
        case 0x018F:
            return "a";  // schwa (Gədəbəy)
        case 0x00F8:
        case 0x00D8:
            return "o";
        case 0x0142:
        case 0x0141:
            return "l";
        case 0x0111:
        case 0x0110:
            return "d";
        case 0x00E6:
        case 0x00C6:
            return "ae";
        case 0x0153:
        case 0x0152:
            return "oe";
        case 0x00FE:
        case 0x00DE:
            return "th";
        case 0x00DF:
            return "ss";
        default:
            return nullptr;
    }
}

bool is_dash_or_space(utf8proc_int32_t c) {
    if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '_') return true;
    const auto cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_PD || cat == UTF8PROC_CATEGORY_ZS;
}

bool is_apostrophe(utf8proc_int32_t c) {
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02BB || c == 0x0060 || c == 0x00B4;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

bool valid_utf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(bytes.size());
    while (left > 0) {
        if (*p < 0x80) {  // ASCII is valid: no need to ask utf8proc
            ++p;
            --left;
            continue;
        }
        utf8proc_int32_t c;
        const auto n = utf8proc_iterate(p, left, &c);
        if (n <= 0) return false;
        p += n;
        left -= n;
    }
    return true;
}

std::string fold(std::string_view utf8) {
    std::string out;
    fold_into(utf8, out);
    return out;
}

void fold_into(std::string_view utf8, std::string& out) {
    // Most tokens are ASCII letters and digits with nothing to drop or
    // replace: for those folding is lower-casing a copy, done here without
    // the byte-by-byte appends of the general loop below (same result).
    const bool plain = std::none_of(utf8.begin(), utf8.end(), [](char a) {
        return static_cast<unsigned char>(a) >= 0x80 || a == '-' || a == ' ' || a == '\t' || a == '\n' || a == '\r' ||
               a == '_' || a == '`';
    });
    if (plain) {
        out.assign(utf8);
        for (char& a : out) {
            if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        }
        return;
    }
    out.clear();
    out.reserve(utf8.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
    bool pending_space = false;
    utf8proc_int32_t buf[16];
    while (left > 0) {
        // ASCII, most of any English text, without utf8proc: the same result
        // (lower case; dashes, underscores and spaces one space; ` an
        // apostrophe) at a fraction of the cost.
        if (*p < 0x80) {
            const char a = static_cast<char>(*p++);
            --left;
            if (a == '-' || a == ' ' || a == '\t' || a == '\n' || a == '\r' || a == '_') {
                pending_space = !out.empty();
                continue;
            }
            if (pending_space) {
                out.push_back(' ');
                pending_space = false;
            }
            out.push_back(a == '`' ? '\'' : (a >= 'A' && a <= 'Z') ? static_cast<char>(a - 'A' + 'a') : a);
            continue;
        }
        utf8proc_int32_t c;
        auto n = utf8proc_iterate(p, left, &c);
        if (n <= 0) {  // invalid byte: skip it
            n = 1;
            c = -1;
        }
        p += n;
        left -= n;
        if (c < 0) continue;
        if (is_dash_or_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            pending_space = false;
        }
        if (is_apostrophe(c)) {
            out.push_back('\'');
            continue;
        }
        if (const char* s = special_letter(c)) {
            out += s;
            continue;
        }
        int last_boundclass = 0;
        const auto m = utf8proc_decompose_char(c, buf, 16,
                                               static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE |
                                                                              UTF8PROC_STRIPMARK | UTF8PROC_COMPAT),
                                               &last_boundclass);
        if (m <= 0 || m > 16) continue;
        for (utf8proc_ssize_t i = 0; i < m; ++i) {
            utf8proc_uint8_t enc[4];
            const auto k = utf8proc_encode_char(buf[i], enc);
            out.append(reinterpret_cast<const char*>(enc), static_cast<std::size_t>(k));
        }
    }
}

}  // namespace borderline
