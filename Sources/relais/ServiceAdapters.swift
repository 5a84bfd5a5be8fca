import FoundationEssentials
import Logging
import RelaisControl
import RelaisGateway
import RelaisMicroHTTPD
import ServiceLifecycle

/// Sweeps the started gateway on a timer, and removes its firewall last at shutdown.
struct GatewayService: Service {
    let gateway: Gateway
    let sweepInterval: Duration
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    try await Task.sleep(for: sweepInterval)
                    do {
                        // Listed outside the gateway actor: acceptances go on while the sets are read.
                        let listing = try gateway.listKernel()
                        try await gateway.sweep(listing: listing)
                    } catch {
                        logger.error("sweep failed", metadata: ["error": "\(error)"])
                    }
                }
            }
        } catch is CancellationError {
            // Graceful shutdown.
        }
        await gateway.stop()
    }
}

/// Runs the libmicrohttpd server until shutdown.
struct HTTPService: Service {
    let server: MicroHTTPDServer
    /// "portal" or "staff", in the log.
    let name: String
    let logger: Logger

    func run() async throws {
        try server.start()
        logger.notice("listener serving", metadata: ["http.listener": "\(name)", "http.port": "\(server.boundPort)"])
        try? await gracefulShutdown()
        server.stop()
    }
}

/// Runs the control socket until shutdown.
struct ControlService: Service {
    let server: ControlServer

    func run() async throws {
        try server.start()
        try? await gracefulShutdown()
        server.stop()
    }
}
