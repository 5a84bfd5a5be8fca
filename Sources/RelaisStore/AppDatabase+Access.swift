import GRDB

extension AppDatabase {
    /// Runs `updates` in one IMMEDIATE transaction: all of it is committed, or none of it.
    /// Every failure comes out as a `StoreError`.
    func write<T: Sendable>(_ operation: String, _ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(updates)
        } catch {
            throw StoreError(operation: operation, error)
        }
    }

    /// Runs `value` on a read-only snapshot, concurrently with writes.
    func read<T: Sendable>(_ operation: String, _ value: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await reader.read(value)
        } catch {
            throw StoreError(operation: operation, error)
        }
    }
}
