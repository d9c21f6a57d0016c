// Output files: written whole or not at all.
#include <borderline/error.hpp>
#include <borderline/render.hpp>

#include <fcntl.h>
#include <glib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cctype>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <regex>

namespace borderline {

OutputFormat format_for(const std::string& path) {
    const auto dot = path.rfind('.');
    std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "png") return OutputFormat::png;
    if (ext == "svg") return OutputFormat::svg;
    if (ext == "pdf") return OutputFormat::pdf;
    throw UsageError("output " + path + ": unknown format '." + ext + "'; name the file .png, .svg or .pdf");
}

std::string temporary_owner_tag(std::string_view host, std::string_view boot_id, std::string_view pid_namespace) {
    std::string who;
    who.append(host).append(1, '\x1f').append(boot_id).append(1, '\x1f').append(pid_namespace);
    gchar* hex = g_compute_checksum_for_string(G_CHECKSUM_SHA256, who.c_str(), static_cast<gssize>(who.size()));
    std::string out(hex, 16);
    g_free(hex);
    return out;
}

std::string temporary_owner_tag() {
    // The same for the whole life of the process: computed once.
    static const std::string tag = [] {
        char host[256] = {};
        if (::gethostname(host, sizeof host - 1) != 0) host[0] = 0;
        char boot[64] = {};
        if (FILE* f = std::fopen("/proc/sys/kernel/random/boot_id", "r")) {
            if (!std::fgets(boot, sizeof boot, f)) boot[0] = 0;
            std::fclose(f);
        }
        char ns[128] = {};
        const auto n = ::readlink("/proc/self/ns/pid", ns, sizeof ns - 1);
        if (n < 0) ns[0] = 0;
        return temporary_owner_tag(host, boot, ns);
    }();
    return tag;
}

namespace {

/// This process's owner tag and PID, as temporary names carry them.
std::string temporary_owner() { return temporary_owner_tag() + "p" + std::to_string(::getpid()); }

/// At most the first 64 bytes of a file name, cut between characters: the
/// temporary's name shows what it is for without growing past NAME_MAX.
std::string name_prefix(const std::string& name) {
    if (name.size() <= 64) return name;
    std::size_t n = 64;
    while (n > 0 && (static_cast<unsigned char>(name[n]) & 0xC0) == 0x80) --n;
    return name.substr(0, n);
}

bool write_all(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}
/// Write into an existing file that is not a regular one, as it is: standard
/// output's own descriptor when it is that, else opened for writing (without
/// blocking on a FIFO that no one reads).
void write_through(const std::string& path, const std::string& bytes) {
    struct stat target {
    }, out{};
    if (::stat(path.c_str(), &target) == 0 && ::fstat(STDOUT_FILENO, &out) == 0 && target.st_dev == out.st_dev &&
        target.st_ino == out.st_ino) {
        if (!write_all(STDOUT_FILENO, bytes)) {
            throw OutputError(path + ": cannot write (" + std::string(std::strerror(errno)) + ")");
        }
        return;
    }
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0644);
    if (fd < 0) {
        const int e = errno;
        if (e == ENXIO) throw OutputError(path + ": is a pipe that no one reads; start its reader first");
        throw OutputError(path + ": cannot be opened for writing (" + std::strerror(e) + ")");
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    struct stat opened {};
    bool ok = ::fstat(fd, &opened) == 0 && (!S_ISREG(opened.st_mode) || ::ftruncate(fd, 0) == 0);
    ok = ok && write_all(fd, bytes);
    const int saved = errno;
    ::close(fd);
    if (!ok) throw OutputError(path + ": write failed (" + std::strerror(saved) + ")");
}

}  // namespace

void write_atomically(const std::string& path, const std::string& bytes) {
    if (path == "-") {
        if (!write_all(STDOUT_FILENO, bytes)) {
            throw OutputError("cannot write to standard output: " + std::string(std::strerror(errno)));
        }
        return;
    }
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        throw OutputError(path + ": folder " + dir.string() + " does not exist; create it first");
    }
    if (fs::is_directory(target, ec)) throw OutputError(path + ": is a folder; give a file name");
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        // /dev/stdout, a FIFO, a device or a symbolic link: the user means
        // what it leads to; renaming over it would replace the link itself.
        write_through(path, bytes);
        return;
    }
    // Owner (host, boot, PID) in the name lets a later run tell a killed
    // writer's leftovers from a live one's (remove_stale_temporaries).
    std::string name = ".";
    name += name_prefix(target.filename().string());
    name += ".tmp-";
    name += temporary_owner();
    name += "-XXXXXX";
    std::string tmpl = (dir / name).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) {
        throw OutputError(path + ": cannot write in " + dir.string() + " (" + std::strerror(errno) +
                          "); choose a writable folder");
    }
    // No fsync: the rename already means a reader sees the old file or the
    // whole new one, never part of it, when the process is killed. Only a
    // power cut could leave an empty file; batch redraws an empty output on
    // resume and a damaged state costs only re-rendering, and the map can
    // always be drawn again. An fsync cost 2-58 ms a file on a busy disk,
    // more than drawing the map.
    const bool ok = write_all(fd, bytes);
    const int saved = errno;
    ::fchmod(fd, 0644);
    ::close(fd);
    if (!ok) {
        ::unlink(tmpl.c_str());
        throw OutputError(path + ": write failed (" + std::strerror(saved) + "); check free space");
    }
    if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
        const int e = errno;
        ::unlink(tmpl.c_str());
        throw OutputError(path + ": cannot be replaced (" + std::strerror(e) + ")");
    }
}

std::size_t remove_stale_temporaries(const std::filesystem::path& dir) {
    // Only this host's, this boot's and this PID namespace's: shards on
    // other machines or in other containers may share the folder, and their
    // PIDs mean nothing here. Names of older versions never match, so they
    // are left alone.
    static const std::regex temporary(R"(\..+\.tmp-([0-9a-f]{16})p([0-9]{1,10})-[A-Za-z0-9]{6})");
    const std::string host = temporary_owner_tag();
    std::size_t removed = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        std::smatch m;
        const std::string name = e.path().filename().string();
        if (!e.is_regular_file(ec) || !std::regex_match(name, m, temporary) || m[1].str() != host) continue;
        const long long id = std::stoll(m[2].str());
        if (id <= 0 || id > INT_MAX) continue;  // kill() of 0 or a negative number means a group
        const auto pid = static_cast<pid_t>(id);
        if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
        if (std::filesystem::remove(e.path(), ec)) ++removed;
    }
    return removed;
}

}  // namespace borderline
