import SamradCore
import SamradParse

public enum SiteExtractor {
    public static func extract(_ site: ParsedSite) -> (ExtractedSite, [Diagnostic]) {
        let labels = Labels(site.config)
        let results = parallelMap(site.meetings) { MeetingExtractor.extract($0, labels: labels, includeDrafts: site.includeDrafts) }
        var diagnostics = Diagnostics()
        var meetings: [Meeting] = []
        for (meeting, items) in results {
            diagnostics.append(contentsOf: items)
            if let meeting { meetings.append(meeting) }
        }
        let (pages, pageDiagnostics) = extractPages(site, labels: labels)
        diagnostics.append(contentsOf: pageDiagnostics)
        return (ExtractedSite(config: site.config, themes: site.themes, organizations: site.organizations,
                              meetings: meetings, pages: pages), diagnostics.items)
    }

    /// Free pages: headings, tags and summaries, no questions.
    public static func extractPages(_ site: ParsedSite, labels: Labels) -> ([Page], [Diagnostic]) {
        var diagnostics = Diagnostics()
        var pages: [Page] = []
        for parsed in site.pages {
            let source = SourceLines(file: parsed.file.path, text: parsed.file.text)
            var body = BodyExtractor(labels: labels, source: source, recognizeQuestions: false, fileThemes: [],
                                     ids: Slug.Registry(reserved: MeetingExtractor.reservedIDs))
            body.run(parsed.body.children)
            diagnostics.append(contentsOf: body.diagnostics.items)
            pages.append(Page(slug: parsed.slug, file: parsed.file.path, title: parsed.frontMatter.title,
                              description: parsed.frontMatter.description, order: parsed.frontMatter.order,
                              body: body.body, allTags: body.allTags,
                              anchors: MeetingExtractor.collectAnchors(body: body.body, questions: [], summary: nil, boards: [],
                                                                       footnotes: body.footnotes),
                              footnotes: body.footnotes))
        }
        return (pages, diagnostics.items)
    }
}
