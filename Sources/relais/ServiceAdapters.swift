import FoundationEssentials
import Logging
import RelaisControl
import RelaisGateway
import RelaisMicroHTTPD
import ServiceLifecycle

/// Holds the started gateway and removes its firewall at shutdown: first in the service group, so last
/// to stop, after the scheduler (which sweeps it), the listeners and the control socket.
struct GatewayService: Service {
    let gateway: Gateway

    func run() async throws {
        try? await gracefulShutdown()
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
