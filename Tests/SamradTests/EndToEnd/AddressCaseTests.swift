import Foundation
import Testing
@testable import Samrad
import SamradCore

/// The `../shared/cases` sites about addresses (copied to `Fixtures/cases`): each test
/// checks what the case's EXPECTED.txt asks for.
@Suite("addresses that work where the site is deployed")
struct AddressCaseTests {
    @Test func rootRelativeContentLinksGoUnderTheBasePathAndAreChecked() throws {
        let site = try SiteFolder(case: "subpath-root-links")
        defer { site.cleanup() }
        let report = site.check()
        let errors = report.errors
        #expect(errors.count == 1, "\(report.diagnostics)")
        let missing = try #require(errors.first)
        #expect(missing.message.contains("/moten/2099-01-01-finns-inte/"))
        #expect(missing.location?.file == "content/meetings/2024-04-01-andra/index.md")
        #expect(missing.location?.line == 14)

        // Without the broken link the site builds, and every root-relative link is under /portal/.
        let index = "content/meetings/2024-04-01-andra/index.md"
        let text = try String(contentsOfFile: site.path + "/" + index, encoding: .utf8)
        try site.write(index, text.replacingOccurrences(of: "Se också [ett möte som inte finns](/moten/2099-01-01-finns-inte/).", with: ""))
        let built = site.build()
        #expect(!built.hasErrors, "\(built.diagnostics)")
        let page = try #require(site.read("moten/2024-04-01-andra/index.html"))
        #expect(page.contains("href=\"/portal/moten/2024-03-01-forsta/#sammanfattning-punkt-1\""))
        #expect(page.contains("href=\"/portal/teman/\""))
        #expect(page.contains("src=\"/portal/moten/2024-03-01-forsta/karta.png\""))
        #expect(!page.contains("href=\"/moten/"))
    }

