import Foundation
import SamradAggregate
import SamradCore
import SamradIndex

/// The index stage, run beside rendering: each page that carries an index body goes to
/// Pagefind's service as soon as it is rendered, a meeting page with its post-its and
/// summary points as headings on their anchors (`SearchRecords.indexedPage`), each as
/// its lean copy (`IndexedCopy`). Pages are rendered on several threads
/// (`Pipeline.renderWorkersBesideSearch`) and finish in a slightly different order each
/// time; they are handed over in the fixed render order (a page finished early waits for
/// the ones before it), so the index is the same on every build.
final class SearchStream: @unchecked Sendable {
    let service: PagefindService
    private let records: SearchRecords
    private let language: String
    /// Indexed path → its place in the order pages are handed over.
    private let position: [String: Int]
    private let lock = NSLock()
    private var next = 0
    private var waiting: [Int: Waiting] = [:]
    /// Pages without `data-pagefind-body` are not sent once one with it was.
    private var gate = PagefindBodyGate<PagefindService.Message>()

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
        let wanted = body || gate.wantsPagesWithoutBody
        lock.unlock()
        let message = wanted ? service.page(path: path, html: indexed) : nil
        lock.lock()
        defer { lock.unlock() }
        waiting[place] = Waiting(message: message, body: body, bytes: indexed.utf8.count)
        while let ready = waiting.removeValue(forKey: next) {
            send(gate.take(ready.message, body: ready.body, bytes: ready.bytes))
            next += 1
        }
    }

    private func send(_ messages: [PagefindService.Message]) {
        if !messages.isEmpty { service.send(messages) }
    }

    private struct Waiting {
        var message: PagefindService.Message?
        var body: Bool
        var bytes: Int
    }

    /// Writes the index into `folder`; nil when it worked, else what went wrong. Pages
    /// still waiting (only when some page was never rendered) are handed over first.
    func finish(into folder: URL) -> String? {
        lock.lock()
        for place in waiting.keys.sorted() {
            if let page = waiting[place] { send(gate.take(page.message, body: page.body, bytes: page.bytes)) }
        }
        waiting = [:]
        send(gate.finish())
        lock.unlock()
        return service.write(to: folder.path)
    }
}
