/// What kind of document a record is. The portal's words follow it: a report is never
/// called a meeting in lists, counts, headings or the feed, and speaker turns are read
/// only in transcripts.
public enum DocumentType: String, Sendable, Hashable, CaseIterable, Codable {
    /// A dialogue meeting, forum or workshop written up as notes.
    case meeting
    /// A seminar or podcast written down turn by turn (`**NAMN:** …`).
    case transcript
    /// A report: authors, chapters, a deeper table of contents.
    case report

    // Its words ("möte", "rapporter", "Seminarium") are in the catalogue: `doc_<type>`,
    // `doc_<type>_title`, `doc_<type>_definite`, `count_<type>`.

    /// Table-of-contents depth when the front matter does not say (`toc_depth`): the
    /// sessions and questions of a meeting, the chapters, sections and subsections of a report.
    public var defaultTOCDepth: Int { self == .report ? 3 : 2 }
}

/// A participant as written in the front matter, with its group and role if given.
public struct ParticipantEntry: Sendable, Hashable {
    public var name: String
    public var role: String?
    /// The heading of the group it was listed under ("Civilsamhället"), nil in a flat list.
    public var group: String?
    public init(name: String, role: String? = nil, group: String? = nil) {
        self.name = name
        self.role = role
        self.group = group
    }
}
