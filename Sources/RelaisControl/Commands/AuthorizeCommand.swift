/// `relais ctl auth MAC…`: lets devices through without the portal.
public enum AuthorizeCommand: MACBatchCommand {
    public static let name = "authorize"
    public static let subcommand = "auth"
    public static let abstract = "Autorise des appareils sans passer par le portail."
    public static let verb = "autorisé"
}
