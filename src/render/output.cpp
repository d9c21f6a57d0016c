// Output files: written whole or not at all.
#include <borderline/error.hpp>
#include <borderline/render.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
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
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
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

}  // namespace borderline
