import Foundation
import ZIPFoundation

/// A spreadsheet as an Office Open XML workbook (`.xlsx`): one sheet of text cells.
///
/// A CSV file opens in columns only where the reader's list separator is the file's
/// (Excel with Swedish settings splits on `;`, not `,`); a workbook carries its cells and
/// opens in columns in Excel, LibreOffice and Numbers whatever the settings. Every cell
/// is an inline string, so nothing is ever read as a number, a date or a formula.
enum Workbook {
    /// The `.xlsx` bytes. The same rows give the same bytes: every entry carries one
    /// fixed date instead of the clock's.
    /// - Parameters:
    ///   - sheet: the sheet's name (at most 31 characters, no `[]:*?/\`).
    ///   - rows: the first row is the header, shown bold and kept in view when scrolling.
    static func xlsx(sheet: String, rows: [[String]]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, bytes) in parts(sheet: sheet, rows: rows) {
            // Handed over a piece at a time, so the sheet (tens of MB) is not copied whole.
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: fixedDate, permissions: 0o644,
                                 compressionMethod: .deflate) { position, size in
                Data(bytes[Int(position)..<Int(position) + size])
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    /// 1 January 2000 00:00 (local time inside the ZIP, as DOS dates are): any fixed date.
    private static let fixedDate = Date(timeIntervalSince1970: 946_684_800)

    /// The package's parts as UTF-8, in the order written: the content types first, as
    /// readers expect.
    static func parts(sheet: String, rows: [[String]]) -> [(String, [UInt8])] {
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let contentTypes = header + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """
        let rootRels = header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """
        let workbook = header + """
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="\(xml(sheet))" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
        let workbookRels = header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """
        // Style 1 is bold, for the header row.
        let styles = header + """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        </styleSheet>
        """
        let sheetStart = header + """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
        <sheetData>
        """
        return [
            ("[Content_Types].xml", Array(contentTypes.utf8)), ("_rels/.rels", Array(rootRels.utf8)), ("xl/workbook.xml", Array(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Array(workbookRels.utf8)), ("xl/styles.xml", Array(styles.utf8)),
            ("xl/worksheets/sheet1.xml", sheetXML(start: sheetStart, rows: rows)),
        ]
    }

    /// The sheet part: `start`, a row element per row with an inline-string cell per
    /// value, the end. Tens of thousands of rows, so it is written as bytes (appending to
    /// a String checked its capacity and flags at every piece) with the column names made
    /// once.
    static func sheetXML(start: String, rows: [[String]]) -> [UInt8] {
        let columns = (0 ..< (rows.map(\.count).max() ?? 0)).map { Array(column($0).utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(rows.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count + 80 } } + start.utf8.count + 64)
        out += start.utf8
        let headerCell = Array("\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8)
        let cell = Array("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8)
        for (r, row) in rows.enumerated() {
            let number = Array(String(r + 1).utf8)
            out += "<row r=\"".utf8
            out += number
            out += "\">".utf8
            for (c, value) in row.enumerated() {
                out += "<c r=\"".utf8
                out += columns[c]
                out += number
                out += r == 0 ? headerCell : cell
                out += xml(value).utf8
                out += "</t></is></c>".utf8
            }
            out += "</row>".utf8
        }
        out += "</sheetData></worksheet>\n".utf8
        return out
    }

    /// "A" for 0, "Z" for 25, "AA" for 26.
    static func column(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Escaped for XML text and attributes; characters XML 1.0 cannot hold at all
    /// (control characters other than tab and line breaks) become U+FFFD.
    static func xml(_ text: String) -> String {
        // Nearly every cell needs nothing done: checked on the bytes first (0xEF starts
        // U+FFFE and U+FFFF, among others), so it is returned without a copy.
        func plain(_ b: UInt8) -> Bool {
            b >= 0x20 ? (b != 0x26 && b != 0x3C && b != 0x3E && b != 0x22 && b != 0xEF) : (b == 0x09 || b == 0x0A || b == 0x0D)
        }
        if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(plain) }) ?? text.utf8.allSatisfy(plain) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
