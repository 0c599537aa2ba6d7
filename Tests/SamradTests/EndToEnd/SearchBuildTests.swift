#if canImport(Glibc)
import Glibc
#endif
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
        // The note for a reader who asks why search is missing is in the site's language.
        #expect(site.read("search-status.txt") == "sökindexet saknas: Pagefind var inte installerat när webbplatsen byggdes\n")
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

    @Test func meetingFiltersGoToPagefindNotOnThePage() throws {
        var files = SiteFolder.minimal
        files["content/meetings/2024-03-01-rapport.md"] = "---\ntitle: En rapport\ndate: 2024-03-01\ntype: report\n---\n\nText.\n"
        let site = try SiteFolder(files)
        defer { site.cleanup() }
        let rendered = Pipeline.render(BuildOptions(site: site.path, output: nil, search: true))
        let index = try #require(rendered.index)
        let records = SearchRecords(index)
        let path = "moten/2023-09-14-mote/index.html"
        let i = try #require(records.meeting(atPath: path))
        let file = try #require(rendered.files.first { $0.path == path })
        guard case .text(let page) = file.content else { Issue.record("meeting page is not text"); return }
        #expect(page.contains("data-pagefind-body"))
        // ~3 KB a page of hidden spans at 20 organisations: not on the page any more.
        #expect(!page.contains("data-pagefind-filter"))
        let filters = records.filters(meeting: i)
        #expect(filters.map(\.key) == ["år", "typ", "tema", "organisation"])
        #expect(filters.first { $0.key == "tema" }?.values.contains("Samverkan") == true, "themes from tags count, not only front matter")
        // What Pagefind reads carries every value, with the page's words and no shell.
        let indexed = records.indexedPage(page, path: path)
        #expect(indexed.contains("data-pagefind-filter=\"år:2023\""))
        #expect(indexed.contains("data-pagefind-filter=\"typ:dialogmöte\""))
        #expect(indexed.contains("data-pagefind-filter=\"tema:Samverkan\""))
        #expect(indexed.contains("data-pagefind-filter=\"tema:Tillit\""))
        #expect(indexed.contains("data-pagefind-filter=\"organisation:Fryshuset\""))
        #expect(indexed.contains("data-pagefind-filter=\"organisation:Polismyndigheten\""), "by the organisation's name, not the alias")
        #expect(indexed.contains("<h1>") && indexed.contains("data-pagefind-body"))
        #expect(!indexed.contains("<head>") && !indexed.contains("<title>") && !indexed.contains("site-footer") && !indexed.contains("application/ld+json"))
        #expect(indexed.utf8.count < page.utf8.count)
        // A report without `kind` is filtered by the label its page shows.
        let report = try #require(records.meeting(atPath: "moten/2024-03-01-rapport/index.html"))
        #expect(records.filters(meeting: report).first { $0.key == "typ" }?.values == ["Rapport"])
        let reportFile = try #require(rendered.files.first { $0.path == "moten/2024-03-01-rapport/index.html" })
        guard case .text(let reportPage) = reportFile.content else { Issue.record("report page is not text"); return }
        #expect(reportPage.contains("<p class=\"kind-label\">Rapport</p>"))
        // Listing pages are left out of the index so hits land on the meeting itself.
        let list = try #require(rendered.files.first { $0.path == "moten/index.html" })
        guard case .text(let listPage) = list.content else { Issue.record("list page is not text"); return }
        #expect(!listPage.contains("data-pagefind-body"))
    }

    /// `mainContent` on the bytes cuts where Foundation's `range(of:)` cut: the pages
    /// samrad writes, Swedish text around the markup, `<main>` without attributes, a page
    /// with two `</main>` (the last counts), and pages it sends whole.
    @Test func mainContentCutsWhereFoundationsSearchCut() {
        func foundation(_ html: String) -> String {
            guard let open = html.range(of: "<main"), let close = html.range(of: "</main>", options: .backwards),
                  open.upperBound <= close.lowerBound,
                  let tagEnd = html[open.upperBound..<close.lowerBound].firstIndex(of: ">") else { return html }
            let next = html[open.upperBound]
            guard next == " " || next == ">" || next == "\n" else { return html }
            return "<html><body>\n" + html[html.index(after: tagEnd)..<close.lowerBound] + "</body></html>\n"
        }
        let pages = [
            "<html><head><title>Möte</title></head><body><header>Å</header><main id=\"main\" tabindex=\"-1\">\n<h1>Ärende</h1><p>Text 😀 é</p>\n</main><footer>Ö</footer></body></html>",
            "<main>x</main>", "<main\nid=\"m\">ä</main>ö", "<main>a</main><main>b</main>", "<mainx>a</main>", "<main id=\"m\"</main>",
            "</main><main>", "<main>", "</main>", "ingen main här", "<main>å</main >", "",
        ]
        for page in pages { #expect(SearchRecords.mainContent(page) == foundation(page), "\(page)") }
        #expect(SearchRecords.mainContent(pages[0]) != pages[0], "the cut is made")
    }

    @Test func aPageWithoutMainIsSentWhole() {
        let page = "<html><body><article data-pagefind-body><h1>T</h1></article></body></html>"
        #expect(SearchRecords.mainContent(page) == page)
        #expect(SearchRecords.mainContent("<html><head><title>T</title></head><body><header>H</header><main id=\"main\">\n<p>Text</p>\n</main><footer>F</footer></body></html>")
                == "<html><body>\n\n<p>Text</p>\n</body></html>\n")
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
        let indexed = records.indexedPage(html, path: "moten/2023-09-14-mote/index.html")
        #expect(indexed.contains("<h6 id=\"\(anchor)\">Öppna skolgårdarna på kvällarna för cykelreparationer"))
        #expect(indexed.contains(">Tid och resurser</h6>"))
        #expect(indexed.contains("</h6>\n</section>\n</article>") && indexed.hasSuffix("</body></html>\n"))
    }

    /// Pagefind's one thread reads every byte it is sent: it gets the page's words,
    /// headings with their ids and search data, not the markup or what repeats.
    @Test func theIndexedCopyIsLeanButKeepsEveryHeadingAndWord() throws {
        let site = try Self.siteWithPostIts()
        defer { site.cleanup() }
        let rendered = Pipeline.render(BuildOptions(site: site.path, output: nil, search: true))
        let records = SearchRecords(try #require(rendered.index))
        let path = "moten/2023-09-14-mote/index.html"
        let file = try #require(rendered.files.first { $0.path == path })
        guard case .text(let page) = file.content else { Issue.record("meeting page is not text"); return }
        let indexed = records.indexedPage(page, path: path)
        // Navigation, the table of contents and the theme tags (filters already) are gone.
        #expect(page.contains("id=\"innehall\"") && !indexed.contains("innehall"), "table of contents")
        #expect(page.contains("/teman/tillit/\">Tillit</a>") && !indexed.contains(">Tillit<"), "theme tags")
        #expect(page.contains("/teman/samverkan/\">Samverkan</a>") && !indexed.contains(">Samverkan<"), "a question's theme tags")
        for markup in ["href=", "class=", "aria-", "<nav", "<a ", "hidden", "<header"] {
            #expect(!indexed.contains(markup), "\(markup) is in what Pagefind reads")
        }
        // Every heading and anchor a hit can land on, and every word.
        for heading in ["<h1>Dialogmöte om samverkan</h1>", "<h2 id=\"rundabordssamtal-1\">Rundabordssamtal 1</h2>",
                        "<h3 id=\"fraga-1\">Fråga 1 Vad behövs?</h3>", "<h2 id=\"deltagare-rubrik\">Deltagare</h2>",
                        "<h6 id=\"fraga-1-punkt-1\">Tid och resurser</h6>",
                        "<h6 id=\"postit-lokaler-1\">Öppna skolgårdarna på kvällarna för cykelreparationer</h6>",
                        "<h6 id=\"postit-lokaler-2\">Fler bänkar vid busshållplatsen</h6>"] {
            #expect(indexed.contains(heading), "\(heading) is missing")
        }
        for words in ["dialogmöte", "Ett möte om samverkan.", "14 september 2023", "Dialogrådet", "Malmö",
                      "Diskussionen handlade om tid.", "Fryshuset", "Polismyndigheten"] {
            #expect(indexed.contains(words), "\(words) is missing")
        }
        #expect(indexed.contains("<article data-pagefind-body data-pagefind-meta=\"datum:14 september 2023\" data-pagefind-sort=\"date:2023-09-14\">"))
        #expect(indexed.contains("<span data-pagefind-meta=\"date:2023-09-14\"></span>"))
        #expect(indexed.utf8.count * 2 < SearchRecords.mainContent(page).utf8.count, "\(indexed.utf8.count) bytes")
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
            .components(separatedBy: "<li class=\"postit\" id=\"").dropFirst().first?.prefix { $0 != "\"" })
        let fragments = site.snapshot(site.output + "/pagefind").filter { $0.key.hasPrefix("fragment/") }.values
        let texts = fragments.compactMap { try? gunzip($0) }.map { String(decoding: $0, as: UTF8.self) }
        #expect(texts.contains { $0.contains("\"id\":\"\(anchor)\"") && $0.contains("cykelreparationer") },
                "no fragment has the post-it #\(anchor) as an anchor")
        // The meeting's filters and title, given with the inside of <main> only, are what
        // the hidden spans on the whole page gave: år, typ, every theme, every participant.
        let meetingFragments = texts.compactMap { text -> [String: Any]? in
            // A fragment is Pagefind's signature, then the JSON.
            guard let brace = text.firstIndex(of: "{") else { return nil }
            let json = try? JSONSerialization.jsonObject(with: Data(text[brace...].utf8)) as? [String: Any]
            return json?["url"] as? String == "/moten/2023-09-14-mote/" ? json : nil
        }
        let meetingFragment = try #require(meetingFragments.first)
        let filters = try #require(meetingFragment["filters"] as? [String: [String]])
        #expect(filters.mapValues { $0.sorted() } == ["år": ["2023"], "typ": ["dialogmöte"], "tema": ["Samverkan", "Tillit"],
                                                      "organisation": ["Fryshuset", "Polismyndigheten"]])
        // Its words are the page's, without the theme tags (the tema filter has them).
        let content = try #require(meetingFragment["content"] as? String)
        #expect(content.contains("Diskussionen handlade om tid.") && content.contains("Malmö"), "\(content)")
        #expect(!content.contains("Tillit.") && !content.contains("Samverkan."), "\(content)")
        let meta = try #require(meetingFragment["meta"] as? [String: String])
        #expect(meta["title"] == "Dialogmöte om samverkan")
        #expect(meta["datum"] == "14 september 2023" && meta["date"] == "2023-09-14")
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

    @Test(.enabled(if: SearchIndexer.locate() != nil))
    func anIndexInTwoPartsHasEveryPageOnceAndIsTheSameEachBuild() throws {
        let site = try Self.siteWithPostIts()
        defer { site.cleanup() }
        func pageCount(_ entry: String) throws -> Int {
            let text = try #require(site.read(entry))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return try #require(((json["languages"] as? [String: Any])?["sv"] as? [String: Any])?["page_count"] as? Int)
        }
        var one = BuildOptions(site: site.path, search: true)
        one.searchParts = 1
        #expect(Pipeline.build(one).searchIndexed)
        #expect(!site.exists("pagefind/2"))
        // The search page says how many indexes to merge: its script asks the host nothing.
        #expect(site.read("sok/index.html")?.contains(#"data-search-parts="1""#) == true)
        let whole = try pageCount("pagefind/pagefind-entry.json")
        func urls(_ files: [String: Data]) -> [String] {
            files.filter { $0.key.contains("fragment/") }.values.compactMap { data -> String? in
                let text = String(decoding: (try? gunzip(data)) ?? Data(), as: UTF8.self)
                guard let brace = text.firstIndex(of: "{") else { return nil }
                return (try? JSONSerialization.jsonObject(with: Data(text[brace...].utf8)) as? [String: Any])?["url"] as? String
            }.sorted()
        }
        let wholeURLs = urls(site.snapshot(site.output + "/pagefind"))

        var two = BuildOptions(site: site.path, search: true)
        two.searchParts = 2
        let report = Pipeline.build(two)
        #expect(report.searchIndexed, "\(report.searchWarning?.message ?? "")")
        // Each part holds pages; together they hold every page once.
        let first = try pageCount("pagefind/pagefind-entry.json"), second = try pageCount("pagefind/2/pagefind-entry.json")
        #expect(first >= 1 && second >= 1 && first + second == whole, "\(first) + \(second) pages, one index has \(whole)")
        let parts = site.snapshot(site.output + "/pagefind")
        #expect(site.read("sok/index.html")?.contains(#"data-search-parts="2""#) == true)
        #expect(urls(parts) == wholeURLs)
        #expect(parts.keys.contains { $0.hasPrefix("2/fragment/") } && parts.keys.contains { $0.hasPrefix("fragment/") })
        // The pages go to the parts in a fixed order, so both come out the same every build.
        #expect(Pipeline.build(two).searchIndexed)
        let ordered = { (files: [String: Data]) in files.filter { $0.key.contains("fragment/") || $0.key.contains("index/") } }
        #expect(ordered(site.snapshot(site.output + "/pagefind")) == ordered(parts), "the parts are the same on every build")
        // A site this small gets one index unless asked.
        #expect(Pipeline.searchParts(BuildOptions(site: site.path), meetings: 1) == 1)
        #expect(Pipeline.searchParts(BuildOptions(site: site.path), meetings: Pipeline.splitSearchFrom)
                == (ProcessInfo.processInfo.activeProcessorCount > 1 ? 2 : 1))
    }

    @Test func aFailingPagefindInTwoPartsIsAWarning() throws {
        let site = try Self.siteWithPostIts()
        defer { site.cleanup() }
        let report = try Self.build(site, withPagefind: "#!/bin/sh\nexit 3\n", parts: 2)
        #expect(report.wrote && !report.searchIndexed && !report.hasErrors)
        #expect(!site.exists("pagefind"))
    }

    /// Builds `site` with search, Pagefind being a shell script with `script` as its text.
    static func build(_ site: SiteFolder, withPagefind script: String, parts: Int? = nil) throws -> BuildReport {
        let fake = site.root.appendingPathComponent("fake-pagefind")
        try Data(script.utf8).write(to: fake)
        chmod(fake.path, 0o755)
        setenv("PAGEFIND_BINARY_PATH", fake.path, 1)
        defer { unsetenv("PAGEFIND_BINARY_PATH") }
        var options = BuildOptions(site: site.path, search: true)
        options.searchParts = parts
        return Pipeline.build(options)
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

/// Gzip's deflate stream unpacked by gzip(1), for reading Pagefind's files. Spawned and
/// waited for directly (files, not pipes): Foundation's `Process.waitUntilExit` sometimes
/// never returned here while the preview under test ran its own processes.
func gunzip(_ data: Data) throws -> Data {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-gunzip-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in.gz").path, output = folder.appendingPathComponent("out").path
    try data.write(to: URL(fileURLWithPath: input))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let words: [String] = ["/bin/gzip", "-dc", input]
    let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/bin/gzip", &actions, nil, argv, environ) == 0 else {
        throw CocoaError(.fileReadUnknown)
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return try Data(contentsOf: URL(fileURLWithPath: output))
}
