import Foundation
import RelaisTesting

/// A keep-alive connection opened by the phone before acceptance (so redirected to the portal),
/// used again after acceptance: what does the second request meet?
struct StaleConnection {
    private let process: Process
    private let goFile: String
    private let outputFile: String

    init(namespace: String, directory: String) throws {
        goFile = directory + "/stale-go"
        outputFile = directory + "/stale-out"
        let script = """
        import socket, os, time, sys
        request = b"GET /generate_204 HTTP/1.1\\r\\nHost: connectivitycheck.gstatic.com\\r\\nConnection: keep-alive\\r\\n\\r\\n"
        s = socket.create_connection(("\(TestNetwork.internetAddress)", 80), timeout=5)
        s.sendall(request)
        first = s.recv(4096).split(b"\\r\\n")[0].decode()
        open("\(outputFile).first", "w").write(first)
        deadline = time.time() + 20
        while not os.path.exists("\(goFile)") and time.time() < deadline:
            time.sleep(0.05)
        try:
            s.sendall(request)
            answer = s.recv(4096)
            result = answer.split(b"\\r\\n")[0].decode() if answer else "closed"
        except ConnectionResetError:
            result = "reset"
        except socket.timeout:
            result = "timeout"
        open("\(outputFile)", "w").write(result)
        """
        process = try Shell.start(in: namespace, ["python3", "-c", script], logFile: directory + "/stale.log")
        let firstFile = outputFile + ".first"
        try waitUntil("the first answer on the kept-alive connection", seconds: 10) {
            FileManager.default.fileExists(atPath: firstFile)
        }
        let first = (try? String(contentsOfFile: firstFile, encoding: .utf8)) ?? ""
        guard first.contains("302") else {
            throw MissingValue(description: "the connection was not redirected before acceptance: \(first)")
        }
    }

    /// Lets the script send its second request, and returns what it met: "reset", "closed", "timeout" or a status line.
    func secondAnswer() throws -> String {
        _ = FileManager.default.createFile(atPath: goFile, contents: nil)
        process.waitUntilExit()
        return (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? "no answer"
    }
}
