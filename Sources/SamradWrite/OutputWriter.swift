import CSamradSys
import Foundation
import SamradCore

/// Writes the generated site so that readers never see a half-built one: everything goes
/// into a fresh folder beside the output, which then takes the output's place in one
/// atomic exchange. If anything fails, the previous output is left exactly as it was.
public struct OutputWriter: Sendable {
    public var output: URL

    public init(output: String) {
        self.output = URL(fileURLWithPath: output).standardizedFileURL
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// - Returns: the number of files written.
    @discardableResult
    public func write(_ files: [OutputFile], beforeSwap: (URL) throws -> Void = { _ in }) throws -> Int {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            try writeAll(files, into: staging)
            try beforeSwap(staging)
            try swapIn(staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        return files.count
    }

    func writeAll(_ files: [OutputFile], into folder: URL) throws {
        let fm = FileManager.default
        var seen = Set<String>()
        var folders = Set<String>()
        for file in files {
            guard isSafeRelative(file.path) else { throw Failure(description: "refusing to write outside the output folder: \(file.path)") }
            guard seen.insert(file.path).inserted else {
                throw Failure(description: "two pages want the same file '\(file.path)'; rename one of the meetings or pages")
            }
            let dir = (file.path as NSString).deletingLastPathComponent
            if !dir.isEmpty && folders.insert(dir).inserted {
                try fm.createDirectory(at: folder.appendingPathComponent(dir), withIntermediateDirectories: true)
            }
        }
        let failures = FailureBox()
        let sorted = files
        parallelForEach(sorted) { file in
            let target = folder.appendingPathComponent(file.path)
            do {
                switch file.content {
                case .text(let s): try Data(s.utf8).write(to: target)
                case .bytes(let b): try Data(b).write(to: target)
                case .copy(let source): try FileManager.default.copyItem(atPath: source, toPath: target.path)
                }
            } catch {
                failures.add("cannot write \(file.path): \(error.localizedDescription)")
            }
        }
        if let first = failures.first { throw Failure(description: first) }
    }

    func isSafeRelative(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }

    /// Exchanges the staging folder with the output in one step where the kernel allows
    /// it; otherwise moves the old output aside first. The old output is then removed.
    func swapIn(_ staging: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        if samrad_exchange_paths(staging.path, output.path) == 0 {
            try? fm.removeItem(at: staging)
            return
        }
        let aside = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: aside)
        try fm.moveItem(at: output, to: aside)
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            try? fm.moveItem(at: aside, to: output)
            throw error
        }
        try? fm.removeItem(at: aside)
    }
}

private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ m: String) { lock.lock(); messages.append(m); lock.unlock() }
    var first: String? { lock.lock(); defer { lock.unlock() }; return messages.sorted().first }
}

func parallelForEach<T: Sendable>(_ items: [T], _ body: @Sendable (T) -> Void) {
    _ = parallelMap(items) { body($0); return 0 }
}
