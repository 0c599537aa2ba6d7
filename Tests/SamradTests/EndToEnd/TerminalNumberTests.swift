import Foundation
import Testing
@testable import Samrad
@testable import SamradCore
@testable import SamradImport

/// Counts and durations in what the commands print are grouped and written with the
/// decimal sign of the language's catalogue: "5 468 sidor … på 11,8 s" in Swedish,
/// "5,468 pages … in 11.8 s" in English, never a count half grouped or a Swedish
/// decimal point.
@Suite("numbers in the terminal")
struct TerminalNumberTests {
    static let nbsp = "\u{00A0}"

    @Test func decimalsUseTheLanguagesSignAndGrouping() {
        let sv = Catalogue.swedish, en = Catalogue.english
        #expect(sv.decimal(11.84) == "11,8")
        #expect(en.decimal(11.84) == "11.8")
        #expect(sv.decimal(1234.56) == "1\(Self.nbsp)234,6")
        #expect(en.decimal(1234.56) == "1,234.6")
        #expect(sv.decimal(0.05, digits: 2) == "0,05")
        #expect(en.decimal(2, digits: 0) == "2")
        #expect(sv.decimal(-3.25) == "-3,3")
        #expect(sv.decimal(.nan) == "0")
    }

    @Test func durationsSayMillisecondsOrSeconds() {
        let sv = Catalogue.swedish, en = Catalogue.english
        #expect(sv.duration(0.85) == "850 ms")
        #expect(en.duration(0.0004) == "0 ms")
        #expect(sv.duration(0.9996) == "1,0 s", "rounded up to a second: said in seconds")
        #expect(sv.duration(11.8) == "11,8 s")
        #expect(en.duration(11.8) == "11.8 s")
        #expect(sv.duration(1834.25) == "1\(Self.nbsp)834,3 s")
        #expect(en.duration(1834.25) == "1,834.3 s")
        #expect(sv.duration(-1) == "0 ms")
    }

    /// A diagnostic's `x_number` value is grouped when said, in the reader's language.
    @Test func diagnosticNumbersAreGrouped() throws {
        for language in ["sv", "en"] {
            let site = try SiteFolder(SiteFolder.minimal.merging(["site.yml": "title: T\nbase_url: https://example.org/\nlanguage: \(language)\n"]) { _, new in new })
            defer { site.cleanup() }
            let other = site.root.appendingPathComponent("annat")
            try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
            for i in 0..<1234 { FileManager.default.createFile(atPath: other.appendingPathComponent("f\(i).txt").path, contents: Data()) }
            let report = site.build(output: other.path)
            let text = try #require(report.diagnostics.first { $0.key == "diag_output_not_samrads" }?.description(in: report.catalogue))
            #expect(text.contains(language == "sv" ? "den innehåller 1\(Self.nbsp)234 poster" : "it holds 1,234 entries"), "\(text)")
        }
    }

    @Test func theImportReportSaysItsTimeInTheLanguage() {
        let report = ImportReport(file: "m.pdf", folder: "content/meetings/2024-05-03-m", files: ["content/meetings/2024-05-03-m/index.md"],
                                  title: "M", date: "2024-05-03", kind: nil, type: nil, seconds: 11.84, recognised: ImportCounts(),
                                  unmatchedParticipants: [], unsure: [], dropped: [], themeSuggestions: [])
        let sv = report.text(in: .swedish), en = report.text(in: .english)
        #expect(sv.hasPrefix("m.pdf → content/meetings/2024-05-03-m/ (index.md) på 11,8 s\n"), "\(sv)")
        #expect(en.hasPrefix("m.pdf → content/meetings/2024-05-03-m/ (index.md) in 11.8 s\n"), "\(en)")
    }
}

extension CommandLineTests {
    /// The last line of `samrad build`: every count grouped, the time with the language's
    /// decimal sign ("på 1,4 s", "in 1.4 s", or whole milliseconds).
    @Test(.enabled(if: CommandLineTests.binary != nil))
    func buildLineWritesNumbersInTheLanguage() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let sv = try run(["build", "--site", site.path, "--no-search"])
        #expect(sv.status == 0, "\(sv.err)")
        #expect(sv.out.contains(/byggde \d+ dokument till \d+ sidor \(\d+ filer\) på (\d+ ms|\d+,\d s) →/), "\(sv.out)")
        let en = try run(["build", "--site", site.path, "--no-search", "--lang", "en"])
        #expect(en.out.contains(/built \d+ \w+ into \d+ pages \(\d+ files\) in (\d+ ms|\d+\.\d s) →/), "\(en.out)")
    }
}
