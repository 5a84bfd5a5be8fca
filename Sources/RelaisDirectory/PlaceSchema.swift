/// The national schema of places of digital mediation (LaMednum / ANCT, « lieux de médiation numérique »,
/// v1.0.x on schema.data.gouv.fr): the columns relais reads and their vocabularies.
enum PlaceSchema {
    /// Columns every file must have, and every row must fill.
    static let required = ["id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj"]
    /// Optional columns relais uses; other columns are ignored.
    static let optional = [
        "latitude", "longitude", "horaires", "services", "typologie", "publics_specifiquement_adresses", "telephone",
        "courriels", "site_web", "presentation_resume", "prise_rdv", "modalites_acces",
    ]
    /// `presentation_resume`'s maximum length, in characters.
    static let summaryMaxLength = 280

    static let services: Set<String> = [
        "Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien",
        "Insertion professionnelle via le numérique", "Utilisation sécurisée du numérique",
        "Parentalité et éducation avec le numérique", "Loisirs et créations numériques",
        "Compréhension du monde numérique", "Accès internet et matériel informatique",
        "Acquisition de matériel informatique à prix solidaire",
    ]
    static let audiences: Set<String> = ["Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes"]
    static let accessModes: Set<String> = [
        "Se présenter", "Téléphoner", "Contacter par mail", "Prendre un RDV en ligne",
        "Ce lieu n'accueille pas de public", "Envoyer un mail avec une fiche de prescription",
    ]
    /// Country codes the schema's `telephone` pattern allows (metropolitan France and overseas).
    static let phonePrefixes = ["+33", "+590", "+594", "+262", "+596", "+269", "+687", "+689", "+508", "+681"]

    /// Multi-valued fields: `|` in v1.0 files, `;` in older ones; both are read, blanks dropped.
    static func values(_ text: String) -> [String] {
        text.utf8.split(whereSeparator: { $0 == 0x7C || $0 == 0x3B })
            .map { String(Substring($0)).trimmingSpaces }
            .filter { !$0.isEmpty }
    }

    /// SIRET (14 digits), SIREN (9 digits) or RNA (`W` and 9 digits).
    static func isPivot(_ text: String) -> Bool {
        let digits = text.allSatisfy({ $0.isASCIIDigit })
        return (digits && (text.count == 14 || text.count == 9))
            || (text.count == 10 && text.first == "W" && text.dropFirst().allSatisfy({ $0.isASCIIDigit }))
    }

    static func isPostalCode(_ text: String) -> Bool { text.count == 5 && text.allSatisfy({ $0.isASCIIDigit }) }

    /// `+33` (or an overseas code) then 6 to 9 digits, no spaces.
    static func isPhone(_ text: String) -> Bool {
        phonePrefixes.contains { prefix in
            text.hasPrefix(prefix) && (6...9).contains(text.count - prefix.count)
                && text.dropFirst(prefix.count).allSatisfy({ $0.isASCIIDigit })
        }
    }

    /// One `@`, something before it, a dotted domain after it, no spaces.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: { $0.isWhitespace }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// An `http://` or `https://` address with a host and no spaces.
    static func isWebAddress(_ text: String) -> Bool {
        guard !text.contains(where: { $0.isWhitespace }) else { return false }
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) {
            let host = text.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return host.contains(".") && !host.hasPrefix(".") && !host.hasSuffix(".")
        }
        return false
    }
}

extension StringProtocol {
    /// Without leading and trailing white space. Most values have none: they are returned without a scan.
    var trimmingSpaces: String {
        guard let first, let last, first.isWhitespace || last.isWhitespace else { return String(self) }
        guard let start = firstIndex(where: { !$0.isWhitespace }), let end = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[start...end])
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
