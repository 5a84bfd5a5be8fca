import RelaisMicroHTTPD
import Testing

@Suite struct ConnectionBudgetTests {
    @Test func configuredLimitsStandWhenDescriptorsSuffice() {
        #expect(ConnectionBudget.derive(total: 4096, perAddress: 16, descriptorLimit: 8192) == ConnectionBudget(total: 4096, perAddress: 16))
        #expect(ConnectionBudget.derive(total: 4096, perAddress: 16, descriptorLimit: nil) == ConnectionBudget(total: 4096, perAddress: 16))
    }

    @Test func totalIsLoweredToLeaveReservedDescriptors() {
        // systemd's default soft limit: 1024 descriptors, 256 kept for the rest of the process.
        #expect(ConnectionBudget.derive(total: 4096, perAddress: 16, descriptorLimit: 1024) == ConnectionBudget(total: 768, perAddress: 16))
    }

    @Test func tinyDescriptorLimitsKeepAMinimumAndCapPerAddress() {
        #expect(ConnectionBudget.derive(total: 4096, perAddress: 64, descriptorLimit: 100) == ConnectionBudget(total: 16, perAddress: 16))
        #expect(ConnectionBudget.derive(total: 4096, perAddress: 0, descriptorLimit: 100) == ConnectionBudget(total: 16, perAddress: 0))
    }

    @Test func thisProcessHasADescriptorLimit() {
        if let limit = ConnectionBudget.descriptorLimit() { #expect(limit > 0) }
    }
}
