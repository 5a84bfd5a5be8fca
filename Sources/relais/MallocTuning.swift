/// The daemon's heap policy, set once before the services start their threads.
enum MallocTuning {
    /// - Two arenas: glibc gives each thread that allocates concurrently its own arena, up to eight per
    ///   core, and never merges them. With the web server's pool, the concurrency pool, the store and the
    ///   control threads, a burst leaves its garbage spread over a dozen arenas no trim fully recovers.
    /// - A fixed 128 KiB mmap threshold: by default glibc raises the threshold to the size of every large
    ///   block freed, so the next 10,000-device command text or request lands in the heap and leaves it
    ///   fragmented. Fixed, such buffers always get their own mapping and go back whole when freed
    ///   (measured with 10,000 sessions: 6.5–6.7 MB of heap over three runs, against 6.8–9.0 MB).
    static func configure() {
        _ = glibcMallopt(mArenaMax, 2)
        _ = glibcMallopt(mMmapThreshold, 128 * 1024)
    }

    /// `M_ARENA_MAX` from <malloc.h>.
    private static let mArenaMax: Int32 = -8
    /// `M_MMAP_THRESHOLD` from <malloc.h>.
    private static let mMmapThreshold: Int32 = -3
}

// `mallopt` lives in <malloc.h>, which the Glibc module does not export; its C signature since glibc 2.0:
// int mallopt(int param, int value).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
