import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Samrad
import SamradAggregate
import SamradCore

/// The cross-meeting portal, checked against the model it was built from: on the
/// repository's example site and on a small fixture site.
@Suite("portal pages", .serialized)
struct PortalTests {
    /// `samrad build` exits right after building: the session that read the site and the
    /// site model go to `keep`, so neither is freed object by object on one thread (the
    /// session was, between link and render).
    @Test func buildHandsTheSessionAndTheModelToKeep() {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-keep-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var kept: [AnyObject] = []
        let report = Pipeline.build(BuildOptions(site: Self.repositoryRoot, output: output, search: false), keep: { kept.append($0) })
        #expect(report.wrote, "\(report.errors)")
        #expect(kept.contains { $0 is SiteSession } && kept.contains { $0 is SiteSnapshot }, "\(kept)")
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    struct Built {
        let output: String
        let index: SiteIndex
        func read(_ path: String) -> String? {
            FileManager.default.contents(atPath: output + "/" + path).map { String(decoding: $0, as: UTF8.self) }
        }
        /// Every page of the paginated list at `path` ("idebank/"): path, path/sida/2/, …
        func pages(_ path: String) -> [String] {
            var pages: [String] = []
            while let page = read(pages.isEmpty ? path + "index.html" : "\(path)sida/\(pages.count + 1)/index.html") { pages.append(page) }
            return pages
        }
    }

    static func build(_ site: String) throws -> Built {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-portal-\(UUID().uuidString)").path
        let options = BuildOptions(site: site, output: output, search: false)
        let rendered = Pipeline.render(options)
        #expect(!rendered.report.hasErrors, "\(rendered.report.errors)")
        let report = Pipeline.build(options)
        #expect(report.wrote)
        return Built(output: output, index: try #require(rendered.index))
    }

    static func count(_ needle: String, in text: String) -> Int { text.ranges(of: needle).count }

    func sites() throws -> [(String, SiteFolder?)] {
        let fixture = try SiteFolder()
        try fixture.write("content/meetings/2023-09-14-mote/postits.md", """
        ---
        title: Workshoppens lappar
        appendix: postits
        ---

        ## Nya behov #samverkan

        ### Strukturer

        - Nationella riktlinjer #tillit
        - Gemensam mall

        ## Goda exempel

        - Trygghetsvandringar #samarbete
        """)
        return [(Self.repositoryRoot, nil), (fixture.path, fixture)]
    }

    /// Every item tagged with a theme is in the theme's complete lists exactly once: its
    /// questions and summary points in teman/<slug>/fragor/ (on the theme page itself when
    /// they all fit there), its ideas in idebank/<slug>/, each over all of the list's pages.
    /// The theme page shows none twice.
    @Test func everyTaggedItemIsInItsThemesListsExactlyOnce() throws {
        for (path, fixture) in try sites() {
            defer { fixture?.cleanup() }
            let built = try Self.build(path)
            let index = built.index
            for slug in index.themeOrder {
                let page = try #require(built.read("teman/\(slug)/index.html"), "no page for theme \(slug)")
                let questionList = built.pages("teman/\(slug)/fragor/")
                let questionPages = questionList.isEmpty ? [page] : questionList
                let ideaPages = built.pages("idebank/\(slug)/")
                let stats = try #require(index.themes[slug])
                func expectOnce(_ href: String, in pages: [String], _ what: String) {
                    #expect(pages.reduce(0) { $0 + Self.count(href, in: $1) } == 1, "\(slug): \(what) \(href)")
                    #expect(Self.count(href, in: page) <= 1, "\(slug): \(what) twice on the theme page")
                }
                for ref in stats.questions {
                    let m = index.meeting(ref.meeting)
                    expectOnce("href=\"\(index.site.config.basePath)\(m.path)#\(index.question(ref).id)\"", in: questionPages, "question")
                }
                for ref in stats.summaryPoints {
                    let m = index.meeting(ref.meeting)
                    let point = try #require(index.summaryPoint(ref))
                    expectOnce("href=\"\(index.site.config.basePath)\(m.path)#\(point.id)\"", in: questionPages, "summary point")
                }
                for ref in stats.postIts {
                    let m = index.meeting(ref.meeting)
                    expectOnce("href=\"\(index.site.config.basePath)\(m.path)#\(index.postIt(ref).id)\"", in: ideaPages, "post-it")
                }
            }
        }
    }

    @Test func everyPostItIsInTheIdeaBankAndTheCSV() throws {
        for (path, fixture) in try sites() {
            defer { fixture?.cleanup() }
            let built = try Self.build(path)
            let bank = built.pages("idebank/").joined()
            let csvData = try #require(FileManager.default.contents(atPath: built.output + "/idebank/idebank.csv"))
            #expect(Array(csvData.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 BOM for Excel")
            let csv = String(decoding: csvData, as: UTF8.self)
            let refs = built.index.allPostIts
            #expect(!refs.isEmpty)
            // One header line plus one line per post-it (texts hold no line breaks here).
            #expect(csv.split(separator: "\r\n").count == refs.count + 1)
            for ref in refs {
                let p = built.index.postIt(ref)
                #expect(Self.count("#\(p.id)\"", in: bank) == 1, "idea bank lacks \(p.id)")
                #expect(csv.contains("#\(p.id)\r\n"), "CSV lacks \(p.id)")
            }
            // Static per-theme lists exist for every theme with ideas.
            for slug in built.index.themeOrder where !(built.index.themes[slug]?.postIts.isEmpty ?? true) {
                #expect(built.read("idebank/\(slug)/index.html") != nil)
            }
        }
    }

    @Test func everyParticipantHasAPageListingExactlyItsMeetings() throws {
        let built = try Self.build(Self.repositoryRoot)
        let index = built.index
        let base = index.site.config.basePath
        var expected: [String: Set<String>] = [:]
        for linked in index.site.meetings {
            for org in linked.participants { expected[org, default: []].insert(linked.path) }
        }
        #expect(!expected.isEmpty)
        let allMeetingPaths = index.site.meetings.map(\.path)
        for (org, meetings) in expected {
            let page = built.pages("organisationer/\(org)/").joined()
            #expect(!page.isEmpty, "no page for \(org)")
            for path in allMeetingPaths {
                let listed = page.contains("href=\"\(base)\(path)\"")
                #expect(listed == meetings.contains(path), "\(org): \(path) listed=\(listed)")
            }
        }
    }

    @Test func listingsSortSwedishAndShowSwedishDates() throws {
        let built = try Self.build(Self.repositoryRoot)
        let orgs = try #require(built.read("organisationer/index.html"))
        // Letters in the index follow the Swedish alphabet: Å, Ä, Ö come after Z.
        let letters = orgs.ranges(of: "<h2 id=\"bokstav-").map { r -> String in
            let rest = orgs[r.upperBound...]
            let start = try? #require(rest.firstIndex(of: ">"))
            return start.map { String(rest[rest.index(after: $0)...].prefix(1)) } ?? ""
        }
        #expect(letters == letters.sortedSwedish(by: { $0 }))
        #expect(SwedishCollation.less("Zeta", "Åsa") && SwedishCollation.less("Åsa", "Ärla") && SwedishCollation.less("Ärla", "Örn"))
        let meeting = try #require(built.read("moten/2023-09-14-gvi-civilsamhallet/index.html"))
        #expect(meeting.contains("14 september 2023"))
    }

    @Test func feedAndSitemapAreXMLAndListWhatTheyShould() throws {
        let built = try Self.build(Self.repositoryRoot)
        let index = built.index
        for file in ["feed.xml", "sitemap.xml"] {
            let data = try #require(FileManager.default.contents(atPath: built.output + "/" + file))
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(file) is not well-formed XML: \(String(describing: parser.parserError))")
        }
        let feed = try #require(built.read("feed.xml"))
        #expect(Self.count("<entry>", in: feed) == Swift.min(50, index.site.meetings.count))
        for linked in index.site.meetings.prefix(50) {
            #expect(feed.contains("<id>\(index.site.config.absoluteURL(linked.path))</id>"))
        }
        let sitemap = try #require(built.read("sitemap.xml"))
        for path in ["", "moten/", "teman/", "fragor/", "idebank/", "organisationer/"] + index.site.meetings.map(\.path)
            + index.themeOrder.map({ "teman/\($0)/" }) {
            #expect(sitemap.contains("<loc>\(index.site.config.absoluteURL(path))</loc>"), "sitemap lacks \(path)")
        }
        #expect(built.read("robots.txt")?.contains("Sitemap: \(index.site.config.absoluteURL("sitemap.xml"))") == true)
    }

    @Test func openDataFilesParseAndMatchTheModel() throws {
        let built = try Self.build(Self.repositoryRoot)
        let index = built.index
        func load(_ name: String) throws -> [[String: Any]] {
            let data = try #require(FileManager.default.contents(atPath: built.output + "/data/" + name))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        }
        let meetings = try load("meetings.json")
        #expect(meetings.map { $0["slug"] as? String } == index.site.meetings.map(\.meeting.slug))
        let questions = try load("questions.json")
        #expect(questions.count == index.site.meetings.reduce(0) { $0 + $1.meeting.questions.count })
        #expect(questions.allSatisfy { ($0["url"] as? String)?.contains("#") == true })
        let ideas = try load("ideas.json")
        #expect(ideas.count == index.allPostIts.count)
        let themes = try load("themes.json")
        #expect(Set(themes.compactMap { $0["slug"] as? String }) == Set(index.themeOrder))
        _ = try load("organizations.json")
    }

    @Test func sitesUnderASubPathLinkWithinIt() throws {
        let fixture = try SiteFolder()
        defer { fixture.cleanup() }
        _ = fixture.build()
        let page = try #require(fixture.read("moten/2023-09-14-mote/index.html"))
        #expect(page.contains("href=\"/portal/assets/style.css\""))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/portal/moten/2023-09-14-mote/\">"))
        #expect(!page.contains("href=\"/moten/"), "no link may skip the base path")
        #expect(page.contains("\"@type\":\"Event\""))
    }

    @Test func chartsHaveTextAlternativesAndTables() throws {
        let built = try Self.build(Self.repositoryRoot)
        let themes = try #require(built.read("teman/index.html"))
        #expect(themes.contains("<svg class=\"heat-map\" role=\"img\" aria-labelledby=\"heatmap-titel heatmap-besk\""))
        #expect(themes.contains("<caption>Möten och seminarier per tema och år</caption>"))
        let meetings = try #require(built.read("moten/index.html"))
        // The example site holds a seminar (a transcript): the chart counts documents of both types.
        #expect(meetings.contains("<title id=\"chart-ar-titel\">Möten och seminarier per år</title>"))
        #expect(meetings.contains("<caption>Möten och seminarier per år</caption>"))
    }
}
