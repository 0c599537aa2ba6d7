import Dispatch
import Foundation
import Testing
@testable import Samrad
import SamradCore

/// Case trailing-tags-quadratic (Fixtures/hostile) and the other paths that were
/// super-linear in what an author writes. Each test times `samrad check` at n and 4n and
/// expects about 4× the time, loosely: a quadratic path takes 16×. The best of three runs
/// counts, and a floor absorbs timer noise on small inputs.
@Suite("hostile input: time grows linearly", .serialized)
struct HostileScalingTests {
    /// Seconds for `check` of the minimal site with `meeting` as an extra meeting; best of three.
    func checkSeconds(_ meeting: String) throws -> Double {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("content/meetings/2025-01-01-stort.md", "---\ntitle: Stort\ndate: 2025-01-01\n---\n\n" + meeting)
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now()
            _ = Pipeline.check(BuildOptions(site: site.path, search: false))
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        }
        return best
    }

    func expectLinear(_ n: Int, _ make: (Int) -> String, _ what: String) throws {
        let small = try checkSeconds(make(n))
        let large = try checkSeconds(make(4 * n))
        #expect(large < 8 * small + 0.25, "\(what): \(n) → \(small) s, \(4 * n) → \(large) s")
    }

    @Test func manyTrailingTagsOnOneLine() throws {
        try expectLinear(5_000, { n in "Ett stycke " + String(repeating: "#samverkan ", count: n) + "\n" }, "trailing tags")
    }

    @Test func manyTaggedLinesInOneParagraph() throws {
        try expectLinear(5_000, { n in "Ett stycke\n" + String(repeating: "#samverkan\n", count: n) }, "tags on lines of their own")
    }

    @Test func manyDistinctUnknownTags() throws {
        try expectLinear(2_000, { n in "Ett stycke " + (0..<n).map { "#okand\(Self.letters($0))" }.joined(separator: " ") + "\n" }, "unknown tags")
    }

    @Test func manyHeadingsWithTheSameText() throws {
        try expectLinear(3_000, { n in String(repeating: "## Rubrik\n\nText.\n\n", count: n) }, "same headings")
    }

    @Test func manyLinksToMissingAnchors() throws {
        try expectLinear(1_000, { n in
            (0..<n).map { "## Rubrik \(Self.letters($0))\n\nSe [där](#saknas-\(Self.letters($0))).\n" }.joined(separator: "\n")
        }, "broken anchors")
    }

    /// A tag body made of letters only ("a", "b", …, "ba"): digits would not make a tag start.
    static func letters(_ i: Int) -> String {
        var i = i, s = ""
        repeat { s.append(Character(UnicodeScalar(UInt8(97 + i % 26)))); i /= 26 } while i > 0
        return s
    }

    /// Every tag keeps its own place: the same tag written twice is two places.
    @Test func repeatedTagsAreLocatedEachAtItsOwnColumn() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("content/meetings/2025-01-01-stort.md", "---\ntitle: Stort\ndate: 2025-01-01\n---\n\nÅ ä #okand #okand\n")
        let report = Pipeline.check(BuildOptions(site: site.path, search: false))
        let columns = report.errors.filter { $0.message.contains("okand") }.compactMap(\.location?.column).sorted()
        #expect(columns == [5, 12], "\(report.errors)")
    }
}
