import RelaisControl

/// The common call `[--socket PATH] auth|deauth|block|unblock MAC…`, served without building
/// ArgumentParser's command tree, whose reflection and conformance look-ups cost about 2 ms of a 6 ms call
/// (measured). Any other form (help, `-`, options elsewhere, an invalid address) is left to `CtlCommand`,
/// which answers it; the output and exit codes are the same either way (`RelaisCtlBinaryTests`).
public enum QuickCall {
    /// The exit code of the call when `arguments` have the common form; nil when they do not.
    public static func run(_ arguments: [String]) -> Int32? {
        var rest = arguments[...]
        var socket = ControlConnectionOptions.defaultSocket
        if rest.first == "--socket" {
            guard rest.count >= 2, !rest[rest.startIndex + 1].hasPrefix("-") else { return nil }
            socket = rest[rest.startIndex + 1]
            rest = rest.dropFirst(2)
        }
        guard let verb = rest.first, let command = batchCommand(named: verb) else { return nil }
        let addresses = rest.dropFirst()
        guard !addresses.isEmpty, !addresses.contains(where: { $0.hasPrefix("-") }) else { return nil }
        // The very parse `MACBatchArguments` does, so both paths send the same addresses.
        let parsed = MACListParser.parse(addresses.joined(separator: "\n"))
        guard parsed.invalid.isEmpty, !parsed.macs.isEmpty else { return nil }
        do {
            try command.sendBatch(parsed.macs, socket: socket)
            return 0
        } catch {
            return error.rawValue
        }
    }

    private static func batchCommand(named verb: String) -> (any MACBatchCommand.Type)? {
        for command in ControlCommands.all where command.subcommand == verb {
            return command as? any MACBatchCommand.Type
        }
        return nil
    }
}
