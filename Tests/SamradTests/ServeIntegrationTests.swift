#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Samrad
import Testing
@testable import SamradServe

/// `samrad serve` end to end: a real server on a free port, a small site in a temporary
/// folder, requests and Server-Sent Events over raw sockets, every wait bounded.
@Suite("serve: the preview server", .serialized)
struct ServeIntegrationTests {
    static let page = "/moten/2024-05-02-samtal/"

    @Test func editBreakAndFixReloadTheBrowser() async throws {
        let site = try await ServedSite.start()
        do {
            // The page, with the live-reload script.
            let first = try await site.get(Self.page)
            #expect(first.status == 200)
            #expect(first.header("content-type") == "text/html; charset=utf-8")
            #expect(first.text.contains("Första samtalet"))
            #expect(first.text.contains("<script src=\"/_samrad/livereload.js\""))
            #expect(first.text.contains("http://127.0.0.1:\(site.port)/"), "base URL is the preview's")

            let events = try await EventStreamClient.connect(port: site.port)
            defer { events.close() }
            let hello = try #require(try await events.next(timeout: 10))
            #expect(hello.name == "hello")
            #expect(events.retry == LiveReload.retryMilliseconds)
            #expect(first.text.contains("data-samrad-version=\"\(hello.data)\""))

            // Save a change: a reload event, then the new content.
            let saved = ContinuousClock.now
            try site.write(ServedSite.meetingPath, ServedSite.meeting(title: "Andra samtalet"))
            let reload = try #require(try await nextEvent(events, named: "reload", timeout: 20), "no reload after a save")
            let latency = ContinuousClock.now - saved
            #expect(reload.data != hello.data)
            let edited = try await site.get(Self.page)
            #expect(edited.status == 200)
            #expect(edited.text.contains("Andra samtalet"))
            #expect(edited.text.contains("data-samrad-version=\"\(reload.data)\""))
            print("serve test: save → reload event \(latency)")

            // Break it: the error page, with file, line and message, in the site's style.
            try site.write(ServedSite.meetingPath, ServedSite.meeting(title: "Andra samtalet", date: "igår"))
            _ = try #require(try await nextEvent(events, named: "reload", timeout: 20), "no reload after breaking the file")
            let broken = try await site.get(Self.page)
            #expect(broken.status == 500)
            #expect(broken.header("x-samrad-build") == "failed")
            #expect(broken.text.contains("\(ServedSite.meetingPath):3:7"))
            #expect(broken.text.contains("igår"))
            #expect(broken.text.contains("href=\"/assets/style.css\""))
            #expect(broken.text.contains("/_samrad/livereload.js"))
            let otherPage = try await site.get("/")
            #expect(otherPage.status == 500, "every page shows the errors")
            let style = try await site.get("/assets/style.css")
            #expect(style.status == 200, "the error page keeps the site's style")
            let icon = try await site.get("/favicon.ico")
            #expect(icon.status == 404, "files that do not exist stay 404 while the build is broken")
            #expect(site.messages.all.contains { $0.hasPrefix("\(ServedSite.meetingPath):3:7: error:") }, "the terminal shows the same error")

            // Fix it: the page comes back by itself.
            try site.write(ServedSite.meetingPath, ServedSite.meeting(title: "Tredje samtalet"))
            _ = try #require(try await nextEvent(events, named: "reload", timeout: 20), "no reload after fixing the file")
            let fixed = try await site.get(Self.page)
            #expect(fixed.status == 200)
            #expect(fixed.text.contains("Tredje samtalet"))

            let measured = site.server.rebuilds.compactMap(\.saveToReloadSeconds)
            #expect(measured.count >= 3)
            print("serve test: server-side save → reload: \(measured.map { "\(Int($0 * 1000)) ms" }.joined(separator: ", "))")
        } catch {
            try await site.stop()
            throw error
        }
        try await site.stop()
    }

