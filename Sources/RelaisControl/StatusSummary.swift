/// The text `relais ctl status` prints.
public enum StatusSummary {
    public static func render(_ status: StatusReport) -> String {
        let firewall = status.firewallMode == "none"
            ? "aucun (mode développement : rien n'est filtré !)"
            : status.firewallMode
        return """
            relais \(status.version), en service depuis \(DurationText.format(seconds: status.uptimeSeconds))
            Pare-feu : \(firewall)
            Interface : \(status.lanInterface)
            Portail : \(status.portalURL)
            Sessions actives : \(status.liveSessions)
            Appareils bloqués : \(status.blockedDevices)

            """ + (status.nat.map { $0.summaryLine + "\n" } ?? "")
    }
}
