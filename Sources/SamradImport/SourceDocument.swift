import SamradCore

/// One line of a document's text as a converter gave it, with what the layout said about it.
struct SourceLine: Sendable, Equatable {
    var text: String
    /// 1-based line number in the converter's text (what the report points to).
    var number: Int
    /// The first line of a page (PDF page, form feed, or the page break a PDF copy leaves).
    var pageStart = false
    /// The page the line is on, counting from 1.
    var page = 1
    /// Font size relative to the document's body text (1.0 = body), when the PDF says it.
    var relativeSize: Double? = nil
    /// The line starts a new layout block (PDF) — a paragraph boundary the layout knows.
    var blockStart = false
    /// Left edge of the line in points, when the PDF says it.
    var x: Double? = nil
    /// Where a list item's text begins, right of its bullet, when the PDF gave the bullet
    /// as a piece of its own (Word's lists): the item's wrapped lines start there too,
    /// the paragraph after the list does not.
    var textX: Double? = nil
}

/// A piece of the document after clean-up, before its meaning is known.
struct SourceBlock: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A heading; `level` when the source says it (Word styles, font size, Markdown), else nil.
        case heading(level: Int?)
        case paragraph
        /// A list item; `depth` 0 for the outer list.
        case item(depth: Int, ordered: Bool)
        /// Lines kept exactly as they are (Markdown tables, footnote definitions).
        case verbatim
        /// A blank line in the source that separates two lists (groups of participants).
        case listBreak
    }
    var kind: Kind
    var text: String
    /// Line in the converter's text where the block starts.
    var line: Int
    var page = 1
    var relativeSize: Double? = nil
    /// The block opens a page (chapters in the NOD documents start on a new page).
    var pageStart = false
    /// Empty paragraphs (lines holding only spaces) right before the block: Word documents
    /// use them for space above a higher-level category, and the PDF copy keeps them.
    var spacersBefore = 0

    var isHeading: Bool { if case .heading = kind { true } else { false } }
    var isItem: Bool { if case .item = kind { true } else { false } }
}

/// Something taken out as page furniture, for the report.
public struct DroppedLine: Sendable, Equatable, Codable {
    public var line: Int
    public var text: String
    /// Why it was dropped, in the site's language (said from `reasonKey` when the report
    /// is made; English until then).
    public var reason: String
    /// The catalogue entry the reason is said from (`import_dropped_…`).
    var reasonKey: String = ""

    enum CodingKeys: String, CodingKey { case line, text, reason }

    init(line: Int, text: String, reasonKey: String) {
        self.line = line
        self.text = text
        self.reasonKey = reasonKey
        reason = Catalogue.english[reasonKey]
    }
}
