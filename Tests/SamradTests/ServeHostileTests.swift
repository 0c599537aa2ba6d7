#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import SamradServe

/// Cases hostile/serve-accepts-any-host and serve-attachment-in-ram (Fixtures/hostile):
/// the preview is a web server on the editor's machine, reachable from any page the
/// editor's browser opens.
@Suite("serve: hostile requests", .serialized)
struct ServeHostileTests {
    static let draftPath = "content/meetings/2024-06-01-hemligt.md"
    static var files: [String: String] {
        var files = ServedSite.files
        files[draftPath] = "---\ntitle: Hemligt utkast\ndate: 2024-06-01\ndraft: true\n---\n\nOpublicerat.\n"
        return files
    }

    func request(_ site: ServedSite, _ head: String) async throws -> ServeClient.Reply {
        let bytes = try await ServeClient.raw(port: site.port, Array((head + "Connection: close\r\n\r\n").utf8))
        return try ServeClient.parse(bytes, head: head.hasPrefix("HEAD"))
    }

    @Test func onlyItsOwnNamesAreAnswered() async throws {
        let site = try await ServedSite.start(files: Self.files)
        do {
            let draft = "/moten/2024-06-01-hemligt/"
            for host in ["evil.example", "attacker.example:\(site.port)", "127.0.0.1.nip.io:\(site.port)", ""] {
                let reply = try await request(site, "GET \(draft) HTTP/1.1\r\nHost: \(host)\r\n")
                #expect(reply.status == 421, "Host '\(host)' got \(reply.status)")
                #expect(!reply.text.contains("Hemligt utkast"))
            }
            let events = try await request(site, "GET /_samrad/events HTTP/1.1\r\nHost: evil.example\r\n")
            #expect(events.status == 421)
            for host in ["127.0.0.1:\(site.port)", "localhost:\(site.port)", "LOCALHOST", "[::1]:\(site.port)"] {
                let reply = try await request(site, "GET \(draft) HTTP/1.1\r\nHost: \(host)\r\n")
                #expect(reply.status == 200, "Host '\(host)' got \(reply.status)")
                #expect(reply.text.contains("Hemligt utkast"))
            }
        } catch { try await site.stop(); throw error }
        try await site.stop()
    }

    @Test func hostNamesAreMatchedWithoutPortAndCase() {
        let check = HostCheck(bound: "127.0.0.1", allowed: ["Portal.Local"])
        #expect(check.allows("portal.local:8080"))
        #expect(check.allows("10.0.0.7"), "an IP address cannot be rebound")
        #expect(check.allows("[fe80::1]:80"))
        #expect(!check.allows("evil.example"))
        #expect(!check.allows("1.2.3.4.evil.example"))
        #expect(!check.allows("localhost.evil.example"))
        #expect(!check.allows(nil))
        #expect(HostCheck(bound: "dator.local").allows("dator.local:8080"))
    }

    @Test func byteRangesAreReadAsRFC9110Says() {
        typealias R = PreviewResponder
        #expect(R.byteRange(nil, size: 1000) == .whole)
        #expect(R.byteRange("bytes=0-99", size: 1000) == .part(0...99))
        #expect(R.byteRange("bytes=990-2000", size: 1000) == .part(990...999))
        #expect(R.byteRange("bytes=500-", size: 1000) == .part(500...999))
        #expect(R.byteRange("bytes=-100", size: 1000) == .part(900...999))
        #expect(R.byteRange("bytes=-5000", size: 1000) == .part(0...999))
        #expect(R.byteRange("bytes=1000-", size: 1000) == .unsatisfiable)
        #expect(R.byteRange("bytes=0-1,5-6", size: 1000) == .whole)
        #expect(R.byteRange("bytes=x-y", size: 1000) == .whole)
        #expect(R.byteRange("items=0-1", size: 1000) == .whole)
    }

    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// A recording of a gigabyte (sparse: no disk used) is sent from disk, in ranges.
    @Test func attachmentsAreStreamedWithRanges() async throws {
        var files = ServedSite.files
        files["content/meetings/2024-06-02-inspelat/index.md"] = "---\ntitle: Inspelat\ndate: 2024-06-02\n---\n\nSe inspelningen.\n"
        let site = try await ServedSite.start(files: files)
        do {
            let size = 1 << 30
            let recording = site.root.appendingPathComponent("content/meetings/2024-06-02-inspelat/inspelning.mp4")
            FileManager.default.createFile(atPath: recording.path, contents: nil)
            let handle = try FileHandle(forWritingTo: recording)
            try handle.truncate(atOffset: UInt64(size))
            try handle.seek(toOffset: UInt64(size - 4))
            try handle.write(contentsOf: Data("SLUT".utf8))
            try handle.close()
            let before = Self.residentBytes()
            let path = "/moten/2024-06-02-inspelat/inspelning.mp4"
            var head = try await request(site, "HEAD \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            let deadline = Date().addingTimeInterval(30)
            while head.status != 200 && deadline.timeIntervalSinceNow > 0 {
                try await Task.sleep(for: .milliseconds(200))
                head = try await request(site, "HEAD \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            }
            #expect(head.status == 200)
            #expect(head.header("content-length") == String(size))
            #expect(head.header("accept-ranges") == "bytes")
            #expect(head.header("content-security-policy") == "sandbox")
            let tail = try await request(site, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=-4\r\n")
            #expect(tail.status == 206)
            #expect(tail.text == "SLUT")
            #expect(tail.header("content-range") == "bytes \(size - 4)-\(size - 1)/\(size)")
            let middle = try await request(site, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=1000-1099\r\n")
            #expect(middle.status == 206)
            #expect(middle.body.count == 100)
            let beyond = try await request(site, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=\(size)-\r\n")
            #expect(beyond.status == 416)
            #expect(beyond.header("content-range") == "bytes */\(size)")
            let grown = Self.residentBytes() - before
            #expect(grown < 256 << 20, "the preview grew by \(grown >> 20) MiB for a 1 GiB attachment")
        } catch { try await site.stop(); throw error }
        try await site.stop()
    }

    /// An active kind a site chose to publish is sent as it is, sandboxed, and without the
    /// preview's script.
    @Test func publishedSVGIsSandboxedAndNotInjected() async throws {
        var files = ServedSite.files
        files["site.yml"] = (files["site.yml"] ?? "") + "attachments:\n  allow: [svg]\n"
        files["content/meetings/2024-06-03-bild/index.md"] = "---\ntitle: Bild\ndate: 2024-06-03\n---\n\nText.\n"
        files["content/meetings/2024-06-03-bild/figur.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>\n"
        let site = try await ServedSite.start(files: files)
        do {
            let reply = try await site.get("/moten/2024-06-03-bild/figur.svg")
            #expect(reply.status == 200)
            #expect(reply.header("content-security-policy") == "sandbox")
            #expect(!reply.text.contains("livereload"))
        } catch { try await site.stop(); throw error }
        try await site.stop()
    }
}
