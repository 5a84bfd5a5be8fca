/// A place of digital help (« lieu de médiation numérique »), with the fields of the national schema
/// (LaMednum / ANCT, v1.0) that relais shows. Open data about organisations: no personal data.
public struct Place: Sendable, Hashable, Identifiable {
    /// `id`: unique within a directory.
    public var id: String
    /// `pivot`: SIRET, RNA or RIDET of the organisation.
    public var pivot: String
    /// `nom`.
    public var name: String
    /// `commune`.
    public var commune: String
    /// `code_postal`: five digits.
    public var postalCode: String
    /// `adresse`: number and street.
    public var address: String
    /// `date_maj`: when the producer last updated the row.
    public var updatedOn: LocalDate
    /// `latitude` and `longitude`, when given.
    public var location: GeoPoint?
    /// `horaires`, read; nil when the field is empty.
    public var openingHours: OpeningHours?
    /// `services`, one per value.
    public var services: [String]
    /// `typologie` (`MUNI`, `ASSO`, `CCAS`…).
    public var types: [String]
    /// `publics_specifiquement_adresses` (« Jeunes », « Seniors »…).
    public var audiences: [String]
    /// `telephone`, international format (`+33…`).
    public var phone: String?
    /// `courriels`.
    public var emails: [String]
    /// `site_web`.
    public var websites: [String]
    /// `presentation_resume`.
    public var summary: String?
    /// `prise_rdv`: an address to book an appointment.
    public var appointmentURL: String?
    /// `modalites_acces` (« Se présenter », « Téléphoner »…).
    public var accessModes: [String]

    public init(
        id: String, pivot: String, name: String, commune: String, postalCode: String, address: String,
        updatedOn: LocalDate, location: GeoPoint? = nil, openingHours: OpeningHours? = nil, services: [String] = [],
        types: [String] = [], audiences: [String] = [], phone: String? = nil, emails: [String] = [],
        websites: [String] = [], summary: String? = nil, appointmentURL: String? = nil, accessModes: [String] = []
    ) {
        self.id = id
        self.pivot = pivot
        self.name = name
        self.commune = commune
        self.postalCode = postalCode
        self.address = address
        self.updatedOn = updatedOn
        self.location = location
        self.openingHours = openingHours
        self.services = services
        self.types = types
        self.audiences = audiences
        self.phone = phone
        self.emails = emails
        self.websites = websites
        self.summary = summary
        self.appointmentURL = appointmentURL
        self.accessModes = accessModes
    }
}
