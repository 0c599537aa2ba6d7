import SamradCore

/// What cmark-gfm does with footnotes that do not pair up, said out loud: a note that is
/// never referenced is dropped from the page, and a reference without a note stays as
/// the literal text `[^3]`.
enum FootnoteCheck {
    /// - Parameter defined: labels of the notes that made it into the document.
    static func check(text: String, file: String, defined: Set<String>) -> [Diagnostic] {
        // One pass over the bytes: this runs on every meeting file, and Foundation's
        // `contains`/`range(of:)` on the whole text was a twentieth of a build.
        // Both need `[^`: most files hold no `^` at all, found with one memchr.
        guard text.containsByte(UInt8(ascii: "^")) else { return [] }
        var text = text
        let (definitions, references) = text.withUTF8 { scan($0) }
        guard !definitions.isEmpty || !references.isEmpty else { return [] }
        var out: [Diagnostic] = []
        let referenced = Set(references.map(\.label))
        let written = Set(definitions.map(\.label))
        for d in definitions where !referenced.contains(d.label) && !defined.contains(d.label) {
            out.append(.warning(key: "diag_footnote_unreferenced", ["label": d.label],
                                at: SourceLocation(file: file, line: d.line, column: 1)))
        }
        var told = Set<String>()
        for r in references where !written.contains(r.label) && told.insert(r.label).inserted {
            out.append(.warning(key: "diag_footnote_no_note", ["label": r.label],
                                at: SourceLocation(file: file, line: r.line, column: r.column)))
        }
        return out
    }

    /// Footnote definitions (`[^label]:` at the start of a line, indented less than four
    /// spaces) and references (`[^label]` elsewhere, without spaces) with their 1-based
    /// line and, for references, column in characters.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (definitions: [(label: String, line: Int)], references: [(label: String, line: Int, column: Int)]) {
        var definitions: [(label: String, line: Int)] = []
        var references: [(label: String, line: Int, column: Int)] = []
        let n = bytes.count
        let open = UInt8(ascii: "["), caret = UInt8(ascii: "^"), close = UInt8(ascii: "]")
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        func label(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[from ..< to]), as: UTF8.self)
        }
        var lineStart = 0, lineNumber = 1
        while lineStart <= n {
            var lineEnd = lineStart
            var hasMarker = false
            while lineEnd < n, bytes[lineEnd] != newline {
                if bytes[lineEnd] == open, lineEnd + 1 < n, bytes[lineEnd + 1] == caret { hasMarker = true }
                lineEnd += 1
            }
            if hasMarker {
                var indent = 0
                while lineStart + indent < lineEnd, bytes[lineStart + indent] == space { indent += 1 }
                var rest = lineStart + indent
                if indent < 4, rest + 1 < lineEnd, bytes[rest] == open, bytes[rest + 1] == caret {
                    var c = rest + 2
                    while c < lineEnd, bytes[c] != close { c += 1 }
                    if c + 1 < lineEnd, bytes[c + 1] == UInt8(ascii: ":") {
                        definitions.append((label(rest + 2, c), lineNumber))
                        rest = c + 2
                    }
                }
                var i = rest
                while i + 1 < lineEnd {
                    guard bytes[i] == open, bytes[i + 1] == caret else { i += 1; continue }
                    var c = i + 2
                    while c < lineEnd, bytes[c] != close { c += 1 }
                    guard c < lineEnd else { break }
                    let name = label(i + 2, c)
                    if !name.isEmpty, !name.utf8.contains(space) {
                        references.append((name, lineNumber, label(lineStart, i).count + 1))
                    }
                    i = c
                }
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        return (definitions, references)
    }
}
