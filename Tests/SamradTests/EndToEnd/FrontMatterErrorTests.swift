import Foundation
import Testing
@testable import Samrad
import SamradCore

/// Every front matter mistake is reported with the file and the line of the field.
@Suite("front matter errors")
struct FrontMatterErrorTests {
    let path = "content/meetings/2023-09-14-mote/index.md"

    func check(_ text: String) throws -> [Diagnostic] {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write(path, text)
        let report = site.build()
        #expect(report.hasErrors)
        #expect(!report.wrote)
        return report.errors
    }

    @Test func missingTitle() throws {
        let errors = try check("---\ndate: 2023-09-14\n---\nText\n")
        let e = try #require(errors.first { $0.message.contains("no title") })
        #expect(e.location?.file == path)
        #expect(e.location?.line == 1)
    }

    @Test func badDateNamesTheLineOfTheDate() throws {
        let errors = try check("---\ntitle: Möte\ndate: igår\n---\nText\n")
        let e = try #require(errors.first { $0.message.contains("igår") })
        #expect(e.location?.file == path)
        #expect(e.location?.line == 3)
        #expect(e.description.hasPrefix("\(path):3:7: error:"))
    }

    @Test func impossibleDate() throws {
        let errors = try check("---\ntitle: Möte\ndate: 2023-02-30\n---\n")
        #expect(errors.contains { $0.message.contains("2023-02-30") && $0.location?.line == 3 })
    }

    @Test func participantsMustBeAList() throws {
        let errors = try check("---\ntitle: Möte\ndate: 2023-09-14\nparticipants: 5\n---\n")
        let e = try #require(errors.first { $0.message.contains("'participants' must be a list") })
        #expect(e.location?.line == 4)
    }

    @Test func titleMustBeText() throws {
        let errors = try check("---\ntitle: [a, b]\ndate: 2023-09-14\n---\n")
        #expect(errors.contains { $0.message.contains("'title' must be text") && $0.location?.line == 2 })
    }

    @Test func malformedYAMLPointsAtTheLine() throws {
        let errors = try check("---\ntitle: Möte\ndate: 2023-09-14\nkind: \"dialogmöte\n---\nText\n")
        let e = try #require(errors.first { $0.message.hasPrefix("malformed YAML") })
        #expect(e.location?.file == path)
        #expect((e.location?.line ?? 0) >= 4)
    }

    @Test func aSiteYmlThatIsNotYAMLGivesNoWarningThatFollowsFromIt() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("site.yml", SiteFolder.minimal["site.yml"]! + "language: sv\n  extra: [\n")
        let report = site.check()
        #expect(report.errors.contains { $0.location?.file == "site.yml" && $0.message.hasPrefix("malformed YAML") }, "\(report.errors)")
        #expect(!report.warnings.contains { $0.key == "diag_accessibility_missing" }, "\(report.warnings)")
    }

    @Test func frontMatterNotClosed() throws {
        let errors = try check("---\ntitle: Möte\ndate: 2023-09-14\n\nText\n")
        #expect(errors.contains { $0.message.contains("not closed") && $0.location?.line == 1 })
    }

    @Test func allErrorsOfOneRunAreReported() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write(path, "---\ntitle: Möte\ndate: igår\n---\n")
        try site.write("content/meetings/2024-01-01-annat.md", "---\ndate: 2024-01-01\n---\n")
        let report = site.build()
        let files = Set(report.errors.compactMap { $0.location?.file })
        #expect(files.contains(path))
        #expect(files.contains("content/meetings/2024-01-01-annat.md"))
    }

    @Test func unknownFieldIsAWarningWithSuggestion() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("content/meetings/2024-01-01-annat.md", "---\ntitle: Möte\ndate: 2024-01-01\nlocaton: Umeå\n---\n")
        let report = site.build()
        #expect(!report.hasErrors)
        #expect(report.warnings.contains { $0.message.contains("did you mean 'location'") && $0.location?.line == 4 })
    }
}
