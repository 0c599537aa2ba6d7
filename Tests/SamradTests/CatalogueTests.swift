import Foundation
import Testing
@testable import Samrad
import SamradCore
@testable import SamradRender
import SamradLoad

/// The language catalogues (i18n/sv.yml, i18n/en.yml): complete in both languages, used
/// by every template and by the Swift that makes reader-facing words.
@Suite("language catalogues")
struct CatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    @Test func bothCataloguesHaveTheSameKeysAndShapes() {
        let sv = Catalogue.swedish.entries, en = Catalogue.english.entries
        #expect(sv.count > 150, "the Swedish catalogue did not parse")
        #expect(Set(sv.keys).subtracting(en.keys).sorted() == [], "keys missing from en.yml")
        #expect(Set(en.keys).subtracting(sv.keys).sorted() == [], "keys missing from sv.yml")
        for (key, entry) in sv {
            guard let other = en[key] else { continue }
            #expect(Catalogue.sameShape(entry, other), "'\(key)' has another shape in en.yml")
        }
    }

    @Test func placeholdersAreTheSameInBothLanguages() {
        func names(_ e: Catalogue.Entry?) -> Set<String> {
            let texts: [String]
            switch e {
            case .text(let s): texts = [s]
            case .plural(let one, let other): texts = [one, other]
            default: texts = []
            }
            return Set(texts.flatMap { $0.matches(of: /\{([a-z_]+)\}/).map { String($0.output.1) } })
        }
        for key in Catalogue.swedish.entries.keys {
            #expect(names(Catalogue.swedish.entries[key]) == names(Catalogue.english.entries[key]), "'\(key)' fills other names in en.yml")
        }
    }

    @Test func pluralsDatesAndLists() throws {
        let sv = Catalogue.swedish, en = Catalogue.english
        #expect(sv.count(1, "count_meeting") == "1 möte")
        #expect(sv.count(2, "count_meeting") == "2 möten")
        #expect(sv.count(0, "count_meeting") == "0 möten")
        #expect(en.count(1, "count_meeting") == "1 meeting")
        #expect(en.count(2, "count_meeting") == "2 meetings")
        let day = try #require(ISODate("2023-09-14"))
        #expect(sv.date(day) == "14 september 2023")
        #expect(en.date(day) == "14 September 2023")
        #expect(sv.date(try #require(ISODate.partial("2026-02"))) == "februari 2026")
        #expect(sv.dateRange(day, try #require(ISODate("2023-09-15"))) == "14–15 september 2023")
        #expect(en.dateRange(try #require(ISODate("2023-09-30")), try #require(ISODate("2023-10-01"))) == "30 September–1 October 2023")
        #expect(sv.join(["A", "B", "C"]) == "A, B och C")
        #expect(Catalogue.fill("add {allow: [{extension}]} ({n})", ["extension": "svg"]) == "add {allow: [svg]} ({n})")
        #expect(en.join(["A", "B"]) == "A and B")
        #expect(sv.fileSize(1_500_000) == "1,4 MB")
        #expect(en.fileSize(1_500_000) == "1.4 MB")
    }

    /// One number format everywhere: counts on the pages, and filters.js reads the same
    /// separator from the page (`data-thousands`) instead of the browser's locale.
    @Test func countsGroupTheirThousandsWithTheCataloguesSeparator() throws {
        let sv = Catalogue.swedish, en = Catalogue.english
        #expect(sv.number(4374) == "4\u{A0}374")
        #expect(sv.number(1_234_567) == "1\u{A0}234\u{A0}567")
        #expect(sv.number(999) == "999" && sv.number(0) == "0" && sv.number(-4374) == "-4\u{A0}374")
        #expect(en.number(4374) == "4,374")
        #expect(sv.count(4374, "count_idea") == "4\u{A0}374 idéer")
        #expect(sv.count(1, "count_idea") == "1 idé")
        let site = try SiteFolder()
        defer { site.cleanup() }
        #expect(!site.build().hasErrors)
        let ideas = try #require(site.read("idebank/index.html"))
        #expect(ideas.contains("data-thousands=\"\u{A0}\""))
        let script = try #require(site.read("assets/filters.js"))
        #expect(script.contains("data-thousands") && !script.contains("toLocaleString"))
    }

    @Test func documentWordsFollowTheLanguage() {
        let sv = DocumentWords([.meeting, .meeting, .report], .swedish)
        #expect(sv.plural == "möten och rapporter")
        #expect(sv.definite == "mötena och rapporterna")
        #expect(sv.countText == "2 möten och 1 rapport")
        let en = DocumentWords([.meeting, .meeting, .report], .english)
        #expect(en.plural == "meetings and reports")
        #expect(en.definite == "the meetings and reports")
        #expect(en.title == "Meetings and reports")
        #expect(en.countText == "2 meetings and 1 report")
    }

    @Test func aSiteReplacesSingleWordsAndHearsOfUnknownKeys() throws {
        let site = try SiteFolder()
        try site.write("i18n/sv.yml", "nav_themes: Ämnen\nnav_themez: Fel\n")
        let report = site.build()
        #expect(!report.hasErrors, "\(report.errors)")
        let start = try #require(site.read("index.html"))
        #expect(start.contains(">Ämnen</a>"))
        #expect(start.contains("Frågor"), "the other words stay samrad's")
        let unknown = report.diagnostics.first { $0.message.contains("nav_themez") }
        #expect(unknown?.location?.description == "i18n/sv.yml:2:1")
        #expect(unknown?.message.contains("'nav_themes'") == true, "the closest known key is named")
    }

    @Test func aLanguageWithoutCatalogueFallsBackToSwedishNamingEachMissingKey() throws {
        let site = try SiteFolder()
        try site.write("site.yml", try #require(String(data: Data(contentsOf: site.root.appendingPathComponent("site.yml")), encoding: .utf8)) + "\nlanguage: fi\n")
        try site.write("i18n/fi.yml", "nav_themes: Teemat\n")
        let report = site.build()
        #expect(!report.hasErrors, "\(report.errors)")
        let start = try #require(site.read("index.html"))
        #expect(start.contains("<html lang=\"fi\""))
        #expect(start.contains(">Teemat</a>"))
        #expect(start.contains(">Frågor</a>"), "a missing key falls back to Swedish")
        let missing = report.diagnostics.filter { $0.message.contains("is missing") }
        #expect(missing.contains { $0.message.contains("'nav_questions'") && $0.location?.file == "i18n/fi.yml" && $0.severity == .warning })
        #expect(!missing.contains { $0.message.contains("'nav_themes'") })
    }

    @Test func aTemplateKeyNoCatalogueHasIsAWarningAtItsPlace() {
        let file = SourceFile(path: "templates/page.mustache", absolutePath: "", text: "<p>\n  {{t.nav_themez}} {{{t.a11y_full}}}</p>\n")
        let (_, diagnostics) = TemplateSet.compile(["page": file], required: [])
        let warning = diagnostics.first { $0.message.contains("t.nav_themez") }
        #expect(warning?.severity == .warning)
        #expect(warning?.location?.description == "templates/page.mustache:2:3")
        #expect(!diagnostics.contains { $0.message.contains("a11y_full") })
    }

    @Test func everyKeyTheDefaultTemplatesUseIsInTheCatalogue() {
        for (name, text) in DefaultTemplates.files where name.hasSuffix(".mustache") {
            for (key, line, _) in TemplateSet.catalogueKeys(in: text) {
                #expect(Catalogue.swedish.entries[key] != nil, "\(name):\(line): t.\(key)")
            }
        }
    }

    @Test func everyKeySwiftAsksForIsInTheCatalogue() throws {
        // Keys written in Swift as t["key"], catalogue["key"], words["key"], .count(n, "key"),
        // text("key" …), list("key").
        let pattern = /(?:(?:\bt|catalogue|words)\[|count\([^,()]+, |\btext\(|\blist\()"([a-z0-9_]+)"/
        // accessibility facts of site.yml, read by a local text(_:) in AccessibilityStatement.
        let siteFields: Set = ["contact_email", "contact_phone", "contact_url", "response_time", "assessment_method"]
        var seen = 0
        for file in try Self.swiftFiles(under: "SamradRender") {
            for match in try String(contentsOf: file, encoding: .utf8).matches(of: pattern) {
                let key = String(match.output.1)
                guard !siteFields.contains(key) else { continue }
                seen += 1
                #expect(Catalogue.swedish.entries[key] != nil, "\(file.lastPathComponent): \(key)")
            }
        }
        #expect(seen > 50, "the pattern no longer finds the keys")
    }

    static func swiftFiles(under module: String) throws -> [URL] {
        let folder = sources.appendingPathComponent(module)
        let e = try #require(FileManager.default.enumerator(atPath: folder.path))
        var out: [URL] = []
        while let rel = e.nextObject() as? String { if rel.hasSuffix(".swift") { out.append(folder.appendingPathComponent(rel)) } }
        return out
    }

    @Test func noSwedishWordInRenderSwiftOrTemplates() throws {
        // The check itself finds what it is meant to find.
        #expect(SwedishWords.inSwift("let s = \"Alla möten\" // en kommentar") == ["Alla", "möten"])
        #expect(SwedishWords.inSwift("let path = \"teman/\\(slug)/\", html = \"<h2 id=\\\"fotnoter\\\">Fotnoter</h2>\"") == ["Fotnoter"])
        #expect(SwedishWords.inSwift("/// Mötets sammanfattning\nlet key = \"summary_of_meeting\"") == [])
        #expect(SwedishWords.inTemplate("<p>Visa {{t.x}}</p><a aria-label=\"Huvudmeny\">").sorted() == ["Huvudmeny", "Visa"])
        #expect(SwedishWords.inTemplate("{{! en kommentar och mer }}<span data-pagefind-filter=\"år:{{year}}\"></span>") == [])

        var found: [String] = []
        for file in try Self.swiftFiles(under: "SamradRender") {
            let words = SwedishWords.inSwift(try String(contentsOf: file, encoding: .utf8))
            if !words.isEmpty { found.append("\(file.lastPathComponent): \(words.joined(separator: ", "))") }
        }
        for (name, text) in DefaultTemplates.files where name.hasSuffix(".mustache") {
            let words = SwedishWords.inTemplate(text)
            if !words.isEmpty { found.append("\(name): \(words.joined(separator: ", "))") }
        }
        #expect(found == [], "put these words in Sources/SamradCore/i18n/sv.yml and en.yml")
    }
}

/// Finds Swedish words where only catalogue keys should be: string literals of Swift
/// (comments are free to quote Swedish) and the text and readable attributes of templates.
enum SwedishWords {
    /// Common Swedish words without å, ä or ö; any word with å, ä or ö counts too.
    static let common: Set<String> = [
        "och", "att", "som", "inte", "alla", "sida", "sidor", "av", "med", "till", "fler", "visa", "teman", "tema",
        "sammanfattning", "senaste", "bilaga", "bilagor", "deltagare", "organisationer", "datum", "plats", "rapport",
        "rapporter", "seminarier", "seminarium", "antal", "tabell", "fotnot", "fotnoter", "kategori", "kategorier", "lapp",
        "lappar", "hoppa", "huvudmeny", "webbplats", "idebank", "sok", "idag", "ingen", "inga", "finns", "eller",
        "fram", "sidan", "vad", "hur", "roller", "typ", "tillbaka", "avsnitt", "stycken", "rensa",
    ]

    static func swedish(_ text: String) -> [String] {
        text.split { !$0.isLetter }.map(String.init).filter { word in
            word.contains { "åäöÅÄÖ".contains($0) } || common.contains(word.lowercased())
        }
    }

    /// Words in the string literals of Swift source, interpolations and comments left out.
    static func inSwift(_ source: String) -> [String] {
        var words: [String] = []
        for line in source.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("//") { continue }
            var inString = false, escaped = false, depth = 0, literal = ""
            var previous: Character = " "
            for ch in line {
                if !inString {
                    if ch == "/" && previous == "/" { break }
                    if ch == "\"" { inString = true; literal = "" }
                } else if depth > 0 {
                    if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 }
                } else if escaped {
                    escaped = false
                    if ch == "(" { depth = 1 } else { literal.append(ch) }
                } else if ch == "\\" {
                    escaped = true
                } else if ch == "\"" {
                    inString = false
                    // Markup is read like a template; a literal without spaces is a path,
                    // anchor or key ("teman/", "fotnot-"), which stays as configured.
                    if literal.contains("<") { words += inTemplate(literal) }
                    else if literal.contains(" ") { words += swedish(literal) }
                } else {
                    literal.append(ch)
                }
                previous = ch
            }
        }
        return words
    }

    /// Words in a template's text and in the attributes a reader hears or sees
    /// (aria-label, title, placeholder, alt); Mustache tags and comments left out.
    static func inTemplate(_ template: String) -> [String] {
        let noTags = template.replacing(/\{\{![\s\S]*?\}\}/, with: "").replacing(/\{\{\{?[^}]*\}?\}\}/, with: " ")
        var words: [String] = []
        for match in noTags.matches(of: /(?:aria-label|title|placeholder|alt)="([^"]*)"/) { words += swedish(String(match.output.1)) }
        let text = noTags.replacing(/<[^>]*>/, with: " ")
        words += swedish(text)
        return words
    }
}
