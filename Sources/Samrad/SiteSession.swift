import Dispatch
import Foundation
import SamradAggregate
import SamradCore
import SamradExtract
import SamradIndex
import SamradLink
import SamradLoad
import SamradParse
import SamradRender

/// A site kept in memory between edits. The first update reads everything; later ones
/// re-read only the files that changed and reuse every other meeting's parse and
/// extraction, then link and aggregate anew (both linear and quick) and hand out a
/// snapshot whose pages render on demand. `samrad build` runs one full update and
/// renders every page; `samrad serve` runs one update per save.
public final class SiteSession: @unchecked Sendable {
    public let options: BuildOptions
    private let loader: SiteLoader
    private let defaults = DefaultTemplates.files
    private let lock = NSLock()

    /// What one meeting entry (`content/meetings/<entry>`) last produced.
    private struct CachedMeeting {
        var source: MeetingSource?
        var parsed: ParsedMeeting?
        var meeting: Meeting?
        var diagnostics: [Diagnostic]
        /// Links written in the meeting and the ids on its pages, for the link check.
        var links: [ContentLink] = []
        var anchors: [String: Set<String>] = [:]

        init(source: MeetingSource? = nil, parsed: ParsedMeeting? = nil, meeting: Meeting? = nil, diagnostics: [Diagnostic],
             paths: SectionPaths = SectionPaths()) {
            self.source = source
            self.parsed = parsed
            self.meeting = meeting
            self.diagnostics = diagnostics
            if let meeting {
                links = ContentLinks.collect(meeting, paths: paths)
                anchors = ModelAnchors.of(meeting, paths: paths)
            }
        }
    }

    private var loaded: LoadedSite
    private var siteDiagnostics: [Diagnostic] = []
    private var pageDiagnostics: [Diagnostic] = []
    private var templateDiagnostics: [Diagnostic] = []
    private var meetings: [String: CachedMeeting] = [:]
    private var labels: Labels?
    /// The section paths the cached meetings were read with (attachments, links, anchors).
    private var sectionPaths: SectionPaths?
    private var templates: TemplateSet?
    private var started = false
    /// Goes up when an update read something that differs from before; a save that
    /// rewrote a file with the same text leaves it, and the preview sends no reload.
    private var revision = 0
    /// Theme linking per meeting entry, valid while the meeting and themes.yml are unchanged.
    private var themed: [String: (serial: Int, themesText: String?, value: SiteLinker.ThemedMeeting)] = [:]
    private var serial = 0
    /// What linking learnt about unlisted organisation names; replaced when organizations.yml changes.
    private var organizationMemo: OrganizationMemo?
    private var parsedConfig: (key: [String?], site: SiteConfig, themes: [ThemeDefinition], organizations: [OrganizationDefinition], diagnostics: [Diagnostic])?
    private var meetingSerial: [String: Int] = [:]

    /// Whether parsed Markdown trees are kept for the next update (the preview server
    /// re-extracts them when question labels change). A one-shot build lets each tree go
    /// as soon as its meeting is extracted, on the worker thread that made it: kept, they
    /// were a few hundred MiB of small objects freed one by one on the main thread.
    private let keepsParsedMeetings: Bool

    public init(options: BuildOptions, keepsParsedMeetings: Bool = true) {
        self.options = options
        self.keepsParsedMeetings = keepsParsedMeetings
        var templateDefaults: [String: String] = [:]
        for (path, text) in DefaultTemplates.files where path.hasSuffix(".mustache") {
            templateDefaults[String(path.dropLast(".mustache".count))] = text
        }
        loader = SiteLoader(root: options.site, defaultTemplates: templateDefaults)
        loaded = LoadedSite(root: loader.root.path)
    }

