import Foundation
import Testing
@testable import Samrad
@testable import SamradImport
import SamradCore

/// The notes `samrad import` writes into its drafts (`<!-- samrad: … -->`) and the reasons
/// of its report's dropped lines are in the site's language: a Swedish site's reviewer
/// reads Swedish, an English site's English.
@Suite("import: notes in the site's language")
struct ImportNoteLanguageTests {
    /// Two pages with a page number each and no title page.
    static let document = "\u{0C}Deltagare\n\n• Fryshuset\n\nDialogmötet hölls den 3 maj 2024 i Stockholm.\n\n1\n"
        + "\u{0C}Fråga 1 – Vad behövs?\n\nMer samverkan behövs.\n\n2\n"

    /// Imports `document` as möte.txt into a site in `language` and hands the site, the
    /// report and the draft to `body` before the site is removed.
    func importing<T>(_ document: String, language: String?, dryRun: Bool = true,
                      _ body: (SiteFolder, ImportReport, String) throws -> T) throws -> T {
        var files = ImportFixtures.site
        if let language { files["site.yml", default: ""] += "language: \(language)\n" }
        let site = try SiteFolder(files)
        defer { site.cleanup() }
        let file = site.root.appendingPathComponent("möte.txt")
        try Data(document.utf8).write(to: file)
        let outcome = Importer.run(ImportRequest(files: [file.path], site: site.path, dryRun: dryRun))
        let report = try #require(outcome.reports.first, "\(outcome.failures)")
        let draft = try #require(outcome.contents["\(report.folder)/index.md"])
        return try body(site, report, draft)
    }

    func imported(language: String?) throws -> (draft: String, report: ImportReport) {
        try importing(Self.document, language: language) { _, report, draft in (draft, report) }
    }

    @Test func aSwedishSitesDraftHasSwedishNotes() throws {
        let (draft, report) = try imported(language: nil)
        #expect(draft.contains("<!-- samrad: importerad från möte.txt; granska texten, ta sedan bort de här kommentarerna och sätt 'draft: false' -->"), "\(draft)")
        #expect(draft.contains("<!-- samrad: dokumentet har ingen titelsida;"), "\(draft)")
        #expect(!draft.contains("imported from") && !draft.contains("title page"), "\(draft)")
        #expect(report.unsure.contains { $0.message.hasPrefix("dokumentet har ingen titelsida") }, "\(report.unsure)")
        #expect(report.dropped.contains { $0.reason == "sidnummer" && $0.text == "1" }, "\(report.dropped)")
        #expect(report.text(in: .swedish).contains("    rad "), "the report's frame and reasons alike")
    }

    @Test func anEnglishSitesDraftHasEnglishNotes() throws {
        let (draft, report) = try imported(language: "en")
        #expect(draft.contains("<!-- samrad: imported from möte.txt; review the text, then remove these comments and set 'draft: false' -->"), "\(draft)")
        #expect(draft.contains("<!-- samrad: the document has no title page;"), "\(draft)")
        #expect(report.dropped.contains { $0.reason == "page number" && $0.text == "1" }, "\(report.dropped)")
    }

