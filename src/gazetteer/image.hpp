// The gazetteer's image: the flat layout that is both its in-memory form and
// the body of the cache file (gazetteer.bin). Internal to src/gazetteer/.
//
// The file starts with a prefix (magic, format, the cache key), then the
// image: a header, fixed-size entry records, a string pool and the indexes
// (open-addressing tables over string blobs), all flat arrays, each 8-aligned.
// Loading maps the file and points into it, so start-up reads only the pages
// a run touches; a built gazetteer holds the same image in memory.
#pragma once

#include <borderline/gazetteer.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace borderline {

namespace gazetteer_image {

inline constexpr std::uint32_t kFormat = 6;  // 5: index slots carry a hash tag; 6: feature kind

inline std::uint64_t hash_key(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

// A slot of an index: the key's number + 1 in the low half (0 = empty), the
// high half of the key's hash in the high half. The table is addressed by
// the low bits of the hash, so the high ones tell most keys that share a
// run of slots apart without reading their strings.
inline std::uint64_t make_slot(std::uint64_t hash, std::size_t index) {
    return (hash & 0xFFFFFFFF00000000ull) | static_cast<std::uint32_t>(index + 1);
}

// The image's sections, in file order.
enum Section : std::size_t {
    records,
    strings,
    name_blob,
    name_offsets,
    name_slots,
    ref_begin,
    refs,
    flags,
    id_blob,
    id_offsets,
    id_slots,
    capitals,
    section_count
};

// The image starts with this, then the sections, each 8-aligned. Offsets are
// from the start of the image.
struct ImageHeader {
    char magic[8];
    std::uint32_t max_words;
    std::uint32_t entry_count;
    std::uint64_t section[section_count][2];  // offset, size in bytes
};
inline constexpr char kImageMagic[8] = {'B', 'L', 'G', 'Z', 'I', 'M', 'G', '\0'};

// One entry in the image. Written whole (padding zeroed) so equal input gives
// equal bytes; the id is key i of the id index.
struct Record {
    double lon;
    double lat;
    std::int64_t population;
    std::uint32_t str[3][2];  // name, country, admin1: offset and size in the string pool
    std::int32_t rank;
    std::uint8_t kind;
    std::uint8_t capital;
    std::uint8_t feature_kind;  // index into kFeatureKinds
    std::uint8_t pad;
};
static_assert(sizeof(Record) == 56 && std::is_trivially_copyable_v<Record>);
static_assert(sizeof(NameRef) == 8 && std::is_trivially_copyable_v<NameRef>);

// Lays the image out section by section.
class ImageWriter {
public:
    ImageWriter() : out_(sizeof(ImageHeader), '\0') {}
    void section(Section s, std::string_view bytes);
    template <class T>
    void section(Section s, const std::vector<T>& v) {
        section(s, std::string_view(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T)));
    }
    // An open-addressing index over `keys` (unique; key i has value i) in
    // sections `blob` and the two after it: blob, offsets, slots.
    void index(Section blob, const std::vector<std::string>& keys);
    std::string finish(std::size_t max_words, std::size_t entries);

private:
    std::string out_;
    ImageHeader header_{};
};

}  // namespace gazetteer_image

// Reads and writes the cache file, and points a Gazetteer into an image.
class GazetteerFile {
public:
    // Point `g` at `image` (the part of `owner` after the file's key). False
    // when its layout is not that of this code.
    static bool attach(Gazetteer& g, std::shared_ptr<const void> owner, std::string_view image);
    static bool read(Gazetteer& g, const std::filesystem::path& path, const std::string& key);
    static bool write(const Gazetteer& g, const std::filesystem::path& path, const std::string& key);
};

}  // namespace borderline
