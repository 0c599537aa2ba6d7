#if canImport(Glibc)
import Glibc
import CSamradSys
#endif
import Dispatch
import Foundation
import SamradCore

/// A burst of changes to the site's sources, after the debounce.
public struct ChangeBatch: Sendable {
    /// Site-relative paths (`content/meetings/x.md`, `site.yml`), sorted, without duplicates.
    public var paths: [String]
    /// When the first event of the burst arrived (for save → reload latency).
    public var firstEvent: ContinuousClock.Instant
    /// The kernel's queue overflowed: anything may have changed.
    public var overflowed: Bool
}

/// How `SiteWatcher` notices saves.
public enum WatchMode: Sendable, Equatable {
    /// inotify, and polling at `defaultPollInterval` when inotify cannot be set up (no
    /// inotify in the kernel, or its instance or watch limit reached).
    case automatic
    /// inotify only: `start()` throws when it cannot be set up.
    case inotify
    /// Polling: every `interval`, the modification time, size and inode number of every
    /// watched file are compared with the previous look. For file systems whose changes
    /// send no inotify events: WSL's `/mnt/c`, network shares, some bind mounts.
    case poll(interval: Duration)

    /// `samrad serve --poll` without a value. A save waits half of it on average before
    /// the rebuild starts; a look at a 2,000-meeting site costs a few milliseconds.
    public static let defaultPollInterval: Duration = .milliseconds(defaultPollMilliseconds)
    public static let defaultPollMilliseconds = 250
}

/// Watches `site.yml`, `content/` and `templates/` with Linux inotify: one watch per
/// folder (added for new folders as they appear), events read by a Dispatch read source
/// on the inotify descriptor (no polling), and bursts of saves folded into one
/// `ChangeBatch` once `debounce` has passed without a new event (or `maximumDelay` after
/// the first, so a long copy still shows progress). With `.poll`, or when inotify cannot
/// be set up, it looks at the files on a timer instead (SiteWatcher+Polling.swift).
public final class SiteWatcher: @unchecked Sendable {
    public let root: String
    public let mode: WatchMode
    let debounce: Duration
    let maximumDelay: Duration
    let onChange: @Sendable (ChangeBatch) -> Void
    let onNotice: @Sendable (WatchReason) -> Void

    // Everything below is touched only on `queue`.
    let queue = DispatchQueue(label: "samrad.serve.watch")
    private var fd: Int32 = -1
    private var source: (any DispatchSourceRead)?
    private var folders: [Int32: String] = [:]
    /// errno of the first folder inotify refused to watch (ENOSPC: the watch limit).
    private var watchFailure: Int32?
    private var pending = Set<String>()
    private var overflowed = false
    private var firstEvent: ContinuousClock.Instant?
    private var lastEvent: ContinuousClock.Instant?
    private var timerArmed = false
    var stopped = false
    var pollTimer: (any DispatchSourceTimer)?
    var pollStamps: [String: FileStamp] = [:]
    /// The wait before the next look (the interval, or longer when looking is slow).
    var pollPause: Duration = .zero
    private var activeWatching: Watching = .none
    private var reason: WatchReason?

    /// The folders watched recursively and the files watched in the site folder itself.
    static let trees = ["content", "templates"]
    static let rootFiles: Set<String> = ["site.yml"]

    /// - Parameters:
    ///   - onNotice: told why (a catalogue key with its values) when the watcher changes to
    ///     polling while running (inotify refused a new folder); called on the watcher's queue.
    ///   - onChange: called on the watcher's queue with each burst of changes.
    public init(
        root: String, mode: WatchMode = .automatic, debounce: Duration = .milliseconds(50), maximumDelay: Duration = .seconds(1),
        onNotice: @escaping @Sendable (WatchReason) -> Void = { _ in }, onChange: @escaping @Sendable (ChangeBatch) -> Void
    ) {
        self.root = (root as NSString).standardizingPath
        self.mode = mode
        self.debounce = debounce
        self.maximumDelay = maximumDelay
        self.onNotice = onNotice
        self.onChange = onChange
    }

    /// Why the watcher polls or cannot watch, as a catalogue key (`serve_watch_reason_…`)
    /// with its values, so the preview says it in the reader's language.
    public struct WatchReason: Sendable, Equatable {
        public var key: String
        public var values: [String: String]

        public init(_ key: String, _ values: [String: String] = [:]) {
            self.key = key
            self.values = values
        }

        /// The values for `Catalogue.say` of a message that says `{reason}`.
        public var asReason: [String: String] { values.merging(["reason_key": key]) { _, new in new } }

        /// The reason in `words`.
        public func text(in words: Catalogue) -> String { words.say(key, values) }
    }

    public struct WatchError: Error, CustomStringConvertible {
        public var reason: WatchReason
        /// The reason in English.
        public var description: String { reason.text(in: .english) }
    }

