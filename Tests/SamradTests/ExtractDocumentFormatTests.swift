import Testing
import SamradCore
import SamradParse
import SamradLink
@testable import SamradExtract

/// The body as staff write it: unnumbered questions, question lists, prose summaries,
/// footnotes, tagged sections, and speaker turns only in transcripts.
@Suite("extract: document format")
struct ExtractDocumentFormatTests {
    static let themes = """
    - slug: samverkan
      name: Samverkan
      description: Att arbeta tillsammans.
    - slug: tillit
      name: Tillit
      description: Förtroende.
    """

    static func extract(_ frontMatter: String, _ body: String, siteYML: String? = nil) throws -> (Meeting, [Diagnostic]) {
        var files = ["content/themes.yml": themes, "content/meetings/m/index.md": "---\n\(frontMatter)\n---\n\n\(body)"]
        if let siteYML { files["site.yml"] = siteYML }
        let (meeting, d) = try TestSite.extractMeeting("m", files: files)
        return (try #require(meeting), d)
    }

    @Test func unnumberedQuestionsContinueTheNumbering() throws {
        let (m, d) = try Self.extract("title: T\ndate: 2026-02", """
        ## Samtal

        ### Fråga 2 – Vad har hänt?

        ### Fråga – Vad behövs nu?

        ### Fråga: Vem gör vad?
        """)
        #expect(d.isEmpty, "\(d)")
        #expect(m.questions.map(\.number) == ["2", "3", "4"])
        #expect(m.questions.map(\.id) == ["fraga-2", "fraga-3", "fraga-4"])
        #expect(m.questions.map(\.text) == ["Vad har hänt?", "Vad behövs nu?", "Vem gör vad?"])
    }

    @Test func aQuestionListMakesTheQuestionsOfItsSection() throws {
        let (m, d) = try Self.extract("title: T\ndate: 2026-02", """
        ## Gruppsamtal

        Frågeställningar:

        - Hur når vi unga som inte söker stöd? #tillit
        - Vad kan polisen göra annorlunda?

        Samtalen fördes i tre grupper.
        """)
        #expect(d.isEmpty, "\(d)")
        #expect(m.questions.map(\.text) == ["Hur når vi unga som inte söker stöd?", "Vad kan polisen göra annorlunda?"])
        #expect(m.questions.map(\.number) == ["1", "2"])
        #expect(m.questions.allSatisfy { $0.session == "Gruppsamtal" && $0.level == 3 })
        #expect(m.questions[0].tags.map(\.name) == ["tillit"])
        // What follows the list is the section's text, not the last question's discussion.
        #expect(m.questions[1].discussion.isEmpty)
        #expect(m.body.contains { if case .markdown(let n) = $0 { n.plainText.hasPrefix("Samtalen") } else { false } })
    }

    @Test func aListThatIsNotQuestionsStaysAListAndSaysWhy() throws {
        let (m, d) = try Self.extract("title: T\ndate: 2026-02", """
        Frågor:

        - Lokaler
        - Vad kostar det?
        """)
        #expect(m.questions.isEmpty)
        #expect(d.contains { $0.severity == .warning && $0.message.contains("'?'") })
    }

    @Test func aProseSummaryMakesOnePointPerParagraph() throws {
        let (m, d) = try Self.extract("title: T\ndate: 2026-02", """
        ## Sammanfattning

        Forumet delade lägesbilder. #samverkan

        Civilsamhället efterfrågar mer samverkan.

        ## Bakgrund

        Text om bakgrunden.
        """)
        #expect(d.isEmpty, "\(d)")
        let summary = try #require(m.summary)
        #expect(summary.points.map(\.text) == ["Forumet delade lägesbilder.", "Civilsamhället efterfrågar mer samverkan."])
        #expect(summary.points.map(\.id) == ["sammanfattning-punkt-1", "sammanfattning-punkt-2"])
        #expect(summary.points[0].themes == ["samverkan"])
        #expect(m.body.contains { if case .heading(let h) = $0 { h.text == "Bakgrund" } else { false } })
    }

    @Test func aProseSummaryInAQuestion() throws {
        let (m, _) = try Self.extract("title: T\ndate: 2026-02", """
        ### Fråga 1 – Vad behövs?

        Sammanfattning:

        Mer tid.

        Mer pengar.
        """)
        #expect(m.questions.first?.summary?.points.map(\.id) == ["fraga-1-punkt-1", "fraga-1-punkt-2"])
    }

    @Test func speakerTurnsOnlyInTranscripts() throws {
        let body = "**Gäst:** Anna Andersson, forskare.\n\n**KARIN:** Välkomna.\n"
        let (report, _) = try Self.extract("title: T\ndate: 2023\nkind: rapport", body, siteYML: "title: T\nkinds:\n  rapport: report\n")
        #expect(report.type == .report)
        #expect(report.speakers.isEmpty)
        #expect(!report.body.contains { if case .turn = $0 { true } else { false } })
        let (seminar, _) = try Self.extract("title: T\ndate: 2023\nkind: Seminarium", body, siteYML: "title: T\nkinds:\n  seminarium: transcript\n")
        #expect(seminar.type == .transcript)
        #expect(seminar.speakers == ["Gäst", "KARIN"])
        let (plain, _) = try Self.extract("title: T\ndate: 2023", body)
        #expect(plain.type == .meeting)
        #expect(plain.speakers.isEmpty)
    }

    @Test func reportsGetTheirAuthorsAndADeeperTableOfContents() throws {
        let (report, _) = try Self.extract("title: T\ndate: 2023\ntype: report\nauthors: [Ada Andersson]", "Text.\n")
        #expect(report.authors == ["Ada Andersson"])
        #expect(report.tocDepth == 3)
        let (meeting, _) = try Self.extract("title: T\ndate: 2023", "Text.\n")
        #expect(meeting.tocDepth == 2)
        let (chosen, _) = try Self.extract("title: T\ndate: 2023\ntoc_depth: 4", "Text.\n")
        #expect(chosen.tocDepth == 4)
    }

    @Test func footnotesAreNotesNotText() throws {
        let (m, d) = try Self.extract("title: T\ndate: 2024-12-01", """
        ### Fråga 1 – Vad behövs? #samverkan

        Sammanfattning:

        - Tydliga kontaktvägar[^1]

        Diskussionen hänvisade till rapporten.[^2]

        [^1]: Enligt rapporten 2023.
        [^2]: Se bilaga 2.
        """)
        #expect(d.isEmpty, "\(d)")
        #expect(m.footnotes.map(\.number) == [1, 2])
        #expect(m.footnotes.map(\.text) == ["Enligt rapporten 2023.", "Se bilaga 2."])
        #expect(m.footnotes.map(\.id) == ["fotnot-1", "fotnot-2"])
        let point = try #require(m.questions.first?.summary?.points.first)
        #expect(point.text == "Tydliga kontaktvägar[1]")
        // The definitions are not a paragraph of the question's discussion.
        let discussion = m.questions[0].discussion.compactMap { if case .markdown(let n) = $0 { n.plainText } else { nil } }
        #expect(discussion == ["Diskussionen hänvisade till rapporten.[2]"])
        #expect(m.anchors.contains("fotnot-2"))
    }

    @Test func taggedHeadingsAndParagraphsBecomeExcerpts() throws {
        let (m, d) = try Self.extract("title: T\ndate: 2024", """
        ## Placerade barn #tillit

        Barn i samhällsvård är särskilt utsatta. De flyttas ofta. Det tredje meningen syns inte.

        ## Annat

        Civilsamhället vill vara med i lokala lägesbilder. #samverkan

        Ett stycke utan tagg.
        """)
        #expect(d.isEmpty, "\(d)")
        #expect(m.excerpts.count == 2)
        #expect(m.excerpts[0].heading == "Placerade barn")
        #expect(m.excerpts[0].id == "placerade-barn")
        #expect(m.excerpts[0].text == "Barn i samhällsvård är särskilt utsatta. De flyttas ofta.")
        #expect(m.excerpts[0].themes == ["tillit"])
        #expect(m.excerpts[1].heading == nil)
        #expect(m.excerpts[1].themes == ["samverkan"])
        #expect(m.anchors.contains(m.excerpts[1].id))
        #expect(m.body.contains { if case .anchored(let p) = $0 { p.id == m.excerpts[1].id } else { false } })
    }

    @Test func firstSentencesAreCutAtAWord() {
        let long = String(repeating: "ord ", count: 100)
        let cut = BodyExtractor.firstSentences(long)
        #expect(cut.hasSuffix(" …"))
        #expect(cut.count < 260)
        #expect(BodyExtractor.firstSentences("Kort.") == "Kort.")
    }
}

/// Participants: joined entries, groups and roles, and the names nobody listed.
@Suite("link: participants as written")
struct LinkParticipantFormatTests {
    static let organizations = """
    - name: Kyrkornas samarbetsråd
    - name: Stadsmissionen Väst
    - name: Polismyndigheten
      aliases: [Polisen]
    """

