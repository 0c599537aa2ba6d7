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

    func locate(_ tag: String, fromLine line: Int) -> SourceLocation {
        let needle = "#" + tag
        guard line > 0 else { return SourceLocation(file: file) }
        var l = line
        while l <= lines.count && l < line + 200 {
            let text = lines[l - 1]
            if let range = text.ranges(of: needle).last {
                return SourceLocation(file: file, line: l, column: text.distance(from: text.startIndex, to: range.lowerBound) + 1)
            }
            l += 1
        }
        return SourceLocation(file: file, line: line)
    }
}


/// Takes tags off paragraphs, headings and list items anywhere in a block tree, leaving
/// a `.themeTags` node where they were, and reports each tag with its place.
struct TagStripper {
    let source: SourceLines

    /// Strips the trailing tags of one run of inlines; returns them located.
    func stripInlines(_ node: inout MarkdownNode) -> [TagRef] {
        let names = TrailingTags.strip(&node.children)
        guard !names.isEmpty else { return [] }
        node.children.append(MarkdownNode(.themeTags(names), line: node.line))
        return names.map { TagRef($0, at: source.locate($0, fromLine: node.line)) }
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

    /// The tags written on a list item itself: those ending its first paragraph.
    func stripItem(_ item: inout MarkdownNode) -> [TagRef] {
        guard let p = item.children.firstIndex(where: { $0.isParagraph }) else { return [] }
        return stripInlines(&item.children[p])
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
