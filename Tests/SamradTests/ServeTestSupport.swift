#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import SamradIndex
import Testing
@testable import SamradServe

/// A bare HTTP/1.1 client on a socket, for the preview server's tests: it sends request
/// targets exactly as written (no client-side `..` normalisation, unlike URLSession),
/// reads Server-Sent Events as they arrive, and bounds every wait with a timeout.
/// Blocking calls run on their own threads, never on Swift's cooperative pool (which the
/// in-process server needs).
enum ServeClient {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]  // lower-cased names
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try work() })
            }
        }
    }

    /// One request on a fresh connection (`Connection: close`), answer read to the end.
    static func get(port: Int, _ target: String, method: String = "GET", timeout: Double = 10) async throws -> Reply {
        let request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n"
        let bytes = try await raw(port: port, Array(request.utf8), timeout: timeout)
        return try parse(bytes, head: method == "HEAD")
    }

    /// Sends bytes as they are and returns everything the server sends until it closes.
    static func raw(port: Int, _ request: [UInt8], timeout: Double = 10, halfClose: Bool = false) async throws -> [UInt8] {
        try await offPool {
            let socket = try Socket(port: port)
            defer { socket.close() }
            try socket.send(request)
            if halfClose { shutdown(socket.fd, Int32(SHUT_WR)) }
            return try socket.readToEnd(timeout: timeout)
        }
    }

    static func parse(_ bytes: [UInt8], head: Bool = false) throws -> Reply {
        guard let split = find([13, 10, 13, 10], in: bytes) else { throw Failure(description: "no header end in \(bytes.count) bytes") }
        let headText = String(decoding: bytes[..<split], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "bad status line in \(headText)") }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(split + 4)...])
        if head { body = [] } else if headers["transfer-encoding"]?.lowercased() == "chunked" { body = try dechunk(body) }
        return Reply(status: status, headers: headers, body: body)
    }

    static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard let lineEnd = find([13, 10], in: Array(bytes[i...])) else { break }
            let sizeText = String(decoding: bytes[i..<(i + lineEnd)], as: UTF8.self).split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { throw Failure(description: "bad chunk size") }
            i += lineEnd + 2
            if size == 0 { break }
            out.append(contentsOf: bytes[i..<min(bytes.count, i + size)])
            i += size + 2
        }
        return out
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}

/// A blocking TCP connection to 127.0.0.1.
final class Socket: @unchecked Sendable {
    let fd: Int32

    init(port: Int) throws {
        fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeClient.Failure(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw ServeClient.Failure(description: "cannot connect to port \(port): errno \(errno)")
        }
    }

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw ServeClient.Failure(description: "send failed: errno \(errno)") }
            sent += n
        }
    }

    /// Some bytes, or [] at end of stream; nil on timeout.
    func read(timeout: Double) throws -> [UInt8]? {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pfd, 1, Int32(max(0, timeout * 1000)))
        if ready == 0 { return nil }
        guard ready > 0 else { throw ServeClient.Failure(description: "poll failed: errno \(errno)") }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n < 0 { return [] }  // reset counts as closed
        return Array(buffer[0..<n])
    }

    func readToEnd(timeout: Double) throws -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout)
        var all: [UInt8] = []
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0, let chunk = try read(timeout: left) else {
                throw ServeClient.Failure(description: "no end of answer within \(timeout) s (got \(all.count) bytes)")
            }
            if chunk.isEmpty { return all }
            all += chunk
        }
    }

    func close() { Glibc.close(fd) }
}

/// A Server-Sent Events subscription read from a raw socket.
final class EventStreamClient: @unchecked Sendable {
    struct Event: Sendable, Equatable {
        var name: String
        var data: String
    }

    let socket: Socket
    private var pending: [UInt8] = []
    private(set) var retry: Int?
    private(set) var closed = false

    private init(socket: Socket) { self.socket = socket }

