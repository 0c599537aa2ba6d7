import ArgumentParser
import Foundation
import Samrad
import SamradCore

@main
struct SamradCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samrad",
        abstract: "Builds a knowledge portal from Markdown records of dialogue meetings.",
        subcommands: [Build.self, Check.self],
        defaultSubcommand: Build.self
    )
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The folder holding site.yml, content/ and templates/.")
    var site: String = "."
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into public/ (atomically).")

    @OptionGroup var siteOptions: SiteOptions
    @Option(name: .long, help: "Output folder (default: <site>/public).")
    var output: String?
    @Flag(name: .long, help: "Include drafts.")
    var drafts = false
    @Option(name: .customLong("base-url"), help: "Override base_url from site.yml.")
    var baseURL: String?
    @Flag(name: .customLong("no-search"), help: "Skip the Pagefind search index.")
    var noSearch = false

    func run() throws {
        let options = BuildOptions(site: siteOptions.site, output: output, includeDrafts: drafts, baseURL: baseURL, search: !noSearch)
        let report = Pipeline.build(options) { message in Terminal.progress(message) }
        Terminal.report(report.diagnostics)
        if let warning = report.searchWarning { Terminal.error("warning: \(warning)") }
        if report.hasErrors {
            Terminal.error("build failed: \(Terminal.counts(report)); \(options.outputPath) was left unchanged")
            throw ExitCode(1)
        }
        Terminal.out("built \(report.meetings) meetings into \(report.pages) pages (\(report.files) files) in \(Terminal.seconds(report.seconds)) → \(options.outputPath)\(report.searchIndexed ? ", with search" : "")")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the site without writing anything; exit 1 on errors.")

    @OptionGroup var siteOptions: SiteOptions
    @Flag(name: .long, help: "Include drafts.")
    var drafts = false

    func run() throws {
        let report = Pipeline.check(BuildOptions(site: siteOptions.site, includeDrafts: drafts, search: false))
        Terminal.report(report.diagnostics)
        Terminal.out("checked \(report.meetings) meetings: \(Terminal.counts(report))")
        if report.hasErrors { throw ExitCode(1) }
    }
}

enum Terminal {
    static func out(_ s: String) { Swift.print(s) }
    static func error(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
    static func progress(_ s: String) { error(s) }

    static func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { error(d.description) }
    }

    static func counts(_ r: BuildReport) -> String {
        let e = r.errors.count, w = r.warnings.count
        return "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
    }

    static func seconds(_ s: Double) -> String {
        s < 1 ? "\(Int(s * 1000)) ms" : String(Int(s * 10) / 10) + "." + String(Int(s * 10) % 10) + " s"
    }
}
