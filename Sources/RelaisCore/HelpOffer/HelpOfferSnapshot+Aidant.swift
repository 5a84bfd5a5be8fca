extension HelpOfferSnapshot {
    /// Someone on duty here now, as visitors may see them.
    public struct Aidant: Sendable, Equatable {
        /// The first name, or only the role when the agent chose so (« Camille », « Le conseiller numérique »).
        public var label: String
        /// The end of the duty in local time; nil when it is not known (live check-in without a planned slot).
        public var until: LocalDateTime?

        public init(label: String, until: LocalDateTime?) {
            self.label = label
            self.until = until
        }
    }
}
