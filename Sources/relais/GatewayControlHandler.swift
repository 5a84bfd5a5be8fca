import FoundationEssentials
import Logging
import RelaisControl
import RelaisCore
import RelaisGateway

/// Answers `relais ctl` over the gateway.
struct GatewayControlHandler: ControlHandler {
    let gateway: Gateway
    let config: RelaisConfig
    /// Where visitors are sent, as the portal builds it (`PortalSettings.portalURL`).
    let portalURL: String
    let startedAt: Date
    let logger: Logger

    /// A batch of thousands of addresses leaves its decoding and its answer in the heap: give it back.
    func didAnswer(_ request: ControlRequest) {
        MemoryTrim.afterBatch(of: request.macs.count)
    }

    func handle(_ request: ControlRequest) async -> ControlResponse {
        let now = Date()
        do {
            switch request {
            case .status:
                return .status(StatusReport(
                    version: RelaisVersion.current, uptimeSeconds: Int(now.timeIntervalSince(startedAt)),
                    firewallMode: config.network.firewall.rawValue, liveSessions: gateway.directory.count,
                    blockedDevices: gateway.directory.blockedDevices().count,
                    lanInterface: config.network.lanInterface, portalURL: portalURL))
            case .clients:
                return .clients(gateway.directory.allSessions().map { ClientReport(session: $0, now: now) })
            case .authorize(let macs):
                let (valid, invalid) = Self.split(macs)
                return Self.batch(try await gateway.authorize(valid), invalid: invalid)
            case .deauthorize(let macs):
                return Self.batch(try await gateway.deauthorize(macs), invalid: [])
            case .block(let macs):
                let (valid, invalid) = Self.split(macs)
                return Self.batch(try await gateway.setBlocked(valid, blocked: true), invalid: invalid)
            case .unblock(let macs):
                return Self.batch(try await gateway.setBlocked(macs, blocked: false), invalid: [])
            }
        } catch {
            logger.error("control command failed", metadata: ["control.command": "\(request.command)", "error": "\(error)"])
            return .failure("La commande a échoué : \(error)")
        }
    }

    /// Group and all-zero addresses are never a single device.
    private static func split(_ macs: [MACAddress]) -> (valid: [MACAddress], invalid: [MACAddress]) {
        let invalid = macs.filter { $0.isMulticast || $0.rawValue == 0 }
        let invalidSet = Set(invalid)
        return (macs.filter { !invalidSet.contains($0) }, invalid)
    }

    /// Devices refused for want of room make the command fail (`relais ctl` exits non-zero), naming each.
    private static func batch(_ result: OperatorBatchResult, invalid: [MACAddress]) -> ControlResponse {
        var response = ControlResponse.batch(affected: result.changed.count, unchanged: result.unchanged, invalid: invalid)
        let full = result.refusedForCapacity
        guard !full.isEmpty else { return response }
        response.ok = false
        response.errorCode = "capacity-reached"
        response.error = "\(full.count) appareil\(full.count > 1 ? "s" : "") refusé\(full.count > 1 ? "s" : "") : "
            + "capacité atteinte (session.max_devices) ; \(result.changed.count) autorisé\(result.changed.count > 1 ? "s" : "").\n"
            + full.map { "  \($0) : capacité atteinte" }.joined(separator: "\n")
        return response
    }
}
