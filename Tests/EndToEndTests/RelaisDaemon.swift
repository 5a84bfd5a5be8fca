import Foundation
import RelaisTesting

/// The real `relais` binary, run inside the gateway namespace with a config the test writes.
final class RelaisDaemon {
    let binary: String
    let namespace: String
    let directory: String
    private(set) var process: Process?
    private var runs = 0

    var configPath: String { directory + "/relais.toml" }
    var socketPath: String { directory + "/control.sock" }
    var logPath: String { directory + "/relais-\(runs).log" }

    init(binary: String, namespace: String, directory: String) {
        self.binary = binary
        self.namespace = namespace
        self.directory = directory
    }

    /// The path of the built `relais` executable: `RELAIS_BIN`, or the package's debug build folder.
    static func locateBinary() -> String? {
        if let path = ProcessInfo.processInfo.environment["RELAIS_BIN"], FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidate = packageRoot.appendingPathComponent(".build/debug/relais").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    static var assetsDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("captive-portal").path
    }

    func writeConfig(sessionDuration: String, idleTimeout: String, maxDevices: Int = 20_000, portsPerDevice: Int = 256) throws {
        let config = """
        [portal]
        listen_address = "0.0.0.0"
        port = 2050
        host = "\(TestNetwork.portalAddress)"
        venue_name = "Médiathèque de test"
        assets_directory = "\(Self.assetsDirectory)"

        [network]
        lan_interface = "lan0"
        firewall = "nftables"
        table = "relais"
        sweep_seconds = 1

        [session]
        duration = "\(sessionDuration)"
        idle_timeout = "\(idleTimeout)"
        max_devices = \(maxDevices)

        [store]
        database = "\(directory)/relais.sqlite"

        [control]
        socket = "\(socketPath)"
        group = ""

        [log]
        level = "debug"

        [notice]
        controller_name = "Commune de Test"
        dpo_contact = "dpo@test.example"
        [nat]
        mode = "port-blocks"
        uplink_interface = "wan0"
        ports_per_device = \(portsPerDevice)
        [legal]
        key_directory = "\(directory)/keys"
        """
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        // The daemon refuses to start without the legal log's key: create it as the installer does.
        try Shell.run([binary, "keys", "init", "--config", configPath])
    }

    /// Starts the daemon and waits until the portal answers from the client namespace.
    func start(readinessFrom client: String) throws {
        runs += 1
        process = try Shell.start(in: namespace, [binary, "serve", "--config", configPath], logFile: logPath)
        try waitUntil("relais serving", seconds: 15) {
            guard process?.isRunning == true else { throw Exited(log: log) }
            let answer = try? Shell.inNamespace(client, ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "1", "http://\(TestNetwork.portalAddress):2050/api/captive"], check: false)
            return answer?.output == "200"
        }
    }

    /// SIGTERM, and the exit status.
    @discardableResult
    func stop() -> Int32? {
        guard let process, process.isRunning else { return nil }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        self.process = nil
        return process.terminationStatus
    }

    /// SIGKILL: the crash case.
    func crash() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// `relais ctl …` against this daemon's socket.
    func control(_ arguments: [String], input: String? = nil) throws -> Shell.Result {
        try Shell.inNamespace(namespace, [binary, "ctl", "--socket", socketPath] + arguments, input: input, check: false)
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    struct Exited: Error, CustomStringConvertible {
        var log: String
        var description: String { "relais exited early:\n\(log)" }
    }
}
