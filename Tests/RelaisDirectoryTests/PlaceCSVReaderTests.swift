import RelaisCore
import RelaisDirectory
import Testing

/// The header of the national schema's columns relais reads, in a producer's order (with one it ignores).
let header = "id,pivot,nom,commune,code_postal,code_insee,adresse,latitude,longitude,horaires,services,typologie,"
    + "publics_specifiquement_adresses,telephone,courriels,site_web,presentation_resume,prise_rdv,modalites_acces,date_maj"

/// One valid row; `changes` replaces columns by name.
func row(_ id: String = "lieu-1", _ changes: [String: String] = [:]) -> String {
    var values: [String: String] = [
        "id": id, "pivot": "21860194700013", "nom": "Médiathèque François-Mitterrand", "commune": "Poitiers",
        "code_postal": "86000", "code_insee": "86194", "adresse": "4 rue de l'Université", "latitude": "46.5840",
        "longitude": "0.3400", "horaires": "\"Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off\"",
        "services": "Aide aux démarches administratives|Accès internet et matériel informatique", "typologie": "MUNI|BIB",
        "publics_specifiquement_adresses": "Seniors", "telephone": "+33555000101", "courriels": "mediation@example.org",
        "site_web": "https://mediatheque.example.org/", "presentation_resume": "\"Aide gratuite, avec ou sans rendez-vous.\"",
        "prise_rdv": "https://rdv.example.org/mediatheque", "modalites_acces": "Se présenter|Téléphoner", "date_maj": "2026-09-14",
    ]
    for (key, value) in changes { values[key] = value }
    return header.split(separator: ",").map { values[String($0)] ?? "" }.joined(separator: ",")
}

func read(_ text: String) throws -> DirectoryImport { try PlaceCSVReader.read(Array(text.utf8)) }

@Suite struct PlaceCSVReaderTests {
    @Test func aValidFileGivesEveryField() throws {
        let result = try read(header + "\n" + row() + "\n" + row("lieu-2", ["nom": "Espace numérique", "latitude": "", "longitude": ""]) + "\n")
        #expect(result.problems.isEmpty && result.rowCount == 2)
        let place = try #require(result.places.first)
        #expect(place.name == "Médiathèque François-Mitterrand" && place.postalCode == "86000")
        #expect(place.location == GeoPoint(latitude: 46.584, longitude: 0.34))
        #expect(place.openingHours?.rules.count == 3)
        #expect(place.services == ["Aide aux démarches administratives", "Accès internet et matériel informatique"])
        #expect(place.types == ["MUNI", "BIB"] && place.accessModes == ["Se présenter", "Téléphoner"])
        #expect(place.phone == "+33555000101" && place.emails == ["mediation@example.org"])
        #expect(place.summary == "Aide gratuite, avec ou sans rendez-vous." && place.updatedOn == LocalDate(year: 2026, month: 9, day: 14))
        #expect(result.places[1].location == nil)
    }

    @Test func bothSeparatorsOfMultiValuedFields() throws {
        let old = try read(header + "\n" + row("a", ["services": "\"Aide aux démarches administratives;Loisirs et créations numériques\""]))
        #expect(old.places.first?.services == ["Aide aux démarches administratives", "Loisirs et créations numériques"])
        let new = try read(header + "\n" + row("a", ["courriels": "a@example.org|b@example.org"]))
        #expect(new.places.first?.emails == ["a@example.org", "b@example.org"])
    }

    @Test func byteOrderMarkCRLFAndQuotedLineBreaks() throws {
        let text = "\u{FEFF}" + header + "\r\n" + row("a", ["presentation_resume": "\"Deux lignes,\r\navec « \"\"guillemets\"\" »\""]) + "\r\n" + row("b") + "\r\n"
        let result = try read(text)
        #expect(result.problems.isEmpty && result.places.map(\.id) == ["a", "b"])
        #expect(result.places[0].summary == "Deux lignes,\r\navec « \"guillemets\" »")
        // Line numbers count the physical lines: the second row starts on line 4.
        let bad = try read(text.replacing("\r\nb,", with: "\r\n,"))
        #expect(bad.problems.map(\.line) == [4])
    }

