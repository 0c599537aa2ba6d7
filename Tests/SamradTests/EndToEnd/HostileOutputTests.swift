import Foundation
import Testing
@testable import Samrad
import SamradCore
import SamradWrite

/// Cases hostile/output-site-folder, output-foreign-folder-or-file and
/// output-symlink-replaced (Fixtures/hostile): a build replaces its output folder whole,
/// so it must never be pointed at something it would destroy.
extension HostileInputTests {
    /// Builds into `output` and expects a refusal containing `message`, with every file
    /// under `kept` byte for byte as before.
    func expectOutputRefused(_ site: SiteFolder, output: String, _ message: String, kept: String) {
        let before = site.snapshot(kept)
        #expect(!before.isEmpty, "nothing to compare under \(kept)")
        let report = site.build(output: output)
        #expect(!report.wrote)
        #expect(report.errors.contains { $0.message.contains(message) }, "\(report.errors.map(\.message))")
        #expect(site.snapshot(kept) == before, "\(kept) was changed")
    }

    @Test func outputIsNeverTheSiteOrItsSources() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("templates/page.mustache", "{{<base}}{{$content}}{{/content}}{{/base}}\n")
        expectOutputRefused(site, output: site.path, "is the site folder itself", kept: site.path)
        expectOutputRefused(site, output: site.path + "/", "is the site folder itself", kept: site.path)
        expectOutputRefused(site, output: site.path + "/content", "inside the site's content/ folder", kept: site.path)
        expectOutputRefused(site, output: site.path + "/content/meetings", "inside the site's content/ folder", kept: site.path)
        expectOutputRefused(site, output: site.path + "/content/new", "inside the site's content/ folder", kept: site.path)
        expectOutputRefused(site, output: site.path + "/templates", "inside the site's templates/ folder", kept: site.path)
        // A relative path that names the site through '..'.
        expectOutputRefused(site, output: site.path + "/content/..", "is the site folder itself", kept: site.path)
    }

    @Test func outputIsNeverAnAncestorOfTheSite() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-proj-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: project) }
        try FileManager.default.createDirectory(at: project.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try Data("important".utf8).write(to: project.appendingPathComponent("docs/README.txt"))
        let site = try SiteFolder()
        defer { site.cleanup() }
        let inner = project.appendingPathComponent("site")
        try FileManager.default.moveItem(at: site.root, to: inner)
        defer { try? FileManager.default.moveItem(at: inner, to: site.root) }
        let report = Pipeline.build(BuildOptions(site: inner.path, output: project.path, search: false))
        #expect(report.errors.contains { $0.message.contains("holds the site folder") }, "\(report.errors)")
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("docs/README.txt").path))
        #expect(FileManager.default.fileExists(atPath: inner.path + "/site.yml"))
        let root = Pipeline.build(BuildOptions(site: inner.path, output: "/", search: false))
        #expect(root.errors.contains { $0.message.contains("holds the site folder") }, "\(root.errors)")
    }

    @Test func foreignFolderOrFileIsNeverReplaced() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let home = site.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("Dokument"), withIntermediateDirectories: true)
        try Data("thesis".utf8).write(to: home.appendingPathComponent("Dokument/avhandling.txt"))
        expectOutputRefused(site, output: home.path, "was not made by samrad", kept: home.path)
        let notes = site.root.appendingPathComponent("notes.txt")
        try Data("anteckningar".utf8).write(to: notes)
        let report = site.build(output: notes.path)
        #expect(report.errors.contains { $0.message.contains("is a file, not a folder") }, "\(report.errors)")
        #expect(FileManager.default.contents(atPath: notes.path) == Data("anteckningar".utf8))
    }

    @Test func ownOutputAndEmptyFoldersAreReplaced() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try FileManager.default.createDirectory(atPath: site.output, withIntermediateDirectories: true)
        #expect(site.build().wrote, "an empty folder may be built into")
        #expect(site.exists(OutputGuard.stampName), "every build stamps its output")
        try Data("gammal".utf8).write(to: URL(fileURLWithPath: site.output + "/gammal.txt"))
        #expect(site.build().wrote, "a stamped folder is samrad's own")
        #expect(!site.exists("gammal.txt"), "and is replaced whole")
        // Not stamped any more: someone else's now.
        try FileManager.default.removeItem(atPath: site.output + "/" + OutputGuard.stampName)
        expectOutputRefused(site, output: site.output, "no .samrad-output stamp", kept: site.output)
    }

    @Test func symlinkedOutputIsBuiltIntoItsTarget() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let webroot = site.root.appendingPathComponent("webroot")
        try FileManager.default.createDirectory(at: webroot, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.output, withDestinationPath: webroot.path)
        for _ in 0..<2 {
            let report = site.build()
            #expect(report.wrote, "\(report.errors)")
            let link = try FileManager.default.destinationOfSymbolicLink(atPath: site.output)
            #expect(link == webroot.path, "public must stay a link to the web root")
            #expect(FileManager.default.fileExists(atPath: webroot.path + "/index.html"))
            #expect(FileManager.default.fileExists(atPath: webroot.path + "/" + OutputGuard.stampName))
        }
        // A link to a folder samrad did not make is refused like the folder itself.
        try FileManager.default.removeItem(at: webroot)
        try FileManager.default.createDirectory(at: webroot, withIntermediateDirectories: true)
        try Data("old site".utf8).write(to: webroot.appendingPathComponent("index.html"))
        expectOutputRefused(site, output: site.output, "(a symbolic link to ", kept: webroot.path)
        // A dangling link is refused with its target named.
        try FileManager.default.removeItem(at: webroot)
        let report = site.build()
        #expect(report.errors.contains { $0.message.contains("which does not exist") }, "\(report.errors)")
    }

    @Test func mountPointIsRefused() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let report = site.build(output: "/proc")
        #expect(report.errors.contains { $0.message.contains("is a mount point") }, "\(report.errors)")
    }

    /// A build killed outright cannot clean up after itself; the next build of that
    /// output removes what it left.
    @Test func abandonedStagingFoldersAreRemoved() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let abandoned = site.path + "/.public.tmp-99999999-12345"
        try FileManager.default.createDirectory(atPath: abandoned + "/moten", withIntermediateDirectories: true)
        let living = site.path + "/.public.tmp-\(getpid())-1"
        try FileManager.default.createDirectory(atPath: living, withIntermediateDirectories: true)
        #expect(site.build().wrote)
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(FileManager.default.fileExists(atPath: living), "a build still running is left alone")
    }
}
