import Dispatch
import Foundation
import Hummingbird
import SamradCore
import SamradIndex
#if canImport(Glibc)
import Glibc
#endif

/// Pagefind for the preview. Pagefind reads HTML from a folder, so after a good build the
/// rendered HTML (without the live-reload tag) is written to a private temporary folder,
/// indexed there, and the resulting `pagefind/` files are read back into memory and
/// served from the snapshot like everything else. Nothing is written into the site
/// folder or its `public/`.
///
/// Indexing runs after the reload has been sent, so it never delays a save; a new build
/// stops a run still going (its result would be stale anyway), and until a new index is
/// ready the previous one keeps serving, so search works throughout.
final class PreviewSearch: Sendable {
    let binary: String?
    /// Where the binary was found, for the line the preview prints.
    let found: SearchIndexer.Pagefind?
    let folder: URL
    private let running = Locked<Process?>(nil)
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

    /// Indexes `html` (site path → rendered bytes).
    func index(html: [(String, ByteBuffer)], language: String) async -> Outcome {
        guard let binary else { return .failed("Pagefind was not found") }
        let run = counter.withLock { value -> Int in
            value += 1
            return value
        }
        return await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: self.indexNow(html: html, language: language, binary: binary, run: run))
            }
        }
    }

    private func indexNow(html: [(String, ByteBuffer)], language: String, binary: String, run: Int) -> Outcome {
        if closed.current { return .cancelled }
        let start = DispatchTime.now()
        let fm = FileManager.default
        let target = folder.appendingPathComponent("run-\(run)")
        defer { try? fm.removeItem(at: target) }
        do {
            var made = Set<String>()
            for (path, bytes) in html {
                if closed.current { return .cancelled }
                let file = target.appendingPathComponent(path)
                let dir = file.deletingLastPathComponent().path
                if made.insert(dir).inserted { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
                try Data(bytes.readableBytesView).write(to: file)
            }
        } catch {
            return .failed("cannot write the preview's pages for Pagefind: \(error.localizedDescription)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--site", target.path, "--output-subdir", "pagefind", "--force-language", language, "--quiet"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let started: Bool = running.withLock { current in
            guard current == nil, !closed.current else { return false }
            do { try process.run() } catch { return false }
            // Indexing may take seconds on a large site; the editor's next save must not
            // wait for CPU behind it.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(process.processIdentifier), 10)
            current = process
            return true
        }
        guard started else { return closed.current ? .cancelled : .failed("cannot run Pagefind at \(binary)") }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        running.withLock { $0 = nil }
        if process.terminationReason == .uncaughtSignal { return .cancelled }
        guard process.terminationStatus == 0 else {
            return .failed("Pagefind failed: " + String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let index = target.appendingPathComponent("pagefind")
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
        running.withLock { process in
            if let process, process.isRunning { process.terminate() }
        }
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
