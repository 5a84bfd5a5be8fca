import FoundationEssentials
import RelaisCore
import RelaisHTTP

/// The message catalogue of every language, checked complete at start-up: every key a template or
/// the code uses exists in every language, every catalogue has the same keys, and every message
/// the code fills in has its placeholders.
public struct PortalMessages: Sendable {
    private let french: MessageCatalogue
    private let english: MessageCatalogue

    /// The catalogue of one language.
    public subscript(language: PortalLanguage) -> MessageCatalogue {
        switch language {
        case .fr: french
        case .en: english
        }
    }

    /// Keys the Swift code reads, with the placeholders it fills in.
    static let codeKeys: [String: [String]] = {
        var keys: [String: [String]] = [
            "duration.less_than_a_minute": [], "duration.minutes.one": [], "duration.minutes.other": ["count"],
            "duration.hours.one": [], "duration.hours.other": ["count"], "duration.hours_and_minutes": ["hours", "minutes"],
            "common.idle_rule": ["duration"], "splash.rule_session": ["duration"], "connected.continue": ["host"],
        ]
        // The privacy notice and the consent boxes (the consent slice), with their placeholders.
        for key in PrivacyNotice.messageKeys { keys[key.key] = key.placeholders }
        keys["consent.remember_label"] = ["days"]
        keys["consent.remember_explanation"] = ["days"]
        keys.merge(PlaceWording.codeKeys) { first, _ in first }
        keys.merge(PlaceView.codeKeys) { first, _ in first }
        keys["places.more"] = ["count", "total"]
        keys["places.updated"] = ["date", "year"]
        keys["places.intro_by_name"] = []
        keys["places.intro_by_distance"] = []
        keys.merge(MessageCatalogue.helpOfferKeys) { first, _ in first }
        for code in HTTPError.Code.allCases {
            keys[errorTitleKey(code)] = []
            keys[errorTextKey(code)] = []
        }
        return keys
    }()

    static func errorTitleKey(_ code: HTTPError.Code) -> String { "error.\(code.rawValue).title" }
    static func errorTextKey(_ code: HTTPError.Code) -> String { "error.\(code.rawValue).text" }

    /// Reads `messages/<lang>.catalogue` for every language and checks them against `templateKeys`
    /// (key → the template using it) and the code's own keys.
    static func load(from directory: String, templateKeys: [String: String]) throws(CatalogueError) -> PortalMessages {
        var catalogues: [PortalLanguage: MessageCatalogue] = [:]
        for language in PortalLanguage.allCases {
            let path = file(directory, language)
            guard let data = FileManager.default.contents(atPath: path), let text = String(validating: Array(data), as: UTF8.self) else {
                throw CatalogueError(.unreadable, file: path, language: language)
            }
            catalogues[language] = try MessageCatalogue.parse(text, language: language, file: path)
        }
        return try checked(catalogues, templateKeys: templateKeys, directory: directory)
    }

    /// The catalogues, once every check passed; the first problem found is thrown.
    static func checked(
        _ catalogues: [PortalLanguage: MessageCatalogue], templateKeys: [String: String], directory: String
    ) throws(CatalogueError) -> PortalMessages {
        let allKeys = catalogues.values.reduce(into: Set<String>()) { $0.formUnion($1.keys) }
        for language in PortalLanguage.allCases {
            let path = file(directory, language)
            guard let catalogue = catalogues[language] else { throw CatalogueError(.unreadable, file: path, language: language) }
            for key in templateKeys.keys.sorted() where catalogue.entries[key] == nil {
                throw CatalogueError(.missingKey, file: path, language: language, key: key, detail: "used by template '\(templateKeys[key] ?? "")'")
            }
            for key in codeKeys.keys.sorted() {
                guard let text = catalogue.entries[key] else {
                    throw CatalogueError(.missingKey, file: path, language: language, key: key, detail: "used by the program")
                }
                for name in codeKeys[key] ?? [] where !text.contains("{\(name)}") {
                    throw CatalogueError(.missingPlaceholder, file: path, language: language, key: key, detail: "{\(name)}")
                }
            }
            for key in allKeys.subtracting(catalogue.keys).sorted() {
                throw CatalogueError(.missingKey, file: path, language: language, key: key, detail: "present in another language")
            }
        }
        guard let french = catalogues[.fr], let english = catalogues[.en] else {
            throw CatalogueError(.unreadable, file: directory, language: .fr)
        }
        return PortalMessages(french: french, english: english)
    }

    static func file(_ directory: String, _ language: PortalLanguage) -> String {
        "\(directory)/messages/\(language.rawValue).catalogue"
    }
}
