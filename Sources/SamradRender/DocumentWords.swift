import SamradCore

/// What the portal calls its documents, from the types it holds: a site of meetings says
/// "möten", one that also holds reports says "möten och rapporter", so a report is never
/// counted or listed as a meeting. The words come from the site's catalogue
/// (`doc_meeting`, `doc_report_definite`, `count_transcript` …).
struct DocumentWords: Sendable {
    /// Documents per type, in the fixed order meeting, transcript, report.
    let counts: [(type: DocumentType, count: Int)]
    let catalogue: Catalogue

    init(_ types: some Sequence<DocumentType>, _ catalogue: Catalogue) {
        var n: [DocumentType: Int] = [:]
        for t in types { n[t, default: 0] += 1 }
        counts = DocumentType.allCases.compactMap { t in n[t].map { (t, $0) } }
        self.catalogue = catalogue
    }

    /// The types present; meetings when there is nothing yet.
    var types: [DocumentType] { counts.isEmpty ? [.meeting] : counts.map(\.type) }

    /// "möten", "möten och rapporter", "möten, seminarier och rapporter".
    var plural: String { catalogue.join(types.map { catalogue.form(2, "doc_\($0.rawValue)") }) }

    /// "mötena och rapporterna" / "the meetings and reports": "Alla frågor från mötena och rapporterna".
    var definite: String {
        catalogue.text("definite_list", ["list": catalogue.join(types.map { catalogue["doc_\($0.rawValue)_definite"] })])
    }

    /// "Mötena och rapporterna": the start of "Mötena 1–50 av 300".
    var definiteTitle: String { definite.prefix(1).uppercased() + definite.dropFirst() }

    /// "Möten och rapporter": for headings, navigation and page titles.
    var title: String { plural.prefix(1).uppercased() + plural.dropFirst() }

    /// "12 möten och 1 rapport"; "0 möten" for an empty site.
    var countText: String {
        guard !counts.isEmpty else { return catalogue.count(0, "count_meeting") }
        return catalogue.join(counts.map { catalogue.count($0.count, "count_\($0.type.rawValue)") })
    }

    /// The `{documents…}` placeholders of catalogue texts.
    var placeholders: [String: String] {
        ["documents": plural, "documents_title": title, "documents_definite": definite]
    }

    /// The catalogue's text `key` with these words and `values` filled in.
    func text(_ key: String, _ values: [String: String] = [:]) -> String {
        Catalogue.fill(catalogue[key], values.merging(placeholders) { own, _ in own })
    }
}

extension Catalogue {
    /// "möte" / "meeting": a document type's noun, for "Föregående möte".
    func noun(_ type: DocumentType) -> String { form(1, "doc_\(type.rawValue)") }

    /// "Möte" / "Meeting": for labels and breadcrumbs.
    func title(_ type: DocumentType) -> String { self["doc_\(type.rawValue)_title"] }

    /// "Mötets sammanfattning" / "Summary of the meeting".
    func summaryOwner(_ type: DocumentType) -> String { self["summary_of_\(type.rawValue)"] }
}
