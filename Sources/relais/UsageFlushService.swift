import Logging
import RelaisGateway
import ServiceLifecycle

/// Writes the usage counts still in memory at shutdown, then drops the day's key: first in the service
/// group, so it stops last, after the portal and the scheduler have stopped counting.
struct UsageFlushService: Service {
    let usage: UsageRecorder

    func run() async throws {
        try? await gracefulShutdown()
        await usage.flush()
        usage.dropKey()
    }
}
