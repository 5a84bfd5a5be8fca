@testable import RelaisCore
import Testing

@Suite struct LaplaceNoiseTests {
    @Test func naturalLogMatchesKnownValues() {
        #expect(abs(LaplaceNoise.naturalLog(1)) < 1e-15)
        #expect(abs(LaplaceNoise.naturalLog(2) - 0.693_147_180_559_945_3) < 1e-14)
        #expect(abs(LaplaceNoise.naturalLog(10) - 2.302_585_092_994_045_7) < 1e-14)
        #expect(abs(LaplaceNoise.naturalLog(1e-300) + 690.775_527_898_213_7) < 1e-10)
        #expect(abs(LaplaceNoise.naturalLog(0.75) + 0.287_682_072_451_780_9) < 1e-14)
    }

    @Test func epsilonMustBePositive() {
        #expect(LaplaceNoise(epsilon: 0) == nil)
        #expect(LaplaceNoise(epsilon: -1) == nil)
        #expect(LaplaceNoise(epsilon: .infinity) == nil)
    }

    /// Laplace(0, b): mean 0, mean absolute value b, median of |x| b·ln 2.
    @Test func drawsFollowTheLaplaceDistribution() {
        let noise = LaplaceNoise(epsilon: 0.5)!
        var generator = SeededGenerator(seed: 42)
        let draws = (0..<40_000).map { _ in noise.sample(using: &generator) }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let meanAbsolute = draws.map(abs).reduce(0, +) / Double(draws.count)
        let median = draws.map(abs).sorted()[draws.count / 2]
        #expect(abs(mean) < 0.05)
        #expect(abs(meanAbsolute - 2) < 0.05)
        #expect(abs(median - 2 * 0.693_147) < 0.05)
    }

    @Test func noiseKeepsTheTableConsistentAndNonNegative() {
        var table = CountTable(name: "t", rows: ["a", "b"], columns: [0, 1, 2])
        table.add(3, row: "a", hour: 0)
        table.add(50, row: "b", hour: 2)
        var generator = SeededGenerator(seed: 7)
        let noisy = LaplaceNoise(epsilon: 0.1)!.apply(to: table, using: &generator)
        #expect(noisy.cells.allSatisfy { $0.allSatisfy { $0 >= 0 } })
        #expect(noisy.rowTotals.reduce(0, +) == noisy.total)
        #expect(noisy.cells != table.cells)
        // Same seed, same noise: reproducible.
        var again = SeededGenerator(seed: 7)
        #expect(LaplaceNoise(epsilon: 0.1)!.apply(to: table, using: &again) == noisy)
    }
}