    @Test func emptyFilesAndHeaderOnly() throws {
        #expect(throws: DirectoryFileError(.empty)) { try read("") }
        #expect(throws: DirectoryFileError(.empty)) { try read("\u{FEFF}\r\n\n") }
        let headerOnly = try read(header + "\n")
        #expect(headerOnly.places.isEmpty && headerOnly.problems.isEmpty && headerOnly.rowCount == 0)
    }

    @Test func filesThatCannotBeReadAtAll() throws {
        #expect(throws: DirectoryFileError(.missingColumns(["pivot", "date_maj"]))) {
            try read("id,nom,commune,code_postal,adresse\n")
        }
        #expect(throws: DirectoryFileError(.duplicateColumn("nom"))) { try read(header + ",nom\n") }
        #expect(throws: DirectoryFileError(.unterminatedQuote(line: 2))) { try read(header + "\n" + row("a", ["date_maj": "\"2026-09-14"])) }
        #expect(throws: DirectoryFileError(.notUTF8)) { try PlaceCSVReader.read(Array(header.utf8) + [0x0A, 0xE9, 0x0A]) }
    }

    @Test(arguments: [
        ("id", "", "valeur obligatoire absente"),
        ("pivot", "1234", "SIRET"),
        ("nom", " ", "valeur obligatoire absente"),
        ("commune", "", "valeur obligatoire absente"),
        ("code_postal", "8600", "code postal"),
        ("adresse", "", "valeur obligatoire absente"),
        ("date_maj", "14/09/2026", "AAAA-MM-JJ"),
        ("date_maj", "2026-02-30", "AAAA-MM-JJ"),
        ("latitude", "\"46,58\"", "latitude"),
        ("longitude", "190", "longitude"),
        ("horaires", "Mo-Fr 9h-12h", "illisible, colonne 7"),
        ("services", "Cours de cuisine", "valeur du schéma"),
        ("publics_specifiquement_adresses", "Tout le monde", "valeur du schéma"),
        ("telephone", "05 55 00 01 01", "format international"),
        ("courriels", "mediation.example.org", "adresse électronique"),
        ("site_web", "www.example.org", "http(s)"),
        ("prise_rdv", "rdv", "http(s)"),
        ("modalites_acces", "Envoyer un pigeon", "valeur du schéma"),
        ("presentation_resume", String(repeating: "a", count: 281), "au plus 280"),
    ])
    func eachKindOfInvalidFieldIsReportedByLineAndField(field: String, value: String, fragment: String) throws {
        let result = try read(header + "\n" + row("ok") + "\n" + row("bad", [field: value]) + "\n")
        #expect(result.places.map(\.id) == ["ok"])
        let problem = try #require(result.problems.first)
        #expect(result.problems.count == 1)
        #expect(problem.line == 3 && problem.field == field && problem.message.contains(fragment))
    }

    @Test func anInvalidHorairesNamesThePlace() throws {
        let result = try read(header + "\n" + row("a", ["horaires": "Jan-Mar 10:00-12:00"]))
        #expect(result.problems.first?.description
            == "ligne 2, horaires : « Jan-Mar 10:00-12:00 » illisible, colonne 1 : les mois (« Jan ») ne sont pas pris en charge (lieu « Médiathèque François-Mitterrand »)")
    }

    @Test func everyProblemOfARowDuplicatesAndShortRows() throws {
        let text = header + "\n" + row("a") + "\n" + row("a", ["code_postal": "x", "telephone": "0555"]) + "\n" + "z,21860194700013,Nom\n"
        let result = try read(text)
        #expect(result.places.map(\.id) == ["a"] && result.invalidRowCount == 2)
        #expect(result.problems.filter { $0.line == 3 }.map(\.field).sorted() == ["code_postal", "id", "telephone"])
        #expect(result.problems.first { $0.field == "id" }?.message == "identifiant « a » déjà utilisé ligne 2")
        #expect(result.problems.contains { $0.line == 4 && $0.field == "*" })
        #expect(result.problems.contains { $0.line == 4 && $0.field == "date_maj" })
    }

    @Test func aFiveThousandRowFile() throws {
        var text = header + "\n"
        for index in 0..<5_000 { text += row("lieu-\(index)") + "\n" }
        let result = try read(text)
        #expect(result.places.count == 5_000 && result.problems.isEmpty)
        #expect(Set(result.places.map(\.id)).count == 5_000)
    }
}
