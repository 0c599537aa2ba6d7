import Foundation
import Testing
@testable import Samrad
@testable import SamradCore
import SamradImport
import SamradServe

/// Every message samrad prints comes from the language catalogue: the site's language by
/// default, `--lang` / `SAMRAD_LANG` over it. A sample from each stage and command is
/// checked in Swedish and English, every diagnostic of a broken site must have a key, and
/// the sources are read for messages written as English literals.
@Suite("messages in the site's language", .serialized)
struct MessageLanguageTests {
    /// A site with a problem for each stage that reports errors: load (a meeting folder
    /// without index.md), parse (a date that is none), link (an unknown theme).
    static func broken(language: String?) throws -> SiteFolder {
        var files = SiteFolder.minimal
        if let language { files["site.yml", default: ""] += "language: \(language)\n" }
        files["content/meetings/2023-10-01-tom/bild.png"] = "x"
        files["content/meetings/2024-03-01-datum.md"] = "---\ntitle: Datum\ndate: 2024-13-45\n---\n\nText.\n"
        files["content/meetings/2024-05-01-tema.md"] = "---\ntitle: Tema\ndate: 2024-05-01\n---\n\nText #samverkn\n"
        return try SiteFolder(files)
    }

    /// A site that builds with warnings from extract (a footnote nobody refers to), link
    /// (a theme no meeting uses) and render (no accessibility facts in site.yml).
    static func warned(language: String?) throws -> SiteFolder {
        var files = SiteFolder.minimal
        if let language { files["site.yml", default: ""] += "language: \(language)\n" }
        files["content/themes.yml", default: ""] += "- slug: oanvand\n  name: Oanvänd\n  description: Ingen använder den.\n"
        files["content/meetings/2024-04-01-fotnot.md"] = "---\ntitle: Fotnot\ndate: 2024-04-01\n---\n\nText.\n\n[^1]: En not utan hänvisning.\n"
        return try SiteFolder(files)
    }

    /// The message of the diagnostic with `key`, as the command line prints it for `report`.
    static func said(_ report: BuildReport, _ key: String) -> String? {
        report.diagnostics.first { $0.key == key }?.description(in: report.catalogue)
    }

    @Test func eachStageSpeaksTheSitesLanguage() throws {
        let expected: [(key: String, sv: String, en: String)] = [
            ("diag_meeting_no_index", "error: mötesmappen saknar index.md", "error: meeting folder has no index.md"),
            ("diag_not_a_date", "3:7: error: 'date' är '2024-13-45', som inte är ett datum", "3:7: error: 'date' is '2024-13-45', which is not a date"),
            ("diag_unknown_theme_close", "error: okänt tema 'samverkn' (menade du 'samverkan'?)", "error: unknown theme 'samverkn' (did you mean 'samverkan'?)"),
        ]
        for language in ["sv", "en"] {
            let site = try Self.broken(language: language == "sv" ? nil : "en")
            defer { site.cleanup() }
            let report = site.check()
            for e in expected {
                let text = try #require(Self.said(report, e.key), "\(language): no \(e.key) in \(report.diagnostics)")
                #expect(text.contains(language == "sv" ? e.sv : e.en), "\(language): \(text)")
            }
            let unkeyed = report.diagnostics.filter { $0.key == nil }
            #expect(unkeyed.isEmpty, "every diagnostic has a catalogue key: \(unkeyed)")
        }
        let warnings: [(key: String, sv: String, en: String)] = [
            ("diag_footnote_unreferenced", "warning: fotnoten '[^1]' hänvisas aldrig till i texten", "warning: the footnote '[^1]' is never referenced in the text"),
            ("diag_theme_unused", "warning: temat 'oanvand' finns i themes.yml men inget möte använder det", "warning: theme 'oanvand' is declared but no meeting uses it"),
            ("diag_accessibility_missing", "site.yml: warning: site.yml saknar avsnittet 'accessibility:'", "site.yml: warning: site.yml has no 'accessibility:' section"),
        ]
        for language in ["sv", "en"] {
            let site = try Self.warned(language: language == "sv" ? nil : "en")
            defer { site.cleanup() }
            let report = site.build()
            #expect(!report.hasErrors, "\(report.diagnostics)")
            for e in warnings {
                let text = try #require(Self.said(report, e.key), "\(language): no \(e.key) in \(report.diagnostics)")
                #expect(text.contains(language == "sv" ? e.sv : e.en), "\(language): \(text)")
            }
            #expect(report.diagnostics.allSatisfy { $0.key != nil }, "\(report.diagnostics.filter { $0.key == nil })")
        }
    }

