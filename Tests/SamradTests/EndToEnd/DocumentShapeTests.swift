import Foundation
import Testing
@testable import Samrad
import SamradCore

/// The two documents in `Fixtures/documents`, written by hand in the shapes of seed 002
/// (a forum written up in prose) and seed 004 (a long report), build with no warning and
/// show every construct as written.
@Suite("documents as they are written", .serialized)
struct DocumentShapeTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/documents")

    static let forum = "moten/2026-02-samverkansforum/index.html"
    static let report = "moten/2023-03-forebygga-rekrytering/index.html"

    struct Built {
        let site: SiteFolder
        let report: BuildReport
        func read(_ path: String) throws -> String { try #require(site.read(path), "no \(path)") }
    }

    static func build() throws -> Built {
        let site = try SiteFolder([:])
        let files = try #require(FileManager.default.subpathsOfDirectory(atPath: folder.path) as [String]?)
        for rel in files where rel.hasSuffix(".md") || rel.hasSuffix(".yml") {
            try site.write(rel, try String(contentsOf: folder.appendingPathComponent(rel), encoding: .utf8))
        }
        return Built(site: site, report: site.build())
    }

    @Test func bothBuildWithoutAWarning() throws {
        let b = try Self.build()
        defer { b.site.cleanup() }
        #expect(b.report.diagnostics.isEmpty, "\(b.report.diagnostics)")
        #expect(b.report.meetings == 2)
    }

    @Test func aReportIsNeverCalledAMeeting() throws {
        let b = try Self.build()
        defer { b.site.cleanup() }
        let page = try b.read(Self.report)
        #expect(page.contains("<p class=\"kind-label\">rapport</p>"))
        #expect(page.contains("Nästa möte") || page.contains("Föregående möte"), "the forum is the report's neighbour")
        let start = try b.read("index.html")
        #expect(start.contains("1 möte och 1 rapport"))
        #expect(start.contains("Senaste möten och rapporter"))
        let list = try b.read("moten/index.html")
        #expect(list.contains("<title>Möten och rapporter – "))
        #expect(list.contains("1 möte och 1 rapport, de senaste först."))
        #expect(list.contains("Möten och rapporter per år"))
        let feed = try b.read("index.html")
        #expect(feed.contains("nya möten och rapporter"))
        let org = try b.read("organisationer/fou-nordvast/index.html")
        #expect(org.contains("1 rapport"))
        #expect(!org.contains("1 möte"))
        let theme = try b.read("teman/avhopp/index.html")
        #expect(theme.contains("1 rapport"))
        // The heat map, the theme list and the question bank count documents, not meetings.
        let themes = try b.read("teman/index.html")
        #expect(themes.contains("Hur många möten och rapporter per år som berört varje tema."))
        #expect(themes.contains("<figcaption>Antal möten och rapporter per tema och år. Mörkare ruta betyder fler möten och rapporter.</figcaption>"))
        #expect(themes.contains("<caption>Möten och rapporter per tema och år</caption>"))
        #expect(themes.contains("varje tema samlar de möten och rapporter, frågor"))
        #expect(!themes.contains("Antal möten per"))
        let questions = try b.read("fragor/index.html")
        #expect(questions.contains("Alla frågor från mötena och rapporterna, med sammanfattningarna av svaren."))
    }

    @Test func reportAuthorsAndTheDeepTableOfContents() throws {
        let b = try Self.build()
        defer { b.site.cleanup() }
        let page = try b.read(Self.report)
        #expect(page.contains("<dt>Författare</dt><dd>Jonas Lind och Eva Berg</dd>"))
        let toc = try #require(page.range(of: "<nav class=\"toc\"").map { String(page[$0.lowerBound...].prefix(3000)) })
        #expect(toc.contains("href=\"#del-1-kunskapslaget\""))
        #expect(toc.contains("href=\"#riskfaktorer\""))
        #expect(!toc.contains("href=\"#skola-och-fritid\""), "level 4 is below the report's default depth")
        // "**Gäst:** …" in a report is text, not a speaker turn.
        #expect(!page.contains("class=\"turn\""))
        #expect(page.contains("<strong>Gäst:</strong>"))
        #expect(page.contains("februari 2026") == false)
        #expect(page.contains("<time datetime=\"2023-03\">mars 2023</time>"))
        // A report is not an event: no Event markup for search engines.
        #expect(!page.contains("\"@type\":\"Event\""))
    }

    @Test func theForumShowsGroupsRolesProseSummaryQuestionsAndFootnotes() throws {
        let b = try Self.build()
        defer { b.site.cleanup() }
        let page = try b.read(Self.forum)
        #expect(page.contains("<time datetime=\"2026-02\">februari 2026</time>"))
        #expect(page.contains("<h3>Civilsamhället</h3>"))
        #expect(page.contains("<h3>Offentliga aktörer</h3>"))
        #expect(page.contains("Röda Korset</a> <span class=\"meta\">(observatör)</span>"))
        #expect(page.contains("id=\"sammanfattning-punkt-3\""))
        #expect(page.contains("id=\"fraga-1\""), "the question list's first item")
        #expect(page.contains("id=\"fraga-3\""), "an unnumbered question continues the numbering")
        #expect(page.contains("id=\"fraga-4-punkt-2\""), "a prose summary inside a question")
        #expect(page.contains("id=\"fotnot-1\""))
        #expect(!page.contains("[^1]"))
        let org = try b.read("organisationer/roda-korset/index.html")
        #expect(org.contains(": observatör</li>"))
        let data = try b.read("data/meetings.json")
        let meetings = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [[String: Any]])
        let forum = try #require(meetings.first { $0["slug"] as? String == "2026-02-samverkansforum" })
        let report = try #require(meetings.first { $0["slug"] as? String == "2023-03-forebygga-rekrytering" })
        #expect(forum["date"] as? String == "2026-02")
        let details = try #require(forum["participant_details"] as? [[String: Any]])
        #expect(details.first?["group"] as? String == "Civilsamhället")
        #expect(details.contains { $0["name"] as? String == "Röda Korset" && $0["role"] as? String == "observatör" })
        // The prose summary's paragraphs are the points of the forum's own summary.
        let points = try #require(forum["summary_points"] as? [[String: Any]])
        #expect(points.map { $0["id"] as? String } == ["sammanfattning-punkt-1", "sammanfattning-punkt-2", "sammanfattning-punkt-3"])
        #expect((points.first?["text"] as? String)?.hasPrefix("Forumet var det andra i den dialogstruktur") == true)
        #expect(points.first?["url"] as? String == "https://dokument.example.org/moten/2026-02-samverkansforum/#sammanfattning-punkt-1")
        #expect(report["speaker_turns"] as? [Any] != nil && (report["speaker_turns"] as? [Any])?.isEmpty == true, "a report has no speaker turns")
        #expect(report["type"] as? String == "report")
        #expect(report["authors"] as? [String] == ["Jonas Lind", "Eva Berg"])
        #expect((forum["footnotes"] as? [[String: Any]])?.first?["text"] as? String == "Enligt polisens egen sammanställning för 2025.")
        // Month dates sort after the full dates of their month: here simply newest first.
        #expect(data.range(of: "2026-02")!.lowerBound < data.range(of: "2023-03")!.lowerBound)
    }

    @Test func taggedSectionsReachTheirThemePage() throws {
        let b = try Self.build()
        defer { b.site.cleanup() }
        let theme = try b.read("teman/placerade-barn/index.html")
        #expect(theme.contains("href=\"/moten/2026-02-samverkansforum/#placerade-barn\""))
        #expect(theme.contains("Barn som bor på institution eller i familjehem beskrivs som särskilt lätta att nå för den som rekryterar."))
        #expect(!theme.contains("Det här tredje påståendet"))
        let samverkan = try b.read("teman/samverkan/index.html")
        #expect(samverkan.contains("Flera deltagare vill bli inbjudna"))
    }
}
