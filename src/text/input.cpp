// The one bounded reader of every input (see input.hpp).
#include <borderline/error.hpp>
#include <borderline/input.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace borderline {

namespace {

std::string mb(std::size_t bytes) { return std::to_string(bytes / (1024 * 1024)); }

/// Closes the descriptor it owns (never standard input).
struct Fd {
    int fd = -1;
    bool owned = false;
    ~Fd() {
        if (owned && fd >= 0) ::close(fd);
    }
};

}  // namespace

std::string read_bounded(const std::string& path, const InputBounds& bounds) {
    Fd f;
    if (path == "-" && bounds.streams) {
        f.fd = STDIN_FILENO;
    } else {
        // O_NONBLOCK: opening a FIFO that no one writes must not wait; the
        // file's type is checked on the open descriptor, so nothing can swap
        // it between the check and the read.
        f.fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        f.owned = true;
        if (f.fd < 0) {
            const int e = errno;
            if (e == ENOENT || e == ENOTDIR) throw InputError(path + ": no such file; check the path");
            if (e == EACCES || e == EPERM) {
                throw InputError(path + ": cannot be read (permission denied); check the file's permissions");
            }
            throw InputError(path + ": cannot be opened (" + std::strerror(e) + "); give a readable file");
        }
    }
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) throw InputError(path + ": cannot be read (" + std::strerror(errno) + ")");
    if (S_ISDIR(st.st_mode)) throw InputError(path + ": is a folder, not an article; " + bounds.folder_hint);
    const bool regular = S_ISREG(st.st_mode);
    if (!regular && !bounds.streams) {
        throw InputError(path + ": is not a regular file (a pipe, device or socket); give an ordinary file");
    }
    if (regular && static_cast<std::size_t>(st.st_size) > bounds.max_bytes) {
        throw InputError(path + ": input is " + mb(static_cast<std::size_t>(st.st_size)) + " MB, over the limit of " +
                         mb(bounds.max_bytes) + " MB; " + bounds.over_limit_hint);
    }
    if (f.owned) {
        // Streams are read blocking from here on, like standard input.
        const int flags = ::fcntl(f.fd, F_GETFL);
        if (flags >= 0) ::fcntl(f.fd, F_SETFL, flags & ~O_NONBLOCK);
    }
    std::string bytes;
    // A regular file's size is a hint only (it may grow, or be 0 in /proc):
    // the loop alone enforces the bound.
    if (regular) bytes.reserve(static_cast<std::size_t>(st.st_size) + 1);
    const std::size_t cap = bounds.max_bytes + 1;
    char buf[65536];
    while (bytes.size() < cap) {
        const std::size_t want = std::min(sizeof buf, cap - bytes.size());
        const ssize_t n = ::read(f.fd, buf, want);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw InputError(path + ": read error (" + std::strerror(errno) + "); check the file");
        }
        if (n == 0) break;
        bytes.append(buf, static_cast<std::size_t>(n));
    }
    if (bytes.size() > bounds.max_bytes) {
        throw InputError(path + ": input is over the limit of " + mb(bounds.max_bytes) + " MB; " +
                         bounds.over_limit_hint);
    }
    return bytes;
}

}  // namespace borderline