    /// The write stage refuses an output folder that is not samrad's, in the site's words.
    @Test func theWriteStageRefusesInTheSitesLanguage() throws {
        for language in ["sv", "en"] {
            let site = try SiteFolder(SiteFolder.minimal.merging(["site.yml": "title: T\nbase_url: https://example.org/\nlanguage: \(language)\n"]) { _, new in new })
            defer { site.cleanup() }
            try site.write("annat/viktigt.txt", "inte samrads")
            let report = site.build(output: site.root.appendingPathComponent("annat").path)
            let text = try #require(Self.said(report, "diag_output_not_samrads_one"), "\(report.diagnostics)")
            #expect(text.hasPrefix("error: "))
            #expect(text.contains(language == "sv" ? "gjordes inte av samrad: den innehåller 1 post" : "was not made by samrad: it holds 1 entry"), "\(text)")
        }
    }

    /// A write failure names its file-system cause, both in the reader's language (the
    /// reasons nest: the site → the file → the disk).
    /// The progress lines count with the catalogue's plural forms: "1 fil för 1 möte",
    /// never "1 möten" (issue 18, i18n-rest).
    @Test func progressLinesUsePluralForms() throws {
        func one(_ files: Int, _ meetings: Int) -> [String: String] {
            ["files_count": Catalogue.counted(files, "cli_count_file"), "meetings_count": Catalogue.counted(meetings, "cli_count_meeting")]
        }
        #expect(Catalogue.swedish.say("progress_rendering", one(1, 1)) == "gör 1 fil för 1 möte…")
        #expect(Catalogue.swedish.say("progress_rendering_writing", one(30, 2)) == "gör och skriver 30 filer för 2 möten…")
        #expect(Catalogue.english.say("progress_rendering", one(1, 1)) == "rendering 1 file for 1 meeting…")
        #expect(Catalogue.english.say("progress_rendering_writing", one(30, 2)) == "rendering and writing 30 files for 2 meetings…")

        // What the pipeline tells the command line is said the same way.
        let site = try SiteFolder(SiteFolder.minimal)
        defer { site.cleanup() }
        let told = Locked<[String]>([])
        let rendered = Pipeline.render(BuildOptions(site: site.path, search: false)) { key, values in
            told.withLock { $0.append(Catalogue.swedish.say(key, values)) }
        }
        let lines = told.withLock { $0 }
        let meetings = Catalogue.swedish.count(rendered.report.meetings, "cli_count_meeting")
        #expect(lines.contains { $0.hasPrefix("gör ") && $0.hasSuffix(" för \(meetings)…") }, "\(lines)")
        #expect(!lines.contains { $0.contains("{") }, "\(lines)")
    }

