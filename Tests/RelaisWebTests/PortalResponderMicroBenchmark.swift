import Foundation
import RelaisHTTP
import RelaisTesting
import Testing

/// A loop through the responder on the two hot paths, printed, never asserted (no timed assertions in
/// unit tests). Runs only with RELAIS_MICROBENCH=1, in a release build:
/// `swift build -c release --build-tests -Xswiftc -enable-testing` then
/// `RELAIS_MICROBENCH=1 swift test -c release --skip-build --filter PortalResponderMicroBenchmark`.
@Suite struct PortalResponderMicroBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RELAIS_MICROBENCH"] == "1"))
    func hotPaths() async throws {
        let portal = try await PortalFixture()
        // The same welcome page with the help banner (an unchanged offer: the banner comes from its cache).
        let helped = try await PortalFixture(help: InMemoryHelpOffer(HelpOfferSnapshotSamples.onDuty))
        let probe = portal.request("GET", "/generate_204", host: "connectivitycheck.gstatic.com")
        let splash = portal.request("GET", "/", headers: [(name: "accept-language", value: "fr-FR,fr;q=0.9,en;q=0.8")])
        for (name, portal, request) in [("probe redirect", portal, probe), ("splash page", portal, splash), ("splash page with help banner", helped, splash)] {
            var best = Double.infinity
            for _ in 0..<5 {
                let count = 200_000
                var bytes = 0
                let start = ContinuousClock.now
                for _ in 0..<count {
                    bytes &+= portal.responder.immediateResponse(to: request)?.body.count ?? 0
                }
                let elapsed = ContinuousClock.now - start
                let perRequest = Double(elapsed.components.attoseconds) / 1e12 / Double(count) + Double(elapsed.components.seconds) * 1e6 / Double(count)
                best = min(best, perRequest)
                #expect(bytes >= 0)
            }
            print("microbench \(name): \(String(format: "%.2f", best)) µs per request (best of 5 × 200000)")
        }
    }
}
