import RelaisCore

extension ConfigSection {
    /// `[site]`: where the box is; its time zone for everything reckoned in local civil time.
    static let site = ConfigSection(
        name: "site",
        keys: ["time_zone"],
        read: { config, reader, _ in
            reader.set(&config.site.timeZone, "site", "time_zone", ConfigValueRules.timeZoneName)
        })
}

extension ConfigValueRules {
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
