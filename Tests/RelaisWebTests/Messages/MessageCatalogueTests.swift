import Testing
@testable import RelaisWeb

@Suite struct MessageCatalogueTests {
    @Test func parsesKeyValueLines() throws {
        let text = "# comment\n\nsplash.title = Connexion au wifi\n  a.b-c_d=x = y  \n"
        let catalogue = try MessageCatalogue.parse(text, language: .fr, file: "fr.catalogue")
        #expect(catalogue["splash.title"] == "Connexion au wifi")
        #expect(catalogue["a.b-c_d"] == "x = y")
        #expect(catalogue.keys == ["splash.title", "a.b-c_d"])
    }

    @Test func malformedLinesAndDuplicatesAreNamed() {
        #expect(throws: CatalogueError(.malformedLine, file: "f", line: 2, language: .en)) {
            try MessageCatalogue.parse("a = 1\nno equals sign\n", language: .en, file: "f")
        }
        #expect(throws: CatalogueError(.malformedLine, file: "f", line: 1, language: .en, key: "bad key")) {
            try MessageCatalogue.parse("bad key = 1", language: .en, file: "f")
        }
        #expect(throws: CatalogueError(.duplicateKey, file: "f", line: 3, language: .fr, key: "a")) {
            try MessageCatalogue.parse("a = 1\nb = 2\na = 3", language: .fr, file: "f")
        }
    }

    @Test func formatFillsPlaceholders() throws {
        let catalogue = try MessageCatalogue.parse("x = Continuer vers {host} ({host})", language: .fr, file: "f")
        #expect(catalogue.format("x", ["host": "example.org"]) == "Continuer vers example.org (example.org)")
    }

    @Test func templatesWalkDottedKeys() throws {
        let catalogue = try MessageCatalogue.parse("splash.title = Bonjour & bienvenue\nsplash.deep.key = Profond", language: .fr, file: "f")
        var library = TemplateLibrary()
        try library.register("<h1>{{t.splash.title}}</h1><p>{{t.splash.deep.key}}</p>{{t.splash.absent}}", named: "page")
        let html = library.render(["t": catalogue.templateValue], withTemplate: "page")
        #expect(html == "<h1>Bonjour &amp; bienvenue</h1><p>Profond</p>")
        #expect(library.names(under: "t") == ["splash.title": "page", "splash.deep.key": "page", "splash.absent": "page"])
    }

    @Test func errorDescriptionNamesKeyAndLanguage() {
        let error = CatalogueError(.missingKey, file: "/x/messages/en.catalogue", language: .en, key: "splash.title", detail: "used by template 'splash'")
        #expect(error.description == "/x/messages/en.catalogue: message catalogue missing-key (language en), key 'splash.title' (used by template 'splash')")
    }
}
