import ArgumentParser
import FoundationEssentials
import Glibc
import RelaisCollector
import RelaisCore
import RelaisStore
import Synchronization

/// `relais collector export`: the published values of a period as CSV or JSON on standard output, streamed
/// (columns in `CollectorExportFormat`); suppressed values stay empty.
struct CollectorExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Exporte les chiffres d'une période (CSV ou JSON) ; les cases masquées restent vides.")

    @OptionGroup var options: CollectorCommand.Options
    @Option(name: .long, help: "Premier jour, AAAA-MM-JJ.") var from: String
    @Option(name: .long, help: "Dernier jour, AAAA-MM-JJ.") var to: String
    @Option(name: .long, help: "Seulement les boîtiers de cet EPCI.") var epci: String?
    @Option(name: .long, help: "Seulement ce boîtier.") var box: String?
    @Option(name: .long, help: "csv ou json.") var format: String = "csv"

    func run() async throws {
        guard let first = LocalDate(iso: from), let last = LocalDate(iso: to), first <= last else {
            throw CollectorCommand.fail("--from et --to : deux jours AAAA-MM-JJ, le premier avant le second")
        }
        guard let format = CollectorExportFormat(rawValue: format) else { throw CollectorCommand.fail("--format : csv ou json") }
        guard epci == nil || box == nil else { throw CollectorCommand.fail("--epci ou --box, pas les deux") }
        var boxID: BoxID?
        if let box {
            guard let parsed = BoxID(box) else { throw CollectorCommand.fail("--box : nom de boîtier invalide") }
            boxID = parsed
        }
        let database = try options.database()
        Self.write(format.header)
        let written = Written()
        _ = try await database.exportValues(CollectorExportFilter(from: first, to: last, epci: epci, boxID: boxID)) { rows in
            var text = ""
            for row in rows { text += format.line(row, first: written.takeFirst()) }
            Self.write(text)
        }
        Self.write(format.footer)
    }

    /// Whether no row went out yet (JSON puts no comma before the first).
    private final class Written: Sendable {
        private let first = Mutex(true)

        func takeFirst() -> Bool { first.withLock { value in defer { value = false }; return value } }
    }

    private static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
