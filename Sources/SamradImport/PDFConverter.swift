import Foundation

/// PDF to lines through poppler's `pdftotext -bbox-layout`: the text of every line with
/// its page, its layout block (paragraph) and its height, from which the font size
/// relative to the body text follows (headings are set larger).
enum PDFConverter {
    static func lines(of file: URL, environment: [String: String]) throws -> [SourceLine] {
        let out = try ExternalTool.pdftotext.run(["-bbox-layout", "-enc", "UTF-8", file.path, "-"], environment: environment)
        if out.status != 0 {
            let err = out.stderr.lowercased()
            if err.contains("password") || err.contains("encrypt") { throw ImportFailure.passwordProtected }
            if err.contains("may not be a pdf") || err.contains("couldn't find trailer") || err.contains("syntax error") {
                throw ImportFailure.converterFailed(tool: "pdftotext", detail: "this is not a readable PDF (\(out.stderr.lastLine))")
            }
            throw ImportFailure.converterFailed(tool: "pdftotext", detail: out.stderr.lastLine)
        }
        guard let layout = try? BBoxLayout.lines(of: [UInt8](out.stdout)) else {
            throw ImportFailure.converterFailed(tool: "pdftotext", detail: "its layout output could not be read")
        }
        let raw = mergeSameBaseline(layout)
        guard raw.contains(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw ImportFailure.noTextLayer
        }
        // The body size is the height most of the text is set in (weighted by characters).
        var weight: [Int: Int] = [:]
        for l in raw { weight[Int((l.height * 2).rounded()), default: 0] += l.text.count }
        let body = Double(weight.max { $0.value < $1.value }?.key ?? 24) / 2
        var result: [SourceLine] = []
        var number = 0
        var lastBlock = -1
        var lastPage = 0
        for l in raw {
            // An empty line between layout blocks, as a PDF copy would have it.
            if l.block != lastBlock, !result.isEmpty {
                number += 1
                result.append(SourceLine(text: "", number: number, page: l.page))
            }
            number += 1
            var line = SourceLine(text: l.text, number: number, pageStart: l.page != lastPage, page: l.page)
            line.relativeSize = body > 0 ? (l.height / body * 100).rounded() / 100 : nil
            line.blockStart = l.block != lastBlock
            line.x = l.x
            line.textX = l.secondPieceX
            result.append(line)
            lastBlock = l.block
            lastPage = l.page
        }
        markFootnotes(&result)
        return result
    }

    /// A footnote at the foot of a page: its number set small on a line of its own, the note
    /// on the next line. It becomes `[^N]: note`, and the number after the word it belongs
    /// to earlier on the page ("tryggare. 1") becomes the reference `[^N]`.
    static func markFootnotes(_ lines: inout [SourceLine]) {
        for i in lines.indices {
            let t = lines[i].text.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty, t.count <= 3, t.allSatisfy(\.isNumber), (lines[i].relativeSize ?? 1) < 0.8 else { continue }
            guard let j = lines.indices.first(where: { $0 > i && !lines[$0].text.trimmingCharacters(in: .whitespaces).isEmpty }),
                  lines[j].page == lines[i].page else { continue }
            lines[j].text = "[^\(t)]: " + lines[j].text
            lines[i].text = ""
        }
        for i in lines.indices where lines[i].text.hasPrefix("[^") {
            guard let close = lines[i].text.firstIndex(of: "]") else { continue }
            let t = String(lines[i].text[lines[i].text.index(lines[i].text.startIndex, offsetBy: 2)..<close])
            // The reference: the number right after a word's punctuation ("tryggare. 1"), or
            // after a word at the end of a line, nearest above the note on its page.
            let page = lines[i].page
            let above = stride(from: i - 1, through: 0, by: -1).filter { lines[$0].page == page }
            func place(_ accept: (Character, Character?) -> Bool) -> Bool {
                for k in above {
                    var search = lines[k].text.endIndex
                    while let r = lines[k].text.range(of: " " + t, options: .backwards, range: lines[k].text.startIndex..<search) {
                        search = r.lowerBound
                        guard let before = lines[k].text[..<r.lowerBound].last else { continue }
                        let after = lines[k].text[r.upperBound...].first
                        if after.map({ $0.isNumber || $0.isLetter }) == true { continue }
                        if accept(before, after) {
                            lines[k].text.replaceSubrange(r, with: "[^\(t)]")
                            return true
                        }
                    }
                }
                return false
            }
            if !place({ b, _ in ".,;:!?”)".contains(b) }) {
                _ = place({ b, a in b.isLetter && a == nil })
            }
        }
    }

    /// Pieces of one printed line that poppler puts in different blocks (a list's bullet
    /// and its text) become one line again: same page, same baseline, left to right. The
    /// text's block is the line's block.
    static func mergeSameBaseline(_ lines: [BBoxLayout.Line]) -> [BBoxLayout.Line] {
        var out: [BBoxLayout.Line] = []
        var byPage: [Int: [BBoxLayout.Line]] = [:]
        for l in lines { byPage[l.page, default: []].append(l) }
        for page in byPage.keys.sorted() {
            let sorted = (byPage[page] ?? []).enumerated().sorted { a, b in
                abs(a.element.y - b.element.y) > 2 ? a.element.y < b.element.y : (a.element.x != b.element.x ? a.element.x < b.element.x : a.offset < b.offset)
            }.map(\.element)
            for l in sorted {
                if var last = out.last, last.page == l.page, abs(last.y - l.y) <= 2 {
                    // A small number before the text at the foot of the page: a footnote.
                    if last.text.allSatisfy(\.isNumber), last.text.count <= 3, last.height < 0.8 * l.height {
                        last.text = "[^\(last.text)]: " + l.text
                        last.height = l.height
                        last.block = l.block
                        out[out.count - 1] = last
                        continue
                    }
                    let textLonger = l.text.count > last.text.count
                    if last.secondPieceX == nil { last.secondPieceX = l.x }
                    last.text += " " + l.text
                    if textLonger { last.block = l.block }
                    last.height = max(last.height, l.height)
                    out[out.count - 1] = last
                } else {
                    out.append(l)
                }
            }
        }
        return out
    }
}
