import FoundationEssentials
import Logging
import RelaisCore
import Synchronization

/// The help offer the visitors' pages show, built on the help desk (roster, workshops, requests) and the
/// directory of places. `snapshot(at:)` answers from memory: the scheduler calls `refresh(at:)` every
/// few seconds, and the help desk's changes refresh it at once.
public final class RosterHelpOffer: HelpOffer {
    /// How many places the snapshot carries, nearest first (the banner and the kiosk need a few).
    public static let placeLimit = 20
    /// How many workshops it carries.
    public static let workshopLimit = 5

    struct State {
        var snapshot: HelpOfferSnapshot?
        /// The refresh that wrote `snapshot`: an older refresh finishing late does not overwrite a newer one.
        var written = 0
        var started = 0
        /// The last minute (since 1970) counted as on duty.
        var dutyMinute: Int64?
    }

    private let desk: HelpDesk
    private let directory: any PlaceDirectory
    private let origin: GeoPoint?
    private let zone: TimeZoneRules
    private let usage: UsageRecorder?
    private let logger: Logger
    private let state = Mutex(State())

    /// - Parameters:
    ///   - origin: the box's coordinates (`[site]`); without them no place is listed, as none is "near".
    ///   - usage: where requests made and taken and on-duty minutes are counted; nil counts nothing.
    public init(desk: HelpDesk, directory: any PlaceDirectory, origin: GeoPoint?, zone: TimeZoneRules,
                usage: UsageRecorder?, logger: Logger) {
        self.desk = desk
        self.directory = directory
        self.origin = origin
        self.zone = zone
        self.usage = usage
        self.logger = logger
        desk.changes.observe { [weak self] change, instant in
            await self?.deskChanged(change, at: instant)
        }
    }

    public func snapshot(at now: Date) -> HelpOfferSnapshot {
        // Before the first refresh (the first seconds after start): nothing known, the pages say « ask at the desk ».
        state.withLock { $0.snapshot } ?? HelpOfferSnapshot(now: zone.localDateTime(at: now))
    }

    public func submitHelpRequest(topic: HelpOfferTopic?, seat: String?, at now: Date) async throws -> HelpOfferTicket {
        let ticket = try await desk.submitHelpRequest(topic: topic.flatMap { HelpTopic(rawValue: $0.rawValue) }, seat: seat, at: now)
        return HelpOfferTicket(id: String(ticket.id), token: ticket.token)
    }

    public func helpRequestProgress(_ ticket: HelpOfferTicket) async -> HelpRequestStage? {
        guard let id = Int64(ticket.id) else { return nil }
        do {
            let progress = try await desk.helpRequestProgress(HelpRequestTicket(id: id, token: ticket.token))
            return progress.flatMap { HelpRequestStage(rawValue: $0.state.rawValue) }
        } catch {
            logger.warning("help request progress unreadable", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Reads the roster, the workshops and the directory, and replaces the snapshot. Also counts the
    /// current minute as on duty when someone is.
    public func refresh(at now: Date) async throws {
        let generation = state.withLock { state in
            state.started += 1
            return state.started
        }
        async let duty = desk.dutyNow(at: now)
        async let workshops = desk.upcomingWorkshops(from: now, limit: Self.workshopLimit)
        async let places = directory.places()
        let snapshot = HelpOfferSnapshot(
            now: zone.localDateTime(at: now),
            onDuty: try await duty.map { HelpOfferSnapshot.Aidant(label: $0.label, until: $0.until.map(zone.localDateTime(at:))) },
            places: nearest(try await places, at: now),
            workshops: try await workshops.map {
                HelpOfferSnapshot.Workshop(title: $0.title, start: $0.startsAt, place: $0.place, seatsLeft: $0.seats)
            })
        let minute = Int64((now.timeIntervalSince1970 / 60).rounded(.down))
        let countMinute: Bool = state.withLock { state in
            if generation > state.written {
                state.snapshot = snapshot
                state.written = generation
            }
            guard !snapshot.onDuty.isEmpty, state.dutyMinute.map({ $0 < minute }) ?? true else { return false }
            state.dutyMinute = minute
            return true
        }
        if countMinute { usage?.record(.onDutyMinute(at: now)) }
    }

    /// The nearest places with a known distance, each with its state at `now`.
    func nearest(_ places: [Place], at now: Date) -> [HelpOfferSnapshot.Place] {
        guard let origin else { return [] }
        return NearestPlaces.sorted(places, from: origin).prefix(Self.placeLimit).compactMap { entry in
            guard let metres = entry.metres else { return nil }
            return HelpOfferSnapshot.Place(name: entry.place.name, distanceMetres: Int(metres.rounded()), hours: hours(entry.place, at: now))
        }
    }

    private func hours(_ place: Place, at now: Date) -> HelpOfferSnapshot.Hours {
        switch place.openingHours?.status(at: now, in: zone) {
        case .open(let until): .openUntil(until.map(zone.localDateTime(at:)))
        case .closed(let opensAt?): .opensAt(zone.localDateTime(at: opensAt))
        case .closed(nil), .unknown, nil: .unknown
        }
    }

    private func deskChanged(_ change: HelpDeskChange, at instant: Date) async {
        switch change {
        case .requestMade: usage?.record(.helpRequestMade(at: instant))
        case .requestTaken: usage?.record(.helpRequestTaken(at: instant))
        case .checkedIn, .checkedOut, .requestClosed, .workshops: break
        }
        // A request changes nothing visitors see in the banner; everything else does.
        guard change != .requestMade, change != .requestTaken, change != .requestClosed else { return }
        do {
            try await refresh(at: instant)
        } catch {
            logger.warning("help offer not refreshed after a change; the scheduler retries", metadata: ["error": "\(error)"])
        }
    }
}
