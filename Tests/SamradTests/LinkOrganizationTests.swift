import Testing
import SamradCore
import SamradExtract
import SamradParse
@testable import SamradLink

/// Participants matched to organizations.yml by name or alias, ignoring case and
/// diacritics; near misses are warned about as likely typos.
@Suite("link: organisations")
struct LinkOrganizationTests {
    func linkAll() throws -> (LinkedSite, [Diagnostic]) {
        let site = try TestSite(files: Fixtures.all)
        defer { site.remove() }
        return site.link()
    }

    @Test func nearDuplicateOrganisationIsWarnedAboutWithFileAndLine() throws {
        let (_, diagnostics) = try linkAll()
        let warning = try #require(diagnostics.warnings.first { $0.message.contains("Sveriges Kristnad Råd") })
        #expect(warning.message.hasPrefix("unknown organisation 'Sveriges Kristnad Råd' (did you mean 'Sveriges kristna råd'?)"))
        let at = try #require(position(of: "Sveriges Kristnad Råd", in: Fixtures.local))
        #expect(warning.location?.file == Fixtures.localPath)
        #expect(warning.location?.line == at.line)
        #expect(warning.location?.column == at.column)
        #expect(warning.description.hasPrefix("\(Fixtures.localPath):\(at.line):\(at.column): warning: unknown organisation"))
    }

    @Test func namesMatchByNameOrAliasIgnoringCaseAndDiacritics() throws {
        let (linked, diagnostics) = try linkAll()
        let local = try #require(linked.meetings.first { $0.meeting.slug == Fixtures.localSlug })
        let byName = Dictionary(uniqueKeysWithValues: linked.organizations.map { ($0.slug, $0) })
        // Fryshuset, Sveriges Kristnad Råd (unlisted), Polisen → Polismyndigheten, RADDA BARNEN → Rädda Barnen.
        #expect(local.participants.compactMap { byName[$0]?.name } == ["Fryshuset", "Sveriges Kristnad Råd", "Polismyndigheten", "Rädda Barnen"])
        #expect(local.participants.compactMap { byName[$0]?.isListed } == [true, false, true, true])
        let round = try #require(linked.meetings.first { $0.meeting.slug == Fixtures.roundTablesSlug })
        // "polisen" and "Rädda barnen": the same organisations, not new ones.
        #expect(round.participants.compactMap { byName[$0]?.name } == ["Fryshuset", "Polismyndigheten", "Rädda Barnen"])
        #expect(linked.organizations.filter { !$0.isListed }.map(\.name) == ["Sveriges Kristnad Råd"])
        // Only the near miss is warned about.
        #expect(diagnostics.warnings.filter { $0.message.hasPrefix("unknown organisation") }.count == 1)
    }

    @Test func directoryMatchesAliasesAndSuggestsThem() {
        var directory = OrganizationDirectory([
            OrganizationDefinition(name: "Polismyndigheten", aliases: ["Polisen"]),
            OrganizationDefinition(name: "Brottsförebyggande rådet", aliases: ["Brå"]),
            OrganizationDefinition(name: "Sveriges kristna råd"),
        ])
        let at = SourceLocation(file: "content/meetings/m.md", line: 7, column: 5)
        for spelling in ["POLISEN", "polismyndigheten", "Sveriges Kristna Råd"] {
            let (org, warning) = directory.resolve(spelling, at: at)
            #expect(org.isListed, "\(spelling)")
            #expect(warning == nil, "\(spelling)")
        }
        // Without the diacritics the name still matches, but the page shows the listed
        // spelling, so the author is told which one.
        for spelling in ["brottsforebyggande radet", "BRA"] {
            let (org, warning) = directory.resolve(spelling, at: at)
            #expect(org.isListed, "\(spelling)")
            #expect(warning?.severity == .warning)
            #expect(warning?.message.contains("'Brottsförebyggande rådet'") == true, "\(spelling)")
        }
        let (typo, warning) = directory.resolve("Polsen", at: at)
        #expect(!typo.isListed)
        #expect(warning?.severity == .warning)
        #expect(warning?.message.hasPrefix("unknown organisation 'Polsen' (did you mean 'Polisen'?)") == true)
        #expect(warning?.location == at)
        // A name far from every listed one is a new organisation, without a warning.
        let (other, none) = directory.resolve("Hela Människan", at: at)
        #expect(!other.isListed)
        #expect(none == nil)
        #expect(other.slug == "hela-manniskan")
    }

