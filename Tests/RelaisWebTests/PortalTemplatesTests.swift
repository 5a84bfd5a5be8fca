import Foundation
import RelaisWeb
import Testing

@Suite struct PortalTemplatesTests {
    /// A private copy made file by file (the source may be reached through a symlink, which
    /// `copyItem` would copy as a link, so edits would land in the real templates).
    func copyOfAssets() throws -> String {
        let source = URL(fileURLWithPath: PortalFixture.assetsDirectory).resolvingSymlinksInPath().path
        let folder = NSTemporaryDirectory() + "relais-templates-\(UUID().uuidString)"
        let files = FileManager.default
        for sub in ["templates", "messages", "static"] {
            try files.createDirectory(atPath: "\(folder)/\(sub)", withIntermediateDirectories: true)
            for name in try files.contentsOfDirectory(atPath: "\(source)/\(sub)") {
                // Subfolders (templates/staff/) hold other page sets, which the portal does not load.
                var isFolder: ObjCBool = false
                if files.fileExists(atPath: "\(source)/\(sub)/\(name)", isDirectory: &isFolder), isFolder.boolValue { continue }
                let data = try #require(files.contents(atPath: "\(source)/\(sub)/\(name)"))
                try data.write(to: URL(fileURLWithPath: "\(folder)/\(sub)/\(name)"))
            }
        }
        #expect(!folder.hasPrefix(source))
        return folder
    }

    @Test func loadsEveryTemplateAndTheStylesheet() async throws {
        let templates = try await PortalTemplates.load(from: PortalFixture.assetsDirectory)
        #expect(templates.assets["portal.css"]?.contentType == "text/css; charset=utf-8")
    }

    @Test func missingFolderFailsLoudly() async {
        await #expect(throws: PortalWebError.self) { try await PortalTemplates.load(from: "/nonexistent/relais") }
    }

    @Test func missingTemplateIsNamed() async throws {
        let folder = try copyOfAssets()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: folder + "/templates/status.mustache")
        do {
            _ = try await PortalTemplates.load(from: folder)
            Issue.record("loading should fail")
        } catch let error as PortalWebError {
            #expect(error.code == "missing-template")
            #expect(error.message.contains("templates/status.mustache"))
        }
    }

    @Test func parseErrorNamesTheFileTheTemplateAndTheLine() async throws {
        let folder = try copyOfAssets()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "<p>\n{{#open}}\nnever closed\n".write(toFile: folder + "/templates/status.mustache", atomically: true, encoding: .utf8)
        do {
            _ = try await PortalTemplates.load(from: folder)
            Issue.record("loading should fail")
        } catch let error as PortalWebError {
            #expect(error.code == "invalid-template")
            #expect(error.message.contains("templates/status.mustache"))
            #expect(error.message.contains("template 'status', line 2"))
        }
    }

    @Test func brokenTemplateAndMissingStylesheetFail() async throws {
        let folder = try copyOfAssets()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{{#open}} never closed".write(toFile: folder + "/templates/error.mustache", atomically: true, encoding: .utf8)
        await #expect(throws: PortalWebError.self) { try await PortalTemplates.load(from: folder) }
        let second = try copyOfAssets()
        defer { try? FileManager.default.removeItem(atPath: second) }
        try FileManager.default.removeItem(atPath: second + "/static/portal.css")
        await #expect(throws: PortalWebError.self) { try await PortalTemplates.load(from: second) }
    }
}
