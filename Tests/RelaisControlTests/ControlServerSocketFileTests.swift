import Foundation
import RelaisCore
import Testing
@testable import RelaisControl

@Suite struct ControlServerSocketFileTests {
    @Test func staleSocketFileIsReplaced() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/control.sock"
            // What a crashed daemon leaves behind: a socket file nobody listens on.
            let crashed = try UnixSocket.make(path: path)
            try crashed.bind()
            crashed.close()
            #expect(ControlSocketFile.inode(at: path) != nil)
            let server = try startedServer(in: directory)
            defer { server.stop() }
            #expect(try await ControlClient(socketPath: path, timeout: .seconds(5)).ask(.status).ok)
        }
    }

    @Test func secondServerOnALiveSocketFailsClearly() async throws {
        try await withTemporaryDirectory { directory in
            let first = try startedServer(in: directory)
            defer { first.stop() }
            let second = ControlServer(
                socketPath: first.socketPath, router: RecordingHandler().router, logger: .init(label: "test"))
            let error = #expect(throws: ControlError.self) {
                try second.start()
            }
            #expect(error?.code == .alreadyRunning)
            #expect(try await ControlClient(socketPath: first.socketPath, timeout: .seconds(5)).ask(.status).ok)
        }
    }

    @Test func somethingElseAtThePathIsNotOverwritten() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/control.sock"
            try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
            let server = ControlServer(socketPath: path, router: RecordingHandler().router, logger: .init(label: "test"))
            let error = #expect(throws: ControlError.self) {
                try server.start()
            }
            #expect(error?.code == .pathOccupied)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        }
    }

    @Test func stopRemovesTheFileAndClientsThenSeeNoDaemon() async throws {
        try await withTemporaryDirectory { directory in
            let server = try startedServer(in: directory)
            #expect(FileManager.default.fileExists(atPath: server.socketPath))
            server.stop()
            #expect(!FileManager.default.fileExists(atPath: server.socketPath))
            let error = await #expect(throws: ControlError.self) {
                try await ControlClient(socketPath: server.socketPath).ask(.status)
            }
            #expect(error?.code == .daemonNotRunning)
            #expect(error?.message.contains("le démon relais ne tourne pas ?") == true)
            server.stop()
        }
    }

    @Test func restartAfterStopWorks() async throws {
        try await withTemporaryDirectory { directory in
            let server = try startedServer(in: directory)
            server.stop()
            try server.start()
            defer { server.stop() }
            #expect(try await ControlClient(socketPath: server.socketPath, timeout: .seconds(5)).ask(.status).ok)
        }
    }

    @Test func socketIsMode0660AndOwnedByTheControlGroup() async throws {
        try await withTemporaryDirectory { directory in
            let group = "nogroup"
            let groupID = try #require(ControlAccessPolicy.groupID(named: group))
            let server = try startedServer(in: directory, group: group)
            defer { server.stop() }
            var info = stat()
            #expect(lstat(server.socketPath, &info) == 0)
            #expect(info.st_mode & S_IFMT == S_IFSOCK)
            #expect(info.st_mode & 0o7777 == 0o660)
            #expect(info.st_gid == groupID)
            #expect(info.st_uid == getuid())
        }
    }

    @Test func missingGroupLeavesTheSocketToRootOnly() async throws {
        try await withTemporaryDirectory { directory in
            let server = try startedServer(in: directory, group: "relais-no-such-group")
            defer { server.stop() }
            var info = stat()
            #expect(lstat(server.socketPath, &info) == 0)
            #expect(info.st_mode & 0o7777 == 0o660)
            #expect(info.st_gid == getgid())
        }
    }

    @Test func socketPathTooLongIsAClearError() throws {
        let server = ControlServer(
            socketPath: "/tmp/" + String(repeating: "x", count: 200), router: RecordingHandler().router,
            logger: .init(label: "test"))
        let error = #expect(throws: ControlError.self) {
            try server.start()
        }
        #expect(error?.code == .invalidSocketPath)
    }
}
