import Foundation
import Testing
import SamradCore
import SamradParse
@testable import SamradExtract

/// The post-it wall: categories from nested headings, one post-it per list item, stable
/// ids, and tags inherited from the meeting, the appendix and the headings.
@Suite("extract: post-it boards")
struct ExtractPostItTests {
    func meeting(_ files: [String: String] = Fixtures.all) throws -> Meeting {
        let (meeting, diagnostics) = try TestSite.extractMeeting(Fixtures.localSlug, files: files)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        return try #require(meeting)
    }

    @Test func boardTakesTitleAndFileFromTheAppendix() throws {
        let m = try meeting()
        #expect(m.boards.count == 1)
        let board = try #require(m.boards.first)
        #expect(board.slug == "workshop")
        #expect(board.title == "Bilaga: Exempel och förslag från workshoppen")
        #expect(board.file == Fixtures.localPostItsPath)
        // The paragraph before the first heading is the board's introduction.
        #expect(board.intro.count == 1)
    }

    @Test func nestedHeadingsMakeCategoryPaths() throws {
        let board = try #require(try meeting().boards.first)
        #expect(board.categories.map(\.path) == [
            ["Nya möjligheter och behov"],
            ["Nya möjligheter och behov", "Strukturer"],
            ["Nya möjligheter och behov", "Informationsdelning och erfarenhetsutbyte"],
            ["Goda exempel på samverkan"],
            ["Goda exempel på samverkan", "Krisinsatser"],
            ["Goda exempel på samverkan", "Övrigt"],
            ["Exempel på samverkan som fungerat mindre bra"],
            ["Exempel på samverkan som fungerat mindre bra", "Övrigt"],
        ])
        #expect(board.categories.map(\.depth) == [1, 2, 2, 1, 2, 2, 1, 2])
        #expect(board.categories.map(\.postIts.count) == [0, 4, 2, 0, 2, 1, 1, 1])
        // A paragraph inside a category is a note, not a post-it.
        #expect(board.categories[6].notes.count == 1)
    }

    @Test func everyListItemIsOnePostItWithItsPath() throws {
        let m = try meeting()
        #expect(m.postIts.count == 11)
        let strukturer = m.postIts.filter { $0.categoryPath.last == "Strukturer" }
        #expect(strukturer.map(\.text) == [
            "En gemensam avsiktsförklaring på nationell nivå",
            "Riktlinjer och verktyg för lokal samverkan",
            "En mall för hur samverkan med föreningar kan gå till",
            "Civilsamhället ska vara med från behovsanalys till insats",
        ])
        #expect(strukturer.allSatisfy { $0.categoryPath == ["Nya möjligheter och behov", "Strukturer"] })
        // A nested item is a post-it of its own, not part of its parent's text.
        let kris = m.postIts.filter { $0.categoryPath.last == "Krisinsatser" }
        #expect(kris.map(\.text) == [
            "Polisen och föreningarna öppnade en lokal tillsammans efter en skjutning",
            "Lokalen var öppen hela natten",
        ])
        let location = try #require(position(of: "- En mall", in: Fixtures.localPostIts))
        #expect(strukturer[2].location.file == Fixtures.localPostItsPath)
        #expect(strukturer[2].location.line == location.line)
    }

    @Test func postItIdsNameCategoryAndPosition() throws {
        let m = try meeting()
        let ids = m.postIts.map(\.id)
        #expect(ids.prefix(4) == ["postit-strukturer-1", "postit-strukturer-2", "postit-strukturer-3", "postit-strukturer-4"])
        #expect(ids.contains("postit-informationsdelning-och-erfarenhetsutbyte-2"))
        #expect(ids.contains("postit-krisinsatser-2"))
        #expect(ids.contains("postit-ovrigt-1"))
        // The second "Övrigt" is told apart by its parent, not by a counter.
        #expect(ids.contains("postit-exempel-pa-samverkan-som-fungerat-mindre-ovrigt-1"))
        #expect(Set(ids).count == ids.count)
    }

    @Test func postItsInheritAppendixAndHeadingThemes() throws {
        let m = try meeting()
        let own = { (p: PostIt) in m.beyondFrontMatter(p.themes) }
        let strukturer = m.postIts.filter { $0.categoryPath.last == "Strukturer" }
        // Appendix front matter, category heading, own tag.
        #expect(own(strukturer[0]) == ["tillit", "styrning"])
        #expect(own(strukturer[1]) == ["tillit", "styrning", "samarbete"])
        #expect(strukturer[1].tags.map(\.name) == ["samarbete"])
        #expect(strukturer[1].content.themeTagNames == ["samarbete"])
        #expect(!strukturer[1].content.literalText.contains("#"))
        // A category's tag stays in its category.
        let info = m.postIts.filter { $0.categoryPath.last == "Informationsdelning och erfarenhetsutbyte" }
        #expect(info.allSatisfy { own($0) == ["tillit"] })
        // A nested item inherits its parent's themes and adds its own.
        let kris = m.postIts.filter { $0.categoryPath.last == "Krisinsatser" }
        #expect(own(kris[1]) == ["tillit", "unga"])
        // The appendix's front matter tag is recorded for validation.
        #expect(m.allTags.contains { $0.name == "tillit" && $0.location.file == Fixtures.localPostItsPath })
    }

    @Test func aTopCategoryTagReachesItsSubCategories() throws {
        let board = """
        ---
        title: "Lappar"
        appendix: postits
        ---

        ## Goda exempel #styrning

        ### Idrott

        - Gemensamma träningar #unga

        ## Annat

        - Något helt annat

        """
        let m = try meeting(Fixtures.site([Fixtures.localPath: Fixtures.local, Fixtures.localPostItsPath: board]))
        #expect(m.postIts.map(\.categoryPath) == [["Goda exempel", "Idrott"], ["Annat"]])
        // The top category's tag, then the post-it's own; the next top category starts afresh.
        #expect(m.postIts.map { m.beyondFrontMatter($0.themes) } == [["styrning", "unga"], []])
        #expect(m.boards.first?.categories.first?.id == "kategori-goda-exempel")
    }

    @Test func everyIdOnTheMeetingPageIsUnique() throws {
        let m = try meeting()
        #expect(Set(m.anchors).count == m.anchors.count, "\(m.anchors)")
        for id in m.postIts.map(\.id) + m.questions.map(\.id) { #expect(m.anchors.contains(id), "\(id)") }
        for point in (m.summary?.points ?? []) + m.questions.flatMap({ $0.summary?.points ?? [] }) {
            #expect(m.anchors.contains(point.id), "\(point.id)")
        }
        for other in [Fixtures.roundTablesSlug, Fixtures.forumSlug] {
            let (meeting, _) = try TestSite.extractMeeting(other, files: Fixtures.all)
            let anchors = try #require(meeting?.anchors)
            #expect(Set(anchors).count == anchors.count, "\(anchors)")
        }
    }

    @Test func twoBoardsWithTheSameCategoryStillHaveUniqueIds() throws {
        let second = """
        ---
        title: "Bilaga: Lappar från eftermiddagen"
        appendix: postits
        ---

        ## Strukturer

        - Ett gemensamt forum för alla parter

        """
        let m = try meeting(Fixtures.all.merging(["content/meetings/\(Fixtures.localSlug)/workshop2.md": second]) { _, new in new })
        #expect(m.boards.count == 2)
        let ids = m.postIts.map(\.id)
        #expect(Set(ids).count == ids.count, "\(ids)")
        #expect(Set(m.anchors).count == m.anchors.count)
        #expect(m.boards[1].postIts.first?.categoryPath == ["Strukturer"])
    }

    @Test func postItsBeforeAnyHeadingHaveAnEmptyPath() throws {
        let board = """
        ---
        title: "Lappar"
        appendix: postits
        ---

        - Första lappen
        - Andra lappen

        """
        let m = try meeting(Fixtures.site([Fixtures.localPath: Fixtures.local, Fixtures.localPostItsPath: board]))
        #expect(m.postIts.map(\.text) == ["Första lappen", "Andra lappen"])
        #expect(m.postIts.allSatisfy { $0.categoryPath.isEmpty })
        #expect(Set(m.postIts.map(\.id)).count == 2)
    }
}

