import ArgumentParser
import FoundationEssentials
import Glibc
import RelaisConfig
import RelaisControlCLI
import RelaisCrypto
import RelaisStore

/// `relais keys`: the box's secret files (root only): create them at install, show the public key to
/// register at the collector, rotate the legal log's key, list the keys, retire the keys nothing needs any more.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Clés du journal légal et secrets de la borne (root seulement).",
        subcommands: [Init.self, Show.self, Rotate.self, List.self, Retire.self])

    /// The config's key directory, after checking the caller may touch it.
    static func directory(config path: String) throws -> (KeyDirectory, RelaisConfig) {
        let settings: RelaisConfig
        do {
            settings = try ConfigFile.load(path)
        } catch {
            StandardStreams.writeError("\(error)\n")
            throw ExitCode.failure
        }
        // Development boxes (no firewall) may keep their keys under the developer's own account.
        guard geteuid() == 0 || settings.network.firewall == .none else {
            StandardStreams.writeError("relais keys : réservé à root (root only).\n")
            throw ExitCode.failure
        }
        return (KeyDirectory(path: settings.legal.keyDirectory), settings)
    }

    static func fail(_ error: any Error) -> ExitCode {
        StandardStreams.writeError("relais keys : \(error)\n")
        return ExitCode.failure
    }

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Crée le dossier des clés et chaque secret absent ; ne remplace jamais un fichier existant.")
        @Option(name: .long, help: "Le fichier de configuration.") var config: String = "/etc/relais/relais.toml"

        func run() async throws {
            let (keys, _) = try KeysCommand.directory(config: config)
            do {
                let done = try keys.initialize(random: { try SystemRandomSource().randomBytes($0) }, now: Date())
                for name in done.created { print("créé / created: \(keys.filePath(name))") }
                for name in done.kept { print("gardé / kept: \(keys.filePath(name))") }
            } catch {
                throw KeysCommand.fail(error)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Affiche la clé publique de signature des rapports (base64), à enregistrer au collecteur du département.")
        @Option(name: .long, help: "Le fichier de configuration.") var config: String = "/etc/relais/relais.toml"
        @Flag(name: .long, help: "La clé publique en PEM (openssl pkey -pubin) plutôt qu'en base64.") var pem = false

        func run() async throws {
            let (keys, settings) = try KeysCommand.directory(config: config)
            do {
                let signer = try keys.reportSigner()
                print(pem ? try Ed25519KeyFile.publicKeyPEM(signer) : try Ed25519KeyFile.publicKeyBase64(signer), terminator: pem ? "" : "\n")
                if !pem, settings.push.boxID.isEmpty {
                    StandardStreams.writeError("([push] box_id est vide : choisissez le nom sous lequel la borne sera enregistrée.)\n")
                }
            } catch {
                throw KeysCommand.fail(error)
            }
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Crée une nouvelle clé courante ; les anciennes restent tant qu'une entrée en dépend.")
        @Option(name: .long, help: "Le fichier de configuration.") var config: String = "/etc/relais/relais.toml"

        func run() async throws {
            let (keys, _) = try KeysCommand.directory(config: config)
            do {
                let ring = try keys.legalKeyRing()
                let rotated = ring.rotated(secret: try SystemRandomSource().randomBytes(32), at: Date())
                try keys.writeKeyRing(rotated)
                print("clé courante / current key: \(rotated.currentID)")
                print("Redémarrez relais pour qu'il scelle sous la nouvelle clé (systemctl restart relais).")
            } catch {
                throw KeysCommand.fail(error)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les clés du journal légal (jamais leur valeur).")
        @Option(name: .long, help: "Le fichier de configuration.") var config: String = "/etc/relais/relais.toml"

        func run() async throws {
            let (keys, _) = try KeysCommand.directory(config: config)
            do {
                let ring = try keys.legalKeyRing()
                for key in ring.keys {
                    print("\(key.id)\t\(key.createdAt.formatted(.iso8601))\(key.id == ring.currentID ? "\tcourante / current" : "")")
                }
            } catch {
                throw KeysCommand.fail(error)
            }
        }
    }

    struct Retire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retire les clés qu'aucune entrée ni aucun audit n'utilise plus (chaque jour : relais-keys-retire.timer).")
        @Option(name: .long, help: "Le fichier de configuration.") var config: String = "/etc/relais/relais.toml"

        func run() async throws {
            let (keys, settings) = try KeysCommand.directory(config: config)
            do {
                let database = try LegalDatabaseAccess.open(path: settings.store.databasePath, sealer: nil)
                let retired = try await LegalKeyRetirement.retire(keys: keys, database: database)
                print("clés retirées / retired keys: \(retired.map(String.init).joined(separator: " "))")
            } catch {
                throw KeysCommand.fail(error)
            }
        }
    }
}

/// Removing from the ring the keys that seal no entry any more: the step the purge runs after deleting
/// expired entries (as root: the daemon cannot write the key directory).
enum LegalKeyRetirement {
    /// Returns the ids removed; the current key always stays.
    static func retire(keys: KeyDirectory, database: AppDatabase) async throws -> [UInt32] {
        let ring = try keys.legalKeyRing()
        // Audit rows seal their selection with the ring too, and are kept as long as the entries.
        let inUse = try await database.legalKeyIDsInUse().union(try await database.legalExportAuditKeyIDsInUse())
        let kept = ring.retiring(keeping: inUse)
        let removed = ring.keys.map(\.id).filter { kept.key(id: $0) == nil }
        if !removed.isEmpty { try keys.writeKeyRing(kept) }
        return removed
    }
}
