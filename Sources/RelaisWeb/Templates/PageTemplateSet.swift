import FoundationEssentials

/// Another audience's pages (the agents' pages) rendered with the portal's engine, catalogues and
/// static files: templates under `templates/<name>.mustache`, texts from the same catalogues (checked
/// complete for these templates too), the same `portal.css`.
public struct PageTemplateSet: Sendable {
    let library: TemplateLibrary
    public let messages: PortalMessages
    public let assets: [String: StaticAsset]

    /// Reads `templates/<name>.mustache` for each name (`staff/layout` → `templates/staff/layout.mustache`,
    /// referred to as `{{<staff/layout}}`), the catalogues and `static/`. Throws naming the first
    /// missing file or message. `codeKeys` are the keys the caller's Swift code reads, with the
    /// placeholders it fills in: each must exist, with them, in every language.
    public static func load(from assetsDirectory: String, pages: [String], codeKeys: [String: [String]] = [:]) throws -> PageTemplateSet {
        var library = TemplateLibrary()
        for page in pages {
            let path = assetsDirectory + "/templates/\(page).mustache"
            guard let data = FileManager.default.contents(atPath: path), let text = String(validating: Array(data), as: UTF8.self) else {
                throw PortalWebError(code: "missing-template", message: "cannot read \(path)")
            }
            do {
                try library.register(text, named: page)
            } catch {
                throw PortalWebError(code: "invalid-template", message: "\(path): \(error)")
            }
        }
        var keys: [String: String] = [:]
        for root in PortalTemplates.messageRoots {
            keys.merge(library.names(under: root)) { first, _ in first }
        }
        let messages = try PortalMessages.load(from: assetsDirectory, templateKeys: keys)
        for language in PortalLanguage.allCases {
            let path = PortalMessages.file(assetsDirectory, language)
            for (key, placeholders) in codeKeys.sorted(by: { $0.key < $1.key }) {
                guard let text = messages[language].entries[key] else {
                    throw CatalogueError(.missingKey, file: path, language: language, key: key, detail: "used by the program")
                }
                for name in placeholders where !text.contains("{\(name)}") {
                    throw CatalogueError(.missingPlaceholder, file: path, language: language, key: key, detail: "{\(name)}")
                }
            }
        }
        let assets = try PortalTemplates.loadStatic(URL(fileURLWithPath: assetsDirectory).appendingPathComponent("static"))
        return PageTemplateSet(library: library, messages: messages, assets: assets)
    }

    /// The page `name` over `values`, with the texts of `language` as `t`, French ones as `french`, and
    /// `lang`, `otherLang`, `isFrench`, `cssHref`; nil when no template has that name.
    public func render(_ name: String, language: PortalLanguage, values: [String: Any]) -> String? {
        var all = values
        all["t"] = messages[language].templateValue
        all["french"] = messages[.fr].templateValue
        all["lang"] = language.rawValue
        all["otherLang"] = language.other.rawValue
        all["isFrench"] = language == .fr
        all["cssHref"] = "/static/portal.css?v=\(assets["portal.css"]?.version ?? "0")"
        return library.render(all, withTemplate: name)
    }
}