/// Editing the notes must not move the deep links people have shared.
@Suite("extract: stable ids")
struct ExtractStableIdTests {
    func ids(_ meeting: Meeting) -> [String] {
        meeting.questions.flatMap { q in [q.id] + (q.summary.map { [$0.id] + $0.points.map(\.id) } ?? []) }
            + (meeting.summary.map { [$0.id] + $0.points.map(\.id) } ?? [])
            + meeting.postIts.map(\.id)
    }

    func extract(_ files: [String: String], _ slug: String) throws -> Meeting {
        let (meeting, diagnostics) = try TestSite.extractMeeting(slug, files: files)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        return try #require(meeting)
    }

    @Test func editingParagraphsElsewhereKeepsQuestionAndSummaryIds() throws {
        let before = try extract(Fixtures.all, Fixtures.roundTablesSlug)
        let edited = Fixtures.roundTables
            .replacingOccurrences(of: "Mötet samlade föreningar", with: "Dagen samlade många olika föreningar")
            .replacingOccurrences(
                of: "En deltagare berättade om ett samarbete där polisen hörde av sig efter varje insats.",
                with: "En deltagare berättade om ett samarbete.\n\nEtt helt nytt stycke med mer text om samma sak.")
        #expect(edited != Fixtures.roundTables)
        let after = try extract(Fixtures.all.merging([Fixtures.roundTablesPath: edited]) { _, new in new }, Fixtures.roundTablesSlug)
        #expect(ids(before).count == 3 + 3 + 4 + 2 + 3)
        #expect(ids(after) == ids(before))
        #expect(after.questions[1].discussion.count == before.questions[1].discussion.count + 1)
    }

