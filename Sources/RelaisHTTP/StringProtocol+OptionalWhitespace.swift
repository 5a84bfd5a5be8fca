extension StringProtocol where SubSequence == Substring {
    /// The text without the spaces and tabs around it: HTTP's optional whitespace (RFC 9110, 5.6.3)
    /// around list items, parameters and header values.
    public func trimmingOptionalWhitespace() -> Substring {
        let isOWS: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        let start = firstIndex { !isOWS($0) } ?? endIndex
        let end = lastIndex { !isOWS($0) }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
