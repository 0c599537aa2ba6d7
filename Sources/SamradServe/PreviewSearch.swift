import Dispatch
import Foundation
import Hummingbird
import SamradAggregate
import SamradCore
import SamradIndex

/// Pagefind for the preview, through its service (`PagefindService`), as the build does:
/// after a good build the rendered pages (without the live-reload tag), completed as the
/// build completes them (`SearchRecords.indexedPage`), go to a Pagefind service, which
/// hands the index files back (`GetFiles`); they are served from the snapshot like
/// everything else. Nothing is written to disk, in the site folder or anywhere else.
///
/// The service is kept between runs with every page it holds, and a run sends it only
/// the pages whose indexed copy changed or is new: Pagefind replaces a page sent again
/// with the same URL (`fossick_one` in its source), and leaves a page without words out
/// of the index it builds, so a page gone from the site is sent again empty. An edit to
/// one meeting is parsed and indexed as that one page; Pagefind still builds its index
/// files from all the pages it holds (without parsing them again).
///
/// Indexing runs after the reload has been sent, at nice 10, so it never delays a save.
/// A run made stale by a newer build stops before the index files are built, keeping
/// what it sent (the pages are the same in the newer build, or are sent again by it).
/// A run that fails drops the service; the next one starts a new service with every
/// page. Until a new index is ready the previous one keeps serving.
final class PreviewSearch: Sendable {
    let binary: String?
    /// Where the binary was found, for the line the preview prints.
    let found: SearchIndexer.Pagefind?
    /// The service a run is using, so that `stop()` can end it at once.
    private let running = Locked<PagefindService?>(nil)
    /// The service kept between runs and what it holds; taken by a run, put back after.
    private let held = Locked<HeldIndex?>(nil)
    private let closed = Locked(false)
    private let queue = DispatchQueue(label: "samrad.serve.search")

    init(siteRoot: String, enabled: Bool, binary: SearchIndexer.Pagefind? = nil) {
        found = enabled ? (binary ?? SearchIndexer.locate()) : nil
        self.binary = found?.path
    }

    /// A Pagefind service and the pages it holds.
    struct HeldIndex: Sendable {
        var service: PagefindService
        var language: String
        /// Site path → fingerprint of the page as last sent.
        var sent: [String: PageFingerprint] = [:]
        /// The files of the last index built, as served; nil when pages were sent since.
        var files: [String: SiteEntry]?
    }

    /// What identifies a page's indexed copy: its length and a 64-bit hash of its bytes.
    struct PageFingerprint: Hashable, Sendable {
        var count: Int
        var hash: Int

        init(_ page: String) {
            var page = page
            var hasher = Hasher()
            // The bytes, not the String: hashing a String compares canonical forms,
            // several times slower over a 2,000-meeting site.
            page.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            count = page.utf8.count
            hash = hasher.finalize()
        }
    }

    /// What replaces a page gone from the site: with no words, Pagefind leaves it out of
    /// the index (its `build_indexes` keeps only pages with words).
    static let emptyPage = "<html><body></body></html>"

    enum Outcome: Sendable {
        /// `changed`: pages sent because they are new or differ from the copy Pagefind
        /// holds; `removed`: pages sent empty because they left the site.
        case indexed([String: SiteEntry], seconds: Double, changed: Int, removed: Int)
        case failed(String)
        case cancelled
    }

    /// Completes a meeting page for the index as the build does (`SearchRecords.indexedPage`).
    static func completer(_ index: SiteIndex) -> @Sendable (String, String) -> String {
        let records = SearchRecords(index)
        return { path, html in records.indexedPage(html, path: path) }
    }

