import Foundation
import Testing
@testable import Samrad
import SamradCore

/// The preview's incremental engine: each update must give what a full build of the same
/// files gives, while reading only what changed.
@Suite("incremental updates")
struct SiteSessionTests {
    let meeting = "content/meetings/2023-09-14-mote/index.md"

    func page(_ snapshot: SiteSnapshot, _ path: String) -> String? {
        guard case .text(let text)? = snapshot.file(at: path) else { return nil }
        return text
    }

    @Test func anEditShowsUpAndMatchesAFullBuild() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let session = SiteSession(options: BuildOptions(site: site.path, search: false))
        let first = session.update()
        #expect(!first.report.hasErrors)
        let text = try String(contentsOfFile: site.path + "/" + meeting, encoding: .utf8)
        try site.write(meeting, text.replacingOccurrences(of: "Diskussionen handlade om tid.", with: "Diskussionen handlade om förtroende."))
        let second = session.update(changed: [meeting])
        #expect(page(second, "moten/2023-09-14-mote/index.html")?.contains("handlade om förtroende") == true)
        #expect(second.revision > first.revision)
        // The same as starting afresh.
        let fresh = SiteSession(options: BuildOptions(site: site.path, search: false)).update()
        #expect(second.paths == fresh.paths)
        for path in fresh.paths where path.hasSuffix(".html") {
            #expect(page(second, path) == page(fresh, path), "\(path) differs from a full build")
        }
    }

    @Test func anIdenticalSaveKeepsTheRevision() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let session = SiteSession(options: BuildOptions(site: site.path, search: false))
        let first = session.update()
        let text = try String(contentsOfFile: site.path + "/" + meeting, encoding: .utf8)
        try site.write(meeting, text)
        #expect(session.update(changed: [meeting]).revision == first.revision)
    }

    @Test func removedAndAddedMeetings() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let session = SiteSession(options: BuildOptions(site: site.path, search: false))
        #expect(session.update().report.meetings == 2)
        try site.remove("content/meetings/2024-02-01-seminarium.md")
        let after = session.update(changed: ["content/meetings/2024-02-01-seminarium.md"])
        #expect(after.report.meetings == 1)
        #expect(!after.contains("moten/2024-02-01-seminarium/index.html"))
        // A new file the watcher never mentioned is still found.
        try site.write("content/meetings/2025-05-05-nytt.md", "---\ntitle: Nytt möte\ndate: 2025-05-05\n---\nText.\n")
        let added = session.update(changed: ["content/themes.yml"])
        #expect(added.report.meetings == 2)
        #expect(page(added, "moten/2025-05-05-nytt/index.html")?.contains("Nytt möte") == true)
    }

    @Test func changedLabelsReExtractEveryMeeting() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("content/meetings/2024-03-03-engelska.md", "---\ntitle: Möte\ndate: 2024-03-03\n---\n\n### Question 1 – What helps?\n")
        let session = SiteSession(options: BuildOptions(site: site.path, search: false))
        #expect(session.update().report.questions == 1)
        try site.write("site.yml", "title: Testportalen\nbase_url: https://example.org/portal/\nlabels:\n  question: [Fråga, Question]\n")
        #expect(session.update(changed: ["site.yml"]).report.questions == 2)
    }

    @Test func aBrokenFileIsReportedAndAFixBringsThePageBack() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let session = SiteSession(options: BuildOptions(site: site.path, search: false))
        let good = try String(contentsOfFile: site.path + "/" + meeting, encoding: .utf8)
        _ = session.update()
        try site.write(meeting, good.replacingOccurrences(of: "date: 2023-09-14", with: "date: igår"))
        let broken = session.update(changed: [meeting])
        #expect(broken.report.errors.contains { $0.location?.file == meeting && $0.location?.line == 3 })
        try site.write(meeting, good)
        let fixed = session.update(changed: [meeting])
        #expect(!fixed.report.hasErrors)
        #expect(page(fixed, "moten/2023-09-14-mote/index.html") != nil)
    }
}
