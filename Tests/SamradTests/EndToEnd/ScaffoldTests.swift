import Foundation
import Testing
@testable import Samrad
import SamradCore

@Suite("samrad new and samrad init")
struct ScaffoldTests {
    @Test func newMeetingTransliteratesAndBuildsAsDraft() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let date = try #require(ISODate("2025-03-04"))
        let path = try Scaffold.newMeeting(site: site.path, title: "Möte om Åtgärder för barn & unga", date: date)
        #expect(path == "content/meetings/2025-03-04-mote-om-atgarder-for-barn-unga/index.md")
        let text = try String(contentsOfFile: site.path + "/" + path, encoding: .utf8)
        #expect(text.contains("title: \"Möte om Åtgärder för barn & unga\""))
        #expect(text.contains("date: 2025-03-04"))
        #expect(text.contains("# Deltagande organisationer"), "fields are explained in comments")
        // A draft: not published, and clean in the preview (which shows drafts) from the start.
        #expect(!site.build().hasErrors)
        #expect(!site.exists("moten/2025-03-04-mote-om-atgarder-for-barn-unga/index.html"))
        let preview = site.build(drafts: true)
        #expect(!preview.hasErrors, "\(preview.errors)")
        #expect(site.exists("moten/2025-03-04-mote-om-atgarder-for-barn-unga/index.html"))
    }

    @Test func newMeetingRefusesToOverwrite() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let date = try #require(ISODate("2023-09-14"))
        try site.write("content/meetings/2023-09-14-mote.md", "---\ntitle: Finns\ndate: 2023-09-14\n---\n")
        #expect(throws: Scaffold.Failure.self) { try Scaffold.newMeeting(site: site.path, title: "Möte", date: date) }
        let kept = try String(contentsOfFile: site.path + "/content/meetings/2023-09-14-mote.md", encoding: .utf8)
        #expect(kept.contains("title: Finns"))
    }

    @Test func initCreatesABuildableSiteAndRefusesNonEmptyFolders() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-init-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = try Scaffold.initSite(dir)
        #expect(files.contains("site.yml"))
        // The templates stay built in: `samrad templates` copies the ones to change.
        #expect(!files.contains { $0.hasPrefix("templates/") })
        let report = Pipeline.build(BuildOptions(site: dir, search: false))
        #expect(!report.hasErrors, "\(report.diagnostics)")
        #expect(report.warnings.isEmpty, "a new site builds without a warning: \(report.warnings)")
        #expect(report.meetings == 1)
        #expect(FileManager.default.fileExists(atPath: dir + "/public/moten/2024-01-01-forsta-motet/index.html"))
        #expect(throws: Scaffold.Failure.self) { _ = try Scaffold.initSite(dir) }
    }

    @Test func aLongTitleIsCutAtAWordAndNeverEndsInASmallWord() {
        let slug = Scaffold.folderSlug("Samverkansforum för att motverka rekrytering av barn och unga till kriminella miljöer")
        #expect(slug == "samverkansforum-for-att-motverka-rekrytering")
        #expect(slug.count <= 50)
        #expect(!Scaffold.stopWords.contains(String(slug.split(separator: "-").last ?? "")))
        #expect(Scaffold.folderSlug("Rekrytering och") == "rekrytering")
        #expect(Scaffold.folderSlug("Och") == "och", "a title of one small word keeps it")
    }

    @Test func newMeetingTakesASlugAndAMonthDate() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let month = try #require(ISODate.partial("2026-02"))
        let path = try Scaffold.newMeeting(site: site.path, title: "Samverkansforum om rekrytering", date: month, slug: "Forum Februari")
        #expect(path == "content/meetings/2026-02-forum-februari/index.md")
        let text = try String(contentsOfFile: site.path + "/" + path, encoding: .utf8)
        #expect(text.contains("date: 2026-02\n"))
        let preview = site.build(drafts: true)
        #expect(!preview.hasErrors, "\(preview.errors)")
        let page = try #require(site.read("moten/2026-02-forum-februari/index.html"))
        #expect(page.contains("februari 2026"))
        // Every commented example is valid once uncommented: `updated:` wants a whole day.
        #expect(text.contains("# updated: 2026-02-28\n"))
        try site.write(path, text.replacing("# updated:", with: "updated:").replacing("# end_date:", with: "end_date:"))
        let uncommented = site.build(drafts: true)
        #expect(!uncommented.hasErrors, "\(uncommented.errors)")
    }

    @Test func newPageIsADraftAtItsOwnAddressAndNeverOverwrites() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let path = try Scaffold.newPage(site: site.path, title: "Om oss och vår verksamhet")
        #expect(path == "content/pages/om-oss-och-var-verksamhet.md")
        #expect(!site.build().hasErrors)
        #expect(!site.exists("om-oss-och-var-verksamhet/index.html"), "a draft is not published")
        let preview = site.build(drafts: true)
        #expect(!preview.hasErrors, "\(preview.errors)")
        #expect(site.read("om-oss-och-var-verksamhet/index.html")?.contains("Om oss och vår verksamhet") == true)
        #expect(throws: Scaffold.Failure.self) { try Scaffold.newPage(site: site.path, title: "Om oss och vår verksamhet") }
        #expect(throws: Scaffold.Failure.self) { try Scaffold.newPage(site: site.path, title: "Intern", slug: "Pagefind") }
        #expect(throws: Scaffold.Failure.self) { try Scaffold.newPage(site: site.path, title: "Rad ett\nrad två") }
        // A page over one of the portal's own lists: check says so at the page, as build does.
        try site.write("content/pages/moten.md", "---\ntitle: Möten\n---\n\nText.\n")
        let check = Pipeline.check(BuildOptions(site: site.path, search: false))
        #expect(check.errors.contains { $0.key == "diag_page_on_section_path" && $0.location?.file == "content/pages/moten.md" }, "\(check.errors)")
        #expect(site.build().errors.contains { $0.key == "diag_page_on_section_path" })
    }

    @Test func templatesCopiesOneOrAllAndNeverOverwrites() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let one = try Scaffold.copyTemplates(site: site.path, names: ["meeting"])
        #expect(one == ["templates/meeting.mustache"])
        try site.write("templates/meeting.mustache", "{{<base}}{{$content}}egen{{/content}}{{/base}}")
        let all = try Scaffold.copyTemplates(site: site.path, names: [])
        #expect(all.contains("templates/base.mustache"))
        #expect(all.contains("templates/assets/style.css"))
        #expect(!all.contains("templates/meeting.mustache"))
        let kept = try String(contentsOfFile: site.path + "/templates/meeting.mustache", encoding: .utf8)
        #expect(kept.contains("egen"))
        #expect(throws: Scaffold.Failure.self) { _ = try Scaffold.copyTemplates(site: site.path, names: ["meting"]) }
    }

    @Test func templatesWritesTheCatalogueCommentedOutAndNeverOverwritesIt() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let baseline = site.build()
        #expect(!baseline.hasErrors)
        let before = site.snapshot()
        let all = try Scaffold.copyTemplates(site: site.path, names: [])
        #expect(all.contains("i18n/sv.yml"))
        let text = try String(contentsOfFile: site.path + "/i18n/sv.yml", encoding: .utf8)
        // Every entry is there, commented out: the file changes nothing until someone uncomments a line.
        #expect(text.contains("# nav_themes: \"Teman\""))
        #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix("#") })
        try FileManager.default.removeItem(atPath: site.path + "/templates")
        let built = site.build()
        #expect(built.diagnostics.map(\.message) == baseline.diagnostics.map(\.message), "\(built.diagnostics)")
        #expect(site.snapshot() == before)
        // One uncommented line changes that word only.
        try site.write("i18n/sv.yml", text.replacingOccurrences(of: "# nav_themes: \"Teman\"", with: "nav_themes: \"Ämnen\""))
        #expect(!site.build().hasErrors)
        #expect(site.read("index.html")?.contains(">Ämnen<") == true)
        #expect(site.read("index.html")?.contains(">Teman</h2>") == true, "the other words stay samrad's")
        // Never overwritten.
        #expect(try Scaffold.copyTemplates(site: site.path, names: ["i18n"]) == [])
        #expect(try String(contentsOfFile: site.path + "/i18n/sv.yml", encoding: .utf8).contains("nav_themes: \"Ämnen\""))
    }

    @Test func templatesWritesTheCatalogueOfTheSitesLanguage() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("site.yml", SiteFolder.minimal["site.yml"]! + "language: en\n")
        #expect(try Scaffold.copyTemplates(site: site.path, names: ["i18n"]) == ["i18n/en.yml"])
        #expect(!FileManager.default.fileExists(atPath: site.path + "/templates"), "only the catalogue was asked for")
        let english = try String(contentsOfFile: site.path + "/i18n/en.yml", encoding: .utf8)
        #expect(english.contains("# nav_themes: \"Themes\""))
        #expect(!site.build().diagnostics.contains { $0.location?.file == "i18n/en.yml" })
        // A language samrad has no words for gets the Swedish entries to translate, so no key is missing.
        try site.write("site.yml", SiteFolder.minimal["site.yml"]! + "language: fi\n")
        #expect(try Scaffold.copyTemplates(site: site.path, names: ["i18n"]) == ["i18n/fi.yml"])
        let finnish = try String(contentsOfFile: site.path + "/i18n/fi.yml", encoding: .utf8)
        #expect(finnish.contains("\nnav_themes: \"Teman\""))
        let report = site.build()
        #expect(!report.diagnostics.contains { $0.location?.file == "i18n/fi.yml" }, "\(report.diagnostics)")
    }
}
