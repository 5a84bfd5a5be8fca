extension AppDatabase {
    /// Runs `updates` in one IMMEDIATE transaction: all of it is committed, or none of it.
    /// Every failure comes out as a `StoreError`.
    func write<T: Sendable>(_ operation: String, _ updates: @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try run(operation) { connection in
            try connection.transaction(.immediate) { try updates(connection) }
        }
    }

    /// Runs `value` in one DEFERRED transaction: a consistent snapshot even if another process writes.
    func read<T: Sendable>(_ operation: String, _ value: @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try run(operation) { connection in
            try connection.transaction(.deferred) { try value(connection) }
        }
    }

    /// Runs `body` under the lock unless the task is already cancelled; maps every failure.
    private func run<T: Sendable>(_ operation: String, _ body: @Sendable (SQLiteConnection) throws -> T) throws -> T {
        do {
            try Task.checkCancellation()
            return try withConnection(body)
        } catch {
            throw StoreError(operation: operation, error)
        }
    }
}
