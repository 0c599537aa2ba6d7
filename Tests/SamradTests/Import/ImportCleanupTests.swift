import Testing
@testable import SamradImport

/// Text clean-up of PDF copies: characters, page furniture, joined lines, headings.
@Suite("import: clean-up")
struct ImportCleanupTests {
    func blocks(_ text: String, transcript: Bool = false) -> [SourceBlock] {
        var lines = TextReader.split(text)
        var furniture = PageFurniture()
        furniture.clean(&lines)
        var joiner = LineJoiner(transcript: transcript, labels: ImportLabels())
        return joiner.join(lines)
    }

    @Test func ligaturesAndNonBreakingSpacesAreNormalised() {
        #expect(TextNormalizer.normalize("ﬁnansiering\u{00A0}och ﬂexibilitet\u{00AD}") == "finansiering och flexibilitet")
    }

    @Test func bulletGlyphsBecomeListItems() {
        for glyph in ["•", "\u{F0B7}", "\u{F096}", "\u{FFFD}", "–", "-"] {
            #expect(TextNormalizer.bulletItem("\(glyph) Fryshuset") == "Fryshuset", "\(glyph)")
        }
        #expect(TextNormalizer.bulletItem("Fryshuset") == nil)
    }

    @Test func spacedOutHeadingsAreCollapsed() {
        #expect(TextNormalizer.spacedOutHeading("I N L E D N I N G") == "Inledning")
        #expect(TextNormalizer.spacedOutHeading("O M  M Ö T E T") == "Om mötet")
        #expect(TextNormalizer.spacedOutHeading("Om mötet") == nil)
        #expect(TextNormalizer.spacedOutHeading("A B") == nil)
    }

