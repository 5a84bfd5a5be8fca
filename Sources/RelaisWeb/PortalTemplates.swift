import FoundationEssentials

/// The portal's templates, message catalogues and static files, read into memory once at start-up.
public struct PortalTemplates: Sendable {
    /// Every page and partial; loading fails if one is missing.
    static let pages = ["layout", "header", "footer", "splash", "connected", "refused", "status", "disconnected", "privacy", "error",
                        "forgotten", "places", "place", "place-details", "helpbanner", "help_request", "help_progress", "kiosk"]
    /// Static files the pages link to; loading fails if one is missing.
    static let requiredStatic = ["portal.css"]
    /// Templates reach the texts of the page's language as `{{t.key}}`, and French ones as `{{french.key}}`.
    static let messageRoots = ["t", "french"]

    let library: TemplateLibrary
    /// The texts of every language, checked complete.
    public let messages: PortalMessages
    /// Static files by name.
    public let assets: [String: StaticAsset]

    /// Reads `templates/<page>.mustache` for every page, `messages/<lang>.catalogue` for every language
    /// and every file of `static/`. Throws `PortalWebError` naming the first file missing or not
    /// parseable, or `CatalogueError` naming the first missing message and its language.
    public static func load(from assetsDirectory: String) async throws -> PortalTemplates {
        let root = URL(fileURLWithPath: assetsDirectory)
        var library = TemplateLibrary()
        for page in pages {
            let file = root.appendingPathComponent("templates/\(page).mustache")
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw PortalWebError(code: "missing-template", message: "cannot read \(file.path)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw PortalWebError(code: "invalid-template", message: "\(file.path) is not UTF-8")
            }
            do {
                try library.register(text, named: page)
            } catch {
                throw PortalWebError(code: "invalid-template", message: "\(file.path): \(error)")
            }
        }
        var templateKeys: [String: String] = [:]
        for messageRoot in messageRoots {
            templateKeys.merge(library.names(under: messageRoot)) { first, _ in first }
        }
        let messages = try PortalMessages.load(from: root.path, templateKeys: templateKeys)
        return PortalTemplates(library: library, messages: messages, assets: try loadStatic(root.appendingPathComponent("static")))
    }

    static func loadStatic(_ staticFolder: URL) throws -> [String: StaticAsset] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: staticFolder.path)) ?? []
        var assets: [String: StaticAsset] = [:]
        for name in names where StaticAsset.isServableName(name) {
            guard let type = StaticAsset.contentType(forName: name) else { continue }
            guard let data = FileManager.default.contents(atPath: staticFolder.appendingPathComponent(name).path) else {
                throw PortalWebError(code: "read", message: "cannot read \(staticFolder.path)/\(name)")
            }
            assets[name] = StaticAsset(contentType: type, bytes: Array(data))
        }
        for name in requiredStatic where assets[name] == nil {
            throw PortalWebError(code: "missing-static", message: "missing \(staticFolder.path)/\(name)")
        }
        return assets
    }

    /// Renders a page; nil only if the template is absent, which `load` rules out.
    func render(_ page: String, values: [String: Any]) -> String? {
        library.render(values, withTemplate: page)
    }
}
