import Glibc

/// Hands memory freed after a large batch back to the system: glibc keeps freed heap pages in its
/// arenas, so a box that once held 10,000 sessions would otherwise keep that footprint for good.
enum MemoryTrim {
    /// Batches smaller than this leave too little behind to be worth a trim.
    static let threshold = 500

    static func afterBatch(of count: Int) {
        if count >= threshold { _ = malloc_trim(0) }
    }
}
