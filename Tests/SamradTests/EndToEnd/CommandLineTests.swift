import Foundation
import Testing
@testable import Samrad

/// The samrad executable itself: exit status, compiler-style messages on stderr, and the
/// previous output kept. Runs the binary built beside the test bundle.
@Suite("the samrad command", .serialized)
struct CommandLineTests {
    static var binary: URL? {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("samrad")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    struct Run { var status: Int32; var out: String; var err: String }

    /// - Parameter environment: added to this process's (never set here: other suites
    ///   run the binary at the same time).
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = try #require(Self.binary, "build the samrad product first (swift build)")
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    @Test(.enabled(if: CommandLineTests.binary != nil))
    func brokenContentExitsOneWithCompilerStyleErrorsAndKeepsOutput() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let good = try run(["build", "--site", site.path, "--no-search"])
        #expect(good.status == 0, "\(good.err)")
        let before = site.snapshot()
        let meeting = "content/meetings/2023-09-14-mote/index.md"
        try site.write(meeting, "---\ntitle: Möte\ndate: igår\n---\n\nText #samverkn\n")
        let build = try run(["build", "--site", site.path, "--no-search"])
        #expect(build.status == 1)
        #expect(build.err.contains("\(meeting):3:7: error: 'date' är 'igår'"))
        #expect(build.err.contains("lämnades orörd"), "a Swedish site hears Swedish: \(build.err)")
        #expect(site.snapshot() == before)
        let check = try run(["check", "--site", site.path])
        #expect(check.status == 1)
        #expect(check.err.contains("\(meeting):3:7: error:"))
        let json = try run(["check", "--site", site.path, "--format", "json"])
        #expect(json.status == 1)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect((parsed["errors"] as? Int ?? 0) >= 1)
        let first = try #require((parsed["diagnostics"] as? [[String: Any]])?.first { ($0["file"] as? String) == meeting })
        #expect(first["line"] as? Int == 3)
    }

    @Test(.enabled(if: CommandLineTests.binary != nil))
    func countsReadAsEnglish() throws {
        var files = SiteFolder.minimal
        files["content/meetings/2024-02-01-seminarium.md"] = nil
        let site = try SiteFolder(files)
        defer { site.cleanup() }
        let check = try run(["check", "--site", site.path, "--lang", "en"])
        #expect(check.out.contains("checked 1 meeting: 0 errors"), "one meeting, not '1 meetings': \(check.out)")
        let build = try run(["build", "--site", site.path, "--no-search", "--lang", "en"])
        #expect(build.out.contains("built 1 meeting into"), "\(build.out)")
        // A failed first build has no output to leave unchanged.
        let missing = try run(["build", "--site", site.path + "/finns-inte", "--no-search", "--lang", "en"])
        #expect(missing.status == 1)
        #expect(missing.err.contains("build failed: 1 error, 0 warnings; nothing was written"), "\(missing.err)")
    }

    /// Messages follow the site's language; --lang and SAMRAD_LANG choose another. The
    /// `error:` prefix stays English for editors and CI.
    @Test(.enabled(if: CommandLineTests.binary != nil))
    func messagesInTheSitesLanguage() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let meeting = "content/meetings/2023-09-14-mote/index.md"
        try site.writeBytes(meeting, Array("---\ntitle: M".utf8) + [0xC3, 0x28] + Array("\ndate: 2023-09-14\n---\n".utf8))
        let swedish = try run(["check", "--site", site.path])
        #expect(swedish.err.contains("\(meeting):2:"), "\(swedish.err)")
        #expect(swedish.err.contains(": error: filen är inte giltig UTF-8"), "\(swedish.err)")
        #expect(swedish.out.contains("kontrollerade"), "\(swedish.out)")
        let english = try run(["check", "--site", site.path, "--lang", "en"])
        #expect(english.err.contains(": error: the file is not valid UTF-8"), "\(english.err)")
        try site.write("site.yml", (SiteFolder.minimal["site.yml"] ?? "") + "language: en\n")
        let englishSite = try run(["build", "--site", site.path, "--no-search"])
        #expect(englishSite.err.contains(": error: the file is not valid UTF-8"), "\(englishSite.err)")
        #expect(englishSite.err.contains("build failed: 1 error"), "\(englishSite.err)")
        let json = try run(["check", "--site", site.path, "--format", "json", "--lang", "sv"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let first = try #require((parsed["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["severity"] as? String == "error")
        #expect((first["message"] as? String)?.hasPrefix("filen är inte giltig UTF-8") == true)
        #expect(first["key"] as? String == "diag_not_utf8")
        let wrong = try run(["check", "--site", site.path, "--lang", "de"])
        #expect(wrong.status != 0 && wrong.err.contains("'de'"))
    }

    @Test(.enabled(if: CommandLineTests.binary != nil))
    func newPageIsACommand() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let made = try run(["new", "page", "Kontakt", "--site", site.path])
        #expect(made.status == 0, "\(made.err)")
        #expect(made.out.contains("skapade content/pages/kontakt.md"))
        let again = try run(["new", "page", "Kontakt", "--site", site.path])
        #expect(again.status == 1)
        #expect(again.err.contains("finns redan"))
    }

    @Test(.enabled(if: CommandLineTests.binary != nil))
    func checkOfAGoodSiteExitsZero() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let check = try run(["check", "--site", site.path])
        #expect(check.status == 0, "\(check.err)")
        #expect(check.out.contains("kontrollerade") && check.out.contains(": 0 fel,"))
        #expect(!FileManager.default.fileExists(atPath: site.output), "check writes nothing")
    }

    @Test(.enabled(if: CommandLineTests.binary != nil))
    func newMeetingRefusesToOverwriteWithExitOne() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let first = try run(["new", "meeting", "Möte om öppenhet", "--date", "2025-01-02", "--site", site.path])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("content/meetings/2025-01-02-mote-om-oppenhet/index.md"))
        let again = try run(["new", "meeting", "Möte om öppenhet", "--date", "2025-01-02", "--site", site.path])
        #expect(again.status == 1)
        #expect(again.err.contains("finns redan"))
        let badDate = try run(["new", "meeting", "X", "--date", "igår", "--site", site.path])
        #expect(badDate.status == 1)
    }

    @Test func repeatedQuestionNumbersInOneSessionWarn() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("content/meetings/2024-05-05-dubbel.md", """
        ---
        title: Dubbla nummer
        date: 2024-05-05
        ---

        ## Rundabordssamtal 1

        ### Fråga 1 – Första?

        ### Fråga 1 – Andra?

        ## Rundabordssamtal 2

        ### Fråga 1 – Ny omgång, nytt nummer?
        """)
        let report = site.build()
        let warnings = report.warnings.filter { $0.message.contains("two questions are numbered 1") }
        #expect(warnings.count == 1, "\(report.warnings)")
        #expect(warnings.first?.location?.line == 10)
    }
}
