#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation

/// What polling compares between two looks at a file or folder. Editors that save by
/// writing a new file and renaming it over the old one change the inode number even when
/// time and size come out the same.
struct FileStamp: Equatable, Sendable {
    var seconds: Int
    var nanoseconds: Int
    var size: Int64
    var inode: UInt64
    var isFolder: Bool
}

extension SiteWatcher {
    /// Takes the first look now (so that only later changes count) and then looks again
    /// `interval` after each look ends, longer when looks are slow (`pause(after:interval:)`).
    /// Runs on `queue`.
    func beginPolling(interval: Duration) {
        let started = ContinuousClock.now
        pollStamps = scan()
        pollPause = Self.pause(after: ContinuousClock.now - started, interval: interval)
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.setEventHandler { [weak self] in self?.poll(interval: interval) }
        pollTimer = timer
        timer.schedule(deadline: .now() + .milliseconds(max(1, pollPause.milliseconds)), leeway: .milliseconds(5))
        timer.resume()
    }

    /// The wait between the end of one look and the next: the interval, or three times
    /// the look's own duration when that is longer. On a slow file system (WSL's /mnt/c,
    /// a network share) a look at a big site can take longer than the interval, and
    /// looking back to back would keep a core (and the share) busy; this keeps polling
    /// to about a quarter of one core, and a save is still seen within one pause plus two looks.
    static func pause(after look: Duration, interval: Duration) -> Duration {
        max(interval, look * 3)
    }

    private func poll(interval: Duration) {
        guard !stopped else { return }
        let started = ContinuousClock.now
        let now = scan()
        let wallClock = Date().timeIntervalSince1970
        let took = ContinuousClock.now - started
        for path in Self.changes(from: pollStamps, to: now) {
            // The file's modification time says how long ago it was saved; bounded by the
            // last pause and this look, so that a clock that differs (a network share's)
            // cannot mislead.
            var happened: ContinuousClock.Instant?
            if let stamp = now[path], !stamp.isFolder {
                let age = wallClock - (Double(stamp.seconds) + Double(stamp.nanoseconds) / 1e9)
                let bound = Double((pollPause + took).milliseconds + 20)
                if age > 0 { happened = .now - .milliseconds(Int(min(age * 1000, bound))) }
            }
            record(path, happened: happened)
        }
        pollStamps = now
        pollPause = Self.pause(after: took, interval: interval)
        pollTimer?.schedule(deadline: .now() + .milliseconds(max(1, pollPause.milliseconds)), leeway: .milliseconds(5))
    }

    /// Site-relative paths that appeared, disappeared or changed between two looks, sorted.
    /// A folder that is still there is not reported for its own time: it changes whenever
    /// an entry does, and the entry is reported itself.
    static func changes(from old: [String: FileStamp], to new: [String: FileStamp]) -> [String] {
        var changed: [String] = []
        for (path, stamp) in new {
            guard let before = old[path] else {
                changed.append(path)
                continue
            }
            if before.isFolder && stamp.isFolder && before.inode == stamp.inode { continue }
            if before != stamp { changed.append(path) }
        }
        for path in old.keys where new[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// One look at `site.yml` and everything under `content/` and `templates/` (the names
    /// inotify would watch; symbolic links are stamped, not followed).
    func scan() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for name in Self.rootFiles {
            if let stamp = Self.stamp(absolute(name)), !stamp.isFolder { stamps[name] = stamp }
        }
        for tree in Self.trees { scanTree(tree, into: &stamps) }
        return stamps
    }

    private func scanTree(_ relative: String, into stamps: inout [String: FileStamp]) {
        let path = absolute(relative)
        guard let stamp = Self.stamp(path) else { return }
        stamps[relative] = stamp
        guard stamp.isFolder, let folder = opendir(path) else { return }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            if name == "." || name == ".." || Self.ignored(name) { continue }
            names.append(name)
        }
        for name in names { scanTree(relative + "/" + name, into: &stamps) }
    }

    private static func stamp(_ path: String) -> FileStamp? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return FileStamp(
            seconds: Int(st.st_mtim.tv_sec), nanoseconds: Int(st.st_mtim.tv_nsec), size: Int64(st.st_size),
            inode: UInt64(st.st_ino), isFolder: (st.st_mode & S_IFMT) == S_IFDIR
        )
    }
}

extension Duration {
    /// Whole milliseconds, rounded down (for messages and Dispatch intervals).
    var milliseconds: Int {
        Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000)
    }
}
