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
import SamradWrite

/// The whole pipeline, stage by stage:
/// load → parse → extract → link → aggregate → render → write → index.
/// Every stage returns its diagnostics; a build stops before writing if any is an error.
public enum Pipeline {
    /// Everything up to rendered files, without touching the output folder.
    public struct Rendered: Sendable {
        public var files: [OutputFile]
        public var index: SiteIndex?
        public var report: BuildReport
        /// Set by incremental builds: the files are made on demand from it, and `files`
        /// is empty.
        public var snapshot: SiteSnapshot?

        public init(files: [OutputFile], index: SiteIndex?, report: BuildReport, snapshot: SiteSnapshot? = nil) {
            self.files = files
            self.index = index
            self.report = report
            self.snapshot = snapshot
        }
    }

    /// - Parameter progress: told each step as a catalogue key (`progress_…`) with its values,
    ///   to be said with `Catalogue.say` (counts are `x_count` values, said in plural forms).
    public static func render(_ options: BuildOptions, progress: @Sendable (String, [String: String]) -> Void = { _, _ in }) -> Rendered {
        let start = DispatchTime.now()
        progress("progress_reading", [:])
        let snapshot = oneShot(options)
        var report = snapshot.report
        var files: [OutputFile] = []
        if !report.hasErrors {
            progress("progress_rendering", ["files_count": Catalogue.counted(snapshot.paths.count, "cli_count_file"), "meetings_count": Catalogue.counted(report.meetings, "cli_count_meeting")])
            var clock = StageClock()
            let made = Locked<[OutputFile]>([])
            let anchorErrors = renderChecked(snapshot) { path, content in made.withLock { $0.append(OutputFile(path, content)) } }
            files = made.withLock { $0 }.sorted { $0.path < $1.path }
            report.diagnostics = Diagnostics(report.diagnostics + anchorErrors).sorted
            clock.lap("render and check links")
        }
        report.seconds = seconds(since: start)
        return Rendered(files: files, index: snapshot.renderer?.index, report: report)
    }

