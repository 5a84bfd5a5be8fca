/// `relais ctl unblock MAC…`: lifts a block.
public enum UnblockCommand: MACBatchCommand {
    public static let name = "unblock"
    public static let subcommand = "unblock"
    public static let abstract = "Débloque des appareils."
    public static let verb = "débloqué"
}
