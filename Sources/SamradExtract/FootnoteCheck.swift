import SamradCore

/// What cmark-gfm does with footnotes that do not pair up, said out loud: a note that is
/// never referenced is dropped from the page, and a reference without a note stays as
/// the literal text `[^3]`.
enum FootnoteCheck {
    /// - Parameter defined: labels of the notes that made it into the document.
    static func check(text: String, file: String, defined: Set<String>) -> [Diagnostic] {
        guard text.contains("[^") else { return [] }
        var definitions: [(label: String, line: Int)] = []
        var references: [(label: String, line: Int, column: Int)] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.contains("[^") else { continue }
            let indent = line.prefix { $0 == " " }.count
            var rest = line.dropFirst(indent)
            if indent < 4, rest.hasPrefix("[^"), let close = rest.firstIndex(of: "]"),
               rest[rest.index(after: close)...].hasPrefix(":") {
                definitions.append((String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close]), n + 1))
                rest = rest[rest.index(close, offsetBy: 2)...]
            }
            var search = rest[...]
            while let open = search.range(of: "[^") {
                guard let close = search[open.upperBound...].firstIndex(of: "]") else { break }
                let label = String(search[open.upperBound..<close])
                if !label.isEmpty, !label.contains(" ") {
                    references.append((label, n + 1, line.distance(from: line.startIndex, to: open.lowerBound) + 1))
                }
                search = search[close...]
            }
        }
        var out: [Diagnostic] = []
        let referenced = Set(references.map(\.label))
        let written = Set(definitions.map(\.label))
        for d in definitions where !referenced.contains(d.label) && !defined.contains(d.label) {
            out.append(.warning("the footnote '[^\(d.label)]' is never referenced in the text, so it is not shown; add '[^\(d.label)]' where it belongs or remove the note",
                                at: SourceLocation(file: file, line: d.line, column: 1)))
        }
        var told = Set<String>()
        for r in references where !written.contains(r.label) && told.insert(r.label).inserted {
            out.append(.warning("the footnote reference '[^\(r.label)]' has no note, so it is shown as it is written; add a line '[^\(r.label)]: …'",
                                at: SourceLocation(file: file, line: r.line, column: r.column)))
        }
        return out
    }
}
