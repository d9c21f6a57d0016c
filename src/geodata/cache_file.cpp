#include "geodata/cache_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace borderline {

namespace {

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace

bool write_cache_file(const std::filesystem::path& file, std::initializer_list<std::string_view> parts) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    const std::string tmp = file.string() + ".tmp" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    bool ok = true;
    for (const std::string_view part : parts) ok = ok && write_all(fd, part);
    // Only clean pages leave the page cache: written out first.
    ok = ok && ::fdatasync(fd) == 0;
    if (ok) (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);  // a hint: the cache works without it
    ok = ::close(fd) == 0 && ok;
    if (ok) std::filesystem::rename(tmp, file, ec);
    if (!ok || ec) {
        std::filesystem::remove(tmp, ec);
        return false;
    }
    return true;
}

}  // namespace borderline
