import Testing
import SamradCore
import SamradParse
@testable import SamradExtract

/// Questions, sub-prompts, summaries and discussion, read from meetings shaped like the
/// real records. Every expectation is taken from the fixture text in `Fixtures`.
@Suite("extract: questions and summaries")
struct ExtractQuestionTests {
    func meeting(_ slug: String, _ files: [String: String] = Fixtures.all) throws -> Meeting {
        let (meeting, diagnostics) = try TestSite.extractMeeting(slug, files: files)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        return try #require(meeting)
    }

    // MARK: Round tables

    @Test func roundTableQuestionsHaveNumberTextSessionAndLevel() throws {
        let m = try meeting(Fixtures.roundTablesSlug)
        #expect(m.questions.count == 3)
        #expect(m.questions.map(\.number) == ["1", "2", "1"])
        #expect(m.questions.map(\.text) == [
            "Vad behöver föreningarna för att kunna delta i det våldsförebyggande arbetet?",
            "Hur kan det offentliga ta tillvara föreningarnas kunskap?",
            "Vad krävs för att föreningarna ska orka fortsätta på lång sikt?",
        ])
        // The session is the heading text without its tags.
        #expect(m.questions.map(\.session) == ["Rundabordssamtal 1", "Rundabordssamtal 1", "Rundabordssamtal 2"])
        #expect(m.questions.map(\.level) == [3, 3, 3])
        // A number repeated in a later session is told apart by the session.
        #expect(m.questions.map(\.id) == ["fraga-1", "fraga-2", "rundabordssamtal-2-fraga-1"])
    }

    @Test func questionLocationPointsAtItsHeadingLine() throws {
        let m = try meeting(Fixtures.roundTablesSlug)
        let expected = try #require(position(of: "### Fråga 2 –", in: Fixtures.roundTables))
        #expect(m.questions[1].location.file == Fixtures.roundTablesPath)
        #expect(m.questions[1].location.line == expected.line)
    }

    @Test func subPromptsAreTheListRightUnderTheQuestion() throws {
        let m = try meeting(Fixtures.roundTablesSlug)
        #expect(m.questions.map(\.prompts.count) == [0, 2, 0])
        #expect(m.questions[1].prompts.map(\.text) == [
            "Vilka kanaler fungerar i dag?",
            "Vad saknas för att kunskapen ska nå beslutsfattare?",
        ])
        // The prompts are not mistaken for the summary, which follows them.
        #expect(m.questions[1].summary?.points.first?.text == "Det behövs fasta kontaktpersoner hos polisen")
    }

    @Test func summaryPointsBelongToTheirQuestion() throws {
        let m = try meeting(Fixtures.roundTablesSlug)
        #expect(m.questions.map { $0.summary?.points.count ?? 0 } == [4, 2, 3])
        let first = try #require(m.questions[0].summary)
        #expect(first.points.map(\.text) == [
            "Metoden behöver förankras lokalt innan föreningarna kan ställa sig bakom den",
            "Myndigheterna behöver mer kunskap om hur föreningar arbetar",
            "Flera deltagare oroar sig för sin egen säkerhet",
            "Föreningarna vill vara med redan när planerna skrivs, inte bara när de ska genomföras",
        ])
        #expect(first.points.map(\.number) == [1, 2, 3, 4])
        #expect(first.points.map(\.id) == ["fraga-1-punkt-1", "fraga-1-punkt-2", "fraga-1-punkt-3", "fraga-1-punkt-4"])
        #expect(m.questions[2].summary?.points.map(\.id) == [
            "rundabordssamtal-2-fraga-1-punkt-1", "rundabordssamtal-2-fraga-1-punkt-2", "rundabordssamtal-2-fraga-1-punkt-3",
        ])
        // Summaries inside questions are not the meeting's.
        #expect(m.summary == nil)
    }

    @Test func discussionIsWhatFollowsTheSummaryUpToTheNextQuestion() throws {
        let m = try meeting(Fixtures.roundTablesSlug)
        let paragraphs = m.questions.map { q in q.discussion.filter { if case .markdown(let n) = $0 { n.isParagraph } else { false } }.count }
        #expect(paragraphs == [2, 1, 1])
        #expect(m.questions.map(\.discussion.count) == [2, 1, 1])
        let firstText = m.questions[0].discussion.compactMap { if case .markdown(let n) = $0 { n.plainText } else { nil } }
        #expect(firstText.first?.hasPrefix("Deltagarna beskrev att förtroendet") == true)
        // The closing section is not part of the last question.
        let last = m.questions[2].discussion.compactMap { if case .markdown(let n) = $0 { n.plainText } else { nil } }
        #expect(!last.joined().contains("Mötet avslutades"))
    }

    @Test func bodyKeepsReadingOrderWithQuestionsInPlace() throws {
        let m = try meeting(Fixtures.roundTablesSlug)
        let outline: [String] = m.body.map { block in
            switch block {
            case .heading(let h): "h:\(h.text)"
            case .question(let i): "q:\(i)"
            case .markdown: "p"
            case .meetingSummary: "summary"
            case .summary: "box"
            case .turn: "turn"
            case .anchored: "tagged p"
            }
        }
        #expect(outline == ["h:Inledning", "p", "h:Rundabordssamtal 1", "q:0", "q:1", "h:Rundabordssamtal 2", "q:2", "h:Avslutning", "p"])
    }

    // MARK: Meeting summary and thematic sub-headings

    @Test func meetingSummaryBeforeAnyQuestionIsTheMeetingsOwn() throws {
        let m = try meeting(Fixtures.localSlug)
        let summary = try #require(m.summary)
        #expect(summary.points.map(\.text) == [
            "Samverkan ser olika ut beroende på kommunens storlek och historia",
            "Föreningarna når unga som inte litar på myndigheter",
            "Långsiktig finansiering avgör om verksamheterna kan växa",
        ])
        #expect(summary.points.map(\.id) == ["sammanfattning-punkt-1", "sammanfattning-punkt-2", "sammanfattning-punkt-3"])
        // Shown where it was written, before the background section.
        let firstBlocks = m.body.prefix(2).map { block -> String in
            switch block {
            case .meetingSummary: "summary"
            case .heading(let h): h.text
            default: "other"
            }
        }
        #expect(firstBlocks == ["summary", "Bakgrund"])
    }

    @Test func thematicSubHeadingsStayInsideTheQuestion() throws {
        let m = try meeting(Fixtures.localSlug)
        #expect(m.questions.count == 2)
        #expect(m.questions.map(\.number) == ["1", "2"])
        #expect(m.questions[0].text == "Har er organisation erfarenhet av samverkan med polisen? Hur fungerade det?")
        #expect(m.questions[1].text == "Vilka behov ser ni hos unga i riskzonen?")
        #expect(m.questions.map(\.session) == ["Sammanställning av gruppsamtalen", "Sammanställning av gruppsamtalen"])
        let subHeadings = m.questions[0].discussion.compactMap { if case .heading(let h) = $0 { h.text } else { nil } }
        #expect(subHeadings == ["Faktorer som påverkar samverkan", "Personberoende"])
        #expect(m.questions[0].summary?.points.count == 2)
        #expect(m.questions[1].summary?.points.map(\.text) == ["Öppna verksamheter på kvällar och helger behövs"])
    }

    // MARK: Situation pictures

    @Test func summaryHeadingFollowedByProseIsAProseSummary() throws {
        let m = try meeting(Fixtures.forumSlug)
        // The paragraph under "## Sammanfattning" is the meeting's summary, one point per paragraph.
        #expect(m.summary?.points.map(\.id) == ["sammanfattning-punkt-1"])
        #expect(m.summary?.points.first?.text.hasPrefix("Forumet samlade civilsamhället") == true)
        let headings = m.body.compactMap { if case .heading(let h) = $0 { h.text } else { nil } }
        #expect(headings == [
            "Genomförande", "Polisens lägesbild", "Civilsamhällets lägesbild",
            "Sammanställning av forumets gruppsamtal", "Avslutande gruppövning",
        ])
    }

    @Test func situationPicturesAreNotQuestions() throws {
        let m = try meeting(Fixtures.forumSlug)
        #expect(m.questions.map(\.text) == [
            "Vilka tendenser ser ni i era verksamheter?",
            "Hur kan samverkan mellan civilsamhället och polisen stärkas?",
        ])
        #expect(m.questions.map(\.session) == ["Sammanställning av forumets gruppsamtal", "Sammanställning av forumets gruppsamtal"])
        // Two sub-sections with a paragraph each; the two summaries are not discussion.
        #expect(m.questions[0].discussion.count == 4)
        #expect(m.questions[1].discussion.count == 2)
        #expect(m.questions[1].summary == nil)
    }

    @Test func secondSummaryInOneQuestionContinuesTheNumbering() throws {
        let m = try meeting(Fixtures.forumSlug)
        let points = try #require(m.questions[0].summary?.points)
        #expect(points.map(\.text) == [
            "Våld har blivit en del av vardagen för många unga",
            "Vuxna behöver reagera tydligare",
            "Placerade barn saknar ofta en trygg vuxen",
            "Skolan är en viktig skyddsfaktor",
        ])
        #expect(points.map(\.number) == [1, 2, 3, 4])
        #expect(points.map(\.id) == ["fraga-1-punkt-1", "fraga-1-punkt-2", "fraga-1-punkt-3", "fraga-1-punkt-4"])
    }

    // MARK: What is and is not a question or a summary

    static let lookalikes = """
    ---
    title: "Möte med rubriker som liknar frågor"
    date: 2024-03-01
    ---

    ## Frågor och svar

    Deltagarna fick ställa frågor till panelen.

    ### Frågan om pengar

    Den kom upp i flera grupper.

    ### Sammanfattningsvis

    - Det här är en vanlig lista under en vanlig rubrik

    Sammanfattningsvis:

    - Inte heller det här är en sammanfattning

    ## Gruppsamtal

    ### Fråga 2: Vad gör en samverkan hållbar?

    ### Fråga 3. Vem bär ansvaret?

    ### Fråga – Vad vill ni ta med er hem?

    ### FRÅGA 4 - Hur når vi fler?

    """

    @Test func headingsThatOnlyContainTheWordsAreNotQuestionsOrSummaries() throws {
        let path = "content/meetings/lookalikes.md"
        let m = try meeting("lookalikes", Fixtures.site([path: Self.lookalikes]))
        #expect(m.summary == nil)
        let headings = m.body.compactMap { if case .heading(let h) = $0 { h.text } else { nil } }
        #expect(headings == ["Frågor och svar", "Frågan om pengar", "Sammanfattningsvis", "Gruppsamtal"])
        #expect(m.questions.allSatisfy { $0.summary == nil })
        // Both lists stay ordinary lists in the notes.
        let lists = m.body.filter { if case .markdown(let n) = $0 { n.isList } else { false } }
        #expect(lists.count == 2)
    }

    @Test func questionHeadingsWithNumberSeparatorOrNoNumber() throws {
        let path = "content/meetings/lookalikes.md"
        let m = try meeting("lookalikes", Fixtures.site([path: Self.lookalikes]))
        #expect(m.questions.map(\.number) == ["2", "3", nil, "4"])
        #expect(m.questions.map(\.text) == [
            "Vad gör en samverkan hållbar?", "Vem bär ansvaret?", "Vad vill ni ta med er hem?", "Hur når vi fler?",
        ])
        #expect(m.questions.allSatisfy { $0.session == "Gruppsamtal" })
        // An unnumbered question takes its id from its text.
        #expect(m.questions[2].id.hasPrefix("fraga-vad-vill-ni"))
        #expect(m.questions.map(\.id).prefix(2) == ["fraga-2", "fraga-3"])
        // The title shown is the question without "Fråga 2: ".
        #expect(m.questions[0].title.map(\.plainText).joined() == "Vad gör en samverkan hållbar?")
    }

    @Test func labelsMatcherDirectly() {
        let labels = Labels(question: ["Fråga"], summary: ["Sammanfattning"])
        #expect(labels.matchQuestion("Fråga 2: Vad?")?.number == "2")
        #expect(labels.matchQuestion("Fråga 3. Vem?")?.text == "Vem?")
        #expect(labels.matchQuestion("Fråga – Hur?")?.number == nil)
        #expect(labels.matchQuestion("Fråga – Hur?")?.text == "Hur?")
        #expect(labels.matchQuestion("Frågor och svar") == nil)
        #expect(labels.matchQuestion("Frågan om pengar") == nil)
        #expect(labels.matchQuestion("Fråga om pengar") == nil)
        // The first-byte check spares most headings the lowercasing; case still does not
        // matter, and a heading that starts with another letter or a non-ASCII one is no match.
        #expect(labels.matchQuestion("fråga 4: Vad?")?.number == "4")
        #expect(labels.matchQuestion("FRÅGA 5 – Vem?")?.text == "Vem?")
        #expect(labels.matchQuestion("Öppen fråga 6: Vad?") == nil)
        #expect(labels.matchQuestion("1. Fråga") == nil)
        #expect(labels.matchQuestion("") == nil)
        let english = Labels(question: ["question", "Q", "Öppen fråga"], summary: [])
        #expect(english.matchQuestion("Question 7: Why?")?.number == "7")
        #expect(english.matchQuestion("q 8: Why?")?.label == "Q")
        #expect(english.matchQuestion("öppen fråga 9: Hur?")?.number == "9")
        #expect(english.matchQuestion("Fråga 2: Vad?") == nil)
        #expect(labels.isSummaryLabel("Sammanfattning:"))
        #expect(labels.isSummaryLabel("sammanfattning"))
        #expect(!labels.isSummaryLabel("Sammanfattningsvis"))
        #expect(!labels.isSummaryLabel("Sammanfattning av dagen"))
    }

    @Test func boldLabelSubNumbersAndReservedHeadingIds() throws {
        let text = """
        ---
        title: "Fetstil och delfrågor"
        date: 2024-03-02
        ---

        ## Deltagare

        Föreningar och myndigheter.

        ## Teman

        ### Fråga 2a – Vad gör föreningarna redan?

        **Sammanfattning:**

        - Läxhjälp och idrott

        ### Fråga 2.1 – Vad gör kommunen?

        Ingen sammanfattning här.

        """
        let m = try meeting("delfragor", Fixtures.site(["content/meetings/delfragor.md": text]))
        #expect(m.questions.map(\.number) == ["2a", "2.1"])
        #expect(m.questions.map(\.id) == ["fraga-2a", "fraga-2-1"])
        #expect(m.questions[0].summary?.points.map(\.text) == ["Läxhjälp och idrott"])
        // "Deltagare" and "Teman" are ids the meeting page uses itself.
        let headingIDs = m.body.compactMap { if case .heading(let h) = $0 { h.id } else { nil } }
        #expect(headingIDs == ["deltagare-2", "teman-2"])
        #expect(Set(m.anchors).count == m.anchors.count)
    }

    @Test func summariesOnAPageAreBoxesOfTheirOwn() throws {
        let page = """
        ---
        title: "Om portalen"
        ---

        Sammanfattning:

        - Portalen samlar dokumentation

        ## Mer

        Sammanfattning:

        - Den uppdateras efter varje möte
        - Allt är öppna data

        """
        let site = try TestSite(files: Fixtures.site(["content/pages/om.md": page]))
        defer { site.remove() }
        let (extracted, diagnostics) = site.extract()
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        let body = try #require(extracted.pages.first).body
        let boxes = body.compactMap { if case .summary(let s) = $0 { s } else { nil } }
        #expect(boxes.map(\.points.count) == [1, 2])
        let ids = boxes.flatMap { [$0.id] + $0.points.map(\.id) }
        #expect(Set(ids).count == ids.count, "\(ids)")
        #expect(boxes[0].points.map(\.id) == ["sammanfattning-punkt-1"])
    }

    // MARK: Configurable labels

    @Test func labelsFromSiteConfigAreUsed() throws {
        let text = """
        ---
        title: "Nordic round table"
        date: 2024-05-02
        ---

        ## Session 1

        ### Question 1 – What makes cooperation last?

        Summary:

        - Shared goals
        - Long-term funding

        ### Fråga 2 – Detta är ingen fråga på den här webbplatsen

        Text.

        """
        let files = Fixtures.site([
            "site.yml": "title: Portal\nbase_url: https://example.org/\nlanguage: en\nlabels:\n  question: [Question]\n  summary: [Summary]\n",
            "content/meetings/nordic.md": text,
        ])
        let m = try meeting("nordic", files)
        #expect(m.questions.count == 1)
        #expect(m.questions.first?.id == "question-1")
        #expect(m.questions.first?.text == "What makes cooperation last?")
        #expect(m.questions.first?.session == "Session 1")
        #expect(m.questions.first?.summary?.points.map(\.text) == ["Shared goals", "Long-term funding"])
        #expect(m.questions.first?.summary?.points.first?.id == "question-1-punkt-1")
    }

    // MARK: Where a question ends

    @Test func summaryHeadingAtTheQuestionsLevelEndsTheQuestion() throws {
        let text = """
        ---
        title: "Sammanfattning sist"
        date: 2024-06-01
        ---

        ## Gruppsamtal #samverkan

        ### Fråga 1 – Vad fungerar?

        Deltagarna pratade länge.

        ## Sammanfattning

        - Mötets första slutsats
        - Mötets andra slutsats

        """
        let m = try meeting("sist", Fixtures.site(["content/meetings/sist.md": text]))
        #expect(m.questions.count == 1)
        #expect(m.questions[0].summary == nil)
        let summary = try #require(m.summary)
        #expect(summary.points.map(\.text) == ["Mötets första slutsats", "Mötets andra slutsats"])
        // The section above is closed by the summary heading: its tag does not reach the points.
        #expect(summary.points.allSatisfy { !$0.themes.contains("samverkan") })
    }

    @Test func summaryHeadingBelowTheQuestionBelongsToIt() throws {
        let text = """
        ---
        title: "Sammanfattning som rubrik"
        date: 2024-06-02
        ---

        ### Fråga 1 – Vad fungerar?

        #### Sammanfattning

        - Korta beslutsvägar

        """
        let m = try meeting("rubrik", Fixtures.site(["content/meetings/rubrik.md": text]))
        #expect(m.summary == nil)
        #expect(m.questions.first?.summary?.points.map(\.text) == ["Korta beslutsvägar"])
        #expect(m.questions.first?.summary?.points.first?.id == "fraga-1-punkt-1")
    }

    @Test func summaryLabelWithoutListIsWarnedAbout() throws {
        let path = "content/meetings/tom.md"
        let text = """
        ---
        title: "Tom sammanfattning"
        date: 2024-06-03
        ---

        ### Fråga 1 – Vad fungerar?

        Sammanfattning:

        Här borde det ha stått en lista.

        """
        // A paragraph after the label is a prose summary (one point per paragraph); with
        // nothing but a heading after it, there is no summary, and the author is told.
        let (m, _) = try TestSite.extractMeeting("tom", files: Fixtures.site([path: text]))
        #expect(m?.questions.first?.summary?.points.map(\.text) == ["Här borde det ha stått en lista."])
        let empty = text.replacing("Här borde det ha stått en lista.", with: "## Nästa del")
        let (_, diagnostics) = try TestSite.extractMeeting("tom", files: Fixtures.site([path: empty]))
        let warning = try #require(diagnostics.warnings.first { $0.message.contains("not followed by a list or paragraphs") })
        #expect(warning.location?.file == path)
        #expect(warning.location?.line == position(of: "Sammanfattning:", in: text)?.line)
    }
}
