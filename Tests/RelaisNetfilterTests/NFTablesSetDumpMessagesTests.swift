import RelaisCore
import Testing
@testable import RelaisNetfilter

/// The nf_tables netlink codec of the sweep's set dumps, on hand-built kernel answers.
struct NFTablesSetDumpMessagesTests {
    typealias M = NFTablesSetDumpMessages

    static func mac(_ n: Int) -> MACAddress { MACAddress(rawValue: 0x02_00_00_00_00_00 | UInt64(n)) }

    // Little builders of what the kernel sends, from the UAPI layout.
    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { le16(UInt16(v & 0xFFFF)) + le16(UInt16(v >> 16)) }
    static func attribute(_ type: UInt16, _ payload: [UInt8], nested: Bool = false) -> [UInt8] {
        let padding = (4 - payload.count % 4) % 4
        return le16(UInt16(4 + payload.count)) + le16(type | (nested ? 0x8000 : 0)) + payload + [UInt8](repeating: 0, count: padding)
    }
    static func message(type: UInt16, flags: UInt16 = 0x2, sequence: UInt32, body: [UInt8]) -> [UInt8] {
        le32(UInt32(16 + body.count)) + le16(type) + le16(flags) + le32(sequence) + le32(4242) + body
    }
    static func elements(_ macs: [MACAddress], sequence: UInt32, flags: UInt16 = 0x2) -> [UInt8] {
        let list = macs.map { mac -> [UInt8] in
            let bytes = (0..<6).map { UInt8(truncatingIfNeeded: mac.rawValue >> (40 - 8 * UInt64($0))) }
            let key = attribute(1, attribute(1, bytes), nested: true)
            let timeout = attribute(4, [0, 0, 0, 0, 0, 0, 0x0E, 0x10])
            return attribute(1, key + timeout, nested: true)
        }.reduce([], +)
        let body: [UInt8] = [1, 0, 0, 0] + attribute(1, Array("relais\0".utf8)) + attribute(2, Array("active\0".utf8))
            + attribute(3, list, nested: true)
        return message(type: 10 << 8 | 12, flags: flags, sequence: sequence, body: body)
    }
    static func done(_ sequence: UInt32) -> [UInt8] { message(type: 3, sequence: sequence, body: le32(0)) }
    static func error(_ code: Int32, _ sequence: UInt32) -> [UInt8] {
        message(type: 2, sequence: sequence, body: le32(UInt32(bitPattern: code)) + [UInt8](repeating: 0, count: 16))
    }

    @Test func theRequestIsAnInetSetElementDump() {
        let request = M.request(table: "relais", set: "active", sequence: 7)
        #expect(Array(request[0..<4]) == Self.le32(UInt32(request.count)))
        #expect(Array(request[4..<8]) == Self.le16(10 << 8 | 13) + Self.le16(0x301))
        #expect(Array(request[8..<12]) == Self.le32(7))
        #expect(Array(request[16..<20]) == [1, 0, 0, 0])
        #expect(Array(request[20...]) == Self.attribute(1, Array("relais\0".utf8)) + Self.attribute(2, Array("active\0".utf8)))
        #expect(request.count % 4 == 0)
    }

    @Test func readsElementsOverSeveralMessagesUntilDone() throws {
        let bytes = Self.elements([Self.mac(1), Self.mac(2)], sequence: 5) + Self.elements([Self.mac(3)], sequence: 5) + Self.done(5)
        let batch = try M.read(bytes[...], sequence: 5)
        #expect(batch == M.Batch(elements: [Self.mac(1), Self.mac(2), Self.mac(3)], done: true))
    }

    @Test func aBufferWithoutDoneAsksForMore() throws {
        let batch = try M.read(Self.elements([Self.mac(9)], sequence: 1)[...], sequence: 1)
        #expect(batch.elements == [Self.mac(9)])
        #expect(!batch.done)
    }

    @Test func answersToAnEarlierRequestAreSkipped() throws {
        let bytes = Self.elements([Self.mac(1)], sequence: 3) + Self.done(3) + Self.elements([Self.mac(2)], sequence: 4) + Self.done(4)
        #expect(try M.read(bytes[...], sequence: 4).elements == [Self.mac(2)])
    }

    @Test func theKernelsErrorIsReported() throws {
        let batch = try M.read(Self.error(-2, 8)[...], sequence: 8)
        #expect(batch.error == -2)
        #expect(batch.done)
    }

    @Test func anInterruptedDumpIsFlagged() throws {
        let bytes = Self.elements([Self.mac(1)], sequence: 2, flags: 0x12) + Self.done(2)
        #expect(try M.read(bytes[...], sequence: 2).interrupted)
    }

    @Test func emptySetIsJustDone() throws {
        #expect(try M.read(Self.done(1)[...], sequence: 1) == M.Batch(done: true))
    }

    /// A truncated or inconsistent answer is an error, never an empty listing (read as empty, every
    /// session would end as idle).
    @Test func malformedAnswersAreListErrors() throws {
        var bytes = Self.elements([Self.mac(1)], sequence: 1)
        bytes.removeLast(3)
        #expect(throws: FirewallError.self) { try M.read(bytes[...], sequence: 1) }
        let shortKey = Self.attribute(1, Self.attribute(1, Self.attribute(1, [2, 0, 0, 0, 1]), nested: true), nested: true)
        let wrongKey = Self.message(type: 10 << 8 | 12, sequence: 1, body: [1, 0, 0, 0] + Self.attribute(3, shortKey, nested: true))
        let error = try #require(throws: FirewallError.self) { try M.read(wrongKey[...], sequence: 1) }
        #expect(error.message.contains("5 bytes"))
        #expect(throws: FirewallError.self) { try M.read(([16, 0, 0, 0] + [UInt8](repeating: 0, count: 10))[...], sequence: 0) }
    }
}
