import Foundation
import Testing
@testable import Samrad
import SamradCore

/// Alphabetical order follows the site's language: å ä ö after z in Swedish, with their
/// base letter in English.
@Suite("collation per language")
struct CollationTests {
    let names = ["Örebro", "Zeta", "Åre", "Ängel", "Alfa", "Éclair", "ödla", "Østfold", "bära"]

    @Test func swedishPutsÅÄÖAfterZ() {
        let sorted = names.sorted(by: { $0 }, .swedish)
        #expect(sorted == ["Alfa", "bära", "Éclair", "Zeta", "Åre", "Ängel", "ödla", "Örebro", "Østfold"])
    }

    @Test func englishSortsLettersWithTheirBaseLetter() {
        let sorted = names.sorted(by: { $0 }, .english)
        #expect(sorted == ["Alfa", "Ängel", "Åre", "bära", "Éclair", "ödla", "Örebro", "Østfold", "Zeta"])
        #expect(Collation.english.less("Ängel", "Zeta"))
        #expect(!Collation.swedish.less("Ängel", "Zeta"))
    }

    @Test func theOrderDoesNotDependOnTheInput() {
        let ties = ["e", "E", "é", "É", "ë", "e ", "ea", "éa"]
        for collation in [Collation.swedish, .english] {
            let once = ties.sorted(by: { $0 }, collation)
            #expect(ties.reversed().sorted(by: { $0 }, collation) == once)
            #expect(ties.shuffled().sorted(by: { $0 }, collation) == once)
        }
        // Case and accents only break ties: "ea" and "éa" stay together, after the single letters.
        #expect(ties.sorted(by: { $0 }, .english).suffix(2) == ["ea", "éa"])
    }

    @Test func theLanguageChoosesTheCollation() {
        #expect(Collation(language: "sv") == .swedish)
        #expect(Collation(language: "sv-SE") == .swedish)
        #expect(Collation(language: "fi") == .swedish)
        #expect(Collation(language: "en") == .english)
        #expect(Collation(language: "en-GB") == .english)
        #expect(Collation(language: "de") == .english)
        var config = SiteConfig()
        #expect(config.collation == .swedish)
        config.language = "en"
        #expect(config.collation == .english)
    }

    @Test func initialsFollowTheOrder() {
        #expect(Collation.swedish.initial("Ängelholm") == "Ä")
        #expect(Collation.english.initial("Ängelholm") == "A")
        #expect(Collation.english.initial("Østfold") == "O")
        #expect(Collation.english.initial("ölands kommun") == "O")
        #expect(Collation.english.initial("Zonta") == "Z")
        #expect(Collation.english.initial("1000 Möjligheter") == "1")
        #expect(Collation.english.initial("") == "")
    }

    @Test func thousandsOfNamesSortQuickly() {
        // The organisation and theme lists of a large archive: keys are made once per name.
        var rng = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyzåäöéü ")
        let many = (0 ..< 20_000).map { _ in String((0 ..< 24).map { _ in letters[Int(rng.next() % UInt64(letters.count))] }) }
        let start = DispatchTime.now()
        let sorted = many.sorted(by: { $0 }, .english)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        #expect(sorted.count == many.count)
        #expect(seconds < 5, "20,000 names took \(seconds) s")
    }

    /// The organisation list of an English site: Ängelholm among the A's (before Arbets…), under A.
    @Test func anEnglishSitesOrganisationListSortsÄWithA() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("content/organizations.yml", "- name: Zonta\n- name: Ängelholms kommun\n- name: Arbetsförmedlingen\n- name: Fryshuset\n- name: Polismyndigheten\n  aliases: [Polisen]\n")
        func order() throws -> [String] {
            let report = site.build()
            #expect(!report.hasErrors, "\(report.errors)")
            let page = try #require(site.read("organisationer/index.html"))
            let names = ["Arbetsförmedlingen", "Ängelholms kommun", "Fryshuset", "Zonta"]
            return names.sorted { (page.range(of: ">\($0)<")?.lowerBound ?? page.endIndex) < (page.range(of: ">\($1)<")?.lowerBound ?? page.endIndex) }
        }
        #expect(try order() == ["Arbetsförmedlingen", "Fryshuset", "Zonta", "Ängelholms kommun"])
        // A and Ä are both letters of a Swedish index, each with its own heading to link to.
        let swedish = try #require(site.read("organisationer/index.html"))
        #expect(swedish.contains("href=\"#bokstav-a\">A</a>") && swedish.contains("href=\"#bokstav-a-2\">Ä</a>"), "\(swedish)")
        try site.write("site.yml", SiteFolder.minimal["site.yml"]! + "language: en\n")
        #expect(try order() == ["Ängelholms kommun", "Arbetsförmedlingen", "Fryshuset", "Zonta"])
        let page = try #require(site.read("organisationer/index.html"))
        #expect(!page.contains(">Ä</a>"), "an Ä heading of its own splits the A's")
    }
}
