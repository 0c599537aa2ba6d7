import Foundation
import Testing
@testable import Samrad
import SamradCore
import SamradIndex

/// `paths:` in site.yml: a site renames its sections (`/meetings/` for `/moten/`) and
/// every link, feed, sitemap line, data URL and preview file follows.
@Suite("section paths from site.yml")
struct SectionPathTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let englishPaths = """
    paths:
      meetings: meetings
      themes: themes
      questions: questions
      ideas: ideas
      organizations: organisations
      search: search
      data: open-data
      accessibility: accessibility
      excerpts: excerpts

    """

    /// The example site (site.yml and content/ of the repository) in a throwaway folder,
    /// with `edit` applied to its site.yml.
    static func exampleSite(_ edit: (String) -> String) throws -> SiteFolder {
        let site = try SiteFolder([:])
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("content"), to: site.root.appendingPathComponent("content"))
        let yml = try String(contentsOf: repoRoot.appendingPathComponent("site.yml"), encoding: .utf8)
        try site.write("site.yml", edit(yml))
        return site
    }

    static func english(_ yml: String) -> String {
        yml.replacingOccurrences(of: "base_url: \"https://dialog.example.se/\"", with: "base_url: \"https://example.org/portal/\"")
            .replacingOccurrences(of: "language: sv", with: "language: en") + "\n" + englishPaths
    }

    /// Every link in the written HTML, feed, sitemap and JSON files that points into the
    /// site, resolved the way a web server at https://example.org/portal/ would.
    static func brokenLinks(in site: SiteFolder) -> [String] {
        let files = site.snapshot()
        var broken: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            guard let text = String(data: data, encoding: .utf8) else { continue }
            var links: [String]
            if path.hasSuffix(".html") {
                links = DeployedLinkCheck.attributeValues(text, names: [" href=\"", " src=\"", " action=\"", "data-page-url=\"", "data-filter-data=\""])
                    .map { $0.replacingOccurrences(of: "&amp;", with: "&") }
            } else if path.hasSuffix(".xml") {
                links = DeployedLinkCheck.attributeValues(text, names: [" href=\""]) + DeployedLinkCheck.elementTexts(text, "loc")
            } else if path.hasSuffix(".json"), !path.contains("/filter/") {
                links = DeployedLinkCheck.attributeValues(text, names: ["\"url\": \"", "\"url\":\""])
            } else {
                continue
            }
            for link in links {
                var url = Substring(link)
                if url.hasPrefix("https://example.org/portal/") { url = url.dropFirst("https://example.org".count) }
                guard url.hasPrefix("/") else { continue }
                guard url.hasPrefix("/portal/") else { broken.append("\(path): \(link) is outside /portal/"); continue }
                url = url.dropFirst("/portal/".count)
                if let cut = url.firstIndex(where: { $0 == "#" || $0 == "?" }) { url = url[..<cut] }
                guard var target = URLPath.decode(url) else { broken.append("\(path): \(link) is not decodable"); continue }
                // Folders the scripts add to: the filter data and the search index.
                if link.contains("/filter/") && (target.hasSuffix("filter/")) { target += "index.json" }
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                if target.hasPrefix("pagefind/") { continue }
                if files[target] == nil { broken.append("\(path): \(link) → no file \(target)") }
            }
        }
        return broken
    }

    @Test func anEnglishSiteUnderASubPathHasItsOwnAddressesAndEveryLinkWorks() throws {
        let site = try Self.exampleSite(Self.english)
        defer { site.cleanup() }
        // An attachment, published under the renamed meetings folder.
        try site.write("content/meetings/2023-09-14-gvi-civilsamhallet/program.pdf", "%PDF-1.4\n")
        let report = site.build()
        // The build checks every written link as deployed; none may be broken.
        #expect(!report.hasErrors, "\(report.errors)")
        #expect(!report.diagnostics.contains { $0.message.contains("paths") }, "\(report.diagnostics)")

        let files = site.snapshot()
        let top = Set(files.keys.compactMap { $0.split(separator: "/").count > 1 ? String($0.split(separator: "/")[0]) : nil })
        for swedish in ["moten", "teman", "fragor", "idebank", "organisationer", "sok", "tillganglighet", "data"] {
            #expect(!top.contains(swedish), "a folder still has its Swedish name: \(swedish)/")
        }
        for english in ["meetings", "themes", "questions", "ideas", "organisations", "search", "open-data", "accessibility"] {
            #expect(top.contains(english), "no \(english)/ folder")
        }
        #expect(site.exists("meetings/2023-09-14-gvi-civilsamhallet/program.pdf"))
        #expect(site.exists("open-data/meetings.json"))
        #expect(site.exists("ideas/idebank.csv"))
        #expect(site.exists("ideas/filter/index.json"))
        #expect(site.exists("questions/filter/index.json"))

        let broken = Self.brokenLinks(in: site)
        #expect(broken.isEmpty, "\(broken.prefix(20))")

        // No address the reader can follow keeps a Swedish section name.
        let start = try #require(site.read("index.html"))
        for swedish in ["/portal/moten/", "/portal/teman/", "/portal/fragor/", "/portal/idebank/", "/portal/organisationer/", "/portal/sok/", "/portal/tillganglighet/", "/portal/data/"] {
            #expect(!start.contains(swedish), "the start page links to \(swedish)")
        }
        #expect(start.contains("href=\"/portal/meetings/\""))
        #expect(start.contains("action=\"/portal/search/\""))
        #expect(start.contains("href=\"/portal/accessibility/\""))
        #expect(start.contains("href=\"/portal/open-data/\""))
        let meeting = try #require(site.read("meetings/2023-09-14-gvi-civilsamhallet/index.html"))
        #expect(meeting.contains("href=\"/portal/meetings/2023-09-14-gvi-civilsamhallet/program.pdf\""))
        #expect(meeting.contains("href=\"/portal/themes/"))
        #expect(!meeting.contains("/portal/teman/"))
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/portal/meetings/2023-09-14-gvi-civilsamhallet/</loc>"))
        #expect(!sitemap.contains("/portal/moten/"))
        let feed = try #require(site.read("feed.xml"))
        #expect(feed.contains("https://example.org/portal/meetings/"))
        #expect(!feed.contains("/portal/moten/"))
        let data = try #require(site.read("open-data/meetings.json"))
        #expect(data.contains("https://example.org/portal/meetings/2023-09-14-gvi-civilsamhallet/"))
        let themes = try #require(site.read("open-data/themes.json"))
        #expect(themes.contains("https://example.org/portal/themes/"))
    }

    @Test func searchIndexAndRecordsFollowTheMeetingsPath() {
        var paths = SectionPaths()
        paths[.meetings] = "meetings"
        paths[.themes] = "themes"
        #expect(SearchIndexer.isIndexed("meetings/x/index.html", pageSlugs: [], paths: paths))
        #expect(SearchIndexer.isIndexed("themes/x/index.html", pageSlugs: [], paths: paths))
        #expect(!SearchIndexer.isIndexed("moten/x/index.html", pageSlugs: [], paths: paths))
        #expect(SearchIndexer.glob(pageSlugs: ["om"], paths: paths) == "{meetings,themes,om}/**/*.html")
        #expect(paths.meetingSlug(inPath: "meetings/x/index.html") == "x")
        #expect(paths.meetingSlug(inPath: "moten/x/index.html") == nil)
    }

    @Test func theDefaultsWrittenOutGiveTheSameBytesAsNoPaths() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("content/meetings/2023-09-14-mote/karta.pdf", "%PDF-1.4\n")
        #expect(!site.build().hasErrors)
        let before = site.snapshot()
        #expect(before["moten/2023-09-14-mote/karta.pdf"] != nil)
        #expect(before["teman/samverkan/index.html"] != nil)
        #expect(before["tillganglighet/index.html"] != nil)
        let defaults = SectionPaths.Section.allCases.map { "  \($0.rawValue): \(SectionPaths.defaultSlug($0))\n" }.joined()
        try site.write("site.yml", SiteFolder.minimal["site.yml"]! + "paths:\n" + defaults)
        #expect(!site.build().hasErrors)
        let after = site.snapshot()
        #expect(before.keys.sorted() == after.keys.sorted())
        #expect(before.filter { after[$0.key] != $0.value }.keys.sorted() == [])
    }

    @Test func unknownKeysUnsafeSlugsAndSharedPathsAreReported() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("site.yml", """
        title: Testportalen
        base_url: https://example.org/portal/
        paths:
          meetngs: moten
          themes: ämnen
          questions: a/b
          ideas: assets
          organizations: meetings
          search: meetings
          data: moten
        """)
        let report = site.check()
        let unknown = try #require(report.warnings.first { $0.key == "diag_paths_unknown_close" })
        #expect(unknown.message.contains("'paths.meetngs'") && unknown.message.contains("did you mean 'meetings'"))
        #expect(unknown.location?.file == "site.yml" && unknown.location?.line == 4 && unknown.location?.column == 3)
        let unsafe = report.errors.filter { $0.key == "diag_paths_not_slug" }
        #expect(unsafe.map { $0.location?.line ?? 0 } == [5, 6, 7], "\(unsafe)")
        #expect(unsafe.first?.location?.column == 11)
        let shared = report.errors.filter { $0.key == "diag_paths_shared" }
        // search repeats organizations' path; data takes the meetings' default path.
        #expect(shared.map { $0.location?.line ?? 0 } == [9, 10], "\(shared)")
        #expect(shared.first?.message.contains("'organizations'") == true)
        #expect(shared.last?.message.contains("'meetings'") == true)
        // Said in Swedish for a Swedish site.
        #expect(shared.first?.message(in: .swedish).contains("redan är adressen") == true)
    }

    @Test func warningsNameTheConfiguredAddresses() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("site.yml", SiteFolder.minimal["site.yml"]! + "paths:\n  organizations: organisations\n  accessibility: accessibility\n")
        // Two listed names that make one address, and an unlisted spelling of a third.
        try site.write("content/organizations.yml", "- name: Ung & Trygg\n- name: Ung Trygg\n- name: Fryshuset\n- name: Polismyndigheten\n  aliases: [Polisen]\n")
        let report = site.check()
        let clash = try #require(report.warnings.first { $0.key == "diag_organization_address_clash" }, "\(report.warnings)")
        #expect(clash.message.contains("/organisations/ung-trygg/") && !clash.message.contains("/organisationer/"), "\(clash.message)")
        let statement = try #require(report.warnings.first { $0.key == "diag_accessibility_missing" })
        #expect(statement.message(in: .swedish).contains("/accessibility/") && !statement.message.contains("tillganglighet"), "\(statement.message)")
    }

    @Test func aPageOnASectionPathIsAnErrorAtThePage() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("site.yml", SiteFolder.minimal["site.yml"]! + "paths:\n  meetings: arkiv\n")
        try site.write("content/pages/arkiv.md", "---\ntitle: Arkiv\n---\n\nText.\n")
        try site.write("content/pages/moten.md", "---\ntitle: Möten\n---\n\nNu ledig adress.\n")
        let report = site.check()
        let clash = report.errors.filter { $0.key == "diag_page_on_section_path" }
        #expect(clash.count == 1, "\(report.errors)")
        #expect(clash.first?.location?.file == "content/pages/arkiv.md")
        #expect(clash.first?.message.contains("'meetings'") == true)
        // Without the clash the freed Swedish address is an ordinary page.
        try site.remove("content/pages/arkiv.md")
        #expect(!site.build().hasErrors)
        #expect(site.read("moten/index.html")?.contains("Nu ledig adress.") == true)
        #expect(site.exists("arkiv/2023-09-14-mote/index.html"))
    }

    @Test func thePreviewMovesEverythingWhenAPathChanges() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("content/meetings/2023-09-14-mote/karta.pdf", "%PDF-1.4\n")
        let session = SiteSession(options: BuildOptions(site: site.path, search: false))
        let first = session.update()
        #expect(first.contains("moten/2023-09-14-mote/karta.pdf"))
        try site.write("site.yml", SiteFolder.minimal["site.yml"]! + "paths:\n  meetings: meetings\n")
        let second = session.update(changed: ["site.yml"])
        #expect(!second.report.hasErrors, "\(second.report.errors)")
        #expect(second.contains("meetings/2023-09-14-mote/karta.pdf"))
        #expect(second.contains("meetings/2023-09-14-mote/index.html"))
        #expect(!second.contains("moten/2023-09-14-mote/index.html"))
        let fresh = SiteSession(options: BuildOptions(site: site.path, search: false)).update()
        #expect(second.paths.sorted() == fresh.paths.sorted())
        for path in fresh.paths where path.hasSuffix(".html") {
            guard case .text(let a)? = second.file(at: path), case .text(let b)? = fresh.file(at: path) else { continue }
            #expect(a == b, "\(path) differs from a full build")
        }
    }
}
