import SamradCore
import SamradLoad
import SamradParse

/// A `#slug` written in the content, before it is resolved against `themes.yml`.
public struct TagRef: Sendable, Hashable {
    public var name: String
    public var location: SourceLocation
    public init(_ name: String, at location: SourceLocation) {
        self.name = name
        self.location = location
    }
}

/// One point of a summary box.
public struct SummaryPoint: Sendable {
    public var id: String
    public var number: Int
    /// The list item's blocks, tags taken off.
    public var content: [MarkdownNode]
    public var text: String
    /// Tags written on the point itself.
    public var tags: [TagRef]
    /// Everything that applies: the point's tags and all tags of the scopes around it.
    public var themes: [String]
    public var location: SourceLocation
}

public struct Summary: Sendable {
    public var id: String
    public var points: [SummaryPoint]
    public var location: SourceLocation
}

/// A sub-prompt listed under a question.
public struct Prompt: Sendable {
    public var content: [MarkdownNode]
    public var text: String
}

public struct Question: Sendable {
    public var id: String
    /// As written ("2", "2a"), nil for unnumbered questions.
    public var number: String?
    public var title: [MarkdownNode]
    public var text: String
    /// The heading the question sits under ("Rundabordssamtal 1").
    public var session: String?
    public var sessionID: String?
    public var level: Int
    public var prompts: [Prompt] = []
    public var summary: Summary?
    public var discussion: [BodyBlock] = []
    public var tags: [TagRef]
    public var themes: [String]
    public var location: SourceLocation
}

/// A heading that is not a question: a session, a section or a sub-theme.
public struct Heading: Sendable {
    public var id: String
    public var level: Int
    public var content: [MarkdownNode]
    public var text: String
    public var tags: [TagRef]
}

/// A paragraph that begins with a bold speaker name (`**KARIN:** …`).
public struct SpeakerTurn: Sendable {
    public var speaker: String
    public var content: [MarkdownNode]
}

/// A heading or paragraph tagged with a theme: shown on the theme's page as an excerpt
/// with a link to its place.
public struct TaggedExcerpt: Sendable {
    /// The anchor of the heading or paragraph on the meeting page.
    public var id: String
    /// The heading's text, nil for a paragraph.
    public var heading: String?
    /// The first sentences (of the paragraph, or of the section's first paragraph).
    public var text: String
    /// Tags written on the heading or paragraph itself.
    public var tags: [TagRef]
    public var themes: [String]
    public var location: SourceLocation
}

/// A tagged paragraph, which carries an anchor so that theme pages can link to it.
public struct AnchoredParagraph: Sendable {
    public var id: String
    public var node: MarkdownNode
}

/// A GFM footnote (`[^1]: …`), shown at the end of the page and kept in the data.
public struct Footnote: Sendable {
    public var number: Int
    public var label: String
    /// `fotnot-1`; references link here and back to `fotnot-ref-1`.
    public var id: String
    public var content: [MarkdownNode]
    public var text: String
}

/// The notes of a meeting in reading order. Questions and the meeting summary are held
/// once, in the meeting, and referred to here by position.
public enum BodyBlock: Sendable {
    case markdown(MarkdownNode)
    case heading(Heading)
    case question(Int)
    case meetingSummary
    case summary(Summary)
    case turn(SpeakerTurn)
    case anchored(AnchoredParagraph)
}

public struct PostIt: Sendable {
    public var id: String
    public var number: Int
    public var content: [MarkdownNode]
    public var text: String
    public var categoryPath: [String]
    public var tags: [TagRef]
    public var themes: [String]
    public var location: SourceLocation
}

public struct PostItCategory: Sendable {
    public var id: String
    /// From the top category down to this one.
    public var path: [String]
    /// 1 for top-level categories.
    public var depth: Int
    public var notes: [BodyBlock] = []
    public var postIts: [PostIt] = []
}

/// A post-it appendix: the wall after a workshop.
public struct PostItBoard: Sendable {
    public var slug: String
    public var title: String
    public var file: String
    public var intro: [BodyBlock]
    public var categories: [PostItCategory]
    public var postIts: [PostIt] { categories.flatMap(\.postIts) }
}

/// An appendix rendered as its own page.
public struct TextAppendix: Sendable {
    public var slug: String
    public var title: String
    public var file: String
    public var body: [BodyBlock]
    public var headingIDs: [String]
    public var footnotes: [Footnote] = []
}

/// An original document to link (front matter `documents`).
public struct DocumentLink: Sendable, Hashable {
    public var name: String
    /// Relative to the output folder.
    public var outputPath: String
    public var size: Int
    /// The `documents:` entry that lists it, so later stages can point at that line.
    public var location: SourceLocation? = nil
}

public struct Meeting: Sendable {
    public var slug: String
    public var file: String
    public var title: String
    public var date: ISODate
    public var endDate: ISODate?
    /// The day the record was last corrected, if the front matter says.
    public var updated: ISODate?
    public var attendance: Attendance?
    public var kind: String?
    /// Meeting, transcript or report: what the portal calls the document.
    public var type: DocumentType = .meeting
    public var authors: [String] = []
    /// Deepest heading level in the table of contents.
    public var tocDepth: Int = 2
    public var organizer: String?
    public var commissionedBy: String?
    public var location: String?
    public var lede: String?
    public var draft: Bool
    public var participants: [Located<String>]
    /// The participants with group and role, one per entry of `participants`.
    public var participantEntries: [ParticipantEntry] = []
    /// Themes from the front matter: what the meeting as a whole is about (items carry their own tags).
    public var frontThemes: [TagRef]
    public var body: [BodyBlock]
    public var questions: [Question]
    public var summary: Summary?
    public var boards: [PostItBoard]
    public var appendices: [TextAppendix]
    public var speakers: [String]
    public var attachments: [AssetFile]
    public var documents: [DocumentLink]
    /// Every tag written anywhere in the meeting, with its place, for validation.
    public var allTags: [TagRef]
    /// Every id on the meeting page, for link checks.
    public var anchors: [String]
    public var footnotes: [Footnote] = []
    /// Tagged headings and paragraphs, in document order.
    public var excerpts: [TaggedExcerpt] = []
    /// The front matter had errors: the meeting was read for its other diagnostics only.
    public var frontMatterBroken = false

    public var postIts: [PostIt] { boards.flatMap(\.postIts) }

    /// How many post-its, without copying them.
    public var postItCount: Int { boards.reduce(0) { $0 + $1.categories.reduce(0) { $0 + $1.postIts.count } } }
}

/// A free page (`content/pages/om.md` → `/om/`).
public struct Page: Sendable {
    public var slug: String
    public var file: String
    public var title: String
    public var description: String?
    public var order: Int?
    public var body: [BodyBlock]
    public var allTags: [TagRef]
    public var anchors: [String]
    public var footnotes: [Footnote] = []
}

public struct ExtractedSite: Sendable {
    public var config: SiteConfig
    public var themes: [ThemeDefinition]
    public var organizations: [OrganizationDefinition]
    public var meetings: [Meeting]
    public var pages: [Page]

    public init(config: SiteConfig, themes: [ThemeDefinition], organizations: [OrganizationDefinition], meetings: [Meeting], pages: [Page]) {
        self.config = config
        self.themes = themes
        self.organizations = organizations
        self.meetings = meetings
        self.pages = pages
    }
}
