/// What `[consent]` configures: the days a device is remembered, and further optional purposes with
/// their own words per language and their own retention.
public struct ConsentSettings: Sendable, Equatable {
    /// Days « Se souvenir de cet appareil » lasts (default 30).
    public var rememberDays: Int
    /// Purposes beyond remembering the device, in the order shown.
    public var extraPurposes: [ExtraPurpose]

    public init(rememberDays: Int = 30, extraPurposes: [ExtraPurpose] = []) {
        self.rememberDays = rememberDays
        self.extraPurposes = extraPurposes
    }

    /// A purpose the commune adds (a newsletter, a satisfaction survey…), its texts keyed by language code.
    public struct ExtraPurpose: Sendable, Equatable {
        public var id: String
        public var retentionDays: Int
        /// The checkbox's label, per language code.
        public var label: [String: String]
        /// The one-line explanation under it, and in the notice, per language code.
        public var explanation: [String: String]

        public init(id: String, retentionDays: Int, label: [String: String], explanation: [String: String]) {
            self.id = id
            self.retentionDays = retentionDays
            self.label = label
            self.explanation = explanation
        }
    }

    /// The policy these settings give: remembering the device first, then the extra purposes.
    public var policy: ConsentPolicy {
        ConsentPolicy(purposes: [ConsentPurpose(id: ConsentPurpose.rememberDeviceID, retentionDays: rememberDays)]
            + extraPurposes.map { ConsentPurpose(id: $0.id, retentionDays: $0.retentionDays) })
    }
}
