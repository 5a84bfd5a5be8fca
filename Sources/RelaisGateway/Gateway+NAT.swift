import Logging
import RelaisCore

extension Gateway {
    /// Tells the operator every block of public ports is leased, at most once a minute; each refusal is
    /// counted at debug level. The message names no device: the remedy is a setting.
    func warnPortBlocksExhausted() {
        let now = clocks.monotonicNow()
        if let last = portBlocksWarnedAt, now - last < .seconds(60) {
            logger.debug("port blocks exhausted: device refused")
            return
        }
        portBlocksWarnedAt = now
        logger.warning("port blocks exhausted: new devices are refused; lower nat.ports_per_device to have more blocks",
                       metadata: ["nat.connected": "\(directory.count)"])
    }
}
