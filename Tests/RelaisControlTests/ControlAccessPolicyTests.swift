import RelaisTesting
import Foundation
import Testing
@testable import RelaisControl

@Suite struct ControlAccessPolicyTests {
    @Test func rootAndTheDaemonUserAreAlwaysAllowed() {
        let policy = ControlAccessPolicy(daemonUserID: 999, groupID: nil)
        #expect(policy.allows(userID: 0, groupID: 0))
        #expect(policy.allows(userID: 999, groupID: 999))
        #expect(!policy.allows(userID: 65534, groupID: 65534))
    }

    @Test func membersOfTheControlGroupAreAllowed() throws {
        let nogroup = try #require(ControlAccessPolicy.groupID(named: "nogroup"))
        let policy = ControlAccessPolicy(daemonUserID: 0, groupID: nogroup)
        #expect(policy.allows(userID: 65534, groupID: nogroup))
        // nobody's process running under another group, and not listed in /etc/group for nogroup.
        #expect(!policy.allows(userID: 65534, groupID: 1))
    }

    /// Runs a real client as `nobody` (setpriv + python3) so the kernel's SO_PEERCRED is not root.
    @Test func otherUsersAreRefusedOverTheRealSocket() async throws {
        guard let runner = PeerRunner() else { return }
        try await withTemporaryDirectory { directory in
            chmod(directory, 0o755)
            let logs = LogRecorder()
            let server = try startedServer(in: directory, group: nil, logs: logs)
            defer { server.stop() }
            // Loosen the file on purpose: the peer check must hold on its own.
            chmod(server.socketPath, 0o666)
            let answer = try await offPool { try runner.status(socket: server.socketPath, uid: 65534, gid: 65534) }
            #expect(answer.contains(#""errorCode":"forbidden""#), "\(answer)")
            #expect(logs.all.contains { $0.message == "control client refused" && $0.metadata["control.uid"] == "65534" })
        }
    }

    @Test func controlGroupMembersAreServedOverTheRealSocket() async throws {
        guard let runner = PeerRunner() else { return }
        try await withTemporaryDirectory { directory in
            chmod(directory, 0o755)
            let server = try startedServer(in: directory, group: "nogroup")
            defer { server.stop() }
            let answer = try await offPool { try runner.status(socket: server.socketPath, uid: 65534, gid: 65534) }
            #expect(answer.contains(#""ok":true"#), "\(answer)")
        }
    }
}

/// Sends `{"command":"status"}` from another user through setpriv and python3, when both exist and we are root.
struct PeerRunner: Sendable {
    init?() {
        let tools = ["/usr/bin/setpriv", "/usr/bin/python3"]
        guard getuid() == 0, tools.allSatisfy(FileManager.default.isExecutableFile(atPath:)) else {
            print("skipped: needs root, /usr/bin/setpriv and /usr/bin/python3 to connect as another user")
            return nil
        }
    }

    func status(socket: String, uid: Int, gid: Int) throws -> String {
        let script = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.settimeout(5)
            s.connect(sys.argv[1])
            s.sendall(b'{"command":"status"}\\n')
            sys.stdout.write(s.makefile('rb').readline().decode())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = [
            "--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", "/usr/bin/python3", "-c", script, socket,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
