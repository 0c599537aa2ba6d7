import Foundation
import SamradCore
import SamradParse

/// Finds where a tag was written, for messages: cmark gives block positions only, so the
/// tag is looked up in the source lines of its block. Lines are byte ranges of the UTF-8
/// text: every tagged paragraph of every meeting is searched, so this stays off Characters.
struct SourceLines: Sendable {
    let file: String
    private let bytes: [UInt8]
    /// Offset in `bytes` where each line starts; one past the last line's end at the end.
    private let starts: [Int]

    init(file: String, text: String) {
        self.file = file
        bytes = Array(text.utf8)
        starts = Self.lineStarts(bytes)
    }

    /// 0, then the offset after each line feed, then `count + 1`. Found with memchr: every
    /// meeting file and appendix is indexed here.
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 2)
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            var i = 0
            while i < b.count, let hit = memchr(base + i, 0x0A, b.count - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                starts.append(at + 1)
                i = at + 1
            }
        }
        starts.append(bytes.count + 1)
        return starts
    }

    /// `lineStarts` byte by byte: what the memchr walk must equal.
    static func lineStartsBytewise(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        starts.append(bytes.count + 1)
        return starts
    }

    var count: Int { starts.count - 1 }

    /// Trailing tags end their block, so the last whole `#tag` between `line` and `end` is
    /// the one: the same word earlier in the block is text, and `#barn` must not be found
    /// inside `#barn-och-unga`. Without an end line, the first line from `line` holding it.
    func locate(_ tag: String, fromLine line: Int, toLine end: Int = 0) -> SourceLocation {
        guard line > 0, line <= count else { return SourceLocation(file: file) }
        return find(tag, fromLine: line, toLine: end) ?? SourceLocation(file: file, line: line)
    }

    /// Where `#tag` stands as a word in the block, or nil when it is not written there.
    func find(_ tag: String, fromLine line: Int, toLine end: Int) -> SourceLocation? {
        guard line > 0, line <= count else { return nil }
        var name = tag
        return name.withUTF8 { needle -> SourceLocation? in
            // Lines in place, not an array of line numbers: this runs for every tag.
            if end >= line {
                var l = min(end, count)
                while l >= line {
                    if let column = lastColumn(of: needle, inLine: l) { return SourceLocation(file: file, line: l, column: column) }
                    l -= 1
                }
            } else {
                for l in line...min(count, line + 199) {
                    if let column = lastColumn(of: needle, inLine: l) { return SourceLocation(file: file, line: l, column: column) }
                }
            }
            return nil
        }
    }

    /// Where a backward search through a block's trailing tags stands: tags are taken
    /// off from the last, so each is looked for only before the one found before it, and
    /// a line of n tags is searched once in all, not n times.
    struct Cursor {
        var line: Int
        /// Byte offset in the file: a tag must end at or before it.
        var end: Int
        /// The 1-based column of `end` when known (same line), for counting columns back
        /// instead of from the line start each time.
        var column: Int?
    }

    /// A cursor at the end of line `line` (clamped to the file).
    func cursor(atEndOfLine line: Int) -> Cursor {
        let l = max(1, min(line, count))
        return Cursor(line: l, end: max(starts[l - 1], starts[l] - 1), column: nil)
    }

    /// The last `#tag` standing as a word before `cursor`, on lines down to `firstLine`;
    /// moves the cursor to its start. Nil (cursor unchanged) when there is none.
    func findBefore(_ tag: String, cursor: inout Cursor, firstLine: Int) -> SourceLocation? {
        guard firstLine > 0, firstLine <= count else { return nil }
        var name = tag
        return name.withUTF8 { needle -> SourceLocation? in
            let length = needle.count + 1
            var l = min(cursor.line, count)
            var limit = cursor.end
            var knownColumn = cursor.column
            while l >= firstLine {
                let lineStart = starts[l - 1]
                let lineEnd = max(lineStart, starts[l] - 1)
                var i = min(limit, lineEnd) - length
                while i >= lineStart {
                    if bytes[i] == 0x23, matches(needle, at: i + 1), standsAlone(i, i + length, lineStart, lineEnd) {
                        // A `#` after whitespace starts a character, so characters can be
                        // counted on the stretch between two finds alone.
                        let limitHere = min(limit, lineEnd)
                        let column = knownColumn.map { $0 - characters(i, limitHere) }
                            ?? characters(lineStart, i) + 1
                        cursor = Cursor(line: l, end: i, column: column)
                        return SourceLocation(file: file, line: l, column: column)
                    }
                    i -= 1
                }
                l -= 1
                guard l >= 1 else { break }
                limit = max(starts[l - 1], starts[l] - 1)
                knownColumn = nil
            }
            return nil
        }
    }

    private func characters(_ from: Int, _ to: Int) -> Int {
        UTF8Bytes.characterCount(bytes, from: from, to: to)
    }

    /// 1-based column, in characters, of the last `#` + `needle` on line `l` that stands
    /// as a word.
    private func lastColumn(of needle: UnsafeBufferPointer<UInt8>, inLine l: Int) -> Int? {
        let lineStart = starts[l - 1]
        let lineEnd = max(lineStart, starts[l] - 1)
        let length = needle.count + 1
        guard lineEnd - lineStart >= length else { return nil }
        var found: Int?
        var i = lineStart
        while i + length <= lineEnd {
            if bytes[i] == 0x23, matches(needle, at: i + 1), standsAlone(i, i + length, lineStart, lineEnd) {
                found = i
            }
            i += 1
        }
        guard let found else { return nil }
        return UTF8Bytes.characterCount(bytes, from: lineStart, to: found) + 1
    }

    private func matches(_ needle: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        for j in 0..<needle.count where bytes[i + j] != needle[j] { return false }
        return true
    }

    /// Whitespace (or the line start) before, and no letter, digit or hyphen after.
    private func standsAlone(_ start: Int, _ end: Int, _ lineStart: Int, _ lineEnd: Int) -> Bool {
        if start > lineStart {
            let before = bytes[start - 1]
            if before < 0x80 {
                if !UTF8Bytes.isASCIIWhitespace(before) { return false }
            } else if !character(endingAt: start, from: lineStart).isWhitespace {
                return false
            }
        }
        if end < lineEnd {
            let after = bytes[end]
            if after < 0x80 {
                if UTF8Bytes.isASCIIDigit(after) || UTF8Bytes.isASCIILetter(after) || after == 0x2D { return false }
            } else {
                let next = character(startingAt: end, to: lineEnd)
                if next.isLetter || next.isNumber { return false }
            }
        }
        return true
    }

    private func character(endingAt end: Int, from lineStart: Int) -> Character {
        let start = UTF8Bytes.scalarStart(in: bytes, before: end, from: lineStart)
        return String(decoding: bytes[start..<end], as: UTF8.self).last ?? " "
    }

    private func character(startingAt start: Int, to lineEnd: Int) -> Character {
        var end = start + 1
        while end < lineEnd, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self).first ?? " "
    }
}

