import Foundation
import SamradCore

/// Takes out what belongs to the printed page rather than the text: page numbers, running
/// headers and footers, tables of contents, link artefacts, the back cover. Each line taken
/// out is blanked (so line numbers stay) and recorded for the report.
struct PageFurniture {
    private(set) var dropped: [DroppedLine] = []

    mutating func clean(_ lines: inout [SourceLine]) {
        dropPageNumbers(&lines)
        dropRunningLines(&lines)
        dropTableOfContents(&lines)
        dropLinkEchoes(&lines)
        dropBackCover(&lines)
    }

    private mutating func drop(_ lines: inout [SourceLine], _ i: Int, _ reasonKey: String) {
        dropped.append(DroppedLine(line: lines[i].number, text: lines[i].text.trimmed, reasonKey: reasonKey))
        lines[i].text = ""
    }

    /// "3", "Sida 3", "3 (15)", "3/15", "- 3 -" alone on a line.
    static func isPageNumber(_ t: String) -> Bool {
        var s = t.lowercased().trimmed
        if s.hasPrefix("sida ") { s = String(s.dropFirst(5)).trimmed }
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: "-– "))
        guard !s.isEmpty, s.count <= 9 else { return false }
        let digits = s.filter(\.isNumber)
        guard !digits.isEmpty, digits.count <= 6, let first = s.first, first.isNumber else { return false }
        // "3 (15)" has both brackets; "1)" alone is the end of a wrapped "(se fas 1)" or a list mark.
        guard s.filter({ $0 == "(" }).count == s.filter({ $0 == ")" }).count else { return false }
        return s.allSatisfy { $0.isNumber || " ()/av".contains($0) } && (Int(String(s.prefix { $0.isNumber })) ?? 1000) < 1000
    }

    private mutating func dropPageNumbers(_ lines: inout [SourceLine]) {
        for i in lines.indices where PageFurniture.isPageNumber(lines[i].text) {
            drop(&lines, i, "import_dropped_page_number")
        }
    }

    /// A line repeated on three or more pages at the top or bottom of the page, numbers
    /// aside ("NOD – Dokumentation 2023   4"), is a running header or footer.
    private mutating func dropRunningLines(_ lines: inout [SourceLine]) {
        let pages = Set(lines.map(\.page))
        guard pages.count >= 3 else { return }
        var edges = Set<Int>()
        var byPage: [Int: [Int]] = [:]
        for i in lines.indices where !lines[i].text.trimmed.isEmpty { byPage[lines[i].page, default: []].append(i) }
        for (_, idx) in byPage {
            edges.formUnion(idx.prefix(2))
            edges.formUnion(idx.suffix(2))
        }
        var counts: [String: Set<Int>] = [:]
        for i in edges {
            let key = PageFurniture.runningKey(lines[i].text)
            guard key.count >= 3 else { continue }
            counts[key, default: []].insert(lines[i].page)
        }
        for i in edges.sorted() {
            let key = PageFurniture.runningKey(lines[i].text)
            if let pagesWithIt = counts[key], pagesWithIt.count >= 3, pagesWithIt.count * 2 >= pages.count - 1 {
                drop(&lines, i, "import_dropped_running_line")
            }
        }
    }

    static func runningKey(_ t: String) -> String {
        t.foldedForMatching.filter { !$0.isNumber }.trimmed
    }

    /// "Innehållsförteckning" and the entries under it, and any line that reads like a
    /// table-of-contents entry ("Bakgrund ....... 4", "Bakgrund<TAB>4").
    private mutating func dropTableOfContents(_ lines: inout [SourceLine]) {
        var inTOC = false
        for i in lines.indices {
            let t = lines[i].text.trimmed
            if t.isEmpty { continue }
            let folded = t.foldedForMatching.trimmingCharacters(in: CharacterSet(charactersIn: ": "))
            if folded == "innehallsforteckning" || folded == "innehall" {
                drop(&lines, i, "import_dropped_contents")
                inTOC = true
                continue
            }
            if PageFurniture.isTOCEntry(t) {
                drop(&lines, i, "import_dropped_contents")
                continue
            }
            if inTOC, lines[i].text.contains("\t") || t.hasPrefix("<i>") {
                drop(&lines, i, "import_dropped_contents")
                continue
            }
            inTOC = false
        }
    }

    static func isTOCEntry(_ t: String) -> Bool {
        guard let last = t.last, last.isNumber else { return false }
        let body = t.reversed().drop { $0.isNumber || $0 == " " || $0 == "\t" }
        let tail = String(body.prefix(3))
        if tail == "..." || tail == "…" || body.first == "…" { return true }
        // "Rubrik<TAB>4": the tab the PDF copy keeps before the page number.
        return t.contains("\t") && body.count < t.count - 1 && t.count < 120
    }

    /// "mailto:info@…" under a line that already shows the address: the link's target, not text.
    private mutating func dropLinkEchoes(_ lines: inout [SourceLine]) {
        var previous = ""
        for i in lines.indices {
            let t = lines[i].text.trimmed
            if t.isEmpty { continue }
            if t.hasPrefix("mailto:"), previous.contains(String(t.dropFirst(7))) {
                drop(&lines, i, "import_dropped_link_echo")
                continue
            }
            previous = t
        }
    }

    /// The last lines repeating the cover's first lines (an organisation's name on the back
    /// cover) are not part of the text.
    private mutating func dropBackCover(_ lines: inout [SourceLine]) {
        let nonBlank = lines.indices.filter { !lines[$0].text.trimmed.isEmpty }
        guard nonBlank.count > 6 else { return }
        let head = Set(nonBlank.prefix(4).map { lines[$0].text.trimmed })
        for i in nonBlank.suffix(3).reversed() {
            guard head.contains(lines[i].text.trimmed), lines[i].text.trimmed.count >= 6 else { break }
            drop(&lines, i, "import_dropped_back_cover")
        }
    }
}
