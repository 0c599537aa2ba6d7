import ArgumentParser
import Foundation
import Samrad
import SamradCore
import SamradImport

/// `samrad import FILE...`: thin wrapper around `Importer` (Sources/SamradImport).
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn PDF, Word (.docx), OpenDocument (.odt) or text files into draft meetings.",
        discussion: """
        Writes content/meetings/<slug>/index.md (and postits.md for a post-it appendix), all \
        marked draft: true. Never overwrites a meeting; if any file fails, nothing is written. \
        Needs pdftotext (Debian: poppler-utils) for PDF and pandoc for Word/ODT.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The documents to import.")
    var files: [String]
    @OptionGroup var siteOptions: SiteOptions
    @Option(name: .long, help: "The meeting's folder name (one file only). Default: <date>-<title>.")
    var slug: String?
    @Option(name: .long, help: "The date as YYYY-MM-DD or YYYY-MM, instead of the one found in the document.")
    var date: String?
    @Option(name: .long, help: "The kind label (dialogmöte, samverkansforum, seminarium …).")
    var kind: String?
    @Flag(name: .customLong("dry-run"), help: "Convert and report, but write nothing.")
    var dryRun = false
    @Option(name: .long, help: "Report format: text or json.")
    var format: Format = .text

    func run() throws {
        let t = try Terminal.words(siteOptions.lang, site: SiteWords.of(site: siteOptions.site))
        // The drafts' notes are the site's content: in its language, whatever --lang says.
        let outcome = Importer.run(ImportRequest(files: files, site: siteOptions.site, slug: slug, date: date,
                                                 kind: kind, dryRun: dryRun, words: SiteWords.of(site: siteOptions.site)))
        for (file, failure) in outcome.failures {
            Terminal.error("\(file): error: \(failure.message(in: t))")
        }
        switch format {
        case .text:
            for report in outcome.reports { Terminal.out(report.text(in: t)) }
            if dryRun {
                for (path, text) in outcome.contents.sorted(by: { $0.key < $1.key }) {
                    Terminal.out(t.text("import_not_written", ["path": path, "text": text]))
                }
            } else if outcome.wrote {
                Terminal.out(t.text("import_wrote", ["meetings": t.count(outcome.reports.count, "import_count_draft"), "site": siteOptions.site]))
            }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            struct Output: Encodable {
                var written: Bool
                var dryRun: Bool
                var reports: [ImportReport]
                var errors: [[String: String]]
            }
            let out = Output(written: outcome.wrote, dryRun: dryRun, reports: outcome.reports,
                             errors: outcome.failures.map { ["file": $0.file, "message": $0.failure.message(in: t)] })
            if let data = try? encoder.encode(out) { Terminal.out(String(decoding: data, as: UTF8.self)) }
        }
        if !outcome.failures.isEmpty {
            if !outcome.reports.isEmpty { Terminal.error(t["import_nothing_written"]) }
            throw ExitCode(1)
        }
    }
}
