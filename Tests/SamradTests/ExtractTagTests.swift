import Testing
import SamradCore
import SamradParse
@testable import SamradExtract

/// Trailing `#slug` tags: where they are recognised, what they apply to, and that they
/// leave the text a reader sees.
@Suite("extract: theme tags")
struct ExtractTagTests {
    func meeting(_ slug: String, _ files: [String: String] = Fixtures.all) throws -> Meeting {
        let (meeting, diagnostics) = try TestSite.extractMeeting(slug, files: files)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        return try #require(meeting)
    }

    // MARK: Recognising tags

    @Test func trailingTagsSplitOffText() {
        #expect(TrailingTags.split("Nationella riktlinjer #samverkan #styrning") == ("Nationella riktlinjer", ["samverkan", "styrning"]))
        #expect(TrailingTags.split("#tillit") == ("", ["tillit"]))
        #expect(TrailingTags.split("Stöd till unga #barn-och-unga") == ("Stöd till unga", ["barn-och-unga"]))
        #expect(TrailingTags.split("Ökat förtroende #förtroende") == ("Ökat förtroende", ["förtroende"]))
    }

    @Test func hashesThatAreNotTagsStayText() {
        for text in ["Vi skrev verktyget i C#", "Det var punkt #1", "Se beslut nr#3", "Mitt i #samverkan meningen", "Slut #tillit."] {
            #expect(TrailingTags.split(text).tags.isEmpty, "\(text)")
            #expect(TrailingTags.split(text).text == text)
        }
        // Only the tags after the last non-tag word are taken.
        #expect(TrailingTags.split("Punkt #1 #tillit") == ("Punkt #1", ["tillit"]))
    }

    /// The split walks UTF-8 bytes from the end; any Unicode space separates, and letters
    /// outside ASCII belong to the tag.
    @Test func tagsAfterUnicodeSpacesAndWithSwedishLetters() {
        #expect(TrailingTags.split("Text\u{00A0}#tillit") == ("Text", ["tillit"]))
        #expect(TrailingTags.split("Text #tillit\u{2003}\r\n") == ("Text", ["tillit"]))
        #expect(TrailingTags.split("Äldre #äldre-omsorg #å2") == ("Äldre", ["äldre-omsorg", "å2"]))
        #expect(TrailingTags.split("Pris 5#a") == ("Pris 5#a", []))
        #expect(TrailingTags.split("#") == ("#", []))
        #expect(TrailingTags.split("Slut på raden  ") == ("Slut på raden", []))
        #expect(TrailingTags.split("Ett #–streck") == ("Ett #–streck", []))
    }

    static let tagged = """
    ---
    title: "Taggar i texten"
    date: 2024-02-01
    themes: [vald]
    ---

    ## Gruppsamtal #samverkan

    Vi skrev verktyget i C#

    Det var punkt #1

    Se beslut nr#3

    En vanlig mening om förtroende #tillit

    ### Fråga 1 – Hur bygger vi förtroende? #fortroende

    - Vad stärker det?
    - Vad skadar det? #kunskap

    Sammanfattning:

    - Återkoppling #finansiering
    - Tid

    Tidigare i dag
    #styrning

    ## Avslutning

    Inget mer att säga.

    """
    static let taggedPath = "content/meetings/taggar.md"

    @Test func tagsOnHeadingsListItemsAndParagraphsAreTakenOffTheText() throws {
        let m = try meeting("taggar", Fixtures.site([Self.taggedPath: Self.tagged]))
        let q = try #require(m.questions.first)
        #expect(q.text == "Hur bygger vi förtroende?")
        #expect(q.tags.map(\.name) == ["fortroende"])
        #expect(q.title.themeTagNames == ["fortroende"])
        #expect(!q.title.literalText.contains("#"))

        #expect(q.prompts.map(\.text) == ["Vad stärker det?", "Vad skadar det?"])
        #expect(q.prompts[1].content.themeTagNames == ["kunskap"])

        let points = try #require(q.summary?.points)
        #expect(points.map(\.text) == ["Återkoppling", "Tid"])
        #expect(points[0].tags.map(\.name) == ["finansiering"])
        #expect(points[0].content.themeTagNames == ["finansiering"])
        #expect(!points[0].content.literalText.contains("#finansiering"))

        // Headings keep their tags beside the text.
        let session = m.body.compactMap { if case .heading(let h) = $0 { h } else { nil } }.first
        #expect(session?.text == "Gruppsamtal")
        #expect(session?.tags.map(\.name) == ["samverkan"])
        #expect(session?.content.themeTagNames == ["samverkan"])
    }

