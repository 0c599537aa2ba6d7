import ArgumentParser
import Foundation
import SamradCore
import SamradServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site (drafts included) on a local web server; rebuilds and reloads the browser on every save."
    )

    @OptionGroup var siteOptions: SiteOptions
    @Option(name: .long, help: "Address to listen on (127.0.0.1: this machine only).")
    var host: String = "127.0.0.1"
    @Option(name: .long, help: "Port to listen on (0: any free port).")
    var port: Int = 8080
    @Option(name: .customLong("allow-host"), help: "A further name the preview answers to (it answers to its address and localhost; other names are refused against DNS rebinding). Repeatable.")
    var allowHost: [String] = []
    @Flag(name: .long, help: "Open the preview in the default browser.")
    var open = false
    @Flag(name: .customLong("no-search"), help: "Skip the Pagefind search index.")
    var noSearch = false
    @Option(
        name: .long, defaultAsFlag: WatchMode.defaultPollMilliseconds,
        help: ArgumentHelp(
            "Notice saves by polling every MS milliseconds instead of inotify: for WSL's /mnt/c, network shares and bind mounts, whose saves send no inotify events. Without it, polling starts by itself when inotify cannot be set up.",
            valueName: "MS"
        )
    )
    var poll: Int? = nil

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let poll, !(10...60_000).contains(poll) {
            throw ValidationError("--poll must be between 10 and 60000 milliseconds")
        }
    }

    func run() async throws {
        let mode: WatchMode = poll.map { .poll(interval: .milliseconds($0)) } ?? .automatic
        var options = ServeOptions(site: siteOptions.site, host: host, port: port, watchMode: mode, search: !noSearch)
        options.allowedHosts = allowHost
        // Only an explicit --lang or SAMRAD_LANG: otherwise each build says its site's words.
        if siteOptions.lang != nil || ProcessInfo.processInfo.environment["SAMRAD_LANG"]?.isEmpty == false {
            options.words = try Terminal.words(siteOptions.lang, site: .swedish)
        }
        let server = PreviewServer(options: options) { message in
            switch message {
            case .info(let text): Self.say(text)
            case .diagnostic(let d): Terminal.error(d.description)
            case .warning(let text): Terminal.error("warning: \(text)")
            }
        }
        let open = self.open
        let announce = Task {
            guard let url = try? await server.ready() else { return }
            Self.say(server.words.text("serve_listening", ["url": url.absoluteString]))
            if open { Self.openBrowser(url, server.words) }
        }
        defer { announce.cancel() }
        do {
            try await server.runUntilSignalled()
        } catch {
            Terminal.error("error: " + server.words.text("serve_cannot_listen", ["host": host, "port": String(port), "reason": "\(error)"]))
            throw ExitCode(1)
        }
        Self.say(server.words["serve_stopped"])
    }

    /// A line on stdout, flushed at once: the server runs for long, often with its output piped.
    static func say(_ text: String) {
        Terminal.out(text)
        fflush(nil)
    }

    static func openBrowser(_ url: URL, _ t: Catalogue) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { Terminal.error("warning: " + t.text("serve_no_browser", ["reason": error.localizedDescription])) }
    }
}
