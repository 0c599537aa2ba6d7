import Dispatch
import Foundation
import SamradCore
#if canImport(Glibc)
import Glibc
#endif

/// Pagefind run as a service (`pagefind --service`) that pages and records are handed to
/// while the site renders, instead of a run over the written folder afterwards.
///
/// The protocol is the one Pagefind's Node and Python packages speak: each message is a
/// JSON object `{"message_id": n, "payload": {"type": …}}`, base64-encoded and ended by
/// a comma, on the service's standard input; answers come back the same way on its
/// standard output, each with the `message_id` it answers (an `Error` answer without one
/// means a message could not be read). The service handles messages one at a time in the
/// order sent, so the order of `addHTML`/`addRecord` calls is the order of the pages in
/// the index, and calls made in a fixed order give the same index every time.
///
/// Sending never blocks the caller: messages go into a queue that one thread encodes and
/// writes. A service that dies or answers with errors is noted; `write(to:)` then reports
/// it and the build goes on without search (a warning, as before).
public final class PagefindService: @unchecked Sendable {
    private let process: Process
    private let input: Int32
    private let output: Int32
    private let writes = DispatchQueue(label: "samrad.pagefind.writes")
    private let state = NSCondition()
    private var nextID = 0
    private var answers: [Int: [String: Any]] = [:]
    private var waitingFor: Set<Int> = []
    private var errors: [String] = []
    private var errorCount = 0
    private var ended = false
    private var brokenPipe = false
    /// Pages and records handed over, for the build's summary line.
    public private(set) var added = 0