    /// Brings the model up to date.
    /// - Parameter changed: site-relative paths that changed on disk, or nil to read all.
    public func update(changed: Set<String>? = nil) -> SiteSnapshot {
        lock.lock()
        defer { lock.unlock() }
        var clock = StageClock()
        let paths = started ? changed : nil
        started = true

        var rootDiagnostics = Diagnostics()
        guard loader.checkRoot(&rootDiagnostics) else {
            var report = BuildReport()
            report.diagnostics = rootDiagnostics.sorted
            return SiteSnapshot(report: report, renderer: nil, jobs: [], revision: revision, links: [])
        }

        let all = paths == nil
        func touched(_ prefix: String) -> Bool { all || paths?.contains { $0 == prefix || $0.hasPrefix(prefix + "/") } == true }

        var differs = all
        if touched("site.yml") || touched("content/themes.yml") || touched("content/organizations.yml") || touched("i18n") {
            var d = Diagnostics()
            let before = (loaded.siteConfig, loaded.themes, loaded.organizations, loaded.catalogues)
            loader.loadSiteFiles(into: &loaded, &d)
            siteDiagnostics = d.items
            differs = differs || before != (loaded.siteConfig, loaded.themes, loaded.organizations, loaded.catalogues)
        }
        if touched("content/pages") {
            var d = Diagnostics()
            let before = loaded.pages
            loaded.pages = loader.loadPages(&d)
            pageDiagnostics = d.items
            differs = differs || before != loaded.pages
        }
        if touched("templates") {
            var d = Diagnostics()
            let before = (loaded.templates, loaded.templateAssets)
            loader.loadTemplates(into: &loaded, &d)
            differs = differs || before.0 != loaded.templates || before.1 != loaded.templateAssets
            let (compiled, compileDiagnostics) = TemplateSet.compile(loaded.templates)
            templates = compiled
            templateDiagnostics = d.items + compileDiagnostics
        }
        clock.lap("load")

        var configDiagnostics = Diagnostics()
        // The three config files are parsed again only when their text changed.
        let configKey = [loaded.siteConfig?.text, loaded.themes?.text, loaded.organizations?.text] + loaded.catalogues.map { $0.path + "\n" + $0.text }
        if parsedConfig?.key != configKey {
            var d = Diagnostics()
            let site = ConfigParsing.site(loaded.siteConfig, catalogues: loaded.catalogues, &d)
            let themes = ConfigParsing.themes(loaded.themes, &d)
            let organizations = ConfigParsing.organizations(loaded.organizations, &d)
            parsedConfig = (configKey, site, themes, organizations, d.items)
        }
        configDiagnostics.append(contentsOf: parsedConfig?.diagnostics ?? [])
        var config = parsedConfig?.site ?? SiteConfig()
        if let baseURL = options.baseURL {
            if let problem = ConfigURLs.baseURLProblemKey(baseURL) {
                configDiagnostics.error(key: "diag_base_url_option", problem.asReason.merging(["url": baseURL]) { a, _ in a })
            } else {
                config.baseURL = SiteConfig.normalizeBaseURL(baseURL)
            }
        }
        let themes = parsedConfig?.themes ?? []
        let organizations = parsedConfig?.organizations ?? []
        let newLabels = Labels(config)
        let labelsChanged = labels.map { $0 != newLabels } ?? true
        labels = newLabels
        // Renamed sections move every meeting's files and links: read them all again.
        let pathsChanged = sectionPaths.map { $0 != config.paths } ?? false
        sectionPaths = config.paths
        let sections = config.paths

        // Meetings: which entries to read again.
        let entries = loader.meetingEntries()
        var dirty: [String]
        if all || pathsChanged {
            dirty = entries
            meetings = [:]
        } else {
            let prefix = "content/meetings/"
            var set = Set<String>()
            for p in paths ?? [] where p.hasPrefix(prefix) {
                if let entry = p.dropFirst(prefix.count).split(separator: "/").first { set.insert(String(entry)) }
            }
            // Entries that appeared or vanished without an event we understood.
            let known = Set(meetings.keys), present = Set(entries)
            set.formUnion(present.subtracting(known))
            set.formUnion(known.subtracting(present))
            dirty = set.sorted()
        }
        for gone in dirty where !entries.contains(gone) {
            if meetings.removeValue(forKey: gone) != nil { differs = true }
        }
        let reload = dirty.filter { entries.contains($0) }
        let loader = self.loader
        let keepsParsed = keepsParsedMeetings
        let includeDrafts = options.includeDrafts
        let loadedMeetings = parallelMap(reload) { entry -> (String, CachedMeeting) in
            var d = Diagnostics()
            let source = loader.loadMeeting(entry: entry, &d)
            let parsed = source.flatMap { SiteParser.parseMeeting($0, paths: sections, &d) }
            let (meeting, extractDiagnostics) = parsed.map { MeetingExtractor.extract($0, labels: newLabels, includeDrafts: includeDrafts) } ?? (nil, [])
            d.append(contentsOf: extractDiagnostics)
            return (entry, CachedMeeting(source: source, parsed: keepsParsed ? parsed : nil, meeting: meeting, diagnostics: d.items, paths: sections))
        }
        for (entry, cached) in loadedMeetings {
            let before = meetings[entry]
            if before == nil || before?.source != cached.source || before?.diagnostics != cached.diagnostics { differs = true }
            meetings[entry] = cached
        }
        if differs { revision += 1 }
        if labelsChanged && !all {
            // Question and summary labels decide what extraction finds: redo all of it.
            let cachedEntries = meetings.keys.sorted()
            let snapshot = meetings
            let redone = parallelMap(cachedEntries) { entry -> (String, CachedMeeting) in
                guard var cached = snapshot[entry], let parsed = cached.parsed else { return (entry, snapshot[entry] ?? CachedMeeting(diagnostics: [], paths: sections)) }
                let (meeting, d) = MeetingExtractor.extract(parsed, labels: newLabels, includeDrafts: includeDrafts)
                cached = CachedMeeting(source: cached.source, parsed: parsed, meeting: meeting,
                                       diagnostics: cached.diagnostics.filter { $0.location?.file != parsed.file.path || $0.message.hasPrefix("malformed") } + d,
                                       paths: sections)
                return (entry, cached)
            }
            for (entry, cached) in redone { meetings[entry] = cached }
        }
        clock.lap("parse + extract \(reload.count) of \(entries.count) meetings")

        // Every (re)read meeting gets a new serial, which invalidates its theme linking.
        for (entry, _) in loadedMeetings { serial += 1; meetingSerial[entry] = serial }
        if labelsChanged && !all { for entry in meetings.keys { serial += 1; meetingSerial[entry] = serial } }
        var diagnostics = Diagnostics(siteDiagnostics + pageDiagnostics + templateDiagnostics + rootDiagnostics.items)
        diagnostics.append(contentsOf: configDiagnostics.items)
        // A site.yml that is not YAML has no accessibility section to miss: that warning
        // waits until the file reads.
        if !configDiagnostics.items.contains(where: { $0.location?.file == "site.yml" && $0.message.hasPrefix("malformed") }) {
            diagnostics.append(contentsOf: AccessibilityStatement.validate(config))
        }
        if let robots = Robots.subPathWarning(config, fromCommandLine: options.baseURL != nil) { diagnostics.append(robots) }
        var extractedMeetings: [Meeting] = []
        var themedMeetings: [SiteLinker.ThemedMeeting?] = []
        /// Meetings whose theme linking is not cached: linked together, in parallel, below.
        var unthemed: [(position: Int, entry: String, serial: Int)] = []
        let resolver = ThemeResolver(themes)
        // Theme linking is cached with what it saw: the themes and which attachments
        // were published.
        let themesText = (loaded.themes?.text ?? "") + "\u{0}" + config.extraAttachmentTypes.sorted().joined(separator: ",")
            + "\u{0}" + config.paths.meetings
        var contentLinks: [ContentLink] = []
        var meetingAnchors: [[String: Set<String>]] = []
        var seenSlugs: [String: String] = [:]
        for entry in entries {
            guard let cached = meetings[entry] else { continue }
            diagnostics.append(contentsOf: cached.diagnostics)
            guard var meeting = cached.meeting else { continue }
            if let previous = seenSlugs[meeting.slug] {
                diagnostics.error(key: "diag_duplicate_slug", ["slug": meeting.slug, "first": previous, "second": "content/meetings/\(entry)"],
                                  at: SourceLocation(file: "content/meetings/\(entry)"))
                continue
            }
            seenSlugs[meeting.slug] = "content/meetings/\(entry)"
            Self.withholdActiveAttachments(&meeting, extra: config.extraAttachmentTypes, &diagnostics)
            if meeting.draft && !options.includeDrafts { continue }
            extractedMeetings.append(meeting)
            let currentSerial = meetingSerial[entry] ?? 0
            if let hit = themed[entry], hit.serial == currentSerial, hit.themesText == themesText {
                themedMeetings.append(hit.value)
            } else {
                unthemed.append((themedMeetings.count, entry, currentSerial))
                themedMeetings.append(nil)
            }
            contentLinks += cached.links
            meetingAnchors.append(cached.anchors)
        }
        let newlyThemed = parallelMap(unthemed.map { extractedMeetings[$0.position] }) { SiteLinker.theme($0, resolver, paths: sections) }
        for (job, value) in zip(unthemed, newlyThemed) {
            themed[job.entry] = (job.serial, themesText, value)
            themedMeetings[job.position] = value
        }

        var pageParse = Diagnostics()
        let parsedPages = SiteParser.parsePages(loaded.pages, includeDrafts: options.includeDrafts, paths: sections, &pageParse)
        diagnostics.append(contentsOf: pageParse.items)
        let parsedSite = ParsedSite(config: config, themes: themes, organizations: organizations, meetings: [], pages: parsedPages)
        let (pages, pageExtract) = SiteExtractor.extractPages(parsedSite, labels: newLabels)
        diagnostics.append(contentsOf: pageExtract)

        let extracted = ExtractedSite(config: config, themes: themes, organizations: organizations, meetings: extractedMeetings, pages: pages)
        if organizationMemo?.definitions != organizations || organizationMemo?.section != config.paths[.organizations]
            || organizationMemo?.collation != config.collation {
            organizationMemo = OrganizationMemo(organizations, section: config.paths[.organizations], collation: config.collation)
        }
        let (linked, linkDiagnostics) = SiteLinker.link(extracted, resolver: resolver, themed: themedMeetings.compactMap { $0 },
                                                        organizationMemo: organizationMemo)
        diagnostics.append(contentsOf: linkDiagnostics)
        clock.lap("link")
        let index = SiteIndex(linked)
        clock.lap("aggregate")

        var report = BuildReport()
        report.catalogue = config.catalogue
        report.meetings = linked.meetings.count
        report.unlistedNames = linked.unlistedNames
        report.questions = linked.meetings.reduce(0) { $0 + $1.meeting.questions.count }
        report.postIts = linked.meetings.reduce(0) { $0 + $1.meeting.postItCount }

        var renderer: SiteRenderer?
        var jobs: [SiteRenderer.OutputJob] = []
        var allLinks: [ContentLink] = []
        if let templates {
            let searchEnabled = options.search && (options.pagefind ?? SearchIndexer.locate()) != nil
            let r = SiteRenderer(index: index, templates: templates, templateAssets: loaded.templateAssets,
                                 defaultAssets: defaults, searchEnabled: searchEnabled,
                                 searchParts: Pipeline.searchParts(options, meetings: linked.meetings.count))
            jobs = r.outputJobs()
            renderer = r
            // Links in the content, checked against the pages that will exist and the
            // anchors the model knows; a full build checks anchors on rendered pages too.
            let anchors = ModelAnchors(meetings: meetingAnchors, pages: linked.pages)
            allLinks = contentLinks + ContentLinks.collect(pages: linked.pages)
            diagnostics.append(contentsOf: InternalLinkCheck.run(allLinks, paths: Set(jobs.map(\.path)),
                                                                 anchors: anchors.anchors(of:), basePath: config.basePath))
        }
        clock.lap("prepare pages")
        report.pages = jobs.filter { $0.path.hasSuffix(".html") }.count
        report.files = jobs.count
        report.diagnostics = diagnostics.sorted
        return SiteSnapshot(report: report, renderer: renderer, jobs: jobs, revision: revision, links: allLinks)
    }
}

