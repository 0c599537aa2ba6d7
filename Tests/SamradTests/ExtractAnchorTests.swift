import Testing
import SamradCore
@testable import SamradExtract
import SamradParse
@testable import SamradLink

/// Anchors that stay put: pinned with `{#id}`, independent of the wording of the
/// headings around them, and generated ones before authored ones.
@Suite("extract: stable anchors")
struct ExtractAnchorTests {
    static let path = "content/meetings/2024-01-01-m/index.md"

    func meeting(_ body: String, files: [String: String] = [:]) throws -> (Meeting, [Diagnostic]) {
        var all = files
        all[Self.path] = "---\ntitle: Möte\ndate: 2024-01-01\n---\n\n" + body
        let (m, diagnostics) = try TestSite.extractMeeting("2024-01-01-m", files: all)
        return (try #require(m, "\(diagnostics)"), diagnostics)
    }

    @Test func pinnedIDsWinOverTheText() throws {
        let (m, diagnostics) = try meeting("""
        ## Eftermiddagens samtal {#runda-2}

        ### Fråga 1 – Vem tar initiativet? {#initiativet}

        Sammanfattning:

        - En årlig träff {#arlig-traff}
        - En punkt till

        ### Fråga 2 – Och sedan?

        ## Noter {#noter} #samverkan
        """)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        #expect(m.questions.map(\.id) == ["initiativet", "fraga-2"])
        #expect(m.questions[0].summary?.points.map(\.id) == ["arlig-traff", "initiativet-punkt-2"])
        #expect(m.questions[0].summary?.points.first?.text == "En årlig träff", "the pin is not part of the text")
        #expect(m.questions[0].text == "Vem tar initiativet?")
        let headings = m.body.compactMap { if case .heading(let h) = $0 { h } else { nil } }
        #expect(headings.map(\.id) == ["runda-2", "noter"])
        #expect(headings.last?.text == "Noter", "pin and tag both come off, in either order")
    }

    @Test func aPinnedSessionNamesItsRepeatedQuestionNumbers() throws {
        let (m, _) = try meeting("""
        ## Förmiddag

        ### Fråga 1 – A?

        ## Eftermiddag med nytt namn {#runda-2}

        ### Fråga 1 – B?

        ## Kväll

        ### Fråga 1 – C?
        """)
        // A session without a number and without a pin is named by its position.
        #expect(m.questions.map(\.id) == ["fraga-1", "runda-2-fraga-1", "del-3-fraga-1"])
    }

    @Test func sessionKeyIsTheHeadingUpToItsNumber() {
        #expect(BodyExtractor.sessionKey("Rundabordssamtal 2: ansvar och uppföljning", position: 1) == "rundabordssamtal-2")
        #expect(BodyExtractor.sessionKey("Rundabordssamtal 2", position: 2) == "rundabordssamtal-2")
        #expect(BodyExtractor.sessionKey("Pass 12 – eftermiddag", position: 1) == "pass-12")
        #expect(BodyExtractor.sessionKey("Eftermiddagen", position: 4) == "del-4")
    }

    @Test func postItCategoriesAndPostItsCanBePinned() throws {
        let (m, diagnostics) = try meeting("Text.\n", files: [
            "content/meetings/2024-01-01-m/lappar.md": """
            ---
            title: Lappar
            appendix: postits
            ---

            ## Förslag som fick flest röster {#forslag}

            - Fler mötesplatser
            - Gemensam kalender {#kalendern}
            """,
        ])
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        let category = try #require(m.boards.first?.categories.first)
        #expect(category.id == "kategori-forslag")
        #expect(category.postIts.map(\.id) == ["postit-forslag-1", "kalendern"])
        #expect(category.path == ["Förslag som fick flest röster"])
    }

    @Test func badOrTakenPinsAreReported() throws {
        let (m, diagnostics) = try meeting("""
        ## Ett {#Stora Bokstäver}

        ### Fråga 1 – A? {#dubbel}

        ### Fråga 2 – B? {#dubbel}
        """)
        #expect(diagnostics.warnings.contains { $0.message.contains("'{#Stora Bokstäver}' is not an anchor") })
        let taken = try #require(diagnostics.warnings.first { $0.message.contains("'#dubbel' is already used") })
        #expect(taken.location?.line == 10)
        #expect(m.questions.map(\.id) == ["dubbel", "dubbel-2"])
    }

    @Test func relativeLinksInItemsShownElsewhereBecomeRootRelative() {
        #expect(RelativeLinks.rootRelative("karta.png", "moten/x/") == "/moten/x/karta.png")
        #expect(RelativeLinks.rootRelative("../y/#fraga-2", "moten/x/") == "/moten/y/#fraga-2")
        #expect(RelativeLinks.rootRelative("#fraga-2", "moten/x/") == "/moten/x/#fraga-2")
        #expect(RelativeLinks.rootRelative("../../", "moten/x/") == "/")
        #expect(RelativeLinks.rootRelative("../../../z/", "moten/x/") == nil, "above the root: left for the link check")
        #expect(RelativeLinks.rootRelative("/teman/", "moten/x/") == nil)
        #expect(RelativeLinks.rootRelative("https://example.se/", "moten/x/") == nil)
    }

    @Test func listedOrganisationsThatMakeOneAddressAreReported() throws {
        let site = try TestSite(files: [
            "content/organizations.yml": "- name: Ung & Trygg\n- name: Ung Trygg\n",
            Self.path: "---\ntitle: Möte\ndate: 2024-01-01\nparticipants: [Ung Trygg]\n---\nText.\n",
        ])
        defer { site.remove() }
        let (linked, diagnostics) = site.link()
        #expect(linked.organizations.map(\.slug) == ["ung-trygg", "ung-trygg-2"])
        let warning = try #require(diagnostics.warnings.first { $0.message.contains("make the same address") })
        #expect(warning.location?.file == "content/organizations.yml")
        #expect(warning.location?.line == 2)
    }
}
