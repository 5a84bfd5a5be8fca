import Foundation
import Glibc
import RelaisCore
import RelaisCrypto
import Testing

/// The key files on a real file system, in a fresh directory per test.
@Suite struct KeyDirectoryTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let random: @Sendable (Int) -> [UInt8] = { SystemRandomSource().bytes($0) }

    func withDirectory(_ body: (KeyDirectory) throws -> Void) throws {
        let parent = FileManager.default.temporaryDirectory.path + "/relais-keys-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try body(KeyDirectory(path: parent + "/keys"))
    }

    /// The error `body` failed with; nil when it succeeded.
    func failure(_ body: () throws -> Any) -> KeyFileError? {
        do { _ = try body(); return nil } catch { return error as? KeyFileError }
    }

    func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o777
    }

    @Test func initCreatesARootOnlyDirectoryAndFilesThenKeepsThem() throws {
        try withDirectory { keys in
            let first = try keys.initialize(random: random, now: now)
            #expect(first.created == KeyDirectory.allNames)
            #expect(mode(keys.path) == 0o700)
            for name in KeyDirectory.allNames { #expect(mode(keys.filePath(name)) == 0o600, "\(name)") }
            let ring = try keys.legalKeyRing()
            let secret = try keys.secret(named: KeyDirectory.deviceHashSecretName)
            #expect(secret.count == 32)
            let publicKey = try keys.reportSigner().publicKey()
            let second = try keys.initialize(random: random, now: now)
            #expect(second.created.isEmpty && second.kept == KeyDirectory.allNames)
            #expect(try keys.legalKeyRing() == ring)
            #expect(try keys.secret(named: KeyDirectory.deviceHashSecretName) == secret)
            #expect(try keys.reportSigner().publicKey() == publicKey)
        }
    }

    @Test func rotationIsWrittenAtomicallyAndKeepsTheFileRootOnly() throws {
        try withDirectory { keys in
            _ = try keys.initialize(random: random, now: now)
            let rotated = try keys.legalKeyRing().rotated(secret: random(32), at: now)
            try keys.writeKeyRing(rotated)
            #expect(try keys.legalKeyRing() == rotated)
            #expect(mode(keys.filePath(KeyDirectory.legalKeyRingName)) == 0o600)
            #expect(try FileManager.default.contentsOfDirectory(atPath: keys.path).sorted()
                == KeyDirectory.allNames.sorted())
        }
    }

    /// The report signing key is read like the ring: its signature verifies under the public key `keys show`
    /// prints, and a key others can read, or a file of another form, is refused.
    @Test func theReportSigningKeyIsCheckedLikeTheRing() throws {
        try withDirectory { keys in
            _ = try keys.initialize(random: random, now: now)
            let signer = try keys.reportSigner()
            let message = Array("rapport".utf8)
            let publicKey = try #require(Data(base64Encoded: try Ed25519KeyFile.publicKeyBase64(signer)))
            #expect(try Ed25519Signer.verify(signature: try signer.sign(message), of: message, publicKey: Array(publicKey)))
            chmod(keys.filePath(KeyDirectory.reportSigningKeyName), 0o644)
            #expect(failure { try keys.reportSigner() }?.code == .tooOpen)
            chmod(keys.filePath(KeyDirectory.reportSigningKeyName), 0o600)
            try Data("not a key".utf8).write(to: URL(fileURLWithPath: keys.filePath(KeyDirectory.reportSigningKeyName)))
            #expect(failure { try keys.reportSigner() }?.code == .malformed)
        }
    }

    @Test func aMissingFileIsTold() throws {
        try withDirectory { keys in
            let error = failure { try keys.legalKeyRing() }
            #expect(error?.code == .missing)
            #expect(error?.message.contains("relais keys init") == true)
        }
    }

    @Test(arguments: [0o640, 0o604, 0o644, 0o660])
    func aFileOthersCanReadIsRefused(_ permissions: Int) throws {
        try withDirectory { keys in
            _ = try keys.initialize(random: random, now: now)
            chmod(keys.filePath(KeyDirectory.legalKeyRingName), mode_t(permissions))
            #expect(failure { try keys.legalKeyRing() }?.code == .tooOpen)
        }
    }

    @Test func systemdCredentialsMayShowTheirACLInTheGroupBitsButNeverBeWorldReadable() throws {
        try withDirectory { keys in
            _ = try keys.initialize(random: random, now: now)
            let credentials = KeyDirectory(path: keys.path, isSystemdCredentials: true)
            chmod(keys.filePath(KeyDirectory.legalKeyRingName), 0o440)
            #expect(throws: Never.self) { try credentials.legalKeyRing() }
            chmod(keys.filePath(KeyDirectory.legalKeyRingName), 0o444)
            #expect(throws: KeyFileError.self) { try credentials.legalKeyRing() }
            #expect(KeyDirectory.forDaemon(configured: "/etc/relais/keys", environment: ["CREDENTIALS_DIRECTORY": "/run/c"])
                == KeyDirectory(path: "/run/c", isSystemdCredentials: true))
            #expect(KeyDirectory.forDaemon(configured: "/etc/relais/keys", environment: [:]) == KeyDirectory(path: "/etc/relais/keys"))
        }
    }

    @Test func unreadableAndMalformedFilesAreTold() throws {
        try withDirectory { keys in
            _ = try keys.initialize(random: random, now: now)
            // A path through a regular file fails with ENOTDIR, even for root.
            let through = KeyDirectory(path: keys.filePath(KeyDirectory.deviceHashSecretName))
            #expect(failure { try through.legalKeyRing() }?.code == .unreadable)
            try Data("relais-keyring 1\ncurrent 1\n".utf8).write(to: URL(fileURLWithPath: keys.filePath(KeyDirectory.legalKeyRingName)))
            chmod(keys.filePath(KeyDirectory.legalKeyRingName), 0o600)
            #expect(failure { try keys.legalKeyRing() }?.code == .noCurrentKey)
            try Data([1, 2, 3]).write(to: URL(fileURLWithPath: keys.filePath(KeyDirectory.deviceHashSecretName)))
            chmod(keys.filePath(KeyDirectory.deviceHashSecretName), 0o600)
            #expect(failure { try keys.secret(named: KeyDirectory.deviceHashSecretName) }?.code == .malformed)
        }
    }
}
