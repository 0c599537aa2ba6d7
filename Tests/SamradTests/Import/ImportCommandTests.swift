import Foundation
import Testing

/// `samrad import` on the command line: the report as text and JSON, exit status 1 and
/// compiler-style errors when a file cannot be imported.
@Suite("import: the command", .serialized)
struct ImportCommandTests {
    func run(_ arguments: [String]) throws -> CommandLineTests.Run {
        try CommandLineTests().run(arguments)
    }

    @Test(.enabled(if: CommandLineTests.binary != nil))
    func reportsAsJSONAndWritesTheDraft() throws {
        let site = try SiteFolder(ImportFixtures.site)
        defer { site.cleanup() }
        let file = site.root.appendingPathComponent("möte.txt")
        try Data("Deltagare\n\n• Fryshuset\n• BUFFF\n\nInledning\n\nDialogmötet hölls den 3 maj 2024.\n\nRundabordssamtal 1\n\nFråga 1 – Vad behövs?\n\nSammanfattning:\n• Tid\n• Pengar\n".utf8).write(to: file)
        let dry = try run(["import", "--site", site.path, "--dry-run", "--format", "json", file.path])
        #expect(dry.status == 0, "\(dry.err)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(dry.out.utf8)) as? [String: Any])
        #expect(parsed["written"] as? Bool == false)
        let report = try #require((parsed["reports"] as? [[String: Any]])?.first)
        let recognised = try #require(report["recognised"] as? [String: Any])
        #expect(recognised["participants"] as? Int == 2)
        #expect(recognised["questions"] as? Int == 1)
        #expect(recognised["summaryPoints"] as? Int == 2)
        #expect(report["unmatchedParticipants"] as? [String] == ["BUFFF"])
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/meetings/2024-05-03-dialogmote-3-maj-2024").path))

        let wrote = try run(["import", "--site", site.path, "--lang", "en", file.path])
        #expect(wrote.status == 0, "\(wrote.err)")
        #expect(wrote.out.contains("recognised: 2 participants"))
        #expect(wrote.out.contains(", 1 question ("), "one question, not '1 questions': \(wrote.out)")
        #expect(wrote.out.contains("wrote 1 draft meeting;"), "\(wrote.out)")
        let index = try String(contentsOf: site.root.appendingPathComponent("content/meetings/2024-05-03-dialogmote-3-maj-2024/index.md"), encoding: .utf8)
        #expect(index.contains("### Fråga 1 – Vad behövs?"))
        #expect(index.contains("draft: true"))
        let again = try run(["import", "--site", site.path, file.path])
        #expect(again.status == 1)
        #expect(again.err.contains("\(file.path): error: 'content/meetings/2024-05-03-dialogmote-3-maj-2024' finns redan"), "a Swedish site hears Swedish: \(again.err)")
    }
}
