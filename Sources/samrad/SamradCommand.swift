import ArgumentParser
import Foundation
import Samrad
import SamradCore

@main
struct SamradCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samrad",
        abstract: "Builds a knowledge portal from Markdown records of dialogue meetings.",
        version: Version.text,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Init.self, Import.self, Templates.self],
        defaultSubcommand: Build.self
    )
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The folder holding site.yml, content/ and templates/.")
    var site: String = "."
    @Option(name: .long, help: "The language of the messages: sv or en (default: SAMRAD_LANG, else the site's language).")
    var lang: String?
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
        Pipeline.removeStagingOnSignals()
        // The progress lines come before the site is parsed: its site.yml says the language.
        let early = try Terminal.words(siteOptions.lang, site: SiteWords.of(site: siteOptions.site))
        var model: [AnyObject] = []
        let report = Pipeline.build(options, progress: { key, values in Terminal.progress(early.say(key, values)) }, keep: { model.append($0) })
        let t = try Terminal.words(siteOptions.lang, site: report.catalogue)
        Terminal.report(report.diagnostics, t)
        if let warning = report.searchWarning { Terminal.error(warning.description(in: t)) }
        if report.hasErrors {
            // "left unchanged" about a folder that does not exist would send the reader looking for it.
            let kept = FileManager.default.fileExists(atPath: options.outputPath)
                ? t.text("cli_output_kept", ["path": options.outputPath]) : t["cli_nothing_written"]
            Terminal.error(t.text("cli_build_failed", ["counts": Terminal.counts(report, t), "kept": kept]))
            throw ExitCode(1)
        }
        Terminal.out(t.text("cli_built", [
            "meetings": t.count(report.meetings, "cli_count_document"), "pages": t.number(report.pages), "files": t.number(report.files),
            "seconds": t.duration(report.seconds), "path": options.outputPath, "search": report.searchIndexed ? t["cli_with_search"] : "",
        ]))
        if let binary = report.searchBinary { Terminal.out(t.text("cli_search_indexed", ["binary": binary])) }
        // The model is hundreds of MiB of small objects at thousands of meetings; freeing
        // them one by one took a tenth of the build. The process ends here anyway.
        withExtendedLifetime(model) { Foundation.exit(0) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the site without writing anything; exit 1 on errors.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var siteOptions: SiteOptions
    @Flag(name: .long, help: "Include drafts.")
    var drafts = false
    @Option(name: .long, help: "Output format: text (compiler-style) or json.")
    var format: Format = .text

    func run() throws {
        let report = Pipeline.check(BuildOptions(site: siteOptions.site, includeDrafts: drafts, search: false))
        let t = try Terminal.words(siteOptions.lang, site: report.catalogue)
        switch format {
        case .text:
            Terminal.report(report.diagnostics, t)
            for line in DiagnosticReport.unlistedLines(report, t) { Terminal.error(line) }
            Terminal.out(t.text("cli_checked", ["meetings": t.count(report.meetings, "cli_count_document"), "counts": Terminal.counts(report, t)]))
        case .json:
            Terminal.out(DiagnosticReport.json(report, t))
        }
        if report.hasErrors { throw ExitCode(1) }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create new content from a template.", subcommands: [NewMeeting.self, NewPage.self])
}

struct NewMeeting: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meeting", abstract: "Create content/meetings/<date>-<slug>/index.md.")

    @Argument(help: "The meeting's title.")
    var title: String
    @Option(name: .long, help: "Date as YYYY-MM-DD, or YYYY-MM / YYYY when the day is not known (default: today).")
    var date: String?
    @Option(name: .long, help: "The address part of the folder (default: made from the title).")
    var slug: String?
    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        let t = try Terminal.words(siteOptions.lang, site: SiteWords.of(site: siteOptions.site))
        let day: ISODate
        if let date {
            guard let parsed = ISODate.partial(date) else {
                Terminal.error("error: " + t.text("cli_not_a_date", ["date": date]))
                throw ExitCode(1)
            }
            day = parsed
        } else {
            day = Terminal.today
        }
        do {
            let path = try Scaffold.newMeeting(site: siteOptions.site, title: title, date: day, slug: slug)
            Terminal.out(t.text("cli_created_draft", ["path": path]))
        } catch {
            Terminal.failed(error, t)
        }
    }
}

