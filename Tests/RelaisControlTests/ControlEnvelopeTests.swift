import Foundation
import RelaisCore
import Testing
@testable import RelaisControl

@Suite struct ControlEnvelopeTests {
    @Test func wireFormIsACommandAndItsFields() throws {
        let mac = try #require(MACAddress("AA:BB:CC:DD:EE:FF"))
        #expect(String(decoding: try ControlEnvelope.request(BlockCommand.self, MACBatch([mac])), as: UTF8.self)
            == #"{"command":"block","macs":["aa:bb:cc:dd:ee:ff"]}"# + "\n")
        #expect(String(decoding: try ControlEnvelope.request(StatusCommand.self, NoArguments()), as: UTF8.self)
            == #"{"command":"status"}"# + "\n")
    }

    @Test func answersCarryOkNextToTheResponseFields() throws {
        let outcome = BatchOutcome(affected: 2, invalid: [MACAddress(rawValue: 0xFFFF_FFFF_FFFF)])
        #expect(String(decoding: try ControlEnvelope.success(outcome), as: UTF8.self)
            == #"{"ok":true,"affected":2,"invalid":["ff:ff:ff:ff:ff:ff"],"overCapacity":[],"unchanged":[]}"# + "\n")
        #expect(String(decoding: ControlEnvelope.failure(ControlFailure("non", code: "busy")), as: UTF8.self)
            == #"{"ok":false,"error":"non","errorCode":"busy"}"# + "\n")
    }

    @Test func answersDecodeBackTypedOrAsTheRefusal() throws {
        let clients = ClientsCommand.Response(clients: [RecordingHandler.client])
        let line = try ControlEnvelope.success(clients)
        #expect(try ControlEnvelope.answer(ClientsCommand.self, from: line) == .success(clients))
        let refusal = ControlFailure("occupé", code: ControlFailure.Code.busy)
        #expect(try ControlEnvelope.answer(ClientsCommand.self, from: ControlEnvelope.failure(refusal)) == .failure(refusal))
    }

    @Test func batchRequestsDecodeBack() throws {
        let batch = MACBatch([MACAddress(rawValue: 2), MACAddress(rawValue: 3)])
        let line = try ControlEnvelope.request(UnblockCommand.self, batch)
        #expect(try ControlEnvelope.commandName(in: line) == "unblock")
        #expect(try ControlWire.decoder().decode(MACBatch.self, from: Data(line)) == batch)
    }

    @Test func missingFieldIsExplainedInFrench() {
        do {
            _ = try ControlWire.decoder().decode(MACBatch.self, from: Data(#"{"command":"authorize"}"#.utf8))
            Issue.record("a batch command without macs must not decode")
        } catch {
            #expect(ControlWire.explain(error) == "requête invalide : champ « macs » manquant")
        }
    }

    /// The registry is the single list: names are unique, on the wire and in the CLI.
    @Test func registryNamesAreUnique() {
        let names = ControlCommands.all.map { $0.name }
        let subcommands = ControlCommands.all.map { $0.subcommand }
        #expect(Set(names).count == names.count)
        #expect(Set(subcommands).count == subcommands.count)
        #expect(Set(RecordingHandler().router.commandNames) == Set(names))
    }
}
