import Foundation
import Testing
@testable import Samrad
import SamradIndex

/// Case hostile/site-venv-code-execution (Fixtures/hostile): a site folder is content,
/// and content must never choose a program for samrad to run.
@Suite("hostile input: which Pagefind runs", .serialized)
struct HostilePagefindTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile/site-venv-code-execution/files/.venv")

    /// A folder with an executable `pagefind` script at `relative`.
    func plant(_ root: URL, _ relative: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("#!/bin/sh\nexit 0\n".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    @Test func onlyTheUsersOwnInstallationsAreFound() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-pf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let venvPagefind = ".venv/lib/python3.11/site-packages/pagefind_bin/pagefind"
        try plant(root, "checkout/" + venvPagefind)
        try plant(root, "usr/bin/pagefind")
        try plant(root, "opt/samrad/pagefind")
        let checkoutBinary = root.path + "/checkout/.build/x86_64-unknown-linux-gnu/release/samrad"
        let noPath = ["PATH": ""]

        let explicit = SearchIndexer.locate(environment: ["PAGEFIND_BINARY_PATH": root.path + "/usr/bin/pagefind", "PATH": root.path + "/usr/bin"], executable: checkoutBinary)
        #expect(explicit == .init(path: root.path + "/usr/bin/pagefind", source: "PAGEFIND_BINARY_PATH"))
        #expect(SearchIndexer.locate(environment: ["PAGEFIND_BINARY_PATH": "/nonexistent/pagefind", "PATH": root.path + "/usr/bin"], executable: checkoutBinary) == nil,
                "an explicit path that is wrong is not silently replaced")
        #expect(SearchIndexer.locate(environment: ["PATH": "/nonexistent:" + root.path + "/usr/bin"], executable: checkoutBinary)?.source == "PATH")
        #expect(SearchIndexer.locate(environment: noPath, executable: root.path + "/opt/samrad/samrad")
                == .init(path: root.path + "/opt/samrad/pagefind", source: "beside samrad"))
        #expect(SearchIndexer.locate(environment: noPath, executable: checkoutBinary)
                == .init(path: root.path + "/checkout/" + venvPagefind, source: "samrad's .venv"))
        // A samrad that is not in a checkout looks at no .venv at all, and relative PATH
        // entries (the current directory) are skipped.
        #expect(SearchIndexer.locate(environment: ["PATH": ".:bin:"], executable: root.path + "/checkout/samrad") == nil)
    }

    /// The build runs in the site folder's own parent with the hostile `.venv` in the
    /// site: whatever Pagefind is used, it is never that one.
    @Test func aSitesOwnVenvIsNeverRun() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let marker = site.root.appendingPathComponent("PWNED.txt")
        let venv = site.root.appendingPathComponent(".venv/lib/python3.11/site-packages/pagefind_bin")
        try FileManager.default.createDirectory(at: venv, withIntermediateDirectories: true)
        try Data("#!/bin/sh\necho ran > '\(marker.path)'\nexit 0\n".utf8).write(to: venv.appendingPathComponent("pagefind"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: venv.appendingPathComponent("pagefind").path)
        #expect(FileManager.default.fileExists(atPath: Self.fixture.path), "the case's files are kept as a fixture")
        let report = Pipeline.build(BuildOptions(site: site.path, search: true))
        #expect(report.wrote)
        #expect(!FileManager.default.fileExists(atPath: marker.path), "the site's own pagefind ran")
        if let used = report.searchBinary {
            #expect(!used.hasPrefix(site.path), "\(used)")
            #expect(used.contains("("), "says where it was found: \(used)")
        }
    }
}
