import ArgumentParser
import FoundationEssentials
import Glibc
import RelaisConfig
import RelaisControlCLI
import RelaisCore
import RelaisCrypto
import RelaisStore

/// `relais legal`: answering a judicial requisition from the legal connection log (root only).
struct LegalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "legal",
        abstract: "Journal légal des connexions : export sur réquisition (root seulement).",
        subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Déchiffre les entrées d'une période (et d'un appareil, d'une adresse ou d'un port public) en CSV ou JSON.")

        @Option(name: .long, help: "Le fichier de configuration.") var config: String = "/etc/relais/relais.toml"
        @Option(name: .long, help: "Début de la période, ISO 8601 avec fuseau (2026-11-30T08:00:00+01:00).") var from: String
        @Option(name: .long, help: "Fin de la période, ISO 8601 avec fuseau.") var to: String
        @Option(name: .long, help: "Adresse MAC de l'appareil.") var mac: String?
        @Option(name: .long, help: "Adresse IP de l'appareil (IPv4 privée ou IPv6).") var ip: String?
        @Option(name: .customLong("public-port"), help: "Port source vu sur l'adresse publique de la borne.") var publicPort: UInt16?
        @Option(name: .long, help: "Référence de la réquisition (obligatoire, gardée dans l'audit).") var reference: String
        @Option(name: .long, help: "csv ou json.") var format: LegalExportFormat = .csv
        @Option(name: .customLong("batch-size"), help: .hidden) var batchSize: Int = 1_000

        func validate() throws {
            guard [mac != nil, ip != nil, publicPort != nil].filter({ $0 }).count <= 1 else {
                throw ValidationError("Un seul critère parmi --mac, --ip et --public-port.")
            }
            guard reference.contains(where: { !$0.isWhitespace }), reference.count <= 500 else {
                throw ValidationError("--reference : la référence de la réquisition est obligatoire (500 caractères au plus).")
            }
        }

        func selection() throws -> LegalExportSelection {
            guard let start = try? Date(from, strategy: .iso8601), let end = try? Date(to, strategy: .iso8601), start <= end else {
                throw ValidationError("--from et --to : dates ISO 8601 avec fuseau, --from avant --to.")
            }
            if let mac {
                guard let parsed = MACAddress(mac) else { throw ValidationError("--mac : adresse MAC invalide.") }
                return LegalExportSelection(from: start, to: end, criterion: .mac(parsed))
            }
            if let ip {
                guard let parsed = IPAddress(ip) else { throw ValidationError("--ip : adresse IP invalide.") }
                return LegalExportSelection(from: start, to: end, criterion: .ip(parsed))
            }
            if let publicPort { return LegalExportSelection(from: start, to: end, criterion: .publicPort(publicPort)) }
            return LegalExportSelection(from: start, to: end)
        }

        func run() async throws {
            let selection = try selection()
            let settings: RelaisConfig
            do {
                settings = try ConfigFile.load(config)
            } catch {
                StandardStreams.writeError("\(error)\n")
                throw ExitCode.failure
            }
            guard geteuid() == 0 || settings.network.firewall == .none else {
                StandardStreams.writeError("relais legal export : réservé à root (root only).\n")
                throw ExitCode.failure
            }
            do {
                let sealer = KeyRingSealer(ring: try KeyDirectory(path: settings.legal.keyDirectory).legalKeyRing())
                let database = try LegalDatabaseAccess.open(path: settings.store.databasePath, sealer: sealer)
                let count = try await LegalExportRun(
                    database: database, sealer: sealer, selection: selection, format: format, batchSize: batchSize
                ).run(reference: reference, who: ExportingUser.current())
                StandardStreams.writeError("relais legal export : \(count) entrée(s) / entries.\n")
            } catch {
                StandardStreams.writeError("relais legal export : \(error)\n")
                throw ExitCode.failure
            }
        }
    }
}

/// The output format of an export.
enum LegalExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
}

/// The system user running the export, for its audit entry: uid, name, and the sudo caller if any.
struct ExportingUser {
    var uid: UInt32
    var name: String

    static func current() -> ExportingUser {
        let uid = getuid()
        var name = getpwuid(uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid \(uid)"
        if let caller = getenv("SUDO_USER").map({ String(cString: $0) }), !caller.isEmpty { name += " (sudo: \(caller))" }
        return ExportingUser(uid: uid, name: name)
    }
}
