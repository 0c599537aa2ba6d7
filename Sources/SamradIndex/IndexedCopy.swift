import SamradCore

/// The lean copy of a page that Pagefind reads: the same words, headings, anchors,
/// filters, meta and sort keys as the page, without the markup Pagefind parses only to
/// skip.
///
/// Pagefind's service parses and indexes one page at a time on one thread, so every byte
/// it is sent is on the critical path of a build with search. What Pagefind takes from a
/// page (read from its parser; only behaviour is mirrored here, no code):
/// - text, with a space and a full stop after each block of the kinds it treats as
///   sentences (`h1`–`h6`, `p`, `td`, `div`, `ul`, `li`, `article`, `section`) and a space
///   for `<br>`; headings weigh more;
/// - an anchor for every element with an `id`, whose text is that element's own text
///   and that of its inline children. Its search script makes sub-results (a result's
///   links into the page) only from the anchors of headings (`h1`–`h6`) with text; every
///   other anchor is stored in the page's fragment (with its text, a second copy of the
///   words) and read by nothing;
/// - every `data-pagefind-*` attribute (body, ignore, filter, meta, sort, weight, …), and
///   the first `<img>`'s `src`/`alt` as the result's image.
///
/// So the copy keeps: text (runs of white space shortened to one character), the blocks
/// above as bare tags, a heading with an `id` as `<hN id="…">`, any element with a
/// `data-pagefind-*` attribute with its `data-pagefind-*` attributes (and its `id` if it
/// is a heading; every attribute when one reads another, as `image[src]`), every `<img>`
/// as written, `<br>`. The `id` of any other element is dropped: at 2,000 meetings those
/// were 12,000 anchors (paragraph anchors, the facts list, the participants) and 6 MB of
/// anchor text in the index's fragments that no search result can show.
/// It drops:
/// - elements Pagefind does not index: `data-pagefind-ignore`, and `nav`, `form`,
///   `label`, `svg`, `footer`, `script`, `style`, `noscript`, `iframe`, `template`, `head`
///   (Pagefind leaves these out too), unless a `data-pagefind-*` attribute inside needs
///   them (filters and meta count there), then they are kept as written;
/// - furniture Pagefind would index but no reader searches for: `button`, `select`,
///   `textarea`, and elements with `hidden` or `aria-hidden="true"`;
/// - every other tag (its text stays where it was: Pagefind reads the text of such
///   elements as if the tag were not there), attributes other than a heading's `id`, and
///   comments.
///
/// Runs on bytes, once per indexed page on the rendering threads.
public enum IndexedCopy {
    /// The lean copy of `html` (a whole document or a part of one).
    public static func lean(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var scanner = Scanner(bytes)
            scanner.run()
            return String(decoding: scanner.out, as: UTF8.self)
        }
    }

    /// Whether `html` has a `data-pagefind-body` element. When any page of a site has one,
    /// Pagefind indexes only such pages, and the others need not be sent.
    public static func hasBody(_ html: String) -> Bool {
        html.containsASCII("data-pagefind-body")
    }

    // MARK: - Element kinds (tag names as Pagefind's parser groups them)

    /// Blocks Pagefind ends with a space and a full stop.
    static let sentences: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "article", "section", "html", "body"]
    /// Inline elements: their text also counts for the anchor of the element around them.
    static let inline: Set<String> = [
        "a", "abbr", "acronym", "b", "bdo", "big", "br", "button", "cite", "code", "dfn", "em", "i",
        "img", "input", "kbd", "label", "map", "object", "output", "q", "samp", "script", "select",
        "small", "span", "strong", "sub", "sup", "textarea", "time", "tt", "var",
    ]
    /// Left out by Pagefind (filters and meta inside still count).
    static let unindexed: Set<String> = ["head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template"]
    /// Indexed by Pagefind but not worth finding.
    static let furniture: Set<String> = ["button", "select", "textarea"]
    /// Elements whose content is text up to their end tag, not markup.
    static let rawText: Set<String> = ["script", "style", "textarea", "title"]
    /// The elements whose anchors Pagefind's search script makes sub-results of.
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]

    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        guard let first = needle.first, end - from >= needle.count else { return nil }
        var i = from
        let last = end - needle.count
        while i <= last {
            if bytes[i] == first {
                var j = 1
                while j < needle.count && bytes[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    struct Open {
        var name: String
        var kept: Bool
        /// Text here counts for an anchor (the element has an id, or is inline inside one that does).
        var anchored: Bool
    }

    struct Tag {
        var name = ""
        var start = 0
        /// Just past the `>`.
        var end = 0
        var selfClosing = false
        var id: Range<Int>?
        /// The `id` attribute as written (name, `=`, quoted value).
        var idAttribute: Range<Int>?
        var pagefind = false
        /// A `data-pagefind-*` attribute other than `data-pagefind-ignore`.
        var pagefindData = false
        var ignore: Range<Int>?? = nil
        var hidden = false
        /// `id` and `data-pagefind-*` attributes as written (name, `=`, quoted value).
        var kept: [Range<Int>] = []
        /// A `data-pagefind-*` value reads another attribute (`image[src]`,
        /// `data-pagefind-index-attrs`): every attribute is kept.
        var readsAttributes = false
    }

    struct Scanner {
        let b: UnsafeBufferPointer<UInt8>
        var out: [UInt8] = []
        var stack: [Open] = []
        static let pagefindPrefix = Array("data-pagefind-".utf8)

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            b = bytes
            out.reserveCapacity(bytes.count / 2)
        }

        static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }
        static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 32 : c }
        static func isNameByte(_ c: UInt8) -> Bool { !isSpace(c) && c != 0x2F && c != 0x3E }

        mutating func run() {
            var i = 0
            let n = b.count
            while i < n {
                if b[i] != 0x3C { i = text(from: i); continue }
                guard i + 1 < n else { out.append(b[i]); break }
                let next = b[i + 1]
                if next == 0x21 { i = skipDeclaration(i); continue }
                if next == 0x2F, i + 2 < n, Self.isLetter(b[i + 2]) { i = endTag(i); continue }
                if Self.isLetter(next) { i = startTag(i); continue }
                out.append(0x3C)
                i += 1
            }
            while let open = stack.popLast() {
                if open.kept { appendEnd(open.name) }
            }
        }

        static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

        /// Copies text up to the next `<`, each run of white space as one character
        /// (a newline if the run has one).
        mutating func text(from start: Int) -> Int {
            var i = start
            let n = b.count
            while i < n && b[i] != 0x3C {
                let c = b[i]
                if Self.isSpace(c) {
                    var newline = false
                    while i < n && Self.isSpace(b[i]) { if b[i] == 0x0A { newline = true }; i += 1 }
                    out.append(newline ? 0x0A : 0x20)
                } else {
                    out.append(c)
                    i += 1
                }
            }
            return i
        }

        /// `<!-- … -->` and `<!…>`: dropped.
        func skipDeclaration(_ start: Int) -> Int {
            let n = b.count
            if start + 3 < n && b[start + 2] == 0x2D && b[start + 3] == 0x2D {
                if let end = IndexedCopy.find(Array("-->".utf8), in: b, from: start + 4, to: n) { return end + 3 }
                return n
            }
            var i = start + 2
            while i < n && b[i] != 0x3E { i += 1 }
            return min(n, i + 1)
        }

        /// Reads the tag starting at `start` (`<name …>`), its attributes noted.
        func readTag(_ start: Int) -> Tag {
            var tag = Tag()
            tag.start = start
            let n = b.count
            var i = start + 1
            var name: [UInt8] = []
            while i < n && Self.isNameByte(b[i]) { name.append(Self.lower(b[i])); i += 1 }
            tag.name = String(decoding: name, as: UTF8.self)
            while i < n {
                let c = b[i]
                if c == 0x3E { i += 1; break }
                if c == 0x2F { if i + 1 < n && b[i + 1] == 0x3E { tag.selfClosing = true }; i += 1; continue }
                if Self.isSpace(c) { i += 1; continue }
                let nameStart = i
                while i < n && Self.isNameByte(b[i]) && b[i] != 0x3D { i += 1 }
                let nameEnd = i
                while i < n && Self.isSpace(b[i]) { i += 1 }
                var value: Range<Int>?
                var attributeEnd = nameEnd
                if i < n && b[i] == 0x3D {
                    i += 1
                    while i < n && Self.isSpace(b[i]) { i += 1 }
                    if i < n && (b[i] == 0x22 || b[i] == 0x27) {
                        let quote = b[i]
                        let valueStart = i + 1
                        i += 1
                        while i < n && b[i] != quote { i += 1 }
                        value = valueStart..<min(i, n)
                        i += 1
                    } else {
                        let valueStart = i
                        while i < n && !Self.isSpace(b[i]) && b[i] != 0x3E { i += 1 }
                        value = valueStart..<i
                    }
                    attributeEnd = min(i, n)
                }
                note(attribute: nameStart..<nameEnd, value: value, in: &tag)
                if equals(nameStart..<nameEnd, "id") || isPagefind(nameStart..<nameEnd) {
                    if equals(nameStart..<nameEnd, "id") { tag.idAttribute = nameStart..<attributeEnd }
                    tag.kept.append(nameStart..<attributeEnd)
                }
            }
            tag.end = min(i, n)
            // Only a heading's anchor can become a sub-result; any other id is dropped.
            if tag.id != nil && !IndexedCopy.headings.contains(tag.name) {
                tag.id = nil
                if let idAttribute = tag.idAttribute { tag.kept.removeAll { $0 == idAttribute } }
                tag.idAttribute = nil
            }
            return tag
        }

        func equals(_ range: Range<Int>, _ word: StaticString) -> Bool {
            guard range.count == word.utf8CodeUnitCount else { return false }
            let w = word.utf8Start
            for (k, i) in range.enumerated() where Self.lower(b[i]) != w[k] { return false }
            return true
        }

        func isPagefind(_ name: Range<Int>) -> Bool {
            name.count > 14 && equals(name.lowerBound..<(name.lowerBound + 14), "data-pagefind-")
        }

        func note(attribute name: Range<Int>, value: Range<Int>?, in tag: inout Tag) {
            if equals(name, "id") {
                if let value, !value.isEmpty { tag.id = value }
            } else if isPagefind(name) {
                tag.pagefind = true
                if equals(name, "data-pagefind-ignore") { tag.ignore = .some(value) } else { tag.pagefindData = true }
                if equals(name, "data-pagefind-index-attrs") || (value.map { b[$0].contains(0x5B) } ?? false) {
                    tag.readsAttributes = true
                }
            } else if equals(name, "hidden") {
                tag.hidden = true
            } else if equals(name, "aria-hidden"), let value, equals(value, "true") {
                tag.hidden = true
            }
        }

        /// Where the element opened by `tag` ends (just past its end tag), counting nested
        /// elements of the same name; the end of the input when it is not closed.
        func elementEnd(_ tag: Tag) -> Int {
            if tag.selfClosing || IndexedCopy.void.contains(tag.name) { return tag.end }
            let n = b.count
            let name = Array(tag.name.utf8)
            var depth = 1
            var i = tag.end
            while i < n {
                guard b[i] == 0x3C else { i += 1; continue }
                var j = i + 1
                let closing = j < n && b[j] == 0x2F
                if closing { j += 1 }
                var k = 0
                while k < name.count && j + k < n && Self.lower(b[j + k]) == name[k] { k += 1 }
                let after = j + k
                guard k == name.count, after < n, !Self.isNameByte(b[after]) || b[after] == 0x2F else { i += 1; continue }
                if IndexedCopy.rawText.contains(tag.name) && !closing { i += 1; continue }
                if closing {
                    depth -= 1
                    if depth == 0 {
                        var e = after
                        while e < n && b[e] != 0x3E { e += 1 }
                        return min(n, e + 1)
                    }
                } else {
                    let inner = readTag(i)
                    if !inner.selfClosing { depth += 1 }
                    i = inner.end
                    continue
                }
                i += 1
            }
            return n
        }

        func hasPagefindAttribute(from: Int, to end: Int) -> Bool {
            IndexedCopy.find(Self.pagefindPrefix, in: b, from: from, to: end) != nil
        }

        mutating func startTag(_ start: Int) -> Int {
            let tag = readTag(start)
            let parentAnchored = stack.last?.anchored ?? false
            let ignoredAll = tag.ignore.map { value in value.map { equals($0, "all") } ?? false } ?? false
            let ignored = tag.ignore != nil || IndexedCopy.unindexed.contains(tag.name)
            if ignored || IndexedCopy.furniture.contains(tag.name) || (tag.hidden && !tag.pagefind) {
                let end = elementEnd(tag)
                // Filters and meta inside an element Pagefind does not index still count.
                if ignoredAll || !(tag.pagefindData || hasPagefindAttribute(from: tag.end, to: end)) { return end }
                if ignored {
                    out.append(contentsOf: b[tag.start..<end])
                    return end
                }
            }
            if IndexedCopy.rawText.contains(tag.name) {
                // Text that is not markup (a <title> in the body); kept as written.
                let end = elementEnd(tag)
                out.append(contentsOf: b[tag.start..<end])
                return end
            }
            if tag.name == "br" {
                out.append(contentsOf: Array("<br>".utf8))
                return tag.end
            }
            let keep = tag.pagefind || tag.name == "img" || tag.id != nil
                || IndexedCopy.sentences.contains(tag.name)
                || (parentAnchored && !IndexedCopy.inline.contains(tag.name))
            if keep {
                if tag.name == "img" || tag.readsAttributes {
                    out.append(contentsOf: b[tag.start..<tag.end])
                } else if tag.pagefind {
                    out.append(0x3C)
                    out.append(contentsOf: tag.name.utf8)
                    for attribute in tag.kept {
                        out.append(0x20)
                        out.append(contentsOf: b[attribute])
                    }
                    out.append(0x3E)
                } else {
                    out.append(0x3C)
                    out.append(contentsOf: tag.name.utf8)
                    if let id = tag.id {
                        out.append(contentsOf: Array(" id=\"".utf8))
                        appendAttributeValue(id)
                        out.append(0x22)
                    }
                    out.append(0x3E)
                }
            }
            if tag.selfClosing || IndexedCopy.void.contains(tag.name) { return tag.end }
            let anchored = tag.id != nil || (parentAnchored && IndexedCopy.inline.contains(tag.name))
            stack.append(Open(name: tag.name, kept: keep, anchored: anchored))
            return tag.end
        }

        /// An attribute value between double quotes; a `"` in it (from a single-quoted
        /// value) written as `&quot;`.
        mutating func appendAttributeValue(_ range: Range<Int>) {
            for i in range {
                if b[i] == 0x22 { out.append(contentsOf: Array("&quot;".utf8)) } else { out.append(b[i]) }
            }
        }

        mutating func endTag(_ start: Int) -> Int {
            let n = b.count
            var i = start + 2
            var name: [UInt8] = []
            while i < n && Self.isNameByte(b[i]) { name.append(Self.lower(b[i])); i += 1 }
            while i < n && b[i] != 0x3E { i += 1 }
            let end = min(n, i + 1)
            let tagName = String(decoding: name, as: UTF8.self)
            // An end tag without its start tag is dropped; elements left open inside this
            // one are closed with it.
            guard let at = stack.lastIndex(where: { $0.name == tagName }) else { return end }
            while stack.count > at {
                let open = stack.removeLast()
                if open.kept { appendEnd(open.name) }
            }
            return end
        }

        mutating func appendEnd(_ name: String) {
            out.append(0x3C)
            out.append(0x2F)
            out.append(contentsOf: name.utf8)
            out.append(0x3E)
        }
    }
}
