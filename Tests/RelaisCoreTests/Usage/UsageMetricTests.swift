import RelaisCore
import Testing

struct UsageMetricTests {
    @Test func namesAreShortWordsWithoutFreeText() {
        #expect(UsageMetric("sessions.started") != nil)
        #expect(UsageMetric("consent.remember-device") != nil)
        #expect(UsageMetric("") == nil)
        #expect(UsageMetric("Sessions") == nil)
        #expect(UsageMetric("help.views?page=1") == nil)
        #expect(UsageMetric("02:00:00:00:00:01") == nil)
        #expect(UsageMetric(String(repeating: "a", count: 65)) == nil)
    }

    @Test func everyKnownMetricPassesItsOwnRule() {
        var known: [UsageMetric] = [.sessionsStarted, .sessionsEnded, .devicesFirstSeen, .helpPageViews]
        known += SessionEndReason.allCases.map(UsageMetric.ended)
        known += DurationBucket.allCases.map(UsageMetric.duration)
        for metric in known { #expect(UsageMetric(metric.name) == metric) }
        #expect(UsageMetric.ended(.visitorLogout).name == "ended.visitor-logout")
        #expect(UsageMetric.consent(purpose: "remember-device")?.name == "consent.remember-device")
        #expect(UsageMetric.consent(purpose: "Se souvenir") == nil)
    }
}
