// The gazetteer's image (see image.hpp): laying it out, reading it back from
// the mapped cache file, and the flat index over it.
#include "gazetteer/image.hpp"

#include "geodata/cache_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>

namespace borderline {

using namespace gazetteer_image;

// ---------------------------------------------------------------------------
// FlatIndex

std::int64_t FlatIndex::find(std::string_view key) const {
    if (slots_.empty()) return -1;
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t h = hash_key(key);
    const std::uint64_t tag = h & 0xFFFFFFFF00000000ull;
    std::size_t s = h & mask;
    // Bounded, so a damaged cache cannot loop forever.
    for (std::size_t n = 0; n < slots_.size(); ++n, s = (s + 1) & mask) {
        const std::uint64_t slot = slots_[s];
        const auto v = static_cast<std::uint32_t>(slot);
        if (v == 0 || v > size()) return -1;
        // Most probes end here: a different tag is a different key.
        if ((slot & 0xFFFFFFFF00000000ull) == tag && this->key(v - 1) == key) return v - 1;
    }
    return -1;
}

// ---------------------------------------------------------------------------
// Laying the image out

namespace gazetteer_image {

void ImageWriter::section(Section s, std::string_view bytes) {
    out_.resize((out_.size() + 7) / 8 * 8, '\0');
    header_.section[s][0] = out_.size();
    header_.section[s][1] = bytes.size();
    out_.append(bytes);
}

void ImageWriter::index(Section blob, const std::vector<std::string>& keys) {
    std::string bytes;
    std::vector<std::uint32_t> offsets(1, 0);
    for (const auto& k : keys) {
        bytes += k;
        offsets.push_back(static_cast<std::uint32_t>(bytes.size()));
    }
    std::size_t n = 16;
    while (n < keys.size() * 2) n *= 2;
    std::vector<std::uint64_t> slots(n, 0);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const std::uint64_t h = hash_key(keys[i]);
        std::size_t s = h & (n - 1);
        while (slots[s] != 0) s = (s + 1) & (n - 1);
        slots[s] = make_slot(h, i);
    }
    section(blob, bytes);
    section(static_cast<Section>(blob + 1), offsets);
    section(static_cast<Section>(blob + 2), slots);
}

std::string ImageWriter::finish(std::size_t max_words, std::size_t entries) {
    std::memcpy(header_.magic, kImageMagic, sizeof header_.magic);
    header_.max_words = static_cast<std::uint32_t>(max_words);
    header_.entry_count = static_cast<std::uint32_t>(entries);
    std::memcpy(out_.data(), &header_, sizeof header_);
    return std::move(out_);
}

}  // namespace gazetteer_image

// ---------------------------------------------------------------------------
// The binary file

namespace {

// File prefix: magic, format, key size, key, zeros up to a multiple of 8 so
// the image's arrays are aligned where the file is mapped.
std::string file_prefix(const std::string& key) {
    std::string p = "BLGZ";
    const std::uint32_t format = kFormat;
    const auto key_size = static_cast<std::uint32_t>(key.size());
    p.append(reinterpret_cast<const char*>(&format), sizeof format);
    p.append(reinterpret_cast<const char*>(&key_size), sizeof key_size);
    p += key;
    p.resize((p.size() + 7) / 8 * 8, '\0');
    return p;
}

template <class T>
std::span<const T> array_at(std::string_view image, const ImageHeader& h, Section s) {
    return {reinterpret_cast<const T*>(image.data() + h.section[s][0]), h.section[s][1] / sizeof(T)};
}

}  // namespace

bool GazetteerFile::attach(Gazetteer& g, std::shared_ptr<const void> owner, std::string_view image) {
    ImageHeader h;
    if (image.size() < sizeof h || reinterpret_cast<std::uintptr_t>(image.data()) % 8 != 0) return false;
    std::memcpy(&h, image.data(), sizeof h);
    if (std::memcmp(h.magic, kImageMagic, sizeof h.magic) != 0) return false;
    for (const auto& [offset, size] : h.section) {
        if (offset % 8 != 0 || offset > image.size() || size > image.size() - offset) return false;
    }
    const auto size_of = [&](Section s) { return h.section[s][1]; };
    const auto name_keys = size_of(name_offsets) / 4;
    const auto slots_ok = [&](Section s) {
        const auto n = size_of(s) / 8;
        return n != 0 && (n & (n - 1)) == 0 && size_of(s) % 8 == 0;
    };
    // Sizes that must agree; element contents are checked where they are used.
    if (size_of(records) != std::uint64_t{h.entry_count} * sizeof(Record) || name_keys == 0 ||
        size_of(name_offsets) % 4 != 0 || size_of(ref_begin) != size_of(name_offsets) ||
        size_of(flags) != name_keys - 1 || size_of(refs) % sizeof(NameRef) != 0 ||
        size_of(id_offsets) != (std::uint64_t{h.entry_count} + 1) * 4 || size_of(capitals) % 4 != 0 ||
        !slots_ok(name_slots) || !slots_ok(id_slots)) {
        return false;
    }
    g.image_ = std::move(owner);
    g.body_ = image;
    g.max_words_ = h.max_words;
    g.entry_count_ = h.entry_count;
    g.records_ = array_at<std::byte>(image, h, records);
    g.strings_ = image.substr(h.section[strings][0], size_of(strings));
    g.names_.blob_ = image.substr(h.section[name_blob][0], size_of(name_blob));
    g.names_.offsets_ = array_at<std::uint32_t>(image, h, name_offsets);
    g.names_.slots_ = array_at<std::uint64_t>(image, h, name_slots);
    g.ref_begin_ = array_at<std::uint32_t>(image, h, ref_begin);
    g.refs_ = array_at<NameRef>(image, h, refs);
    g.flags_ = array_at<std::uint8_t>(image, h, flags);
    g.ids_.blob_ = image.substr(h.section[id_blob][0], size_of(id_blob));
    g.ids_.offsets_ = array_at<std::uint32_t>(image, h, id_offsets);
    g.ids_.slots_ = array_at<std::uint64_t>(image, h, id_slots);
    g.capitals_ = array_at<std::uint32_t>(image, h, capitals);
    // For capitals_of(): a scene asks for its parties' capitals, and a walk
    // over all of them per party was a good part of planning it.
    g.capitals_by_country_.assign(g.capitals_.begin(), g.capitals_.end());
    std::ranges::stable_sort(g.capitals_by_country_, std::ranges::less{},
                             [&g](std::uint32_t i) { return g.country_of(i); });
    return true;
}

bool GazetteerFile::read(Gazetteer& g, const std::filesystem::path& path, const std::string& key) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st {};
    void* map = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
        // Shared and read-only: the pages are the page cache's, and the
        // cache is only ever replaced by rename, never written in place.
        map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
    }
    ::close(fd);
    if (map == MAP_FAILED) return false;
    const auto size = static_cast<std::size_t>(st.st_size);
    std::shared_ptr<const void> owner(map, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
    const std::string prefix = file_prefix(key);
    const std::string_view file(static_cast<const char*>(map), size);
    // The prefix holds the key, so this is the whole check that the cache is current.
    if (file.size() < prefix.size() || file.substr(0, prefix.size()) != prefix) return false;
    return attach(g, std::move(owner), file.substr(prefix.size()));
}

bool GazetteerFile::write(const Gazetteer& g, const std::filesystem::path& path, const std::string& key) {
    const std::string prefix = file_prefix(key);
    return write_cache_file(path, {prefix, g.body_});
}

}  // namespace borderline
