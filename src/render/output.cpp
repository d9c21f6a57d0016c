// Output files: written whole or not at all.
#include <borderline/error.hpp>
#include <borderline/render.hpp>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <csignal>
#include <cstring>
#include <regex>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

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

namespace {

/// This host's name reduced to 16 letters and digits, so that in a
/// temporary file's name it cannot be confused with the rest.
std::string temporary_host() {
    char buf[256] = {};
    std::string host;
    if (::gethostname(buf, sizeof buf - 1) == 0) {
        for (const char* c = buf; *c && host.size() < 16; ++c) {
            if (std::isalnum(static_cast<unsigned char>(*c))) host += *c;
        }
    }
    return host;
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
    // Host and PID in the name let a later run tell a killed writer's
    // leftovers from a live one's (remove_stale_temporaries).
    const std::string owner = temporary_host() + "p" + std::to_string(::getpid());
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-" + owner + "-XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) {
        throw OutputError(path + ": cannot write in " + dir.string() + " (" + std::strerror(errno) +
                          "); choose a writable folder");
    }
    const bool ok = write_all(fd, bytes) && ::fsync(fd) == 0;
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
    // Only this host's: shards on other machines may share the folder, and
    // their PIDs mean nothing here.
    static const std::regex temporary(R"(\..+\.tmp-([A-Za-z0-9]{0,16})p([0-9]{1,9})-[A-Za-z0-9]{6})");
    const std::string host = temporary_host();
    std::size_t removed = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        std::smatch m;
        const std::string name = e.path().filename().string();
        if (!e.is_regular_file(ec) || !std::regex_match(name, m, temporary) || m[1].str() != host) continue;
        const auto pid = static_cast<pid_t>(std::stol(m[2].str()));
        if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
        if (std::filesystem::remove(e.path(), ec)) ++removed;
    }
    return removed;
}

}  // namespace borderline