    @Test func aJoinedEntryIsMatchedPartByPart() throws {
        let text = """
        ---
        title: T
        date: 2024-10-08
        participants:
          - "Kyrkornas Samarbetsrad / Stadsmissionen Väst"
          - Polisen
        ---

        Text.
        """
        let (m, site, d) = try TestSite.linkMeeting("m", files: ["content/organizations.yml": Self.organizations, "content/meetings/m/index.md": text])
        let linked = try #require(m)
        #expect(linked.participants == ["kyrkornas-samarbetsrad", "stadsmissionen-vast", "polismyndigheten"])
        #expect(site.organizations.allSatisfy { $0.isListed })
        let warning = try #require(d.first { $0.message.contains("Kyrkornas Samarbetsrad") })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("Kyrkornas samarbetsråd"))
        #expect(!warning.message.contains("Stadsmissionen"))
        #expect(warning.location?.line == 5)
    }

    @Test func groupsAndRolesReachTheLinkedMeeting() throws {
        let text = """
        ---
        title: T
        date: 2026-02
        participants:
          - group: Civilsamhället
            members:
              - Kyrkornas samarbetsråd
              - name: Stadsmissionen Väst
                role: arrangör
          - group: Offentliga aktörer
            members: [Polisen, Okänd förening]
        ---

        Text.
        """
        let (m, site, _) = try TestSite.linkMeeting("m", files: ["content/organizations.yml": Self.organizations, "content/meetings/m/index.md": text])
        let linked = try #require(m)
        #expect(linked.participantGroups.map(\.name) == ["Civilsamhället", "Offentliga aktörer"])
        #expect(linked.participantGroups[0].members.map(\.slug) == ["kyrkornas-samarbetsrad", "stadsmissionen-vast"])
        #expect(linked.roles == ["stadsmissionen-vast": "arrangör"])
        #expect(site.unlistedNames.map(\.name) == ["Okänd förening"])
        #expect(site.unlistedNames.first?.meetings == ["m"])
    }

