import RelaisCore
import Testing

@Suite struct PortBlockPlanTests {
    let wan = IPAddress("198.51.100.1")!

    @Test func theDefaultPlanCutsThePortsAbove1023Into252Blocks() throws {
        let plan = try #require(PortBlockPlan(publicAddress: wan))
        #expect(plan.firstPort == 1024)
        #expect(plan.portsPerDevice == 256)
        #expect(plan.blockCount == 252)
        #expect(plan.block(at: 0) == PortBlock(publicAddress: wan, firstPort: 1024, lastPort: 1279, index: 0))
        #expect(plan.block(at: 251) == PortBlock(publicAddress: wan, firstPort: 65_280, lastPort: 65_535, index: 251))
    }

    @Test func blocksOutsideThePlanAreNil() throws {
        let plan = try #require(PortBlockPlan(publicAddress: wan, firstPort: 1024, portsPerDevice: 1000))
        // 64,512 ports make 64 whole blocks of 1,000; the 512 ports above the last block are never used.
        #expect(plan.blockCount == 64)
        #expect(plan.block(at: -1) == nil)
        #expect(plan.block(at: 64) == nil)
        #expect(plan.block(at: 63)?.ports == 64_024...65_023)
        #expect(plan.block(containing: 65_024) == nil)
        #expect(plan.block(containing: 65_535) == nil)
        #expect(plan.block(containing: 1023) == nil)
    }

    @Test func indexAndRangeConvertBothWaysForEveryBlock() throws {
        let plan = try #require(PortBlockPlan(publicAddress: wan, firstPort: 2000, portsPerDevice: 512))
        for index in 0..<plan.blockCount {
            let block = try #require(plan.block(at: index))
            #expect(block.index == index)
            #expect(block.ports.count == 512)
            #expect(plan.index(of: block.ports) == index)
            #expect(plan.block(containing: block.firstPort) == block)
            #expect(plan.block(containing: block.lastPort) == block)
            #expect(block.contains(port: block.firstPort + 100))
            #expect(!block.contains(port: block.lastPort + 1))
        }
        // Consecutive blocks touch and never overlap.
        for index in 1..<plan.blockCount {
            #expect(plan.block(at: index)!.firstPort == plan.block(at: index - 1)!.lastPort + 1)
        }
    }

    @Test func aRangeThatIsNotExactlyABlockHasNoIndex() throws {
        let plan = try #require(PortBlockPlan(publicAddress: wan))
        #expect(plan.index(of: 1024...1279) == 0)
        #expect(plan.index(of: 1024...1278) == nil)
        #expect(plan.index(of: 1025...1280) == nil)
        #expect(plan.index(of: 1...255) == nil)
    }

    @Test func onePortPerDeviceGivesEveryPortItsOwnBlock() throws {
        let plan = try #require(PortBlockPlan(publicAddress: wan, firstPort: 65_530, portsPerDevice: 1))
        #expect(plan.blockCount == 6)
        #expect(plan.block(containing: 65_535)?.index == 5)
    }

    @Test func impossiblePlansAreRefused() {
        #expect(PortBlockPlan(publicAddress: IPAddress("2001:db8::1")!) == nil)
        #expect(PortBlockPlan(publicAddress: wan, firstPort: 0) == nil)
        #expect(PortBlockPlan(publicAddress: wan, firstPort: 65_536) == nil)
        #expect(PortBlockPlan(publicAddress: wan, portsPerDevice: 0) == nil)
        #expect(PortBlockPlan(publicAddress: wan, firstPort: 65_000, portsPerDevice: 1000) == nil)
        #expect(PortBlockPlan(publicAddress: wan, firstPort: 64_536, portsPerDevice: 1000)?.blockCount == 1)
    }

    @Test func aBindingNeedsABlockAndAnIPv4Address() throws {
        let block = try #require(PortBlockPlan(publicAddress: wan)?.block(at: 3))
        var session = Session(
            mac: MACAddress(rawValue: 0x02_00_00_00_00_01), ipAddress: IPAddress("::ffff:192.0.2.10"), origin: .portal,
            startedAt: .init(timeIntervalSince1970: 0), expiresAt: .init(timeIntervalSince1970: 60), idleSeconds: 60,
            termsVersion: "v1")
        #expect(NATBinding(session: session) == nil)
        session.portBlock = block
        #expect(NATBinding(session: session) == NATBinding(privateAddress: IPAddress("192.0.2.10")!, block: block))
        session.ipAddress = IPAddress("2001:db8::10")
        #expect(NATBinding(session: session) == nil)
        #expect(session.ended(.idle, at: .init(timeIntervalSince1970: 30)).portBlock == nil)
    }
}
