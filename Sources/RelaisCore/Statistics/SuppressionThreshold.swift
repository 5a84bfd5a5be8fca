/// The smallest count a report may show (k). Below it a count is suppressed: with a handful of visitors in a
/// cell, someone who knows one of them could learn about them.
public struct SuppressionThreshold: Sendable, Hashable, CustomStringConvertible {
    /// The floor no configuration can go under.
    public static let minimum = 5
    /// What a box uses unless configured otherwise.
    public static let standard = SuppressionThreshold(checked: 11)

    public let k: Int

    /// Nil below `minimum`.
    public init?(_ k: Int) {
        guard k >= Self.minimum else { return nil }
        self.k = k
    }

    private init(checked k: Int) { self.k = k }

    public var description: String { "k=\(k)" }
}
