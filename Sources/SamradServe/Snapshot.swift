import Foundation
import Hummingbird
import Samrad
import SamradCore

/// One file ready to send.
struct SiteEntry: Sendable {
    /// What is sent: for HTML, with the live-reload script injected. Empty for a file
    /// sent from disk.
    var body: ByteBuffer
    /// A file copied from the site as it is (an attachment, a template's asset): sent
    /// from disk in pieces, never held in memory, and never given the live-reload script.
    var file: DiskFile?
    /// A digest of the bytes as the pipeline rendered them (live-reload tag aside), to tell
    /// a rebuild that changed nothing without keeping a second copy of every page.
    var digest: Int
    var contentType: String
    var isHTML: Bool { contentType == ContentTypes.html }

    init(body: ByteBuffer, rendered: ByteBuffer, contentType: String) {
        self.body = body
        self.contentType = contentType
        var hasher = Hasher()
        rendered.withUnsafeReadableBytes { hasher.combine(bytes: $0) }
        hasher.combine(rendered.readableBytes)
        self.digest = hasher.finalize()
    }

    init(file: DiskFile, contentType: String) {
        self.body = ByteBuffer()
        self.file = file
        self.contentType = contentType
        // A changed file has another size, time or inode: enough to tell a rebuild that
        // changed it from one that did not, without reading it.
        var hasher = Hasher()
        hasher.combine(file.path)
        hasher.combine(file.size)
        hasher.combine(file.modified)
        hasher.combine(file.inode)
        self.digest = hasher.finalize()
    }
}

/// A file of the site sent from disk.
struct DiskFile: Sendable, Hashable {
    /// Real path (symbolic links resolved), inside the site folder.
    var path: String
    var size: Int
    var modified: Int
    var inode: UInt64
    /// Sent with `Content-Security-Policy: sandbox`: an attachment a site chose to publish
    /// (say an SVG) must not run script on the preview's address.
    var sandboxed: Bool
}

/// Everything the server sends, replaced whole on each rebuild: a request reads one
/// snapshot and never sees half of two builds.
final class PreviewSnapshot: Sendable {
    /// `<server instance>-<generation>`: written into every page and sent in the SSE
    /// `hello`, so a tab that missed a reload (or survived a server restart) notices.
    let version: String
    let generation: Int
    /// The last build without errors.
    let files: PreviewFiles
    /// `pagefind/…` from the last finished search index (kept until a newer one is ready).
    let search: [String: SiteEntry]
    /// The error page while the latest build has errors; nil when it is good.
    let failure: ByteBuffer?
    /// Diagnostics of the latest build.
    let diagnostics: [Diagnostic]

    init(version: String, generation: Int, files: PreviewFiles, search: [String: SiteEntry], failure: ByteBuffer?, diagnostics: [Diagnostic]) {
        self.version = version
        self.generation = generation
        self.files = files
        self.search = search
        self.failure = failure
        self.diagnostics = diagnostics
    }

    /// The pipeline never writes `pagefind/`, so the two never name the same path.
    func entry(_ path: String) -> SiteEntry? {
        files[path] ?? search[path]
    }

    func replacingSearch(_ search: [String: SiteEntry]) -> PreviewSnapshot {
        PreviewSnapshot(version: version, generation: generation, files: files, search: search, failure: failure, diagnostics: diagnostics)
    }
}

/// The files of one build. A full rebuild hands them over all made; an incremental one
/// hands over a `SiteSnapshot`, and each file is made the first time it is asked for, so
/// a save on a site of thousands of meetings costs the pages the browser shows, not all.
final class PreviewFiles: @unchecked Sendable {
    private let eager: [String: SiteEntry]
    private let lazy: SiteSnapshot?
    private let version: String
    private let maker: SnapshotMaker?
    private let lock = NSLock()
    private var made: [String: SiteEntry] = [:]

    init(_ eager: [String: SiteEntry]) {
        self.eager = eager
        lazy = nil
        version = ""
        maker = nil
    }

    init(lazy: SiteSnapshot, version: String, siteRoot: String, fallback: [String: SiteEntry] = [:]) {
        self.eager = fallback
        self.lazy = lazy
        self.version = version
        maker = SnapshotMaker(siteRoot: siteRoot, meetingsPath: lazy.renderer?.index.site.config.paths.meetings ?? SectionPaths().meetings)
    }

    subscript(path: String) -> SiteEntry? {
        if let entry = eager[path] { return entry }
        guard let lazy, let maker, lazy.contains(path) else { return nil }
        lock.lock()
        if let entry = made[path] { lock.unlock(); return entry }
        lock.unlock()
        guard let content = lazy.file(at: path), let entry = maker.entry(path: path, content: content, version: version).entry else { return nil }
        lock.lock()
        made[path] = entry
        lock.unlock()
        return entry
    }

    var count: Int { lazy?.paths.count ?? eager.count }

    var revision: Int? { lazy?.revision }

