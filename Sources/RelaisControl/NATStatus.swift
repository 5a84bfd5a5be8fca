/// The visitors' source NAT as `relais ctl status` shows it.
public struct NATStatus: Codable, Sendable, Equatable {
    /// `port-blocks` (relais translates, one block of ports per device) or `none` (NAT elsewhere).
    public var mode: String
    /// The public IPv4 address the blocks are on; empty in mode `none`.
    public var publicAddress: String
    public var portsPerDevice: Int
    /// Blocks held by connected devices, and blocks in the plan: when all are held, new visitors are refused.
    public var leasedBlocks: Int
    public var totalBlocks: Int

    public init(mode: String, publicAddress: String = "", portsPerDevice: Int = 0, leasedBlocks: Int = 0, totalBlocks: Int = 0) {
        self.mode = mode
        self.publicAddress = publicAddress
        self.portsPerDevice = portsPerDevice
        self.leasedBlocks = leasedBlocks
        self.totalBlocks = totalBlocks
    }

    /// The status line, in French like the rest of the summary.
    var summaryLine: String {
        guard mode == "port-blocks" else { return "NAT : aucune (faite ailleurs que sur cette box)" }
        let full = leasedBlocks >= totalBlocks ? " — complet : les nouveaux visiteurs sont invités à réessayer" : ""
        return "NAT : \(leasedBlocks) blocs de ports utilisés sur \(totalBlocks) (\(portsPerDevice) ports par appareil, \(publicAddress))\(full)"
    }
}
