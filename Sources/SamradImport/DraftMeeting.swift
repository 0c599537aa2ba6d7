/// A meeting as the importer understood it, ready to be written as Markdown.
struct DraftMeeting: Sendable {
    var title: String
    /// `YYYY-MM-DD` or `YYYY-MM`.
    var date: String
    var kind: String?
    /// "transcript" when the document is a conversation of speaker turns; nil for a meeting.
    var type: String?
    var organizer: String?
    var commissionedBy: String?
    var participants: [ParticipantGroup] = []
    var body: [DraftBlock] = []
    var boards: [DraftBoard] = []
    var counts = ImportCounts()
    /// Doubts about the front matter, written as comments right after it.
    var frontMatterNotes: [ImportNote] = []
    /// `true` when the body is Markdown already (pandoc's GFM) and must not be escaped again.
    var bodyIsMarkdown = false
}

struct ParticipantGroup: Sendable, Equatable {
    /// nil for a list without groups.
    var name: String?
    var members: [String]
}

/// A post-it board: a file beside index.md with `appendix: postits`.
struct DraftBoard: Sendable {
    var title: String
    var fileName: String
    var body: [DraftBlock]
}

enum DraftBlock: Sendable, Equatable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case list([String])
    /// Lines written as they are (tables and footnote definitions from Word).
    case verbatim([String])
    /// `**NAME:** text`
    case turn(speaker: String, text: String)
    /// Something the importer was unsure of: a `<!-- samrad: … -->` comment and a report line.
    case unsure(ImportNote)
}

/// What was recognised, for the report.
public struct ImportCounts: Sendable, Equatable, Codable {
    public var participants = 0
    public var sessions = 0
    public var questions = 0
    public var prompts = 0
    public var summaryPoints = 0
    public var postits = 0
    public var speakerTurns = 0
    public var footnotes = 0
    public var tables = 0
    public var headings = 0
    public var paragraphs = 0
}