    /// The file watcher's reasons for polling are keyed, so the preview's Swedish line
    /// has no English inside it (issue 18, i18n-rest).
    @Test func theWatchersReasonsAreSaidInTheLanguage() {
        typealias Reason = SiteWatcher.WatchReason
        let wsl = Reason("serve_watch_reason_eventless", ["path": "/mnt/c/sajt", "kind_key": "serve_watch_fs_9p"])
        let sv = Catalogue.swedish.say("serve_watch_polling_instead", wsl.asReason.merging(["ms": "1000"]) { _, new in new })
        #expect(sv.hasPrefix("'/mnt/c/sajt' ligger på ett 9p-filsystem (WSL:s /mnt/c"), "\(sv)")
        #expect(sv.contains("letar i stället efter ändringar med 1000 ms mellanrum"), "\(sv)")
        #expect(!sv.contains("is on") && !sv.contains("{"), "\(sv)")
        let en = Catalogue.english.say("serve_watch_polling_instead", wsl.asReason.merging(["ms": "1000"]) { _, new in new })
        #expect(en.hasPrefix("'/mnt/c/sajt' is on a 9p file system (WSL's /mnt/c"), "\(en)")
        #expect(wsl.text(in: .english) == "'/mnt/c/sajt' is on a 9p file system (WSL's /mnt/c, a virtual machine's shared folder), where saves made from elsewhere send no change events")

        let refused = Reason("serve_watch_reason_cannot_watch", FileErrorText.cause(errno: EACCES).merging(["path": "/sajt"]) { _, new in new })
        #expect(Catalogue.swedish.say("serve_not_watching", refused.asReason) == "bevakar inte ändringar: inotify kan inte bevaka '/sajt': åtkomst nekad")
        #expect(Catalogue.english.say("serve_not_watching", refused.asReason) == "not watching for changes: inotify cannot watch '/sajt': permission denied")
        #expect(Catalogue.swedish.say("serve_watch_fell_back", Reason("serve_watch_reason_limit").asReason.merging(["ms": "1000"]) { _, new in new })
            .hasPrefix("inotify har nått sin gräns"))
    }

    @Test func fileSystemCausesAreSaidInTheLanguage() {
        let values = FileErrorText.cause(POSIXError(.ENOSPC)).merging(["reason_key": "diag_write_file", "file": "moten/index.html", "path": "public"]) { $1 }
        let d = Diagnostic.error(key: "diag_cannot_write_site", values)
        #expect(d.message(in: .swedish) == "webbplatsen går inte att skriva till 'public': moten/index.html går inte att skriva: disken är full; den tidigare utdatan är orörd")
        #expect(d.message == "cannot write the site to 'public': cannot write moten/index.html: the disk is full; the previous output is unchanged")
        #expect(FileErrorText.describe(POSIXError(.EACCES)) == "permission denied")
        #expect(Catalogue.swedish.say("file_error", FileErrorText.cause(POSIXError(.EACCES))) == "åtkomst nekad")
        // A cause samrad has no words for is the system's own text.
        #expect(FileErrorText.cause(POSIXError(.ELOOP))["cause"] != nil)
    }

    /// `x_choices` values are said as alternatives with the language's "or".
    @Test func alternativesUseTheLanguagesOr() {
        let d = Diagnostic.warning(key: "diag_organization_unknown_close", ["name": "Frysh", "alternatives_choices": Diagnostic.choices(["Fryshuset", "Fryshus"])])
        #expect(d.message(in: .swedish).contains("(menade du 'Fryshuset' eller 'Fryshus'?)"))
        #expect(d.message(in: .english).contains("(did you mean 'Fryshuset' or 'Fryshus'?)"))
        #expect(d.message == d.message(in: .english))
    }

    @Test func thePreviewTerminalSpeaksTheSitesLanguage() async throws {
        let swedish = try await ServedSite.start()
        let english = try await ServedSite.start(files: ServedSite.files.merging(["site.yml": "title: Preview\nbase_url: https://example.org/portal/\nlanguage: en\n"]) { _, new in new })
        #expect(swedish.messages.all.contains { $0.hasPrefix("byggde ") && $0.contains(" filer på ") }, "\(swedish.messages.all)")
        #expect(english.messages.all.contains { $0.hasPrefix("built ") && $0.contains(" files in ") }, "\(english.messages.all)")
        try swedish.write(ServedSite.meetingPath, ServedSite.meeting(title: "Trasig", date: "igår"))
        let deadline = Date().addingTimeInterval(60)
        while !swedish.messages.all.contains(where: { $0.hasPrefix("bygget misslyckades: ") }), Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(swedish.messages.all.contains { $0.hasPrefix("bygget misslyckades: 1 fel, ") }, "\(swedish.messages.all)")
        #expect(swedish.messages.all.contains { $0.contains(": error: 'date' är 'igår'") }, "\(swedish.messages.all)")
        try await swedish.stop()
        try await english.stop()
    }

    // MARK: - The sources

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    static func swiftSources() throws -> [(name: String, text: String)] {
        let e = try #require(FileManager.default.enumerator(atPath: sources.path))
        var out: [(String, String)] = []
        while let rel = e.nextObject() as? String {
            guard rel.hasSuffix(".swift") else { continue }
            out.append((rel, try String(contentsOf: sources.appendingPathComponent(rel), encoding: .utf8)))
        }
        return out
    }

    /// Every message key written in Swift (`diag_…`, `cli_…`, `serve_…`, `import_…`,
    /// `progress_…`) is in both catalogues, so no message falls back to its key.
    @Test func everyMessageKeyInSwiftIsInBothCatalogues() throws {
        let pattern = /"((?:diag|cli|serve|import|progress)_[a-z0-9_]+)"/
        var seen = Set<String>()
        for (name, text) in try Self.swiftSources() {
            for match in text.matches(of: pattern) {
                let key = String(match.output.1)
                seen.insert(key)
                #expect(Catalogue.swedish.entries[key] != nil, "\(name): \(key) is not in sv.yml")
                #expect(Catalogue.english.entries[key] != nil, "\(name): \(key) is not in en.yml")
            }
        }
        #expect(seen.count > 200, "the pattern no longer finds the keys (\(seen.count))")
    }

    /// No message is written as an English literal: the unkeyed `Diagnostic` API is
    /// internal to SamradCore (the compiler refuses it elsewhere), and the terminal lines
    /// of the preview and the command line take their words from the catalogue. Literals
    /// that stay, with why: the `error: ` / `warning: ` prefixes (editors and CI match
    /// them, see the README), and ArgumentParser's help and validation texts.
    @Test func noMessageIsAnEnglishLiteral() throws {
        let diagnosticLiteral = /\.(?:error|warning)\(\s*"|Diagnostic\(\.(?:error|warning),\s*"|Failure\(description:/
        let terminalLiteral = /Terminal\.(?:out|error)\("([^"\\]*)/
        let serveLiteral = /say\(\.(?:info|warning)\("/
        var found: [String] = []
        for (name, source) in try Self.swiftSources() where name != "SamradCore/Diagnostic.swift" {
            let text = source.replacing("Terminal.error(", with: "Terminal.err(")
            if text.contains(diagnosticLiteral) { found.append("\(name): an unkeyed diagnostic") }
            for m in source.matches(of: terminalLiteral) where !["", "error: ", "warning: "].contains(String(m.output.1)) {
                found.append("\(name): Terminal line \"\(m.output.1)…\"")
            }
            if text.contains(serveLiteral) { found.append("\(name): a preview line written in English") }
        }
        #expect(found == [], "put these messages in Sources/SamradCore/i18n/sv.yml and en.yml")
        // The check finds what it is meant to find.
        #expect("diagnostics.error(\"oops\", at: x)".contains(diagnosticLiteral))
        #expect("Terminal.out(\"created \\(path)\")".firstMatch(of: terminalLiteral)?.output.1 == "created ")
    }
}

/// The commands' own lines, in the suite of the other runs of the binary (one at a time:
/// processes started from many threads at once have lost a pipe's descriptor).
extension CommandLineTests {
    @Test(.enabled(if: CommandLineTests.binary != nil))
    func newInitAndTemplatesSpeakTheSitesLanguage() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let made = try run(["new", "meeting", "Möte", "--date", "2025-01-02", "--site", site.path])
        #expect(made.out.contains("skapade content/meetings/2025-01-02-mote/index.md (ett utkast"), "\(made.out)")
        let badDate = try run(["new", "meeting", "Möte", "--date", "igår", "--site", site.path])
        #expect(badDate.err.hasPrefix("error: 'igår' är inget datum"), "\(badDate.err)")
        let english = try run(["new", "page", "Kontakt", "--site", site.path, "--lang", "en"])
        #expect(english.out.contains("created content/pages/kontakt.md (a draft"), "\(english.out)")
        let template = try run(["templates", "bas", "--site", site.path])
        #expect(template.status == 1)
        #expect(template.err.hasPrefix("error: det finns ingen inbyggd mall 'bas'"), "\(template.err)")

        try site.write("site.yml", "title: T\nbase_url: https://example.org/\nlanguage: en\n")
        let englishSite = try run(["new", "page", "Om oss", "--site", site.path])
        #expect(englishSite.out.contains("created content/pages/om-oss.md"), "\(englishSite.out)")
        let forced = try run(["new", "page", "Om oss", "--site", site.path], environment: ["SAMRAD_LANG": "sv"])
        #expect(forced.status == 1)
        #expect(forced.err.hasPrefix("error: '") && forced.err.contains("om-oss.md' finns redan; inget ändrades"), "\(forced.err)")

        let folder = site.root.appendingPathComponent("ny").path
        let created = try run(["init", folder])
        #expect(created.out.contains("skapade en webbplats med") && created.out.contains("filer i \(folder)"), "\(created.out)")
        let again = try run(["init", folder, "--lang", "en"])
        #expect(again.status == 1)
        #expect(again.err.hasPrefix("error: '\(folder)' is not empty"), "\(again.err)")
    }

    @Test(.enabled(if: CommandLineTests.binary != nil))
    func importSpeaksTheSitesLanguage() throws {
        let site = try SiteFolder(ImportFixtures.site)
        defer { site.cleanup() }
        let file = site.root.appendingPathComponent("möte.txt")
        try Data("Deltagare\n\n• Fryshuset\n\nInledning\n\nDialogmötet hölls den 3 maj 2024.\n\nFråga 1 – Vad behövs?\n".utf8).write(to: file)
        let swedish = try run(["import", "--site", site.path, "--dry-run", file.path])
        #expect(swedish.status == 0, "\(swedish.err)")
        #expect(swedish.out.contains("  titel: "), "\(swedish.out)")
        #expect(swedish.out.contains("  igenkänt: 1 deltagare"), "\(swedish.out)")
        #expect(swedish.out.contains("(skrevs inte: --dry-run)"), "\(swedish.out)")
        let english = try run(["import", "--site", site.path, "--dry-run", "--lang", "en", file.path])
        #expect(english.out.contains("  recognised: 1 participant,"), "\(english.out)")
        let unsupported = site.root.appendingPathComponent("bild.xyz")
        try Data("x".utf8).write(to: unsupported)
        let refused = try run(["import", "--site", site.path, unsupported.path])
        #expect(refused.status == 1)
        #expect(refused.err.contains("\(unsupported.path): error: '.xyz'-filer går inte att importera"), "\(refused.err)")
    }
}