    @Test func rewordingAQuestionKeepsItsIdAndItsPoints() throws {
        let before = try extract(Fixtures.all, Fixtures.roundTablesSlug)
        let edited = Fixtures.roundTables
            .replacingOccurrences(of: "Hur kan det offentliga ta tillvara föreningarnas kunskap?",
                                  with: "Hur tar myndigheterna bäst vara på det föreningarna vet?")
            .replacingOccurrences(of: "- Det behövs fasta kontaktpersoner hos polisen",
                                  with: "- Polisen behöver fasta kontaktpersoner för föreningarna")
        let after = try extract(Fixtures.all.merging([Fixtures.roundTablesPath: edited]) { _, new in new }, Fixtures.roundTablesSlug)
        #expect(after.questions[1].text == "Hur tar myndigheterna bäst vara på det föreningarna vet?")
        #expect(ids(after) == ids(before))
    }

    @Test func addingASectionElsewhereKeepsIds() throws {
        let before = try extract(Fixtures.all, Fixtures.localSlug)
        let edited = Fixtures.local.replacingOccurrences(
            of: "## Bakgrund\n",
            with: "## Program\n\nFörmiddagen ägnades åt presentationer.\n\n### Lunch\n\nVi åt tillsammans.\n\n## Bakgrund\n")
        #expect(edited != Fixtures.local)
        let after = try extract(Fixtures.all.merging([Fixtures.localPath: edited]) { _, new in new }, Fixtures.localSlug)
        #expect(ids(after) == ids(before))
        #expect(!ids(before).isEmpty)
    }

    @Test func editingTheBoardKeepsPostItIdsOfOtherCategories() throws {
        let before = try extract(Fixtures.all, Fixtures.localSlug)
        let edited = Fixtures.localPostIts
            .replacingOccurrences(of: "Under workshoppen skrev deltagarna", with: "Vid workshoppen skrev alla deltagare")
            .replacingOccurrences(
                of: "- En karta över vilka aktörer som finns och vad de gör\n",
                with: "- En karta över vilka aktörer som finns och vad de gör\n- Regelbundna träffar varje kvartal\n")
        #expect(edited != Fixtures.localPostIts)
        let after = try extract(Fixtures.all.merging([Fixtures.localPostItsPath: edited]) { _, new in new }, Fixtures.localSlug)
        #expect(after.postIts.count == before.postIts.count + 1)
        let beforeByText = Dictionary(uniqueKeysWithValues: before.postIts.map { ($0.text, $0.id) })
        for postIt in after.postIts where postIt.text != "Regelbundna träffar varje kvartal" {
            #expect(beforeByText[postIt.text] == postIt.id, "\(postIt.text)")
        }
        #expect(after.postIts.first { $0.text == "Regelbundna träffar varje kvartal" }?.id
                == "postit-informationsdelning-och-erfarenhetsutbyte-3")
    }
}
