import RelaisCore

extension ConfigSection {
    /// `[site]`: where the box is; its time zone for everything reckoned in local civil time.
    static let site = ConfigSection(
        name: "site",
        keys: ["time_zone", "latitude", "longitude"],
        read: { config, reader, _ in
            reader.set(&config.site.timeZone, "site", "time_zone", ConfigValueRules.timeZoneName)
            reader.set(&config.site.latitude, "site", "latitude", ConfigValueRules.degrees(limit: 90))
            reader.set(&config.site.longitude, "site", "longitude", ConfigValueRules.degrees(limit: 180))
        },
        check: { config, reader in
            // The box's position orders the places of help by distance: one coordinate alone is a mistake.
            guard (config.site.latitude == nil) != (config.site.longitude == nil),
                  !reader.rejectedKeys.contains("site.latitude"), !reader.rejectedKeys.contains("site.longitude") else { return }
            let present = config.site.latitude == nil ? "longitude" : "latitude"
            let missing = present == "latitude" ? "longitude" : "latitude"
            reader.report(line: reader.line("site", present) ?? 1, key: "site.\(missing)",
                          problem: "site.\(present) is set but site.\(missing) is not",
                          allowed: "both coordinates of the box, or neither")
        })
}

extension ConfigValueRules {
    /// WGS 84 decimal degrees written as text (`"46.5802"`; the file's number syntax has no decimals),
    /// between `-limit` and `limit`.
    static func degrees(limit: Double) -> ConfigRule<Double?> {
        { value throws(ValueRejection) in
            let allowed = "decimal degrees between -\(Int(limit)) and \(Int(limit)) in double quotes, e.g. \"46.5802\""
            guard case .string(let text) = value else {
                throw ValueRejection(problem: "\(value.rendered) is \(value.kindName)", allowed: allowed)
            }
            guard text.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "-" }), let degrees = Double(text),
                  degrees.isFinite, abs(degrees) <= limit else {
                throw ValueRejection(problem: "\(value.rendered) is not a coordinate", allowed: allowed)
            }
            return degrees
        }
    }

    /// A tzdata name such as `Europe/Paris` or `America/Cayenne` (`TimeZoneRules.isValidName`, the rule the
    /// zoneinfo loader applies), at most 64 characters: never `..` nor an absolute path.
    /// Whether the zone exists is checked by `serve` and `check-config` when they load it.
    static func timeZoneName(_ value: ConfigValue) throws(ValueRejection) -> String {
        guard case .string(let name) = value else {
            throw ValueRejection(problem: "\(value.rendered) is not a string", allowed: "a time zone name such as \"Europe/Paris\"")
        }
        guard name.count <= 64, TimeZoneRules.isValidName(name) else {
            throw ValueRejection(problem: "\(value.rendered) is not a time zone name",
                                 allowed: "a tzdata name such as \"Europe/Paris\" (see /usr/share/zoneinfo)")
        }
        return name
    }
}
