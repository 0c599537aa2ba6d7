import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

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
        let reader = BBoxReader()
        let parser = XMLParser(data: out.stdout)
        parser.delegate = reader
        guard parser.parse() else {
            throw ImportFailure.converterFailed(tool: "pdftotext", detail: "its layout output could not be read")
        }
        let raw = reader.lines
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
            result.append(line)
            lastBlock = l.block
            lastPage = l.page
        }
        return result
    }

    /// SAX reader for pdftotext's XHTML: page > flow > block > line > word.
    final class BBoxReader: NSObject, XMLParserDelegate {
        struct Line { var text: String; var page: Int; var block: Int; var height: Double }
        var lines: [Line] = []
        private var page = 0
        private var block = 0
        private var words: [String] = []
        private var word = ""
        private var inWord = false
        private var lineHeight = 0.0

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "page": page += 1
            case "block": block += 1
            case "line":
                words = []
                let yMin = Double(attributes["yMin"] ?? "") ?? 0
                let yMax = Double(attributes["yMax"] ?? "") ?? 0
                lineHeight = max(0, yMax - yMin)
            case "word":
                inWord = true
                word = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inWord { word += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "word":
                inWord = false
                words.append(word)
            case "line":
                lines.append(Line(text: words.joined(separator: " "), page: page, block: block, height: lineHeight))
            default: break
            }
        }
    }
}
