import Foundation
import Testing
@testable import Samrad
import SamradCore
import SamradLoad

/// Whatever editors paste in: refused with a clear message naming file and line, the
/// previous output kept, and nothing in the content becomes live script on the portal.
@Suite("hostile and broken input")
struct HostileInputTests {
    /// Builds a good site first, then applies `change` and expects the build to fail
    /// with an error mentioning `message` at `file` (and `line` when given), leaving the
    /// first build's output byte for byte. The error is said in the site's language:
    /// Swedish for the (Swedish) test site, English for the same site with `language: en`.
    func expectRefused(_ message: String, file: String? = nil, line: Int? = nil, change: (SiteFolder) throws -> Void) throws {
        try expectRefusedInSwedish(message, file: file, line: line, change: change)
        let english = try SiteFolder()
        defer { english.cleanup() }
        try english.write("site.yml", (SiteFolder.minimal["site.yml"] ?? "") + "language: en\n")
        try change(english)
        // A change that writes its own site.yml keeps the site English.
        let config = try String(contentsOf: english.root.appendingPathComponent("site.yml"), encoding: .utf8)
        if !config.contains("language: en") { try english.write("site.yml", config + "\nlanguage: en\n") }
        let report = english.build()
        // A site.yml that cannot be read says no language: samrad speaks Swedish, its default.
        guard report.catalogue.language == "en" else {
            #expect(report.errors.contains { $0.location?.file == "site.yml" }, "the English site lost its language")
            return
        }
        let match = report.errors.first { $0.message.contains(message) }
        #expect(match != nil, "no error containing '\(message)' on the English site")
        if let match {
            #expect(match.key != nil, "'\(match.message)' is not in the language catalogue")
            #expect(match.message(in: report.catalogue) == match.message, "said in English on an English site")
            #expect(match.description(in: report.catalogue).contains(": error: "))
        }
    }

