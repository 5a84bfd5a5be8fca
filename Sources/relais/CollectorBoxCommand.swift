import ArgumentParser
import FoundationEssentials
import RelaisControlCLI
import RelaisCore
import RelaisCrypto
import RelaisStore

/// `relais collector box add|list|revoke`: the register of the boxes allowed to push.
struct CollectorBoxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "box", abstract: "Registre des boîtiers : ajout, liste, révocation.", subcommands: [Add.self, List.self, Revoke.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enregistre un boîtier et sa clé publique (relais keys show).")
        @OptionGroup var options: CollectorCommand.Options
        @Option(name: .long, help: "Nom du boîtier (push.box_id), par exemple mediatheque-lannion.") var id: String
        @Option(name: .long, help: "Nom du lieu.") var site: String
        @Option(name: .long, help: "Commune.") var commune: String
        @Option(name: .long, help: "Code INSEE de la commune (5 caractères).") var insee: String
        @Option(name: .long, help: "EPCI (nom ou SIREN).") var epci: String
        @Option(name: .long, parsing: .unconditional, help: "Latitude (WGS 84).") var lat: Double
        @Option(name: .long, parsing: .unconditional, help: "Longitude (WGS 84), négative à l'ouest de Greenwich.") var lon: Double
        @Option(name: .long, help: "Clé publique Ed25519 en base64.") var publicKey: String

        func run() async throws {
            guard let boxID = BoxID(id) else { throw CollectorCommand.fail("--id : 1 à 64 caractères parmi a-z, 0-9 et -") }
            guard insee.utf8.count == 5, insee.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "A" || $0 == "B") }) else {
                throw CollectorCommand.fail("--insee : un code INSEE de 5 caractères, par exemple 22113 ou 2A004")
            }
            guard (-90...90).contains(lat), (-180...180).contains(lon) else { throw CollectorCommand.fail("--lat/--lon hors limites") }
            guard let key = Data(base64Encoded: publicKey).map(Array.init), key.count == Ed25519Signer.keyLength else {
                throw CollectorCommand.fail("--public-key : 32 octets en base64, tels que « relais keys show » les affiche")
            }
            for (name, value) in [("--site", site), ("--commune", commune), ("--epci", epci)] where !(1...200).contains(value.count) {
                throw CollectorCommand.fail("\(name) : 1 à 200 caractères")
            }
            let database = try options.database()
            let box = CollectorBox(id: boxID, siteName: site, commune: commune, inseeCode: insee, epci: epci, latitude: lat,
                                   longitude: lon, publicKey: key, registeredAt: Date())
            guard try await database.addBox(box) else { throw CollectorCommand.fail("le boîtier \(id) est déjà enregistré") }
            print("boîtier \(id) enregistré (\(site), \(commune) \(insee))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les boîtiers enregistrés.")
        @OptionGroup var options: CollectorCommand.Options

        func run() async throws {
            for box in try await options.database().boxes() {
                let state = box.revokedAt.map { "révoqué le \(LocalDate(daysSince1970: Int(($0.timeIntervalSince1970 / 86_400).rounded(.down)))) (UTC)" } ?? "actif"
                print([box.id.rawValue, box.siteName, box.commune, box.inseeCode, box.epci, "\(box.latitude)", "\(box.longitude)",
                       Data(box.publicKey).base64EncodedString(), state].joined(separator: "\t"))
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Révoque un boîtier : ses envois sont refusés (403).")
        @OptionGroup var options: CollectorCommand.Options
        @Argument(help: "Nom du boîtier.") var id: String

        func run() async throws {
            guard let boxID = BoxID(id) else { throw CollectorCommand.fail("nom de boîtier invalide : \(id)") }
            guard try await options.database().revokeBox(boxID, at: Date()) else {
                throw CollectorCommand.fail("aucun boîtier actif nommé \(id)")
            }
            print("boîtier \(id) révoqué")
        }
    }
}
