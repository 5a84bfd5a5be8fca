import RelaisCore

/// Addresses written as literals in tests (`"192.0.2.10"`). Only for the tests' own literals: a literal
/// that is not an address stops the test at once. Production code parses with the failable initializer.
extension IPAddress: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral text: String) {
        guard let address = IPAddress(text) else { preconditionFailure("not an IP address: \(text)") }
        self = address
    }
}
