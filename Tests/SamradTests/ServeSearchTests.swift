import Foundation
import SamradIndex
import Testing
@testable import SamradServe

/// Pagefind in the preview: indexed after the first build, served from memory.
@Suite("serve: search in the preview", .serialized)
struct ServeSearchTests {
    static var pagefind: String? { SearchIndexer.locate()?.path }

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
}
