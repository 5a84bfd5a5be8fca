/// Every command `relais ctl` knows, in the order the CLI lists them. A new command is one line here.
public enum ControlCommands {
    public static let all: [any ControlCommand.Type] = [
        StatusCommand.self, ClientsCommand.self,
        AuthorizeCommand.self, DeauthorizeCommand.self, BlockCommand.self, UnblockCommand.self,
    ]
}
