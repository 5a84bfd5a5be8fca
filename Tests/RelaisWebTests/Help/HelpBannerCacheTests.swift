import RelaisCore
import Synchronization
import Testing
@testable import RelaisWeb

/// The banner is rendered again only when the offer changed, per language and link variant.
@Suite struct HelpBannerCacheTests {
    @Test func rendersOncePerSnapshotAndVariant() {
        let cache = HelpBannerCache()
        let renders = Mutex(0)
        func banner(_ snapshot: HelpOfferSnapshot, _ language: PortalLanguage, _ query: String = "") -> String {
            cache.banner(for: snapshot, .init(language: language, languageQuery: query)) {
                let count = renders.withLock { $0 += 1; return $0 }
                return TrustedHTML(generatedMarkup: "render \(count)")
            }.markup
        }
        #expect(banner(HelpOfferSnapshotSamples.onDuty, .fr) == "render 1")
        #expect(banner(HelpOfferSnapshotSamples.onDuty, .fr) == "render 1")
        #expect(banner(HelpOfferSnapshotSamples.onDuty, .en) == "render 2")
        #expect(banner(HelpOfferSnapshotSamples.onDuty, .fr, "?lang=fr") == "render 3")
        #expect(banner(HelpOfferSnapshotSamples.placeOpen, .fr) == "render 4")
        #expect(banner(HelpOfferSnapshotSamples.onDuty, .fr) == "render 5", "back to the first offer: rendered again")
    }
}
