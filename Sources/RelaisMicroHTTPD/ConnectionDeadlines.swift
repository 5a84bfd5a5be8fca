import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Bounds the time a connection takes to deliver a whole request (head and body), which MHD's own
/// timeout cannot do: it only measures idleness and restarts at every byte, so a client sending one
/// byte a second (slowloris, slow POST) holds its slot for ever.
///
/// A connection's clock starts when it is accepted, and again when it is ready for its next request
/// (kept alive); it stops once the request is fully received. Past the deadline the reaper shuts the
/// socket down; MHD then sees the end of the stream and closes the connection on its own thread.
final class ConnectionDeadlines: Sendable {
    private struct Entry {
        let socket: Int32
        var deadline: ContinuousClock.Instant?
    }

    let seconds: Int
    private let entries = Mutex<[UInt: Entry]>([:])
    private let clock = ContinuousClock()

    init(seconds: Int) {
        self.seconds = seconds
    }

    private static func key(_ connection: OpaquePointer) -> UInt { UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection))) }

    private var nextDeadline: ContinuousClock.Instant? {
        seconds > 0 ? clock.now.advanced(by: .seconds(seconds)) : nil
    }

    /// A new connection: the clock runs until its first request is in.
    func started(_ connection: OpaquePointer, socket: Int32) {
        let deadline = nextDeadline
        entries.withLock { $0[Self.key(connection)] = Entry(socket: socket, deadline: deadline) }
    }

    /// The whole request is in: no deadline while it is answered.
    func received(_ connection: OpaquePointer) {
        entries.withLock { $0[Self.key(connection)]?.deadline = nil }
    }

    /// Answered and kept alive: the clock runs again for the next request.
    func awaitingRequest(_ connection: OpaquePointer) {
        let deadline = nextDeadline
        entries.withLock { $0[Self.key(connection)]?.deadline = deadline }
    }

    /// MHD closes the connection. Called before MHD closes the socket, under the same lock the reaper
    /// holds while it shuts sockets down, so the reaper never touches a descriptor number reused since.
    func closed(_ connection: OpaquePointer) {
        _ = entries.withLock { $0.removeValue(forKey: Self.key(connection)) }
    }

    /// Shuts down every connection past its deadline; returns how many.
    func reap() -> Int {
        let now = clock.now
        return entries.withLock { entries in
            var count = 0
            for (key, entry) in entries {
                guard let deadline = entry.deadline, deadline <= now else { continue }
                entries[key]?.deadline = nil
                // Failure means the peer is already gone: MHD closes the connection either way.
                _ = shutdown(entry.socket, Int32(SHUT_RDWR))
                count += 1
            }
            return count
        }
    }

    /// Connections MHD holds open right now.
    var openCount: Int { entries.withLock { $0.count } }
}