    /// Brings the index up to date with `html` (site path → rendered bytes, every indexed
    /// page of the site). `isCurrent` says whether the build these pages come from is
    /// still the newest; a run for an older one sends its pages but builds no files.
    func index(html: [(String, ByteBuffer)], complete: @escaping @Sendable (String, String) -> String, language: String,
               isCurrent: @escaping @Sendable () -> Bool = { true }) async -> Outcome {
        guard let binary else { return .failed("Pagefind was not found") }
        return await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: self.indexNow(html: html, complete: complete, language: language, binary: binary, isCurrent: isCurrent))
            }
        }
    }

    private func indexNow(html: [(String, ByteBuffer)], complete: @Sendable (String, String) -> String, language: String,
                          binary: String, isCurrent: @Sendable () -> Bool) -> Outcome {
        if closed.current { return .cancelled }
        let start = DispatchTime.now()
        var taken = held.withLock { value -> HeldIndex? in
            defer { value = nil }
            return value
        }
        if let kept = taken, kept.language != language {
            // Stemming is per index: a site that changed its language starts again.
            kept.service.close()
            taken = nil
        }
        var index: HeldIndex
        if let taken {
            index = taken
        } else {
            do {
                // Indexing may take seconds on a large site; the editor's next save must not
                // wait for CPU behind it.
                index = HeldIndex(service: try PagefindService(binary: binary, language: language, niceness: 10), language: language)
            } catch let failure as PagefindService.Failure {
                return .failed(failure.message)
            } catch {
                return .failed("cannot run Pagefind at \(binary)")
            }
        }
        let service = index.service
        let started: Bool = running.withLock { value in
            guard value == nil, !closed.current else { return false }
            value = service
            return true
        }
        guard started else {
            service.close()
            return closed.current ? .cancelled : .failed("cannot run Pagefind at \(binary)")
        }
        defer { running.withLock { $0 = nil } }

        var seen = Set<String>()
        var changed = 0, removed = 0
        for (path, bytes) in html.sorted(by: { $0.0 < $1.0 }) {
            if closed.current { service.close(); return .cancelled }
            let page = complete(path, String(decoding: bytes.readableBytesView, as: UTF8.self))
            seen.insert(path)
            let fingerprint = PageFingerprint(page)
            if index.sent[path] == fingerprint { continue }
            service.send([service.page(path: path, html: page)])
            index.sent[path] = fingerprint
            changed += 1
        }
        for path in index.sent.keys.sorted() where !seen.contains(path) {
            service.send([service.page(path: path, html: Self.emptyPage)])
            index.sent[path] = nil
            removed += 1
        }
        if changed + removed > 0 { index.files = nil }
        if closed.current { service.close(); return .cancelled }
        if !isCurrent() {
            // A newer build follows with its own run: what was sent stays with the
            // service, and building files nobody will see is skipped.
            held.withLock { $0 = index }
            return .cancelled
        }
        let files: [String: SiteEntry]
        if let same = index.files {
            files = same
        } else {
            let (written, failure) = service.files()
            if closed.current { service.close(); return .cancelled }
            if let failure {
                // Not kept: the next run starts a new service with every page.
                service.close()
                return .failed("Pagefind failed: " + failure)
            }
            var entries: [String: SiteEntry] = [:]
            for (relative, data) in written {
                let path = "pagefind/" + relative
                let buffer = ByteBuffer(bytes: data)
                entries[path] = SiteEntry(body: buffer, rendered: buffer, contentType: ContentTypes.forPath(path))
            }
            guard !entries.isEmpty else {
                service.close()
                return .failed("Pagefind wrote no index")
            }
            files = entries
            index.files = entries
        }
        held.withLock { $0 = index }
        return .indexed(files, seconds: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9,
                        changed: changed, removed: removed)
    }

    /// The process id of the service kept between runs, for tests that make it fail.
    var heldProcessID: Int32? {
        queue.sync { held.withLock { $0?.service.processID } }
    }

    /// Stops for good: ends a run still going (shutdown must not orphan it) and the
    /// service kept between runs, once the queue is idle.
    func stop() {
        closed.withLock { $0 = true }
        running.withLock { service in service?.cancel() }
        queue.sync { held.withLock { value in value?.service.close(); value = nil } }
    }
}
