/// Hands memory freed after a large batch back to the system: glibc keeps freed heap pages in its
/// arenas, so a box that once held 10,000 sessions would otherwise keep that footprint for good.
public enum MemoryTrim {
    /// Batches smaller than this leave too little behind to be worth a trim.
    static let threshold = 500

    public static func afterBatch(of count: Int) {
        if count >= threshold { _ = glibcMallocTrim(0) }
    }
}

// `malloc_trim` lives in <malloc.h>, which the Glibc module does not export; it has had this C
// signature since glibc 2.0: int malloc_trim(size_t pad).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
