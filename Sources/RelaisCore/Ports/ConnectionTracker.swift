/// The kernel's connection-tracking table: flows of a device are forgotten when its authorization changes,
/// so that its next request goes through the firewall decision (and the portal redirect) afresh.
public protocol ConnectionTracker: Sendable {
    /// Deletes every tracked flow whose original source is one of these addresses.
    func forgetFlows(from addresses: [IPAddress]) throws(FirewallError)
}
