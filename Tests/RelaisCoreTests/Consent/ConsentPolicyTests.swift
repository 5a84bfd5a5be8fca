import FoundationEssentials
import RelaisCore
import Testing

/// Optional consent: nothing ticked grants nothing, a grant records the notice shown, purposes expire.
@Suite struct ConsentPolicyTests {
    let now = Date(timeIntervalSince1970: 1_750_000_000)
    let shown = NoticeShown(version: String(repeating: "a", count: 64), textSHA256: String(repeating: "b", count: 64))
    let device = DeviceHash(bytes: Array(repeating: 7, count: 32))
    let policy = ConsentSettings(rememberDays: 30, extraPurposes: [
        .init(id: "lettre", retentionDays: 365, label: ["fr": "Lettre"], explanation: ["fr": "Une par mois."]),
    ]).policy

    @Test func nothingTickedGrantsNothing() {
        // Unticked by default: the absence of a box is the absence of consent.
        #expect(policy.grant(ticked: [], notice: shown, device: device, now: now) == nil)
        #expect(policy.grant(ticked: ["not-offered"], notice: shown, device: device, now: now) == nil)
    }

    @Test func rememberingRecordsTheNoticeAndAKeyedHashThatExpires() throws {
        let grant = try #require(policy.grant(ticked: ["remember-device"], notice: shown, device: device, now: now))
        #expect(grant.purposes == ["remember-device"])
        #expect(grant.noticeVersion == shown.version)
        #expect(grant.noticeTextSHA256 == shown.textSHA256)
        #expect(grant.grantedAt == now)
        #expect(grant.expiresAt == now.addingTimeInterval(30 * 86_400))
        #expect(grant.rememberedDevice == RememberedDevice(deviceHash: device, expiresAt: now.addingTimeInterval(30 * 86_400)))
    }

    @Test func eachPurposeKeepsItsOwnRetention() throws {
        let grant = try #require(policy.grant(ticked: ["lettre", "remember-device"], notice: shown, device: device, now: now))
        #expect(grant.purposes == ["remember-device", "lettre"])
        #expect(grant.expiresAt == now.addingTimeInterval(365 * 86_400))
        #expect(grant.rememberedDevice?.expiresAt == now.addingTimeInterval(30 * 86_400))
        let letterOnly = try #require(policy.grant(ticked: ["lettre"], notice: shown, device: device, now: now))
        #expect(letterOnly.rememberedDevice == nil, "no device is kept for a purpose that does not need it")
    }

    @Test func aRememberedConsentIsValidUntilItsExpiryOnly() {
        let remembered = RememberedConsent(consentID: 1, noticeVersion: shown.version, expiresAt: now.addingTimeInterval(10))
        #expect(ConsentPolicy.isValid(remembered, at: now))
        #expect(ConsentPolicy.isValid(remembered, at: now.addingTimeInterval(9.999)))
        #expect(!ConsentPolicy.isValid(remembered, at: now.addingTimeInterval(10)))
    }

    @Test func accessNeverDependsOnConsent() {
        // The admission policy has no consent input at all: the same decision with or without one.
        let admission = AdmissionPolicy(limits: SessionLimits(sessionSeconds: 3600, idleSeconds: 600))
        let decision = admission.admitVisitor(mac: MACAddress("02:00:00:00:00:01"), ipAddress: IPAddress("192.0.2.1")!,
                                              termsVersion: shown.version, isBlocked: false, now: now)
        guard case .admit(let session) = decision else { Issue.record("refused"); return }
        #expect(session.termsVersion == shown.version)
    }

    @Test func deviceKeysAreExactly32Bytes() {
        #expect(DeviceHashKey(bytes: Array(repeating: 1, count: 31)) == nil)
        #expect(DeviceHashKey(bytes: Array(repeating: 1, count: 33)) == nil)
        #expect(DeviceHashKey(bytes: Array(repeating: 1, count: 32))?.bytes.count == 32)
    }
}
