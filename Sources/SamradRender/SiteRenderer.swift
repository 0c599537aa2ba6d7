import Foundation
import Mustache
import SamradAggregate
import SamradCore
import SamradExtract
import SamradLink
import SamradLoad
import SamradParse

/// Renders every page, feed and data file of the site from the aggregated index.
/// Pages are independent, so they are rendered in parallel; the file list comes back in
/// a fixed order so the output is the same bytes on every run.
public struct SiteRenderer: Sendable {
    public let index: SiteIndex
    public let templates: TemplateSet
    public let templateAssets: [AssetFile]
    /// Default assets by path below templates/, used where the site has none of its own.
    public let defaultAssets: [String: String]
    /// Whether this build gets a Pagefind index; the search page says so when it does not.
    public let searchEnabled: Bool
    /// How many indexes the build writes (`pagefind/`, then `pagefind/2/`): the search
    /// page names the count, so that its script merges a second one without asking the
    /// host whether it is there (a request in front of the first search, and a 404 on
    /// every site with one index).
    public let searchParts: Int

    public init(index: SiteIndex, templates: TemplateSet, templateAssets: [AssetFile], defaultAssets: [String: String], searchEnabled: Bool = false,
                searchParts: Int = 1) {
        self.index = index
        var speaking = templates
        speaking.words = CatalogueView(DocumentWords(index.site.meetings.map(\.meeting.type), index.site.config.catalogue))
        self.templates = speaking
        self.templateAssets = templateAssets
        self.defaultAssets = defaultAssets
        self.searchEnabled = searchEnabled
        self.searchParts = searchEnabled ? searchParts : 1
    }

    var config: SiteConfig { index.site.config }
    var html: HTMLRenderer {
        var renderer = HTMLRenderer(allowRawHTML: config.allowRawHTML, themes: index.site.themes, basePath: config.basePath)
        renderer.words = config.catalogue
        renderer.themesPath = config.paths.themes
        return renderer
    }
    var views: MeetingViews { MeetingViews(html: html, index: index, config: config, templates: templates, fragments: fragments) }
    let fragments = FragmentCache()

    var pageContext: PageContext {
        let pages = index.site.pages
            .sorted(by: \.title, config.collation)
            .sorted { ($0.order ?? Int.max) < ($1.order ?? Int.max) }
            .map { (title: $0.title, slug: $0.slug) }
        let words = DocumentWords(index.site.meetings.map(\.meeting.type), config.catalogue)
        let t = config.catalogue, p = config.paths
        return PageContext(config: config, pages: pages, sections: [
            (t["nav_start"], ""), (words.title, p.meetings), (t["nav_themes"], p.themes), (t["nav_questions"], p.questions),
            (t["nav_ideas"], p.ideas), (t["nav_organizations"], p.organizations),
        ], words: words, templates: templates)
    }

    /// A page to render: template name, output path and a builder for its view model.
    struct PageJob: @unchecked Sendable {
        var path: String
        var template: String
        var build: @Sendable () -> PageView
    }

    /// One file of the output, made on demand: a full build makes them all in parallel,
    /// the preview server only those a browser asks for.
    public struct OutputJob: @unchecked Sendable {
        public let path: String
        public let make: @Sendable () -> OutputFile.Content
    }

    /// Every output file, in a fixed order.
    public func outputJobs() -> [OutputJob] {
        let pages = pageJobs()
        let templates = self.templates
        var jobs: [OutputJob] = pages.map { job in
            OutputJob(path: job.path + "index.html") {
                guard TemplateClock.enabled else { return .text(templates.render(job.build(), template: job.template)) }
                let start = TemplateClock.threadNanoseconds()
                let view = job.build()
                TemplateClock.add("(view model of \(job.template))", since: start)
                return .text(templates.render(view, template: job.template))
            }
        }
        let ctx = pageContext
        jobs.append(OutputJob(path: "404.html") {
            .text(templates.render(ctx.page(title: ctx.config.catalogue["not_found_title"], path: "404.html", description: nil, section: nil), template: "404"))
        })
        jobs += assets().map { file in OutputJob(path: file.path) { file.content } }
        jobs += attachments().map { file in OutputJob(path: file.path) { file.content } }
        let data = OpenData(index: index)
        jobs += data.jobs()
        let feeds = Feeds(index: index, pagePaths: pages.map(\.path))
        jobs += feeds.jobs()
        jobs += FilterData(index: index).jobs()
        return jobs
    }

