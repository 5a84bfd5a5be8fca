/// Optional differential-privacy noise: each cell of a table gets an independent Laplace draw of scale
/// 1/ε before suppression (a visitor's session counts in one cell of a breakdown, so each breakdown spends ε).
/// The randomness is injected, so tests are reproducible and production uses the system's generator.
public struct LaplaceNoise: Sendable, Equatable {
    /// The privacy budget spent per breakdown; recorded in the report.
    public let epsilon: Double

    /// Nil unless ε is finite and positive.
    public init?(epsilon: Double) {
        guard epsilon.isFinite, epsilon > 0 else { return nil }
        self.epsilon = epsilon
    }

    /// `table` with noise added to every cell, rounded and clamped at zero; margins follow from the cells,
    /// so the published relations still hold.
    public func apply(to table: CountTable, using generator: inout some RandomNumberGenerator) -> CountTable {
        var noisy = table
        for row in table.rows.indices {
            for column in table.columns.indices {
                let value = Double(table.cells[row][column]) + sample(using: &generator)
                noisy.set(Int(value.rounded()), row: row, column: column)
            }
        }
        return noisy
    }

    /// One draw of Laplace(0, 1/ε) by inversion of its distribution function.
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        // u in (-1/2, 1/2), never ±1/2 (which would take the logarithm of zero).
        var u = 0.0
        repeat { u = Double.random(in: -0.5..<0.5, using: &generator) } while u == -0.5
        let magnitude = -Self.naturalLog(1 - 2 * abs(u)) / epsilon
        return u < 0 ? -magnitude : magnitude
    }

    /// ln(x) for x > 0, without a C library: x = m·2^e with m in [1, 2), ln m = 2·atanh((m−1)/(m+1)).
    static func naturalLog(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "logarithm of a non-positive number")
        let exponent = Double(x.exponent)
        let mantissa = x.significand
        let z = (mantissa - 1) / (mantissa + 1)  // At most 1/3: the series converges fast.
        let z2 = z * z
        var term = z, sum = 0.0, n = 1.0
        while abs(term / n) > 1e-18 {
            sum += term / n
            term *= z2
            n += 2
        }
        return exponent * 0.693_147_180_559_945_309_4 + 2 * sum
    }
}
