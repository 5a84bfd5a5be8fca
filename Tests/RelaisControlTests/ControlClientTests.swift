import Foundation
import Testing
@testable import RelaisControl

@Suite struct ControlClientTests {
    @Test func missingSocketSaysTheDaemonIsNotRunning() async throws {
        try await withTemporaryDirectory { directory in
            let client = ControlClient(socketPath: directory + "/absent.sock")
            let error = await #expect(throws: ControlError.self) {
                try await client.ask(.status)
            }
            #expect(error?.code == .daemonNotRunning)
            #expect(error?.systemError == ENOENT)
            #expect(error?.message.contains("le démon relais ne tourne pas ?") == true)
        }
    }

    @Test func slowDaemonTimesOut() async throws {
        try await withTemporaryDirectory { directory in
            let server = try startedServer(in: directory, handler: RecordingHandler(delay: .seconds(2)))
            defer { server.stop() }
            let client = ControlClient(socketPath: server.socketPath, timeout: .milliseconds(300))
            let error = await #expect(throws: ControlError.self) {
                try await client.ask(.status)
            }
            #expect(error?.code == .timeout)
        }
    }

    @Test func garbageAnswerIsAProtocolViolation() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/fake.sock"
            let listener = try UnixSocket.make(path: path)
            defer { listener.close() }
            try listener.bind()
            try listener.listen(backlog: 1)
            let fake = Thread {
                var entry = pollfd(fd: listener.descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&entry, 1, 5000) == 1, let connection = try? listener.accept() else { return }
                _ = connection.readMessage(limit: 1024, until: .now + .seconds(5))
                connection.writeAll(Array("hello\n".utf8), until: .now + .seconds(5))
                connection.close()
            }
            fake.start()
            let error = await #expect(throws: ControlError.self) {
                try await ControlClient(socketPath: path, timeout: .seconds(5)).ask(.status)
            }
            #expect(error?.code == .protocolViolation)
        }
    }
}
