import FoundationEssentials

/// The JSON coders of control messages, shared by server and client so both sides agree.
enum ControlWire {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Indented JSON for `--json` output, newline-terminated.
    static func pretty(_ value: some Encodable) -> String {
        let encoder = encoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null") + "\n"
    }

    /// A short French explanation of why a request could not be decoded.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "requête illisible" }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "requête illisible : JSON invalide"
        case .dataCorrupted(let context):
            return "requête invalide (\(path(context.codingPath))) : \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "requête invalide : champ « \(path(context.codingPath + [key])) » manquant"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "requête invalide : mauvais type pour « \(path(context.codingPath)) »"
        @unknown default:
            return "requête invalide"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
