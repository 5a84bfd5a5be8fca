import FoundationEssentials

/// The portal's Mustache templates and static files, read into memory once at start-up.
public struct PortalTemplates: Sendable {
    /// Every page, in every language; loading fails if one is missing.
    static let pages = ["layout", "splash", "connected", "refused", "status", "disconnected", "privacy", "error"]
    /// Static files the pages link to; loading fails if one is missing.
    static let requiredStatic = ["portal.css"]

    let library: TemplateLibrary
    /// Static files by name.
    public let assets: [String: StaticAsset]

    /// Reads `templates/<lang>/<page>.mustache` for every page and language, and every file of `static/`.
    /// Throws `PortalWebError` naming the first file missing or not parseable.
    public static func load(from assetsDirectory: String) async throws -> PortalTemplates {
        let root = URL(fileURLWithPath: assetsDirectory)
        var library = TemplateLibrary()
        for language in PortalLanguage.allCases {
            for page in pages {
                let file = root.appendingPathComponent("templates/\(language.rawValue)/\(page).mustache")
                guard let data = FileManager.default.contents(atPath: file.path) else {
                    throw PortalWebError(code: "missing-template", message: "cannot read \(file.path)")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw PortalWebError(code: "invalid-template", message: "\(file.path) is not UTF-8")
                }
                do {
                    try library.register(text, named: templateName(page, language))
                } catch {
                    throw PortalWebError(code: "invalid-template", message: "\(file.path): \(error)")
                }
            }
        }
        let staticFolder = root.appendingPathComponent("static")
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
        return PortalTemplates(library: library, assets: assets)
    }

    /// Renders a page of one language; nil only if the template is absent, which `load` rules out.
    func render(_ page: String, language: PortalLanguage, values: [String: Any]) -> String? {
        library.render(values, withTemplate: Self.templateName(page, language))
    }

    /// Registered names use `-` because a Mustache section cannot close on a name with `/`.
    static func templateName(_ page: String, _ language: PortalLanguage) -> String {
        "\(language.rawValue)-\(page)"
    }
}
