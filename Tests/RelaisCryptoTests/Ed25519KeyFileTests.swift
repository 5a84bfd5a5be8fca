import Foundation
import RelaisCrypto
import Testing

@Suite struct Ed25519KeyFileTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.path + "/relais-keys-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    @Test func createdOwnerOnlyLoadedBackAndReadableByOpenSSL() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.key"
        let created = try Ed25519KeyFile.create(at: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let loaded = try Ed25519KeyFile.load(from: path)
        #expect(try loaded.publicKey() == created.publicKey())
        // Never over an existing key.
        #expect(throws: CryptoError.self) { try Ed25519KeyFile.create(at: path) }
        // The openssl tool reads the file and derives the same public key.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["pkey", "-in", path, "-pubout"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output == (try Ed25519KeyFile.publicKeyPEM(created)))
        #expect(try Ed25519KeyFile.publicKeyBase64(created).count == 44)
    }

    @Test func rawKeyAcceptedReadableKeyRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/raw.key"
        let seed = [UInt8](repeating: 7, count: 32)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(seed), attributes: [.posixPermissions: 0o600]))
        #expect(try Ed25519KeyFile.load(from: path).privateKey == seed)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: CryptoError.self) { try Ed25519KeyFile.load(from: path) }
        #expect(FileManager.default.createFile(atPath: folder + "/junk.key", contents: Data("hello".utf8), attributes: [.posixPermissions: 0o600]))
        #expect(throws: CryptoError.self) { try Ed25519KeyFile.load(from: folder + "/junk.key") }
    }
}
