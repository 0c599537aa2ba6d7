import Dispatch
import SamradCore
import SamradLoad
import Yams

/// Parses every loaded file. Meetings are independent, so they are parsed in parallel;
/// the results keep the loader's (sorted) order.
public enum SiteParser {
    public static func parse(_ site: LoadedSite, includeDrafts: Bool) -> (ParsedSite, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let config = ConfigParsing.site(site.siteConfig, &diagnostics)
        let themes = ConfigParsing.themes(site.themes, &diagnostics)
        let organizations = ConfigParsing.organizations(site.organizations, &diagnostics)

        let results = parallelMap(site.meetings) { source -> (ParsedMeeting?, [Diagnostic]) in
            var d = Diagnostics()
            let meeting = parseMeeting(source, &d)
            return (meeting, d.items)
        }
        var meetings: [ParsedMeeting] = []
        for (meeting, items) in results {
            diagnostics.append(contentsOf: items)
            if let meeting, includeDrafts || !meeting.frontMatter.draft { meetings.append(meeting) }
        }

        let pages = parsePages(site.pages, includeDrafts: includeDrafts, &diagnostics)
        return (ParsedSite(config: config, themes: themes, organizations: organizations, meetings: meetings, pages: pages), diagnostics.items)
    }

    /// Page names samrad uses itself: the preview's own files (`/_samrad/`) and the
    /// search index (`/pagefind/`). A page there could never be previewed, or would be
    /// overwritten by the index.
    public static let reservedPageSlugs: Set<String> = ["_samrad", "pagefind"]

    /// Free pages (`content/pages/*.md`).
    public static func parsePages(_ files: [SourceFile], includeDrafts: Bool, _ diagnostics: inout Diagnostics) -> [ParsedPage] {
        var pages: [ParsedPage] = []
        for file in files {
            let slug = String(file.path.split(separator: "/").last?.dropLast(3) ?? "").nfc
            if reservedPageSlugs.contains(slug.lowercased()) {
                diagnostics.error("the page name '\(slug)' is reserved for samrad's own files (/\(slug.lowercased())/); rename the file", at: SourceLocation(file: file.path))
                continue
            }
            guard let (fm, body) = parseDocument(file, &diagnostics, frontMatter: FrontMatterParsing.page) else { continue }
            if fm.draft && !includeDrafts { continue }
            pages.append(ParsedPage(slug: slug, file: file, frontMatter: fm, body: body))
        }
        return pages
    }

    public static func parseMeeting(_ source: MeetingSource, _ diagnostics: inout Diagnostics) -> ParsedMeeting? {
        let before = diagnostics.errors.count
        guard let (fm, body) = parseDocument(source.main, &diagnostics, frontMatter: FrontMatterParsing.meeting),
              diagnostics.errors.count == before else { return nil }
        var appendices: [ParsedAppendix] = []
        for file in source.appendices {
            guard let (afm, abody) = parseDocument(file, &diagnostics, frontMatter: FrontMatterParsing.appendix) else { continue }
            let name = String(file.path.split(separator: "/").last?.dropLast(3) ?? "bilaga").nfc
            appendices.append(ParsedAppendix(slug: name, file: file, frontMatter: afm, body: abody))
        }
        return ParsedMeeting(slug: source.slug, file: source.main, frontMatter: fm, body: body,
                             appendices: appendices, attachments: source.attachments)
    }

    /// Front matter and Markdown of one file. Files without front matter are refused:
    /// every meeting, appendix and page needs at least a title.
    static func parseDocument<FM>(
        _ file: SourceFile, _ diagnostics: inout Diagnostics,
        frontMatter parseFM: (Node, YAMLReader, inout Diagnostics) -> FM?
    ) -> (FM, MarkdownNode)? {
        let split: FrontMatter.Split
        switch FrontMatter.split(file.text) {
        case .failure(.notClosed):
            diagnostics.error("front matter is not closed: add a line with only '---' after the last field", at: SourceLocation(file: file.path, line: 1, column: 1))
            return nil
        case .success(let s):
            split = s
        }
        guard let yaml = split.yaml else {
            if file.text.trimmed.isEmpty {
                diagnostics.error("the file is empty; it needs front matter with at least a title and a date", at: SourceLocation(file: file.path, line: 1, column: 1))
            } else {
                diagnostics.error("the file has no front matter; start it with '---', then 'title: …' and 'date: …', then '---'", at: SourceLocation(file: file.path, line: 1, column: 1))
            }
            return nil
        }
        let reader = YAMLReader(file: file.path, lineOffset: 1)
        guard let root = reader.compose(yaml, &diagnostics) else { return nil }
        guard let fm = parseFM(root, reader, &diagnostics) else { return nil }
        let parsed = MarkdownParser.parse(split.body, lineOffset: split.bodyLineOffset)
        if parsed.flattened {
            diagnostics.warning("lists or quotes nest deeper than \(MarkdownParser.maxDepth) levels; the deeper levels are shown flattened", at: SourceLocation(file: file.path))
        }
        return (fm, parsed.document)
    }
}

