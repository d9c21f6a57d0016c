// Writing a cache file that later runs map: the layer caches and the
// gazetteer image.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <string_view>

namespace borderline {

/// Writes `parts` one after the other to `file`, through a temporary file
/// renamed into place (a reader never sees half a cache), then leaves the
/// written pages out of the page cache. False, and nothing in place, when
/// the disk refuses.
///
/// Why the last step: pages just written sit in the page cache in large
/// blocks, and a process that maps the file is then charged for whole
/// blocks around each page it touches. The sample article measured 57-60
/// MiB peak RSS right after a build and 45-47 MiB once the same files had
/// been read back from disk.
bool write_cache_file(const std::filesystem::path& file, std::initializer_list<std::string_view> parts);

}  // namespace borderline
