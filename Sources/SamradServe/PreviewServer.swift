import Dispatch
import Foundation
import Hummingbird
import Logging
import NIOCore
import Samrad
import SamradCore
import SamradIndex
import SamradRender
import ServiceLifecycle
import UnixSignals

/// `samrad serve`'s settings.
public struct ServeOptions: Sendable {
    /// The folder holding site.yml, content/ and templates/.
    public var site: String
    /// The language of the messages and the error page (`--lang`); nil: the site's.
    public var words: Catalogue?
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    /// Rebuild on changes.
    public var watch: Bool
    /// How changes are noticed: inotify (polling when it cannot be set up), or polling.
    public var watchMode: WatchMode
    /// Index the preview with Pagefind, when it is installed.
    public var search: Bool
    /// How long the sources must be quiet before a rebuild starts.
    public var debounce: Duration
    /// How often open live-reload streams get a keep-alive comment.
    public var heartbeat: Duration
    /// Names besides its own address and localhost that the preview answers to (`--allow-host`).
    public var allowedHosts: [String] = []
    /// The Pagefind to run; nil: looked for when the preview starts (`SearchIndexer.locate`).
    public var pagefind: SearchIndexer.Pagefind?

    public init(
        site: String = ".", host: String = "127.0.0.1", port: Int = 8080, watch: Bool = true, watchMode: WatchMode = .automatic,
        search: Bool = true, debounce: Duration = .milliseconds(25), heartbeat: Duration = .seconds(15)
    ) {
        self.site = site
        self.host = host
        self.port = port
        self.watch = watch
        self.watchMode = watchMode
        self.search = search
        self.debounce = debounce
        self.heartbeat = heartbeat
    }
}

/// The one call a rebuild makes. Today it runs the whole pipeline; `changed` is there for
/// an incremental pipeline that re-reads only those files: site-relative paths of files
/// and folders that changed (`content/meetings/x.md`, `content/meetings/y`, `site.yml`),
/// or nil for "anything may have changed" (the first build, or the kernel's event queue
/// overflowed). Swap it by passing another `RebuildStep` to `PreviewServer`.
public protocol RebuildStep: Sendable {
    func render(_ options: BuildOptions, changed: Set<String>?) async -> Pipeline.Rendered
}

/// `Pipeline.render` on a thread of its own (it is synchronous and CPU-bound, and must not
/// hold a thread of Swift's cooperative pool, which serves the requests).
public struct FullRebuild: RebuildStep {
    // (Every file is rendered on each save; see IncrementalRebuild for the default.)
    public init() {}
    public func render(_ options: BuildOptions, changed: Set<String>?) async -> Pipeline.Rendered {
        await BuildQueue.run { Pipeline.render(options) }
    }
}

/// The default step: one `SiteSession` for the life of the server. A save re-reads only
/// the files that changed, and pages are rendered when a browser asks for them.
public final class IncrementalRebuild: RebuildStep, @unchecked Sendable {
    private let lock = NSLock()
    private var session: SiteSession?

    public init() {}

    public func render(_ options: BuildOptions, changed: Set<String>?) async -> Pipeline.Rendered {
        await BuildQueue.run { [self] in
            lock.lock()
            defer { lock.unlock() }
            let current: SiteSession
            if let session, session.options.baseURL == options.baseURL { current = session } else {
                current = SiteSession(options: options)
                session = current
            }
            let snapshot = current.update(changed: changed)
            return Pipeline.Rendered(files: [], index: snapshot.renderer?.index, report: snapshot.report, snapshot: snapshot)
        }
    }
}

enum BuildQueue {
    static let queue = DispatchQueue(label: "samrad.serve.build", qos: .userInitiated)
    static let searchQueue = DispatchQueue(label: "samrad.serve.search", qos: .utility)
    static let releaseQueue = DispatchQueue(label: "samrad.serve.release", qos: .background)

    /// Drops the last reference to `value` on a background queue.
    static func release<T: Sendable>(_ value: T?) {
        guard let value else { return }
        releaseQueue.async { withExtendedLifetime(value) {} }
    }

