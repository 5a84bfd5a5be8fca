extension HelpOfferSnapshot {
    /// A place of help from the directory, with its distance from the box and its state now.
    public struct Place: Sendable, Equatable {
        public var name: String
        /// Great-circle distance from the box, in metres.
        public var distanceMetres: Int
        public var hours: Hours

        public init(name: String, distanceMetres: Int, hours: Hours) {
            self.name = name
            self.distanceMetres = distanceMetres
            self.hours = hours
        }
    }

    /// Whether a place is open, from its opening hours evaluated at the snapshot's time.
    public enum Hours: Sendable, Equatable {
        /// Open now; closes at this local time (nil: no change within the horizon looked at, e.g. 24/7).
        case openUntil(LocalDateTime?)
        /// Closed now; opens at this local time.
        case opensAt(LocalDateTime)
        /// Closed now and no opening is known (no hours published, or none within the horizon).
        case unknown
    }
}
