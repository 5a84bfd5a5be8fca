extension AppDatabase {
    /// The schema's history, one migration per concern.
    ///
    /// Migrations are history: once shipped, a migration is never edited; change the schema by
    /// appending a new one (`v2-...`). Tables to come (connection log, consents, agents, outbox) each
    /// get their own migration and their own record type.
    static let migrator: SchemaMigrator = {
        var migrator = SchemaMigrator()
        migrator.registerMigration("v1-session", migrate: SessionTableV1.create)
        migrator.registerMigration("v1-blocked-device", migrate: BlockedDeviceTableV1.create)
        migrator.registerMigration("v2-session-end", migrate: SessionTableV2.migrate)
        migrator.registerMigration("v3-session-minimized", migrate: SessionTableV3.migrate)
        migrator.registerMigration("v3-legal-log", migrate: LegalLogTableV1.create)
        migrator.registerMigration("v3-legal-export-audit", migrate: LegalExportAuditTableV1.create)
        migrator.registerMigration("v4-nat-lease", migrate: NATLeaseTableV1.create)
        migrator.registerMigration("v5-consent", migrate: ConsentTableV1.create)
        migrator.registerMigration("v6-usage-hourly", migrate: UsageHourlyTableV1.create)
        migrator.registerMigration("v7-place", migrate: PlaceTableV1.create)
        migrator.registerMigration("v8-agent", migrate: AgentTableV1.create)
        migrator.registerMigration("v8-workshop", migrate: WorkshopTableV1.create)
        migrator.registerMigration("v8-help-request", migrate: HelpRequestTableV1.create)
        migrator.registerMigration("v9-outbox", migrate: OutboxTableV1.create)
        return migrator
    }()
}