    static func connect(port: Int, timeout: Double = 10) async throws -> EventStreamClient {
        try await ServeClient.offPool {
            let socket = try Socket(port: port)
            let client = EventStreamClient(socket: socket)
            try socket.send(Array("GET /_samrad/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n".utf8))
            // Read the head.
            let deadline = Date().addingTimeInterval(timeout)
            while ServeClient.find([13, 10, 13, 10], in: client.pending) == nil {
                guard deadline.timeIntervalSinceNow > 0, let chunk = try socket.read(timeout: deadline.timeIntervalSinceNow), !chunk.isEmpty else {
                    throw ServeClient.Failure(description: "no SSE response head")
                }
                client.pending += chunk
            }
            let end = ServeClient.find([13, 10, 13, 10], in: client.pending)!
            let head = String(decoding: client.pending[..<end], as: UTF8.self)
            guard head.hasPrefix("HTTP/1.1 200"), head.lowercased().contains("content-type: text/event-stream") else {
                throw ServeClient.Failure(description: "not an event stream: \(head)")
            }
            client.pending = Array(client.pending[(end + 4)...])
            client.chunked = head.lowercased().contains("transfer-encoding: chunked")
            return client
        }
    }

    private var chunked = false
    private var text = ""

    /// The next event (comments and `retry:` consumed on the way), nil on timeout or close.
    func next(timeout: Double) async throws -> Event? {
        try await ServeClient.offPool { try self.nextBlocking(timeout: timeout) }
    }

    private func nextBlocking(timeout: Double) throws -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        decode()
        while true {
            if let event = takeEvent() { return event }
            guard !closed else { return nil }
            let left = deadline.timeIntervalSinceNow
            guard left > 0, let chunk = try socket.read(timeout: left) else { return nil }
            if chunk.isEmpty { closed = true; continue }
            pending += chunk
            decode()
        }
    }

    /// Waits for the stream's end (the server closing it).
    func waitForClose(timeout: Double) async throws -> Bool {
        try await ServeClient.offPool {
            let deadline = Date().addingTimeInterval(timeout)
            while !self.closed {
                let left = deadline.timeIntervalSinceNow
                guard left > 0, let chunk = try self.socket.read(timeout: left) else { return false }
                if chunk.isEmpty { self.closed = true }
            }
            return true
        }
    }

    private func decode() {
        guard chunked else {
            text += String(decoding: pending, as: UTF8.self)
            pending = []
            return
        }
        while let lineEnd = ServeClient.find([13, 10], in: pending) {
            let sizeText = String(decoding: pending[..<lineEnd], as: UTF8.self)
            guard let size = Int(sizeText, radix: 16) else { pending = []; return }
            if size == 0 { closed = true; pending = []; return }
            guard pending.count >= lineEnd + 2 + size + 2 else { return }
            text += String(decoding: pending[(lineEnd + 2)..<(lineEnd + 2 + size)], as: UTF8.self)
            pending.removeFirst(lineEnd + 2 + size + 2)
        }
    }

    private func takeEvent() -> Event? {
        while let range = text.range(of: "\n\n") {
            let block = String(text[..<range.lowerBound])
            text = String(text[range.upperBound...])
            var name = "message"
            var data: [String] = []
            var sawField = false
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix(":") { continue }
                if line.hasPrefix("retry:") { retry = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)); continue }
                if line.hasPrefix("event:") { name = line.dropFirst(6).trimmingCharacters(in: .whitespaces); sawField = true }
                if line.hasPrefix("data:") { data.append(String(line.dropFirst(5).drop { $0 == " " })); sawField = true }
            }
            if sawField { return Event(name: name, data: data.joined(separator: "\n")) }
        }
        return nil
    }

    func close() { socket.close() }
}

/// A small site in a temporary folder, served in-process on a free port.
struct ServedSite {
    let root: URL
    let server: PreviewServer
    let runner: Task<Void, any Error>
    let url: URL
    let messages: MessageLog
    var port: Int { url.port ?? 0 }

    final class MessageLog: @unchecked Sendable {
        private let lock = NSCondition()
        private var lines: [String] = []
        func add(_ line: String) { lock.lock(); lines.append(line); lock.broadcast(); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }

        /// Waits, woken by each new line, until `match` finds what it looks for in the
        /// lines so far; nil after `seconds` (on its own thread, off Swift's pool).
        func wait<T: Sendable>(_ seconds: Double, _ match: @escaping @Sendable ([String]) -> T?) async throws -> T? {
            try await ServeClient.offPool {
                let deadline = Date().addingTimeInterval(seconds)
                self.lock.lock()
                defer { self.lock.unlock() }
                while true {
                    if let found = match(self.lines) { return found }
                    if !self.lock.wait(until: deadline) { return match(self.lines) }
                }
            }
        }
    }

    static let meetingPath = "content/meetings/2024-05-02-samtal.md"

    /// The Pagefind the preview tests run, looked for once.
    static let pagefind = SearchIndexer.locate()

    static func meeting(title: String, date: String = "2024-05-02", extra: String = "") -> String {
        """
        ---
        title: "\(title)"
        date: \(date)
        kind: dialogmöte
        organizer: Dialogrådet
        location: Umeå
        themes: [samverkan]
        summary: Ett samtal om samverkan.
        ---

        ## Samtal

        ### Fråga 1 – Vad behövs? #samverkan

        Sammanfattning:

        - Tid och resurser

        \(extra)
        """
    }

    static let files: [String: String] = [
        "site.yml": "title: Förhandsportalen\nbase_url: https://example.org/portal/\nlanguage: sv\n",
        "content/themes.yml": "- slug: samverkan\n  name: Samverkan\n  description: Att arbeta tillsammans.\n",
        meetingPath: meeting(title: "Första samtalet"),
    ]

    static func start(files: [String: String] = ServedSite.files, search: Bool = false) async throws -> ServedSite {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-serve-test-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let log = MessageLog()
        var options = ServeOptions(site: root.path, host: "127.0.0.1", port: 0, search: search)
        // Found once, before any test runs: a build test that points PAGEFIND_BINARY_PATH
        // nowhere for a moment must not take search from a preview started meanwhile.
        options.pagefind = search ? ServedSite.pagefind : nil
        let server = PreviewServer(options: options) { message in
            switch message {
            case .info(let s): log.add(s)
            case .warning(let s): log.add("warning: " + s)
            case .diagnostic(let d): log.add(d.description)
            }
        }
        let runner = Task { try await server.run() }
        // Generous bounds: they tell a hang from a slow machine (the full suite on two busy
        // cores took over 30 s to start a preview); speed is the benchmarks' business.
        let url = try await withTimeout(120) { try await server.ready() }
        return ServedSite(root: root, server: server, runner: runner, url: url, messages: log)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func get(_ target: String, method: String = "GET") async throws -> ServeClient.Reply {
        try await ServeClient.get(port: port, target, method: method)
    }

    /// Shuts the server down and waits for `run()` to return.
    func stop() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        await server.shutdown()
        try await withTimeout(60) { try await runner.value }
    }
}

struct TimedOut: Error, CustomStringConvertible {
    var seconds: Double
    var description: String { "timed out after \(seconds) s" }
}

final class OnceContinuation<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    init(_ c: CheckedContinuation<T, any Error>) { continuation = c }
    func resume(_ result: Result<T, any Error>) {
        lock.lock()
        let c = continuation
        continuation = nil
        lock.unlock()
        c?.resume(with: result)
    }
}

/// Runs `work`, giving up after `seconds` (the work is cancelled and left behind: a wait
/// that ignores cancellation cannot hang the test).
func withTimeout<T: Sendable>(_ seconds: Double, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
    return try await withCheckedThrowingContinuation { continuation in
        let once = OnceContinuation(continuation)
        let worker = Task {
            do { once.resume(.success(try await work())) } catch { once.resume(.failure(error)) }
        }
        Task {
            try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            once.resume(.failure(TimedOut(seconds: seconds)))
            worker.cancel()
        }
    }
}

/// Waits for an event of the given name, skipping others.
func nextEvent(_ stream: EventStreamClient, named name: String, timeout: Double) async throws -> EventStreamClient.Event? {
    let deadline = Date().addingTimeInterval(timeout)
    while deadline.timeIntervalSinceNow > 0 {
        guard let event = try await stream.next(timeout: deadline.timeIntervalSinceNow) else { return nil }
        if event.name == name { return event }
    }
    return nil
}
