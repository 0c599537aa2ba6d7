import Foundation
import Testing

/// `samrad serve` as a process: the polling watcher chosen with `--poll` or by itself
/// when inotify cannot be set up, and `samrad --version`.
@Suite("the samrad serve command", .serialized)
struct ServeCommandTests {
    /// A running `samrad serve`; stdout and stderr collected as they come.
    final class Served: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var out = "", err = ""
        var stdout: String { lock.lock(); defer { lock.unlock() }; return out }
        var stderr: String { lock.lock(); defer { lock.unlock() }; return err }

        init(_ arguments: [String], environment: [String: String] = [:]) throws {
            process.executableURL = try #require(CommandLineTests.binary, "build the samrad product first (swift build)")
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            let o = Pipe(), e = Pipe()
            process.standardOutput = o
            process.standardError = e
            for (pipe, isErr) in [(o, false), (e, true)] {
                pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                    let data = handle.availableData
                    if data.isEmpty { handle.readabilityHandler = nil } else { self?.append(data, toErr: isErr) }
                }
            }
            try process.run()
        }

        private func append(_ data: Data, toErr: Bool) {
            lock.lock()
            if toErr { err += String(decoding: data, as: UTF8.self) } else { out += String(decoding: data, as: UTF8.self) }
            lock.unlock()
        }

        /// The preview's port, once it says where it serves.
        func port(timeout: Double = 60) async throws -> Int {
            let deadline = Date().addingTimeInterval(timeout)
            while deadline.timeIntervalSinceNow > 0 && process.isRunning {
                if let range = stdout.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                    let port = stdout[range].dropFirst("http://127.0.0.1:".count).dropLast()
                    return Int(port) ?? 0
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            throw ServeClient.Failure(description: "the preview did not start: \(stdout) \(stderr)")
        }

        func stop() {
            if process.isRunning {
                process.interrupt()
                process.waitUntilExit()
            }
        }
    }

    func makeSite() throws -> SiteFolder {
        try SiteFolder(ServedSite.files)
    }

    @Test(.enabled(if: CommandLineTests.binary != nil))
    func withoutInotifyItPollsByItselfSaysSoAndReloadsAfterEachSave() async throws {
        let site = try makeSite()
        defer { site.cleanup() }
        let served = try Served(["serve", "--site", site.path, "--port", "0", "--no-search"], environment: ["SAMRAD_TEST_NO_INOTIFY": "1"])
        defer { served.stop() }
        let port = try await served.port()
        #expect(served.stderr.contains("warning: inotify är avstängt (SAMRAD_TEST_NO_INOTIFY=1); letar i stället efter ändringar med 250 ms mellanrum"), "a Swedish site hears Swedish: \(served.stderr)")

        let events = try await EventStreamClient.connect(port: port)
        defer { events.close() }
        _ = try #require(try await nextEvent(events, named: "hello", timeout: 10))
        // How fast a save reaches the browser is measured by Benchmarks/preview_latency.py
        // (POLL=1), not here: a wall-clock bound in a test fails on a busy machine. The
        // generous timeout only tells "no reload at all" from "a reload".
        for round in 1...3 {
            let title = "Sparat \(round) gången"
            try site.write(ServedSite.meetingPath, ServedSite.meeting(title: title))
            _ = try #require(try await nextEvent(events, named: "reload", timeout: 10), "no reload after save \(round)")
            let page = try await ServeClient.get(port: port, ServeIntegrationTests.page)
            #expect(page.text.contains(title))
            try await Task.sleep(for: .milliseconds(300))
        }
    }

    @Test(.enabled(if: CommandLineTests.binary != nil))
    func pollWithAnIntervalSaysSoAndRefusesNonsense() async throws {
        let site = try makeSite()
        defer { site.cleanup() }
        let served = try Served(["serve", "--site", site.path, "--port", "0", "--no-search", "--poll=120"])
        defer { served.stop() }
        let port = try await served.port()
        #expect(served.stdout.contains("letar efter ändringar med 120 ms mellanrum"))
        #expect(!served.stderr.contains("inotify"))
        let events = try await EventStreamClient.connect(port: port)
        defer { events.close() }
        _ = try #require(try await nextEvent(events, named: "hello", timeout: 10))
        try site.write("content/pages/om.md", "---\ntitle: Om portalen\n---\n\nText.\n")
        _ = try #require(try await nextEvent(events, named: "reload", timeout: 10), "a new file is seen by polling")
        served.stop()

        let bare = try Served(["serve", "--site", site.path, "--port", "0", "--no-search", "--poll"])
        defer { bare.stop() }
        _ = try await bare.port()
        #expect(bare.stdout.contains("letar efter ändringar med 250 ms mellanrum"))
        bare.stop()

        let wrong = try Served(["serve", "--site", site.path, "--poll=0"])
        wrong.process.waitUntilExit()
        #expect(wrong.process.terminationStatus != 0)
        try await Task.sleep(for: .milliseconds(100))
        #expect(wrong.stderr.contains("--poll must be between 10 and 60000 milliseconds"))
    }

    @Test(.enabled(if: CommandLineTests.binary != nil))
    func versionSaysItIsADevelopmentBuild() async throws {
        let run = try Served(["--version"])
        run.process.waitUntilExit()
        try await Task.sleep(for: .milliseconds(100))
        #expect(run.process.terminationStatus == 0)
        #expect(run.stdout.hasPrefix("samrad 0."))
        #expect(run.stdout.contains("-dev (a development build"))
    }
}
