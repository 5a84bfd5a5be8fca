import FoundationEssentials
import Logging

/// The daemon side of the command registry: one handler per command, built once at start-up, then immutable.
///
/// ```swift
/// var router = ControlRouter()
/// router.on(StatusCommand.self) { _ in StatusCommand.Response(status: report()) }
/// ```
/// A handler throws for an unexpected failure; it is logged and answered as « La commande a échoué ».
public struct ControlRouter: Sendable {
    /// Decodes a request line, runs the handler, encodes the answer.
    typealias Route = @Sendable (_ line: [UInt8], _ logger: Logger, _ uid: UInt32) async -> Handled

    /// What one request turned into: the answer line, and what to log and free afterwards.
    struct Handled: Sendable {
        var answer: [UInt8]
        var command: String?
        var itemCount: Int = 0
    }

    private var routes: [String: Route] = [:]
    /// Called on the connection's thread once the answer is written, with the command's name and item count:
    /// the place to give memory back after a large batch.
    public var afterAnswer: @Sendable (_ command: String, _ itemCount: Int) -> Void = { _, _ in }

    public init() {}

    /// Names of the commands this router answers.
    public var commandNames: Set<String> { Set(routes.keys) }

    public mutating func on<C: ControlCommand>(
        _ command: C.Type, _ handle: @escaping @Sendable (C.Request) async throws -> C.Response
    ) {
        routes[C.name] = { line, logger, uid in
            let request: C.Request
            do {
                request = try ControlWire.decoder().decode(C.Request.self, from: Data(line))
            } catch {
                logger.notice("control request malformed", metadata: ["control.uid": "\(uid)"])
                return Handled(answer: ControlEnvelope.failure(ControlFailure(
                    ControlWire.explain(error), code: ControlFailure.Code.malformedRequest)))
            }
            let count = C.itemCount(of: request)
            logger.info("control request", metadata: [
                "control.command": "\(C.name)", "control.count": "\(count)", "control.uid": "\(uid)",
            ])
            let answer: [UInt8]
            do {
                answer = try ControlEnvelope.success(try await handle(request))
            } catch let failure as ControlFailure {
                answer = ControlEnvelope.failure(failure)
            } catch {
                logger.error("control command failed", metadata: ["control.command": "\(C.name)", "error": "\(error)"])
                answer = ControlEnvelope.failure(ControlFailure("La commande a échoué : \(error)"))
            }
            return Handled(answer: answer, command: C.name, itemCount: count)
        }
    }

    /// The answer to one request line, whatever it holds.
    func respond(to line: [UInt8], logger: Logger, uid: UInt32) async -> Handled {
        let name: String
        do {
            name = try ControlEnvelope.commandName(in: line)
        } catch {
            logger.notice("control request malformed", metadata: ["control.uid": "\(uid)"])
            return Handled(answer: ControlEnvelope.failure(ControlFailure(
                ControlWire.explain(error), code: ControlFailure.Code.malformedRequest)))
        }
        guard let route = routes[name] else {
            logger.notice("control request for an unknown command", metadata: ["control.uid": "\(uid)"])
            return Handled(answer: ControlEnvelope.failure(ControlFailure(
                "requête invalide (command) : commande inconnue : \(name)", code: ControlFailure.Code.malformedRequest)))
        }
        return await route(line, logger, uid)
    }
}
