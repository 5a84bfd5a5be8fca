import ArgumentParser
import RelaisControl
import RelaisCore

/// The devices of a batch command: MAC addresses as arguments, or `-` / `--stdin` to read one per line.
struct MACBatchArguments: ParsableArguments {
    @Argument(help: "Adresses MAC (aa:bb:cc:dd:ee:ff), ou « - » pour les lire sur l'entrée standard.")
    var macs: [String] = []

    @Flag(name: .customLong("stdin"), help: "Lit les adresses sur l'entrée standard, une par ligne (# commentaires).")
    var fromStandardInput = false

    var readsStandardInput: Bool { fromStandardInput || macs == ["-"] }

    func validate() throws {
        if readsStandardInput {
            guard macs.isEmpty || macs == ["-"] else {
                throw ValidationError("« - » ou --stdin s'utilisent seuls, sans adresse en argument.")
            }
        } else if macs.isEmpty {
            throw ValidationError("Indiquer au moins une adresse MAC, ou « - » pour l'entrée standard.")
        }
    }

    /// Every address, or exit 65 naming each line that is not one (nothing is sent then).
    func parse(connection: ControlConnectionOptions) throws -> [MACAddress] {
        let text = readsStandardInput
            ? String(decoding: try StandardStreams.readInput(), as: UTF8.self)
            : macs.joined(separator: "\n")
        let parsed = MACListParser.parse(text)
        guard parsed.invalid.isEmpty else {
            let place = readsStandardInput ? "ligne" : "argument"
            let lines = parsed.invalid.map { "\(place) \($0.line) : « \($0.text) » n'est pas une adresse MAC" }
            throw connection.fail(lines.joined(separator: "\n") + "\nrien n'a été envoyé.", code: ExitCode(65))
        }
        guard !parsed.macs.isEmpty else { throw connection.fail("aucune adresse MAC à envoyer.", code: ExitCode(65)) }
        return parsed.macs
    }
}