    /// How the watcher is noticing changes now.
    public enum Watching: Sendable, Equatable {
        case none
        case inotify
        case polling(interval: Duration)
    }

    public var watching: Watching { queue.sync { activeWatching } }

    /// Why the watcher polls although it was asked for `.automatic` (nil otherwise).
    public var fallback: WatchReason? { queue.sync { reason } }

    /// `fallback` in English.
    public var fallbackReason: String? { fallback?.text(in: .english) }

    /// Test hook: inotify counts as unavailable, so that tests can change files unseen by
    /// inotify and see the fallback. Set from `SAMRAD_TEST_NO_INOTIFY=1` in the environment
    /// (for tests of the samrad command); set before `start()`.
    var inotifyDisabled = ProcessInfo.processInfo.environment["SAMRAD_TEST_NO_INOTIFY"] == "1"

    /// The `statfs` type of the file system a path is on (0 when it cannot be read). A
    /// variable so that tests can stand in a network file system; set before `start()`.
    var fileSystemType: (String) -> Int = { path in Int(samrad_file_system_type(path)) }

    /// File systems where inotify can be set up but stays silent about saves made on the
    /// other side: 9p (WSL 2's /mnt/c, a virtual machine's shared folders), NFS and
    /// SMB/CIFS shares. `.automatic` polls on them from the start. Returns the catalogue
    /// key naming the file system in the message, nil for the others (local disks, tmpfs,
    /// overlay).
    static func eventlessFileSystem(type: Int) -> String? {
        switch UInt32(truncatingIfNeeded: type) {
        case 0x0102_1997: return "serve_watch_fs_9p"
        case 0x6969: return "serve_watch_fs_nfs"
        case 0xFF53_4D42, 0xFE53_4D42, 0x517B: return "serve_watch_fs_smb"
        default: return nil
        }
    }

    /// Starts watching. Throws only when `mode` is `.inotify` and inotify cannot be set up,
    /// or the site folder cannot be read.
    public func start() throws {
        try queue.sync {
            switch mode {
            case .poll(let interval):
                try startPolling(interval: interval)
            case .inotify:
                try startInotify()
            case .automatic:
                if let kind = Self.eventlessFileSystem(type: fileSystemType(root)) {
                    reason = WatchReason("serve_watch_reason_eventless", ["path": root, "kind_key": kind])
                    try startPolling(interval: WatchMode.defaultPollInterval)
                    return
                }
                do {
                    try startInotify()
                } catch let error as WatchError {
                    reason = error.reason
                    try startPolling(interval: WatchMode.defaultPollInterval)
                }
            }
        }
    }

    public func stop() {
        queue.sync {
            stopped = true
            stopInotify()
            pollTimer?.cancel()
            pollTimer = nil
            pollStamps = [:]
            activeWatching = .none
        }
    }

    private func startPolling(interval: Duration) throws {
        var st = stat()
        guard stat(root, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            throw WatchError(reason: WatchReason("serve_watch_reason_unreadable", FileErrorText.cause(errno: errno).merging(["path": root]) { _, new in new }))
        }
        beginPolling(interval: interval)
        activeWatching = .polling(interval: interval)
    }

    /// inotify refused a folder that appeared while running: nothing in it would be seen,
    /// so the whole site is polled from now on.
    private func fallBackWhileRunning(_ why: WatchReason) {
        guard mode == .automatic, activeWatching == .inotify else { return }
        stopInotify()
        reason = why
        beginPolling(interval: WatchMode.defaultPollInterval)
        activeWatching = .polling(interval: WatchMode.defaultPollInterval)
        overflowed = true  // whatever changed before the first look is unknown: rebuild all
        record("")
        onNotice(why)
    }

    /// How many folders are watched (for tests and the log).
    public var watchedFolders: Int { queue.sync { folders.count } }

    // MARK: - inotify

