extension HelpOfferSnapshot {
    /// A workshop (atelier) coming up here.
    public struct Workshop: Sendable, Equatable {
        public var title: String
        /// Start, in local time.
        public var start: LocalDateTime
        /// Where it takes place (« Salle du conseil »).
        public var place: String
        /// Seats still free; nil when the workshop takes no booking.
        public var seatsLeft: Int?

        public init(title: String, start: LocalDateTime, place: String, seatsLeft: Int?) {
            self.title = title
            self.start = start
            self.place = place
            self.seatsLeft = seatsLeft
        }
    }
}
