import ArgumentParser
import FoundationEssentials
import Logging
import RelaisConfig
import RelaisControlCLI
import RelaisCore
import RelaisGateway
import RelaisStore
import RelaisTime

/// `relais purge [--dry-run]`: removes now what is past retention, as the daemon does every hour, or lists
/// per category how many rows would go. Safe beside a running daemon (batches, each its own transaction)
/// and safe to run again after an interruption.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Supprime les données dont la durée de conservation est passée (--dry-run : compte seulement).")

    @Option(name: .long, help: "Le fichier de configuration.")
    var config: String = "/etc/relais/relais.toml"

    @Flag(name: .long, help: "Affiche, par catégorie, combien de lignes seraient supprimées, sans rien supprimer.")
    var dryRun = false

    @Option(name: .long, help: "Lignes par transaction.")
    var batchSize = 500

    func run() async throws {
        let settings: RelaisConfig
        do {
            settings = try ConfigFile.load(config)
        } catch {
            StandardStreams.writeError("\(error)\n")
            throw ExitCode.failure
        }
        LoggingSetup.bootstrap(level: settings.log.level)
        let zone = try ZoneInfoDatabase().rules(named: settings.site.timeZone)
        // As root, the journal files it creates are given back to the daemon's user.
        let database = try LegalDatabaseAccess.open(path: settings.store.databasePath, sealer: nil)
        let plausibility = ClockPlausibility(latestRecorded: try await database.latestRecordedTime())
        let job = PurgeJob(
            steps: PurgeSteps.standard(database: database, zone: zone), clocks: SystemClocks(), plausibility: plausibility,
            batchSize: batchSize, logger: Logger(label: "relais.purge"))
        guard job.clockIsPlausible else {
            StandardStreams.writeError("L'horloge n'est pas réglée (avant le \(plausibility.floor)) : rien n'est supprimé.\n")
            throw ExitCode.failure
        }
        if dryRun {
            let counted = Dictionary(uniqueKeysWithValues: try await job.dryRun().map { ($0.category, $0.rows) })
            for category in RetentionPolicy.categories {
                let rows: String
                switch counted[category.id] {
                case .some(.some(let count)): rows = "\(count) ligne(s) à supprimer"
                case .some(.none): rows = "purge enregistrée, non comptée"
                case .none: rows = category.retention == .notPersonalData ? "pas de données personnelles" : "pas de purge enregistrée"
                }
                print("\(category.id.rawValue): \(rows) (\(category.retention.text))")
            }
            return
        }
        let report = await job.run()
        _ = try? await database.truncateWALAfterPurge()
        for step in job.steps { print("\(step.category.rawValue): \(report.removed[step.category] ?? 0) ligne(s) supprimée(s)") }
        if !report.failed.isEmpty { throw ExitCode.failure }
    }
}
