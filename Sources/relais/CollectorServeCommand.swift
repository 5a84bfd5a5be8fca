import ArgumentParser
import FoundationEssentials
import Logging
import RelaisCollector
import RelaisConfig
import RelaisControlCLI
import RelaisHTTP
import RelaisMicroHTTPD
import RelaisStore
import ServiceLifecycle

/// `relais collector serve`: the HTTPS ingest of the boxes' signed reports until SIGTERM or SIGINT.
struct CollectorServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Sert la réception des rapports (HTTPS).")

    @OptionGroup var options: CollectorCommand.Options
    @Option(name: .long, help: "Niveau de journalisation (trace, debug, info, notice, warning, error).") var logLevel = "info"

    func run() async throws {
        LoggingSetup.bootstrap(level: logLevel)
        let logger = Logger(label: "relais.collector")
        let config = try options.load()
        let database = try options.database()
        let ingest = CollectorIngest(
            database: database, rateLimiter: BoxRateLimiter(burst: config.rateBurst, perSecond: Double(config.ratePerMinute) / 60),
            maxBodyBytes: config.maxBodyBytes, logger: logger)
        var router = Router<BasicRequestContext>()
        ingest.addRoutes(to: &router)
        var server = MicroHTTPDServer.Configuration(listenAddress: config.listenAddress, port: config.port,
                                                    maxBodyBytes: config.maxBodyBytes)
        if config.hasTLS {
            server.tls = .init(certificatePEM: try Self.pem(config.tlsCertificate), keyPEM: try Self.pem(config.tlsKey))
        }
        let listener = MicroHTTPDServer(configuration: server, responder: router.buildResponder(), logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: HTTPService(server: listener, name: "collector", logger: logger))],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.notice("collector starting", metadata: ["relais.version": "\(RelaisVersion.current)", "collector.tls": "\(config.hasTLS)"])
        try await group.run()
        logger.notice("collector stopped")
    }

    private static func pem(_ path: String) throws -> String {
        do {
            return String(decoding: try StandardStreams.readFile(path), as: UTF8.self)
        } catch {
            throw CollectorCommand.fail("\(path): cannot read the collector's TLS file: \(error.description)")
        }
    }
}
