/// The lines of pdftotext's `-bbox-layout` output (XHTML: page > flow > block > line >
/// word, each word's text escaped with `&amp;` `&lt;` `&gt;` `&quot;` `&apos;`).
///
/// Read by this small tag scanner rather than Foundation's XMLParser: FoundationXML needs
/// libxml2 (and through it ICU) as shared libraries, which would be the release binary's
/// only dependency beyond glibc and libstdc++ (scripts/release.sh). poppler writes this
/// format itself, so the scanner knows only what poppler writes.
struct BBoxLayout {
    /// One `<line>`: its words joined by spaces; `page` and `block` count from 1 in
    /// document order; `height`, `y` (top) and `x` (left) in PDF points.
    struct Line: Equatable {
        var text: String
        var page: Int
        var block: Int
        var height: Double
        var y: Double = 0
        var x: Double = 0
        /// Where the second piece of a line begins when poppler gave the line in pieces
        /// (a list's bullet, then its text): the x of the item's text.
        var secondPieceX: Double? = nil
    }

    /// Why the output could not be read: a tag that never ends, or a word that is not closed.
    struct Unreadable: Error {}

    /// The lines in the order pdftotext wrote them. Throws `Unreadable` for output that
    /// stops inside a tag or a word.
    static func lines(of output: [UInt8]) throws -> [Line] {
        var lines: [Line] = []
        var page = 0, block = 0
        var words: [String] = []
        var current: Line?
        var wordStart: Int?
        var i = 0
        let n = output.count
        while i < n {
            guard output[i] == UInt8(ascii: "<") else { i += 1; continue }
            guard let close = output[i...].firstIndex(of: UInt8(ascii: ">")) else { throw Unreadable() }
            let tag = output[(i + 1)..<close]
            defer { i = close + 1 }
            if tag.first == UInt8(ascii: "/") {
                switch name(of: tag.dropFirst()) {
                case "word":
                    guard let start = wordStart else { continue }
                    words.append(decode(output[start..<i]))
                    wordStart = nil
                case "line":
                    if var line = current {
                        line.text = words.joined(separator: " ")
                        lines.append(line)
                    }
                    current = nil
                default: break
                }
                continue
            }
            switch name(of: tag) {
            case "page": page += 1
            case "block": block += 1
            case "line":
                words = []
                let a = attributes(of: tag)
                let yMin = Double(a["yMin"] ?? "") ?? 0, yMax = Double(a["yMax"] ?? "") ?? 0
                current = Line(text: "", page: page, block: block, height: max(0, yMax - yMin),
                               y: yMin, x: Double(a["xMin"] ?? "") ?? 0)
            case "word": wordStart = close + 1
            default: break
            }
        }
        if wordStart != nil { throw Unreadable() }
        return lines
    }

    /// The element name at the start of a tag's inside (`word xMin="…"` → `word`).
    private static func name(of tag: ArraySlice<UInt8>) -> String {
        let end = tag.firstIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") } ?? tag.endIndex
        return String(decoding: tag[tag.startIndex..<end], as: UTF8.self)
    }

    /// `name="value"` pairs of a tag (poppler always quotes with `"`), values decoded.
    static func attributes(of tag: ArraySlice<UInt8>) -> [String: String] {
        var result: [String: String] = [:]
        var i = tag.startIndex
        while let eq = tag[i...].firstIndex(of: UInt8(ascii: "=")) {
            var nameStart = eq
            while nameStart > i, tag[nameStart - 1] != UInt8(ascii: " ") { nameStart -= 1 }
            guard eq + 1 < tag.endIndex, tag[eq + 1] == UInt8(ascii: "\""),
                  let end = tag[(eq + 2)...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            result[String(decoding: tag[nameStart..<eq], as: UTF8.self)] = decode(tag[(eq + 2)..<end])
            i = end + 1
        }
        return result
    }

    /// Text with XML's five named entities and numeric references (`&#233;`, `&#xE9;`)
    /// replaced; anything else after `&` is kept as it is.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        let text = String(decoding: bytes, as: UTF8.self)
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            if let semi = after.prefix(12).firstIndex(of: ";"),
               let char = character(for: after[after.index(after: amp)..<semi]) {
                out.append(char)
                rest = after[after.index(after: semi)...]
            } else {
                out.append("&")
                rest = after.dropFirst()
            }
        }
        return out + rest
    }

    private static func character(for entity: Substring) -> Character? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard entity.first == "#" else { return nil }
            let digits = entity.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