extension SiteSession {
    /// Removes the attachments whose kind is not published (`AttachmentTypes`): a
    /// warning for each, an error where `documents:` lists one (the page would link to
    /// nothing).
    static func withholdActiveAttachments(_ meeting: inout Meeting, extra: Set<String>, _ diagnostics: inout Diagnostics) {
        let refused = meeting.attachments.filter { !AttachmentTypes.isPublished($0.path, extra: extra) }
        guard !refused.isEmpty else { return }
        let gone = Set(refused.map(\.outputPath))
        for file in refused {
            let ext = AttachmentTypes.fileExtension(file.path)
            let (reason, reasonValues) = AttachmentTypes.reasonKey(file.path)
            var values = reasonValues.merging(["why_key": reason, "extension": ext]) { a, _ in a }
            values["opt_in_key"] = ext.isEmpty ? "diag_nothing" : "diag_unpublished_opt_in"
            if let listed = meeting.documents.first(where: { $0.outputPath == file.outputPath }) {
                values["name"] = listed.name
                diagnostics.error(key: "diag_document_unpublished", values, at: listed.location ?? SourceLocation(file: meeting.file))
            } else {
                diagnostics.warning(key: "diag_unpublished", values, at: SourceLocation(file: file.path))
            }
        }
        meeting.attachments.removeAll { gone.contains($0.outputPath) }
        meeting.documents.removeAll { gone.contains($0.outputPath) }
    }
}

