import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

/// Answers every request from the current snapshot. Only GET and HEAD; no file is ever
/// opened by a name from a request.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: SnapshotStore
    let hub: LiveReloadHub
    /// The `Host` names answered (DNS rebinding: see `HostCheck`).
    var hosts = HostCheck(bound: "127.0.0.1")
    let fileIO = FileIO()

    static let commonHeaders: HTTPFields = [
        .cacheControl: "no-store",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
    ]

    func respond(to request: Request, context: Context) async throws -> Response {
        let isHead = request.method == .head
        guard hosts.allows(request.head.authority) else {
            let text = "This preview answers only to its own address (such as 127.0.0.1 or localhost), not to '\(request.head.authority ?? "")'. Start samrad serve with --allow-host NAME to reach it by another name.\n"
            return Self.text(.misdirectedRequest, text, headers: Self.commonHeaders, head: isHead)
        }
        guard request.method == .get || isHead else {
            var headers = Self.commonHeaders
            headers[.allow] = "GET, HEAD"
            return Self.text(.methodNotAllowed, "method not allowed\n", headers: headers, head: isHead)
        }
        let target = request.uri.path
        if target.hasPrefix("/_samrad/") {
            return await preview(target, head: isHead)
        }
        let snapshot = await store.snapshot()
        switch PathSanitizer.resolve(target) {
        case .rejected:
            return notFound(snapshot, head: isHead, page: false)
        case .folder(let folder):
            return page(folder + "index.html", snapshot, head: isHead) ?? notFound(snapshot, head: isHead, page: true)
        case .file(let path):
            if let entry = snapshot.entry(path), let file = entry.file {
                return try await send(file, type: entry.contentType, request: request, context: context)
            }
            if let response = page(path, snapshot, head: isHead) { return response }
            if snapshot.files[path + "/index.html"] != nil {
                // A folder asked for without its slash: relative links need the slash.
                var headers = Self.commonHeaders
                let query = request.uri.query.map { "?" + $0 } ?? ""
                // Built from the checked path, never from the raw target: `//host` must not become a
                // protocol-relative redirect to another site.
                let encoded = path.addingPercentEncoding(withAllowedCharacters: Self.pathCharacters) ?? path
                headers[.location] = "/" + encoded + "/" + query
                return Self.text(.movedPermanently, "moved\n", headers: headers, head: isHead)
            }
            return notFound(snapshot, head: isHead, page: Self.looksLikePage(path))
        }
    }

    static let pathCharacters: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;%")
        return allowed
    }()

    /// A page address (`/x/`, `/x.html`, `/x`) rather than a file (`/favicon.ico`):
    /// while the build is broken, pages show the errors, files just 404.
    static func looksLikePage(_ path: String) -> Bool {
        let name = path.split(separator: "/").last ?? ""
        return name.hasSuffix(".html") || !name.contains(".")
    }

    private func page(_ path: String, _ snapshot: PreviewSnapshot, head: Bool) -> Response? {
        guard let entry = snapshot.entry(path) else { return nil }
        if entry.isHTML, let failure = snapshot.failure { return Self.failed(failure, head: head) }
        return Self.send(.ok, entry.body, type: entry.contentType, head: head)
    }

    private func notFound(_ snapshot: PreviewSnapshot, head: Bool, page: Bool) -> Response {
        if page, let failure = snapshot.failure { return Self.failed(failure, head: head) }
        if let page = snapshot.files["404.html"] { return Self.send(.notFound, page.body, type: page.contentType, head: head) }
        return Self.text(.notFound, "not found\n", headers: Self.commonHeaders, head: head)
    }

    private func preview(_ target: String, head: Bool) async -> Response {
        switch PathSanitizer.resolve(target) {
        case .file("_samrad/livereload.js"):
            return Self.send(.ok, Self.script, type: ContentTypes.forPath("x.js"), head: head)
        case .file("_samrad/preview.css"):
            return Self.send(.ok, Self.css, type: ContentTypes.forPath("x.css"), head: head)
        case .file("_samrad/events"):
            return events(head: head)
        default:
            return notFound(await store.snapshot(), head: head, page: false)
        }
    }

    private static let script = ByteBuffer(string: LiveReload.script)
    private static let css = ByteBuffer(string: ErrorPage.css)

    /// The SSE stream: `retry:` and `hello` first, then `reload` on every rebuild and a
    /// comment every few seconds (so a vanished client is noticed). Ends on graceful shutdown.
    private func events(head: Bool) -> Response {
        var headers = Self.commonHeaders
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        if head { return Response(status: .ok, headers: headers, body: .init()) }
        guard let (id, stream) = hub.subscribe() else {
            headers[.retryAfter] = "2"
            return Self.text(.serviceUnavailable, "too many live-reload connections\n", headers: headers, head: false)
        }
        let store = self.store
        let hub = self.hub
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            defer { hub.unsubscribe(id) }
            let version = store.current?.version ?? ""
            try await writer.write(LiveReload.hello(version: version))
            for await message in stream.cancelOnGracefulShutdown() {
                try await writer.write(message)
            }
            try await writer.finish(nil)
        })
    }

    /// A file from disk, in pieces: whole (200) or the one byte range asked for (206),
    /// so that video can be sought and memory does not grow with the file.
    private func send(_ file: DiskFile, type: String, request: Request, context: Context) async throws -> Response {
        var headers = Self.commonHeaders
        headers[.contentType] = type
        headers[.acceptRanges] = "bytes"
        if file.sandboxed {
            headers[.contentSecurityPolicy] = "sandbox"
        }
        let range = Self.byteRange(request.headers[.range], size: file.size)
        let status: HTTPResponse.Status
        let part: ClosedRange<Int>?
        switch range {
        case .whole:
            status = .ok
            part = file.size > 0 ? 0...(file.size - 1) : nil
        case .part(let r):
            status = .partialContent
            part = r
            headers[.contentRange] = "bytes \(r.lowerBound)-\(r.upperBound)/\(file.size)"
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(file.size)"
            return Self.text(.rangeNotSatisfiable, "range not satisfiable\n", headers: headers, head: request.method == .head)
        }
        headers[.contentLength] = String(part?.count ?? 0)
        guard request.method != .head, let part else { return Response(status: status, headers: headers, body: .init()) }
        let body = try await fileIO.loadFile(path: file.path, range: part, context: context)
        return Response(status: status, headers: headers, body: body)
    }

    enum ByteRange: Equatable {
        case whole
        case part(ClosedRange<Int>)
        case unsatisfiable
    }

    /// One range of a `Range: bytes=…` header ("0-99", "100-", "-500"). Several ranges
    /// or a header that cannot be read get the whole file, as RFC 9110 allows.
    static func byteRange(_ header: String?, size: Int) -> ByteRange {
        guard let header, header.lowercased().hasPrefix("bytes=") else { return .whole }
        let spec = header.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash], last = spec[spec.index(after: dash)...]
        guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit), !(first.isEmpty && last.isEmpty) else { return .whole }
        if first.isEmpty {
            guard let suffix = Int(last), suffix > 0, size > 0 else { return .unsatisfiable }
            return .part(max(0, size - suffix)...(size - 1))
        }
        guard let start = Int(first), start < size else { return .unsatisfiable }
        let end = last.isEmpty ? size - 1 : min(Int(last) ?? size - 1, size - 1)
        guard end >= start else { return .whole }
        return .part(start...end)
    }

    static func send(_ status: HTTPResponse.Status, _ body: ByteBuffer, type: String, head: Bool) -> Response {
        var headers = commonHeaders
        headers[.contentType] = type
        if head {
            headers[.contentLength] = String(body.readableBytes)
            return Response(status: status, headers: headers, body: .init())
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }

    static func failed(_ page: ByteBuffer, head: Bool) -> Response {
        var response = send(.internalServerError, page, type: ContentTypes.html, head: head)
        response.headers[HTTPField.Name("X-Samrad-Build")!] = "failed"
        return response
    }

    static func text(_ status: HTTPResponse.Status, _ text: String, headers: HTTPFields, head: Bool) -> Response {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        let body = ByteBuffer(string: text)
        if head {
            headers[.contentLength] = String(body.readableBytes)
            return Response(status: status, headers: headers, body: .init())
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
