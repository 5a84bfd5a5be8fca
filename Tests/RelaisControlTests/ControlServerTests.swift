import RelaisTesting
import Foundation
import RelaisCore
import Testing
@testable import RelaisControl

@Suite struct ControlServerTests {
    @Test func everyRequestKindRoundTripsThroughTheSocket() async throws {
        try await withTemporaryDirectory { directory in
            let handler = RecordingHandler()
            let server = try startedServer(in: directory, handler: handler)
            defer { server.stop() }
            let client = ControlClient(socketPath: server.socketPath, timeout: .seconds(5))
            let two = macs(2)

            #expect(try await client.ask(.status) == .status(RecordingHandler.status))
            #expect(try await client.ask(.clients) == .clients([RecordingHandler.client]))
            #expect(try await client.ask(.authorize(two)) == .batch(affected: 2))
            #expect(try await client.ask(.deauthorize(two)) == .batch(affected: 0, unchanged: two))
            #expect(try await client.ask(.block(two)) == .batch(affected: 1, invalid: [two[0]]))
            let refused = try await client.ask(.unblock(two))
            #expect(!refused.ok)
            #expect(refused.error == "refusé pour le test")
            #expect(handler.requests == [.status, .clients, .authorize(two), .deauthorize(two), .block(two), .unblock(two)])
        }
    }

    @Test func tenThousandMACsTravelAsOneRequest() async throws {
        try await withTemporaryDirectory { directory in
            let handler = RecordingHandler()
            let logs = LogRecorder()
            let server = try startedServer(in: directory, handler: handler, logs: logs)
            defer { server.stop() }
            let batch = macs(10_000)
            let response = try await ControlClient(socketPath: server.socketPath).ask(.authorize(batch))
            #expect(response.affected == 10_000)
            #expect(handler.requests == [.authorize(batch)])
            // Counted, never listed: addresses are personal data.
            #expect(logs.all.contains { $0.message == "control request" && $0.metadata["control.count"] == "10000" })
            #expect(!logs.textAboveDebug.contains("02:00:00"))
        }
    }

    @Test func malformedRequestsGetAnErrorAndTheServerCarriesOn() async throws {
        try await withTemporaryDirectory { directory in
            let handler = RecordingHandler()
            let server = try startedServer(in: directory, handler: handler)
            defer { server.stop() }
            let client = ControlClient(socketPath: server.socketPath, timeout: .seconds(5))
            let inputs = [
                "{not json\n", "\n", #"{"command":"reboot"}"# + "\n", #"{"command":"block"}"# + "\n",
                #"{"command":"block","macs":["aa:bb:cc:dd:ee"]}"# + "\n", "[1,2,3]",
            ]
            for input in inputs {
                let response = try await client.askRaw(Array(input.utf8))
                #expect(!response.ok, "\(input)")
                #expect(response.errorCode == ControlFailure.Code.malformedRequest, "\(input)")
                #expect(response.error?.isEmpty == false)
            }
            #expect(try await client.askRaw(Array("{not json\n".utf8)).error == "requête illisible : JSON invalide")
            #expect(handler.requests.isEmpty)
            #expect(try await client.ask(.status).ok)
        }
    }

    @Test func oversizedRequestIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let handler = RecordingHandler()
            let server = try startedServer(in: directory, handler: handler, maxRequestBytes: 1024)
            defer { server.stop() }
            let client = ControlClient(socketPath: server.socketPath, timeout: .seconds(5))
            // 200 MACs are about 4 KiB: well over the limit, and far more than the socket buffer holds unread.
            let response = try await client.ask(.authorize(macs(200)))
            #expect(!response.ok)
            #expect(response.errorCode == ControlFailure.Code.requestTooLarge)
            let endless = try await client.askRaw([UInt8](repeating: UInt8(ascii: "a"), count: 3 << 20))
            #expect(endless.errorCode == ControlFailure.Code.requestTooLarge)
            #expect(handler.requests.isEmpty)
            #expect(try await client.ask(.authorize(macs(10))).ok)
        }
    }

    @Test func silentClientDoesNotHoldUpOthersAndIsTimedOut() async throws {
        try await withTemporaryDirectory { directory in
            let server = try startedServer(in: directory, readTimeout: .seconds(8))
            defer { server.stop() }
            let silent = try rawConnection(to: server.socketPath)
            defer { silent.close() }
            let clock = ContinuousClock()
            let start = clock.now
            #expect(try await ControlClient(socketPath: server.socketPath, timeout: .seconds(10)).ask(.status).ok)
            // Served before the silent client's 8 s read deadline, so not queued behind it.
            #expect(clock.now - start < .seconds(6))
            // The silent one is answered with a timeout once the read deadline passes, not kept forever.
            let outcome = try await offPool { silent.readMessage(limit: 4096, until: start + .seconds(15)) }
            guard case .message(let bytes) = outcome else {
                Issue.record("expected a timeout answer, got \(outcome)")
                return
            }
            let answer = try WireAnswer.decode(bytes)
            #expect(answer.errorCode == ControlFailure.Code.timeout)
            #expect(clock.now - start >= .seconds(8))
        }
    }

    @Test func connectionsBeyondTheLimitAreToldTheDaemonIsBusy() async throws {
        try await withTemporaryDirectory { directory in
            let server = try startedServer(in: directory, readTimeout: .seconds(3), maxConnections: 1)
            defer { server.stop() }
            let silent = try rawConnection(to: server.socketPath)
            defer { silent.close() }
            // Until the server has taken the silent connection, a request may still be served: ask
            // until the limit shows, for at most a few seconds.
            var response = try await ControlClient(socketPath: server.socketPath, timeout: .seconds(2)).ask(.status)
            for _ in 0..<30 where response.errorCode != ControlFailure.Code.busy {
                try await Task.sleep(for: .milliseconds(100))
                response = try await ControlClient(socketPath: server.socketPath, timeout: .seconds(2)).ask(.status)
            }
            #expect(response.errorCode == ControlFailure.Code.busy)
        }
    }

    /// The daemon removes the firewall after `stop` returns: a request being served must be answered first.
    @Test func stopWaitsForRequestsBeingServed() async throws {
        try await withTemporaryDirectory { directory in
            let handler = RecordingHandler(delay: .seconds(1))
            let server = try startedServer(in: directory, handler: handler)
            let client = ControlClient(socketPath: server.socketPath, timeout: .seconds(10))
            async let answer = client.ask(.authorize(macs(3)))
            // Stop only once the handler is running.
            for _ in 0..<200 where handler.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            #expect(handler.requests == [.authorize(macs(3))])
            let drained = try await offPool { server.stop() }
            #expect(drained)
            #expect(handler.answeredCommands == ["authorize"])
            #expect(try await answer == .batch(affected: 3))
        }
    }

    @Test func stopGivesUpAfterItsBoundedWait() async throws {
        try await withTemporaryDirectory { directory in
            let handler = RecordingHandler(delay: .seconds(3))
            let server = ControlServer(
                socketPath: directory + "/control.sock", router: handler.router, logger: LogRecorder().logger(),
                stopTimeout: .milliseconds(100))
            try server.start()
            let client = ControlClient(socketPath: server.socketPath, timeout: .seconds(10))
            async let answer = client.ask(.status)
            for _ in 0..<200 where handler.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            #expect(try await offPool { server.stop() } == false)
            #expect(handler.answeredCommands.isEmpty)
            _ = try await answer
        }
    }
}
