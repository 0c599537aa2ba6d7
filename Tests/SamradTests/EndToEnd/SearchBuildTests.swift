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
        #expect(report.searchWarning?.message.contains("pip install pagefind-bin") == true)
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
        #expect(report.searchIndexed, "\(report.searchWarning?.message ?? "")")
        #expect(site.exists("pagefind/pagefind.js"))
        #expect(site.read("sok/index.html")?.contains("assets/search.js") == true)
    }
}

/// The index stage: post-its, questions and summary points on their anchors, streamed to
/// Pagefind's service while pages render (SearchRecords, SearchStream, PagefindService).
/// In the suite above: these tests set PAGEFIND_BINARY_PATH, which every build reads.
extension SearchBuildTests {
    static func siteWithPostIts() throws -> SiteFolder {
        var files = SiteFolder.minimal
        files["content/meetings/2023-09-14-mote/postits.md"] = """
        ---
        title: "Bilaga: Post-it-lappar"
        appendix: postits
        ---

        ## Idéer

        ### Lokaler

        - Öppna skolgårdarna på kvällarna för cykelreparationer #samverkan
        - Fler bänkar vid busshållplatsen
        """
        return try SiteFolder(files)
    }

    @Test func everyPostItQuestionAndPointIsARecordOnItsAnchor() throws {
        let site = try Self.siteWithPostIts()
        defer { site.cleanup() }
        let rendered = Pipeline.render(BuildOptions(site: site.path, output: nil, search: true))
        let index = try #require(rendered.index)
        let records = SearchRecords(index)
        let i = try #require(records.meeting(atPath: "moten/2023-09-14-mote/index.html"))
        let all = records.records(meeting: i)
        let ideas = all.filter { $0.filters["slag"] == [SearchRecords.Kind.idea] }
        #expect(ideas.count == 2)
        let first = try #require(ideas.first)
        #expect(first.content.hasPrefix("Öppna skolgårdarna på kvällarna för cykelreparationer"))
        #expect(first.url.hasPrefix("/moten/2023-09-14-mote/#"))
        let anchor = String(first.url.split(separator: "#").last ?? "")
        let page = try #require(rendered.files.first { $0.path == "moten/2023-09-14-mote/index.html" })
        guard case .text(let html) = page.content else { Issue.record("meeting page is not text"); return }
        #expect(html.contains("id=\"\(anchor)\""), "the record lands on the post-it's anchor")
        #expect(first.filters["tema"] == ["Samverkan"])
        #expect(first.filters["år"] == ["2023"])
        #expect(first.filters["typ"] == ["dialogmöte"])
        #expect(first.filters["organisation"] == nil, "a filter file of its own per item would be megabytes")
        #expect(first.meta["kategori"] == "Idéer › Lokaler")
        #expect(first.sort["ordning"] == "0")
        #expect(ideas.last?.sort["ordning"] == "1")
        let questions = all.filter { $0.filters["slag"] == [SearchRecords.Kind.question] }
        #expect(questions.count == 1)
        #expect(questions.first?.meta["title"]?.hasPrefix("Fråga 1") == true)
        let points = all.filter { $0.filters["slag"] == [SearchRecords.Kind.summaryPoint] }
        #expect(points.map(\.content) == ["Tid och resurser", "Tillit mellan parterna"])
        for record in all {
            let id = String(record.url.split(separator: "#").last ?? "")
            #expect(html.contains("id=\"\(id)\""), "\(record.url) has no anchor on the page")
        }
        // The items' own words are left out of the page's index: they are records.
        #expect(html.contains("class=\"board\"") && html.contains("data-pagefind-ignore>"))
        #expect(records.meeting(atPath: "moten/index.html") == nil)
        // What Pagefind reads: the items once more, as headings on their anchors.
        let indexed = records.indexedPage(html, meeting: i)
        #expect(indexed.contains("<h6 id=\"\(anchor)\">Öppna skolgårdarna på kvällarna för cykelreparationer"))
        #expect(indexed.contains(">Tid och resurser</h6>"))
        #expect(indexed.count > html.count && indexed.hasSuffix(html.suffix(200)))
    }

