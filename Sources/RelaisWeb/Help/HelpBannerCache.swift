import RelaisCore
import Synchronization

/// The last banner rendered for each language and link variant, with the snapshot it came from: the
/// welcome page is asked for by every phone in the room, and the offer changes a few times a day.
final class HelpBannerCache: Sendable {
    struct Key: Hashable {
        var language: PortalLanguage
        var languageQuery: String
    }

    private let entries = Mutex<[Key: (snapshot: HelpOfferSnapshot, html: TrustedHTML)]>([:])

    /// The banner of `snapshot`, rendered by `render` only when it differs from the last one for `key`.
    func banner(for snapshot: HelpOfferSnapshot, _ key: Key, render: () -> TrustedHTML) -> TrustedHTML {
        if let cached = entries.withLock({ $0[key] }), cached.snapshot == snapshot { return cached.html }
        // Rendered outside the lock: two threads may both render once, which is harmless.
        let html = render()
        entries.withLock { $0[key] = (snapshot, html) }
        return html
    }
}
