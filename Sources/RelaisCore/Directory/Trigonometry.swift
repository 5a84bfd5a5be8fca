/// The few circular functions the great-circle distance needs, in plain Swift: the core links no C
/// library, and the standard library has no `sin`. Accurate to a few ulps over the ranges used here.
enum Trigonometry {
    /// sin and cos of `x` radians: reduced to [-π/4, π/4] by quarter turns, then Taylor polynomials.
    static func sinCos(_ x: Double) -> (sin: Double, cos: Double) {
        let quarter = (x / (Double.pi / 2)).rounded()
        // Two-part π/2 keeps the reduction exact enough for |x| up to a few turns.
        let r = (x - quarter * 1.5707963267948966) - quarter * 6.123233995736766e-17
        let r2 = r * r
        var s = 0.0, c = 0.0, termS = r, termC = 1.0
        for n in 1...11 {
            s += termS
            c += termC
            termS *= -r2 / Double((2 * n) * (2 * n + 1))
            termC *= -r2 / Double((2 * n - 1) * (2 * n))
        }
        switch Int(quarter.truncatingRemainder(dividingBy: 4) + 4) % 4 {
        case 0: return (s, c)
        case 1: return (c, -s)
        case 2: return (-s, -c)
        default: return (-c, s)
        }
    }

    /// The angle in [0, π] whose tangent is `y / x`, for `y >= 0` (an angle between two vectors).
    static func atan2NonNegative(_ y: Double, _ x: Double) -> Double {
        if y == 0 { return x >= 0 ? 0 : .pi }
        if x == 0 { return .pi / 2 }
        let a = atan(abs(y / x))
        return x > 0 ? a : .pi - a
    }

    /// atan of `z >= 0`: reduced below tan(π/12) (at most two steps), then its power series.
    static func atan(_ z: Double) -> Double {
        if z > 1 { return .pi / 2 - atan(1 / z) }
        let tan15 = 0.2679491924311227
        if z > tan15 {
            let root3 = 1.7320508075688772
            return .pi / 6 + atan((z * root3 - 1) / (root3 + z))
        }
        // |z| ≤ tan(π/12): z² ≤ 0.072, 14 terms reach below 1e-17.
        let z2 = z * z
        var sum = 0.0, power = z
        for n in 0..<14 {
            sum += (n % 2 == 0 ? power : -power) / Double(2 * n + 1)
            power *= z2
        }
        return sum
    }
}
