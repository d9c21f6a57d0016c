// Reading an input file with a bound: every article, manifest and style file
// goes through read_bounded, so that no input (a device, a pipe, a file that
// grows) can make the program read more than its limit or block on opening.
#pragma once

#include <cstddef>
#include <string>

namespace borderline {

/// How an input may be read.
struct InputBounds {
    std::size_t max_bytes = 20u * 1024u * 1024u;
    /// Accept pipes, FIFOs, character devices and "-" (standard input): true
    /// for what the user names on the command line, false for files found
    /// in folders and manifests, which must be regular files.
    bool streams = false;
    /// The end of the over-limit message: what the user can do about it.
    std::string over_limit_hint = "split the article or raise --max-input-mb";
    /// The end of the is-a-folder message.
    std::string folder_hint = "give a file";
};

/// The bytes of `path` ("-": standard input when streams are allowed),
/// reading at most max_bytes + 1 of them whatever the file is. Throws
/// InputError with a one-line message when the file is missing, a folder,
/// not a regular file (unless streams are allowed), unreadable (a read error
/// such as /proc/self/mem's) or over the limit.
std::string read_bounded(const std::string& path, const InputBounds& bounds);

}  // namespace borderline
