import Foundation
import Testing
@testable import SamradServe

@Suite("serve: inotify watcher", .serialized)
struct ServeWatcherTests {
    final class Batches: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [ChangeBatch] = []
        func add(_ b: ChangeBatch) { lock.lock(); list.append(b); lock.unlock() }
        var all: [ChangeBatch] { lock.lock(); defer { lock.unlock() }; return list }
        func wait(count: Int, timeout: Double) async -> [ChangeBatch] {
            let deadline = Date().addingTimeInterval(timeout)
            while all.count < count && deadline.timeIntervalSinceNow > 0 { try? await Task.sleep(for: .milliseconds(10)) }
            return all
        }
        /// Waits until the paths of the batches after the first `from` include all of
        /// `paths` (a busy machine may split one save into two looks), then returns them.
        func paths(from: Int, including paths: Set<String>, timeout: Double) async -> Set<String> {
            let deadline = Date().addingTimeInterval(timeout)
            while true {
                let seen = Set(all.dropFirst(from).flatMap(\.paths))
                if seen.isSuperset(of: paths) || deadline.timeIntervalSinceNow <= 0 { return seen }
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    func makeSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/meetings"), withIntermediateDirectories: true)
        try Data("title: x\n".utf8).write(to: root.appendingPathComponent("site.yml"))
        return root
    }

    @Test func aBurstOfSavesIsOneRebuild() async throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let batches = Batches()
        // A longer quiet time than the server's 50 ms: the test machine may be busy.
        let watcher = SiteWatcher(root: root.path, debounce: .milliseconds(250)) { batches.add($0) }
        try watcher.start()
        defer { watcher.stop() }
        for i in 0..<20 {
            try Data("# \(i)\n".utf8).write(to: root.appendingPathComponent("content/meetings/m\(i % 5).md"))
        }
        let got = await batches.wait(count: 1, timeout: 5)
        try await Task.sleep(for: .milliseconds(600))
        #expect(got.count >= 1)
        #expect(batches.all.count <= 2, "20 saves in a burst → \(batches.all.count) rebuilds")
        #expect(Set(batches.all.flatMap(\.paths)) == Set((0..<5).map { "content/meetings/m\($0).md" }))
    }

    @Test func newFoldersAndSiteYmlAreWatchedEditorFilesIgnored() async throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let batches = Batches()
        let watcher = SiteWatcher(root: root.path, debounce: .milliseconds(30)) { batches.add($0) }
        try watcher.start()
        defer { watcher.stop() }

        // Editor leftovers and other files in the site folder do not rebuild.
        try Data("x".utf8).write(to: root.appendingPathComponent("content/meetings/.m.md.swp"))
        try Data("x".utf8).write(to: root.appendingPathComponent("content/meetings/m.md~"))
        try Data("x".utf8).write(to: root.appendingPathComponent("notes.txt"))
        try await Task.sleep(for: .milliseconds(300))
        #expect(batches.all.isEmpty)

        // A new meeting folder, then a file inside it.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/meetings/2025-01-01-ny"), withIntermediateDirectories: true)
        _ = await batches.wait(count: 1, timeout: 5)
        try await Task.sleep(for: .milliseconds(100))
        try Data("---\ntitle: Ny\n---\n".utf8).write(to: root.appendingPathComponent("content/meetings/2025-01-01-ny/index.md"))
        let afterFolder = await batches.wait(count: 2, timeout: 5)
        #expect(afterFolder.last?.paths.contains("content/meetings/2025-01-01-ny/index.md") == true)

        // site.yml, replaced the way editors save (write elsewhere, rename over).
        let count = batches.all.count
        try Data("title: y\n".utf8).write(to: root.appendingPathComponent(".site.yml.tmp"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("site.yml"))
        try FileManager.default.moveItem(at: root.appendingPathComponent(".site.yml.tmp"), to: root.appendingPathComponent("site.yml"))
        let afterConfig = await batches.wait(count: count + 1, timeout: 5)
        #expect(afterConfig.last?.paths.contains("site.yml") == true)

        // templates/ created after the start.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates/partials"), withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(150))
        let beforeTemplate = batches.all.count
        try Data("x".utf8).write(to: root.appendingPathComponent("templates/partials/tags.mustache"))
        let afterTemplate = await batches.wait(count: beforeTemplate + 1, timeout: 5)
        #expect(afterTemplate.last?.paths.contains("templates/partials/tags.mustache") == true)
    }
}