    @Test func pathTraversalGets404() async throws {
        let site = try await ServedSite.start()
        do {
            for target in [
                "/../site.yml", "/../../../../etc/passwd", "/%2e%2e/site.yml", "/%2E%2E/%2E%2E/etc/passwd",
                "/moten/..%2f..%2fsite.yml", "/moten/%2e%2e/%2e%2e/site.yml", "/.%2e/site.yml",
                "/assets/..%5c..%5csite.yml", "/%252e%252e/site.yml", "/content/themes.yml", "/site.yml",
                "//etc/passwd", "/x%00.html", "/%zz", "/_samrad/../site.yml", "/_samrad/nothing",
            ] {
                let reply = try await site.get(target)
                #expect(reply.status == 404, "\(target) → \(reply.status)")
                #expect(!reply.text.contains("base_url"), "\(target) leaked site.yml")
                #expect(!reply.text.contains("root:"), "\(target) leaked /etc/passwd")
            }
            // Absolute-form targets are not files either.
            let absolute = try await ServeClient.raw(port: site.port, Array("GET http://127.0.0.1/../site.yml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
            #expect(!String(decoding: absolute, as: UTF8.self).contains("base_url"))
        } catch {
            try await site.stop()
            throw error
        }
        try await site.stop()
    }

    @Test func servesTheSiteWithTypesFoldersAnd404() async throws {
        let site = try await ServedSite.start()
        do {
            let notFound = try await site.get("/finns-inte/")
            #expect(notFound.status == 404)
            #expect(notFound.text.contains("Sidan finns inte"), "the site's own 404 page")
            #expect(notFound.text.contains("/_samrad/livereload.js"))

            let folder = try await site.get("/moten")
            #expect(folder.status == 301)
            #expect(folder.header("location") == "/moten/")
            let doubled = try await site.get("//moten?x=1")
            #expect(doubled.header("location") == "/moten/?x=1", "never a protocol-relative redirect")

            for (path, type) in [
                ("/assets/style.css", "text/css; charset=utf-8"),
                ("/data/meetings.json", "application/json; charset=utf-8"),
                ("/feed.xml", "application/atom+xml; charset=utf-8"),
                ("/sitemap.xml", "application/xml; charset=utf-8"),
                ("/idebank/idebank.csv", "text/csv; charset=utf-8"),
                ("/_samrad/livereload.js", "text/javascript; charset=utf-8"),
                ("/index.html", "text/html; charset=utf-8"),
            ] {
                let reply = try await site.get(path)
                #expect(reply.status == 200, "\(path)")
                #expect(reply.header("content-type") == type, "\(path)")
                #expect(reply.header("cache-control") == "no-store", "\(path)")
            }

            let head = try await site.get("/", method: "HEAD")
            let getRoot = try await site.get("/")
            #expect(head.status == 200)
            #expect(head.header("content-length") == String(getRoot.body.count))
            let post = try await site.get("/", method: "POST")
            #expect(post.status == 405)
            #expect(post.header("allow") == "GET, HEAD")
        } catch {
            try await site.stop()
            throw error
        }
        try await site.stop()
    }

    @Test func oddClientsDoNotHurtTheServer() async throws {
        let site = try await ServedSite.start()
        do {
            // Garbage, a request that never ends, a huge header, a slow half-closed client.
            _ = try? await ServeClient.raw(port: site.port, Array("NONSENSE\r\n\r\n".utf8), timeout: 5)
            _ = try? await ServeClient.raw(port: site.port, Array(repeating: 0xFF, count: 10_000), timeout: 5)
            _ = try? await ServeClient.raw(port: site.port, Array("GET / HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 200_000))\r\n\r\n".utf8), timeout: 5)
            _ = try? await ServeClient.raw(port: site.port, Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8), timeout: 2, halfClose: true)
            let long = try await site.get("/" + String(repeating: "a/", count: 3000))
            #expect(long.status == 404)
            // Many live-reload streams opened and dropped.
            var streams: [EventStreamClient] = []
            for _ in 0..<40 { streams.append(try await EventStreamClient.connect(port: site.port)) }
            for stream in streams { stream.close() }
            // Pipelined requests on one connection.
            let pipelined = try await ServeClient.raw(port: site.port, Array("GET /assets/style.css HTTP/1.1\r\nHost: localhost\r\n\r\nGET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8))
            #expect(String(decoding: pipelined, as: UTF8.self).components(separatedBy: "HTTP/1.1 200").count == 3)
            // Still answering.
            let after = try await site.get("/")
            #expect(after.status == 200)
        } catch {
            try await site.stop()
            throw error
        }
        try await site.stop()
    }

    @Test func shutdownEndsStreamsAndFreesThePort() async throws {
        let site = try await ServedSite.start()
        let port = site.port
        let events = try await EventStreamClient.connect(port: port)
        defer { events.close() }
        let hello = try #require(try await events.next(timeout: 10))
        let started = ContinuousClock.now
        try await site.stop()
        #expect(ContinuousClock.now - started < .seconds(5), "shutdown waited for the live-reload stream")
        #expect(try await events.waitForClose(timeout: 5), "the live-reload stream was left open")

        // The port is free: a new server binds it, and a reconnecting tab sees a new version.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-serve-restart-\(UUID().uuidString)")
        for (path, text) in ServedSite.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        defer { try? FileManager.default.removeItem(at: root) }
        let again = PreviewServer(options: ServeOptions(site: root.path, port: port, search: false))
        let runner = Task { try await again.run() }
        let url = try await withTimeout(30) { try await again.ready() }
        #expect(url.port == port)
        let reconnected = try await EventStreamClient.connect(port: port)
        defer { reconnected.close() }
        let secondHello = try #require(try await reconnected.next(timeout: 10))
        #expect(secondHello.name == "hello")
        #expect(secondHello.data != hello.data, "a tab reconnecting after a restart must reload")
        await again.shutdown()
        try await withTimeout(15) { try await runner.value }
    }

    @Test func aPortInUseIsReported() async throws {
        let site = try await ServedSite.start()
        let second = PreviewServer(options: ServeOptions(site: site.root.path, port: site.port, watch: false, search: false))
        let runner = Task { try await second.run() }
        await #expect(throws: (any Error).self) { try await withTimeout(15) { try await second.ready() } }
        _ = try? await withTimeout(15) { try await runner.value }
        let still = try await site.get("/")
        #expect(still.status == 200, "the first server keeps serving")
        try await site.stop()
    }

    @Test func firstBuildBrokenStillShowsStyledErrors() async throws {
        var files = ServedSite.files
        files[ServedSite.meetingPath] = ServedSite.meeting(title: "Trasigt", date: "2024-13-45")
        let site = try await ServedSite.start(files: files)
        do {
            let page = try await site.get("/")
            #expect(page.status == 500)
            #expect(page.text.contains(ServedSite.meetingPath))
            let style = try await site.get("/assets/style.css")
            #expect(style.status == 200)
            #expect(style.header("content-type") == "text/css; charset=utf-8")

            let events = try await EventStreamClient.connect(port: site.port)
            defer { events.close() }
            _ = try await events.next(timeout: 10)
            try site.write(ServedSite.meetingPath, ServedSite.meeting(title: "Helt igen"))
            _ = try #require(try await nextEvent(events, named: "reload", timeout: 20))
            let meeting = try await site.get(Self.page)
            #expect(meeting.status == 200)
            #expect(meeting.text.contains("Helt igen"))
        } catch {
            try await site.stop()
            throw error
        }
        try await site.stop()
    }

    /// The rebuild step is one call: here a stand-in that records what it is told and is
    /// slow on every rebuild after the first, as a full build of a big site is.
    final class RecordingStep: RebuildStep, @unchecked Sendable {
        private let lock = NSLock()
        private var calls: [Set<String>?] = []
        var seen: [Set<String>?] { lock.lock(); defer { lock.unlock() }; return calls }
        private func record(_ changed: Set<String>?) -> Int {
            lock.lock()
            defer { lock.unlock() }
            calls.append(changed)
            return calls.count
        }
        func render(_ options: BuildOptions, changed: Set<String>?) async -> Pipeline.Rendered {
            let n = record(changed)
            if n > 1 { try? await Task.sleep(for: .seconds(30)) }
            return await FullRebuild().render(options, changed: changed)
        }
    }

    @Test func theRebuildStepIsSwappableAndASlowOneDoesNotHoldUpShutdown() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-serve-step-\(UUID().uuidString)")
        for (path, text) in ServedSite.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        defer { try? FileManager.default.removeItem(at: root) }
        let step = RecordingStep()
        let server = PreviewServer(options: ServeOptions(site: root.path, port: 0, search: false), step: step)
        let runner = Task { try await server.run() }
        _ = try await withTimeout(30) { try await server.ready() }
        try Data(ServedSite.meeting(title: "Ändrad").utf8).write(to: root.appendingPathComponent(ServedSite.meetingPath))
        let deadline = Date().addingTimeInterval(10)
        while step.seen.count < 2 && deadline.timeIntervalSinceNow > 0 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(step.seen.count == 2)
        #expect(step.seen.first == .some(nil), "the first build reads everything")
        #expect(step.seen.last == .some([ServedSite.meetingPath]))
        // Ctrl-C in the middle of a 30-second rebuild.
        let stopping = ContinuousClock.now
        await server.shutdown()
        try await withTimeout(10) { try await runner.value }
        #expect(ContinuousClock.now - stopping < .seconds(5))
    }

    @Test func aSaveThatChangesNothingSendsNoReload() async throws {
        let site = try await ServedSite.start()
        do {
            let events = try await EventStreamClient.connect(port: site.port)
            defer { events.close() }
            _ = try await events.next(timeout: 10)
            // Same bytes again (an editor's save without changes).
            try site.write(ServedSite.meetingPath, ServedSite.meeting(title: "Första samtalet"))
            let reload = try await nextEvent(events, named: "reload", timeout: 3)
            #expect(reload == nil)
            #expect(site.server.rebuilds.last?.unchanged == true)
        } catch {
            try await site.stop()
            throw error
        }
        try await site.stop()
    }
}
