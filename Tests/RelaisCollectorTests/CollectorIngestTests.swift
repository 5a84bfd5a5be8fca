import FoundationEssentials
import RelaisCollector
import RelaisCore
import RelaisCrypto
import RelaisHTTP
import RelaisStore
import Testing

@Suite struct CollectorIngestTests {
    @Test func storesASignedReportOnceAndAcknowledgesItEachTime() async throws {
        let fixture = try await IngestFixture()
        let report = IngestFixture.report()
        for _ in 0..<2 {
            let answer = try await fixture.post(report.canonicalBytes, reportID: report.reportID)
            #expect(answer.status == 200)
            #expect(CollectorAck.classify(status: answer.status, body: answer.body, reportID: report.reportID) == .acknowledged)
        }
        #expect(try await fixture.database.reportCount() == 1)
        #expect(try await fixture.database.reportBody(report.reportID) == report.canonicalBytes)
    }

    @Test func neverStoresAValueTheBoxSuppressed() async throws {
        let fixture = try await IngestFixture()
        let report = IngestFixture.report()
        let table = try #require(report.table("sessions.started"))
        #expect(table.suppressedCount > 0)
        _ = try await fixture.post(report.canonicalBytes)
        let cells = try await fixture.database.cells(ofReport: report.reportID)
        #expect(cells.count == 25)
        #expect(cells.first { $0.hour == 11 }?.value == nil)
        #expect(cells.filter { $0.value == nil }.count == table.suppressedCount)
        #expect(cells.compactMap(\.value).sorted() == table.values.compactMap { $0 }.sorted())
    }

    @Test func refusesAnUnknownBox() async throws {
        let fixture = try await IngestFixture()
        let report = IngestFixture.report(box: BoxID("mairie-inconnue")!)
        let answer = try await fixture.post(report.canonicalBytes, box: "mairie-inconnue")
        #expect(answer.status == 403)
        #expect(refusalCode(answer) == #"{"error":"unknown-box"}"#)
    }

    @Test func refusesARevokedBox() async throws {
        let fixture = try await IngestFixture()
        _ = try await fixture.database.revokeBox(IngestFixture.boxID, at: fixture.clock.now)
        let answer = try await fixture.post(IngestFixture.report().canonicalBytes)
        #expect(answer.status == 403)
        #expect(refusalCode(answer) == #"{"error":"revoked-box"}"#)
        #expect(try await fixture.database.reportCount() == 0)
    }

    @Test func refusesAnotherKeysSignatureATamperedBodyAndAMissingSignature() async throws {
        let fixture = try await IngestFixture()
        let body = IngestFixture.report().canonicalBytes
        let other = try Ed25519Signer.generate()
        #expect(try await fixture.post(body, signer: other).status == 401)
        let signature = "ed25519=" + Data(try fixture.signer.sign(body)).base64EncodedString()
        var tampered = body
        tampered[tampered.count / 2] ^= 0x01
        #expect(try await fixture.post(tampered, signature: signature).status == 401)
        #expect(try await fixture.post(body, signature: "").status == 401)
        #expect(try await fixture.database.reportCount() == 0)
    }

    @Test func refusesAMalformedBodyEvenWellSigned() async throws {
        let fixture = try await IngestFixture()
        #expect(try await fixture.post(Array("not json".utf8)).status == 400)
        let report = IngestFixture.report()
        #expect(try await fixture.post(report.canonicalBytes, reportID: "daily-report.v1.mairie-lannion.2026-11-03").status == 400)
        var other = report.json
        if case .object(var members) = other { members["schema_version"] = .int(99); other = .object(members) }
        #expect(try await fixture.post(other.bytes).status == 400)
        // Another box's report, signed with this box's key.
        #expect(try await fixture.post(IngestFixture.report(box: BoxID("mairie-voisine")!).canonicalBytes).status == 400)
    }

    @Test func refusesAPeriodInTheFutureOrBeforeRegistration() async throws {
        let fixture = try await IngestFixture(now: Date(timeIntervalSince1970: 1_794_000_000))  // 2026-11-06
        let future = try await fixture.post(IngestFixture.report(day: 9).canonicalBytes)
        #expect(future.status == 422)
        #expect(refusalCode(future) == #"{"error":"period-in-future"}"#)
        let before = DailyReport(boxID: IngestFixture.boxID, date: LocalDate(year: 2026, month: 10, day: 1)!, timeZone: "Europe/Paris",
                                 hoursInDay: 24, threshold: .standard, epsilon: nil, tables: [])
        let early = try await fixture.post(before.canonicalBytes)
        #expect(early.status == 422)
        #expect(refusalCode(early) == #"{"error":"period-before-registration"}"#)
        #expect(try await fixture.post(IngestFixture.report(day: 6).canonicalBytes).status == 200)
    }

    @Test func refusesATooLargeBody() async throws {
        let fixture = try await IngestFixture(maxBodyBytes: 1024)
        let answer = try await fixture.post([UInt8](repeating: 0x20, count: 1025))
        #expect(answer.status == 413)
    }

    @Test func limitsEachBoxAndTellsWhenToComeBack() async throws {
        let fixture = try await IngestFixture(limiter: BoxRateLimiter(burst: 2, perSecond: 0.1))
        #expect(try await fixture.post(IngestFixture.report(day: 1).canonicalBytes).status == 200)
        #expect(try await fixture.post(IngestFixture.report(day: 2).canonicalBytes).status == 200)
        let limited = try await fixture.post(IngestFixture.report(day: 3).canonicalBytes)
        #expect(limited.status == 429)
        #expect(limited.header("Retry-After") == "10")
        #expect(CollectorAck.classify(status: limited.status, body: limited.body, reportID: "x") == .retry)
        fixture.clock.set(fixture.clock.now.addingTimeInterval(10))
        #expect(try await fixture.post(IngestFixture.report(day: 3).canonicalBytes).status == 200)
        #expect(try await fixture.database.reportCount() == 3)
    }

    @Test func keepsTheLatestDutyStatus() async throws {
        let fixture = try await IngestFixture()
        let status = try #require(DutyStatus(boxID: IngestFixture.boxID, at: fixture.clock.now, onDuty: true, role: "conseiller-numerique"))
        let answer = try await fixture.post(status.canonicalBytes, kind: .dutyStatus, reportID: status.reportID)
        #expect(CollectorAck.classify(status: answer.status, body: answer.body, reportID: status.reportID) == .acknowledged)
        #expect(try await fixture.database.dutyStatuses().map(\.role) == ["conseiller-numerique"])
        let later = try #require(DutyStatus(boxID: IngestFixture.boxID, at: fixture.clock.now.addingTimeInterval(3600), onDuty: true, role: nil))
        #expect(try await fixture.post(later.canonicalBytes, kind: .dutyStatus).status == 422)
    }
}
