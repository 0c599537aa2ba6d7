import Foundation
import Testing
@testable import Samrad
import SamradCore

/// The cases from `../shared/cases` that this format fixes, each a whole site copied into
/// `Fixtures/cases/<name>` with the `EXPECTED.txt` it was filed with. Each test checks
/// what that file asks for.
@Suite("shared cases: nothing silently lost")
struct SharedCaseTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cases")

    /// A fresh copy of the case's site (the build writes `public/` into it).
    static func site(_ name: String) throws -> SiteFolder {
        let site = try SiteFolder([:])
        let source = folder.appendingPathComponent(name)
        let files = try #require(FileManager.default.subpathsOfDirectory(atPath: source.path) as [String]?)
        for rel in files where rel != "EXPECTED.txt" {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: source.appendingPathComponent(rel).path, isDirectory: &isDir)
            if isDir.boolValue { continue }
            let data = try Data(contentsOf: source.appendingPathComponent(rel))
            try site.writeBytes(rel, [UInt8](data))
        }
        return site
    }

    @Test func yamlHashCommentIsReportedWithTheFix() throws {
        let site = try Self.site("yaml-hash-comment")
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.wrote)
        let path = "content/meetings/2025-03-12-dialogmote-2/index.md"
        let title = try #require(report.errors.first { $0.location?.line == 2 })
        #expect(title.location?.file == path)
        #expect(title.message.contains("put the whole value in quotes"))
        #expect(title.message.contains("\"Dialogmöte #2 om samverkan\""))
        let summary = try #require(report.errors.first { $0.location?.line == 7 })
        #expect(summary.message.contains("#samverkan och om förtroende."))
    }

    @Test func footnotesRenderAsFootnotesAndStayReadableInTheData() throws {
        let site = try Self.site("footnotes")
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let page = try #require(site.read("moten/2024-12-01-fotnoter/index.html"))
        #expect(!page.contains("[^1]"))
        #expect(!page.contains("[^2]"))
        #expect(page.contains("href=\"#fotnot-1\""))
        #expect(page.contains("id=\"fotnot-1\""))
        #expect(page.contains("href=\"#fotnot-ref-2\""))
        #expect(page.contains("Enligt Brå:s rapport 2023."))
        let questions = try #require(site.read("data/questions.json"))
        #expect(!questions.contains("[^"))
        #expect(questions.contains("Tydliga kontaktvägar[1]"))
        let meetings = try #require(site.read("data/meetings.json"))
        #expect(meetings.contains("Enligt Brå:s rapport 2023."))
    }

    @Test func pdfLigaturesAreFoldedToLetters() throws {
        let site = try Self.site("pdf-ligatures")
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let page = try #require(site.read("moten/2024-03-10-pdf/index.html"))
        #expect(page.contains("fiskeklubben"))
        #expect(page.contains("finansiering"))
        #expect(!page.contains("\u{FB01}"))
    }

    @Test func yamlTabIndentNamesTheTab() throws {
        let site = try Self.site("yaml-tab-indent")
        defer { site.cleanup() }
        let report = site.build()
        let e = try #require(report.errors.first)
        #expect(e.message.contains("tab"))
        #expect(e.location?.file == "content/meetings/2024-05-02-samverkan/index.md")
        #expect(e.location?.line == 5)
        #expect(!report.warnings.contains { $0.message.contains("declared but no meeting uses it") })
    }

    @Test func orgJoinedEntryIsMatchedPartByPart() throws {
        let site = try Self.site("org-joined-entry")
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        #expect(!site.exists("organisationer/kyrkornas-samarbetsrad-stadsmissionen-vast/index.html"))
        let stadsmissionen = try #require(site.read("organisationer/stadsmissionen-vast/index.html"))
        #expect(stadsmissionen.contains("Samråd om trygghet i bostadsområden"))
        let warning = try #require(report.warnings.first { $0.message.contains("'Kyrkornas Samarbetsrad'") })
        #expect(warning.message.contains("Kyrkornas samarbetsråd"))
        #expect(!warning.message.contains("Stadsmissionen"))
        #expect(warning.location?.file == "content/meetings/2024-10-08-samrad-trygghet/index.md")
        #expect(warning.location?.line == 5)
        // The joined entry is a shared seat: Kyrkornas samarbetsråd on a line of its own
        // as well is no repeat.
        #expect(!report.warnings.contains { $0.message.contains("listed twice") }, "\(report.warnings)")
    }

    @Test func orgAliasSameNameBuildsWithAWarning() throws {
        let site = try Self.site("org-alias-same-name")
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        #expect(report.wrote)
        let warnings = report.warnings.filter { $0.location?.file == "content/organizations.yml" }
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { $0.message.contains("line ") })
        let page = try #require(site.read("moten/2024-10-08-samrad-trygghet/index.html"))
        #expect(page.contains("organisationer/foreningen-trygga-gator/"))
        #expect(page.contains("organisationer/ungdomsradet-norr/"))
    }
}
