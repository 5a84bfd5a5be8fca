import Foundation
import RelaisCore
import RelaisCrypto
import Testing

@Suite struct LegalKeyRingTests {
    let created = Date(timeIntervalSince1970: 1_790_000_000)
    let secretA = [UInt8](repeating: 0xA1, count: 32)
    let secretB = [UInt8](repeating: 0xB2, count: 32)

    @Test func theFileTextReadsBackAsTheSameRing() throws {
        let ring = LegalKeyRing.new(secret: secretA, at: created).rotated(secret: secretB, at: created.addingTimeInterval(86_400))
        let parsed = try LegalKeyRing(fileText: ring.fileText, path: "ring")
        #expect(parsed == ring)
        #expect(parsed.currentID == 2)
        #expect(ring.fileText.contains("key 1 2026-09-21T"))
    }

    @Test func rotationKeepsTheOldKeysAndRetiringDropsUnusedOnesButNeverTheCurrent() {
        let ring = LegalKeyRing.new(secret: secretA, at: created).rotated(secret: secretB, at: created)
        #expect(ring.keys.map(\.id) == [1, 2])
        #expect(ring.current.secret == secretB)
        #expect(ring.retiring(keeping: [1]).keys.map(\.id) == [1, 2])
        #expect(ring.retiring(keeping: []).keys.map(\.id) == [2])
    }

    static let hex64 = String(repeating: "ab", count: 32)
    static let malformed: [String] = [
        "",
        "not a ring\n",
        "relais-keyring 1\ncurrent 1\n",
        "relais-keyring 1\ncurrent 2\nkey 1 2026-11-30T06:00:00Z \(hex64)\n",
        "relais-keyring 1\ncurrent 1\nkey 1 2026-11-30T06:00:00Z abcd\n",
        "relais-keyring 1\ncurrent 1\nkey 1 yesterday \(hex64)\n",
        "relais-keyring 1\ncurrent 1\nkey 1 2026-11-30T06:00:00Z \(hex64)\nkey 1 2026-11-30T06:00:00Z \(hex64)\n",
        "relais-keyring 1\ncurrent 1\ncurrent 1\nkey 1 2026-11-30T06:00:00Z \(hex64)\n",
        "relais-keyring 1\ncurrent 1\nkey 1 2026-11-30T06:00:00Z \(hex64)\nsecret 3\n",
    ]

    @Test(arguments: malformed)
    func malformedRingsAreRefused(_ text: String) {
        #expect(throws: KeyFileError.self) { try LegalKeyRing(fileText: text, path: "ring") }
    }

    @Test func commentsAndBlankLinesAreIgnored() throws {
        let ring = try LegalKeyRing(
            fileText: "# note\n\nrelais-keyring 1\n  current 1\r\nkey 1 2026-11-30T06:00:00Z \(Self.hex64)\n", path: "ring")
        #expect(ring.current.secret == [UInt8](repeating: 0xAB, count: 32))
    }
}
