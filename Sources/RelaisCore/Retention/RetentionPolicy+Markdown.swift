extension RetentionPolicy {
    /// The table as Markdown, exactly as `docs/data-protection.md` shows it (a test compares them).
    public static var markdownTable: String {
        var lines = [
            "| Category | Data | Purpose | Legal basis (GDPR art. 6(1)) | Retention | Purge |",
            "|---|---|---|---|---|---|",
        ]
        for category in categories {
            let cells = [
                "`\(category.id.rawValue)`", category.data, category.purpose, category.legalBasis,
                category.retention.text, category.purgeRule,
            ]
            lines.append("| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}
