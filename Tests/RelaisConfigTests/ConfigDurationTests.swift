import RelaisConfig
import Testing

@Suite struct ConfigDurationTests {
    @Test(arguments: [("90s", 90), ("30m", 1800), ("4h", 14_400), ("1h30m", 5400), ("2d", 172_800), ("1d2h3m4s", 93_784),
                      ("0s", 0), ("600", 600), ("1h0m", 3600)])
    func reads(text: String, seconds: Int) {
        #expect(ConfigDuration.seconds(in: text) == seconds)
    }

    @Test(arguments: ["", "h", "4x", "30m1h", "1h1h", "1h 30m", "-5s", "1.5h", "4H", "99999999999999999999d", "153722867280912931d"])
    func rejects(_ text: String) {
        #expect(ConfigDuration.seconds(in: text) == nil)
    }

    @Test(arguments: [0, 1, 59, 60, 90, 3600, 5400, 14_400, 86_400, 93_784, 604_800])
    func formatReadsBack(_ seconds: Int) {
        #expect(ConfigDuration.seconds(in: ConfigDuration.format(seconds)) == seconds)
    }

    @Test func formatIsShort() {
        #expect(ConfigDuration.format(5400) == "1h30m")
        #expect(ConfigDuration.format(604_800) == "7d")
    }
}