    @Test func rootRelativeLinkToAMissingAnchorIsReported() throws {
        let site = try SiteFolder(case: "subpath-root-links")
        defer { site.cleanup() }
        try site.write("content/meetings/2024-04-01-andra/index.md", """
        ---
        title: "Andra mötet"
        date: 2024-04-01
        ---

        Se [punkten](/moten/2024-03-01-forsta/#sammanfattning-punkt-9) och [sidan](/portal/moten/2024-03-01-forsta/).
        """)
        let errors = site.check().errors
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.message.contains("no anchor '#sammanfattning-punkt-9'") == true)
    }

    @Test func attachmentNamesArePercentEncodedEverywhere() throws {
        let site = try SiteFolder(case: "attachment-special-names")
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let page = try #require(site.read("moten/2024-05-20-bilagor/index.html"))
        let folder = "/portal/moten/2024-05-20-bilagor/"
        for encoded in ["Program%20m%C3%B6te%20%232.pdf", "Rapport%3Fv=2.pdf", "Budget%20100%25.xlsx", "Fr%C3%A5gor%20&amp;%20svar.pdf"] {
            #expect(page.contains("href=\"\(folder)\(encoded)\""), "missing \(encoded)")
        }
        // The author's own link (in a summary point, so made root-relative to be shown on
        // theme pages too), already encoded, keeps its meaning; the ö is encoded too.
        #expect(page.contains("href=\"\(folder)Program%20m%C3%B6te%20%232.pdf\""))
        let theme = try #require(site.read("teman/samverkan/index.html"))
        #expect(theme.contains("href=\"\(folder)Program%20m%C3%B6te%20%232.pdf\""))
        for name in ["Program möte #2.pdf", "Rapport?v=2.pdf", "Budget 100%.xlsx", "Frågor & svar.pdf"] {
            #expect(site.exists("moten/2024-05-20-bilagor/\(name)"), "not published: \(name)")
        }
    }

    /// hostile/attachment-name-broken-links: attachments listed automatically under Dokument.
    @Test func automaticallyListedAttachmentsAreEncoded() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let names = ["Rapport #2.pdf", "fråga?svar.pdf", "100% klart.pdf", "Minnesanteckningar (slutlig).pdf"]
        for name in names { try site.write("content/meetings/2023-09-14-mote/\(name)", "%PDF-1.4\n") }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let page = try #require(site.read("moten/2023-09-14-mote/index.html"))
        for encoded in ["Rapport%20%232.pdf", "fr%C3%A5ga%3Fsvar.pdf", "100%25%20klart.pdf", "Minnesanteckningar%20(slutlig).pdf"] {
            #expect(page.contains("href=\"/portal/moten/2023-09-14-mote/\(encoded)\""), "missing \(encoded)")
        }
    }

    @Test func nfdNamesArePublishedInNFC() throws {
        let site = try SiteFolder(case: "unicode-nfd-filenames")
        defer { site.cleanup() }
        // The fixture really is NFD, as macOS writes it.
        let entries = try FileManager.default.contentsOfDirectory(atPath: site.path + "/content/meetings")
        #expect(entries.contains { !$0.isNFC }, "the fixture lost its NFD names")
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        var names: [String] = []
        let e = FileManager.default.enumerator(atPath: site.output)
        while let name = e?.nextObject() as? String { names.append(name) }
        #expect(!names.isEmpty)
        let notNFC = names.filter { !$0.isNFC }
        #expect(notNFC.isEmpty, "\(notNFC)")
        #expect(names.contains { $0.utf8.elementsEqual("moten/2024-09-01-möte-i-malmö/index.html".nfc.utf8) })
        #expect(names.contains { $0.utf8.elementsEqual("moten/2024-06-11-dialogmote-goteborg/minnesanteckningar-från-mötet.pdf".nfc.utf8) })
        let page = try #require(site.read("moten/2024-06-11-dialogmote-goteborg/index.html"))
        #expect(page.contains("href=\"/portal/moten/2024-06-11-dialogmote-goteborg/minnesanteckningar-fr%C3%A5n-m%C3%B6tet.pdf\""))
    }

    @Test func namesThatCollideOnceNormalisedAreReported() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("content/meetings/2023-09-14-mote/m\u{00F6}te.pdf", "NFC")
        try site.write("content/meetings/2023-09-14-mote/mo\u{0308}te.pdf", "NFD")
        let entries = try FileManager.default.contentsOfDirectory(atPath: site.path + "/content/meetings/2023-09-14-mote")
        try #require(entries.count == 3, "this file system normalises names itself")
        let errors = site.check().errors
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.message.contains("same name once Unicode-normalised") == true)
    }

    @Test func generatedIDsWinOverHeadings() throws {
        let site = try SiteFolder(case: "duplicate-ids-board")
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let page = try #require(site.read("moten/2024-11-06-workshop/index.html"))
        let ids = DeployedLinkCheck.attributeValues(page, names: [" id=\""])
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        #expect(page.contains("<h2 id=\"bilaga-post-its-2\""), "the notes heading gives way")
        // The board keeps the id, and the table of contents leads to it.
        let board = try #require(page.range(of: "id=\"bilaga-post-its\""))
        #expect(page[board.lowerBound...].prefix(400).contains("Post-its från workshopen"))
        #expect(page.contains("href=\"#bilaga-post-its\""))
    }

    @Test func questionAnchorsSurviveRewordingTheSessionHeading() throws {
        let site = try SiteFolder(case: "anchor-session-rename")
        defer { site.cleanup() }
        func ids() throws -> [String] {
            let report = site.build()
            #expect(!report.hasErrors, "\(report.diagnostics)")
            let json = try #require(site.read("data/questions.json"))
            return DeployedLinkCheck.attributeValues(json, names: ["\"id\":\""]).filter { !$0.contains("punkt") }
        }
        let before = try ids()
        #expect(before == ["fraga-1", "fraga-2", "rundabordssamtal-2-fraga-1", "rundabordssamtal-2-fraga-2"])
        let file = "content/meetings/2024-09-12-tva-rundor/index.md"
        let text = try String(contentsOfFile: site.path + "/" + file, encoding: .utf8)
        try site.write(file, text.replacingOccurrences(of: "## Rundabordssamtal 2", with: "## Rundabordssamtal 2: ansvar och uppföljning"))
        #expect(try ids() == before)
        let page = try #require(site.read("moten/2024-09-12-tva-rundor/index.html"))
        #expect(page.contains("id=\"rundabordssamtal-2-fraga-1\""))
    }

    @Test func organisationsThatSlugAlikeShareOneStableAddress() throws {
        let site = try SiteFolder(case: "org-slug-collision")
        defer { site.cleanup() }
        let older = "content/meetings/2022-02-01-andra/index.md"
        let olderText = try String(contentsOfFile: site.path + "/" + older, encoding: .utf8)
        try site.remove("content/meetings/2022-02-01-andra")
        var report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let alone = try #require(site.read("moten/2023-05-10-forsta/index.html"))
        #expect(alone.contains("href=\"/portal/organisationer/ung-trygg/\""))

        // The older meeting is added: 'Ung & Trygg' keeps its address, and the clash is told.
        try site.write(older, olderText)
        report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let warning = report.warnings.first { $0.message.contains("same address /organisationer/ung-trygg/") }
        #expect(warning != nil, "\(report.warnings)")
        #expect(warning?.message.contains("Ung & Trygg") == true && warning?.message.contains("Ung Trygg") == true)
        let after = try #require(site.read("moten/2023-05-10-forsta/index.html"))
        #expect(after.contains("href=\"/portal/organisationer/ung-trygg/\""))
        #expect(!site.exists("organisationer/ung-trygg-2/index.html"))
        // The summary of unlisted names counts each spelling in the meetings that wrote it,
        // not both under the name the shared page shows.
        #expect(report.unlistedNames.map(\.name) == ["Ung & Trygg", "Ung Trygg"])
        #expect(report.unlistedNames.map(\.meetings) == [["2023-05-10-forsta"], ["2022-02-01-andra"]])
        #expect(report.unlistedNames.allSatisfy { $0.slug == "ung-trygg" })
    }

    @Test func themeSlugsThatDifferOnlyInDiacriticsAreReported() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("content/themes.yml", """
        - slug: samverkan
          name: Samverkan
          description: Att arbeta tillsammans.
        - slug: tillit
          name: Tillit
          description: Förtroende.
        - slug: anhoriga
          name: Anhöriga
          description: Närstående.
        - slug: anhöriga
          name: Anhöriga igen
          description: Samma ord.
        """)
        let errors = site.check().errors
        #expect(errors.contains { $0.message.contains("'anhöriga' differs from 'anhoriga'") && $0.location?.line == 10 }, "\(errors)")
    }

    @Test func nonLatinNamesGetTransliteratedAddresses() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("content/meetings/2023-09-14-mote/index.md", """
        ---
        title: Dialogmöte
        date: 2023-09-14
        participants: ["Молодёжный центр", "Αθήνα Νέοι", "جمعية الشباب", "🌱🌱"]
        ---

        ## Συζήτηση

        Text.
        """)
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let page = try #require(site.read("moten/2023-09-14-mote/index.html"))
        #expect(page.contains("href=\"/portal/organisationer/molodeznyj-centr/\""), "Cyrillic")
        #expect(page.contains("href=\"/portal/organisationer/athena-neoi/\""), "Greek")
        #expect(page.contains("href=\"/portal/organisationer/jm-yt-alshbab/\""), "Arabic")
        #expect(page.contains("<h2 id=\"syzetese\""), "Greek heading")
        // No letters in any script: a hash of the name, the same on every build.
        let emoji = "organisation-" + Slug.stable("🌱🌱", prefix: "organisation").dropFirst("organisation-".count)
        #expect(page.contains("href=\"/portal/organisationer/\(emoji)/\""))
        #expect(!page.contains("avsnitt"))
    }
}
