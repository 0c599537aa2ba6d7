import Foundation
import Testing
@testable import Samrad
@testable import SamradRender

/// csv-excel-swedish-locale: the idea bank as a workbook that opens in columns whatever
/// the reader's list separator, read back with LibreOffice as a reader's spreadsheet
/// program would open it; the comma CSV stays for tools.
@Suite("the idea bank as a spreadsheet")
struct SpreadsheetTests {
    static let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The cells of the first sheet of `file`, as LibreOffice reads them (exported to
    /// UTF-8 CSV and parsed here).
    static func cellsWithLibreOffice(_ file: URL) throws -> [[String]] {
        let soffice = try #require(soffice, "LibreOffice is not installed: run scripts/setup.sh --test")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        // A profile of its own, so that a LibreOffice already running elsewhere does not
        // take the job; 44,34,76 = comma, double quote, UTF-8.
        process.arguments = ["-env:UserInstallation=file://\(out.path)/profile", "--headless",
                             "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", out.path, file.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let csv = out.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".csv")
        let data = try #require(FileManager.default.contents(atPath: csv.path), "LibreOffice did not convert \(file.lastPathComponent)")
        return parseCSV(String(decoding: data, as: UTF8.self))
    }

    /// RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, i = text.unicodeScalars.startIndex
        let s = text.unicodeScalars
        while i < s.endIndex {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    let next = s.index(after: i)
                    if next < s.endIndex, s[next] == "\"" { field.unicodeScalars.append("\""); i = next } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(field); field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", s.index(after: i) < s.endIndex, s[s.index(after: i)] == "\n" { i = s.index(after: i) }
                row.append(field); rows.append(row); row = []; field = ""
            } else if c != "\u{FEFF}" { field.unicodeScalars.append(c) }
            i = s.index(after: i)
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test func workbookOpensInColumnsWithEveryCellAsWritten() throws {
        let site = try SiteFolder(case: "csv-excel-swedish-locale")
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let cells = try Self.cellsWithLibreOffice(URL(fileURLWithPath: site.output + "/idebank/idebank.xlsx"))
        #expect(cells.first == ["id", "möte", "datum", "kategori", "text", "teman", "länk"])
        let texts = cells.dropFirst().map { $0.count > 4 ? $0[4] : "" }
        // Text stays text: nothing became a formula, a number or a date.
        #expect(texts == [
            "=HYPERLINK(\"https://example.com/?d=1\";\"Klicka här\")", "=1+1", "+46 8 123 45 67 är numret till samordnaren",
            "@kommunen borde bjuda in oftare", "-20 % i budget vore en katastrof", "Första raden andra raden på samma lapp",
            "Se guiden för mer", "Lapp med \"citat\", komma och semikolon; här",
        ])
        let first = try #require(cells.dropFirst().first)
        #expect(first.count == 7, "one cell per column")
        #expect(first[1] == "Workshop, med idéer")
        #expect(first[2] == "2024-11-05")
        #expect(first[6].hasPrefix("https://example.org/portal/moten/2024-11-05-workshop/#postit-"))

        // The comma CSV for tools is still RFC 4180 with a BOM.
        let csv = try #require(FileManager.default.contents(atPath: site.output + "/idebank/idebank.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = Self.parseCSV(String(decoding: csv, as: UTF8.self))
        #expect(rows.first == ["id", "möte", "datum", "kategori", "text", "teman", "länk"])
        #expect(rows.count == cells.count)

        // Offered on the idea bank page, labelled for what it opens in.
        let page = try #require(site.read("idebank/index.html"))
        #expect(page.contains("href=\"/portal/idebank/idebank.xlsx\""))
        #expect(page.contains("Excel och LibreOffice"))
    }

    /// The sheet's cells, written piece by piece: bold header row, one inline string a
    /// cell, references past Z (AA), ragged rows.
    @Test func sheetCellsAreWrittenExactly() throws {
        let header = (0 ..< 27).map { "h\($0)" }
        let sheet = try #require(Workbook.parts(sheet: "S", rows: [header, ["å & <x>"], []]).last)
        #expect(sheet.0 == "xl/worksheets/sheet1.xml")
        let headerCells = header.enumerated().map { c, name in
            "<c r=\"\(Workbook.column(c))1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(name)</t></is></c>"
        }.joined()
        let expected = "<sheetData><row r=\"1\">\(headerCells)</row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">å &amp; &lt;x&gt;</t></is></c></row>"
            + "<row r=\"3\"></row></sheetData></worksheet>\n"
        let text = String(decoding: sheet.1, as: UTF8.self)
        #expect(text.hasSuffix(expected), "\(text)")
        #expect(headerCells.contains("<c r=\"AA1\" s=\"1\""))
    }

    /// The sheet is written as bytes; it must be what the String appends it replaced
    /// gave (written out here), for ragged rows, escapes, non-ASCII and control characters.
    @Test func sheetBytesAreWhatTheStringAppendsGave() {
        let values = ["", "a", "å & <x>", "\"q\"", "\u{1}\t\n\r", "\u{FFFE}ﬁ", "🙂 emoji", "=1+2", String(repeating: "lång ", count: 40)]
        var rows: [[String]] = [(0 ..< 30).map { "rubrik \($0)" }]
        for r in 0 ..< 60 { rows.append((0 ..< (r % 31)).map { values[($0 * 7 + r) % values.count] }) }
        let start = "<?xml version=\"1.0\"?>\n<worksheet><sheetData>"
        var old = start
        let columns = (0 ..< 30).map(Workbook.column)
        for (r, row) in rows.enumerated() {
            let number = String(r + 1)
            old += "<row r=\"" + number + "\">"
            for (c, value) in row.enumerated() {
                old += "<c r=\"" + columns[c] + number
                old += r == 0 ? "\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" : "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                old += Workbook.xml(value) + "</t></is></c>"
            }
            old += "</row>"
        }
        old += "</sheetData></worksheet>\n"
        #expect(Workbook.sheetXML(start: start, rows: rows) == Array(old.utf8))
    }

    @Test func workbookIsTheSameBytesForTheSameRows() throws {
        let rows = [["a", "b"], ["å & <x>", "\u{1}"]]
        let one = try Workbook.xlsx(sheet: "Idébanken", rows: rows)
        let two = try Workbook.xlsx(sheet: "Idébanken", rows: rows)
        #expect(one == two)
        #expect(one.prefix(2) == [0x50, 0x4B], "a ZIP file")
        #expect(Workbook.column(0) == "A" && Workbook.column(25) == "Z" && Workbook.column(26) == "AA")
        #expect(Workbook.xml("å & <x>\u{1}") == "å &amp; &lt;x&gt;\u{FFFD}")
    }
}
