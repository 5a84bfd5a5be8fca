import Foundation
import RelaisTesting

/// A judicial requisition answered by the real `relais legal export` (root, the daemon's config and keys),
/// and the audit entries it leaves in the daemon's database.
struct LegalRequisition {
    let daemon: RelaisDaemon

    /// The entries `--public-port port` selects over `[from, to]`, as the JSON export gives them.
    func export(publicPort port: Int, from: Date, to: Date, reference: String) throws -> [[String: Any]] {
        let result = try Shell.run([
            daemon.binary, "legal", "export", "--config", daemon.configPath,
            "--from", Self.iso8601(from), "--to", Self.iso8601(to), "--public-port", String(port),
            "--reference", reference, "--format", "json",
        ], check: false)
        guard result.status == 0 else { throw Failed(description: "relais legal export exited \(result.status): \(result.error)") }
        guard let rows = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]] else {
            throw Failed(description: "relais legal export: not a JSON array: \(result.output.prefix(300))")
        }
        return rows
    }

    /// `reference|entry_count` of every audit entry, oldest first (read with Python's sqlite3, read-only:
    /// the daemon keeps the database open).
    func auditRows() throws -> [String] {
        let script = """
            import sqlite3, sys
            db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
            for reference, count in db.execute("SELECT reference, entry_count FROM legal_export_audit ORDER BY id"):
                print(f"{reference}|{count}")
            """
        let result = try Shell.run(["python3", "-c", script, daemon.directory + "/relais.sqlite"])
        return result.output.split(separator: "\n").map(String.init)
    }

    /// Whole seconds, UTC: the command reads ISO 8601 with a zone.
    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }
}