    @Test func wrappedLinesJoinAndHyphenatedWordsRejoin() {
        let b = blocks("Deltagarna lyfte att sam-\nverkan tar tid och att barn-\noch ungdomsverksamhet behövs.\n\nEtt nytt stycke börjar här.\n")
        #expect(b.map(\.text) == ["Deltagarna lyfte att samverkan tar tid och att barn- och ungdomsverksamhet behövs.",
                                  "Ett nytt stycke börjar här."])
    }

    @Test func aHyphenAfterAnAbbreviationOrNumberStays() {
        let b = blocks("Hur GVI-\narbetet och EU-\nmedlen under 90-\ntalet användes.\n")
        #expect(b.map(\.text) == ["Hur GVI-arbetet och EU-medlen under 90-talet användes."])
    }

    /// Lines as a PDF's layout gives them: each with its size, the first of a block marked.
    func layoutBlocks(_ pieces: [(String, Bool, Double, Double?)]) -> [SourceBlock] {
        let lines = pieces.enumerated().map { i, p in
            SourceLine(text: p.0, number: i + 1, relativeSize: 1.0, blockStart: p.1, x: p.2, textX: p.3)
        }
        var joiner = LineJoiner(transcript: false, labels: ImportLabels())
        return joiner.join(lines)
    }

    @Test func aQuestionWrappedAfterItsFirstSentenceStaysOneQuestion() {
        let b = layoutBlocks([("Fråga 4 – Vilka erfarenheter finns av samarbete med det offentliga?", true, 72, nil),
                              ("Vad har fungerat bra/dåligt?", false, 72, nil), ("Sammanfattning:", true, 72, nil),
                              ("• Många samarbetar med det offentliga.", true, 84, 108), ("Erfarenheterna är olika.", false, 108, nil),
                              ("• Andra punkten", true, 84, 108), ("Ett nytt stycke.", true, 72, nil)])
        #expect(b.map(\.text) == ["Fråga 4 – Vilka erfarenheter finns av samarbete med det offentliga? Vad har fungerat bra/dåligt?",
                                  "Sammanfattning:", "Många samarbetar med det offentliga. Erfarenheterna är olika.",
                                  "Andra punkten", "Ett nytt stycke."])
    }

    @Test func aParagraphInTheSameBlockRightAfterAListItemIsNotPartOfIt() {
        // A PDF made from plain text: bullet and text are one piece, so where the text
        // begins is not known; and a paragraph left of the item's text is not part of it.
        let b = layoutBlocks([("• Stödet ges av barn- och ungdomsvården.", true, 72, nil), ("Under arbetet med kartläggningen ändrades det.", false, 78, nil),
                              ("• Andra punkten.", true, 84, 108), ("Ett stycke efter listan.", false, 72, nil),
                              ("Fråga 1 – Vem bär ansvaret?", true, 72, nil), ("Det gör alla.", false, 72, nil)])
        #expect(b.map(\.text) == ["Stödet ges av barn- och ungdomsvården.", "Under arbetet med kartläggningen ändrades det.",
                                  "Andra punkten.", "Ett stycke efter listan.", "Fråga 1 – Vem bär ansvaret?", "Det gör alla."])
    }

    @Test func blankLinesInsideASentenceDoNotSplitTheParagraph() {
        // PDF copies put empty lines inside paragraphs; a lower-case start continues.
        let b = blocks("Mötet arrangerades av NOD och\n\nsamlade tjugo organisationer.\n")
        #expect(b.count == 1)
        #expect(b[0].text == "Mötet arrangerades av NOD och samlade tjugo organisationer.")
    }

    @Test func aClosingBracketAloneIsNotAPageNumber() {
        // Seed 004 wraps "(se fas 1)" so that "1)" stands alone: it is text, not a page number.
        #expect(!PageFurniture.isPageNumber("1)"))
        #expect(!PageFurniture.isPageNumber("(2"))
        #expect(PageFurniture.isPageNumber("3 (15)"))
        #expect(PageFurniture.isPageNumber("Sida 4"))
        var lines = TextReader.split("- Behovsanalys internt (se fas\n\n1)\n\n- Struktur för implementering\n")
        var furniture = PageFurniture()
        furniture.clean(&lines)
        #expect(furniture.dropped.isEmpty, "\(furniture.dropped)")
    }

    /// A report that opens with its foreword (seed 004) has no title page: no line of the
    /// foreword becomes the title, and none is taken out of its paragraph.
    @Test func aForewordIsNotACover() {
        var lines = TextReader.split("Förord\n\nRapporten visar att det finns många utmaningar. I ett sådant läge\n\nhar vi som samhälle en skyldighet att agera\n")
        #expect(DocumentFacts.coverEnd(lines, labels: ImportLabels()) == 0)
        // Even where a cover is cut off in mid-sentence, a line that starts in lower case goes on from the one before.
        var facts = DocumentFacts()
        facts.readCover(&lines, end: lines.count, vocabulary: SiteVocabulary())
        #expect(facts.title == nil)
        #expect(facts.dropped.isEmpty, "a line was taken out: \(facts.dropped)")
    }

    @Test func pageNumbersAndRunningHeadersAreDropped() {
        let words = ["Första", "Andra", "Tredje", "Fjärde"]
        var text = ""
        for page in 1...4 {
            text += "\u{0C}Dokumentation dialogmöte \(page)\n\(words[page - 1]) sidans text slutar här.\n\n\(page)\n"
        }
        var lines = TextReader.split(text)
        var furniture = PageFurniture()
        furniture.clean(&lines)
        let kept = lines.map(\.text).filter { !$0.isEmpty }
        #expect(kept == words.map { "\($0) sidans text slutar här." })
        #expect(furniture.dropped.filter { $0.reasonKey == "import_dropped_page_number" }.count == 4)
        #expect(furniture.dropped.filter { $0.reasonKey == "import_dropped_running_line" }.count == 4)
    }

    @Test func tableOfContentsIsDropped() {
        var lines = TextReader.split("Innehållsförteckning\n\nDeltagare.....\t2\nBakgrund.....\t4\n<i>Lägesbild</i>\t4\n\nDeltagare\n")
        var furniture = PageFurniture()
        furniture.clean(&lines)
        #expect(lines.map(\.text).filter { !$0.isEmpty } == ["Deltagare"])
        #expect(furniture.dropped.count == 4)
    }

    @Test func headingsAreShortLinesBetweenParagraphs() {
        let b = blocks("Det var allt om strategin.\n\nOm mötet\n\nDagen började med en presentation.\n")
        #expect(b.map(\.kind) == [.paragraph, .heading(level: nil), .paragraph])
        #expect(b[1].text == "Om mötet")
    }

    @Test func wrappedQuestionIsOneHeading() {
        let b = blocks("Fråga 1: Har er organisation erfarenheter av samverkan mellan polis\noch civilsamhälle? Vad gjorde ni?\n\nText.\n")
        #expect(b.first?.text == "Fråga 1: Har er organisation erfarenheter av samverkan mellan polis och civilsamhälle? Vad gjorde ni?")
        #expect(ImportLabels().parseQuestion(b[0].text)?.number == 1)
    }

    @Test func questionsWithAndWithoutNumbers() {
        let labels = ImportLabels()
        #expect(labels.parseQuestion("Fråga 3 – Vad behövs?")?.number == 3)
        #expect(labels.parseQuestion("Fråga 3 – Vad behövs?")?.text == "Vad behövs?")
        #expect(labels.parseQuestion("Fråga – Vad behövs?")?.number == nil)
        #expect(labels.parseQuestion("Fråga – Vad behövs?")?.text == "Vad behövs?")
        #expect(labels.parseQuestion("Frågan är svår.") == nil)
    }

    @Test func swedishDates() {
        #expect(SwedishDates.find(in: "dialogmöte den 14 september 2023").first?.iso == "2023-09-14")
        #expect(SwedishDates.find(in: "NOD:s möte februari 2026").first?.iso == "2026-02")
        #expect(SwedishDates.find(in: "(September 2022)").first?.iso == "2022-09")
        #expect(SwedishDates.find(in: "workshop den 24 november").first?.iso == nil)
        #expect(SwedishDates.find(in: "i maj var det").isEmpty)
    }

    @Test func speakerLines() {
        #expect(SpeakerLine.match("KARIN: Hej och välkomna")?.name == "KARIN")
        #expect(SpeakerLine.match("**KARIN:** Hej")?.name == "KARIN")
        #expect(SpeakerLine.match("JOHANNA S: Ja")?.name == "JOHANNA S")
        #expect(SpeakerLine.match("MARIE- THERESE: För det första")?.name == "MARIE-THERESE")
        #expect(SpeakerLine.match("Medverkande: Anna") == nil)
        #expect(SpeakerLine.match("OBS:det") == nil)
    }

    @Test func plainTextIsEscapedForMarkdown() {
        #expect(MarkdownWriter.escape("2023. Det var ett år") == "2023\\. Det var ett år")
        #expect(MarkdownWriter.escape("Vi tog upp #metoo") == "Vi tog upp \\#metoo")
        #expect(MarkdownWriter.escape("- inte en lista") == "\\- inte en lista")
    }
}
