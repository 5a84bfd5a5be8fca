import FoundationEssentials
import RelaisConfig
import RelaisControlCLI
import RelaisCore
import RelaisHTTP
import Logging
import RelaisMicroHTTPD

/// The agents' listener: its server configuration (TLS from the PEM files named in `[staff]`) serving
/// the agents' pages (RelaisStaff).
enum StaffListener {
    struct UnreadableCredential: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): cannot read the staff TLS file: \(reason)" }
    }

    /// The server for `[staff]`, or nil when it is disabled. The TLS-or-loopback rule was checked by the loader.
    static func server(for staff: RelaisConfig.Staff, responder: @autoclosure () throws -> any HTTPResponder, logger: Logger) throws -> MicroHTTPDServer? {
        guard staff.isEnabled else { return nil }
        var configuration = MicroHTTPDServer.Configuration(
            listenAddress: staff.listenAddress, port: staff.port, threadPoolSize: 1,
            connectionLimit: 64, perIPConnectionLimit: 16)
        if staff.usesTLS {
            configuration.tls = .init(certificatePEM: try pem(staff.tlsCertificate), keyPEM: try pem(staff.tlsKey))
        }
        return MicroHTTPDServer(configuration: configuration, responder: try responder(), logger: logger)
    }

    private static func pem(_ path: String) throws -> String {
        do {
            return String(decoding: try StandardStreams.readFile(path), as: UTF8.self)
        } catch {
            throw UnreadableCredential(path: path, reason: error.description)
        }
    }
}
