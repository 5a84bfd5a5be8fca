/// The name a box is registered under at the département (`mediatheque-lannion`): lower-case letters,
/// digits and dashes, 1 to 64 characters. It names a place, never a person.
public struct BoxID: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        guard (1...64).contains(text.utf8.count),
              text.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") })
        else { return nil }
        rawValue = text
    }

    public var description: String { rawValue }
}