    func expectRefusedInSwedish(_ message: String, file: String? = nil, line: Int? = nil, change: (SiteFolder) throws -> Void) throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        #expect(!site.build().hasErrors)
        let before = site.snapshot()
        try change(site)
        let report = site.build()
        #expect(report.hasErrors, "expected an error containing '\(message)'")
        let match = report.errors.first { $0.message.contains(message) }
        #expect(match != nil, "no error containing '\(message)' in \(report.errors.map(\.description))")
        if let file { #expect(match?.location?.file == file, "\(String(describing: match))") }
        if let line { #expect(match?.location?.line == line, "\(String(describing: match))") }
        #expect(site.snapshot() == before, "the previous output must be untouched")
        if let match {
            let swedish = match.message(in: report.catalogue)
            #expect(swedish != match.message && !SwedishWords.swedish(swedish).isEmpty, "not said in Swedish: \(swedish)")
            // Editors and CI find diagnostics by the English prefix, in every language.
            #expect(match.description(in: report.catalogue).contains(": error: \(swedish)"))
        }
    }

    let meeting = "content/meetings/2023-09-14-mote/index.md"

    @Test func invalidUTF8() throws {
        try expectRefused("not valid UTF-8", file: meeting, line: 2) { site in
            try site.writeBytes(meeting, Array("---\ntitle: M".utf8) + [0xC3, 0x28] + Array("\ndate: 2023-09-14\n---\n".utf8))
        }
    }

    @Test func binaryFileNamedMarkdown() throws {
        try expectRefused("not a text file", file: meeting) { site in
            try site.writeBytes(meeting, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        }
    }

    @Test func emptyMeetingFile() throws {
        try expectRefused("empty", file: meeting, line: 1) { site in try site.write(meeting, "") }
    }

    @Test func sameSlugAsFolderAndFile() throws {
        try expectRefused("two meetings have the slug '2023-09-14-mote'") { site in
            try site.write("content/meetings/2023-09-14-mote.md", "---\ntitle: Dubblett\ndate: 2023-09-14\n---\n")
        }
    }

    @Test func themeFileNotAList() throws {
        try expectRefused("themes.yml must be a list", file: "content/themes.yml", line: 1) { site in
            try site.write("content/themes.yml", "samverkan: Samverkan\ntillit: Tillit\n")
        }
    }

    @Test func brokenTemplateNamesTemplateAndLine() throws {
        // The parser notices at line 4, where {{/content}} closes while {{#page.title}} is open.
        try expectRefused("template error", file: "templates/page.mustache", line: 4) { site in
            try site.write("templates/page.mustache", "{{<base}}\n{{$content}}\n{{#page.title}}\n{{/content}}\n{{/base}}\n")
        }
    }

    @Test func missingPartialNamesTemplateAndLine() throws {
        try expectRefused("'partials/saknas' is used here but does not exist", file: "templates/page.mustache", line: 2) { site in
            try site.write("templates/page.mustache", "{{<base}}{{$content}}\n{{>partials/saknas}}\n{{/content}}{{/base}}\n")
        }
    }

    @Test func documentLeavingTheSite() throws {
        try expectRefused("points outside the meeting folder", file: meeting, line: 4) { site in
            try site.write(meeting, "---\ntitle: Möte\ndate: 2023-09-14\ndocuments: [../../../hemlig.pdf]\n---\n")
        }
    }

    @Test func linkLeavingTheSite() throws {
        try expectRefused("leads outside the site", file: meeting, line: 6) { site in
            try site.write(meeting, "---\ntitle: Möte\ndate: 2023-09-14\n---\n\nSe [filen](../../../../etc/passwd).\n")
        }
    }

    @Test func brokenInternalLinkAndAnchor() throws {
        try expectRefused("no anchor '#fraga-9'", file: meeting, line: 6) { site in
            try site.write(meeting, "---\ntitle: Möte\ndate: 2023-09-14\n---\n\nSe [frågan](../2024-02-01-seminarium/#fraga-9).\n")
        }
        try expectRefused("does not exist", file: meeting, line: 6) { site in
            try site.write(meeting, "---\ntitle: Möte\ndate: 2023-09-14\n---\n\nSe [mötet](../2099-01-01-finns-inte/).\n")
        }
    }

    /// The idea bank's ids come from its template, not the content: only the rendered
    /// page can tell, after every page has already been written into the staging folder.
    @Test func anchorMissingOnlyOnTheRenderedPageStopsTheBuildAfterRendering() throws {
        try expectRefused("no anchor '#finns-inte'", file: meeting, line: 6) { site in
            try site.write(meeting, "---\ntitle: Möte\ndate: 2023-09-14\n---\n\nSe [idébanken](../../idebank/#finns-inte).\n")
        }
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write(meeting, "---\ntitle: Möte\ndate: 2023-09-14\n---\n\nSe [idébanken](../../idebank/#finns-inte).\n")
        #expect(site.build().hasErrors)
        let parent = (site.output as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix(".public.tmp") }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
        // An anchor the template does write is fine.
        try site.write(meeting, "---\ntitle: Möte\ndate: 2023-09-14\n---\n\nSe [idébanken](../../idebank/#main).\n")
        #expect(site.build().errors.map(\.message) == [])
    }

    @Test func missingAttachmentImage() throws {
        try expectRefused("image 'bild.png' points to a page or file that does not exist", file: meeting, line: 6) { site in
            try site.write(meeting, "---\ntitle: Möte\ndate: 2023-09-14\n---\n\n![Bild](bild.png)\n")
        }
    }

    @Test func symlinkOutOfTheSiteIsNeverPublished() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-secret-\(UUID().uuidString).txt")
        try Data("HEMLIGT-LÖSENORD".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try expectRefused("symbolic link points outside the site folder") { site in
            try FileManager.default.createSymbolicLink(atPath: site.path + "/content/meetings/2023-09-14-mote/bilaga.txt", withDestinationPath: outside.path)
        }
        let site = try SiteFolder()
        defer { site.cleanup() }
        try FileManager.default.createSymbolicLink(atPath: site.path + "/content/meetings/2023-09-14-mote/bilaga.txt", withDestinationPath: outside.path)
        _ = site.build()
        for (_, data) in site.snapshot() {
            #expect(!String(decoding: data, as: UTF8.self).contains("HEMLIGT-LÖSENORD"))
        }
    }

    /// Files below a checked folder are trusted without resolving each path; a linked
    /// folder inside a meeting is still resolved, and refused when it leads out.
    @Test func symlinkedFolderOutOfTheSiteIsNeverPublished() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("HEMLIGT-LÖSENORD".utf8).write(to: outside.appendingPathComponent("hemligt.txt"))
        defer { try? FileManager.default.removeItem(at: outside) }
        try expectRefused("symbolic link points outside the site folder") { site in
            try FileManager.default.createSymbolicLink(atPath: site.path + "/content/meetings/2023-09-14-mote/bilagor", withDestinationPath: outside.path)
        }
    }

    // MARK: These must simply work

    @Test func byteOrderMarkAndCRLF() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let text = "---\r\ntitle: Möte med BOM\r\ndate: 2023-09-14\r\n---\r\n\r\n### Fråga 1 – Fungerar CRLF?\r\n\r\nSammanfattning:\r\n\r\n- Ja #samverkan\r\n"
        try site.writeBytes(meeting, [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let page = try #require(site.read("moten/2023-09-14-mote/index.html"))
        #expect(page.contains("<h1>Möte med BOM</h1>"))
        #expect(page.contains("id=\"fraga-1\""))
        #expect(page.contains("id=\"fraga-1-punkt-1\""))
    }

    @Test func hugeMeetingManyHeadingsDeepLists() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        var big = "---\ntitle: Stort möte\ndate: 2023-09-14\n---\n\n"
        for i in 1...10_000 { big += "## Rubrik \(i)\n\nText i avsnitt \(i) med lite innehåll.\n\n" }
        var paragraph = String(repeating: "Ett långt stycke om samverkan och tillit mellan parterna. ", count: 40) + "\n\n"
        // As large as a Markdown file may be.
        let size = SiteLoader.maxMarkdownFileBytes - paragraph.utf8.count
        while big.utf8.count < size { big += paragraph; paragraph = paragraph + "" }
        try site.write(meeting, big)
        var nested = "---\ntitle: Djupt\ndate: 2024-01-01\n---\n\n"
        for depth in 0..<200 { nested += String(repeating: "  ", count: depth) + "- nivå \(depth)\n" }
        try site.write("content/meetings/2024-01-01-djupt.md", nested)
        let report = site.build()
        #expect(!report.hasErrors, "\(report.errors)")
        let page = try #require(site.read("moten/2023-09-14-mote/index.html"))
        #expect(page.contains("id=\"rubrik-10000\""))
        #expect(page.utf8.count > size)
        #expect(site.read("moten/2024-01-01-djupt/index.html")?.contains("nivå 199") == true)
    }

    // MARK: These must be inert

    @Test func scriptsAndHandlersAreInertEverywhere() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let evil = "</script><script>alert(1)</script>"
        try site.write("content/organizations.yml", "- name: \"Onda <img src=x onerror=alert(2)> föreningen\"\n- name: Polismyndigheten\n  aliases: [Polisen]\n")
        try site.write(meeting, """
        ---
        title: "Möte \(evil)"
        date: 2023-09-14
        location: "<svg onload=alert(3)>"
        summary: "Sammanfattning \(evil)"
        participants: ["Onda <img src=x onerror=alert(2)> föreningen"]
        ---

        <script>alert(4)</script>

        Text med <img src=x onerror=alert(5)> och [en länk](javascript:alert(6)) och [en till](JaVaScRiPt:alert(7)).

        ### Fråga 1 – Vad händer med <b onmouseover=alert(8)>fet</b>?

        Sammanfattning:

        - Punkt med [länk](  javascript:alert(9)) och <iframe src=x></iframe>
        """)
        try site.write("content/meetings/2023-09-14-mote/postits.md", "---\ntitle: Lappar\nappendix: postits\n---\n\n## Kategori\n\n- Lapp <script>alert(10)</script>\n- [klicka](javascript:alert(11))\n")
        let report = site.build()
        #expect(!report.hasErrors, "\(report.errors)")
        let files = site.snapshot()
        #expect(files.count > 10)
        // The CSV export holds the text as written: it is served as text/csv and opened in
        // spreadsheets, never run as a page. Everything else is checked.
        for (path, data) in files where !path.hasSuffix(".csv") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<script>alert"), "live script in \(path)")
            #expect(!text.lowercased().contains("javascript:alert"), "javascript: URL in \(path)")
            #expect(!text.contains("<img src=x onerror"), "live handler in \(path)")
            #expect(!text.contains("<svg onload"), "live handler in \(path)")
            #expect(!text.contains("<b onmouseover"), "live handler in \(path)")
            #expect(!text.contains("<iframe"), "iframe in \(path)")
        }
        // The JSON-LD block stays one script element whose content cannot close it.
        let page = try #require(site.read("moten/2023-09-14-mote/index.html"))
        let ld = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let rest = page[ld.upperBound...]
        let end = try #require(rest.range(of: "</script>"))
        #expect(rest[..<end.lowerBound].contains("\\u003c/script\\u003e"))
        // The text is still there for readers, as text.
        #expect(page.contains("&lt;script&gt;alert(4)&lt;/script&gt;"))
    }
}
