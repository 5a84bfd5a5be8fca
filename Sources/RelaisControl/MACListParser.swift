import RelaisCore

/// Reads a batch of MAC addresses, one per line, as an operator pastes or pipes them.
public enum MACListParser {
    /// Blank lines and `#` comments (whole-line or trailing) are ignored, duplicates dropped keeping the
    /// first; every other line that is not a MAC address is returned with its 1-based line number.
    public static func parse(_ text: String) -> (macs: [MACAddress], invalid: [(line: Int, text: String)]) {
        var macs: [MACAddress] = []
        var seen: Set<MACAddress> = []
        var invalid: [(line: Int, text: String)] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let content = rawLine.prefix { $0 != "#" }.trimmingWhitespace()
            guard !content.isEmpty else { continue }
            guard let mac = MACAddress(content) else {
                invalid.append((line: index + 1, text: String(content)))
                continue
            }
            if seen.insert(mac).inserted { macs.append(mac) }
        }
        return (macs, invalid)
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
