import ArgumentParser
import FoundationEssentials
import RelaisConfig
import RelaisControlCLI
import RelaisCore
import RelaisDirectory
import RelaisStore

/// `relais directory`: the box's directory of places of digital help.
struct DirectoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "Annuaire des lieux d'aide au numérique (lieux de médiation numérique).",
        subcommands: [DirectoryImportCommand.self])
}

/// `relais directory import FILE [--skip-invalid]`: replaces the directory with the places of a CSV file
/// of the national schema. Every row is checked; by default nothing is imported if one is invalid.
struct DirectoryImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Remplace l'annuaire par les lieux d'un fichier CSV du schéma national (LaMednum / ANCT).")

    @Argument(help: "Le fichier CSV (UTF-8, séparateur virgule).")
    var file: String

    @Flag(name: .long, help: "Importe les lignes valides même si d'autres sont invalides (elles sont listées).")
    var skipInvalid = false

    @Option(name: .long, help: "Le fichier de configuration.")
    var config: String = "/etc/relais/relais.toml"

    func run() async throws {
        let directory: DirectoryImport
        let database: AppDatabase
        do {
            let settings = try ConfigFile.load(config)
            directory = try PlaceCSVReader.read(try StandardStreams.readFile(file))
            database = try AppDatabase.open(path: settings.store.databasePath, readers: 1)
        } catch {
            StandardStreams.writeError("\(file): \(error)\n")
            throw ExitCode.failure
        }
        for problem in directory.problems { StandardStreams.writeError("\(file): \(problem)\n") }
        let summary = "\(directory.rowCount) ligne(s), \(directory.places.count) valide(s), \(directory.invalidRowCount) invalide(s)"
        guard directory.problems.isEmpty || skipInvalid else {
            StandardStreams.writeError("\(file): \(summary) ; rien n'est importé (--skip-invalid importe les lignes valides)\n")
            throw ExitCode.failure
        }
        guard !directory.places.isEmpty else {
            StandardStreams.writeError("\(file): \(summary) ; aucun lieu : l'annuaire actuel est gardé\n")
            throw ExitCode.failure
        }
        do {
            try await database.replaceDirectory(with: directory.places)
        } catch {
            StandardStreams.writeError("\(file): \(error)\n")
            throw ExitCode.failure
        }
        print("\(file): \(summary) ; \(directory.places.count) lieu(x) importé(s)")
    }
}
