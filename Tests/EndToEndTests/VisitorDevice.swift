import Foundation
import RelaisTesting

/// What a visitor's phone does, with curl inside the client namespace: probe, open the portal, post its form.
struct VisitorDevice {
    let namespace: String

    struct Answer {
        var status: Int
        var location: String
        var body: String
    }

    /// Asks a probe URL; its host name resolves to the "internet" namespace, as public DNS would.
    func probe(_ url: String, host: String, family: String = "-4") throws -> Answer {
        try fetch(url, extra: [family, "--resolve", "\(host):80:\(family == "-6" ? "[\(TestNetwork.internetAddress6)]" : TestNetwork.internetAddress)"])
    }

    /// A plain GET.
    func get(_ url: String) throws -> Answer {
        try fetch(url, extra: [])
    }

    /// Finds the form whose action contains `action` in `html` and posts its fields, as a browser would.
    func submitForm(in html: String, action: String, base: String) throws -> Answer {
        let form = try require2(HTMLForm.find(in: html, actionContaining: action), "no form with action \(action) in page")
        var arguments = ["-X", "POST"]
        for (name, value) in form.fields { arguments += ["--data-urlencode", "\(name)=\(value)"] }
        let target = form.action.hasPrefix("http") ? form.action : base + form.action
        return try fetch(target, extra: arguments)
    }

    private func fetch(_ url: String, extra: [String]) throws -> Answer {
        let marker = "\n--relais-e2e-status--"
        let result = try Shell.inNamespace(namespace, [
            "curl", "-s", "--max-time", "3", "-w", "\(marker)%{http_code} %{redirect_url}",
        ] + extra + [url], check: false)
        guard let range = result.output.range(of: marker, options: .backwards) else {
            return Answer(status: 0, location: "", body: result.output)
        }
        let tail = result.output[range.upperBound...].split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        return Answer(
            status: Int(tail.first ?? "") ?? 0,
            location: tail.count > 1 ? String(tail[1]) : "",
            body: String(result.output[..<range.lowerBound]))
    }
}

/// A form found in a page: where it posts and its fields with their values.
struct HTMLForm {
    var action: String
    var fields: [(String, String)]

    static func find(in html: String, actionContaining fragment: String) -> HTMLForm? {
        let formPattern = try! NSRegularExpression(pattern: #"<form\b([^>]*)>(.*?)</form>"#, options: [.dotMatchesLineSeparators, .caseInsensitive])
        let text = html as NSString
        for match in formPattern.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            let attributes = text.substring(with: match.range(at: 1))
            guard let action = attribute("action", in: attributes), action.contains(fragment) else { continue }
            let body = text.substring(with: match.range(at: 2))
            let inputPattern = try! NSRegularExpression(pattern: #"<(?:input|button)\b([^>]*)>"#, options: [.caseInsensitive])
            var fields: [(String, String)] = []
            for input in inputPattern.matches(in: body, range: NSRange(location: 0, length: (body as NSString).length)) {
                let inputAttributes = (body as NSString).substring(with: input.range(at: 1))
                // As a browser does: a checkbox or radio button is sent only when it is checked.
                let kind = attribute("type", in: inputAttributes)?.lowercased()
                if kind == "checkbox" || kind == "radio",
                   inputAttributes.range(of: #"\bchecked\b"#, options: [.regularExpression, .caseInsensitive]) == nil {
                    continue
                }
                if let name = attribute("name", in: inputAttributes) {
                    fields.append((name, attribute("value", in: inputAttributes) ?? ""))
                }
            }
            return HTMLForm(action: action, fields: fields)
        }
        return nil
    }

    private static func attribute(_ name: String, in attributes: String) -> String? {
        let pattern = try! NSRegularExpression(pattern: "\\b\(name)\\s*=\\s*\"([^\"]*)\"", options: [.caseInsensitive])
        let text = attributes as NSString
        guard let match = pattern.firstMatch(in: attributes, range: NSRange(location: 0, length: text.length)) else { return nil }
        return unescape(text.substring(with: match.range(at: 1)))
    }

    private static func unescape(_ value: String) -> String {
        var out = value
        let numeric = try! NSRegularExpression(pattern: "&#(x?)([0-9a-fA-F]+);")
        for match in numeric.matches(in: value, range: NSRange(location: 0, length: (value as NSString).length)).reversed() {
            let text = value as NSString
            let hex = text.substring(with: match.range(at: 1)) == "x"
            let digits = text.substring(with: match.range(at: 2))
            if let code = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code),
               let range = Range(match.range, in: out) {
                out.replaceSubrange(range, with: String(Character(scalar)))
            }
        }
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out
    }
}

struct MissingValue: Error, CustomStringConvertible { var description: String }

/// Unwraps or throws with a message (usable outside a test body).
func require2<T>(_ value: T?, _ message: String) throws -> T {
    guard let value else { throw MissingValue(description: message) }
    return value
}