/// The site at one moment: its diagnostics and every output file, made on demand.
public final class SiteSnapshot: @unchecked Sendable {
    public let report: BuildReport
    public let renderer: SiteRenderer?
    public let paths: [String]
    /// Equal for two snapshots of the same content.
    public let revision: Int
    /// Every link written in the content, for checks against the rendered pages.
    let links: [ContentLink]
    private let jobs: [String: SiteRenderer.OutputJob]
    private let ordered: [SiteRenderer.OutputJob]
    private var cache: [String: OutputFile.Content] = [:]
    private let lock = NSLock()

    init(report: BuildReport, renderer: SiteRenderer?, jobs: [SiteRenderer.OutputJob], revision: Int, links: [ContentLink]) {
        self.report = report
        self.revision = revision
        self.links = links
        self.renderer = renderer
        self.ordered = jobs
        self.paths = jobs.map(\.path)
        var byPath: [String: SiteRenderer.OutputJob] = [:]
        for job in jobs { byPath[job.path] = job }
        self.jobs = byPath
    }

    /// One output file ("moten/x/index.html"), rendered the first time it is asked for.
    public func file(at path: String) -> OutputFile.Content? {
        lock.lock()
        if let cached = cache[path] { lock.unlock(); return cached }
        lock.unlock()
        guard let job = jobs[path] else { return nil }
        let content = job.make()
        lock.lock()
        cache[path] = content
        lock.unlock()
        return content
    }

