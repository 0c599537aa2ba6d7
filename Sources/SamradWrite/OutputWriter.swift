import CSamradSys
import Foundation
import SamradCore

/// Writes the generated site so that readers never see a half-built one: everything goes
/// into a fresh folder beside the output, which then takes the output's place in one
/// atomic exchange. If anything fails, the previous output is left exactly as it was.
/// Which folders may be replaced at all is `OutputGuard`'s decision, made before.
public struct OutputWriter: Sendable {
    public var output: URL

    /// - Parameter output: the folder to replace, as `OutputGuard.target` returned it.
    public init(output: String) {
        self.output = URL(fileURLWithPath: output).standardizedFileURL
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Hands `produce` a staging folder to write files into as they are made (a build
    /// need not hold the whole site in memory), then runs `beforeSwap` on it and swaps it
    /// in. Anything thrown on the way removes the staging folder and leaves the output.
    public func write(streaming produce: (StagingFolder) throws -> Void, beforeSwap: (URL) throws -> Void = { _ in }) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create the folder '\(parent.path)': \(FileErrorText.describe(error))")
        }
        removeAbandonedStaging()
        let folder = parent.appendingPathComponent(".\(output.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw Failure(description: "cannot create a staging folder in '\(parent.path)' (a build writes beside its output, then swaps): \(FileErrorText.describe(error))")
        }
        StagingCleanup.current.withLock { $0 = folder.path }
        defer { StagingCleanup.current.withLock { $0 = nil } }
        do {
            let staging = StagingFolder(folder)
            try produce(staging)
            try staging.finish()
            try OutputGuard.stamp(folder)
            try beforeSwap(folder)
            try swapIn(folder)
        } catch {
            try? fm.removeItem(at: folder)
            throw error
        }
    }

    /// Staging folders (and set-aside outputs) left by a build of this output that was
    /// killed: their names carry the process id, and that process is gone.
    func removeAbandonedStaging() {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).tmp-", ".\(output.lastPathComponent).old-"]
        guard let names = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { continue }
            let pidText = name.dropFirst(prefix.count).prefix { $0 != "-" }
            guard let pid = Int32(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Exchanges the staging folder with the output in one step where the kernel allows
    /// it; otherwise moves the old output aside first. The old output is then removed.
    func swapIn(_ staging: URL) throws {
        let fm = FileManager.default
        guard OutputGuard.mayReplace(output) else {
            throw Failure(description: "'\(output.path)' changed during the build and is no longer empty or samrad's own output; it was left as it is")
        }
        var info = stat()
        guard lstat(output.path, &info) == 0 else {
            guard rename(staging.path, output.path) == 0 else {
                throw Failure(description: "cannot move the new site into '\(output.path)': \(FileErrorText.phrase(errno: errno))")
            }
            return
        }
        if samrad_exchange_paths(staging.path, output.path) == 0 {
            try? fm.removeItem(at: staging)
            return
        }
        let aside = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: aside)
        guard rename(output.path, aside.path) == 0 else {
            throw Failure(description: "cannot replace '\(output.path)': \(FileErrorText.phrase(errno: errno))")
        }
        guard rename(staging.path, output.path) == 0 else {
            let reason = FileErrorText.phrase(errno: errno)
            _ = rename(aside.path, output.path)
            throw Failure(description: "cannot move the new site into '\(output.path)': \(reason)")
        }
        try? fm.removeItem(at: aside)
    }
}

/// The folder a build writes into before it is swapped in. Safe to write to from many
/// threads; a failed write is remembered and reported by `finish()`, so that rendering
/// threads need not stop to handle it.
public final class StagingFolder: @unchecked Sendable {
    public let url: URL
    private let root: String
    private let lock = NSLock()
    private var seen = Set<String>()
    private var folders = Set<String>()
    private var failures: [String] = []

    init(_ url: URL) {
        self.url = url
        root = url.path
    }

    public func write(_ path: String, _ content: OutputFile.Content) {
        guard Self.isSafeRelative(path) else { return fail("refusing to write outside the output folder: \(path)") }
        let dir = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        lock.lock()
        let fresh = seen.insert(path).inserted
        let newFolder = !dir.isEmpty && !folders.contains(dir)
        lock.unlock()
        guard fresh else { return fail("two pages want the same file '\(path)'; rename one of the meetings or pages") }
        let target = root + "/" + path
        do {
            if newFolder {
                try Self.makeFolder(root + "/" + dir)
                lock.lock(); folders.insert(dir); lock.unlock()
            }
            switch content {
            case .text(var s): try s.withUTF8 { try Self.write($0, to: target) }
            case .bytes(let b): try b.withUnsafeBufferPointer { try Self.write($0, to: target) }
            case .copy(let source): try FileManager.default.copyItem(atPath: source, toPath: target)
            }
        } catch {
            fail("cannot write \(path): \(FileErrorText.describe(error))")
        }
    }

    /// Throws the first failure (in path order, so that the message does not depend on
    /// thread timing).
    func finish() throws {
        lock.lock()
        defer { lock.unlock() }
        if let first = failures.sorted().first { throw OutputWriter.Failure(description: first) }
    }

    private func fail(_ message: String) {
        lock.lock()
        failures.append(message)
        lock.unlock()
    }

    static func isSafeRelative(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }

    /// `mkdir -p` with one system call for a folder whose parent exists (nearly all of
    /// them: a page's folder is made right after its section's).
    private static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw OutputWriter.Failure(description: String(cString: strerror(errno))) }
        if let slash = path.lastIndex(of: "/"), slash > path.startIndex {
            try makeFolder(String(path[..<slash]))
        }
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        throw OutputWriter.Failure(description: String(cString: strerror(errno)))
    }

    /// Straight from the string's bytes to the file: no `Data` copy of a page that may
    /// be tens of megabytes.
    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputWriter.Failure(description: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputWriter.Failure(description: String(cString: strerror(errno)))
            }
            offset += n
        }
    }
}
