import FoundationEssentials
import RelaisCore

/// The keys of the legal log: every key still needed to open a stored entry, and the one that seals
/// new entries. Old keys stay until their last entry is purged (``retiring(keeping:)``).
///
/// File format (text, one line each, `#` comments ignored):
/// ```
/// relais-keyring 1
/// current 2
/// key 1 2026-11-30T06:00:00Z 3f2a…(64 hex digits)
/// key 2 2027-11-30T06:00:00Z 9c01…
/// ```
public struct LegalKeyRing: Sendable, Equatable {
    /// One AES-256 key with its id (stored with each entry it seals) and creation date.
    public struct Key: Sendable, Equatable {
        public var id: UInt32
        public var createdAt: Date
        public var secret: [UInt8]

        public init(id: UInt32, createdAt: Date, secret: [UInt8]) {
            self.id = id
            self.createdAt = createdAt
            self.secret = secret
        }
    }

    public private(set) var keys: [Key]
    public private(set) var currentID: UInt32

    public var current: Key { keys.first { $0.id == currentID }! }

    /// A ring of one new key.
    public static func new(secret: [UInt8], at now: Date) -> LegalKeyRing {
        LegalKeyRing(keys: [Key(id: 1, createdAt: now, secret: secret)], currentID: 1)
    }

    private init(keys: [Key], currentID: UInt32) {
        self.keys = keys
        self.currentID = currentID
    }

    public func key(id: UInt32) -> Key? { keys.first { $0.id == id } }

    /// The ring with a new current key; the others stay, to open what they sealed.
    public func rotated(secret: [UInt8], at now: Date) -> LegalKeyRing {
        let id = (keys.map(\.id).max() ?? 0) + 1
        return LegalKeyRing(keys: keys + [Key(id: id, createdAt: now, secret: secret)], currentID: id)
    }

    /// The ring without the keys that seal no stored entry any more; the current key always stays.
    public func retiring(keeping used: Set<UInt32>) -> LegalKeyRing {
        LegalKeyRing(keys: keys.filter { $0.id == currentID || used.contains($0.id) }, currentID: currentID)
    }

    static let header = "relais-keyring 1"

    public var fileText: String {
        var lines = [
            "# relais: clés du journal légal. Fichier root seul (0600) ; à sauvegarder à part de la base.",
            "# relais: legal log keys. Root only (0600); back it up apart from the database.",
            Self.header, "current \(currentID)",
        ]
        for key in keys {
            lines.append("key \(key.id) \(key.createdAt.formatted(.iso8601)) \(Hex.encode(key.secret))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses a ring file; `path` only names the file in errors.
    public init(fileText text: String, path: String) throws(KeyFileError) {
        var sawHeader = false
        var current: UInt32?
        var keys: [Key] = []
        // "\r\n" is one Character in Swift: split on both forms.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (number, raw) in lines.enumerated() {
            let text = String(raw.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
            if text.isEmpty || text.hasPrefix("#") { continue }
            let where_ = "ligne \(number + 1) / line \(number + 1)"
            if !sawHeader {
                guard text == Self.header else { throw .malformed(path, "\(where_): en-tête « \(Self.header) » attendu") }
                sawHeader = true
                continue
            }
            let fields = text.split(separator: " ")
            switch fields.first {
            case "current":
                guard fields.count == 2, let id = UInt32(fields[1]), current == nil else { throw .malformed(path, "\(where_): current") }
                current = id
            case "key":
                guard fields.count == 4, let id = UInt32(fields[1]), !keys.contains(where: { $0.id == id }) else {
                    throw .malformed(path, "\(where_): key")
                }
                guard let created = try? Date(String(fields[2]), strategy: .iso8601) else {
                    throw .malformed(path, "\(where_): date")
                }
                guard let secret = Hex.decode(fields[3]), secret.count == AES256GCM.keyLength else {
                    throw .malformed(path, "\(where_): la clé doit faire 64 chiffres hexadécimaux")
                }
                keys.append(Key(id: id, createdAt: created, secret: secret))
            default:
                throw .malformed(path, "\(where_): mot inconnu")
            }
        }
        guard sawHeader else { throw .malformed(path, "fichier vide") }
        guard let current, keys.contains(where: { $0.id == current }) else {
            throw KeyFileError(.noCurrentKey, path: path, "aucune clé courante (no current key)")
        }
        self.init(keys: keys, currentID: current)
    }
}
