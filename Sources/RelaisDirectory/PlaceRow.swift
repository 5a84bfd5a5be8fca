import RelaisCore

/// One data row being checked: reads each field by column name and collects every problem.
struct PlaceRow {
    let record: CSVRecord
    let columns: [String: Int]
    let headerCount: Int
    private(set) var problems: [ImportProblem] = []
    private var name: String?

    init(record: CSVRecord, columns: [String: Int], headerCount: Int) {
        self.record = record
        self.columns = columns
        self.headerCount = headerCount
        name = self["nom"]
    }

    /// The trimmed value of `column`; nil when the column is absent or the value empty.
    subscript(column: String) -> String? {
        guard let index = columns[column], index < record.fields.count else { return nil }
        let value = record.fields[index].trimmingSpaces
        return value.isEmpty ? nil : value
    }

    mutating func report(_ field: String, _ message: String) {
        problems.append(ImportProblem(line: record.line, field: field, message: message, placeName: name))
    }

    /// The place, or nil when a required value is missing; every problem is in `problems`.
    mutating func place() -> Place? {
        if record.fields.count != headerCount {
            report("*", "\(record.fields.count) colonnes au lieu de \(headerCount)")
        }
        var values: [String: String] = [:]
        for column in PlaceSchema.required {
            if let value = self[column] { values[column] = value } else { report(column, "valeur obligatoire absente") }
        }
        if let pivot = values["pivot"], !PlaceSchema.isPivot(pivot) {
            report("pivot", "« \(pivot) » n'est ni un SIRET (14 chiffres), ni un SIREN (9 chiffres), ni un RNA (W et 9 chiffres)")
        }
        if let code = values["code_postal"], !PlaceSchema.isPostalCode(code) {
            report("code_postal", "« \(code) » n'est pas un code postal à 5 chiffres")
        }
        var updatedOn: LocalDate?
        if let text = values["date_maj"] {
            updatedOn = LocalDate(iso: text)
            if updatedOn == nil { report("date_maj", "« \(text) » n'est pas une date AAAA-MM-JJ") }
        }
        let location = self.location()
        let hours = openingHours()
        let services = vocabulary("services", PlaceSchema.services)
        let audiences = vocabulary("publics_specifiquement_adresses", PlaceSchema.audiences)
        let accessModes = vocabulary("modalites_acces", PlaceSchema.accessModes)
        let phone = self["telephone"]
        if let phone, !PlaceSchema.isPhone(phone) {
            report("telephone", "« \(phone) » n'est pas au format international sans espaces (+33 suivi de 9 chiffres)")
        }
        let emails = checkedValues("courriels", PlaceSchema.isEmail, "n'est pas une adresse électronique")
        let websites = checkedValues("site_web", PlaceSchema.isWebAddress, "n'est pas une adresse web http(s)")
        let appointment = self["prise_rdv"]
        if let appointment, !PlaceSchema.isWebAddress(appointment) {
            report("prise_rdv", "« \(appointment) » n'est pas une adresse web http(s)")
        }
        let summary = self["presentation_resume"]
        if let summary, summary.count > PlaceSchema.summaryMaxLength {
            report("presentation_resume", "\(summary.count) caractères, au plus \(PlaceSchema.summaryMaxLength)")
        }
        guard let id = values["id"], let pivot = values["pivot"], let name = values["nom"], let commune = values["commune"],
              let postalCode = values["code_postal"], let address = values["adresse"], let updatedOn else { return nil }
        return Place(
            id: id, pivot: pivot, name: name, commune: commune, postalCode: postalCode, address: address,
            updatedOn: updatedOn, location: location, openingHours: hours, services: services,
            types: self["typologie"].map(PlaceSchema.values) ?? [], audiences: audiences, phone: phone, emails: emails,
            websites: websites, summary: summary, appointmentURL: appointment, accessModes: accessModes)
    }

    /// Both coordinates or neither, as WGS 84 decimal degrees with a point.
    private mutating func location() -> GeoPoint? {
        let latitude = self["latitude"], longitude = self["longitude"]
        guard latitude != nil || longitude != nil else { return nil }
        guard let latitude, let longitude else {
            report(latitude == nil ? "latitude" : "longitude", "latitude et longitude vont ensemble : l'une manque")
            return nil
        }
        var valid = true
        if Double(latitude).map({ !(-90...90).contains($0) }) ?? true {
            report("latitude", "« \(latitude) » n'est pas une latitude (nombre entre -90 et 90, avec un point)")
            valid = false
        }
        if Double(longitude).map({ !(-180...180).contains($0) }) ?? true {
            report("longitude", "« \(longitude) » n'est pas une longitude (nombre entre -180 et 180, avec un point)")
            valid = false
        }
        return valid ? Double(latitude).flatMap { lat in Double(longitude).flatMap { GeoPoint(latitude: lat, longitude: $0) } } : nil
    }

    private mutating func openingHours() -> OpeningHours? {
        guard let text = self["horaires"] else { return nil }
        do {
            return try OpeningHours(parsing: text)
        } catch {
            report("horaires", "« \(text) » illisible, \(error)")
            return nil
        }
    }

    /// The values of a multi-valued field, each checked against the schema's list.
    private mutating func vocabulary(_ column: String, _ allowed: Set<String>) -> [String] {
        let values = self[column].map(PlaceSchema.values) ?? []
        for value in values where !allowed.contains(value) {
            report(column, "« \(value) » n'est pas une valeur du schéma")
        }
        return values
    }

    private mutating func checkedValues(_ column: String, _ isValid: (String) -> Bool, _ reason: String) -> [String] {
        let values = self[column].map(PlaceSchema.values) ?? []
        for value in values where !isValid(value) { report(column, "« \(value) » \(reason)") }
        return values
    }
}
