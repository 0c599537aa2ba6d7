import Foundation
import SamradAggregate
import SamradCore
import SamradIndex

/// The index stage, run beside rendering: each page that carries an index body goes to
/// Pagefind's service as soon as it is rendered, a meeting page with its post-its and
/// summary points as headings on their anchors (`SearchRecords.indexedPage`). Pages are rendered on all cores and finish in a
/// slightly different order each time; they are handed over in the fixed render order
/// (a page finished early waits for the ones before it), so the index is the same on
/// every build.
final class SearchStream: @unchecked Sendable {
    let service: PagefindService
    private let records: SearchRecords
    private let language: String
    /// Indexed path → its place in the order pages are handed over.
    private let position: [String: Int]
    private let lock = NSLock()
    private var next = 0
    private var waiting: [Int: Waiting] = [:]
    /// Whether a page with `data-pagefind-body` has been handed over.
    private var sawBody = false
    private var held: [PagefindService.Message] = []
    private var heldBytes = 0
    private var gaveUpHolding = false

    /// - Parameter order: every output path in render order; only indexed pages are kept.
    init(service: PagefindService, index: SiteIndex, order: [String], language: String) {
        self.service = service
        self.records = SearchRecords(index)
        self.language = language
        let slugs = index.site.pages.map(\.slug)
        var position: [String: Int] = [:]
        for path in order where SearchIndexer.isIndexed(path, pageSlugs: slugs, paths: index.site.config.paths) && position[path] == nil {
            position[path] = position.count
        }
        self.position = position
    }

    /// Called for every rendered file, from any thread.
    func consume(_ path: String, _ content: OutputFile.Content) {
        guard let place = position[path], case .text(let html) = content else { return }
        // The page is completed and encoded here, on the rendering thread; only the
        // hand-over is in order.
        let indexed = records.indexedPage(html, path: path)
        let body = IndexedCopy.hasBody(indexed)
        lock.lock()
        let skip = !body && sawBody
        lock.unlock()
        let message = skip ? nil : service.page(path: path, html: indexed)
        lock.lock()
        defer { lock.unlock() }
        waiting[place] = Waiting(message: message, body: body, bytes: indexed.utf8.count)
        while let ready = waiting.removeValue(forKey: next) {
            handOver(ready)
            next += 1
        }
    }

    /// A page whose turn has come. Once a page with a `data-pagefind-body` has been
    /// handed over, Pagefind indexes only such pages, so pages without one (the theme
    /// pages' paginated lists, 1,211 pages and 40 MB at 2,000 meetings) are not sent at
    /// all; until then they are held, and sent if the site turns out to have no such page
    /// (a site's own templates), or once they pass `holdLimit` (such a site's pages would
    /// otherwise all be held).
    private func handOver(_ page: Waiting) {
        if page.body {
            if !sawBody { sawBody = true; held = []; heldBytes = 0 }
            if let message = page.message { service.send([message]) }
        } else if !sawBody, let message = page.message {
            if gaveUpHolding { service.send([message]); return }
            held.append(message)
            heldBytes += page.bytes
            if heldBytes > Self.holdLimit {
                service.send(held)
                held = []
                gaveUpHolding = true
            }
        }
    }

    private struct Waiting {
        var message: PagefindService.Message?
        var body: Bool
        var bytes: Int
    }

    static let holdLimit = 16 << 20

    /// Writes the index into `folder`; nil when it worked, else what went wrong. Pages
    /// still waiting (only when some page was never rendered) are handed over first.
    func finish(into folder: URL) -> String? {
        lock.lock()
        for place in waiting.keys.sorted() {
            if let page = waiting[place] { handOver(page) }
        }
        waiting = [:]
        if !sawBody && !held.isEmpty { service.send(held) }
        held = []
        lock.unlock()
        return service.write(to: folder.path)
    }
}