    @Test func aBrokenMeetingDoesNotMakeItsThemesLookUnused() throws {
        let themes = "- slug: samverkan\n  name: Samverkan\n  description: D.\n"
        let site = try TestSite(files: ["content/themes.yml": themes,
                                        "content/meetings/m/index.md": "---\ntitle: [\nthemes: [samverkan]\n---\n\n## Rubrik #okand\n"])
        defer { site.remove() }
        let (_, d) = site.link()
        #expect(!d.contains { $0.message.contains("declared but no meeting uses it") }, "\(d)")
        // The body's own error is reported in the same run as the front matter's.
        #expect(d.contains { $0.severity == .error && $0.message.contains("okand") })
        #expect(d.contains { $0.severity == .error && $0.message.contains("YAML") })
    }
}

@Suite("extract: footnotes that do not pair up")
struct ExtractFootnoteCheckTests {
    @Test func anUnusedNoteAndAMissingNoteAreWarnedAbout() throws {
        let (m, d) = try ExtractDocumentFormatTests.extract("title: T\ndate: 2024", """
        Text med en not[^a] och en som saknas[^b].

        [^a]: Finns.
        [^c]: Används aldrig.
        """)
        #expect(m.footnotes.map(\.label) == ["a"])
        let unused = try #require(d.first { $0.message.contains("'[^c]'") })
        #expect(unused.severity == .warning)
        #expect(unused.location?.line == 9)
        let missing = try #require(d.first { $0.message.contains("'[^b]'") })
        #expect(missing.location?.line == 6)
        #expect(d.count == 2, "\(d)")
    }
}
