import Foundation
import RelaisCore
import Testing

struct RetentionPolicyTests {
    @Test func everyCategoryIsInTheTableOnceWithEveryColumnFilled() {
        #expect(RetentionPolicy.categories.map(\.id) == RetentionCategory.ID.allCases)
        for category in RetentionPolicy.categories {
            #expect(!category.data.isEmpty && !category.purpose.isEmpty && !category.legalBasis.isEmpty && !category.purgeRule.isEmpty)
        }
    }

    @Test func theLegalLogIsKeptOneYearAndTheAggregatesTwo() {
        #expect(RetentionPolicy.category(.legalLog).retention == .days(365, after: "the session's end"))
        #expect(RetentionPolicy.category(.usageAggregates).retention == .days(730, after: "the hour counted"))
        #expect(RetentionPolicy.category(.legalLog).legalBasis.hasPrefix("6(1)(c)"))
        #expect(RetentionPolicy.category(.consents).legalBasis.hasPrefix("6(1)(a)"))
    }

    @Test func cutoffsAreFixedAgesOrTheStartOfTheLocalDay() {
        let paris = TimeZoneRules(name: "Europe/Paris", posixRule: "CET-1CEST,M3.5.0,M10.5.0/3")!
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        #expect(RetentionPolicy.cutoff(for: .legalLog, at: now, in: paris) == now.addingTimeInterval(-365 * 86_400))
        #expect(RetentionPolicy.cutoff(for: .sessions, at: now, in: paris) == now.addingTimeInterval(-86_400))
        #expect(RetentionPolicy.cutoff(for: .helpRequests, at: now, in: paris) == paris.startOfDay(containing: now))
        #expect(RetentionPolicy.cutoff(for: .consents, at: now, in: paris) == nil)
        #expect(RetentionPolicy.cutoff(for: .placesDirectory, at: now, in: paris) == nil)
    }

    /// The data officer's page shows the table as implemented: a change to either fails here.
    @Test func theDocsShowTheTableAsImplemented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let docs = (try? String(contentsOf: root.appendingPathComponent("docs/data-protection.md"), encoding: .utf8)) ?? ""
        let table = RetentionPolicy.markdownTable + "\n"
        if !docs.contains(table) {
            // The table as implemented, to paste into the page.
            let generated = root.appendingPathComponent(".build/retention-table.md")
            try table.write(to: generated, atomically: true, encoding: .utf8)
            Issue.record("docs/data-protection.md does not show the retention table as implemented: paste \(generated.path)")
        }
    }
}
