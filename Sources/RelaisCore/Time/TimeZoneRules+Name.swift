extension TimeZoneRules {
    /// A tzdata zone name (`Europe/Paris`, `Etc/GMT-4`): non-empty parts of ASCII letters, digits, `_`, `+`
    /// and `-` joined by `/`. It names a file under the zoneinfo folder, so `.`, `..` and absolute paths are
    /// refused by construction. Shared by the config reader and the zoneinfo loader.
    public static func isValidName(_ name: String) -> Bool {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        return name.utf8.count <= 255 && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
                    || ("0"..."9").contains(scalar) || "_+-".unicodeScalars.contains(scalar))
            }
        }
    }
}
