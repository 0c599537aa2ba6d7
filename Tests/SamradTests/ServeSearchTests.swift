#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Hummingbird
import SamradIndex
import Testing
@testable import Samrad
@testable import SamradServe

/// Pagefind in the preview: indexed after the first build, served from memory.
@Suite("serve: search in the preview", .serialized)
struct ServeSearchTests {
    static var pagefind: String? { ServedSite.pagefind?.path }

    @Test(.enabled(if: pagefind != nil, "Pagefind is not installed"))
    func pagefindIndexIsServed() async throws {
        let site = try await ServedSite.start(search: true)
        do {
            var entry = try await site.get("/pagefind/pagefind-entry.json")
            let deadline = Date().addingTimeInterval(60)
            while entry.status != 200 && deadline.timeIntervalSinceNow > 0 {
                try await Task.sleep(for: .milliseconds(200))
                entry = try await site.get("/pagefind/pagefind-entry.json")
            }
            #expect(entry.status == 200)
            #expect(entry.header("content-type") == "application/json; charset=utf-8")
            let script = try await site.get("/pagefind/pagefind.js")
            #expect(script.status == 200)
            #expect(script.header("content-type") == "text/javascript; charset=utf-8")
            // The language's metadata file named in the entry point is there, as binary.
            let json = try #require(try JSONSerialization.jsonObject(with: Data(entry.body)) as? [String: Any])
            let languages = try #require(json["languages"] as? [String: [String: Any]])
            let hash = try #require(languages.values.first?["hash"] as? String)
            // Pagefind 1.x: {"languages": {"sv": {"hash": "sv_1a2b3c", …}}} → pagefind.sv_1a2b3c.pf_meta
            let meta = try await site.get("/pagefind/pagefind.\(hash).pf_meta")
            #expect(meta.status == 200)
            #expect(meta.header("content-type") == "application/octet-stream")
            #expect(site.messages.all.contains { $0.hasPrefix("sökindexet är klart") }, "a Swedish site hears Swedish: \(site.messages.all)")
            // The search page is rendered with its search UI, not the "no search" notice.
            let searchPage = try await site.get("/sok/")
            #expect(searchPage.status == 200)
            #expect(searchPage.text.contains("data-search-results"))
            #expect(!searchPage.text.contains("data-search-disabled"))
        } catch {
            try await site.stop()
            throw error
        }
        try await site.stop()
    }

    // MARK: - Re-indexing only what changed

    static let readyPrefix = "sökindexet är klart"
    static let failedPrefix = "warning: ingen sökning i förhandsvisningen"
    static let firstPath = "/moten/2024-05-02-samtal/"
    static let secondPath = "/moten/2024-06-10-andra/"
    static let secondFile = "content/meetings/2024-06-10-andra.md"

    @Test(.enabled(if: pagefind != nil, "Pagefind is not installed"))
    func theSearchPageOfALargeSiteMergesNothingInThePreview() async throws {
        // A build splits the index of a site this large in two; the preview keeps one
        // service and one index, so its search page must not ask for a second.
        var files = ServedSite.files
        for day in 0 ..< Pipeline.splitSearchFrom {
            let date = String(format: "%04d-%02d-%02d", 2000 + day / 336, day / 28 % 12 + 1, day % 28 + 1)
            files["content/meetings/\(date)-samtal.md"] = ServedSite.meeting(title: "Samtal \(day)", date: date)
        }
        #expect(Pipeline.searchParts(BuildOptions(site: "."), meetings: files.count - 2) == (ProcessInfo.processInfo.activeProcessorCount > 1 ? 2 : 1))
        let site = try await ServedSite.start(files: files, search: true)
        do {
            let searchPage = try await site.get("/sok/")
            #expect(searchPage.status == 200)
            #expect(searchPage.text.contains(#"data-search-parts="1""#))
        } catch {
            try await site.stop()
            throw error
        }
        try await site.stop()
    }

    /// Two meetings; the first with a section of its own words, without tags, so that no
    /// other indexed page quotes it (the theme page shows tagged questions and ideas).
    static func twoMeetings(words: String) -> [String: String] {
        var files = ServedSite.files
        files[ServedSite.meetingPath] = firstMeeting(words: words)
        files[secondFile] = ServedSite.meeting(title: "Andra samtalet", date: "2024-06-10", extra: "## Efteråt\n\nVi talade om cykelbanor.")
        return files
    }

    static func firstMeeting(words: String) -> String {
        ServedSite.meeting(title: "Första samtalet", extra: "## Efteråt\n\nVi talade om \(words) i parken.")
    }

