import Foundation
import Synchronization
import RelaisCore
import RelaisHTTP

/// A response with its body as text, for assertions.
struct TestResponse {
    let response: HTTPResponse
    init(_ response: HTTPResponse) { self.response = response }

    var status: Int { response.status }
    var text: String { String(decoding: response.body, as: UTF8.self) }
    var location: String? { response.header("location") }
    func header(_ name: String) -> String? { response.header(name) }

    /// The decoded query parameters of the `Location` header.
    var locationQuery: [String: String] {
        guard let location, let mark = location.firstIndex(of: "?") else { return [:] }
        return URLEncodedForm.decode(Array(location[location.index(after: mark)...].utf8)) ?? [:]
    }
}

/// A form read out of a page as a browser reads it: its action and its named fields (entities decoded).
struct BrowserForm {
    var action: String
    var fields: [(name: String, value: String)]

    struct NotFound: Error, CustomStringConvertible { var description: String }

    static func find(in html: String, action wanted: String) throws -> BrowserForm {
        let formPattern = try NSRegularExpression(pattern: #"<form\b([^>]*)>(.*?)</form>"#, options: [.dotMatchesLineSeparators])
        let text = html as NSString
        for match in formPattern.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            let attributes = text.substring(with: match.range(at: 1))
            guard let action = attribute("action", in: attributes), action == wanted else { continue }
            let body = text.substring(with: match.range(at: 2))
            let inputPattern = try NSRegularExpression(pattern: #"<input\b([^>]*)>"#)
            var fields: [(name: String, value: String)] = []
            for input in inputPattern.matches(in: body, range: NSRange(location: 0, length: (body as NSString).length)) {
                let inputAttributes = (body as NSString).substring(with: input.range(at: 1))
                // As a browser: an unticked checkbox sends nothing (`ticking` sends it).
                let isCheckbox = attribute("type", in: inputAttributes) == "checkbox"
                if isCheckbox, !inputAttributes.contains(" checked") { continue }
                if let name = attribute("name", in: inputAttributes) {
                    fields.append((name, attribute("value", in: inputAttributes) ?? ""))
                }
            }
            return BrowserForm(action: action, fields: fields)
        }
        throw NotFound(description: "no form posting to \(wanted)")
    }

    func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// The form with the checkbox `name` ticked, as a visitor would (its value is "yes").
    func ticking(_ name: String) -> BrowserForm {
        var copy = self
        copy.fields.append((name, "yes"))
        return copy
    }

    func replacing(_ name: String, with value: String) -> BrowserForm {
        var copy = self
        copy.fields = fields.map { $0.name == name ? (name, value) : $0 }
        return copy
    }

    var encodedBody: String {
        fields.map { "\(URLEncodedForm.encode($0.name))=\(URLEncodedForm.encode($0.value))" }.joined(separator: "&")
    }

    private static func attribute(_ name: String, in attributes: String) -> String? {
        guard let pattern = try? NSRegularExpression(pattern: "\\b\(name)=\"([^\"]*)\""),
              let match = pattern.firstMatch(in: attributes, range: NSRange(location: 0, length: (attributes as NSString).length))
        else { return nil }
        var value = (attributes as NSString).substring(with: match.range(at: 1))
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            value = value.replacingOccurrences(of: entity, with: character)
        }
        return value
    }
}

/// A deterministic keyed code for web tests (FNV-1a spread to 32 bytes); shaped like a MAC, not secure.
struct WebTestAuthenticator: MessageAuthenticator {
    func authenticationCode(for message: [UInt8]) -> [UInt8] {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var out: [UInt8] = []
        for round in 0..<4 {
            for byte in Array("web-test-key".utf8) + [UInt8(round)] + message {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            out += (0..<8).map { UInt8(truncatingIfNeeded: hash >> (8 * $0)) }
        }
        return out
    }
}

/// Nonces that never repeat within a test run (a counter), so single use can be checked exactly.
final class CountingRandomSource: RandomSource {
    private let counter = Mutex<UInt64>(0)

    func bytes(_ count: Int) -> [UInt8] {
        let value = counter.withLock { $0 += 1; return $0 }
        return (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0 % 8))) }
    }
}