/// Takes tags off paragraphs, headings and list items anywhere in a block tree, leaving
/// a `.themeTags` node where they were, and reports each tag with its place.
struct TagStripper {
    let source: SourceLines

    /// Strips the trailing tags of one run of inlines; returns them located.
    func stripInlines(_ node: inout MarkdownNode) -> [TagRef] {
        // cmark merges an escaped `\#slug` into the text around it, so the tree alone cannot
        // tell it from a tag: only a `#slug` written as a word in the source is one.
        let (line, end) = (node.line, node.endLine)
        // Found from the last tag backwards, each before the previous one.
        var cursor = source.cursor(atEndOfLine: max(end, line))
        var located: [SourceLocation] = []
        let names = TrailingTags.strip(&node.children) { name in
            guard line > 0 else { return true }
            guard let at = source.findBefore(name, cursor: &cursor, firstLine: line) else { return false }
            located.append(at)
            return true
        }
        guard !names.isEmpty else { return [] }
        node.children.append(MarkdownNode(.themeTags(names), line: node.line))
        let places = located.count == names.count ? Array(located.reversed()) : names.map { source.locate($0, fromLine: line, toLine: end) }
        return zip(names, places).map { TagRef($0, at: $1) }
    }

    /// Every paragraph and heading in `node`; nested list items inherit their parent's tags.
    func stripAll(_ node: inout MarkdownNode) -> [TagRef] {
        switch node.kind {
        case .paragraph, .heading:
            return stripInlines(&node)
        case .codeBlock, .htmlBlock, .thematicBreak, .table:
            return []
        default:
            var all: [TagRef] = []
            for i in node.children.indices where !node.children[i].isInline {
                all += stripAll(&node.children[i])
            }
            return all
        }
    }

    /// The tags written on a list item itself: those ending any of its paragraphs, since a
    /// point may run over several. Nested lists hold items of their own and are left alone.
    func stripItem(_ item: inout MarkdownNode) -> [TagRef] {
        var found: [TagRef] = []
        for i in item.children.indices where item.children[i].isParagraph {
            found += stripInlines(&item.children[i])
        }
        return found
    }
}

extension MarkdownNode {
    /// True when a paragraph held nothing but tags (they were taken off already).
    var isOnlyTags: Bool {
        guard kind == .paragraph, !children.isEmpty else { return false }
        return children.allSatisfy {
            if case .themeTags = $0.kind { return true }
            if case .text(let s) = $0.kind { return s.trimmed.isEmpty }
            return $0.kind == .softBreak
        }
    }
}