    @Test(.enabled(if: SearchIndexer.locate() != nil))
    func streamedIndexHoldsPagesAndRecordsAndIsTheSameEachBuild() throws {
        let site = try Self.siteWithPostIts()
        defer { site.cleanup() }
        let report = Pipeline.build(BuildOptions(site: site.path, search: true))
        #expect(report.searchIndexed, "\(report.searchWarning?.message ?? "")")
        let entry = try #require(site.read("pagefind/pagefind-entry.json"))
        // The pages only: post-its and points are headings inside their meeting's page.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(entry.utf8)) as? [String: Any])
        let sv = try #require((json["languages"] as? [String: Any])?["sv"] as? [String: Any])
        let count = try #require(sv["page_count"] as? Int)
        #expect(count >= 2, "\(count) pages indexed")
        // The meeting's fragment carries the post-it as a heading on its anchor.
        let anchor = try #require(site.read("moten/2023-09-14-mote/index.html")?
            .components(separatedBy: "<li class=\"postit color-").dropFirst().first?
            .components(separatedBy: "id=\"").dropFirst().first?.prefix { $0 != "\"" })
        let fragments = site.snapshot(site.output + "/pagefind").filter { $0.key.hasPrefix("fragment/") }.values
        let texts = fragments.compactMap { try? gunzip($0) }.map { String(decoding: $0, as: UTF8.self) }
        #expect(texts.contains { $0.contains("\"id\":\"\(anchor)\"") && $0.contains("cykelreparationer") },
                "no fragment has the post-it #\(anchor) as an anchor")
        let first = site.snapshot(site.output + "/pagefind")
        let again = Pipeline.build(BuildOptions(site: site.path, search: true))
        #expect(again.searchIndexed)
        let second = site.snapshot(site.output + "/pagefind")
        // Pages and records go to Pagefind in the same order every build, so its pages
        // and words come out the same. (Pagefind's filter files, and the metadata naming
        // them, differ between runs of its own CLI on the same folder as well.)
        let ordered = { (files: [String: Data]) in files.filter { $0.key.hasPrefix("fragment/") || $0.key.hasPrefix("index/") } }
        #expect(ordered(first).count >= 4)
        #expect(ordered(first) == ordered(second), "the index is the same on every build")
    }

    /// Builds `site` with search, Pagefind being a shell script with `script` as its text.
    static func build(_ site: SiteFolder, withPagefind script: String) throws -> BuildReport {
        let fake = site.root.appendingPathComponent("fake-pagefind")
        try Data(script.utf8).write(to: fake)
        chmod(fake.path, 0o755)
        setenv("PAGEFIND_BINARY_PATH", fake.path, 1)
        defer { unsetenv("PAGEFIND_BINARY_PATH") }
        return Pipeline.build(BuildOptions(site: site.path, search: true))
    }

    @Test func aFailingPagefindIsAWarning() throws {
        let site = try Self.siteWithPostIts()
        defer { site.cleanup() }
        let report = try Self.build(site, withPagefind: "#!/bin/sh\nexit 3\n")
        #expect(!report.hasErrors)
        #expect(report.wrote)
        #expect(!report.searchIndexed)
        #expect(report.searchWarning?.message.contains("Pagefind failed") == true, "\(report.searchWarning?.message ?? "")")
        #expect(!site.exists("pagefind/pagefind.js"))
        #expect(site.exists("moten/2023-09-14-mote/index.html"))
    }

    @Test func aPagefindThatDiesMidwayIsAWarning() throws {
        let site = try Self.siteWithPostIts()
        defer { site.cleanup() }
        // Answers the first message as a service would, then stops reading.
        let answer = Data(#"{"message_id":1,"payload":{"type":"NewIndex","index_id":0}}"#.utf8).base64EncodedString()
        let report = try Self.build(site, withPagefind: "#!/bin/sh\nhead -c 10 >/dev/null\nprintf '%s,' '\(answer)'\nexit 0\n")
        #expect(!report.hasErrors)
        #expect(report.wrote)
        #expect(!report.searchIndexed)
        #expect(report.searchWarning?.message.contains("Pagefind failed") == true, "\(report.searchWarning?.message ?? "")")
        #expect(!site.exists("pagefind"))
    }
}

/// Gzip's deflate stream unpacked with zlib through gzip(1), for reading Pagefind's files.
func gunzip(_ data: Data) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-dc"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(data)
    try input.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return out
}
