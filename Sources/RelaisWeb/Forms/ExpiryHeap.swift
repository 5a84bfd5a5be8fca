import FoundationEssentials

/// A binary min-heap of (expiry, nonce): the spent token that expires first is always on top.
struct ExpiryHeap {
    struct Entry {
        let expiresAt: Date
        let nonce: [UInt8]
    }

    private var entries: [Entry] = []

    var count: Int { entries.count }
    var peek: Entry? { entries.first }

    mutating func push(expiresAt: Date, nonce: [UInt8]) {
        entries.append(Entry(expiresAt: expiresAt, nonce: nonce))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].expiresAt < entries[parent].expiresAt else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    mutating func pop() -> Entry? {
        guard !entries.isEmpty else { return nil }
        entries.swapAt(0, entries.count - 1)
        let top = entries.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < entries.count, entries[left].expiresAt < entries[smallest].expiresAt { smallest = left }
            if right < entries.count, entries[right].expiresAt < entries[smallest].expiresAt { smallest = right }
            guard smallest != parent else { return top }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
