import Testing
import SamradCore
import SamradParse
@testable import SamradExtract

/// Seminar and podcast transcripts: paragraphs that open with a bold name are turns.
@Suite("extract: transcripts")
struct ExtractTranscriptTests {
    func transcript() throws -> Meeting {
        let (meeting, diagnostics) = try TestSite.extractMeeting(Fixtures.transcriptSlug, files: Fixtures.all)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        return try #require(meeting)
    }

    var turns: [SpeakerTurn] {
        get throws {
            try transcript().body.compactMap { if case .turn(let t) = $0 { t } else { nil } }
        }
    }

    @Test func speakersInOrderOfFirstAppearance() throws {
        let m = try transcript()
        // "**JOHANNA S**:" (colon after the bold) counts as well as "**KARIN:**".
        #expect(m.speakers == ["KARIN", "MARIE-THERESE", "JOHANNA S", "JOHANNA J"])
    }

    @Test func everySpeakerParagraphIsATurn() throws {
        let turns = try turns
        #expect(turns.map(\.speaker) == ["KARIN", "MARIE-THERESE", "KARIN", "JOHANNA S", "MARIE-THERESE", "JOHANNA J"])
        // The name and its colon are not repeated in what was said.
        #expect(turns[0].content.map(\.plainText).joined().hasPrefix("Välkomna hit!"))
        #expect(turns[3].content.map(\.plainText).joined().hasPrefix("Det görs en noggrann kartläggning"))
        #expect(turns.allSatisfy { !$0.content.map(\.plainText).joined().hasPrefix(":") })
    }

    @Test func boldSentenceEndingInAPeriodIsNotASpeaker() throws {
        let m = try transcript()
        #expect(!m.speakers.contains { $0.hasPrefix("Det här") })
        let paragraphs = m.body.compactMap { if case .markdown(let n) = $0, n.isParagraph { n.plainText } else { nil } }
        #expect(paragraphs.contains { $0.hasPrefix("Det här är en viktig poäng.") })
        // "Medverkande:" without bold is ordinary text too.
        #expect(paragraphs.contains { $0.hasPrefix("Medverkande:") })
        #expect(!m.speakers.contains("Medverkande"))
    }

    @Test func longBoldLeadInIsEmphasisNotASpeaker() throws {
        let text = """
        ---
        title: "Podd"
        date: 2022-08-01
        type: transcript
        ---

        **Det här sa deltagarna om samverkan i sina grupper:** att den måste bygga på förtroende.

        **LEILA:** Jag håller med.

        **Varför?** Det frågade flera.

        """
        let (meeting, _) = try TestSite.extractMeeting("podd", files: Fixtures.site(["content/meetings/podd.md": text]))
        let m = try #require(meeting)
        #expect(m.speakers == ["LEILA"])
        #expect(m.body.filter { if case .turn = $0 { true } else { false } }.count == 1)
    }

    @Test func tagsAtTheEndOfATurnAreTakenOff() throws {
        let turn = try #require(try turns.first { $0.speaker == "MARIE-THERESE" })
        #expect(turn.content.themeTagNames == ["samverkan"])
        #expect(!turn.content.literalText.contains("#samverkan"))
    }

    @Test func meetingWithoutTurnsHasNoSpeakers() throws {
        let (meeting, _) = try TestSite.extractMeeting(Fixtures.roundTablesSlug, files: Fixtures.all)
        #expect(try #require(meeting).speakers.isEmpty)
    }
}
