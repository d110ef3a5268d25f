internal import CMemory

/// glibc gives each thread that contends for the allocator an arena of its own, up to eight per core, and memory
/// freed in one arena is not reused by threads allocating in another: with the crawl's fetch, document, judging and
/// rendering threads, a cold crawl of 10 000 documents peaked at 138 MB against 121 MB with two arenas, in the same
/// time.
public enum MallocArenas {
    /// Caps the arenas; call first thing, before other threads start.
    public static func limit(to count: Int32 = 2) {
        _ = sov_limit_malloc_arenas(count)
    }

    /// Hands the pages freed by a finished step back to the system. glibc keeps freed memory for reuse, and memory
    /// scattered by one step (the scorecards' encoding, the history's decoding) is not the shape the next one asks
    /// for: without it, a rerun of 10 000 documents peaked at 163 MB, against 135 MB with it between the steps.
    static func releaseFree() {
        _ = sov_release_free_memory()
    }
}