    /// `samrad build`: renders, writes atomically and indexes for search. Each page is
    /// written into the staging folder as soon as it is rendered; a link error found
    /// after rendering throws the staging folder away like any other failure.
    /// - Parameter keep: receives the session that read the site and the site model
    ///   before the build returns, for a caller that would rather not free them (the
    ///   command line exits right after).
    public static func build(_ options: BuildOptions, progress: @Sendable (String, [String: String]) -> Void = { _, _ in },
                             keep: (AnyObject) -> Void = { _ in }) -> BuildReport {
        let start = DispatchTime.now()
        // Where the site goes is decided first: a wrong --output is refused before
        // anything is read or written.
        let target: URL
        do {
            target = try OutputGuard.target(output: options.outputPath, site: options.site)
        } catch {
            var report = BuildReport()
            // Nothing is read yet: the refusal speaks the language site.yml names.
            report.catalogue = SiteWords.of(site: options.site)
            if let refusal = error as? OutputGuard.Refusal {
                report.diagnostics = [.error(key: refusal.key, refusal.values)]
            } else {
                report.diagnostics = [.error(key: "diag_output_refused", FileErrorText.cause(error))]
            }
            return report
        }
        progress("progress_reading", [:])
        let snapshot = oneShot(options, keep: keep)
        var report = snapshot.report
        guard !report.hasErrors else {
            report.seconds = seconds(since: start)
            return report
        }
        progress("progress_rendering_writing", ["files_count": Catalogue.counted(snapshot.paths.count, "cli_count_file"), "meetings_count": Catalogue.counted(report.meetings, "cli_count_meeting")])
        // The index stage starts before rendering: Pagefind reads each page as it is made.
        var searchWarning: Diagnostic?
        var started: SearchStream?
        if options.search, let index = snapshot.renderer?.index {
            if let pagefind = options.pagefind ?? SearchIndexer.locate() {
                report.searchBinary = pagefind.description
                do {
                    var services: [PagefindService] = []
                    // As many as the search page was rendered to merge.
                    for _ in 0 ..< (snapshot.renderer?.searchParts ?? 1) {
                        do {
                            services.append(try PagefindService(binary: pagefind.path, language: index.site.config.language))
                        } catch {
                            services.forEach { $0.close() }
                            throw error
                        }
                    }
                    started = SearchStream(services: services, index: index, order: snapshot.renderOrderPaths(workers: renderWorkersBesideSearch()),
                                          language: index.site.config.language)
                } catch let failure as PagefindService.Failure {
                    searchWarning = .warning(key: "diag_pagefind_failed", ["reason": failure.message])
                } catch {
                    searchWarning = .warning(key: "diag_pagefind_failed", ["reason": "\(error)"])
                }
            } else {
                searchWarning = .warning(key: "diag_pagefind_missing")
            }
        }
        let stream = started
        defer { stream?.services.forEach { $0.close() } }
        do {
            let writer = OutputWriter(output: target.path)
            var searchDone = false
            try writer.write(streaming: { staging in
                var clock = StageClock()
                let anchorErrors = renderChecked(snapshot, workers: stream == nil ? nil : renderWorkersBesideSearch()) { path, content in
                    staging.write(path, content)
                    stream?.consume(path, content)
                }
                clock.lap("render and write")
                if clock.enabled { FileHandle.standardError.write(Data(TemplateClock.report().utf8)) }
                if !anchorErrors.isEmpty {
                    report.diagnostics = Diagnostics(report.diagnostics + anchorErrors).sorted
                    throw StopBuild()
                }
            }, beforeSwap: { staging in
                guard options.search else { return }
                guard let stream else {
                    if report.searchBinary == nil {
                        try Data((report.catalogue.say("search_status_missing_build", [:]) + "\n").utf8).write(to: staging.appendingPathComponent("search-status.txt"))
                    }
                    return
                }
                progress("progress_search", [:])
                var clock = StageClock()
                let folder = staging.appendingPathComponent("pagefind")
                if let failure = stream.finish(into: folder) {
                    try? FileManager.default.removeItem(at: folder)
                    searchWarning = .warning(key: "diag_pagefind_failed", ["reason": failure.trimmed])
                } else {
                    searchDone = true
                }
                clock.lap("search index (\(stream.added) pages and records, \(stream.services.count) parts)")
            })
            report.wrote = true
            report.searchIndexed = searchDone
            report.searchWarning = searchWarning
        } catch is StopBuild {
            // The errors are in the report.
        } catch {
            // The writer's failure (itself naming a file-system cause) or the cause alone.
            let reason = (error as? OutputWriter.Failure).map { $0.values.merging(["reason_key": $0.key]) { $1 } }
                ?? FileErrorText.cause(error).merging(["reason_key": "file_error"]) { $1 }
            report.diagnostics.append(.error(key: "diag_cannot_write_site", reason.merging(["path": options.outputPath]) { $1 }))
        }
        report.seconds = seconds(since: start)
        keep(snapshot)
        return report
    }

    /// For the command line, which builds once and exits: Ctrl-C or `kill` during a
    /// build removes its staging folder before the process ends.
    public static func removeStagingOnSignals() { StagingCleanup.removeOnSignals() }

    /// `samrad check`: everything `build` does, without writing.
    public static func check(_ options: BuildOptions) -> BuildReport {
        let start = DispatchTime.now()
        let snapshot = oneShot(options)
        var report = snapshot.report
        if !report.hasErrors {
            // What the writer would refuse, check reports too (a page named moten.md and the meeting list).
            var seen = Set<String>()
            let clashes = snapshot.paths.filter { !seen.insert($0).inserted }
                .map { Diagnostic.error(key: "diag_output_twice", ["path": $0]) }
            report.diagnostics = Diagnostics(report.diagnostics + clashes + renderChecked(snapshot) { _, _ in }).sorted
        }
        report.seconds = seconds(since: start)
        return report
    }