    public func contains(_ path: String) -> Bool { jobs[path] != nil }

    /// Every file, rendered on all cores and handed to `consume` as soon as it is made,
    /// so that no more than a few pages are held at a time. The pages that gather the
    /// whole site (idea bank, open data) come first: started last, one of them would
    /// leave the other cores idle at the end. The first of them computes the
    /// cross-meeting statistics the others wait for; meanwhile the other cores take
    /// meeting pages, which do not need them.
    /// - Parameter workers: threads to render on; nil for all cores.
    public func renderEach(workers: Int? = nil, _ consume: @Sendable (String, OutputFile.Content) -> Void) {
        parallelForEach(renderOrder(workers: workers), workers: workers) { job in consume(job.path, job.make()) }
    }

    /// The paths in the order `renderEach(workers:)` starts them: pages arrive roughly in
    /// this order, which the search index follows exactly (`SearchStream`).
    public func renderOrderPaths(workers: Int? = nil) -> [String] { renderOrder(workers: workers).map(\.path) }

    private func renderOrder(workers: Int?) -> [SiteRenderer.OutputJob] {
        let meetingsFolder = renderer?.index.site.config.paths.meetings ?? SectionPaths().meetings
        let aggregates = ordered.filter { !$0.path.hasPrefix(meetingsFolder) }
        let meetingPages = ordered.filter { $0.path.hasPrefix(meetingsFolder) }
        // On one thread nothing waits for the statistics, and the meeting pages go to
        // Pagefind's service (which then works beside it) from the first second.
        if workers == 1 { return meetingPages + aggregates }
        let early = min(meetingPages.count, 160 * max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
        return Array(aggregates.prefix(1)) + meetingPages.prefix(early) + aggregates.dropFirst() + meetingPages.dropFirst(early)
    }
}
