/// The Markdown syntax tree as plain Swift values, converted once from cmark-gfm's C tree.
/// Later stages read and rewrite it freely without touching C memory.
public struct MarkdownNode: Sendable, Equatable {
    public enum TableAlignment: Sendable, Equatable { case none, left, center, right }

    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [TableAlignment])
        case tableRow(isHeader: Bool)
        case tableCell
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(source: String, title: String)
        /// A container without markup of its own (cmark custom nodes).
        case group
        /// Theme tags taken off the end of a heading, paragraph or list item by the extract
        /// stage; rendered as links to the themes, in place of the `#slug` text.
        case themeTags([String])
        /// `[^label]` in the text; `number` counts the notes in the order cmark-gfm lists
        /// them (by first reference), from 1.
        case footnoteReference(label: String, number: Int)
        /// `[^label]: …`, moved by cmark-gfm to the end of the document.
        case footnoteDefinition(label: String, number: Int)
    }

    public var kind: Kind
    public var children: [MarkdownNode]
    /// 1-based position in the source file (front matter included), 0 when unknown.
    public var line: Int
    public var column: Int
    /// Last line of the node in the file, 0 when unknown. Trailing tags sit at the end of a
    /// block, so messages about them search the block from here upwards.
    public var endLine: Int

    public init(_ kind: Kind, children: [MarkdownNode] = [], line: Int = 0, column: Int = 0, endLine: Int = 0) {
        self.kind = kind
        self.children = children
        self.line = line
        self.column = column
        self.endLine = endLine
    }

    public var isHeading: Bool { if case .heading = kind { return true } else { return false } }
    public var headingLevel: Int? { if case .heading(let l) = kind { return l } else { return nil } }
    public var isList: Bool { if case .list = kind { return true } else { return false } }
    public var isParagraph: Bool { kind == .paragraph }
    public var isFootnoteDefinition: Bool { if case .footnoteDefinition = kind { return true } else { return false } }

    /// The text a reader sees, without markup: for ids, search, feeds and matching labels.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        switch kind {
        case .text(let s), .code(let s): out += s
        case .footnoteReference(_, let number): out += "[\(number)]"
        case .footnoteDefinition: break
        case .softBreak, .lineBreak: out += " "
        case .image: break
        case .htmlInline, .htmlBlock, .themeTags: break
        case .codeBlock(_, let literal): out += literal
        default:
            for (i, child) in children.enumerated() {
                if i > 0 && !child.isInline && !out.isEmpty && !out.hasSuffix(" ") { out += " " }
                child.appendPlainText(to: &out)
            }
        }
    }

    public var isInline: Bool {
        switch kind {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .strikethrough, .link, .image, .themeTags, .footnoteReference:
            return true
        default:
            return false
        }
    }
}
