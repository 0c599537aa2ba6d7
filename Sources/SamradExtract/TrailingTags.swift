import SamradCore
import SamradParse

/// Trailing `#slug` tokens: `- Nationella riktlinjer #samverkan #styrning`.
/// A tag starts with a letter and holds letters, digits and hyphens, and must stand after
/// whitespace, so `C#`, `#1` and `nr#3` stay text.
public enum TrailingTags {
    /// Splits `text` into the text before its trailing tags and the tags, in written order.
    /// `accept` may refuse a tag (and with it every token before it) that looks like one
    /// here but was not written as one, e.g. an escaped `\#slug`.
    public static func split(_ text: String, accept: (String) -> Bool = { _ in true }) -> (text: String, tags: [String]) {
        // Most text has no tag at all: one scan for a `#` byte settles it.
        let hasHash = text.utf8.withContiguousStorageIfAvailable { $0.contains(0x23) } ?? text.utf8.contains(0x23)
        guard hasHash else { return (text.trimmingTrailingWhitespace, []) }
        var contiguous = text
        contiguous.makeContiguousUTF8()
        return contiguous.withUTF8 { split(text, bytes: $0, accept: accept) }
    }

    /// Walks the UTF-8 bytes from the end: every tagged paragraph of every meeting goes
    /// through here, and stepping back over Characters was most of its cost.
    private static func split(_ text: String, bytes b: UnsafeBufferPointer<UInt8>, accept: (String) -> Bool) -> (text: String, tags: [String]) {
        /// Bytes of the whitespace scalar that ends at `end`, or nil.
        func whitespace(endingAt end: Int) -> Int? {
            let last = b[end - 1]
            if last < 0x80 { return UTF8Bytes.isASCIIWhitespace(last) ? 1 : nil }
            let start = UTF8Bytes.scalarStart(in: b, before: end)
            guard let scalar = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self).unicodeScalars.first,
                  scalar.properties.isWhitespace else { return nil }
            return end - start
        }
        var end = b.count
        var tags: [String] = []
        while true {
            while end > 0, let n = whitespace(endingAt: end) { end -= n }
            var start = end
            while start > 0, whitespace(endingAt: start) == nil { start = UTF8Bytes.scalarStart(in: b, before: start) }
            guard end - start >= 2, b[start] == 0x23 else { break }
            let body = UnsafeBufferPointer(rebasing: b[(start + 1)..<end])
            let name = String(decoding: body, as: UTF8.self)
            let slugLike = body.allSatisfy { $0 < 0x80 }
                ? isASCIISlug(body)
                : isSlug(Substring(name))
            guard slugLike, accept(name) else { break }
            tags.append(name)
            end = start
        }
        while end > 0, let n = whitespace(endingAt: end) { end -= n }
        let kept = end == b.count ? text : String(decoding: UnsafeBufferPointer(rebasing: b[0..<end]), as: UTF8.self)
        return (kept, tags.reversed())
    }

    private static func isASCIISlug(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = body.first, UTF8Bytes.isASCIILetter(first) else { return false }
        return body.allSatisfy { UTF8Bytes.isASCIILetter($0) || UTF8Bytes.isASCIIDigit($0) || $0 == 0x2D }
    }

    static func isSlug(_ s: Substring) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }

    /// Takes trailing tags off a run of inline nodes (a paragraph's or heading's children).
    /// Tags may continue over soft line breaks ("… text\n#tag").
    public static func strip(_ inlines: inout [MarkdownNode], accept: (String) -> Bool = { _ in true }) -> [String] {
        // Gathered last first and turned round once: inserting each run at the front
        // was quadratic in the number of tagged lines.
        var backwards: [String] = []
        while let last = inlines.last {
            switch last.kind {
            case .softBreak, .lineBreak:
                if backwards.isEmpty && inlines.count > 1 {
                    // A break at the very end carries no tags; look before it only if tags follow.
                    return []
                }
                inlines.removeLast()
                continue
            case .text(let s):
                let (kept, tags) = split(s, accept: accept)
                if tags.isEmpty { return backwards.reversed() }
                backwards.append(contentsOf: tags.reversed())
                if kept.isEmpty {
                    inlines.removeLast()
                    // Drop the break that separated the tags from the text.
                    while let l = inlines.last, l.kind == .softBreak || l.kind == .lineBreak { inlines.removeLast() }
                    continue
                }
                inlines[inlines.count - 1].kind = .text(kept)
                return backwards.reversed()
            default:
                return backwards.reversed()
            }
        }
        return backwards.reversed()
    }
}
