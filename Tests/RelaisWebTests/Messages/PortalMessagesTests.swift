import Foundation
import Testing
@testable import RelaisWeb

/// The start-up check: a missing message stops the daemon, naming the key and the language.
@Suite struct PortalMessagesTests {
    func catalogueFile(_ folder: String, _ language: String) -> String { "\(folder)/messages/\(language).catalogue" }

    func editCatalogue(_ folder: String, _ language: String, _ edit: (String) -> String) throws {
        let path = catalogueFile(folder, language)
        try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func loadError(_ folder: String) async throws -> CatalogueError? {
        do {
            _ = try await PortalTemplates.load(from: folder)
            return nil
        } catch let error as CatalogueError {
            return error
        }
    }

    @Test func shippedCataloguesAreComplete() async throws {
        let templates = try await PortalTemplates.load(from: PortalFixture.assetsDirectory)
        #expect(templates.messages[.fr].keys == templates.messages[.en].keys)
        #expect(templates.messages[.fr]["splash.connect_button"] == "Se connecter")
        #expect(templates.messages[.en]["splash.connect_button"] == "Connect")
    }

    @Test func keyMissingInOneLanguageIsNamed() async throws {
        let folder = try PortalTemplatesTests().copyOfAssets()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try editCatalogue(folder, "en") { $0.replacingOccurrences(of: "splash.rules_heading = The rules\n", with: "") }
        let error = try #require(try await loadError(folder))
        #expect(error.code == .missingKey)
        #expect(error.key == "splash.rules_heading")
        #expect(error.language == .en)
        #expect(error.description.contains("en.catalogue"))
        #expect(error.description.contains("template 'splash'"))
    }

    @Test func keyUsedByTheCodeIsChecked() async throws {
        let folder = try PortalTemplatesTests().copyOfAssets()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for language in ["fr", "en"] {
            try editCatalogue(folder, language) { text in
                text.split(separator: "\n").filter { !$0.hasPrefix("duration.hours.one") }.joined(separator: "\n")
            }
        }
        let error = try #require(try await loadError(folder))
        #expect(error.code == .missingKey)
        #expect(error.key == "duration.hours.one")
        #expect(error.language == .fr)
    }

    @Test func keyOnlyInOneLanguageIsNamed() async throws {
        let folder = try PortalTemplatesTests().copyOfAssets()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try editCatalogue(folder, "fr") { $0 + "\nexample.only_in_french = Borne\n" }
        let error = try #require(try await loadError(folder))
        #expect(error.code == .missingKey)
        #expect(error.key == "example.only_in_french")
        #expect(error.language == .en)
    }

    @Test func keyUsedByATemplateButNowhereIsNamed() async throws {
        let folder = try PortalTemplatesTests().copyOfAssets()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let footer = "\(folder)/templates/footer.mustache"
        try (try String(contentsOfFile: footer, encoding: .utf8) + "<p>{{t.layout.opening_hours}}</p>\n").write(toFile: footer, atomically: true, encoding: .utf8)
        let error = try #require(try await loadError(folder))
        #expect(error.key == "layout.opening_hours")
        #expect(error.language == .fr)
        #expect(error.detail == "used by template 'footer'")
    }

    @Test func lostPlaceholderIsNamed() async throws {
        let folder = try PortalTemplatesTests().copyOfAssets()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try editCatalogue(folder, "en") { $0.replacingOccurrences(of: "Continue to {host}", with: "Continue") }
        let error = try #require(try await loadError(folder))
        #expect(error.code == .missingPlaceholder)
        #expect(error.key == "connected.continue")
        #expect(error.detail == "{host}")
    }

    @Test func missingCatalogueFileIsNamed() async throws {
        let folder = try PortalTemplatesTests().copyOfAssets()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: catalogueFile(folder, "en"))
        let error = try #require(try await loadError(folder))
        #expect(error.code == .unreadable)
        #expect(error.language == .en)
    }
}
