import FoundationEssentials
import RelaisConfig
import RelaisControl
import RelaisCore
import RelaisGateway

/// Answers `relais ctl` over the gateway: one handler per registered command.
enum GatewayControlRoutes {
    static func router(
        gateway: Gateway, config: RelaisConfig, portalURL: String, startedAt: Date, natPlan: PortBlockPlan? = nil
    ) -> ControlRouter {
        var router = ControlRouter()
        router.on(StatusCommand.self) { _ in
            StatusCommand.Response(status: StatusReport(
                version: RelaisVersion.current, uptimeSeconds: Int(Date().timeIntervalSince(startedAt)),
                firewallMode: config.network.firewall.rawValue, liveSessions: gateway.directory.count,
                blockedDevices: gateway.directory.blockedDevices().count,
                lanInterface: config.network.lanInterface, portalURL: portalURL,
                nat: NATSetup.status(plan: natPlan, directory: gateway.directory)))
        }
        router.on(ClientsCommand.self) { _ in
            let now = Date()
            return ClientsCommand.Response(clients: gateway.directory.allSessions().map { ClientReport(session: $0, now: now) })
        }
        router.on(AuthorizeCommand.self) { batch in
            let (valid, invalid) = split(batch.macs)
            return outcome(try await gateway.authorize(valid), invalid: invalid)
        }
        router.on(DeauthorizeCommand.self) { batch in outcome(try await gateway.deauthorize(batch.macs), invalid: []) }
        router.on(BlockCommand.self) { batch in
            let (valid, invalid) = split(batch.macs)
            return outcome(try await gateway.setBlocked(valid, blocked: true), invalid: invalid)
        }
        router.on(UnblockCommand.self) { batch in outcome(try await gateway.setBlocked(batch.macs, blocked: false), invalid: []) }
        // A batch of thousands of addresses leaves its decoding and its answer in the heap: give it back.
        router.afterAnswer = { _, count in MemoryTrim.afterBatch(of: count) }
        return router
    }

    /// Group, broadcast and all-zero addresses are never a single device.
    private static func split(_ macs: [MACAddress]) -> (valid: [MACAddress], invalid: [MACAddress]) {
        let invalid = macs.filter { $0.isMulticast || $0.rawValue == 0 }
        let invalidSet = Set(invalid)
        return (macs.filter { !invalidSet.contains($0) }, invalid)
    }

    private static func outcome(_ result: OperatorBatchResult, invalid: [MACAddress]) -> BatchOutcome {
        BatchOutcome(affected: result.changed.count, unchanged: result.unchanged, invalid: invalid, overCapacity: result.refusedForCapacity)
    }
}
