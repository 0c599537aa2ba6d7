import Dispatch
import SamradCore
import SamradLoad
import Yams

/// Parses every loaded file. Meetings are independent, so they are parsed in parallel;
/// the results keep the loader's (sorted) order.
public enum SiteParser {
    public static func parse(_ site: LoadedSite, includeDrafts: Bool) -> (ParsedSite, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let config = ConfigParsing.site(site.siteConfig, catalogues: site.catalogues, &diagnostics)
        let themes = ConfigParsing.themes(site.themes, &diagnostics)
        let organizations = ConfigParsing.organizations(site.organizations, &diagnostics)

        let results = parallelMap(site.meetings) { source -> (ParsedMeeting?, [Diagnostic]) in
            var d = Diagnostics()
            let meeting = parseMeeting(source, paths: config.paths, &d)
            return (meeting, d.items)
        }
        var meetings: [ParsedMeeting] = []
        for (meeting, items) in results {
            diagnostics.append(contentsOf: items)
            if let meeting, includeDrafts || !meeting.frontMatter.draft { meetings.append(meeting) }
        }

        let pages = parsePages(site.pages, includeDrafts: includeDrafts, paths: config.paths, &diagnostics)
        return (ParsedSite(config: config, themes: themes, organizations: organizations, meetings: meetings, pages: pages, includeDrafts: includeDrafts), diagnostics.items)
    }

    /// Page names samrad uses itself: the preview's own files (`/_samrad/`) and the
    /// search index (`/pagefind/`). A page there could never be previewed, or would be
    /// overwritten by the index.
    public static let reservedPageSlugs: Set<String> = ["_samrad", "pagefind"]

    /// Free pages (`content/pages/*.md`).
    /// A page whose name is a section's path (`paths:` in site.yml) is an error: both
    /// would be written to the same folder.
    public static func parsePages(_ files: [SourceFile], includeDrafts: Bool, paths: SectionPaths = SectionPaths(),
                                  _ diagnostics: inout Diagnostics) -> [ParsedPage] {
        var pages: [ParsedPage] = []
        // A theme's excerpts live under the theme, never at the root.
        let sections = SectionPaths.Section.allCases.filter { $0 != .excerpts }
        for file in files {
            let slug = String(file.path.split(separator: "/").last?.dropLast(3) ?? "").nfc
            if reservedPageSlugs.contains(slug.lowercased()) {
                diagnostics.error(key: "diag_reserved_page", ["slug": slug, "path": slug.lowercased()], at: SourceLocation(file: file.path))
                continue
            }
            if let section = sections.first(where: { paths[$0] == slug.lowercased() }) {
                diagnostics.error(key: "diag_page_on_section_path", ["slug": slug, "section": section.rawValue], at: SourceLocation(file: file.path))
                continue
            }
            guard let (read, body) = parseDocument(file, &diagnostics, frontMatter: FrontMatterParsing.page), let fm = read else { continue }
            if fm.draft && !includeDrafts { continue }
            pages.append(ParsedPage(slug: slug, file: file, frontMatter: fm, body: body))
        }
        return pages
    }

    /// A meeting whose front matter has errors is still read to the end (marked
    /// `frontMatterBroken`), so that one run reports every error of the file, not only
    /// the first; such a meeting is never published, since its errors stop the build.
    /// - Parameter paths: the site's section paths; the attachments are published under
    ///   the meetings' one (the loader, which reads before site.yml is parsed, names them
    ///   under the default `moten/`).
    public static func parseMeeting(_ source: MeetingSource, paths: SectionPaths = SectionPaths(), _ diagnostics: inout Diagnostics) -> ParsedMeeting? {
        let before = diagnostics.errors.count
        guard let (read, body) = parseDocument(source.main, &diagnostics, keepBody: true, frontMatter: FrontMatterParsing.meeting) else { return nil }
        var fm = read ?? MeetingFrontMatter()
        if fm.title.isEmpty { fm.title = source.slug }
        var appendices: [ParsedAppendix] = []
        for file in source.appendices {
            guard let (read, abody) = parseDocument(file, &diagnostics, frontMatter: FrontMatterParsing.appendix), let afm = read else { continue }
            let name = String(file.path.split(separator: "/").last?.dropLast(3) ?? "bilaga").nfc
            appendices.append(ParsedAppendix(slug: name, file: file, frontMatter: afm, body: abody))
        }
        return ParsedMeeting(slug: source.slug, file: source.main, frontMatter: fm, body: body,
                             appendices: appendices, attachments: published(source.attachments, paths),
                             frontMatterBroken: read == nil || diagnostics.errors.count > before)
    }

    static func published(_ attachments: [AssetFile], _ paths: SectionPaths) -> [AssetFile] {
        let loaderPrefix = SectionPaths().meetings
        guard paths.meetings != loaderPrefix else { return attachments }
        return attachments.map { asset in
            var moved = asset
            if asset.outputPath.hasPrefix(loaderPrefix) { moved.outputPath = paths.meetings + asset.outputPath.dropFirst(loaderPrefix.count) }
            return moved
        }
    }

    /// Front matter and Markdown of one file. Files without front matter are refused:
    /// every meeting, appendix and page needs at least a title.
    /// - Parameter keepBody: parse the Markdown even when the front matter cannot be
    ///   read (the front matter is then nil), so that its errors are reported too.
    static func parseDocument<FM>(
        _ file: SourceFile, _ diagnostics: inout Diagnostics, keepBody: Bool = false,
        frontMatter parseFM: (Node, YAMLReader, inout Diagnostics) -> FM?
    ) -> (FM?, MarkdownNode)? {
        let split: FrontMatter.Split
        switch FrontMatter.split(file.text) {
        case .failure(.notClosed):
            diagnostics.error(key: "diag_front_matter_not_closed", at: SourceLocation(file: file.path, line: 1, column: 1))
            return nil
        case .success(let s):
            split = s
        }
        guard let yaml = split.yaml else {
            if file.text.trimmed.isEmpty {
                diagnostics.error(key: "diag_empty_file", at: SourceLocation(file: file.path, line: 1, column: 1))
            } else {
                diagnostics.error(key: "diag_no_front_matter", at: SourceLocation(file: file.path, line: 1, column: 1))
            }
            return nil
        }
        let reader = YAMLReader(file: file.path, lineOffset: 1)
        let fm = reader.compose(yaml, &diagnostics).flatMap { parseFM($0, reader, &diagnostics) }
        if fm == nil && !keepBody { return nil }
        let parsed = MarkdownParser.parse(split.body, lineOffset: split.bodyLineOffset)
        if parsed.flattened {
            diagnostics.warning(key: "diag_nesting_flattened", ["depth": String(MarkdownParser.maxDepth)], at: SourceLocation(file: file.path))
        }
        return (fm, parsed.document)
    }
}

