/// `relais ctl deauth MAC…`: ends the devices' sessions.
public enum DeauthorizeCommand: MACBatchCommand {
    public static let name = "deauthorize"
    public static let subcommand = "deauth"
    public static let abstract = "Déconnecte des appareils."
    public static let verb = "déconnecté"
}