    @Test func theSameTypoInTwoMeetingsIsReportedInBoth() throws {
        let second = "content/meetings/2025-12-01-uppfoljning.md"
        let text = """
        ---
        title: "Uppföljning"
        date: 2025-12-01
        participants:
          - Fryshuset
          - Sveriges Kristnad Råd
        ---

        Text.

        """
        let site = try TestSite(files: Fixtures.site([Fixtures.localPath: Fixtures.local, second: text]))
        defer { site.remove() }
        let (linked, diagnostics) = site.link()
        let warnings = diagnostics.warnings.filter { $0.message.hasPrefix("unknown organisation 'Sveriges Kristnad Råd'") }
        #expect(warnings.compactMap(\.location?.file).sorted() == [Fixtures.localPath, second].sorted())
        #expect(warnings.first { $0.location?.file == second }?.location?.line == position(of: "Sveriges Kristnad Råd", in: text)?.line)
        // Still one page for the misspelled name, shared by both meetings.
        #expect(linked.organizations.filter { !$0.isListed }.count == 1)
    }

    @Test func participantListedTwiceIsWarnedAbout() throws {
        let path = "content/meetings/dubbel.md"
        let text = """
        ---
        title: "Dubbelt"
        date: 2024-01-10
        participants:
          - Polismyndigheten
          - Fryshuset
          - polisen
        ---

        Text.

        """
        let site = try TestSite(files: Fixtures.site([path: text]))
        defer { site.remove() }
        let (linked, diagnostics) = site.link()
        #expect(linked.meetings.first?.participants == ["polismyndigheten", "fryshuset"])
        let warning = try #require(diagnostics.warnings.first { $0.message.contains("listed twice") })
        #expect(warning.location?.file == path)
        #expect(warning.location?.line == position(of: "- polisen", in: text)?.line)
    }

    @Test func aJoinedEntryRepeatedIsListedTwiceButItsPartsAloneAreNot() throws {
        let path = "content/meetings/delad.md"
        let text = """
        ---
        title: "Delad plats"
        date: 2024-01-10
        participants:
          - Polismyndigheten / Fryshuset
          - Fryshuset
          - Polismyndigheten / Fryshuset
        ---

        Text.

        """
        let site = try TestSite(files: Fixtures.site([path: text]))
        defer { site.remove() }
        let (linked, diagnostics) = site.link()
        #expect(linked.meetings.first?.participants == ["polismyndigheten", "fryshuset"])
        let twice = diagnostics.warnings.filter { $0.message.contains("listed twice") }
        #expect(twice.count == 1, "\(twice)")
        #expect(twice.first?.message.contains("'Polismyndigheten / Fryshuset'") == true)
        #expect(twice.first?.location?.line == 7)
    }
}

/// The preview links the whole site on every save; a memo of the last participant
/// resolution spares that work when no participant list changed.
@Suite("link: organisation memo")
struct LinkOrganizationMemoTests {
    let definitions = [
        OrganizationDefinition(name: "Polismyndigheten", aliases: ["Polisen"]),
        OrganizationDefinition(name: "Rädda Barnen"),
    ]

    func lists(_ names: [[String]]) -> [[Located<String>]] {
        names.enumerated().map { m, list in
            list.enumerated().map { i, name in Located(name, at: SourceLocation(file: "content/meetings/m\(m).md", line: i + 3, column: 5)) }
        }
    }

    @Test func unchangedListsGiveTheSameAnswerAndChangedOnesAreResolvedAgain() {
        let memo = OrganizationMemo(definitions)
        let first = lists([["Polisen", "Fryshuset"], ["Rädda barnen", "Polsen"]])
        let a = SiteLinker.resolveParticipants(first, definitions, memo: memo)
        let b = SiteLinker.resolveParticipants(first, definitions, memo: memo)
        #expect(a.slugs == b.slugs)
        #expect(a.organizations.map(\.name) == ["Polismyndigheten", "Rädda Barnen", "Fryshuset", "Polsen"])
        #expect(a.diagnostics[1].map(\.message).first?.hasPrefix("unknown organisation 'Polsen' (did you mean 'Polisen'?)") == true)

        // A new unlisted participant in one meeting: a new organisation, not the memo's answer.
        let second = lists([["Polisen", "Fryshuset", "Hela Människan"], ["Rädda barnen", "Polsen"]])
        let c = SiteLinker.resolveParticipants(second, definitions, memo: memo)
        #expect(c.organizations.map(\.name).contains("Hela Människan"))
        #expect(c.slugs[0].count == 3)
        #expect(c.slugs == SiteLinker.resolveParticipants(second, definitions, memo: nil).slugs)

        // The same names on other lines: the warnings must point at the new lines.
        var moved = second
        moved[1][1].location.line += 4
        let d = SiteLinker.resolveParticipants(moved, definitions, memo: memo)
        #expect(d.diagnostics[1].first?.location?.line == second[1][1].location.line + 4)
    }

    @Test func aMemoOfOtherDefinitionsIsNotUsed() {
        let memo = OrganizationMemo(definitions)
        let list = lists([["Fryshuset"]])
        _ = SiteLinker.resolveParticipants(list, definitions, memo: memo)
        let listed = [OrganizationDefinition(name: "Fryshuset")]
        let r = SiteLinker.resolveParticipants(list, listed, memo: memo)
        #expect(r.organizations.map(\.isListed) == [true])
    }
}