    /// The HTML pages `include` takes, as served, for Pagefind; on an incremental build
    /// this renders them.
    func html(where include: (String) -> Bool = { _ in true }) -> [(String, ByteBuffer)] {
        let paths = (lazy?.paths ?? Array(eager.keys)).filter { $0.hasSuffix(".html") && include($0) }.sorted()
        return paths.compactMap { path in self[path].flatMap { $0.file == nil ? (path, $0.body) : nil } }
    }

    /// The same content as another build's files (live-reload tag aside)?
    static func sameContent(_ a: PreviewFiles, _ b: PreviewFiles) -> Bool {
        if let ra = a.revision, let rb = b.revision { return ra == rb }
        if a.lazy != nil || b.lazy != nil { return false }
        return SnapshotMaker.sameContent(a.eager, b.eager)
    }
}

/// Turns the pipeline's output into entries: reads copied files (attachments) once,
/// refusing any whose real path leaves the site folder, and injects the live-reload
/// script into HTML.
struct SnapshotMaker: Sendable {
    var siteRoot: String
    /// The meetings' folder ("moten/", `paths.meetings`): files copied there are the
    /// authors' attachments, served sandboxed.
    var meetingsPath = SectionPaths().meetings

    struct Made: Sendable {
        var files: [String: SiteEntry]
        var diagnostics: [Diagnostic]
    }

    /// - Parameter reuse: the previous build's files; an attachment whose bytes are
    ///   unchanged keeps its buffer.
    func make(_ outputs: [OutputFile], version: String) -> Made {
        var files: [String: SiteEntry] = [:]
        files.reserveCapacity(outputs.count)
        var diagnostics: [Diagnostic] = []
        for output in outputs {
            guard files[output.path] == nil else {
                diagnostics.append(.error(key: "diag_output_twice", ["path": output.path]))
                continue
            }
            let (entry, problem) = entry(path: output.path, content: output.content, version: version)
            if let problem { diagnostics.append(problem) }
            if let entry { files[output.path] = entry }
        }
        return Made(files: files, diagnostics: diagnostics)
    }

    /// One file as the server sends it, or why it cannot be sent.
    func entry(path: String, content: OutputFile.Content, version: String) -> (entry: SiteEntry?, problem: Diagnostic?) {
        guard case .file(let key) = PathSanitizer.resolve("/" + path), key == path else {
            return (nil, .error(key: "diag_serve_bad_path", ["path": path]))
        }
        let type = ContentTypes.forPath(path)
        var rendered: ByteBuffer
        switch content {
        case .text(let text):
            rendered = ByteBuffer(string: text)
        case .bytes(let bytes):
            rendered = ByteBuffer(bytes: bytes)
        case .copy(let source):
            let realRoot = Self.realPath(siteRoot) ?? siteRoot
            guard let real = Self.realPath(source), real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") else {
                return (nil, .error(key: "diag_serve_outside", ["source": source]))
            }
            var info = stat()
            guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                return (nil, .error(key: "diag_serve_unreadable", ["source": source, "path": path]))
            }
            let file = DiskFile(path: real, size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec),
                                inode: UInt64(info.st_ino), sandboxed: path.hasPrefix(meetingsPath))
            return (SiteEntry(file: file, contentType: type), nil)
        }
        let body = type == ContentTypes.html ? LiveReload.inject(into: rendered, version: version) : rendered
        return (SiteEntry(body: body, rendered: rendered, contentType: type), nil)
    }

    /// The same files and bytes as rendered (the live-reload tag aside)?
    static func sameContent(_ a: [String: SiteEntry], _ b: [String: SiteEntry]) -> Bool {
        guard a.count == b.count else { return false }
        for (path, entry) in a {
            guard let other = b[path], other.digest == entry.digest else { return false }
        }
        return true
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Holds the current snapshot; requests that arrive before the first build wait for it.
final class SnapshotStore: Sendable {
    private struct State {
        var snapshot: PreviewSnapshot?
        var waiters: [CheckedContinuation<PreviewSnapshot, Never>] = []
    }

    private let state = Locked(State())

    var current: PreviewSnapshot? { state.withLock { $0.snapshot } }

    func snapshot() async -> PreviewSnapshot {
        if let ready = current { return ready }
        return await withCheckedContinuation { continuation in
            let ready: PreviewSnapshot? = state.withLock { state in
                if let snapshot = state.snapshot { return snapshot }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    func publish(_ snapshot: PreviewSnapshot) {
        let waiters = state.withLock { state -> [CheckedContinuation<PreviewSnapshot, Never>] in
            state.snapshot = snapshot
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: snapshot) }
    }

    /// Swaps in `transform(current)` atomically, when there is a current snapshot.
    func update(_ transform: (PreviewSnapshot) -> PreviewSnapshot?) {
        state.withLock { state in
            guard let current = state.snapshot, let next = transform(current) else { return }
            state.snapshot = next
        }
    }
}
