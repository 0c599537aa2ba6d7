import Foundation
import Testing
@testable import Samrad

/// A screen reader lists a page's landmarks by name; the summaries of a meeting are
/// `<aside>` landmarks, so each must be named after what it summarises.
@Suite("landmark names")
struct RenderLandmarkTests {
    static let meeting = """
    ---
    title: Tre frågor
    date: 2024-03-01
    ---

    Sammanfattning:

    - Mötets egen punkt

    ## Samtal

    ### Fråga 1 – Vad behövs?

    Sammanfattning:

    - Tid

    ### Fråga 2 – Vem gör vad?

    Sammanfattning:

    - Alla

    ### Fråga 3 – När börjar vi?

    Sammanfattning:

    - Nu
    """

    /// The text of the element with `id`, tags dropped and spaces collapsed.
    static func text(ofID id: String, in html: String) throws -> String {
        let open = try #require(html.range(of: " id=\"\(id)\""), "no element #\(id)")
        let tagStart = try #require(html[..<open.lowerBound].lastIndex(of: "<"))
        let name = html[html.index(after: tagStart)...].prefix { $0.isLetter || $0.isNumber }
        let body = html[open.upperBound...].drop { $0 != ">" }.dropFirst()
        let end = try #require(body.range(of: "</\(name)>"))
        let stripped = body[..<end.lowerBound].replacing(try Regex("<[^>]*>"), with: "")
        return stripped.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func eachSummaryIsNamedAfterItsQuestion() throws {
        var files = SiteFolder.minimal
        files["content/meetings/2024-03-01-tre.md"] = Self.meeting
        let site = try SiteFolder(files)
        defer { site.cleanup() }
        #expect(!site.build().hasErrors)
        let page = try #require(site.read("moten/2024-03-01-tre/index.html"))
        let labels = try page.matches(of: try Regex(#"<aside class="summary"[^>]* aria-labelledby="([^"]+)""#)).map { match in
            String(try #require(match.output[1].substring))
        }
        #expect(labels.count == 4)
        let names = try labels.map { ids in
            try ids.split(separator: " ").map { try Self.text(ofID: String($0), in: page) }.joined(separator: " ")
        }
        #expect(Set(names).count == names.count, "landmark names repeat: \(names)")
        #expect(names == [
            "Sammanfattning",
            "Sammanfattning Fråga 1 Vad behövs?",
            "Sammanfattning Fråga 2 Vem gör vad?",
            "Sammanfattning Fråga 3 När börjar vi?",
        ])
    }
}
