import FoundationEssentials

/// A page rendered once through its template, with marked slots where per-request values go.
/// Serving it is a copy and an HTML escape, instead of a template walk over dynamic values:
/// the welcome page is what every phone in the room asks for.
struct PrerenderedPage: Sendable {
    /// The per-request values, each rendered HTML-escaped in its slot, but the help banner: markup
    /// its own template rendered (and escaped), which changes with who is on duty.
    enum Slot: Int, CaseIterable, Sendable {
        case token, continueURL, switchHref, helpBanner

        /// Letters and digits only, so the template's escaping leaves the marker as it is.
        var marker: String { "RELAISSLOT\(rawValue)X9Q7" }

        /// The slot takes generated markup, placed as it is.
        var isMarkup: Bool { self == .helpBanner }
    }

    private let pieces: [[UInt8]]
    private let slots: [Slot]

    /// Splits `html` (rendered with each slot's marker as its value) around the markers.
    init?(html: String) {
        var pieces: [[UInt8]] = []
        var slots: [Slot] = []
        var rest = Substring(html)
        while let (slot, range) = Self.firstMarker(in: rest) {
            pieces.append(Array(rest[..<range.lowerBound].utf8))
            slots.append(slot)
            rest = rest[range.upperBound...]
        }
        pieces.append(Array(rest.utf8))
        // A template that lost a slot would serve a form without its token: refuse it.
        guard Set(slots) == Set(Slot.allCases) else { return nil }
        self.pieces = pieces
        self.slots = slots
    }

    /// The page with these values in their slots; `value` is asked once per slot occurrence (a closure
    /// rather than a dictionary: no table to build and hash on every page served).
    func render(_ value: (Slot) -> String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.count } + 512)
        for (index, slot) in slots.enumerated() {
            out += pieces[index]
            if slot.isMarkup {
                out += value(slot).utf8
            } else {
                Self.appendEscaped(value(slot), to: &out)
            }
        }
        out += pieces[pieces.count - 1]
        return out
    }

    /// The same escaping as the templates' `{{value}}`: & < > " '.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        HTMLEscaping.append(text, to: &out)
    }

    private static func firstMarker(in text: Substring) -> (Slot, Range<Substring.Index>)? {
        Slot.allCases
            .compactMap { slot in text.firstRange(of: slot.marker).map { (slot, $0) } }
            .min { $0.1.lowerBound < $1.1.lowerBound }
    }
}
