import Dispatch
import Foundation
import Hummingbird
import SamradAggregate
import SamradCore
import SamradIndex
#if canImport(Glibc)
import Glibc
#endif

/// Pagefind for the preview, through its service (`PagefindService`), as the build does:
/// after a good build the rendered pages (without the live-reload tag), meeting pages with
/// their post-its and summary points as anchored headings, go to a Pagefind service, which writes the index into a
/// private temporary folder; the `pagefind/` files are read back into memory and served
/// from the snapshot like everything else. Nothing is written into the site folder or
/// its `public/`.
///
/// Each run indexes the whole site again (Pagefind's service can replace a page but not
/// remove one, so a deleted meeting would stay findable in an index updated in place). Indexing runs after the reload has been sent, at nice 10, so it never
/// delays a save; a new build stops a run still going (its result would be stale
/// anyway), and until a new index is ready the previous one keeps serving.
final class PreviewSearch: Sendable {
    let binary: String?
    /// Where the binary was found, for the line the preview prints.
    let found: SearchIndexer.Pagefind?
    let folder: URL
    private let running = Locked<PagefindService?>(nil)
    private let closed = Locked(false)
    private let counter = Locked(0)
    private let queue = DispatchQueue(label: "samrad.serve.search")

    init(siteRoot: String, enabled: Bool) {
        found = enabled ? SearchIndexer.locate() : nil
        binary = found?.path
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("samrad-serve-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
    }

    enum Outcome: Sendable {
        case indexed([String: SiteEntry], seconds: Double)
        case failed(String)
        case cancelled
    }

    /// Completes a meeting page for the index as the build does (`SearchRecords.indexedPage`).
    static func completer(_ index: SiteIndex) -> @Sendable (String, String) -> String {
        let records = SearchRecords(index)
        return { path, html in records.indexedPage(html, path: path) }
    }

    /// Indexes `html` (site path → rendered bytes) and the records of its meeting pages.
    func index(html: [(String, ByteBuffer)], complete: @escaping @Sendable (String, String) -> String, language: String) async -> Outcome {
        guard let binary else { return .failed("Pagefind was not found") }
        let run = counter.withLock { value -> Int in
            value += 1
            return value
        }
        return await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: self.indexNow(html: html, complete: complete, language: language, binary: binary, run: run))
            }
        }
    }

    private func indexNow(html: [(String, ByteBuffer)], complete: @Sendable (String, String) -> String, language: String, binary: String, run: Int) -> Outcome {
        if closed.current { return .cancelled }
        let start = DispatchTime.now()
        let fm = FileManager.default
        let target = folder.appendingPathComponent("run-\(run)")
        defer { try? fm.removeItem(at: target) }
        let service: PagefindService
        do {
            // Indexing may take seconds on a large site; the editor's next save must not
            // wait for CPU behind it.
            service = try PagefindService(binary: binary, language: language, niceness: 10)
        } catch let failure as PagefindService.Failure {
            return .failed(failure.message)
        } catch {
            return .failed("cannot run Pagefind at \(binary)")
        }
        let started: Bool = running.withLock { current in
            guard current == nil, !closed.current else { return false }
            current = service
            return true
        }
        guard started else {
            service.close()
            return closed.current ? .cancelled : .failed("cannot run Pagefind at \(binary)")
        }
        defer { running.withLock { $0 = nil } }
        for (path, bytes) in html.sorted(by: { $0.0 < $1.0 }) {
            if closed.current { service.close(); return .cancelled }
            service.send([service.page(path: path, html: complete(path, String(decoding: bytes.readableBytesView, as: UTF8.self)))])
        }
        let index = target.appendingPathComponent("pagefind")
        if let failure = service.write(to: index.path) {
            return service.wasCancelled ? .cancelled : .failed("Pagefind failed: " + failure)
        }
        var files: [String: SiteEntry] = [:]
        guard let walker = fm.enumerator(atPath: index.path) else { return .failed("Pagefind wrote no index") }
        while let relative = walker.nextObject() as? String {
            let absolute = index.appendingPathComponent(relative).path
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: absolute, isDirectory: &isFolder), !isFolder.boolValue,
                  let data = fm.contents(atPath: absolute) else { continue }
            let path = "pagefind/" + relative
            let buffer = ByteBuffer(bytes: data)
            files[path] = SiteEntry(body: buffer, rendered: buffer, contentType: ContentTypes.forPath(path))
        }
        return .indexed(files, seconds: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    }

    /// Stops a run still going (a newer build makes it stale; shutdown must not orphan it).
    func cancelRunning() {
        running.withLock { service in service?.cancel() }
    }

    /// Stops for good: ends a run still going and removes the temporary folder once the
    /// queue is idle, so no run can write into it afterwards.
    func removeFolder() {
        closed.withLock { $0 = true }
        cancelRunning()
        let folder = self.folder
        queue.sync { try? FileManager.default.removeItem(at: folder) }
    }
}
