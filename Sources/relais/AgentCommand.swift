import ArgumentParser
import FoundationEssentials
import RelaisControlCLI
import RelaisCore
import RelaisCrypto
import RelaisStore

/// `relais agent add|passwd|disable|list`: the operator manages the agents' accounts in the database
/// named by the configuration. Passwords are read without echo (or from standard input), never taken
/// as arguments, never printed or logged.
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Gère les comptes des agents (accueil, aidants numériques).",
        subcommands: [Add.self, Passwd.self, Disable.self, List.self])

    struct Options: ParsableArguments {
        @Option(name: .long, help: "Le fichier de configuration.")
        var config: String = "/etc/relais/relais.toml"

        func database() throws -> AppDatabase {
            do {
                return try AppDatabase.open(path: try ConfigFile.load(config).store.databasePath, readers: 1)
            } catch {
                StandardStreams.writeError("\(error)\n")
                throw ExitCode.failure
            }
        }
    }

    static func fail(_ message: String) -> ExitCode {
        StandardStreams.writeError(message + "\n")
        return ExitCode.failure
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Crée un compte d'agent ; le mot de passe est demandé sans écho.")
        @OptionGroup var options: Options
        @Argument(help: "Identifiant de connexion (lettres, chiffres, . - _).") var login: String
        @Option(name: .long, help: "Nom affiché aux agents, par exemple « Marie Dupont ».") var name: String
        @Option(name: .long, help: "Rôle, par exemple « Accueil » ou « Conseillère numérique ».") var role: String
        @Flag(name: .long, help: "Les visiteurs voient le prénom (sinon seulement le rôle).") var showFirstName = false

        func run() async throws {
            guard Agent.isValidLogin(login) else {
                throw AgentCommand.fail("identifiant invalide : 1 à 64 caractères parmi lettres, chiffres, . - _")
            }
            guard Agent.isValidText(name), Agent.isValidText(role) else {
                throw AgentCommand.fail("nom et rôle : 1 à 80 caractères, sans saut de ligne")
            }
            let database = try options.database()
            let hash = try ScryptPasswordHasher(random: SystemRandomSource()).hash(try PasswordPrompt.read(confirm: true))
            do {
                let agent = try await database.addAgent(
                    NewAgent(login: login, displayName: name, role: role, showsFirstName: showFirstName), passwordHash: hash, at: Date())
                print("agent \(agent.login) créé (n° \(agent.id)) ; les visiteurs voient : \(agent.visitorLabel)")
            } catch let error as StoreError where error.code == .constraint {
                throw AgentCommand.fail("l'identifiant \(login) existe déjà")
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change le mot de passe d'un agent et ferme ses sessions.")
        @OptionGroup var options: Options
        @Argument(help: "Identifiant de l'agent.") var login: String

        func run() async throws {
            let database = try options.database()
            let hash = try ScryptPasswordHasher(random: SystemRandomSource()).hash(try PasswordPrompt.read(confirm: true))
            guard try await database.setPasswordHash(login: login, hash) else { throw AgentCommand.fail("aucun agent \(login)") }
            print("mot de passe de \(login) changé ; ses sessions sont fermées")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Désactive un compte (ou le réactive avec --enable).")
        @OptionGroup var options: Options
        @Argument(help: "Identifiant de l'agent.") var login: String
        @Flag(name: .long, help: "Réactive le compte.") var enable = false

        func run() async throws {
            guard try await options.database().setAgentDisabled(login: login, !enable, at: Date()) else {
                throw AgentCommand.fail("aucun agent \(login)")
            }
            print(enable ? "compte \(login) réactivé" : "compte \(login) désactivé ; ses sessions et sa présence sont fermées")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les agents.")
        @OptionGroup var options: Options

        func run() async throws {
            for agent in try await options.database().agents() {
                let state = agent.isDisabled ? "désactivé" : "actif"
                print("\(agent.login)\t\(agent.displayName)\t\(agent.role)\tvisiteurs : \(agent.visitorLabel)\t\(state)")
            }
        }
    }
}