    /// Starts `binary --service` and makes its one index, for `language` (ISO 639-1;
    /// Pagefind's stemming for it applies to every page and record).
    /// - Throws: `PagefindService.Failure` when the program cannot be run or does not
    ///   make an index (an old Pagefind without `--service`).
    public init(binary: String, language: String, niceness: Int32 = 0) throws {
        // A service that dies while a page is being written must not take samrad with it:
        // with SIGPIPE ignored the write fails with EPIPE, which is noted instead.
        signal(SIGPIPE, SIG_IGN)
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--service"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(message: "cannot run Pagefind at \(binary): \(error.localizedDescription)")
        }
        if niceness != 0 {
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(process.processIdentifier), niceness)
        }
        input = stdin.fileHandleForWriting.fileDescriptor
        output = stdout.fileHandleForReading.fileDescriptor
        // Pipe keeps its own copies open until it is released; hold the handles.
        handles = (stdin, stdout)
        let reader = Thread { [weak self] in self?.readAnswers() }
        reader.name = "samrad.pagefind.answers"
        reader.start()
        var config = JSONText()
        config.object { o in
            o.field("force_language", language)
            o.field("keep_index_url", false)
        }
        let answer = request("NewIndex") { $0.raw("config", config.bytes) }
        guard answer?["type"] as? String == "NewIndex", (answer?["index_id"] as? Int) == 0 else {
            close()
            let said = (answer?["message"] as? String).map { ": \($0)" } ?? ""
            throw Failure(message: "Pagefind at \(binary) did not start as a service\(said)")
        }
    }

    private var handles: (Pipe, Pipe)?

    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// A message encoded and ready to send. Encoding (JSON escaping and base64 of a whole
    /// page) is the costly part, so callers do it on their own thread and only `send`
    /// runs in order.
    public struct Message: Sendable {
        fileprivate let bytes: Data
    }

    /// A rendered page. `path` is where it is written ("moten/x/index.html"); the page's
    /// URL in results is made from it as Pagefind does for files on disk.
    public func page(path: String, html: String) -> Message {
        message("AddFile") { o in
            o.field("index_id", 0)
            o.field("file_path", path)
            o.field("file_contents", html)
        }
    }

    /// Queues messages to be written in the order of the calls; never blocks.
    public func send(_ messages: [Message]) {
        state.lock()
        added += messages.count
        state.unlock()
        writes.async { [self] in
            for m in messages {
                state.lock()
                let skip = ended || brokenPipe
                state.unlock()
                if skip { return }
                if !writeAll(m.bytes) {
                    state.lock()
                    brokenPipe = true
                    state.broadcast()
                    state.unlock()
                }
            }
        }
    }

    /// Builds the index and writes it into `folder` (its `pagefind/` folder: pass that).
    /// Waits for everything sent before. Returns nil when it worked, else what went wrong.
    public func write(to folder: String) -> String? {
        let answer = request("WriteFiles") { o in
            o.field("index_id", 0)
            o.field("output_path", folder)
        }
        defer { close() }
        if let failure = failure(answer, expecting: "WriteFiles") { return failure }
        return Self.waitForContents(folder)
    }

    /// Pagefind answers `WriteFiles` once every file is created, while their bytes may
    /// still be on their way to disk (its writer hands them to background threads), and
    /// it exits at once when its input closes, dropping what was not written yet: a
    /// build that closed it right after the answer sometimes left empty index files.
    /// Every file it writes has content, so this waits until none is empty (or 60 s).
    static func waitForContents(_ folder: String) -> String? {
        let deadline = DispatchTime.now().uptimeNanoseconds + 60_000_000_000
        var pending = FileManager.default.subpaths(atPath: folder) ?? []
        while true {
            pending = pending.filter { path in
                var info = stat()
                guard stat(folder + "/" + path, &info) == 0 else { return false }
                return (info.st_mode & S_IFMT) == S_IFREG && info.st_size == 0
            }
            if pending.isEmpty { return nil }
            if DispatchTime.now().uptimeNanoseconds > deadline {
                return "Pagefind did not finish writing \(pending.count) index files"
            }
            usleep(20_000)
        }
    }

    /// Builds the index and returns its files (path inside `pagefind/` → bytes) without
    /// writing them: for the preview, which serves them from memory.
    public func files() -> (files: [String: Data], failure: String?) {
        let answer = request("GetFiles") { $0.field("index_id", 0) }
        if let failure = failure(answer, expecting: "GetFiles") { return ([:], failure) }
        var files: [String: Data] = [:]
        for file in answer?["files"] as? [[String: Any]] ?? [] {
            guard let path = file["path"] as? String, let content = file["content"] as? String,
                  let data = Data(base64Encoded: content) else { continue }
            files[path] = data
        }
        return (files, nil)
    }

    /// What went wrong, from the final answer and the errors noted on the way.
    private func failure(_ answer: [String: Any]?, expecting type: String) -> String? {
        state.lock()
        defer { state.unlock() }
        if answer?["type"] as? String == type && errors.isEmpty { return nil }
        var parts = errors
        if let message = answer?["message"] as? String { parts.append(message) }
        if answer == nil { parts.append(brokenPipe ? "Pagefind stopped while pages were sent to it" : "Pagefind stopped before it wrote the index") }
        if errorCount > errors.count { parts.append("and \(errorCount - errors.count) more errors") }
        return parts.joined(separator: "; ")
    }

    /// Ends the service (closing its input ends it) and waits for it.
    public func close() {
        writes.sync {
            state.lock()
            let wasEnded = ended
            ended = true
            state.broadcast()
            state.unlock()
            if !wasEnded { Glibc.close(input) }
        }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        handles = nil
    }

    /// Stops the service now, for a preview run a newer save makes stale.
    public func cancel() {
        state.lock()
        cancelled = true
        state.unlock()
        if process.isRunning { process.terminate() }
    }

    /// The service's process id (a preview test ends it to see a failure handled).
    public var processID: Int32 { process.processIdentifier }

    /// Whether `cancel()` stopped it.
    public var wasCancelled: Bool {
        state.lock()
        defer { state.unlock() }
        return cancelled
    }

    private var cancelled = false

    // MARK: Messages

    private func message(_ type: String, _ fields: (inout JSONText) -> Void) -> Message {
        message(type, id: takeID(), fields)
    }

    private func takeID() -> Int {
        state.lock()
        defer { state.unlock() }
        nextID += 1
        return nextID
    }

    private func message(_ type: String, id: Int, _ fields: (inout JSONText) -> Void) -> Message {
        var json = JSONText()
        json.object { o in
            o.field("message_id", id)
            o.object("payload") { p in
                p.field("type", type)
                fields(&p)
            }
        }
        var bytes = Data(json.bytes).base64EncodedData()
        bytes.append(UInt8(ascii: ","))
        return Message(bytes: bytes)
    }

    /// Sends a message and waits for its answer; nil when the service ended first.
    private func request(_ type: String, _ fields: (inout JSONText) -> Void) -> [String: Any]? {
        let id = takeID()
        state.lock()
        waitingFor.insert(id)
        state.unlock()
        send([message(type, id: id, fields)])
        state.lock()
        defer { state.unlock() }
        while answers[id] == nil && !ended && !brokenPipe { state.wait() }
        waitingFor.remove(id)
        return answers.removeValue(forKey: id)
    }

    private func writeAll(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard var p = raw.baseAddress else { return true }
            var left = raw.count
            while left > 0 {
                let n = Glibc.write(input, p, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                p += n
                left -= n
            }
            return true
        }
    }

    /// The answer reader: splits standard output at commas, keeps the answers someone
    /// waits for and notes errors; ends when the service does.
    private func readAnswers() {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            var start = 0
            for i in 0 ..< n where buffer[i] == UInt8(ascii: ",") {
                pending.append(contentsOf: buffer[start ..< i])
                handle(pending)
                pending.removeAll(keepingCapacity: true)
                start = i + 1
            }
            pending.append(contentsOf: buffer[start ..< n])
        }
        state.lock()
        ended = true
        state.broadcast()
        state.unlock()
    }

    private func handle(_ encoded: [UInt8]) {
        guard let data = Data(base64Encoded: Data(encoded)),
              let message = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let payload = message["payload"] as? [String: Any] else { return }
        let id = message["message_id"] as? Int
        state.lock()
        defer { state.unlock() }
        if let id, waitingFor.contains(id) {
            answers[id] = payload
            state.broadcast()
        } else if payload["type"] as? String == "Error" {
            errorCount += 1
            if errors.count < 3 { errors.append(payload["message"] as? String ?? "Pagefind reported an error") }
        }
    }
}