    static func runSearch<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            searchQueue.async { continuation.resume(returning: work()) }
        }
    }
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }

    /// Awaits `operation`, or nil as soon as the waiting task is cancelled (shutdown): a
    /// long build of a big site then finishes unobserved instead of holding up Ctrl-C.
    static func untilCancelled<T: Sendable>(_ operation: @escaping @Sendable () async -> T) async -> T? {
        let once = OnceResult<T?>()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                once.wait(continuation)
                Task { once.deliver(await operation()) }
            }
        } onCancel: {
            once.deliver(nil)
        }
    }
}

/// A result delivered once to one waiter, whichever of the two comes first.
final class OnceResult<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, Never>?
        var value: T?
        var delivered = false
    }

    private let state = Locked(State())

    func wait(_ continuation: CheckedContinuation<T, Never>) {
        let ready: T? = state.withLock { state in
            if state.delivered, let value = state.value {
                state.value = nil
                return value
            }
            state.continuation = continuation
            return nil
        }
        if let ready { continuation.resume(returning: ready) }
    }

    func deliver(_ value: T) {
        let continuation: CheckedContinuation<T, Never>? = state.withLock { state in
            guard !state.delivered else { return nil }
            state.delivered = true
            guard let continuation = state.continuation else {
                state.value = value
                return nil
            }
            state.continuation = nil
            return continuation
        }
        continuation?.resume(returning: value)
    }
}

/// What the server has to tell the person at the terminal.
public enum ServeMessage: Sendable {
    /// Progress: the URL, rebuilds and their timing.
    case info(String)
    /// A diagnostic of a build, compiler-style (`file:line:col: error: message`).
    case diagnostic(Diagnostic)
    /// Something wrong with the preview itself (search unavailable, watcher failed).
    case warning(String)
}

/// One rebuild, as measured.
public struct RebuildRecord: Sendable {
    public var generation: Int
    public var failed: Bool
    /// Nothing served changed (an editor touched a file without changing the site).
    public var unchanged: Bool
    public var changed: [String]
    /// Pipeline time.
    public var renderSeconds: Double
    /// From the first file-system event of the burst to the reload event sent (includes the debounce).
    public var saveToReloadSeconds: Double?
}

/// `samrad serve`: builds the site (drafts included) into memory, serves it with
/// Hummingbird, rebuilds on changes and reloads open tabs through Server-Sent Events.
///
/// Runs as a `Service`: `run()` returns after a graceful shutdown (SIGINT/SIGTERM via
/// `runUntilSignalled`, or the enclosing `ServiceGroup`). Shutdown ends every live-reload
/// stream first, then lets the HTTP server drain, stops the watcher and any Pagefind run,
/// and removes the temporary search folder.
public final class PreviewServer: Service, Sendable {
    public let options: ServeOptions
    let step: any RebuildStep
    let say: @Sendable (ServeMessage) -> Void
    let store = SnapshotStore()
    let hub = LiveReloadHub()
    let search: PreviewSearch
    let instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    private struct State {
        var baseURL: String?
        var generation = 0
        var readiness: Readiness = .waiting([])
        var pending = Set<String>()
        /// Everything must be re-read (first build, lost events).
        var pendingAll = true
        var pendingFirstEvent: ContinuousClock.Instant?
        var watcher: SiteWatcher?
        var records: [RebuildRecord] = []
        var lastWarnings: [Diagnostic] = []
        var searchWarned = false
        /// The language of the terminal lines: `--lang`, else the last build's site's.
        var words: Catalogue = .swedish
        var stopped = false
        var group: ServiceGroup?
        var shutdownRequested = false
    }

    private enum Readiness {
        case waiting([CheckedContinuation<URL, any Error>])
        case ready(URL)
        case failed(any Error)
    }

    private let state = Locked(State())
    private let triggers: AsyncStream<Void>
    private let trigger: AsyncStream<Void>.Continuation
    private let searchJobs: AsyncStream<SearchJob>
    private let searchJob: AsyncStream<SearchJob>.Continuation

    struct SearchJob: Sendable {
        var generation: Int
        /// The pages as served; made when the index is built, off the rebuild path.
        var html: @Sendable () -> [(String, ByteBuffer)]
        /// Completes a page for the index: (path, html) → html (`SearchRecords.indexedPage`).
        var complete: @Sendable (String, String) -> String
        var language: String
    }

    public init(options: ServeOptions, step: any RebuildStep = IncrementalRebuild(), say: @escaping @Sendable (ServeMessage) -> Void = { _ in }) {
        self.options = options
        self.step = step
        self.say = say
        self.search = PreviewSearch(siteRoot: options.site, enabled: options.search, binary: options.pagefind)
        (triggers, trigger) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        (searchJobs, searchJob) = AsyncStream.makeStream(of: SearchJob.self, bufferingPolicy: .bufferingNewest(1))
    }