    @Test func paragraphTagsBecomeThemeTagNodes() throws {
        let m = try meeting("taggar", Fixtures.site([Self.taggedPath: Self.tagged]))
        // A tagged paragraph carries an anchor (for theme pages); it is a paragraph all the same.
        let paragraphs = m.body.compactMap { block -> MarkdownNode? in
            if case .markdown(let n) = block, n.isParagraph { return n }
            if case .anchored(let p) = block { return p.node }
            return nil
        }
        let texts = paragraphs.map(\.plainText)
        #expect(texts.contains("Vi skrev verktyget i C#"))
        #expect(texts.contains("Det var punkt #1"))
        #expect(texts.contains("Se beslut nr#3"))
        let tagged = try #require(paragraphs.first { $0.plainText.hasPrefix("En vanlig mening") })
        #expect(tagged.plainText == "En vanlig mening om förtroende")
        #expect(tagged.themeTagNames == ["tillit"])
        // The non-tags produced no tag nodes.
        let untouched = paragraphs.filter { p in ["Vi skrev", "Det var", "Se beslut"].contains { p.plainText.hasPrefix($0) } }
        #expect(untouched.count == 3)
        #expect(untouched.allSatisfy { $0.themeTagNames.isEmpty })
        #expect(!m.allTags.map(\.name).contains("1"))
        #expect(!m.allTags.map(\.name).contains("3"))
    }

    @Test func tagsAfterASoftLineBreakBelongToTheParagraph() throws {
        let m = try meeting("taggar", Fixtures.site([Self.taggedPath: Self.tagged]))
        let q = try #require(m.questions.first)
        let paragraph = q.discussion.compactMap { block -> MarkdownNode? in
            if case .markdown(let n) = block, n.isParagraph { return n }
            if case .anchored(let p) = block { return p.node }
            return nil
        }.first
        #expect(paragraph?.plainText == "Tidigare i dag")
        #expect(paragraph?.themeTagNames == ["styrning"])
    }

    @Test func everyWrittenTagIsRecordedWithItsPlace() throws {
        let m = try meeting("taggar", Fixtures.site([Self.taggedPath: Self.tagged]))
        let names = m.allTags.map(\.name)
        for tag in ["vald", "samverkan", "tillit", "fortroende", "kunskap", "finansiering", "styrning"] {
            #expect(names.contains(tag), "\(tag)")
        }
        for tag in m.allTags where tag.name != "vald" {
            let expected = try #require(position(of: "#" + tag.name, in: Self.tagged))
            #expect(tag.location.file == Self.taggedPath)
            #expect(tag.location.line == expected.line, "\(tag.name)")
            #expect(tag.location.column == expected.column, "\(tag.name)")
        }
        let front = try #require(m.allTags.first { $0.name == "vald" })
        #expect(front.location.line == position(of: "themes: [vald]", in: Self.tagged)?.line)
    }

    @Test func anEscapedHashIsText() throws {
        let text = """
        ---
        title: "Escape"
        date: 2024-02-02
        ---

        Kampanjen hette \\#samverkan

        """
        let m = try meeting("escape", Fixtures.site(["content/meetings/escape.md": text]))
        #expect(m.allTags.isEmpty)
        let paragraph = m.body.compactMap { if case .markdown(let n) = $0 { n } else { nil } }.first
        #expect(paragraph?.plainText == "Kampanjen hette #samverkan")
        #expect(paragraph?.themeTagNames == [])
    }

    @Test func tagsEndingALaterParagraphOfAnItemBelongToTheItem() throws {
        let text = """
        ---
        title: "Långa punkter"
        date: 2024-02-03
        ---

        Sammanfattning:

        - Första stycket i punkten.

          Andra stycket i samma punkt. #tillit

        - Kort punkt

        """
        let board = """
        ---
        title: "Lappar"
        appendix: postits
        ---

        ## Idéer

        - En lapp med två stycken.

          Det andra stycket. #finansiering

        """
        let files = Fixtures.site(["content/meetings/langa/index.md": text, "content/meetings/langa/lappar.md": board])
        let m = try meeting("langa", files)
        let point = try #require(m.summary?.points.first)
        #expect(point.themes == ["tillit"])
        #expect(!point.content.literalText.contains("#tillit"))
        let postIt = try #require(m.postIts.first)
        #expect(m.postIts.count == 1)
        #expect(postIt.themes == ["finansiering"])
        #expect(postIt.tags.map(\.name) == ["finansiering"])
        #expect(!postIt.text.contains("#"))
        #expect(postIt.content.themeTagNames == ["finansiering"])
        #expect(m.allTags.contains { $0.name == "finansiering" && $0.location.file == "content/meetings/langa/lappar.md" })
    }

    // MARK: Inheritance

