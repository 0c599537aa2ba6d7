import Foundation
import Testing
@testable import Samrad
import SamradIndex

@Suite("search indexing in the build", .serialized)
struct SearchBuildTests {
    @Test func missingPagefindStillBuildsAndSaysSo() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        setenv("PAGEFIND_BINARY_PATH", "/nonexistent/pagefind", 1)
        defer { unsetenv("PAGEFIND_BINARY_PATH") }
        let report = Pipeline.build(BuildOptions(site: site.path, search: true))
        #expect(!report.hasErrors)
        #expect(report.wrote)
        #expect(!report.searchIndexed)
        #expect(report.searchWarning?.contains("pip install pagefind-bin") == true)
        #expect(!site.exists("pagefind/pagefind.js"))
        let page = try #require(site.read("sok/index.html"))
        #expect(page.contains("data-search-disabled"))
        #expect(page.contains("Sökning finns inte i den här versionen"))
        #expect(!page.contains("assets/search.js"))
    }

    @Test func noSearchFlagSkipsIndexing() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let report = site.build()
        #expect(report.searchWarning == nil)
        #expect(!site.exists("pagefind"))
    }

    @Test func meetingPagesCarrySearchFilters() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        _ = site.build()
        let page = try #require(site.read("moten/2023-09-14-mote/index.html"))
        #expect(page.contains("data-pagefind-body"))
        #expect(page.contains("data-pagefind-filter=\"år:2023\""))
        #expect(page.contains("data-pagefind-filter=\"typ:dialogmöte\""))
        #expect(page.contains("data-pagefind-filter=\"tema:Samverkan\""), "themes from tags count, not only front matter")
        #expect(page.contains("data-pagefind-filter=\"tema:Tillit\""))
        #expect(page.contains("data-pagefind-filter=\"organisation:Fryshuset\""))
        // Listing pages are left out of the index so hits land on the meeting itself.
        #expect(site.read("moten/index.html")?.contains("data-pagefind-body") == false)
    }

    @Test(.enabled(if: SearchIndexer.locate() != nil))
    func pagefindIndexesTheSite() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let report = Pipeline.build(BuildOptions(site: site.path, search: true))
        #expect(report.searchIndexed, "\(report.searchWarning ?? "")")
        #expect(site.exists("pagefind/pagefind.js"))
        #expect(site.read("sok/index.html")?.contains("assets/search.js") == true)
    }
}
