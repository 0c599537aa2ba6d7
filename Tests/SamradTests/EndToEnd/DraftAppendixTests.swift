import Foundation
import Testing
@testable import Samrad

/// Appendices marked `draft: true` (the post-it board `samrad import` writes) follow the
/// drafts rule of meetings and pages: shown by `build --drafts` and the preview, left out
/// of a build to publish.
@Suite("draft appendices")
struct DraftAppendixTests {
    static let files = SiteFolder.minimal.merging([
        "content/meetings/2023-09-14-mote/postits.md": """
        ---
        title: Bilaga – post-it-lappar
        appendix: postits
        draft: true
        ---

        ## Vad behövs?

        - Mer tid för möten
        - En gemensam kontaktlista
        """,
        "content/meetings/2023-09-14-mote/program.md": """
        ---
        title: Program
        appendix: text
        draft: true
        ---

        Dagens program.
        """,
    ]) { $1 }

    static func ideas(_ site: SiteFolder) -> [[String: Any]] {
        guard let data = site.read("data/ideas.json").map({ Data($0.utf8) }),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return list
    }

    @Test func aPublishedBuildLeavesDraftAppendicesOut() throws {
        let site = try SiteFolder(Self.files)
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        #expect(Self.ideas(site).isEmpty)
        let page = try #require(site.read("moten/2023-09-14-mote/index.html"))
        #expect(!page.contains("Mer tid för möten"))
        #expect(!page.contains("bilaga-postits"))
        #expect(!site.exists("moten/2023-09-14-mote/program/index.html"))
    }

    @Test func aDraftsBuildShowsThem() throws {
        let site = try SiteFolder(Self.files)
        defer { site.cleanup() }
        let report = site.build(drafts: true)
        #expect(!report.hasErrors, "\(report.diagnostics)")
        #expect(Self.ideas(site).map { $0["text"] as? String } == ["Mer tid för möten", "En gemensam kontaktlista"])
        #expect(Self.ideas(site).allSatisfy { $0["category"] as? [String] == ["Vad behövs?"] })
        let page = try #require(site.read("moten/2023-09-14-mote/index.html"))
        #expect(page.contains("Mer tid för möten"))
        #expect(page.contains("id=\"bilaga-postits\""))
        #expect(site.read("moten/2023-09-14-mote/program/index.html")?.contains("Dagens program.") == true)
    }

    static func page(_ snapshot: SiteSnapshot, _ path: String) -> String? {
        guard case .text(let text)? = snapshot.file(at: path) else { return nil }
        return text
    }

    /// The preview keeps the extracted meetings between saves: it must read the draft
    /// board on its first build and after an edit of the board alone.
    @Test func thePreviewShowsThemAndFollowsAnEdit() throws {
        let site = try SiteFolder(Self.files)
        defer { site.cleanup() }
        let session = SiteSession(options: BuildOptions(site: site.path, includeDrafts: true, search: false))
        let first = session.update()
        #expect(Self.page(first, "moten/2023-09-14-mote/index.html")?.contains("En gemensam kontaktlista") == true)
        #expect(first.contains("moten/2023-09-14-mote/program/index.html"))
        let board = "content/meetings/2023-09-14-mote/postits.md"
        try site.write(board, """
        ---
        title: Bilaga – post-it-lappar
        appendix: postits
        draft: true
        ---

        ## Vad behövs?

        - Mer tid för möten
        - Ett nytt förslag
        """)
        let second = session.update(changed: [board])
        let page = Self.page(second, "moten/2023-09-14-mote/index.html") ?? ""
        #expect(page.contains("Ett nytt förslag"))
        #expect(!page.contains("En gemensam kontaktlista"))
    }
}
