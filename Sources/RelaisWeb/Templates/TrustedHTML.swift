/// Markup the program generated itself (an SVG chart, a QR code), written by `{{name}}` as it is.
/// Every other value is escaped; build this only from markup whose every variable part was escaped
/// or validated by the code that generated it, never from a visitor's input.
public struct TrustedHTML: Sendable, Equatable {
    public let markup: String

    public init(generatedMarkup markup: String) {
        self.markup = markup
    }

    /// Text made safe to place in markup: the same escaping as `{{name}}`.
    public init(escaping text: String) {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        HTMLEscaping.append(text, to: &out)
        markup = out
    }
}
