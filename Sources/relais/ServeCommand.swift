import ArgumentParser
import FoundationEssentials
import Logging
import RelaisControl
import RelaisConfig
import RelaisControlCLI
import RelaisCore
import RelaisCrypto
import RelaisGateway
import RelaisMicroHTTPD
import RelaisNetfilter
import RelaisStaff
import RelaisStore
import RelaisTime
import RelaisWeb
import ServiceLifecycle

/// `relais serve`: the daemon. The composition root: builds every adapter once and runs the services.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Lance le portail captif (pare-feu, pages, socket de contrôle).")

    @Option(name: .long, help: "Le fichier de configuration.")
    var config: String = "/etc/relais/relais.toml"

    func run() async throws {
        MallocTuning.configure()
        let settings: RelaisConfig
        let checked: ConfigCheck
        do {
            checked = try ConfigFile.check(config)
            guard let loaded = checked.config else { throw ConfigIssues(checked.errors) }
            settings = loaded
        } catch {
            StandardStreams.writeError("\(error)\n")
            throw ExitCode.failure
        }
        LoggingSetup.bootstrap(level: settings.log.level)
        let logger = Logger(label: "relais")
        for warning in checked.warnings {
            logger.warning("configuration accepted with a risk", metadata: ["config.warning": "\(warning)"])
        }
        do {
            try await serve(settings, logger: logger)
        } catch {
            logger.critical("relais cannot run", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }

    private func serve(_ config: RelaisConfig, logger: Logger) async throws {
        let startedAt = Date()
        let zone = try ZoneInfoDatabase().rules(named: config.site.timeZone)
        // No usable key, no start: the log is never written in clear, nor skipped.
        let keys = KeyDirectory.forDaemon(configured: config.legal.keyDirectory, environment: ProcessInfo.processInfo.environment)
        let sealer = KeyRingSealer(ring: try keys.legalKeyRing())
        let database = try AppDatabase.open(path: config.store.databasePath, legalSealer: sealer)
        StoreOpenLog.record(database.openOutcome, path: config.store.databasePath, logger: logger)
        let natPlan = try NATSetup.plan(for: config)
        database.usePortBlocks(natPlan)

        let firewall: any Firewall
        let tracker: any ConnectionTracker
        switch config.network.firewall {
        case .nftables:
            firewall = try NFTablesFirewall(tableName: config.network.table, logger: Logger(label: "relais.firewall"))
            tracker = try NetfilterConnectionTracker()
        case .none:
            let unenforced = UnenforcedFirewall()
            firewall = unenforced
            tracker = unenforced
            logger.warning("firewall disabled by configuration (firewall = \"none\"): nothing is enforced, development only")
        }
        let random = SystemRandomSource()
        // Nothing is dated nor purged while the wall clock reads before the release or the store's last record.
        let plausibility = ClockPlausibility(latestRecorded: try await database.latestRecordedTime())
        let usage = UsageRecorder(
            store: database, zone: zone, random: random, keyedHash: { try HMACSHA256Authenticator(key: $0) },
            plausibility: plausibility, logger: Logger(label: "relais.usage"))
        let deviceKey = try DeviceHashKeyFile.load(from: keys)
        if deviceKey == nil { logger.warning("device key file missing: « Se souvenir de cet appareil » is not offered; create it with relais keys init") }
        let consent = GatewayConsent(
            store: database, hasher: try deviceKey.map { DeviceHasher(authenticator: try HMACSHA256Authenticator(key: $0.bytes)) },
            policy: config.consent.settings.policy)
        let gateway = Gateway(
            store: database, firewall: firewall, tracker: tracker,
            neighbours: neighbours(for: config),
            layout: FirewallLayout(config: config), limits: config.sessionLimits, clocks: SystemClocks(),
            logger: Logger(label: "relais.gateway"), usage: usage, plausibility: plausibility, consent: consent)

        // A new key at each start: forms issued before a restart are refused and re-issued, nothing else depends on it.
        let formKey = try random.randomBytes(32)
        var portalSettings = PortalSettings(config: config)
        portalSettings.offersRememberDevice = deviceKey != nil
        let templates = try await PortalTemplates.load(from: config.portal.assetsDirectory)
        // The staff pages and the portal share one help desk: a check-in refreshes what visitors see at once.
        let helpDesk = HelpDesk(store: database, zone: zone, random: random, digest: SHA256Digest(), logger: Logger(label: "relais.help"))
        let helpOffer = RosterHelpOffer(
            desk: helpDesk, directory: database, origin: portalSettings.boxLocation, zone: zone, usage: usage,
            logger: Logger(label: "relais.help"))
        let responder = PortalResponder(
            settings: portalSettings, gateway: gateway,
            codec: FormTokenCodec(authenticator: try HMACSHA256Authenticator(key: formKey)), random: random,
            templates: templates, digest: SHA256Digest(), help: PortalHelp(offer: helpOffer, kiosk: KioskSettings(config: config)),
            logger: Logger(label: "relais.portal"),
            places: PlacesSource(directory: database, zone: zone))
        let server = MicroHTTPDServer(
            configuration: .init(
                listenAddress: config.portal.listenAddress, port: config.portal.port,
                connectionLimit: config.portal.maxConnections, perIPConnectionLimit: config.portal.maxConnectionsPerAddress,
                requestDeadlineSeconds: config.portal.requestDeadlineSeconds, maxBodyBytes: config.portal.maxBodyBytes),
            responder: HelpPageViews(responder, usage: usage), logger: Logger(label: "relais.http"))
        let staffServer = try StaffListener.server(for: config.staff, responder: try StaffResponder(
            settings: StaffSettings(assetsDirectory: config.portal.assetsDirectory, venueName: config.portal.venueName, zone: zone),
            store: database, helpDesk: helpDesk, codec: FormTokenCodec(authenticator: try HMACSHA256Authenticator(key: formKey)),
            random: random, logger: Logger(label: "relais.staff")), logger: Logger(label: "relais.staff"))
        let control = ControlServer(
            socketPath: config.control.socketPath, group: config.control.group.isEmpty ? nil : config.control.group,
            router: GatewayControlRoutes.router(gateway: gateway, config: config, portalURL: portalSettings.portalURL, startedAt: startedAt,
                                                  natPlan: natPlan),
            logger: Logger(label: "relais.control"))

        // The firewall is rebuilt from the store before anything is served; the services stop in
        // reverse order, so it is removed only after the portal and the control socket have stopped.
        try await gateway.start()
        var scheduler = Scheduler(zone: zone, clock: SystemClocks(), logger: Logger(label: "relais.scheduler"))
        scheduler.every(.seconds(config.network.sweepSeconds), named: "sweep") { _ in
            // Listed outside the gateway actor: acceptances go on while the sets are read.
            let listing = try gateway.listKernel()
            try await gateway.sweep(listing: listing)
        }
        let purge = PurgeJob(
            steps: PurgeSteps.standard(database: database, zone: zone), clocks: SystemClocks(), plausibility: plausibility,
            logger: Logger(label: "relais.purge"))
        PurgeSteps.schedule(on: &scheduler, purge: purge, database: database, usage: usage)
        // What visitors see of the help offer, from memory; refreshed here and after each change at the desk.
        scheduler.every(.seconds(30), startingNow: true, named: "help-offer") { run in
            try await helpOffer.refresh(at: run.wallTime)
        }
        // Forgotten check-outs end at their slot's end (help requests, staff data and check-ins go with the purge).
        scheduler.every(.seconds(300), startingNow: true, named: "roster-check-outs") { run in
            try await helpDesk.endForgottenCheckIns(at: run.wallTime)
        }
        // The push's duty status carries the role on duty, never a name.
        PushWiring.schedule(on: &scheduler, config: config, keys: keys, database: database, zone: zone, plausibility: plausibility,
                            onDuty: { instant in try? await helpDesk.dutyNow(at: instant).first?.role }, logger: Logger(label: "relais.push"))
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: UsageFlushService(usage: usage)),
                .init(service: GatewayService(gateway: gateway)),
                .init(service: scheduler),
                .init(service: HTTPService(server: server, name: "portal", logger: logger)),
                .init(service: ControlService(server: control)),
            ] + (staffServer.map { [.init(service: HTTPService(server: $0, name: "staff", logger: logger))] } ?? []),
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        logger.notice("relais starting", metadata: [
            "relais.version": "\(RelaisVersion.current)", "relais.firewall": "\(config.network.firewall.rawValue)",
            "relais.portal": "\(portalSettings.portalURL)", "relais.time_zone": "\(zone.name)",
        ])
        try await group.run()
        logger.notice("relais stopped")
    }
}

/// The kernel's neighbour table on the LAN; in development mode it also names loopback visitors.
private func neighbours(for config: RelaisConfig) -> any NeighbourTable {
    switch config.network.firewall {
    case .nftables:
        // IPv4 look-ups from /proc; the IPv6 addresses a device used (for the legal log) over netlink.
        NetlinkNeighbourTable(
            primary: ProcNetARPNeighbourTable(interface: config.network.lanInterface), interface: config.network.lanInterface)
    case .none: DevelopmentNeighbourTable(primary: ProcNetARPNeighbourTable())
    }
}

extension FirewallLayout {
    /// The owned rule set as the configuration describes it.
    init(config: RelaisConfig) {
        let allowed = config.network.preauthAllow
        self.init(
            tableName: config.network.table, lanInterface: config.network.lanInterface, portalPort: config.portal.port,
            preauthIPv4: allowed.filter { !$0.contains(":") }, preauthIPv6: allowed.filter { $0.contains(":") },
            idleSeconds: config.session.idleSeconds, maxDevices: config.session.maxDevices,
            nat: config.nat.mode == .portBlocks ? NATLayout(uplinkInterface: config.nat.uplinkInterface) : nil)
    }
}
