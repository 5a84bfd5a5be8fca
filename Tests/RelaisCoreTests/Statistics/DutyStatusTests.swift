import FoundationEssentials
import RelaisCore
import Testing

@Suite struct DutyStatusTests {
    @Test func roleIsALabelNeverFreeText() {
        let box = BoxID("mairie-plouaret")!
        let at = Date(timeIntervalSince1970: 1_790_000_000.7)
        #expect(DutyStatus(boxID: box, at: at, onDuty: true, role: "Marie Dupont") == nil)
        let status = DutyStatus(boxID: box, at: at, onDuty: true, role: "conseiller-numerique")!
        #expect(status.reportID == "duty-status.v1.mairie-plouaret.1790000000")
        #expect(String(decoding: status.canonicalBytes, as: UTF8.self)
                == #"{"at":1790000000,"box_id":"mairie-plouaret","on_duty":true,"report_id":"duty-status.v1.mairie-plouaret.1790000000","role":"conseiller-numerique","schema":"relais.duty-status","schema_version":1}"#)
        #expect(DutyStatus(boxID: box, at: at, onDuty: false, role: "conseiller-numerique")?.role == nil)
    }

    @Test func boxIDIsALabel() {
        #expect(BoxID("") == nil)
        #expect(BoxID("Mairie") == nil)
        #expect(BoxID("a/b") == nil)
        #expect(BoxID("mairie-2")?.rawValue == "mairie-2")
    }
}
