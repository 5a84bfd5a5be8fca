/// The daemon's heap policy, set once before the services start their threads.
enum MallocTuning {
    /// glibc gives each thread that allocates concurrently its own arena, up to eight per core, and
    /// never merges them: with the web server's pool, the concurrency pool, the store and the control
    /// threads, a burst leaves its garbage spread over a dozen arenas no trim fully recovers. Two
    /// arenas are enough for two cores and keep the heap in one or two compact pieces.
    static func limitArenas() {
        _ = glibcMallopt(mArenaMax, 2)
    }

    /// `M_ARENA_MAX` from <malloc.h>.
    private static let mArenaMax: Int32 = -8
}

// `mallopt` lives in <malloc.h>, which the Glibc module does not export; its C signature since glibc 2.0:
// int mallopt(int param, int value).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
