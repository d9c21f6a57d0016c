// The heap of a one-map process (render, extract): one arena, grown in
// large steps and backed by 2 MB pages where the kernel allows.
//
// A map touches some 30 MB of fresh memory (layers thinned and clipped,
// paths, glyph caches). Page by 4 KB page that was 2,500 page faults, a
// fifth of a base map's wall time on a virtual machine, where a fault costs
// about 10 microseconds. Pango also starts two short threads per font it
// sorts (fifteen for a base map), and each got an arena of its own, grown
// by one mprotect call per step: 590 calls. glibc's tunables
// (glibc.malloc.hugetlb, arena_max, top_pad) do the same, but only from
// the environment, before main; mallopt and madvise do it from here.
//
// Not for batch and serve: they run many maps at once on several threads,
// which one arena would serialise, and live long enough for the faults not
// to matter.
#include "commands.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace borderline::cli {

namespace {
bool g_one_map = false;  // set by prepare_heap_for_one_map
}  // namespace

void prepare_heap_for_one_map() {
    g_one_map = true;
    constexpr std::size_t kStep = std::size_t{32} << 20;  // glibc's largest mmap threshold
    constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_TOP_PAD, static_cast<int>(kStep));
    mallopt(M_MMAP_THRESHOLD, static_cast<int>(kStep));      // large vectors from the heap too
    mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * kStep));  // and no giving back between maps' stages
    // Grow the heap now by one step (malloc extends it by the request plus
    // the pad and touches only the chunk headers), then ask for huge pages
    // over the whole aligned part of it. A hint: without transparent huge
    // pages the heap works as before.
    const auto start = reinterpret_cast<std::uintptr_t>(sbrk(0));
    void* probe = std::malloc(kStep / 2);
    const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
    std::free(probe);
    const std::uintptr_t from = (start + kHugePage - 1) & ~(kHugePage - 1), to = end & ~(kHugePage - 1);
    if (probe && start != static_cast<std::uintptr_t>(-1) && to > from) {
        ::madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
    }
}

void end_one_map_process(int code) {
#if defined(__SANITIZE_ADDRESS__)
    // Under the sanitizers the teardown runs: it is where a double free or
    // a leak would show.
    (void)code;
#else
    if (!g_one_map) return;
    // The outputs are written and renamed into place; what is left is
    // freeing the layers, indices and glyph caches one block at a time
    // (GeoData's destructor alone: 14.5M instructions, some 5 ms of the
    // sample article), which the kernel does at once when the process ends.
    // No thread is still needed: the command waited for its own, and
    // Pango's font sorter holds nothing that must reach a file.
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(code);
#endif
}

}  // namespace borderline::cli
