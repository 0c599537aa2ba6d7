import Foundation
import SamradCore

/// Runs Pagefind over the written site (post-build step). Finding the binary:
/// `PAGEFIND_BINARY_PATH`, then `pagefind` on PATH, then the binary inside the PyPI
/// package `pagefind-bin` of the project's virtualenv or the user's Python.
public enum SearchIndexer {
    public static func locateBinary(siteRoot: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let fm = FileManager.default
        if let explicit = environment["PAGEFIND_BINARY_PATH"], !explicit.isEmpty {
            return fm.isExecutableFile(atPath: explicit) ? explicit : nil
        }
        for dir in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(dir)/pagefind"
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        var roots = [siteRoot + "/.venv", FileManager.default.currentDirectoryPath + "/.venv"]
        if let exe = Bundle.main.executablePath {
            // The repository's own virtualenv, for a samrad built in place.
            var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
            for _ in 0..<5 {
                roots.append(dir.appendingPathComponent(".venv").path)
                dir = dir.deletingLastPathComponent()
            }
        }
        for root in roots {
            guard let libs = try? fm.contentsOfDirectory(atPath: root + "/lib") else { continue }
            for lib in libs.sorted() {
                let candidate = "\(root)/lib/\(lib)/site-packages/pagefind_bin/pagefind"
                if fm.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    public struct Result: Sendable {
        public var ok: Bool
        public var message: String
    }

    /// The pages that carry an index body: meetings and their appendices, theme pages and
    /// free pages. Listing them saves Pagefind parsing every other page only to skip it.
    public static func glob(pageSlugs: [String]) -> String {
        "{" + indexedFolders(pageSlugs: pageSlugs).joined(separator: ",") + "}/**/*.html"
    }

    /// Whether `glob(pageSlugs:)` takes the page at `path` ("moten/x/index.html").
    public static func isIndexed(_ path: String, pageSlugs: [String]) -> Bool {
        guard path.hasSuffix(".html"), let slash = path.firstIndex(of: "/") else { return false }
        return indexedFolders(pageSlugs: pageSlugs).contains(String(path[..<slash]))
    }

    static func indexedFolders(pageSlugs: [String]) -> [String] {
        ["moten", "teman"] + pageSlugs.filter { !$0.isEmpty && !$0.contains("/") && !$0.contains(",") && !$0.contains("{") }
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