    /// Renders every file into `sink` and returns the links to anchors that no rendered
    /// page has. Only the pages such links point at are searched for ids, while they
    /// are at hand; the others are not kept.
    /// Every written file's own links are checked as deployed too (`DeployedLinkCheck`).
    /// Render threads while Pagefind's service indexes: one core fewer than there are.
    /// The service reads and indexes one page at a time on one thread, and its work is
    /// the longest part of a build with search; with as many render threads as cores it
    /// shares a core with them, and the build waits for it afterwards.
    /// `SAMRAD_SEARCH_RENDER_WORKERS` (a number; 0 for all cores) overrides it, for
    /// measuring.
    static func renderWorkersBesideSearch() -> Int? {
        if let given = ProcessInfo.processInfo.environment["SAMRAD_SEARCH_RENDER_WORKERS"].flatMap({ Int($0) }) {
            return given > 0 ? given : nil
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
    }

    /// How many Pagefind services index a build (1 or 2; `SearchStream`): two from
    /// `splitSearchFrom` meetings on, on a machine with more than one core, where each
    /// index's build-and-write step after the last page takes seconds on one thread.
    /// `BuildOptions.searchParts` (tests) or `SAMRAD_SEARCH_PARTS` (measuring) decide
    /// otherwise.
    static func searchParts(_ options: BuildOptions, meetings: Int) -> Int {
        if let given = options.searchParts ?? ProcessInfo.processInfo.environment["SAMRAD_SEARCH_PARTS"].flatMap({ Int($0) }) {
            return given >= 2 ? 2 : 1
        }
        return meetings >= splitSearchFrom && ProcessInfo.processInfo.activeProcessorCount > 1 ? 2 : 1
    }

    /// Below this many meetings one index is built in a few seconds.
    static let splitSearchFrom = 300

    static func renderChecked(_ snapshot: SiteSnapshot, workers: Int? = nil, into sink: @Sendable (String, OutputFile.Content) -> Void) -> [Diagnostic] {
        let config = snapshot.renderer?.index.site.config ?? SiteConfig()
        let basePath = config.basePath
        let paths = Set(snapshot.paths)
        var wanted = Set<String>()
        _ = InternalLinkCheck.run(snapshot.links, paths: paths, anchors: { wanted.insert($0); return nil }, basePath: basePath)
        let found = AnchorCollector(wanted: wanted)
        let deployed = DeployedLinkCheck(paths: paths, config: config)
        snapshot.renderEach(workers: workers) { path, content in
            found.collect(path, content)
            deployed.collect(path, content)
            sink(path, content)
        }
        let content = InternalLinkCheck.run(snapshot.links, paths: paths, anchors: found.ids(of:), basePath: basePath)
        // A content link that is wrong shows up in both; its source line says more.
        return content.isEmpty ? deployed.diagnostics() : content
    }

    /// The site read once, for a command that renders it once: parsed Markdown trees are
    /// not kept for a next update.
    /// - Parameter keep: receives the session, for a caller that exits after the build.
    ///   Freed here, what only the session holds (each meeting's links and anchors, its
    ///   caches) went object by object on one thread between link and render, while the
    ///   other cores waited (about 60 ms at 2,000 meetings).
    private static func oneShot(_ options: BuildOptions, keep: (AnyObject) -> Void = { _ in }) -> SiteSnapshot {
        let session = SiteSession(options: options, keepsParsedMeetings: false)
        let snapshot = session.update()
        keep(session)
        return snapshot
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

private struct StopBuild: Error {}

/// The ids on the pages that content links point into, gathered while rendering.
private struct AnchorCollector: Sendable {
    let wanted: Set<String>
    let found = Locked<[String: Set<String>]>([:])

    func collect(_ path: String, _ content: OutputFile.Content) {
        guard wanted.contains(path), case .text(let html) = content else { return }
        let ids = InternalLinkCheck.collectIDs(html)
        found.withLock { $0[path] = ids }
    }

    func ids(of path: String) -> Set<String>? { found.withLock { $0[path] } }
}

/// Per-stage wall times, printed when SAMRAD_TIMINGS is set: the first place to look
/// when a build is slower than it should be.
struct StageClock {
    let enabled = ProcessInfo.processInfo.environment["SAMRAD_TIMINGS"] != nil
    var last = DispatchTime.now()
    var lastCPU = StageClock.cpuMicroseconds()

    /// Prints the stage's wall time and the CPU time all threads spent in it: their ratio
    /// shows how well the stage used the cores.
    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now(), cpu = Self.cpuMicroseconds()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        let cpuMs = Double(cpu - lastCPU) / 1e3
        FileHandle.standardError.write(Data("timing: \(stage) \(Int(ms)) ms (CPU \(Int(cpuMs)) ms)\n".utf8))
        last = now
        lastCPU = cpu
    }

    static func cpuMicroseconds() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000 + Int(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
    }
}

