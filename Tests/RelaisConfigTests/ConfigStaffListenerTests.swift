import RelaisConfig
import RelaisCore
import Testing

/// `[staff]`: agent passwords never travel over plain HTTP, so without TLS only loopback is accepted.
@Suite struct ConfigStaffListenerTests {
    @Test func disabledByDefault() throws {
        let config = try #require(loadedConfig("[portal]\nvenue_name = \"x\"\n"))
        #expect(!config.staff.isEnabled)
    }

    @Test func plainHTTPOnLoopbackIsAccepted() throws {
        let config = try #require(loadedConfig("[staff]\nlisten_address = \"127.0.0.1\"\nport = 8081\n"))
        #expect(config.staff.isEnabled && !config.staff.usesTLS)
        #expect(loadedConfig("[staff]\nlisten_address = \"::1\"\n") != nil)
    }

    @Test func plainHTTPElsewhereIsRefused() {
        let issues = configIssues("[staff]\nlisten_address = \"0.0.0.0\"\n")
        #expect(issues.count == 1)
        #expect(issues.first?.key == "staff.listen_address")
        #expect(configIssues("[staff]\nlisten_address = \"192.168.50.1\"\n").count == 1)
    }

    @Test func tlsAnywhereIsAccepted() throws {
        let config = try #require(loadedConfig(
            "[staff]\nlisten_address = \"0.0.0.0\"\ntls_certificate = \"staff.crt\"\ntls_key = \"/etc/relais/staff.key\"\n"))
        #expect(config.staff.usesTLS)
        #expect(config.staff.tlsCertificate == "/etc/relais/staff.crt")
    }

    @Test func halfATLSPairOrTheportalsPortIsRefused() {
        #expect(configIssues("[staff]\nlisten_address = \"0.0.0.0\"\ntls_certificate = \"a.crt\"\n").map(\.key) == ["staff.tls_key"])
        #expect(configIssues("[staff]\nlisten_address = \"127.0.0.1\"\nport = 2050\n").map(\.key) == ["staff.port"])
    }

    @Test func theRuleIsAPureFunction() {
        let plain = RelaisConfig.Staff(listenAddress: "10.0.0.1", port: 8443, tlsCertificate: "", tlsKey: "")
        #expect(plain.refusal?.key == "staff.listen_address")
        #expect(RelaisConfig.Staff.isLoopback("127.1.2.3"))
        #expect(!RelaisConfig.Staff.isLoopback("::"))
    }
}