    @Test func headingTagsApplyToEverythingUnderThem() throws {
        let m = try meeting(Fixtures.roundTablesSlug)
        let (q1, q2, q3) = (m.questions[0], m.questions[1], m.questions[2])
        #expect(m.beyondFrontMatter(q1.themes) == ["samverkan"])
        #expect(m.beyondFrontMatter(q2.themes) == ["samverkan"])
        // A new session does not inherit the previous session's tag.
        #expect(m.beyondFrontMatter(q3.themes) == ["finansiering"])
        let points = try #require(q1.summary?.points)
        #expect(points.map { m.beyondFrontMatter($0.themes) } == [
            ["samverkan"],
            ["samverkan", "tillit"],
            ["samverkan"],
            ["samverkan", "finansiering"],
        ])
        #expect(q3.summary?.points.allSatisfy { m.beyondFrontMatter($0.themes) == ["finansiering"] } == true)
    }

    @Test func subHeadingTagsReachTheSummaryUnderThem() throws {
        let m = try meeting(Fixtures.forumSlug)
        let points = try #require(m.questions[0].summary?.points)
        // Points under "#### Normalisering av våld" carry only what the question carries;
        // those under "#### Placerade barn #barn-och-unga" carry that tag too.
        #expect(points.map { $0.themes.contains("barn-och-unga") } == [false, false, true, true])

        let local = try meeting(Fixtures.localSlug)
        let personal = try #require(local.questions[0].summary?.points)
        #expect(local.beyondFrontMatter(personal[0].themes) == ["tillit"])
        #expect(local.beyondFrontMatter(personal[1].themes) == ["tillit", "styrning"])
        #expect(local.beyondFrontMatter(local.questions[1].summary?.points.first?.themes ?? []) == ["unga"])
    }

    @Test func frontMatterThemesClassifyTheMeetingNotEachItem() throws {
        let site = try TestSite(files: Fixtures.all)
        defer { site.remove() }
        let (linked, diagnostics) = site.link()
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        let local = try #require(linked.meetings.first { $0.meeting.slug == Fixtures.localSlug })
        let m = local.meeting
        #expect(m.frontThemes.map(\.name) == ["samverkan"])
        #expect(m.frontThemes.first?.location.line == position(of: "themes: [samverkan]", in: Fixtures.local)?.line)
        // The meeting is listed under its front matter theme …
        #expect(local.themes.first == "samverkan")
        // … but a point tagged only "#tillit" carries tillit alone, not every theme of the meeting.
        #expect(m.summary?.points.map(\.themes) == [[], ["tillit"], ["finansiering"]])
        #expect(m.questions[0].themes == [])
        // The appendix's own front matter themes do tag its post-its.
        #expect(m.postIts.allSatisfy { $0.themes.contains("tillit") })
        #expect(m.postIts.allSatisfy { !$0.themes.contains("samverkan") || $0.tags.map(\.name).contains("samarbete") })
    }

    @Test func aLineOfTagsAloneTagsItsSection() throws {
        let text = """
        ---
        title: "Taggrad"
        date: 2024-04-04
        ---

        ## Rundabordssamtal 1

        #samverkan #tillit

        ### Fråga 1 – Vad behövs?

        #finansiering

        Sammanfattning:

        - En punkt

        """
        let m = try meeting("taggrad", Fixtures.site(["content/meetings/taggrad.md": text]))
        let q = try #require(m.questions.first)
        #expect(q.themes == ["samverkan", "tillit", "finansiering"])
        #expect(q.summary?.points.first?.themes == ["samverkan", "tillit", "finansiering"])
        // The tag lines are not shown as paragraphs.
        #expect(!m.body.contains { if case .markdown(let n) = $0 { n.isParagraph } else { false } })
        #expect(q.discussion.isEmpty)
    }

    @Test func aLineOfTagsBeforeAnyHeadingTagsTheWholeNotes() throws {
        let text = """
        ---
        title: "Taggrad först"
        date: 2024-04-06
        ---

        #samverkan

        Sammanfattning:

        - Mötets slutsats

        ## Rundabordssamtal 1

        ### Fråga 1 – Vad behövs? #tillit

        """
        let m = try meeting("forst", Fixtures.site(["content/meetings/forst.md": text]))
        #expect(m.summary?.points.first?.themes == ["samverkan"])
        #expect(m.questions.first?.themes == ["samverkan", "tillit"])
    }

    @Test func tagsOnTheSummaryLabelApplyToItsPoints() throws {
        let text = """
        ---
        title: "Taggad sammanfattning"
        date: 2024-04-05
        ---

        Sammanfattning: #tillit

        - Mötets slutsats

        ### Fråga 1 – Vad behövs?

        #### Sammanfattning #finansiering

        - Pengar

        """
        let m = try meeting("taggsam", Fixtures.site(["content/meetings/taggsam.md": text]))
        #expect(m.summary?.points.map(\.text) == ["Mötets slutsats"])
        #expect(m.summary?.points.first?.themes == ["tillit"])
        #expect(m.questions.first?.summary?.points.first?.themes == ["finansiering"])
        #expect(m.allTags.map(\.name).sorted() == ["finansiering", "tillit"])
    }
}
