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
///
/// With two services, the pages up to the middle meeting page in that order go to the
/// first and the rest to the second, and the two indexes are written side by
/// side (`pagefind/`, `pagefind/2/`), which the search page merges (Pagefind's
/// `mergeIndex`). Each service parses on one thread and builds its index after the last
/// page on one thread: two halves use both cores for that, where one index left one core
/// idle for the whole build-and-write step.
final class SearchStream: @unchecked Sendable {
    let services: [PagefindService]
    private let records: SearchRecords
    private let language: String
    /// Indexed path → its place in the order pages are handed over.
    private let position: [String: Int]
    private let lock = NSLock()
    private var next = 0
    private var waiting: [Int: Waiting] = [:]
    /// Pages without `data-pagefind-body` are not sent once one with it was.
    private var gate = PagefindBodyGate<Part>()
    /// Places from here on go to the second service.
    private let split: Int

    /// A message and the service it is for.
    private struct Part {
        var service: Int
        var message: PagefindService.Message
    }

    /// - Parameters:
    ///   - services: one or two services; with two, each indexes half of the pages.
    ///   - order: every output path in render order; only indexed pages are kept.
    init(services: [PagefindService], index: SiteIndex, order: [String], language: String) {
        self.services = services
        self.records = SearchRecords(index)
        self.language = language
        let slugs = index.site.pages.map(\.slug)
        var position: [String: Int] = [:]
        // The meeting pages are nearly all of the index's words (the theme pages' lists
        // are not sent), so the parts split them in half.
        let meetings = index.site.config.paths.meetings
        let halfOfMeetings = (order.lazy.filter { $0.hasPrefix(meetings) && $0.hasSuffix(".html") }.count + 1) / 2
        var meetingsSoFar = 0
        var split = Int.max
        for path in order where SearchIndexer.isIndexed(path, pageSlugs: slugs, paths: index.site.config.paths) && position[path] == nil {
            if path.hasPrefix(meetings) && path.hasSuffix(".html") {
                if meetingsSoFar == halfOfMeetings && services.count > 1 && split == Int.max { split = position.count }
                meetingsSoFar += 1
            }
            position[path] = position.count
        }
        self.position = position
        // A site without meetings: by pages.
        self.split = services.count < 2 ? Int.max : split == Int.max ? (position.count + 1) / 2 : split
    }

    /// Pages and records handed over, for the build's summary line.
    var added: Int { services.reduce(0) { $0 + $1.added } }

    /// The folder each service's index goes to: `folder` (the site's `pagefind/`) for the
    /// first, `folder/2` for the second.
    static func folders(_ folder: URL, parts: Int) -> [URL] {
        (0 ..< parts).map { $0 == 0 ? folder : folder.appendingPathComponent(String($0 + 1)) }
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
        let part = place >= split ? 1 : 0
        let message = wanted ? Part(service: part, message: services[part].page(path: path, html: indexed)) : nil
        lock.lock()
        defer { lock.unlock() }
        waiting[place] = Waiting(message: message, body: body, bytes: indexed.utf8.count)
        while let ready = waiting.removeValue(forKey: next) {
            send(gate.take(ready.message, body: ready.body, bytes: ready.bytes))
            next += 1
        }
    }

    private func send(_ parts: [Part]) {
        for (i, service) in services.enumerated() {
            let messages = parts.filter { $0.service == i }.map(\.message)
            if !messages.isEmpty { service.send(messages) }
        }
    }

    private struct Waiting {
        var message: Part?
        var body: Bool
        var bytes: Int
    }

    /// Writes the index into `folder` (and the second one into `folder/2`), both at
    /// once; nil when it worked, else what went wrong. Pages still waiting (only when
    /// some page was never rendered) are handed over first.
    func finish(into folder: URL) -> String? {
        lock.lock()
        for place in waiting.keys.sorted() {
            if let page = waiting[place] { send(gate.take(page.message, body: page.body, bytes: page.bytes)) }
        }
        waiting = [:]
        send(gate.finish())
        lock.unlock()
        let folders = Self.folders(folder, parts: services.count)
        let failures = Locked([String?](repeating: nil, count: services.count))
        DispatchQueue.concurrentPerform(iterations: services.count) { i in
            let failure = services[i].write(to: folders[i].path)
            failures.withLock { $0[i] = failure }
        }
        let said = failures.withLock { $0 }.compactMap { $0 }
        return said.isEmpty ? nil : said.joined(separator: "; ")
    }
}
