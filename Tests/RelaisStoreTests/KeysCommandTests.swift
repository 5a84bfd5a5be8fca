import Foundation
import RelaisCrypto
import Testing

/// `relais keys init` and `relais keys show` through the built binary, on a development config (no root
/// needed there): every secret of the box in one directory, and the public key the département registers.
@Suite struct KeysCommandTests {
    static let root = LegalExportCommandTests.root

    /// Runs the binary with `arguments`; returns its exit status, standard output and standard error.
    static func relais(_ arguments: [String]) throws -> (Int32, String, String) {
        let binary = root.appendingPathComponent(".build/debug/relais").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the package first (swift build)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }

    /// A development config whose key directory is `<directory>/keys`.
    static func config(in directory: TemporaryDirectory) throws -> String {
        let path = directory.path + "/relais.toml"
        let development = try String(contentsOf: root.appendingPathComponent("config/relais.dev.toml"), encoding: .utf8)
        try development.replacingOccurrences(of: "../.relais-dev", with: directory.path)
            .replacingOccurrences(of: "../captive-portal", with: root.appendingPathComponent("captive-portal").path)
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func initCreatesEverySecretOnceAndShowPrintsThePublicKeyOfTheSigningKey() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = try Self.config(in: directory)
        let (created, first, _) = try Self.relais(["keys", "init", "--config", config])
        #expect(created == 0)
        for name in KeyDirectory.allNames { #expect(first.contains("created: \(directory.path)/keys/\(name)"), "\(name)") }
        let (kept, second, _) = try Self.relais(["keys", "init", "--config", config])
        #expect(kept == 0 && !second.contains("created") && second.components(separatedBy: "kept:").count == 4)

        let (shown, text, _) = try Self.relais(["keys", "show", "--config", config])
        #expect(shown == 0)
        let publicKey = try #require(Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)))
        let signer = try KeyDirectory(path: directory.path + "/keys").reportSigner()
        #expect(Array(publicKey) == (try signer.publicKey()))
        // The PEM form is what openssl derives from the private key file itself.
        let (_, pem, _) = try Self.relais(["keys", "show", "--pem", "--config", config])
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["pkey", "-in", directory.path + "/keys/" + KeyDirectory.reportSigningKeyName, "-pubout"]
        let derived = Pipe()
        openssl.standardOutput = derived
        try openssl.run()
        let expected = String(decoding: derived.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0 && pem == expected)
    }

    @Test func showWithoutTheKeyTellsToRunInit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (status, _, errors) = try Self.relais(["keys", "show", "--config", try Self.config(in: directory)])
        #expect(status != 0 && errors.contains("relais keys init"))
    }

    /// The remembered devices' secret is read from the key directory like the ring: open to others, the daemon stops.
    @Test func aDeviceSecretOthersCanReadStopsTheDaemon() throws {
        let (status, errors) = try ServeKeyRefusalTests.serve { keys in
            // serve wrote its config beside the key directory.
            let config = URL(fileURLWithPath: keys).deletingLastPathComponent().path + "/relais.toml"
            _ = try Self.relais(["keys", "init", "--config", config])
            chmod(keys + "/" + KeyDirectory.deviceHashSecretName, 0o644)
        }
        #expect(status != 0)
        #expect(errors.contains(KeyDirectory.deviceHashSecretName))
    }
}
