/// What the daemon does with a control request; the control server only carries bytes and checks peers.
public protocol ControlHandler: Sendable {
    /// Carries out `request`. Failures are answered with `ControlResponse.failure`, never thrown.
    func handle(_ request: ControlRequest) async -> ControlResponse
    /// Called on the connection's thread once the answer to `request` is written, with everything the
    /// request and its answer allocated already freed: the place to give memory back after a large batch.
    func didAnswer(_ request: ControlRequest)
}

extension ControlHandler {
    public func didAnswer(_ request: ControlRequest) {}
}
