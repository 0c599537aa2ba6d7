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

    /// Why the site could not be written: a catalogue key (`diag_write_…`) with its
    /// values (a file-system cause among them); `description` is the English.
    public struct Failure: Error, CustomStringConvertible {
        public var key: String
        public var values: [String: String]
        public init(_ key: String, _ values: [String: String]) {
            self.key = key
            self.values = values
        }
        public var description: String { Catalogue.english.say(key, values) }
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
            throw Failure("diag_write_create_folder", FileErrorText.cause(error).merging(["folder": parent.path]) { $1 })
        }
        removeAbandonedStaging()
        let folder = parent.appendingPathComponent(".\(output.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw Failure("diag_write_staging", FileErrorText.cause(error).merging(["folder": parent.path]) { $1 })
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
            throw Failure("diag_write_changed", ["output": output.path])
        }
        var info = stat()
        guard lstat(output.path, &info) == 0 else {
            guard rename(staging.path, output.path) == 0 else {
                throw Failure("diag_write_move", FileErrorText.cause(errno: errno).merging(["output": output.path]) { $1 })
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
            throw Failure("diag_write_replace", FileErrorText.cause(errno: errno).merging(["output": output.path]) { $1 })
        }
        guard rename(staging.path, output.path) == 0 else {
            let cause = FileErrorText.cause(errno: errno)
            _ = rename(aside.path, output.path)
            throw Failure("diag_write_move", cause.merging(["output": output.path]) { $1 })
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
    /// Failed writes by path: the first in path order is reported.
    private var failures: [(path: String, failure: OutputWriter.Failure)] = []

    init(_ url: URL) {
        self.url = url
        root = url.path
    }

    public func write(_ path: String, _ content: OutputFile.Content) {
        guard Self.isSafeRelative(path) else { return fail(path, "diag_write_outside", [:]) }
        let dir = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        lock.lock()
        let fresh = seen.insert(path).inserted
        let newFolder = !dir.isEmpty && !folders.contains(dir)
        lock.unlock()
        guard fresh else { return fail(path, "diag_write_twice", [:]) }
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
            fail(path, "diag_write_file", FileErrorText.cause(error))
        }
    }

    /// Throws the first failure (in path order, so that the message does not depend on
    /// thread timing).
    func finish() throws {
        lock.lock()
        defer { lock.unlock() }
        if let first = failures.min(by: { ($0.path, $0.failure.key) < ($1.path, $1.failure.key) }) { throw first.failure }
    }

    private func fail(_ path: String, _ key: String, _ values: [String: String]) {
        let failure = OutputWriter.Failure(key, values.merging(["file": path]) { $1 })
        lock.lock()
        failures.append((path, failure))
        lock.unlock()
    }

    static func isSafeRelative(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }

    /// `mkdir -p` with one system call for a folder whose parent exists (nearly all of
    /// them: a page's folder is made right after its section's).
    private static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        if let slash = path.lastIndex(of: "/"), slash > path.startIndex {
            try makeFolder(String(path[..<slash]))
        }
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }

    /// Straight from the string's bytes to the file: no `Data` copy of a page that may
    /// be tens of megabytes.
    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += n
        }
    }
}
