import Foundation
import Testing
@testable import Samrad
import SamradCore
import SamradLoad

/// Cases from Fixtures/hostile about what content and configuration can do: publish live
/// script, publish its own sources, or take unbounded memory; and the small things.
extension HostileInputTests {
    static let hostileFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile")
    var meetingFolder: String { "content/meetings/2023-09-14-mote" }

    // MARK: attachment-active-content

    @Test func activeAttachmentsAreNotPublished() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let files = Self.hostileFixtures.appendingPathComponent("attachment-active-content/files")
        for name in ["evil.html", "evil.svg", "sub/index.html"] {
            try site.writeBytes("\(meetingFolder)/\(name)", Array(try Data(contentsOf: files.appendingPathComponent(name))))
        }
        try site.writeBytes("\(meetingFolder)/protokoll.pdf", Array("%PDF-1.4\n".utf8))
        try site.writeBytes("\(meetingFolder)/skript.js", Array("alert(1)".utf8))
        let report = site.build()
        #expect(!report.hasErrors, "\(report.errors)")
        for name in ["evil.html", "evil.svg", "sub/index.html", "skript.js"] {
            #expect(!site.exists("moten/2023-09-14-mote/\(name)"), "\(name) was published")
            #expect(report.warnings.contains { $0.location?.file == "\(meetingFolder)/\(name)" && $0.message.contains("not published") },
                    "no warning for \(name): \(report.warnings)")
        }
        #expect(site.exists("moten/2023-09-14-mote/protokoll.pdf"))
        let page = try #require(site.read("moten/2023-09-14-mote/index.html"))
        #expect(!page.contains("evil."))
        // check reports the same.
        let check = Pipeline.check(BuildOptions(site: site.path, search: false))
        #expect(check.warnings.contains { $0.message.contains("SVG image can hold script") })
    }

    @Test func activeAttachmentListedAsDocumentIsAnError() throws {
        // The line of the `documents:` entry, as for a document that does not exist.
        try expectRefused("document 'evil.html' is not published", file: meeting, line: 4) { site in
            try site.write("\(meetingFolder)/evil.html", "<script>alert(1)</script>")
            try site.write(meeting, "---\ntitle: Möte\ndate: 2023-09-14\ndocuments: [evil.html]\n---\n\nText.\n")
        }
    }

    @Test func siteMayOptInToMoreKinds() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("site.yml", "title: Testportalen\nbase_url: https://example.org/portal/\nattachments:\n  allow: [.SVG]\n")
        try site.write("\(meetingFolder)/figur.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        let report = site.build()
        #expect(!report.hasErrors, "\(report.errors)")
        #expect(site.exists("moten/2023-09-14-mote/figur.svg"))
    }

    // MARK: nested-markdown-published-raw

    @Test func nestedMarkdownIsNeverPublished() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("\(meetingFolder)/utkast/anteckningar.md", "---\ntitle: Hemligt\ndraft: true\n---\n\nHEMLIGA-ANTECKNINGAR\n")
        try site.write("\(meetingFolder)/Bilaga.MD", "HEMLIGA-ANTECKNINGAR\n")
        let report = site.build()
        #expect(!report.hasErrors, "\(report.errors)")
        #expect(!site.exists("moten/2023-09-14-mote/utkast/anteckningar.md"))
        #expect(!site.exists("moten/2023-09-14-mote/Bilaga.MD"))
        #expect(report.warnings.contains { $0.location?.file == "\(meetingFolder)/utkast/anteckningar.md" && $0.message.contains("not published") })
        for (path, data) in site.snapshot() {
            #expect(!String(decoding: data, as: UTF8.self).contains("HEMLIGA-ANTECKNINGAR"), "in \(path)")
        }
    }

    // MARK: pipes, sockets and devices

    @Test func specialFilesAreSkippedNeverRead() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        #expect(mkfifo(site.path + "/\(meetingFolder)/rör.pdf", 0o644) == 0)
        #expect(mkfifo(site.path + "/content/meetings/2025-01-01-ror.md", 0o644) == 0)
        // A pipe nobody writes to: reading it would wait for ever.
        let report = site.build()
        #expect(!report.hasErrors, "\(report.errors)")
        #expect(report.warnings.filter { $0.message.contains("pipe, socket or device") }.count == 2, "\(report.warnings)")
        #expect(!site.exists("moten/2023-09-14-mote/rör.pdf"))
    }

    // MARK: markdown-memory-amplification

    /// A meeting file of exactly `bytes` bytes whose body is one paragraph of `_a_a_a…`,
    /// the text cmark-gfm needs most memory for (a node per byte).
    func writeDelimiterHeavyMeeting(_ site: SiteFolder, bytes: Int) throws {
        let head = Array("---\ntitle: Stort\ndate: 2023-09-14\n---\n\n".utf8)
        let body = (0..<(bytes - head.count - 1)).map { $0 % 2 == 0 ? UInt8(ascii: "_") : UInt8(ascii: "a") }
        try site.writeBytes(meeting, head + body + [UInt8(ascii: "\n")])
    }

    @Test func markdownOverTheLimitIsRefusedWithItsSize() throws {
        let limit = SiteLoader.maxMarkdownFileBytes
        try expectRefused("the file is 2.1 MB; the limit is 2 MB per Markdown file", file: meeting) { site in
            try writeDelimiterHeavyMeeting(site, bytes: limit + 1)
        }
        let site = try SiteFolder()
        defer { site.cleanup() }
        try writeDelimiterHeavyMeeting(site, bytes: limit + 1)
        let report = site.build()
        let error = try #require(report.errors.first { $0.location?.file == meeting })
        #expect(error.description(in: report.catalogue) == "\(meeting): error: filen är 2,1 MB; gränsen är 2 MB per Markdown-fil (ett protokoll är sällan över 150 kB): dela upp den, till exempel i bilagor")
        // YAML keeps its own, larger limit.
        #expect(SiteLoader.maxTextFileBytes > limit)
    }

    /// Peak memory of a whole `samrad build` in a child process: just under the limit the
    /// build succeeds within a few hundred bytes per input byte (cmark-gfm's own tree; the
    /// converted tree joins the text back into one node), and a file four times the limit
    /// is refused before it is parsed (it took about 200 bytes per byte, 1.7 GB, before).
    @Test(.enabled(if: CommandLineTests.binary != nil))
    func delimiterHeavyMarkdownStaysWithinBoundedMemory() throws {
        let binary = try #require(CommandLineTests.binary).path
        let limit = SiteLoader.maxMarkdownFileBytes
        let site = try SiteFolder()
        defer { site.cleanup() }
        try writeDelimiterHeavyMeeting(site, bytes: limit - 1)
        let under = try ChildPeakMemory.run(binary, ["build", "--site", site.path, "--no-search"])
        #expect(under.status == 0, "\(under.err)")
        #expect(under.maxRSSKiB * 1024 < 300 * limit, "peak \(under.maxRSSKiB) KiB for a \(limit - 1)-byte file")
        let page = try #require(site.read("moten/2023-09-14-mote/index.html"))
        #expect(page.contains("_a_a_a_a_a_a_a_a"), "the text is published as written")

        try writeDelimiterHeavyMeeting(site, bytes: 4 * limit)
        let over = try ChildPeakMemory.run(binary, ["build", "--site", site.path, "--no-search"])
        #expect(over.status == 1)
        #expect(over.err.contains("\(meeting): error: filen är 8,0 MB; gränsen är 2 MB per Markdown-fil"), "\(over.err)")
        #expect(over.maxRSSKiB * 1024 < 100 * limit, "peak \(over.maxRSSKiB) KiB for a refused file")
    }

    // MARK: yaml-alias-amplification

    @Test func yamlAliasesAreRefusedInFrontMatterAndConfig() throws {
        try expectRefused("YAML aliases ('*big'", file: meeting, line: 4) { site in
            let big = String(repeating: "Organisation ", count: 8000)
            let aliases = Array(repeating: "*big", count: 30_000).joined(separator: ",")
            try site.write(meeting, "---\ntitle: Möte\ndate: 2023-09-14\nbig: &big \"\(big)\"\nparticipants: [\(aliases)]\n---\n\nText.\n")
        }
        try expectRefused("YAML aliases", file: "site.yml") { site in
            try site.write("site.yml", "title: &t Testportalen\ndescription: *t\nbase_url: https://example.org/portal/\n")
        }
        // Nested aliases ("billion laughs") stop at the first repetition.
        try expectRefused("YAML aliases", file: "content/themes.yml") { site in
            var yaml = "- slug: a\n  name: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            for i in 1..<30 { yaml += "- slug: a\(i)\n  name: &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ",") + "]\n" }
            try site.write("content/themes.yml", yaml)
        }
    }

    @Test func asteriskInPlainTextIsNoAlias() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write(meeting, "---\ntitle: \"Möte *viktigt*\"\ndate: 2023-09-14\nsummary: |\n  *betonat* och &och\n---\n\nText.\n")
        let report = site.build()
        #expect(!report.hasErrors, "\(report.errors)")
    }

    // MARK: contact-url-javascript, base-url-not-validated

    @Test func configurationURLsAreValidated() throws {
        let append = try String(contentsOf: Self.hostileFixtures.appendingPathComponent("contact-url-javascript/site-append.yml"), encoding: .utf8)
        try expectRefused("'accessibility.contact_url' must be a web address", file: "site.yml", line: 5) { site in
            try site.write("site.yml", "title: Testportalen\nbase_url: https://example.org/portal/\n" + append)
        }
        for (bad, why) in [("https://dialog.example.se//", "empty path segment"), ("https://example.org//cdn.example/", "empty path segment"),
                           ("/p/\\\"><b>injected</b>", "cannot hold"), ("https://exa mple.org/", "host name"),
                           ("javascript:alert(1)//", "neither a full address"), ("https://example.org/a b/", "space")] {
            try expectRefused(why, file: "site.yml", line: 2) { site in
                try site.write("site.yml", "title: Testportalen\nbase_url: \"\(bad)\"\n")
            }
        }
    }

    @Test func baseURLOptionIsValidatedLikeTheConfig() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let report = Pipeline.build(BuildOptions(site: site.path, baseURL: "javascript:alert(1)//", search: false))
        #expect(report.errors.contains { $0.message.contains("--base-url 'javascript:alert(1)//'") }, "\(report.errors)")
        #expect(!report.wrote)
        let good = Pipeline.build(BuildOptions(site: site.path, baseURL: "https://example.org/sub%C3%A5/", search: false))
        #expect(!good.hasErrors, "\(good.errors)")
    }

    @Test func configURLChecks() {
        #expect(ConfigURLs.baseURLProblem("https://example.org") == nil)
        #expect(ConfigURLs.baseURLProblem("http://localhost:8080/portal/") == nil)
        #expect(ConfigURLs.baseURLProblem("/") == nil)
        #expect(ConfigURLs.baseURLProblem("/portal") == nil)
        #expect(ConfigURLs.baseURLProblem("https://example.org/p?x=1") != nil)
        #expect(ConfigURLs.baseURLProblem("https://example.org/p#x") != nil)
        #expect(ConfigURLs.baseURLProblem("https://example.org/%zz/") != nil)
        #expect(ConfigURLs.baseURLProblem("https://example.org/../") != nil)
        #expect(ConfigURLs.baseURLProblem("https:///") != nil)
        #expect(ConfigURLs.webOrMailProblem("mailto:a@b.se") == nil)
        #expect(ConfigURLs.webOrMailProblem("https://example.org/kontakt") == nil)
        #expect(ConfigURLs.webOrMailProblem("JavaScript:alert(1)") == "it starts with 'JavaScript:'", "the message names what is wrong")
        #expect(ConfigURLs.webOrMailProblem("www.example.org/kontakt") == "it starts with 'www.example.org/kont' (no https://, http:// or mailto:)")
        #expect(ConfigURLs.webOrMailProblem("https://x.se/\"onmouseover=") != nil)
        #expect(ConfigURLs.emailProblem("info@example.org") == nil)
        #expect(ConfigURLs.emailProblem("a\"@b") != nil)
        #expect(ConfigURLs.emailProblem("ingen-snabel-a") != nil)
    }

    // MARK: page-named-_samrad

    @Test func samradsOwnPathsAreReservedPageNames() throws {
        for name in ["_samrad", "pagefind"] {
            try expectRefused("the page name '\(name)' is reserved", file: "content/pages/\(name).md") { site in
                try site.write("content/pages/\(name).md", "---\ntitle: Intern\n---\n\nText.\n")
            }
        }
    }

    // MARK: new-meeting-unparseable-file, and raw system errors

    @Test func newMeetingWritesOnlyWhatCheckAccepts() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let date = try #require(ISODate("2025-01-03"))
        for title in ["Rad ett\nrad: två\n---\ndraft: false", "Möte\u{01}\u{1B}[31mRÖD\u{1B}[0m", "Tab\tbar", "Rad\u{2028}två"] {
            #expect(throws: Scaffold.Failure.self) { try Scaffold.newMeeting(site: site.path, title: title, date: date) }
        }
        let long = try Scaffold.newMeeting(site: site.path, title: String(repeating: "å", count: 300), date: date)
        #expect(long.utf8.count < 120, "\(long)")
        let words = try Scaffold.newMeeting(site: site.path, title: String(repeating: "samverkan ", count: 20), date: date)
        #expect(!words.contains("--"))
        let quoted = try Scaffold.newMeeting(site: site.path, title: "Citat \"så\" och \\ snedstreck: ja", date: date)
        #expect(quoted.hasSuffix("index.md"))
        let check = Pipeline.check(BuildOptions(site: site.path, includeDrafts: true, search: false))
        #expect(!check.hasErrors, "samrad check rejects what samrad new wrote: \(check.errors)")
    }

    @Test func newMeetingStaysInsideTheSite() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-outside-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: site.path + "/content/meetings", toPath: outside.path + "/meetings")
        try FileManager.default.createSymbolicLink(atPath: site.path + "/content/meetings", withDestinationPath: outside.path + "/meetings")
        let date = try #require(ISODate("2025-03-03"))
        #expect(throws: Scaffold.Failure.self) { try Scaffold.newMeeting(site: site.path, title: "Nytt möte", date: date) }
        #expect(!FileManager.default.fileExists(atPath: outside.path + "/meetings/2025-03-03-nytt-mote"))
    }

    @Test func fileSystemErrorsAreSentencesAboutTheUsersFiles() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("notes.txt", "anteckningar")
        do {
            _ = try Scaffold.initSite(site.path + "/notes.txt")
            Issue.record("init over a file must fail")
        } catch {
            let text = "\(error)"
            #expect(!text.contains("NSCocoaErrorDomain") && !text.contains("Error Domain"), "\(text)")
            #expect(text.contains("is a file"))
        }
        let cocoa = CocoaError(.fileWriteInvalidFileName)
        #expect(!FileErrorText.describe(cocoa).contains("Domain"))
        #expect(FileErrorText.describe(POSIXError(.EACCES)) == "permission denied")
    }
}
