import CCmarkGFM
import SamradCore

/// Parses CommonMark + GFM (tables, strikethrough, autolinks, tag filter, footnotes) with cmark-gfm.
public enum MarkdownParser {
    /// Deeper nesting is flattened: it keeps hostile input from exhausting the stack of a
    /// worker thread, and no meeting record nests lists or quotes this deep on purpose.
    public static let maxDepth = 64

    public struct Result: Sendable {
        public var document: MarkdownNode
        public var flattened: Bool
    }

    /// - Parameter lineOffset: lines before the Markdown in its file (the front matter),
    ///   added to every position so that messages point at the right line of the file.
    public static func parse(_ markdown: String, lineOffset: Int = 0) -> Result {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else {
            return Result(document: MarkdownNode(.document), flattened: false)
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        // Fed straight from the string's own UTF-8: cmark takes a length, not a C string.
        var text = markdown
        text.withUTF8 { buffer in
            if let base = buffer.baseAddress {
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            return Result(document: MarkdownNode(.document), flattened: false)
        }
        defer { cmark_node_free(root) }
        // cmark-gfm does not hand out a footnote's label; it is read from the source at
        // the node's position, so the lines are kept only when there may be footnotes.
        let lines = markdown.containsByte(UInt8(ascii: "^")) ? markdown.split(separator: "\n", omittingEmptySubsequences: false) : []
        return convert(root, lineOffset: lineOffset, lines: lines)
    }

    /// The label of `[^label]` starting at a 1-based line and byte column.
    private static func footnoteLabel(_ lines: [Substring], line: Int, column: Int) -> String {
        guard line >= 1, line <= lines.count else { return "" }
        let bytes = Array(lines[line - 1].utf8)
        var i = column - 1
        // A definition's position may be before its indentation.
        while i >= 0, i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
        guard i >= 0, i + 1 < bytes.count, bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "^") else { return "" }
        guard let end = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: "]")) else { return "" }
        return String(decoding: bytes[(i + 2)..<end], as: UTF8.self)
    }

    /// Iterative walk with an explicit stack, so depth never reaches the call stack.
    private static func convert(_ root: OpaquePointer, lineOffset: Int, lines: [Substring]) -> Result {
        guard let iter = cmark_iter_new(root) else { return Result(document: MarkdownNode(.document), flattened: false) }
        defer { cmark_iter_free(iter) }
        var stack: [MarkdownNode] = []
        // For each cmark container entered: was it pushed (true) or flattened into its parent?
        var pushed: [Bool] = []
        var flattened = false
        var result = MarkdownNode(.document)
        // Text cut into pieces by cmark (at every `_`, `*`, `[`, `&`, `!` that opened
        // nothing) is joined into one node: the pieces read as one text, and a paragraph
        // of `_a_a_a…` would otherwise become a node per byte here and in every later stage.
        var pending: (node: MarkdownNode, text: String)?
        func flush() {
            guard let (node, text) = pending else { return }
            pending = nil
            guard !stack.isEmpty else { return }
            var joined = node
            joined.kind = .text(text)
            stack[stack.count - 1].children.append(joined)
        }

        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let isContainer = hasChildrenKind(node)
            if event == CMARK_EVENT_ENTER, cmark_node_get_type(node) == CMARK_NODE_TEXT {
                let text = string(cmark_node_get_literal(node))
                if pending != nil {
                    pending?.text += text
                    let end = Int(cmark_node_get_end_line(node)) + lineOffset
                    if end > pending?.node.endLine ?? 0 { pending?.node.endLine = end }
                } else {
                    // The literal is read once, here: `flush` gives the node its text.
                    pending = (makeNode(node, lineOffset: lineOffset, textLiteral: false), text)
                }
                continue
            }
            flush()
            if event == CMARK_EVENT_ENTER {
                var converted = makeNode(node, lineOffset: lineOffset)
                switch converted.kind {
                case .footnoteReference:
                    let label = footnoteLabel(lines, line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
                    converted.kind = .footnoteReference(label: label, number: 0)
                case .footnoteDefinition:
                    // Its position is that of its text, after "[^label]: ": the label opens the line.
                    let label = footnoteLabel(lines, line: Int(cmark_node_get_start_line(node)), column: 1)
                    converted.kind = .footnoteDefinition(label: label, number: 0)
                default: break
                }
                if isContainer {
                    if shouldPush(converted.kind, depth: stack.count, parent: stack.last?.kind) {
                        stack.append(converted)
                        pushed.append(true)
                    } else {
                        flattened = true
                        pushed.append(false)
                    }
                } else if !stack.isEmpty {
                    stack[stack.count - 1].children.append(converted)
                }
            } else if event == CMARK_EVENT_EXIT {
                guard let wasPushed = pushed.popLast(), wasPushed, let finished = stack.popLast() else { continue }
                if stack.isEmpty {
                    result = finished
                } else {
                    stack[stack.count - 1].children.append(finished)
                }
            }
        }
        numberFootnotes(&result)
        return Result(document: result, flattened: flattened)
    }

    /// cmark-gfm puts the definitions that are referenced at the end of the document, in
    /// the order of their first reference: their position there is their number, and the
    /// references get the number of their label.
    private static func numberFootnotes(_ document: inout MarkdownNode) {
        var numbers: [String: Int] = [:]
        for i in document.children.indices {
            guard case .footnoteDefinition(let label, _) = document.children[i].kind else { continue }
            numbers[label] = numbers.count + 1
            document.children[i].kind = .footnoteDefinition(label: label, number: numbers.count)
        }
        guard !numbers.isEmpty else { return }
        var stack: [WritableKeyPath<MarkdownNode, MarkdownNode>] = [\.self]
        while let path = stack.popLast() {
            if case .footnoteReference(let label, _) = document[keyPath: path].kind {
                document[keyPath: path].kind = .footnoteReference(label: label, number: numbers[label] ?? 0)
            }
            for i in document[keyPath: path].children.indices { stack.append(path.appending(path: \.children[i])) }
        }
    }

    /// Below `maxDepth` every container is kept. Deeper, lists, items and quotes are
    /// dropped but their paragraphs kept (attached to the deepest item), so no text is
    /// lost; an item is still kept right inside a list so that lists stay well-formed.
    /// Nothing is kept beyond twice the limit.
    private static func shouldPush(_ kind: MarkdownNode.Kind, depth: Int, parent: MarkdownNode.Kind?) -> Bool {
        if depth < maxDepth { return true }
        if depth >= maxDepth * 2 { return false }
        switch kind {
        case .list, .blockQuote: return false
        case .item:
            if case .list = parent { return true }
            return false
        default:
            return true
        }
    }

    /// cmark sends ENTER and EXIT only for nodes that can have children.
    private static func hasChildrenKind(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
             CMARK_NODE_HTML_INLINE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            return false
        default:
            return true
        }
    }

    private static func string(_ p: UnsafePointer<CChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    /// - Parameter textLiteral: false to leave a text node's literal unread (`.text("")`),
    ///   for a caller that has read it already.
    private static func makeNode(_ node: OpaquePointer, lineOffset: Int, textLiteral: Bool = true) -> MarkdownNode {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        let end = Int(cmark_node_get_end_line(node))
        let pos = (line > 0 ? line + lineOffset : 0, column)
        let endLine = end >= line && line > 0 ? end + lineOffset : pos.0
        let kind: MarkdownNode.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_LIST:
            kind = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_CODE_BLOCK:
            kind = .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_TEXT: kind = .text(textLiteral ? string(cmark_node_get_literal(node)) : "")
        case CMARK_NODE_SOFTBREAK: kind = .softBreak
        case CMARK_NODE_LINEBREAK: kind = .lineBreak
        case CMARK_NODE_CODE: kind = .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: kind = .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: kind = .emphasis
        case CMARK_NODE_STRONG: kind = .strong
        case CMARK_NODE_LINK:
            kind = .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            kind = .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            kind = .footnoteReference(label: "", number: 0)
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            kind = .footnoteDefinition(label: "", number: 0)
        default:
            kind = extensionKind(node)
        }
        return MarkdownNode(kind, line: pos.0, column: pos.1, endLine: endLine)
    }

    private static func extensionKind(_ node: OpaquePointer) -> MarkdownNode.Kind {
        switch string(cmark_node_get_type_string(node)) {
        case "table":
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [MarkdownNode.TableAlignment] = []
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                for i in 0..<columns {
                    switch raw[i] {
                    case UInt8(ascii: "l"): alignments.append(.left)
                    case UInt8(ascii: "c"): alignments.append(.center)
                    case UInt8(ascii: "r"): alignments.append(.right)
                    default: alignments.append(.none)
                    }
                }
            }
            return .table(alignments: alignments)
        case "table_header": return .tableRow(isHeader: true)
        case "table_row": return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case "table_cell": return .tableCell
        case "strikethrough": return .strikethrough
        default:
            // Unknown custom nodes keep their children; their own markup is dropped.
            return .group
        }
    }
}
