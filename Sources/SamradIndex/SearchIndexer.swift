import Foundation
import SamradCore

/// Runs Pagefind over the written site (post-build step).
///
/// Pagefind is a program samrad runs, so it is looked for only where the person running
/// samrad put it, never in the site folder or the current directory: a cloned site is
/// content, and content must not be able to run code (a `.venv` committed to it could
/// hold any program named `pagefind`). In this order:
/// 1. `PAGEFIND_BINARY_PATH` (when set, nothing else is tried);
/// 2. `pagefind` on `PATH`;
/// 3. samrad's own installation: `pagefind` next to the samrad binary, or, for a samrad
///    built in a checkout (`<checkout>/.build/…/samrad`), the Python package
///    `pagefind-bin` in that checkout's `.venv` (where `scripts/setup.sh` installs it).
public enum SearchIndexer {
    /// A Pagefind binary and where it was found, for the line that says so.
    public struct Pagefind: Sendable, Equatable {
        /// Absolute path of the executable.
        public var path: String
        /// "PAGEFIND_BINARY_PATH", "PATH", "beside samrad" or "samrad's .venv".
        public var source: String

        public var description: String { "\(path) (\(source))" }

        public init(path: String, source: String) {
            self.path = path
            self.source = source
        }
    }

    /// The Pagefind binary to run, or nil when none is installed.
    /// - Parameters:
    ///   - environment: `PAGEFIND_BINARY_PATH` and `PATH` are read from it.
    ///   - executable: the running samrad binary (or test runner); its folder and its
    ///     checkout's `.venv` are samrad's own installation.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String? = Bundle.main.executablePath) -> Pagefind? {
        let fm = FileManager.default
        if let explicit = environment["PAGEFIND_BINARY_PATH"], !explicit.isEmpty {
            return fm.isExecutableFile(atPath: explicit) ? Pagefind(path: explicit, source: "PAGEFIND_BINARY_PATH") : nil
        }
        // Only absolute PATH entries: an empty or relative one means the current directory.
        for dir in (environment["PATH"] ?? "").split(separator: ":") where dir.hasPrefix("/") {
            let candidate = "\(dir)/pagefind"
            if fm.isExecutableFile(atPath: candidate) { return Pagefind(path: candidate, source: "PATH") }
        }
        guard let executable else { return nil }
        let binDir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let beside = binDir.appendingPathComponent("pagefind").path
        if fm.isExecutableFile(atPath: beside) { return Pagefind(path: beside, source: "beside samrad") }
        // A checkout's build folder is `<checkout>/.build/<triple>/<config>/`; its
        // `.venv` sits beside `.build`. Nothing above the checkout is looked at.
        var dir = binDir
        while dir.path != "/" && dir.lastPathComponent != ".build" { dir = dir.deletingLastPathComponent() }
        guard dir.lastPathComponent == ".build" else { return nil }
        let venv = dir.deletingLastPathComponent().appendingPathComponent(".venv").path
        guard let libs = try? fm.contentsOfDirectory(atPath: venv + "/lib") else { return nil }
        for lib in libs.sorted() {
            let candidate = "\(venv)/lib/\(lib)/site-packages/pagefind_bin/pagefind"
            if fm.isExecutableFile(atPath: candidate) { return Pagefind(path: candidate, source: "samrad's .venv") }
        }
        return nil
    }

    public struct Result: Sendable {
        public var ok: Bool
        public var message: String
    }

    /// The pages that carry an index body: meetings and their appendices, theme pages and
    /// free pages. Listing them saves Pagefind parsing every other page only to skip it.
    public static func glob(pageSlugs: [String], paths: SectionPaths = SectionPaths()) -> String {
        "{" + indexedFolders(pageSlugs: pageSlugs, paths: paths).joined(separator: ",") + "}/**/*.html"
    }

    /// Whether `glob(pageSlugs:)` takes the page at `path` ("moten/x/index.html").
    public static func isIndexed(_ path: String, pageSlugs: [String], paths: SectionPaths = SectionPaths()) -> Bool {
        guard path.hasSuffix(".html"), let slash = path.firstIndex(of: "/") else { return false }
        return indexedFolders(pageSlugs: pageSlugs, paths: paths).contains(String(path[..<slash]))
    }

    static func indexedFolders(pageSlugs: [String], paths: SectionPaths) -> [String] {
        [paths[.meetings], paths[.themes]] + pageSlugs.filter { !$0.isEmpty && !$0.contains("/") && !$0.contains(",") && !$0.contains("{") }
    }

    /// Indexes `folder` in place, writing `folder/pagefind/`.
    public static func index(folder: String, binary: String, language: String, glob: String? = nil) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--site", folder, "--output-subdir", "pagefind", "--force-language", language, "--quiet"]
            + (glob.map { ["--glob", $0] } ?? [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return Result(ok: false, message: "cannot run Pagefind at \(binary): \(error.localizedDescription)")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        return Result(ok: process.terminationStatus == 0, message: text)
    }
}