    /// Saves as editors' tools do (a new file renamed over the old), so the watcher never
    /// sees half a file.
    static func save(_ site: ServedSite, _ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: site.root.appendingPathComponent(path), options: .atomic)
    }

    /// How many pages the line says were sent to Pagefind ("… (5 sidor indexerade, …").
    static func sent(_ line: String) -> Int? {
        guard let open = line.firstIndex(of: "(") else { return nil }
        return Int(line[line.index(after: open)...].prefix { $0.isNumber })
    }

    /// The lines that say the search index is ready.
    static func readyLines(_ lines: [String]) -> [String] { lines.filter { $0.hasPrefix(readyPrefix) } }

    /// Waits (woken by each line the preview prints, up to 300 s: a hang, not a slow
    /// machine) until a new "index ready" line has come after the first `after` lines and
    /// `done` holds for the index then served; returns the lines printed so far.
    static func waitForIndex(_ site: ServedSite, after: Int, _ done: @escaping @Sendable ([String: String]) -> Bool) async throws -> [String] {
        let server = site.server
        let lines = try await site.messages.wait(300) { lines -> [String]? in
            if lines.dropFirst(after).contains(where: { $0.hasPrefix(failedPrefix) }) { return lines }
            guard readyLines(Array(lines.dropFirst(after))).count > 0 else { return nil }
            guard let words = try? indexedWords(server), done(words) else { return nil }
            return lines
        }
        return try #require(lines, "no search index as expected within 300 s: \(site.messages.all)")
    }

    /// Every page of the served index by URL → its words (from its fragment). Fails on a
    /// URL with two fragments: a page sent again must replace its old copy.
    static func indexedWords(_ server: PreviewServer) throws -> [String: String] {
        var out: [String: String] = [:]
        for (path, entry) in server.store.current?.search ?? [:] where path.hasPrefix("pagefind/fragment/") {
            let json = try fragment(Data(entry.body.readableBytesView))
            guard let url = json["url"] as? String else { continue }
            guard out[url] == nil else { throw ServeClient.Failure(description: "\(url) is in the index twice") }
            out[url] = json["content"] as? String ?? ""
        }
        return out
    }

    /// A Pagefind fragment file: gzip of a signature then the JSON.
    static func fragment(_ data: Data) throws -> [String: Any] {
        let text = String(decoding: try gunzip(data), as: UTF8.self)
        guard let brace = text.firstIndex(of: "{"),
              let json = try JSONSerialization.jsonObject(with: Data(text[brace...].utf8)) as? [String: Any] else {
            throw ServeClient.Failure(description: "not a fragment: \(text.prefix(80))")
        }
        return json
    }

    /// The words Pagefind can find (its word index chunks, unpacked): a word is there
    /// as its UTF-8 bytes.
    static func wordIndex(_ server: PreviewServer) throws -> Data {
        var all = Data()
        for (path, entry) in server.store.current?.search ?? [:] where path.hasPrefix("pagefind/index/") {
            all.append(try gunzip(Data(entry.body.readableBytesView)))
        }
        return all
    }

    static func has(_ index: Data, _ word: String) -> Bool { index.range(of: Data(word.utf8)) != nil }

    @Test(.enabled(if: pagefind != nil, "Pagefind is not installed"))
    func anEditSendsOnlyThatMeetingAndARemovedMeetingLeavesTheIndex() async throws {
        let site = try await ServedSite.start(files: Self.twoMeetings(words: "ekorrar"), search: true)
        do {
            // The first run: every indexed page (meetings, the meeting list, the theme pages).
            var lines = try await Self.waitForIndex(site, after: 0) { $0[Self.firstPath] != nil }
            let first = try #require(Self.readyLines(lines).first)
            var words = try Self.indexedWords(site.server)
            // Every indexed page is sent (list pages without a search body are sent too;
            // Pagefind leaves them out).
            #expect((Self.sent(first) ?? 0) >= words.count, "\(first) for \(words.keys.sorted())")
            #expect(words[Self.firstPath]?.contains("ekorrar") == true)
            #expect(words[Self.secondPath]?.contains("cykelbanor") == true)
            #expect(Self.has(try Self.wordIndex(site.server), "ekorr"), "the word index holds the first meeting's word")
            let pages = Set(words.keys)
            let second = words[Self.secondPath]

            // One meeting edited: only that page goes to Pagefind again.
            var seen = lines.count
            try Self.save(site, ServedSite.meetingPath, Self.firstMeeting(words: "fågelholkar"))
            lines = try await Self.waitForIndex(site, after: seen) { $0[Self.firstPath]?.contains("fågelholkar") == true }
            let edited = Self.readyLines(Array(lines.dropFirst(seen)))
            #expect(!edited.isEmpty && edited.allSatisfy { $0.contains("(1 sida indexerad, ") }, "\(edited)")
            words = try Self.indexedWords(site.server)
            #expect(words[Self.firstPath]?.contains("ekorrar") == false, "the old words are gone from the meeting")
            #expect(Set(words.keys) == pages, "every page once, none added or lost: \(words.keys.sorted())")
            #expect(words[Self.secondPath] == second, "the other meeting stays as it was")
            let index = try Self.wordIndex(site.server)
            #expect(Self.has(index, "fågelholk") && !Self.has(index, "ekorr"), "the word index has the new word and not the old one")
            // The fragment as a browser gets it.
            let fragmentPath = try #require(site.server.store.current?.search.first { path, entry in
                path.hasPrefix("pagefind/fragment/") && ((try? Self.fragment(Data(entry.body.readableBytesView)))?["url"] as? String) == Self.firstPath
            }?.key)
            let served = try await site.get("/" + fragmentPath)
            #expect(served.status == 200)
            #expect((try Self.fragment(Data(served.body))["content"] as? String)?.contains("fågelholkar") == true)

            // A meeting removed: its page is sent empty and leaves the index.
            seen = lines.count
            try FileManager.default.removeItem(at: site.root.appendingPathComponent(Self.secondFile))
            lines = try await Self.waitForIndex(site, after: seen) { $0[Self.secondPath] == nil }
            let removed = Self.readyLines(Array(lines.dropFirst(seen)))
            #expect(removed.contains { $0.contains("1 sida borttagen ur indexet") }, "\(removed)")
            words = try Self.indexedWords(site.server)
            #expect(Set(words.keys) == pages.subtracting([Self.secondPath]), "\(words.keys.sorted())")
            #expect(words[Self.firstPath]?.contains("fågelholkar") == true, "the other meeting stays")
            #expect(!Self.has(try Self.wordIndex(site.server), "cykelban"), "the removed meeting's words cannot be found")
        } catch {
            try await site.stop()
            throw error
        }
        try await site.stop()
    }

    @Test(.enabled(if: pagefind != nil, "Pagefind is not installed"))
    func aPagefindFailureIsAWarningAndTheNextRunSendsEveryPage() async throws {
        let site = try await ServedSite.start(files: Self.twoMeetings(words: "ekorrar"), search: true)
        do {
            var lines = try await Self.waitForIndex(site, after: 0) { $0[Self.firstPath] != nil }
            let all = try Self.indexedWords(site.server).count
            let sentFirst = try #require(Self.readyLines(lines).first.flatMap(Self.sent), "\(lines)")
            #expect(sentFirst >= all && sentFirst > 1)

            // The service kept between runs dies; the next run finds out while it works.
            let pid = try #require(site.server.search.heldProcessID)
            #expect(kill(pid, SIGKILL) == 0)
            let beforeFailure = lines.count
            try Self.save(site, ServedSite.meetingPath, Self.firstMeeting(words: "fågelholkar"))
            let warned = try await site.messages.wait(300) { lines in
                lines.dropFirst(beforeFailure).first { $0.hasPrefix(Self.failedPrefix) }
            }
            #expect(warned != nil, "a warning: \(site.messages.all)")
            #expect(!site.messages.all.contains { $0.hasPrefix("error") }, "\(site.messages.all)")
            // The preview goes on, with the index it had.
            #expect(try await site.get(Self.firstPath).status == 200)
            #expect(try await site.get("/pagefind/pagefind-entry.json").status == 200)

            // The next run starts a new service and sends every page.
            let seen = site.messages.all.count
            try Self.save(site, ServedSite.meetingPath, Self.firstMeeting(words: "fladdermöss"))
            lines = try await Self.waitForIndex(site, after: seen) { $0[Self.firstPath]?.contains("fladdermöss") == true }
            let after = Self.readyLines(Array(lines.dropFirst(seen)))
            #expect(after.first.flatMap(Self.sent) == sentFirst, "a full run: \(after)")
            #expect(try Self.indexedWords(site.server).count == all)
        } catch {
            try await site.stop()
            throw error
        }
        try await site.stop()
    }

    /// A run made stale by a newer build keeps what it sent: the next run sends nothing
    /// again for pages that did not change, and builds the files.
    @Test(.enabled(if: pagefind != nil, "Pagefind is not installed"))
    func aStaleRunKeepsWhatItSent() async throws {
        let search = PreviewSearch(siteRoot: "/nonexistent", enabled: true, binary: ServedSite.pagefind)
        defer { search.stop() }
        let page = { (words: String) in ByteBuffer(string: "<html lang=\"sv\"><body><main><h1>\(words)</h1><p>\(words) i parken.</p></main></body></html>") }
        let pages = [("moten/a/index.html", page("Ekorrar")), ("moten/b/index.html", page("Cykelbanor"))]
        let stale = await search.index(html: pages, complete: { _, html in html }, language: "sv", isCurrent: { false })
        guard case .cancelled = stale else { Issue.record("a stale run builds no files: \(stale)"); return }
        let next = await search.index(html: pages, complete: { _, html in html }, language: "sv")
        guard case .indexed(let files, _, let changed, let removed) = next else { Issue.record("\(next)"); return }
        #expect(changed == 0 && removed == 0, "the pages the stale run sent are not sent again")
        #expect(files.keys.contains("pagefind/pagefind-entry.json"))
        #expect(files.keys.filter { $0.hasPrefix("pagefind/fragment/") }.count == 2)
    }
}