    /// Every note and reason the importer can give is said in both languages, with its
    /// values filled in.
    @Test func everyNoteIsSaidInBothLanguages() {
        let notes = [
            ImportNote("import_note_date_guessed", ["said": "3 maj", "year": "2024"]),
            ImportNote("import_note_no_title"),
            ImportNote("import_note_lost_footnote_marks", ["notes_count": Catalogue.counted(2, "import_count_footnote")]),
            ImportNote("import_note_participant_parts", ["parts_number": "2", "sizes": "3 + 4"]),
            ImportNote("import_note_postit_paragraph"),
            ImportNote("import_note_category_levels"),
        ]
        for words in [Catalogue.swedish, Catalogue.english] {
            for note in notes {
                let said = note.said(in: words)
                #expect(said != note.key && !said.contains("{"), "\(note.key): \(said)")
            }
        }
        #expect(ImportNote("import_note_lost_footnote_marks", ["notes_count": Catalogue.counted(2, "import_count_footnote")]).said(in: .swedish)
            .hasPrefix("2 fotnoter vars hänvisning"))
        #expect(ImportNote("import_note_date_guessed", ["said": "3 maj", "year": "2024"]).said(in: .english)
            == "the date is guessed: the text says 3 maj without a year, and 2024 is the year it mentions most; check 'date'")
    }

    /// A document with a question, a summary and a footnote whose mark was lost, and no
    /// title page: what the draft says in its own voice (the title, the labels, the
    /// footnotes' heading) is in the site's language, and the site's build recognises it.
    static let labelled = "\u{0C}Deltagare\n\n• Fryshuset\n\nDialogmötet hölls den 3 maj 2024 i Stockholm.\n\n1\n"
        + "\u{0C}Fråga 1 – Vad behövs?\n\nSammanfattning:\n\n• Mer samverkan\n\n• Fler lokaler\n\nhttps://www.regeringen.se/rapport\n\n2\n"

    func importedAndBuilt(language: String?) throws -> (draft: String, question: Bool, summary: Bool) {
        try importing(Self.labelled, language: language, dryRun: false) { site, _, draft in
            let built = site.build(drafts: true)
            #expect(!built.hasErrors, "\(built.errors.map(\.message))")
            let questions = site.read("data/questions.json") ?? ""
            return (draft, built.questions == 1 && questions.contains("Vad behövs?"),
                    questions.contains("Mer samverkan") && questions.contains("Fler lokaler"))
        }
    }

    @Test func anEnglishSitesDraftIsWrittenInEnglishWords() throws {
        let (draft, question, summary) = try importedAndBuilt(language: "en")
        #expect(draft.contains("title: \"Dialogmöte 3 May 2024\""), "\(draft)")
        #expect(draft.contains("### Question 1 – Vad behövs?"), "\(draft)")
        #expect(draft.contains("\nSummary:\n"), "\(draft)")
        #expect(draft.contains("## Footnotes"), "\(draft)")
        for swedish in ["Fråga 1", "Sammanfattning", "Fotnoter", "maj 2024\""] {
            #expect(!draft.contains(swedish), "\(swedish) in \(draft)")
        }
        #expect(question && summary, "the English site's build finds the question and its summary")
    }

    @Test func aSwedishSitesDraftIsWrittenInSwedishWords() throws {
        let (draft, question, summary) = try importedAndBuilt(language: nil)
        #expect(draft.contains("title: \"Dialogmöte 3 maj 2024\""), "\(draft)")
        #expect(draft.contains("### Fråga 1 – Vad behövs?"), "\(draft)")
        #expect(draft.contains("\nSammanfattning:\n"), "\(draft)")
        #expect(draft.contains("## Fotnoter"), "\(draft)")
        #expect(question && summary)
    }

    /// A group the document did not name is "Övriga" on a Swedish site, "Others" on an English one.
    @Test func anUnnamedGroupIsNamedInTheSitesLanguage() {
        var meeting = DraftMeeting(title: "Möte", date: "2024-05-03", kind: nil, type: nil, organizer: nil, commissionedBy: nil)
        meeting.participants = [ParticipantGroup(name: "Myndigheter", members: ["Polisen"]), ParticipantGroup(name: nil, members: ["Fryshuset"])]
        #expect(MarkdownWriter.index(meeting, source: "m.txt", words: .english).text.contains("  - group: \"Others\"\n"))
        #expect(MarkdownWriter.index(meeting, source: "m.txt", words: .swedish).text.contains("  - group: \"Övriga\"\n"))
    }

    /// On an English site, "Questions:" before a list of questions makes them questions,
    /// as "Frågeställningar:" does (and still does) on every site.
    @Test func anEnglishSiteRecognisesItsQuestionListLabel() throws {
        var files = ImportFixtures.site
        files["site.yml", default: ""] += "language: en\n"
        files["content/meetings/2024-05-03-lista/index.md"] = "---\ntitle: List\ndate: 2024-05-03\n---\n\n## Session\n\nQuestions:\n\n- What is needed?\n- Who does it?\n"
        let site = try SiteFolder(files)
        defer { site.cleanup() }
        let built = site.build()
        #expect(!built.hasErrors && built.questions == 2, "\(built.errors.map(\.message)) \(built.questions)")
        let data = site.read("data/questions.json") ?? ""
        #expect(data.contains("What is needed?") && data.contains("Who does it?"), "\(data.prefix(400))")
    }
}
