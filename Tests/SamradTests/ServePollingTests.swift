#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import SamradServe

@Suite("serve: polling watcher", .serialized)
struct ServePollingTests {
    typealias Batches = ServeWatcherTests.Batches

    func makeSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-poll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/meetings"), withIntermediateDirectories: true)
        try Data("title: x\n".utf8).write(to: root.appendingPathComponent("site.yml"))
        try Data("# ett\n".utf8).write(to: root.appendingPathComponent("content/meetings/m.md"))
        return root
    }

    @Test func twoLooksDifferInTimeSizeInodeAndEntries() {
        let file = FileStamp(seconds: 10, nanoseconds: 5, size: 3, inode: 7, isFolder: false)
        let folder = FileStamp(seconds: 10, nanoseconds: 0, size: 4096, inode: 2, isFolder: true)
        var touchedFolder = folder
        touchedFolder.seconds = 11
        var replaced = file
        replaced.inode = 8
        var newer = file
        newer.nanoseconds = 6
        var longer = file
        longer.size = 4
        let before = ["content": folder, "content/a.md": file, "content/b.md": file, "content/c.md": file, "content/d.md": file, "content/gone.md": file]
        let after = ["content": touchedFolder, "content/a.md": file, "content/b.md": replaced, "content/c.md": newer, "content/d.md": longer, "content/new.md": file]
        #expect(SiteWatcher.changes(from: before, to: after) == ["content/b.md", "content/c.md", "content/d.md", "content/gone.md", "content/new.md"])
        #expect(SiteWatcher.changes(from: after, to: after).isEmpty)
    }

    @Test func slowLooksStretchThePauseBetweenLooks() {
        // A quick look (a local disk) keeps the chosen interval.
        #expect(SiteWatcher.pause(after: .milliseconds(20), interval: .milliseconds(250)) == .milliseconds(250))
        // A look that takes 400 ms (a big site on WSL's /mnt/c) is followed by 1.2 s of rest,
        // so that polling takes about a quarter of the time instead of all of it.
        #expect(SiteWatcher.pause(after: .milliseconds(400), interval: .milliseconds(250)) == .milliseconds(1200))
    }

    @Test func pollingSeesSavesNewFoldersAndRemovalsButNotEditorFiles() async throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let batches = Batches()
        let watcher = SiteWatcher(root: root.path, mode: .poll(interval: .milliseconds(40)), debounce: .milliseconds(30)) { batches.add($0) }
        try watcher.start()
        defer { watcher.stop() }
        #expect(watcher.watching == .polling(interval: .milliseconds(40)))
        #expect(watcher.fallbackReason == nil)

        try Data("x".utf8).write(to: root.appendingPathComponent("content/meetings/.m.md.swp"))
        try Data("x".utf8).write(to: root.appendingPathComponent("content/meetings/m.md~"))
        try Data("x".utf8).write(to: root.appendingPathComponent("notes.txt"))
        try await Task.sleep(for: .milliseconds(300))
        #expect(batches.all.isEmpty, "editor leftovers and files outside the site's sources")

        // Same size, only the modification time moves (what a save of one changed letter looks like).
        // A write is a truncation and then the bytes, so a look in between may report the
        // file twice; each step therefore waits for its paths, not for a number of batches.
        try Data("# ETT\n".utf8).write(to: root.appendingPathComponent("content/meetings/m.md"))
        #expect(await batches.paths(from: 0, including: ["content/meetings/m.md"], timeout: 5) == ["content/meetings/m.md"])
        try await Task.sleep(for: .milliseconds(200))

        var count = batches.all.count
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/meetings/2025-01-01-ny"), withIntermediateDirectories: true)
        try Data("---\ntitle: Ny\n---\n".utf8).write(to: root.appendingPathComponent("content/meetings/2025-01-01-ny/index.md"))
        let new: Set = ["content/meetings/2025-01-01-ny", "content/meetings/2025-01-01-ny/index.md"]
        #expect(await batches.paths(from: count, including: new, timeout: 5) == new)
        try await Task.sleep(for: .milliseconds(200))

        count = batches.all.count
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/meetings/m.md"))
        try Data("title: y\n".utf8).write(to: root.appendingPathComponent("site.yml"))
        let gone: Set = ["content/meetings/m.md", "site.yml"]
        #expect(await batches.paths(from: count, including: gone, timeout: 5) == gone)
    }

    @Test func fallsBackToPollingWhenInotifyCannotBeSetUp() async throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let batches = Batches()
        let watcher = SiteWatcher(root: root.path, debounce: .milliseconds(30)) { batches.add($0) }
        watcher.inotifyDisabled = true
        try watcher.start()
        defer { watcher.stop() }
        #expect(watcher.watching == .polling(interval: WatchMode.defaultPollInterval))
        #expect(watcher.fallbackReason?.contains("inotify") == true)
        try Data("# tre\n".utf8).write(to: root.appendingPathComponent("content/meetings/m.md"))
        let got = await batches.wait(count: 1, timeout: 5)
        #expect(got.first?.paths == ["content/meetings/m.md"])

        // Asked for inotify only, it says why it cannot.
        let strict = SiteWatcher(root: root.path, mode: .inotify) { _ in }
        strict.inotifyDisabled = true
        #expect(throws: SiteWatcher.WatchError.self) { try strict.start() }
        #expect(strict.watching == .none)
    }

    @Test func pollsFromTheStartOnNetworkAndWSLFileSystems() throws {
        #expect(SiteWatcher.eventlessFileSystem(type: 0x0102_1997)?.contains("9p") == true)  // V9FS
        #expect(SiteWatcher.eventlessFileSystem(type: 0x6969) != nil)       // NFS
        #expect(SiteWatcher.eventlessFileSystem(type: 0xFE53_4D42) != nil)  // SMB2
        #expect(SiteWatcher.eventlessFileSystem(type: 0xEF53) == nil)       // ext4
        #expect(SiteWatcher.eventlessFileSystem(type: 0x0102_1994) == nil)  // tmpfs

        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = SiteWatcher(root: root.path) { _ in }
        watcher.fileSystemType = { _ in 0x0102_1997 }
        try watcher.start()
        defer { watcher.stop() }
        #expect(watcher.watching == .polling(interval: WatchMode.defaultPollInterval))
        #expect(watcher.fallbackReason?.contains("WSL's /mnt/c") == true)

        // The same folder on a local disk is watched with inotify.
        let local = SiteWatcher(root: root.path) { _ in }
        local.fileSystemType = { _ in 0xEF53 }
        try local.start()
        defer { local.stop() }
        #expect(local.watching == .inotify)
    }

    /// A write through a shared memory map moves the file's modification time but sends no
    /// inotify event, like a save on WSL's /mnt/c or a network share: the inotify watcher
    /// misses it and the polling one does not.
    @Test func pollingSeesAChangeInotifyDoesNot() async throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("content/meetings/m.md").path
        let byInotify = Batches(), byPolling = Batches()
        let inotify = SiteWatcher(root: root.path, mode: .inotify, debounce: .milliseconds(30)) { byInotify.add($0) }
        let polling = SiteWatcher(root: root.path, mode: .poll(interval: .milliseconds(40)), debounce: .milliseconds(30)) { byPolling.add($0) }
        try inotify.start()
        try polling.start()
        defer {
            inotify.stop()
            polling.stop()
        }
        // Map the file; closing the descriptor is an event of its own, so let it pass first.
        let fd = open(file, O_RDWR)
        try #require(fd >= 0)
        let size = 6
        let map = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)
        close(fd)
        try #require(map != MAP_FAILED)
        let map_ = try #require(map)
        defer { munmap(map_, size) }
        try await Task.sleep(for: .milliseconds(400))
        let inotifyBefore = byInotify.all.count
        #expect(byPolling.all.isEmpty)

        map_.storeBytes(of: UInt8(ascii: "E"), toByteOffset: 2, as: UInt8.self)
        #expect(msync(map_, size, MS_SYNC) == 0)
        let seen = await byPolling.wait(count: 1, timeout: 5)
        #expect(seen.first?.paths == ["content/meetings/m.md"])
        try await Task.sleep(for: .milliseconds(200))
        #expect(byInotify.all.count == inotifyBefore, "inotify saw the write through the map after all")
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self) == "# Ett\n")
    }
}
