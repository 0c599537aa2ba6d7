import Foundation

/// Word (.docx) and OpenDocument (.odt) through pandoc to GitHub-flavoured Markdown, so that
/// the document's own headings, lists, bold, footnotes and tables come through as they are.
enum WordConverter {
    static func markdown(of file: URL, format: String, environment: [String: String]) throws -> String {
        let out = try ExternalTool.pandoc.run(["--from", format, "--to", "gfm", "--wrap=none", file.path], environment: environment)
        guard out.status == 0 else {
            let detail = out.stderr.lastLine
            if detail.lowercased().contains("password") || detail.lowercased().contains("encrypt") {
                throw ImportFailure.converterFailed(tool: "pandoc", detail: "the document is password-protected; save an unprotected copy")
            }
            throw ImportFailure.converterFailed(tool: "pandoc", detail: detail.isEmpty ? "exit status \(out.status)" : detail)
        }
        guard let text = String(data: out.stdout, encoding: .utf8) else {
            throw ImportFailure.converterFailed(tool: "pandoc", detail: "its output is not UTF-8")
        }
        return removingEmptyAnchors(text)
    }

    /// Pandoc keeps ODT's bookmarks as `<span id="anchor"></span>`; they carry no text.
    static func removingEmptyAnchors(_ text: String) -> String {
        var out = text
        while let start = out.range(of: "<span id=\""),
              let end = out.range(of: "\"></span>", range: start.upperBound..<out.endIndex),
              !out[start.upperBound..<end.lowerBound].contains("<") {
            out.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return out
    }

    /// The Markdown's blocks: headings with their levels, list items with their depth,
    /// tables and footnote definitions kept verbatim, paragraphs.
    static func blocks(fromMarkdown text: String) -> [SourceBlock] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [SourceBlock] = []
        var paragraph: SourceBlock?
        var i = 0
        func flush() {
            if let p = paragraph { blocks.append(p) }
            paragraph = nil
        }
        while i < lines.count {
            let raw = lines[i]
            let t = raw.trimmingCharacters(in: .whitespaces)
            let number = i + 1
            if t.isEmpty {
                flush()
                if let last = blocks.last, last.isItem, i + 1 < lines.count, i > 0, lines[i - 1].isEmpty == false {
                    // A blank line inside a list keeps it one list; two lists apart are marked.
                    if i + 2 < lines.count, lines[i + 1].isEmpty { blocks.append(SourceBlock(kind: .listBreak, text: "", line: number)) }
                }
                i += 1
                continue
            }
            if let (level, h) = LineJoiner.markdownHeading(t) {
                flush()
                blocks.append(SourceBlock(kind: .heading(level: level), text: h, line: number))
                i += 1
                continue
            }
            if t.hasPrefix("|") || t.hasPrefix("<table") {
                flush()
                var table: [String] = []
                let html = t.hasPrefix("<table")
                while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).isEmpty || html {
                    table.append(lines[i])
                    if html && lines[i].contains("</table>") { i += 1; break }
                    i += 1
                }
                blocks.append(SourceBlock(kind: .verbatim, text: table.joined(separator: "\n"), line: number))
                continue
            }
            if t.hasPrefix("[^"), t.contains("]:") {
                flush()
                var note = [raw]
                i += 1
                while i < lines.count, lines[i].hasPrefix("    ") || (lines[i].isEmpty && i + 1 < lines.count && lines[i + 1].hasPrefix("    ")) {
                    note.append(lines[i])
                    i += 1
                }
                blocks.append(SourceBlock(kind: .verbatim, text: note.joined(separator: "\n"), line: number))
                continue
            }
            if let (depth, ordered, itemText) = listItem(raw) {
                flush()
                blocks.append(SourceBlock(kind: .item(depth: depth, ordered: ordered), text: itemText, line: number))
                i += 1
                continue
            }
            // A paragraph typed as "• Name" (or with Word's Symbol-font bullet pasted in) is a
            // list item to its reader, though Word holds it as a plain paragraph.
            if paragraph == nil, let first = t.unicodeScalars.first, TextNormalizer.isBulletGlyph(first),
               first.value != 0xFFFD, let itemText = TextNormalizer.bulletItem(t) {
                blocks.append(SourceBlock(kind: .item(depth: 0, ordered: false), text: itemText, line: number))
                i += 1
                continue
            }
            if let last = blocks.last, last.isItem, paragraph == nil, raw.hasPrefix("  "), i > 0, !lines[i - 1].isEmpty {
                blocks[blocks.count - 1].text += " " + t
                i += 1
                continue
            }
            if var p = paragraph {
                p.text += " " + t
                paragraph = p
            } else {
                paragraph = SourceBlock(kind: .paragraph, text: t, line: number)
            }
            i += 1
        }
        flush()
        // A bold paragraph that is a question or the summary label reads as a heading.
        let labels = ImportLabels()
        return blocks.map { b in
            guard b.kind == .paragraph else { return b }
            let plain = LineJoiner.stripEmphasis(b.text)
            if plain != b.text, labels.parseQuestion(plain) != nil { return SourceBlock(kind: .heading(level: 3), text: plain, line: b.line) }
            if labels.isSummaryLabel(plain) { return SourceBlock(kind: .paragraph, text: "Sammanfattning:", line: b.line) }
            return b
        }
    }

    /// "-   text", "1.  text", indented by four spaces per level in pandoc's output.
    static func listItem(_ raw: String) -> (Int, Bool, String)? {
        let indent = raw.prefix { $0 == " " }.count
        let t = raw.dropFirst(indent)
        var ordered = false
        var rest: Substring
        if t.hasPrefix("- ") || t.hasPrefix("* ") || t.hasPrefix("+ ") {
            rest = t.dropFirst(2)
        } else {
            let digits = t.prefix { $0.isNumber }
            guard !digits.isEmpty, digits.count <= 3 else { return nil }
            let after = t.dropFirst(digits.count)
            guard after.hasPrefix(". ") || after.hasPrefix(") ") else { return nil }
            rest = after.dropFirst(2)
            ordered = true
        }
        let text = rest.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        return (indent / 2 > 0 ? indent / 4 + (indent % 4 > 0 ? 1 : 0) : 0, ordered, text)
    }
}

/// A .txt file (what a PDF copy or `pdftotext` gives) as lines with page starts.
enum TextReader {
    static func lines(of data: Data) throws -> [SourceLine] {
        guard !data.isEmpty else { throw ImportFailure.emptyDocument }
        if data.contains(0) { throw ImportFailure.binaryText }
        guard var text = String(data: data, encoding: .utf8) else { throw ImportFailure.binaryText }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return split(text)
    }

    /// Splits text into lines. A form feed, a line opening with a single space (how a PDF
    /// copy marks a new page) or four blank lines in a row start a page.
    static func split(_ text: String) -> [SourceLine] {
        var out: [SourceLine] = []
        var page = 1
        var blanks = 0
        var number = 0
        var formFeed = false
        for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var s = TextNormalizer.normalize(String(piece))
            if s.contains("\u{0C}") {
                s = s.replacing("\u{0C}", with: "")
                formFeed = true
            }
            var pageStart = false
            let isBlank = s.allSatisfy(\.isWhitespace)
            if !isBlank {
                if s.hasPrefix(" ") && !s.hasPrefix("  ") { pageStart = true }
                if blanks >= 4 || formFeed { pageStart = true }
                formFeed = false
                if pageStart && !out.isEmpty { page += 1 }
                blanks = 0
            } else {
                blanks += 1
            }
            out.append(SourceLine(text: s, number: number, pageStart: pageStart && !isBlank, page: page))
        }
        return out
    }
}