    // MARK: - Running

    public func run() async throws {
        var logger = Logger(label: "samrad.serve")
        logger.logLevel = .error
        let app = Application(
            responder: PreviewResponder(store: store, hub: hub, hosts: HostCheck(bound: options.host, allowed: options.allowedHosts)),
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil, backlog: 1024, reuseAddress: true),
            onServerRunning: { [self] channel in await self.serverStarted(channel) },
            logger: logger
        )
        // Graceful shutdown runs in reverse order: `Background` first (ends the SSE
        // streams, which would otherwise keep the server draining forever), then the app.
        let group = ServiceGroup(configuration: .init(services: [app, Background(server: self)], logger: logger))
        let early = state.withLock { state -> Bool in
            state.group = group
            return state.shutdownRequested
        }
        if early { await group.triggerGracefulShutdown() }
        do {
            try await group.run()
        } catch {
            finish(error: error)
            throw error
        }
        finish(error: CancellationError())
    }

    /// Runs until SIGINT (Ctrl-C) or SIGTERM, then shuts down gracefully; a second signal
    /// or a drain longer than a few seconds cancels what is left.
    public func runUntilSignalled() async throws {
        var logger = Logger(label: "samrad.serve")
        logger.logLevel = .error
        var configuration = ServiceGroupConfiguration(services: [self], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(5)
        configuration.maximumCancellationDuration = .seconds(2)
        try await ServiceGroup(configuration: configuration).run()
    }

    /// Shuts the server down gracefully, as SIGTERM would; `run()` returns when done.
    public func shutdown() async {
        let group = state.withLock { state -> ServiceGroup? in
            state.shutdownRequested = true
            return state.group
        }
        await group?.triggerGracefulShutdown()
    }

    /// The URL once the server listens and the first build is served (throws if it failed to start).
    /// The words the preview speaks now: `--lang`, else the site's (Swedish before the first build).
    public var words: Catalogue { options.words ?? state.withLock { $0.words } }

    public func ready() async throws -> URL {
        try await withCheckedThrowingContinuation { continuation in
            let outcome: Result<URL, any Error>? = state.withLock { state in
                switch state.readiness {
                case .ready(let url): return .success(url)
                case .failed(let error): return .failure(error)
                case .waiting(var list):
                    list.append(continuation)
                    state.readiness = .waiting(list)
                    return nil
                }
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }

    /// Every rebuild so far, oldest first.
    public var rebuilds: [RebuildRecord] { state.withLock { $0.records } }

    /// Open live-reload streams.
    public var liveReloadConnections: Int { hub.count }

    private func serverStarted(_ channel: any Channel) async {
        let port = channel.localAddress?.port ?? options.port
        let url = URL(string: Self.baseURL(host: options.host, port: port)) ?? URL(fileURLWithPath: "/")
        state.withLock { $0.baseURL = url.absoluteString }
        // Until the first build, the terminal lines speak the language site.yml names.
        if options.words == nil {
            let words = SiteWords.of(site: options.site)
            state.withLock { $0.words = words }
        }
        if options.watch {
            let say = self.say
            let watcher = SiteWatcher(
                root: options.site, mode: options.watchMode, debounce: options.debounce,
                onNotice: { [weak self] why in
                    let t = self?.words ?? .swedish
                    say(.warning(t.say("serve_watch_fell_back", why.asReason.merging(["ms": t.number(WatchMode.defaultPollInterval.milliseconds)]) { _, new in new })))
                }
            ) { [weak self] batch in self?.changed(batch) }
            do {
                try watcher.start()
                state.withLock { $0.watcher = watcher }
                if case .polling(let interval) = watcher.watching {
                    let t = words, ms = t.number(interval.milliseconds)
                    if let reason = watcher.fallback {
                        say(.warning(t.say("serve_watch_polling_instead", reason.asReason.merging(["ms": ms]) { _, new in new })))
                    } else {
                        say(.info(t.text("serve_watch_polling", ["ms": ms])))
                    }
                }
            } catch let error as SiteWatcher.WatchError {
                say(.warning(words.say("serve_not_watching", error.reason.asReason)))
            } catch {
                say(.warning(words.text("serve_not_watching", ["reason": "\(error)"])))
            }
        }
        trigger.yield()
        // The accept loop starts when this returns: the first request meets a built site.
        _ = await store.snapshot()
        let waiters = state.withLock { state -> [CheckedContinuation<URL, any Error>] in
            guard case .waiting(let list) = state.readiness else { return [] }
            state.readiness = .ready(url)
            return list
        }
        for waiter in waiters { waiter.resume(returning: url) }
    }

    private func finish(error: any Error) {
        let (waiters, watcher) = state.withLock { state -> ([CheckedContinuation<URL, any Error>], SiteWatcher?) in
            state.stopped = true
            let watcher = state.watcher
            state.watcher = nil
            guard case .waiting(let list) = state.readiness else { return ([], watcher) }
            state.readiness = .failed(error)
            return (list, watcher)
        }
        for waiter in waiters { waiter.resume(throwing: error) }
        if store.current == nil {
            // Stopped before the first build: let requests (and the server's start) waiting for it go.
            store.publish(PreviewSnapshot(version: "\(instance)-0", generation: 0, files: PreviewFiles([:]), search: [:], failure: nil, diagnostics: []))
        }
        watcher?.stop()
        hub.close()
        search.stop()
    }

    static func baseURL(host: String, port: Int) -> String {
        var shown = host
        if host == "0.0.0.0" || host.isEmpty { shown = "localhost" }
        if host == "::" { shown = "[::1]" } else if host.contains(":") && !host.hasPrefix("[") { shown = "[\(host)]" }
        return "http://\(shown):\(port)/"
    }

    /// What runs beside the HTTP server: the rebuild loop, the search indexer and the
    /// live-reload keep-alive. On graceful shutdown it closes the live-reload streams and
    /// stops the watcher and Pagefind before the server drains.
    private struct Background: Service {
        let server: PreviewServer
        func run() async throws {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await server.rebuildLoop() }
                group.addTask { await server.searchLoop() }
                group.addTask { await server.heartbeatLoop() }
                try? await gracefulShutdown()
                group.cancelAll()
                server.finish(error: CancellationError())
            }
        }
    }

    // MARK: - Rebuilding

    private func changed(_ batch: ChangeBatch) {
        state.withLock { state in
            state.pending.formUnion(batch.paths)
            if batch.overflowed { state.pendingAll = true }
            if state.pendingFirstEvent.map({ batch.firstEvent < $0 }) ?? true { state.pendingFirstEvent = batch.firstEvent }
        }
        trigger.yield()
    }

    private func rebuildLoop() async {
        for await _ in triggers {
            if Task.isCancelled { break }
            let (paths, firstEvent, baseURL) = state.withLock { state -> (Set<String>?, ContinuousClock.Instant?, String?) in
                guard state.baseURL != nil else { return (nil, nil, nil) }
                defer {
                    state.pending = []
                    state.pendingAll = false
                    state.pendingFirstEvent = nil
                }
                return (state.pendingAll ? nil : state.pending, state.pendingFirstEvent, state.baseURL)
            }
            guard let baseURL else { continue }
            await rebuild(changed: paths, firstEvent: firstEvent, baseURL: baseURL)
        }
    }

    private func rebuild(changed: Set<String>?, firstEvent: ContinuousClock.Instant?, baseURL: String) async {
        // `search` only tells the pipeline whether to render the search page's UI; Pagefind runs below.
        let buildOptions = {
            var o = BuildOptions(site: options.site, includeDrafts: true, baseURL: baseURL, search: options.search)
            o.pagefind = options.pagefind
            // The preview keeps one Pagefind service and sends it only changed pages.
            o.searchParts = 1
            return o
        }()
        let renderStart = ContinuousClock.now
        let step = self.step
        guard let rendered = await BuildQueue.untilCancelled({ await step.render(buildOptions, changed: changed) }) else { return }
        let renderSeconds = Self.seconds(ContinuousClock.now - renderStart)

        let previous = store.current
        let generation = state.withLock { $0.generation } + 1
        let version = "\(instance)-\(generation)"
        let site = options.site
        let made: SnapshotMaker.Made
        let files: PreviewFiles
        if rendered.report.hasErrors {
            made = SnapshotMaker.Made(files: [:], diagnostics: [])
            files = PreviewFiles([:])
        } else if let lazy = rendered.snapshot {
            made = SnapshotMaker.Made(files: [:], diagnostics: [])
            files = PreviewFiles(lazy: lazy, version: version, siteRoot: site)
        } else {
            let meetingsPath = rendered.index?.site.config.paths.meetings ?? SectionPaths().meetings
            made = await BuildQueue.run { SnapshotMaker(siteRoot: site, meetingsPath: meetingsPath).make(rendered.files, version: version) }
            files = PreviewFiles(made.files)
        }
        let diagnostics = Diagnostics(rendered.report.diagnostics + made.diagnostics).sorted
        let failed = diagnostics.contains { $0.severity == .error }
        let config = rendered.index?.site.config

        var record = RebuildRecord(generation: generation, failed: failed, unchanged: false, changed: changed.map { $0.sorted() } ?? [], renderSeconds: renderSeconds, saveToReloadSeconds: nil)
        let next: PreviewSnapshot?
        if failed {
            if let previous, previous.failure != nil, previous.diagnostics == diagnostics {
                next = nil
            } else {
                let words = options.words ?? rendered.report.catalogue
                let page = ErrorPage.render(diagnostics: diagnostics, siteTitle: config?.title ?? "samrad", language: words.language, version: version, words: words)
                next = PreviewSnapshot(
                    version: version, generation: generation, files: previous?.files ?? PreviewFiles(fallbackAssets()),
                    search: previous?.search ?? [:], failure: page, diagnostics: diagnostics)
            }
        } else if let previous, previous.failure == nil, PreviewFiles.sameContent(previous.files, files), previous.diagnostics == diagnostics {
            next = nil
        } else {
            next = PreviewSnapshot(version: version, generation: generation, files: files, search: previous?.search ?? [:], failure: nil, diagnostics: diagnostics)
        }

        if let next {
            state.withLock { $0.generation = generation }
            // The previous snapshot holds a whole site model; freeing it can take longer
            // than the rest of a rebuild, so it is let go after the reload has been sent.
            let old = store.current
            store.publish(next)
            hub.broadcast(LiveReload.message(event: "reload", data: next.version))
            BuildQueue.release(old)
            if let firstEvent { record.saveToReloadSeconds = Self.seconds(ContinuousClock.now - firstEvent) }
        } else {
            record.unchanged = true
            record.generation = generation - 1
        }
        state.withLock { $0.records.append(record) }
        state.withLock { $0.words = rendered.report.catalogue }
        report(record, diagnostics: diagnostics, files: files.count, isFirst: previous == nil, words: options.words ?? rendered.report.catalogue)

        if let next, !failed, options.search {
            // The pages as served: Pagefind skips the live-reload <script>.
            // Only pages with an index body: rendering the others (the idea bank is the
            // largest page) would cost the next save its CPU for nothing.
            let served = next.files
            let pageSlugs = rendered.index?.site.pages.map(\.slug) ?? []
            let sections = config?.paths ?? SectionPaths()
            let complete: @Sendable (String, String) -> String
            if let index = rendered.index { complete = PreviewSearch.completer(index) } else { complete = { _, html in html } }
            searchJob.yield(SearchJob(generation: generation, html: { served.html(where: { SearchIndexer.isIndexed($0, pageSlugs: pageSlugs, paths: sections) }) },
                                      complete: complete,
                                      language: config?.language ?? "sv"))
        }
    }

    /// Until a build has succeeded there are no assets; the error page still wants the
    /// site's style sheet: the site's own, or the default one.
    private func fallbackAssets() -> [String: SiteEntry] {
        var files: [String: SiteEntry] = [:]
        let own = (options.site as NSString).appendingPathComponent("templates/assets/style.css")
        var isFolder: ObjCBool = false
        var css: ByteBuffer?
        if FileManager.default.fileExists(atPath: own, isDirectory: &isFolder), !isFolder.boolValue,
           let real = SnapshotMaker.realPath(own), let root = SnapshotMaker.realPath(options.site), real.hasPrefix(root + "/"),
           let data = FileManager.default.contents(atPath: real) {
            css = ByteBuffer(bytes: data)
        } else if let text = DefaultTemplates.files["assets/style.css"] {
            css = ByteBuffer(string: text)
        }
        if let css { files["assets/style.css"] = SiteEntry(body: css, rendered: css, contentType: ContentTypes.forPath("style.css")) }
        return files
    }

    private func report(_ record: RebuildRecord, diagnostics: [Diagnostic], files: Int, isFirst: Bool, words: Catalogue) {
        let warnings = diagnostics.filter { $0.severity == .warning }
        let warningsChanged = state.withLock { state -> Bool in
            defer { state.lastWarnings = warnings }
            return state.lastWarnings != warnings
        }
        let errors = diagnostics.filter { $0.severity == .error }
        // Said in the site's language (or --lang): the message, never the `error:` prefix.
        func said(_ d: Diagnostic) -> Diagnostic {
            var d = d
            d.message = d.message(in: words)
            return d
        }
        if record.failed {
            for d in diagnostics { say(.diagnostic(said(d))) }
            let latency = record.saveToReloadSeconds.map { words.text("serve_latency_error_page", ["time": words.duration($0)]) } ?? ""
            say(.info(words.text("serve_build_failed", [
                "errors": words.count(errors.count, "cli_count_error"), "warnings": words.count(warnings.count, "cli_count_warning"), "latency": latency,
            ])))
            return
        }
        if warningsChanged || isFirst { for d in warnings { say(.diagnostic(said(d))) } }
        let what = record.changed.isEmpty ? "" : " (\(record.changed.count == 1 ? record.changed[0] : words.count(record.changed.count, "serve_count_file")))"
        let time = words.duration(record.renderSeconds)
        if record.unchanged {
            say(.info(words.text("serve_rebuilt_unchanged", ["what": what, "time": time])))
        } else if isFirst {
            say(.info(words.text("serve_built", ["files": words.count(files, "serve_count_file"), "time": time])))
        } else {
            let latency = record.saveToReloadSeconds.map { words.text("serve_latency_reload", ["time": words.duration($0)]) } ?? ""
            say(.info(words.text("serve_rebuilt", ["what": what, "time": time, "latency": latency])))
        }
    }

    // MARK: - Search and keep-alive

    private func searchLoop() async {
        for await job in searchJobs {
            if Task.isCancelled { break }
            if search.binary == nil {
                let warn = state.withLock { state -> Bool in
                    defer { state.searchWarned = true }
                    return !state.searchWarned
                }
                if warn { say(.warning(words["serve_no_pagefind"])) }
                store.update { current in
                    guard current.search.isEmpty else { return nil }
                    let text = ByteBuffer(string: words["search_status_missing_preview"] + "\n")
                    return current.replacingSearch(["search-status.txt": SiteEntry(body: text, rendered: text, contentType: ContentTypes.forPath("x.txt"))])
                }
                continue
            }
            // Indexing renders every page: wait for a quiet second so it does not compete
            // with the page the editor is looking at, and skip builds already superseded.
            try? await Task.sleep(for: .seconds(1))
            if Task.isCancelled { break }
            if state.withLock({ $0.generation }) != job.generation { continue }
            // Its own queue: rendering every page for the index must not hold up a rebuild.
            let pages = await BuildQueue.runSearch { job.html() }
            let isCurrent: @Sendable () -> Bool = { [state] in state.withLock { $0.generation } == job.generation }
            switch await search.index(html: pages, complete: job.complete, language: job.language, isCurrent: isCurrent) {
            case .indexed(let files, let seconds, let changed, let removed):
                var applied = false
                store.update { current in
                    guard current.generation == job.generation || (current.failure != nil && current.generation > job.generation) else { return nil }
                    applied = true
                    return current.replacingSearch(files)
                }
                if applied {
                    let by = search.found.map { ", Pagefind \($0.description)" } ?? ""
                    // How many pages went to Pagefind: all of them after the first build,
                    // then those whose indexed copy changed, and those that left the site.
                    var sent = words.count(changed, "serve_count_page_indexed")
                    if removed > 0 { sent += ", " + words.count(removed, "serve_count_page_removed") }
                    say(.info(words.text("serve_search_ready", ["pages": sent, "files": words.count(files.count, "serve_count_file"), "time": words.duration(seconds), "by": by])))
                }
            case .failed(let message):
                say(.warning(words.text("serve_search_failed", ["reason": message])))
            case .cancelled:
                break
            }
        }
    }

    private func heartbeatLoop() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: options.heartbeat) } catch { return }
            hub.broadcast(LiveReload.ping)
        }
    }

    // MARK: - Formatting

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }


}
