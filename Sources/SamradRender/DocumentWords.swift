import SamradCore

/// What the portal calls its documents, from the types it holds: a site of meetings says
/// "möten", one that also holds reports says "möten och rapporter", so a report is never
/// counted or listed as a meeting.
struct DocumentWords: Sendable {
    /// Documents per type, in the fixed order meeting, transcript, report.
    let counts: [(type: DocumentType, count: Int)]

    init(_ types: some Sequence<DocumentType>) {
        var n: [DocumentType: Int] = [:]
        for t in types { n[t, default: 0] += 1 }
        counts = DocumentType.allCases.compactMap { t in n[t].map { (t, $0) } }
    }

    /// The types present; meetings when there is nothing yet.
    var types: [DocumentType] { counts.isEmpty ? [.meeting] : counts.map(\.type) }

    /// "möten", "möten och rapporter", "möten, seminarier och rapporter".
    var plural: String { Phrases.list(types.map(\.noun.plural)) }

    /// "mötena och rapporterna": "Alla frågor från mötena och rapporterna".
    var definite: String { Phrases.list(types.map(\.definitePlural)) }

    /// "Mötena och rapporterna": the start of "Mötena 1–50 av 300".
    var definiteTitle: String { definite.prefix(1).uppercased() + definite.dropFirst() }

    /// "Möten och rapporter": for headings, navigation and page titles.
    var title: String { plural.prefix(1).uppercased() + plural.dropFirst() }

    /// "12 möten och 1 rapport"; "0 möten" for an empty site.
    var countText: String {
        guard !counts.isEmpty else { return Phrases.count(0, "möte", "möten") }
        return Phrases.list(counts.map { Phrases.count($0.count, $0.type.noun.singular, $0.type.noun.plural) })
    }
}

extension DocumentType {
    /// "mötena", "rapporterna".
    var definitePlural: String {
        switch self {
        case .meeting: return "mötena"
        case .transcript: return "seminarierna"
        case .report: return "rapporterna"
        }
    }

    /// "mötets", "rapportens": for "Mötets sammanfattning".
    var genitive: String {
        switch self {
        case .meeting: return "mötets"
        case .transcript: return "seminariets"
        case .report: return "rapportens"
        }
    }
}
