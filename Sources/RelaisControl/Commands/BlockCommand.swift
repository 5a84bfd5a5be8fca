/// `relais ctl block MAC…`: refuses the devices (and ends their sessions).
public enum BlockCommand: MACBatchCommand {
    public static let name = "block"
    public static let subcommand = "block"
    public static let abstract = "Bloque des appareils (et met fin à leur session)."
    public static let verb = "bloqué"
}
