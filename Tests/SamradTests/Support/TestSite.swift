import Foundation
import SamradCore
import SamradLoad
import SamradParse
import SamradExtract
import SamradLink
import SamradAggregate

/// A throwaway site folder and the pipeline stages run over it, one call per stage.
///
///     let site = try TestSite(files: ["content/meetings/m/index.md": text])
///     defer { site.remove() }
///     let (linked, diagnostics) = site.link()
///
/// Every stage method runs the stages before it, and returns the diagnostics of all of
/// them in pipeline order, so a test sees what `samrad check` would print.
/// `site.yml` and `content/` are created with minimal defaults when `files` lacks them,
/// so a test only writes what it is about.
final class TestSite: Sendable {
    let rootURL: URL

    /// Absolute path of the site folder.
    var root: String { rootURL.path }

    static let defaultSiteYML = "title: Testportalen\nbase_url: https://example.org/\nlanguage: sv\n"

    init(files: [String: String]) throws {
        rootURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("samrad-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: rootURL.appendingPathComponent("content"), withIntermediateDirectories: true)
        var all = files
        if all["site.yml"] == nil { all["site.yml"] = Self.defaultSiteYML }
        // Sorted so that a failing write names the same file on every run.
        for path in all.keys.sorted() {
            try write(path, all[path] ?? "")
        }
    }

    /// Writes (or overwrites) one file, creating its folders.
    func write(_ path: String, _ text: String) throws {
        let url = rootURL.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Deletes the folder. Call it in a `defer` right after creating the site.
    func remove() {
        try? FileManager.default.removeItem(at: rootURL)
    }

    // MARK: - Stages

    func load() -> (LoadedSite, [Diagnostic]) {
        SiteLoader(root: root).load()
    }

    func parse(includeDrafts: Bool = false) -> (ParsedSite, [Diagnostic]) {
        let (loaded, d1) = load()
        let (parsed, d2) = SiteParser.parse(loaded, includeDrafts: includeDrafts)
        return (parsed, d1 + d2)
    }

    func extract(includeDrafts: Bool = false) -> (ExtractedSite, [Diagnostic]) {
        let (parsed, d1) = parse(includeDrafts: includeDrafts)
        let (extracted, d2) = SiteExtractor.extract(parsed)
        return (extracted, d1 + d2)
    }

    func link(includeDrafts: Bool = false) -> (LinkedSite, [Diagnostic]) {
        let (extracted, d1) = extract(includeDrafts: includeDrafts)
        let (linked, d2) = SiteLinker.link(extracted)
        return (linked, d1 + d2)
    }
}

extension TestSite {
    /// Writes `files` to a fresh site, runs it through extract and hands back the one
    /// meeting with `slug`, removing the folder afterwards.
    static func extractMeeting(_ slug: String, files: [String: String]) throws -> (Meeting?, [Diagnostic]) {
        let site = try TestSite(files: files)
        defer { site.remove() }
        let (extracted, diagnostics) = site.extract()
        return (extracted.meetings.first { $0.slug == slug }, diagnostics)
    }

    /// The same through link: themes resolved, participants matched.
    static func linkMeeting(_ slug: String, files: [String: String]) throws -> (LinkedMeeting?, LinkedSite, [Diagnostic]) {
        let site = try TestSite(files: files)
        defer { site.remove() }
        let (linked, diagnostics) = site.link()
        return (linked.meetings.first { $0.meeting.slug == slug }, linked, diagnostics)
    }
}

// MARK: - Finding things in fixture text

/// Where `needle` first occurs in `text`, 1-based, counted as an editor shows it
/// (lines split on "\n", columns in characters). Tests derive expected positions from
/// the fixture they wrote instead of hard-coding numbers.
func position(of needle: String, in text: String, occurrence: Int = 1) -> (line: Int, column: Int)? {
    var seen = 0
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        var searchStart = line.startIndex
        while let range = line[searchStart...].range(of: needle) {
            seen += 1
            if seen == occurrence {
                return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
            searchStart = range.upperBound
        }
    }
    return nil
}

extension Meeting {
    /// An item's themes less the meeting's front matter themes: what the headings, the
    /// appendix and the item itself add. Tests about those hold whether or not front
    /// matter themes are copied onto every item (see `frontMatterThemes…` tests).
    func beyondFrontMatter(_ themes: [String]) -> [String] {
        themes.filter { theme in !frontThemes.contains { $0.name == theme } }
    }
}

extension Array where Element == Diagnostic {
    var errors: [Diagnostic] { filter { $0.severity == .error } }
    var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}

extension MarkdownNode {
    /// This node and every node below it, depth first.
    var allNodes: [MarkdownNode] { [self] + children.flatMap(\.allNodes) }

    /// The theme tags left in place of `#slug` text anywhere in the tree.
    var themeTagNames: [String] {
        allNodes.flatMap { node -> [String] in
            if case .themeTags(let names) = node.kind { return names }
            return []
        }
    }

    /// All literal text, to check that no `#slug` is left in what a reader sees.
    var literalText: String {
        allNodes.map { node -> String in
            if case .text(let s) = node.kind { return s }
            return ""
        }.joined(separator: " ")
    }
}

extension Sequence where Element == MarkdownNode {
    var themeTagNames: [String] { flatMap(\.themeTagNames) }
    var literalText: String { map(\.literalText).joined(separator: " ") }
}