    private func startInotify() throws {
        if inotifyDisabled { throw WatchError(reason: WatchReason("serve_watch_reason_disabled")) }
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError(reason: WatchReason("serve_watch_reason_no_inotify", FileErrorText.cause(errno: errno))) }
        fd = descriptor
        watchFailure = nil
        guard addWatch(relative: "", mask: Self.rootMask) else {
            let why = errno
            close(descriptor)
            fd = -1
            folders = [:]
            throw WatchError(reason: Self.watchFailure(why, path: root))
        }
        for tree in Self.trees { addTree(tree) }
        if let failure = watchFailure {
            close(descriptor)
            fd = -1
            folders = [:]
            throw WatchError(reason: Self.watchFailure(failure, path: root))
        }
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler { [weak self] in self?.drain() }
        source.setCancelHandler { close(descriptor) }
        self.source = source
        source.resume()
        activeWatching = .inotify
    }

    private func stopInotify() {
        if let source {
            source.cancel()  // closes the descriptor
        } else if fd >= 0 {
            close(fd)
        }
        source = nil
        fd = -1
        folders = [:]
    }

    static func watchFailure(_ code: Int32, path: String) -> WatchReason {
        if code == ENOSPC { return WatchReason("serve_watch_reason_limit") }
        return WatchReason("serve_watch_reason_cannot_watch", FileErrorText.cause(errno: code).merging(["path": path]) { _, new in new })
    }

    private static let changeMask: UInt32 = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MODIFY) | UInt32(IN_ATTRIB) | UInt32(IN_CREATE)
        | UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO)
    private static let treeMask: UInt32 = changeMask | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
        | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW) | UInt32(IN_EXCL_UNLINK)
    private static let rootMask: UInt32 = changeMask | UInt32(IN_ONLYDIR) | UInt32(IN_EXCL_UNLINK)

    func absolute(_ relative: String) -> String {
        relative.isEmpty ? root : root + "/" + relative
    }

    @discardableResult
    private func addWatch(relative: String, mask: UInt32) -> Bool {
        let wd = inotify_add_watch(fd, absolute(relative), mask)
        guard wd >= 0 else {
            // A folder removed in the meantime is no failure; anything else means changes go unseen.
            if errno != ENOENT && errno != ENOTDIR && watchFailure == nil { watchFailure = errno }
            return false
        }
        folders[wd] = relative
        return true
    }

    /// Watches a folder and every folder under it; symlinks are not followed.
    private func addTree(_ relative: String) {
        var st = stat()
        guard lstat(absolute(relative), &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return }
        guard addWatch(relative: relative, mask: Self.treeMask) else { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute(relative)) else { return }
        for name in names.sorted() where !Self.ignored(name) {
            addTree(relative + "/" + name)
        }
    }

    /// The names the site loader skips: hidden files and editor leftovers.
    static func ignored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913"
    }

    private func drain() {
        guard !stopped, fd >= 0 else { return }
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, capacity)
            if n <= 0 { break }  // EAGAIN: drained (non-blocking descriptor)
            var offset = 0
            while offset + 16 <= n {
                let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                var name = ""
                if length > 0 {
                    let start = buffer.advanced(by: offset + 16).assumingMemoryBound(to: UInt8.self)
                    let bytes = UnsafeBufferPointer(start: start, count: length)
                    let used = bytes.firstIndex(of: 0) ?? length
                    name = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<used]), as: UTF8.self)
                }
                handle(wd: wd, mask: mask, name: name)
                offset += 16 + length
            }
        }
        if let failure = watchFailure {
            fallBackWhileRunning(Self.watchFailure(failure, path: root))
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: String) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: rewatch everything and rebuild.
            for tree in Self.trees { addTree(tree) }
            overflowed = true
            record("")
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders.removeValue(forKey: wd)
            return
        }
        guard let folder = folders[wd] else { return }
        if mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 {
            record(folder)
            return
        }
        guard !name.isEmpty, !Self.ignored(name) else { return }
        let isFolder = mask & UInt32(IN_ISDIR) != 0
        if folder.isEmpty {
            // The site folder itself: only site.yml and the watched trees matter.
            if Self.trees.contains(name) {
                if isFolder, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 { addTree(name) }
                record(name)
            } else if Self.rootFiles.contains(name) {
                record(name)
            }
            return
        }
        let path = folder + "/" + name
        if isFolder, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 { addTree(path) }
        record(path)
    }

    // MARK: - debounce

    /// - Parameter happened: when the change happened, if known better than "now" (polling
    ///   finds a save up to one interval late; the latency is counted from the save).
    func record(_ path: String, happened: ContinuousClock.Instant? = nil) {
        let now = ContinuousClock.now
        if !path.isEmpty { pending.insert(path) }
        if firstEvent == nil { firstEvent = happened ?? now }
        lastEvent = now
        if !timerArmed {
            timerArmed = true
            arm(after: debounce)
        }
    }

    private func arm(after delay: Duration) {
        let nanoseconds = max(0, Int(delay.components.seconds) * 1_000_000_000 + Int(delay.components.attoseconds / 1_000_000_000))
        queue.asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [weak self] in self?.timerFired() }
    }

    private func timerFired() {
        guard !stopped, let first = firstEvent, let last = lastEvent else {
            timerArmed = false
            return
        }
        let now = ContinuousClock.now
        let quietUntil = last + debounce
        let latest = first + maximumDelay
        if now < quietUntil && now < latest {
            arm(after: min(quietUntil, latest) - now)
            return
        }
        let batch = ChangeBatch(paths: pending.sorted(), firstEvent: first, overflowed: overflowed)
        pending = []
        overflowed = false
        firstEvent = nil
        lastEvent = nil
        timerArmed = false
        onChange(batch)
    }
}
