/// Comparison whose duration does not depend on where two byte strings differ.
public enum ConstantTime {
    /// True when both have the same length and bytes; time depends only on the length.
    public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
