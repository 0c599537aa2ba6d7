import SamradCore
import SamradParse

/// Finds where a tag was written, for messages: cmark gives block positions only, so the
/// tag is looked up in the source lines of its block.
struct SourceLines: Sendable {
    let file: String
    let lines: [Substring]

    init(file: String, text: String) {
        self.file = file
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Trailing tags end their block, so the last whole `#tag` between `line` and `end` is
    /// the one: the same word earlier in the block is text, and `#barn` must not be found
    /// inside `#barn-och-unga`. Without an end line, the first line from `line` holding it.
    func locate(_ tag: String, fromLine line: Int, toLine end: Int = 0) -> SourceLocation {
        guard line > 0, line <= lines.count else { return SourceLocation(file: file) }
        return find(tag, fromLine: line, toLine: end) ?? SourceLocation(file: file, line: line)
    }

    /// Where `#tag` stands as a word in the block, or nil when it is not written there.
    func find(_ tag: String, fromLine line: Int, toLine end: Int) -> SourceLocation? {
        guard line > 0, line <= lines.count else { return nil }
        let range: [Int] = end >= line
            ? Array(stride(from: min(end, lines.count), through: line, by: -1))
            : Array(line...min(lines.count, line + 199))
        for l in range {
            if let column = Self.lastColumn(of: tag, in: lines[l - 1]) {
                return SourceLocation(file: file, line: l, column: column)
            }
        }
        return nil
    }

    /// 1-based column, in characters, of the last `#tag` in `text` that stands as a word.
    static func lastColumn(of tag: String, in text: Substring) -> Int? {
        var column: Int?
        for range in text.ranges(of: "#" + tag) {
            if range.lowerBound > text.startIndex, !text[text.index(before: range.lowerBound)].isWhitespace { continue }
            if range.upperBound < text.endIndex {
                let after = text[range.upperBound]
                if after.isLetter || after.isNumber || after == "-" { continue }
            }
            column = text.distance(from: text.startIndex, to: range.lowerBound) + 1
        }
        return column
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
        let names = TrailingTags.strip(&node.children) { name in
            line <= 0 || source.find(name, fromLine: line, toLine: end) != nil
        }
        guard !names.isEmpty else { return [] }
        node.children.append(MarkdownNode(.themeTags(names), line: node.line))
        return names.map { TagRef($0, at: source.locate($0, fromLine: node.line, toLine: node.endLine)) }
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