    func pageJobs() -> [PageJob] {
        let ctx = pageContext
        let views = self.views
        let index = self.index
        let html = self.html
        var jobs: [PageJob] = []
        let config = self.config

        jobs.append(PageJob(path: "", template: "index") {
            StartPage(index: index, views: views).view(ctx)
        })
        let meetingPager = Paginator(path: config.paths.meetings, items: index.site.meetings.count, size: Paginator.meetingCardsPerPage)
        for n in 1 ... meetingPager.pageCount {
            jobs.append(PageJob(path: meetingPager.path(n), template: "meetings") {
                // Meetings are stored newest first, so a page's meetings fall under one or two years.
                var years: [MeetingListPage.Year] = []
                for i in meetingPager.range(n) {
                    let year = views.facts(i).year
                    if years.last?.year == year { years[years.count - 1].meetings.append(views.cardHTML(i)) }
                    else { years.append(MeetingListPage.Year(year: year, meetings: [views.cardHTML(i)])) }
                }
                let words = ctx.words
                let pagination = meetingPager.view(page: n, label: words.text("pages_of_documents"), config: config)
                return ctx.page(title: words.title, path: meetingPager.path(n), description: words.text("meetings_description"), section: config.paths.meetings, content: MeetingListPage(
                    introText: words.text("newest_first_intro", ["counts": words.countText]),
                    chartHTML: HTML(n == 1 ? Charts.meetingsPerYear(index, words: words) : ""), years: years,
                    pagination: pagination, rangeText: meetingPager.rangeText(n, noun: words.definiteTitle, config.catalogue)), pagination: pagination)
            })
        }
        jobs.append(PageJob(path: config.paths.accessibility, template: "accessibility") {
            ctx.page(title: config.catalogue["a11y_title"], path: config.paths.accessibility, description: config.catalogue["a11y_description"],
                     section: nil, content: AccessibilityStatement.view(config, html: html))
        })
        let searchEnabled = self.searchEnabled, searchParts = self.searchParts
        jobs.append(PageJob(path: config.paths.search, template: "search") {
            ctx.page(title: config.catalogue["search_title"], path: config.paths.search, description: ctx.words.text("search_description"), section: nil,
                     content: SearchPage(searchEnabled: searchEnabled, parts: searchParts))
        })
        let organizationURLs = OrganizationURLs(index.site.organizations)
        for (i, linked) in index.site.meetings.enumerated() {
            let m = linked.meeting
            jobs.append(PageJob(path: linked.path, template: "meeting") {
                let page = views.page(i, jsonLD: StructuredData.event(linked, index: index, config: config, organizations: organizationURLs))
                return ctx.page(title: m.title, path: linked.path, description: m.lede, section: config.paths.meetings, content: page)
            })
            for appendix in m.appendices {
                let path = "\(linked.path)\(appendix.slug)/"
                jobs.append(PageJob(path: path, template: "appendix") {
                    ctx.page(title: appendix.title, path: path, description: nil, section: config.paths.meetings, content: AppendixPage(
                        title: appendix.title, url: config.href(path), meetingTitle: m.title,
                        meetingURL: views.url(linked), isoDate: m.date.description, dateText: views.dateText(m),
                        year: m.date.year, blocks: views.blocks(m, appendix.body),
                        footnotesHTML: HTML(views.footnotesHTML(appendix.footnotes))))
                })
            }
        }
        for page in index.site.pages {
            let path = "\(page.slug)/"
            jobs.append(PageJob(path: path, template: "page") {
                ctx.page(title: page.title, path: path, description: page.description, section: path,
                         content: BodyPage(blocks: views.blocks(nil, page.body), footnotesHTML: HTML(views.footnotesHTML(page.footnotes))))
            })
        }
        // Portal pages show items away from their document: footnote numbers without links.
        var offPage = html
        offPage.linksFootnotes = false
        let offPageViews = MeetingViews(html: offPage, index: index, config: config, templates: templates, fragments: fragments)
        jobs += PortalPages(index: index, views: offPageViews, html: offPage, context: ctx, heatmapSchemes: heatmapSchemes()).jobs()
        return jobs
    }

    /// The heat map's colours from the stylesheet this site is built with: its own
    /// templates/assets/style.css when it has one, else the default.
    func heatmapSchemes() -> HeatmapSchemes {
        let own = templateAssets.first { $0.outputPath == "assets/style.css" }
        let css = own.flatMap { FileManager.default.contents(atPath: $0.absolutePath) }.map { String(decoding: $0, as: UTF8.self) }
            ?? defaultAssets["assets/style.css"] ?? ""
        return HeatmapSchemes(stylesheet: css)
    }

    func assets() -> [OutputFile] {
        var files: [OutputFile] = []
        var own = Set<String>()
        for asset in templateAssets {
            own.insert(asset.outputPath)
            files.append(OutputFile(asset.outputPath, .copy(from: asset.absolutePath)))
        }
        for (path, text) in defaultAssets.sorted(by: { $0.key < $1.key }) where !path.hasSuffix(".mustache") && !own.contains(path) {
            files.append(.text(path, text))
        }
        return files
    }

    func attachments() -> [OutputFile] {
        index.site.meetings.flatMap { linked in
            linked.meeting.attachments.map { OutputFile($0.outputPath, .copy(from: $0.absolutePath)) }
        }
    }
}

