import Foundation
import Testing
@testable import Samrad
import SamradCore
import SamradRender

@Suite("samrad build, end to end")
struct BuildTests {
    @Test func buildsPagesForBothMeetingShapes() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        #expect(report.meetings == 2)
        for page in ["index.html", "moten/index.html", "moten/2023-09-14-mote/index.html", "moten/2024-02-01-seminarium/index.html"] {
            #expect(site.exists(page), "missing \(page)")
        }
        let meeting = try #require(site.read("moten/2023-09-14-mote/index.html"))
        #expect(meeting.contains("<html lang=\"sv\">"))
        #expect(meeting.contains("14 september 2023"))
        #expect(meeting.contains("Malmö"))
        #expect(meeting.contains("href=\"/portal/organisationer/polismyndigheten/\""), "participants link to their organisation pages")
        #expect(meeting.contains("id=\"fraga-1\""))
        #expect(meeting.contains("class=\"summary\""))
        #expect(!meeting.contains("#samverkan"), "tags are taken out of the text")
        #expect(meeting.contains("href=\"/portal/teman/samverkan/\""))
    }

    @Test func meetingsListIsGroupedByYearNewestFirst() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        _ = site.build()
        let list = try #require(site.read("moten/index.html"))
        let y2024 = try #require(list.range(of: "id=\"ar-2024\""))
        let y2023 = try #require(list.range(of: "id=\"ar-2023\""))
        #expect(y2024.lowerBound < y2023.lowerBound)
    }

    @Test func siteWithoutTemplatesUsesBuiltInOnes() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        #expect(!FileManager.default.fileExists(atPath: site.path + "/templates"))
        let report = site.build()
        #expect(!report.hasErrors)
        #expect(site.exists("assets/style.css"))
        #expect(site.read("index.html")?.contains("assets/style.css") == true)
    }

    @Test func siteTemplateOverridesOneFile() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("templates/page.mustache", "{{<base}}{{$content}}<p class=\"egen\">{{page.title}}</p>{{/content}}{{/base}}")
        try site.write("content/pages/om.md", "---\ntitle: Om oss\n---\nText.\n")
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        #expect(site.read("om/index.html")?.contains("<p class=\"egen\">Om oss</p>") == true)
        // Other templates are still the built-in ones.
        #expect(site.read("moten/index.html")?.contains("id=\"ar-2023\"") == true)
    }

    /// The organisation page's theme list is partials/tags rendered once per combination
    /// of themes (`tagListHTML`), so a site's own partials/tags must still be the one used.
    @Test func organizationThemesUseTheSitesTagsPartial() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("templates/partials/tags.mustache", "<p class=\"egna-teman\">{{#tags}}[{{name}}]{{/tags}}</p>\n")
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let page = try #require(site.read("organisationer/fryshuset/index.html"))
        #expect(page.contains("<p class=\"egna-teman\">[Samverkan][Tillit]</p>"))
        #expect(!page.contains("class=\"tag-list\""))
    }

    /// A site's organization.mustache written before `tagListHTML` (walking `tags` itself)
    /// still gets the organisation's themes.
    @Test func organizationTemplateMayStillWalkTheTags() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("templates/organization.mustache", "{{<base}}{{$content}}<ul class=\"egen\">{{#tags}}<li>{{name}}</li>{{/tags}}</ul>{{/content}}{{/base}}")
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let page = try #require(site.read("organisationer/fryshuset/index.html"))
        #expect(page.contains("<ul class=\"egen\"><li>Samverkan</li><li>Tillit</li></ul>"))
    }

    @Test func draftsOnlyWithTheFlag() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("content/meetings/2025-01-01-utkast.md", "---\ntitle: Utkast\ndate: 2025-01-01\ndraft: true\n---\nText.\n")
        _ = site.build()
        #expect(!site.exists("moten/2025-01-01-utkast/index.html"))
        _ = site.build(drafts: true)
        #expect(site.exists("moten/2025-01-01-utkast/index.html"))
    }

    @Test func attachmentsAreCopiedBesideTheMeeting() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.writeBytes("content/meetings/2023-09-14-mote/program.pdf", [0x25, 0x50, 0x44, 0x46, 0x00, 0x01])
        _ = site.build()
        let copied = FileManager.default.contents(atPath: site.output + "/moten/2023-09-14-mote/program.pdf")
        #expect(copied.map([UInt8].init) == [0x25, 0x50, 0x44, 0x46, 0x00, 0x01])
        #expect(site.read("moten/2023-09-14-mote/index.html")?.contains("program.pdf") == true)
    }

    @Test func twoBuildsGiveTheSameBytes() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let other = site.path + "/public2"
        #expect(!site.build().hasErrors)
        #expect(!site.build(output: other).hasErrors)
        let a = site.snapshot(), b = site.snapshot(other)
        #expect(a.count > 10)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs between builds") }
    }

    @Test func failedBuildLeavesPreviousOutputUntouched() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        #expect(!site.build().hasErrors)
        let before = site.snapshot()
        try site.write("content/meetings/2023-09-14-mote/index.md", "---\ntitle: Trasig\ndate: igår\n---\n")
        let report = site.build()
        #expect(report.hasErrors)
        #expect(!report.wrote)
        #expect(site.snapshot() == before)
        // No staging folders are left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains(".tmp-") || $0.contains(".old-") }
        #expect(leftovers.isEmpty)
    }

    @Test func successfulRebuildReplacesOutputAndRemovesStaleFiles() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        _ = site.build()
        #expect(site.exists("moten/2024-02-01-seminarium/index.html"))
        try site.remove("content/meetings/2024-02-01-seminarium.md")
        #expect(!site.build().hasErrors)
        #expect(!site.exists("moten/2024-02-01-seminarium/index.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".public") }
        #expect(leftovers.isEmpty)
    }

    @Test func everyDefaultTemplateFileIsEmbedded() throws {
        // SwiftPM embeds Sources/SamradRender/Templates, but DefaultTemplates names each
        // file by hand: a file added there and not to the table would be left out.
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/SamradRender/Templates")
        var onDisk: [String: String] = [:]
        let e = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path + "/" + rel, isDirectory: &isDir), !isDir.boolValue,
               let data = FileManager.default.contents(atPath: folder.path + "/" + rel) {
                onDisk[rel] = String(decoding: data, as: UTF8.self)
            }
        }
        #expect(onDisk.keys.sorted() == DefaultTemplates.files.keys.sorted(), "add the file to DefaultTemplates.embedded")
        for (path, text) in onDisk {
            #expect(DefaultTemplates.files[path] == text, "\(path) is not what the binary carries")
        }
    }
}
