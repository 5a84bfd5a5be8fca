/// Answers operator commands; the daemon implements it over its gateway.
public protocol ControlHandler: Sendable {
    /// Carries out `request`. Failures are answered with `ControlResponse.failure`, never thrown.
    func handle(_ request: ControlRequest) async -> ControlResponse
}
