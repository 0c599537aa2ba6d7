import Testing
import SamradCore
import SamradLoad
@testable import SamradParse

/// The parse stage: positions that map back to the file, and front matter read with
/// the places of its values.
@Suite("parse: markdown and front matter")
struct ParseMarkdownTests {
    @Test func positionsCountTheLinesBeforeTheMarkdown() {
        let markdown = "## Rundabordssamtal 1\n\n### Fråga 1 – Vad behövs?\n\n- Första\n- Andra\n"
        let offset = 6
        let doc = MarkdownParser.parse(markdown, lineOffset: offset).document
        #expect(doc.children.map(\.headingLevel) == [2, 3, nil])
        #expect(doc.children.map(\.line) == [1 + offset, 3 + offset, 5 + offset])
        let list = doc.children[2]
        #expect(list.isList)
        #expect(list.children.map(\.line) == [5 + offset, 6 + offset])
        #expect(list.children.map(\.plainText) == ["Första", "Andra"])
    }

    /// cmark cuts text at every delimiter that opened nothing; the pieces are one text again,
    /// so `_a_a_a…` is one node, not one per byte, while real emphasis stays emphasis.
    @Test func textCutAtUnmatchedDelimitersIsOneNode() {
        let doc = MarkdownParser.parse("Ung & Trygg _a_a_a [x] &#x; slut *betonat* efter\n", lineOffset: 3).document
        let inlines = doc.children[0].children
        #expect(inlines.map(\.kind) == [.text("Ung & Trygg _a_a_a [x] &#x; slut "), .emphasis, .text(" efter")])
        #expect(inlines[0].line == 4 && inlines[0].column == 1)
        #expect(inlines[1].children.map(\.kind) == [.text("betonat")])
    }

    @Test func blocksKnowTheLineTheyEndOn() {
        let markdown = "Första raden\nandra raden\ntredje raden\n\n- punkt\n  fortsätter\n"
        let doc = MarkdownParser.parse(markdown, lineOffset: 2).document
        #expect(doc.children[0].line == 3)
        #expect(doc.children[0].endLine == 5)
        let itemParagraph = doc.children[1].children[0].children[0]
        #expect(itemParagraph.isParagraph)
        #expect(itemParagraph.line == 7)
        #expect(itemParagraph.endLine == 8)
    }

    @Test func softBreaksReadAsSpaces() {
        let doc = MarkdownParser.parse("Rad ett\nrad två\n").document
        #expect(doc.children.first?.plainText == "Rad ett rad två")
    }

    @Test func meetingFrontMatterAndBodyLines() throws {
        let text = Fixtures.roundTables
        let file = SourceFile(path: Fixtures.roundTablesPath, absolutePath: "/tmp/x", text: text)
        let source = MeetingSource(slug: Fixtures.roundTablesSlug, main: file, appendices: [], attachments: [])
        var diagnostics = Diagnostics()
        let parsed = try #require(SiteParser.parseMeeting(source, &diagnostics))
        #expect(diagnostics.items.isEmpty, "\(diagnostics.items)")
        let fm = parsed.frontMatter
        #expect(fm.title == "Dialogmöte om våldsprevention i lokalsamhället")
        #expect(fm.date == ISODate("2023-09-14"))
        #expect(fm.kind == "dialogmöte")
        #expect(fm.themes.map(\.value) == ["vald"])
        #expect(fm.participants.map(\.value) == ["Fryshuset", "polisen", "Rädda barnen"])
        #expect(fm.participants.map(\.location.line) == [
            position(of: "- Fryshuset", in: text)?.line, position(of: "- polisen", in: text)?.line,
            position(of: "- Rädda barnen", in: text)?.line,
        ].compactMap { $0 })
        // The first heading of the body is reported at its line in the file, front matter included.
        let first = try #require(parsed.body.children.first)
        #expect(first.line == position(of: "## Inledning", in: text)?.line)
    }

    @Test func appendixFrontMatterIsRead() throws {
        let main = SourceFile(path: Fixtures.localPath, absolutePath: "/tmp/a", text: Fixtures.local)
        let board = SourceFile(path: Fixtures.localPostItsPath, absolutePath: "/tmp/b", text: Fixtures.localPostIts)
        var diagnostics = Diagnostics()
        let parsed = try #require(SiteParser.parseMeeting(
            MeetingSource(slug: Fixtures.localSlug, main: main, appendices: [board], attachments: []), &diagnostics))
        let appendix = try #require(parsed.appendices.first)
        #expect(appendix.slug == "workshop")
        #expect(appendix.frontMatter.kind == .postits)
        #expect(appendix.frontMatter.title == "Bilaga: Exempel och förslag från workshoppen")
        #expect(appendix.frontMatter.themes.map(\.value) == ["tillit"])
    }

    @Test func draftMeetingsAreLeftOutUnlessAskedFor() throws {
        let draft = "---\ntitle: Utkast\ndate: 2024-01-01\ndraft: true\n---\n\nText.\n"
        let site = try TestSite(files: Fixtures.site(["content/meetings/utkast.md": draft, Fixtures.roundTablesPath: Fixtures.roundTables]))
        defer { site.remove() }
        #expect(site.parse().0.meetings.map(\.slug) == [Fixtures.roundTablesSlug])
        #expect(site.parse(includeDrafts: true).0.meetings.map(\.slug).sorted() == [Fixtures.roundTablesSlug, "utkast"])
    }

    /// Front matter is composed with only the boolean and null tags resolved (the rest is
    /// read from the text): YAML's spellings of both must still work.
    @Test func yamlBooleansNullsAndNumbersInFrontMatter() throws {
        let draft = "---\ntitle: Utkast\ndate: 2024-01-01\ndraft: yes\nlocation: NULL\norganizer: ~\n---\n\nText.\n"
        let kept = "---\ntitle: 2024\ndate: 2024-01-02\ndraft: False\nlocation: 'null'\n---\n\nText.\n"
        let site = try TestSite(files: Fixtures.site(["content/meetings/utkast.md": draft, "content/meetings/kvar.md": kept]))
        defer { site.remove() }
        let (parsed, diagnostics) = site.parse(includeDrafts: true)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        let utkast = try #require(parsed.meetings.first { $0.slug == "utkast" })
        #expect(utkast.frontMatter.draft)
        #expect(utkast.frontMatter.location == nil)
        #expect(utkast.frontMatter.organizer == nil)
        let kvar = try #require(parsed.meetings.first { $0.slug == "kvar" })
        #expect(!kvar.frontMatter.draft)
        #expect(kvar.frontMatter.title == "2024")
        #expect(kvar.frontMatter.location == "null")
        #expect(site.parse().0.meetings.map(\.slug) == ["kvar"])
    }

    @Test func siteLabelsAreReadFromSiteYml() throws {
        let site = try TestSite(files: [
            "site.yml": "title: Portal\nbase_url: https://example.org/\nlabels:\n  question: [Fråga, Question]\n  summary: Summary\n",
        ])
        defer { site.remove() }
        let (parsed, diagnostics) = site.parse()
        #expect(diagnostics.errors.isEmpty)
        #expect(parsed.config.questionLabels == ["Fråga", "Question"])
        #expect(parsed.config.summaryLabels == ["Summary"])
    }
}