struct NewPage: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "page", abstract: "Create content/pages/<slug>.md, a free page such as 'Om oss' at /<slug>/.")

    @Argument(help: "The page's title.")
    var title: String
    @Option(name: .long, help: "The page's address (default: made from the title).")
    var slug: String?
    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        let t = try Terminal.words(siteOptions.lang, site: SiteWords.of(site: siteOptions.site))
        do {
            let path = try Scaffold.newPage(site: siteOptions.site, title: title, slug: slug)
            Terminal.out(t.text("cli_created_draft", ["path": path]))
        } catch {
            Terminal.failed(error, t)
        }
    }
}

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy default templates into templates/ to edit them (all, or the ones named).",
        discussion: "A copy in templates/ overrides the built-in template of the same name; delete it to go back. Without names (or with the name i18n) it also writes i18n/<language>.yml, the site's words with every line commented out: uncomment a line to change that word. Existing files are never overwritten.")

    @Argument(help: "Template names, e.g. meeting, partials/question, assets/style.css, i18n (default: all).")
    var names: [String] = []
    @Flag(name: .long, help: "List the template names and copy nothing.")
    var list = false
    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        if list {
            for name in Scaffold.templateNames + [Scaffold.catalogueName] { Terminal.out(name) }
            return
        }
        let t = try Terminal.words(siteOptions.lang, site: SiteWords.of(site: siteOptions.site))
        do {
            let written = try Scaffold.copyTemplates(site: siteOptions.site, names: names)
            if written.isEmpty {
                Terminal.out(t["cli_templates_none_copied"])
            } else {
                for path in written { Terminal.out(t.text("cli_created", ["path": path])) }
            }
        } catch {
            Terminal.failed(error, t)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new site that builds as it is (templates stay built in; see 'samrad templates').")

    @Argument(help: "The folder to create.")
    var directory: String
    @Option(name: .long, help: "The language of the messages: sv or en (default: SAMRAD_LANG, else sv, the new site's).")
    var lang: String?

    func run() throws {
        // The new site is Swedish, so its messages are too unless asked otherwise.
        let t = try Terminal.words(lang, site: .swedish)
        do {
            let files = try Scaffold.initSite(directory)
            Terminal.out(t.text("cli_init_done", ["files": t.count(files.count, "cli_count_file"), "path": directory]))
        } catch {
            Terminal.failed(error, t)
        }
    }
}

enum Terminal {
    static func out(_ s: String) { Swift.print(s) }
    static func error(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
    /// Progress lines go to a terminal only: logs and scripts get the result, not the steps.
    static func progress(_ s: String) {
        if isatty(STDERR_FILENO) != 0 { error(s) }
    }

    /// `path:line:col: error: message`, the message in the words of `t`.
    static func report(_ diagnostics: [Diagnostic], _ t: Catalogue) {
        for d in diagnostics { error(d.description(in: t)) }
    }

    /// The language messages are said in: `--lang`, else `SAMRAD_LANG`, else the site's.
    static func words(_ option: String?, site: Catalogue) throws -> Catalogue {
        let asked = option ?? ProcessInfo.processInfo.environment["SAMRAD_LANG"].flatMap { $0.isEmpty ? nil : $0 }
        guard let asked else { return site }
        guard let catalogue = Catalogue.builtIn(asked) else {
            error("error: " + site.text("cli_unknown_lang", ["lang": asked, "languages": Catalogue.builtInLanguages.joined(separator: " \(site["list_or"]) ")]))
            throw ExitCode(2)
        }
        return catalogue
    }

    /// `error: <why>` in the words of `t` (a scaffold failure is keyed; any other error
    /// says its own text), then exit 1.
    static func failed(_ failure: Error, _ t: Catalogue) -> Never {
        let text = (failure as? Scaffold.Failure)?.message(in: t) ?? t.text("cli_failed", ["reason": "\(failure)"])
        error("error: " + text)
        Foundation.exit(1)
    }

    /// "1 error, 2 warnings" / "1 fel, 2 varningar".
    static func counts(_ r: BuildReport, _ t: Catalogue) -> String {
        t.text("cli_counts", ["errors": t.count(r.errors.count, "cli_count_error"), "warnings": t.count(r.warnings.count, "cli_count_warning")])
    }

    static var today: ISODate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return ISODate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? ISODate("2000-01-01")!
    }
}
