import Testing
import SamradCore
import SamradLoad
@testable import SamradParse

/// Front matter as staff write it: month dates, types, authors, grouped participants,
/// and the YAML pitfalls that used to lose text without a word.
@Suite("parse: document format")
struct ParseDocumentFormatTests {
    static func meeting(_ frontMatter: String, body: String = "Text.\n") -> (MeetingFrontMatter?, [Diagnostic]) {
        var d = Diagnostics()
        let file = SourceFile(path: "content/meetings/m/index.md", absolutePath: "/tmp/x", text: "---\n\(frontMatter)\n---\n\n\(body)")
        let parsed = SiteParser.parseMeeting(MeetingSource(slug: "m", main: file, appendices: [], attachments: []), &d)
        return (parsed?.frontMatterBroken == false ? parsed?.frontMatter : nil, d.items)
    }

    @Test func monthAndYearDatesAreValidAndKeptAsWritten() throws {
        let (fm, d) = Self.meeting("title: T\ndate: 2026-02")
        #expect(d.isEmpty, "\(d)")
        let date = try #require(fm?.date)
        #expect(date.description == "2026-02")
        #expect(date.precision == .month)
        #expect(Catalogue.swedish.date(date) == "februari 2026")
        #expect(Catalogue.swedish.dateRange(date, nil) == "februari 2026")
        #expect(Catalogue.english.date(date) == "February 2026")
        let year = try #require(ISODate.partial("2026"))
        #expect(year.description == "2026")
        #expect(Catalogue.swedish.date(year) == "2026")
    }

    @Test func monthDatesSortAfterTheDaysOfTheirMonth() throws {
        let month = try #require(ISODate.partial("2026-02"))
        let lastDay = try #require(ISODate("2026-02-28"))
        let march = try #require(ISODate("2026-03-01"))
        #expect(lastDay < month)
        #expect(month < march)
        #expect(try #require(ISODate.partial("2026-12-31")) < #require(ISODate.partial("2026")))
    }

    @Test func impossibleMonthsAreRefused() {
        #expect(ISODate.partial("2026-13") == nil)
        #expect(ISODate.partial("26-02") == nil)
        #expect(ISODate("2026-02") == nil, "the strict form still wants a day")
        let (_, d) = Self.meeting("title: T\ndate: 2026-13")
        #expect(d.contains { $0.severity == .error && $0.message.contains("YYYY-MM") })
    }

    @Test func typeAuthorsAndTOCDepth() throws {
        let (fm, d) = Self.meeting("title: T\ndate: 2023\ntype: report\nauthors: [Ada Andersson, Bo Berg]\ntoc_depth: 4")
        #expect(d.isEmpty, "\(d)")
        #expect(fm?.type == .report)
        #expect(fm?.authors == ["Ada Andersson", "Bo Berg"])
        #expect(fm?.tocDepth == 4)
        let (_, bad) = Self.meeting("title: T\ndate: 2023\ntype: protokoll\ntoc_depth: 9")
        #expect(bad.filter { $0.severity == .error }.count == 2)
    }

    @Test func participantGroupsAndRolesFlattenInOrder() throws {
        let (fm, d) = Self.meeting("""
        title: T
        date: 2026-02
        participants:
          - group: Civilsamhället
            members:
              - BRIS
              - name: NOD
                role: arrangör
          - group: Offentliga aktörer
            members: [Polisen]
          - name: Fryshuset
            role: observatör
        """)
        #expect(d.isEmpty, "\(d)")
        let entries = try #require(fm?.participantEntries)
        #expect(fm?.participants.map(\.value) == ["BRIS", "NOD", "Polisen", "Fryshuset"])
        #expect(entries.map(\.group) == ["Civilsamhället", "Civilsamhället", "Offentliga aktörer", nil])
        #expect(entries.map(\.role) == [nil, "arrangör", nil, "observatör"])
    }

    @Test func anUnquotedHashCutsTheValueAndIsReported() throws {
        let (_, d) = Self.meeting("title: Dialogmöte #2 om samverkan\ndate: 2025-03-12\nkind: dialogmöte  # a comment is fine")
        let errors = d.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(d)")
        let e = try #require(errors.first)
        #expect(e.location?.line == 2)
        #expect(e.message.contains("quotes"))
        #expect(e.message.contains("\"Dialogmöte #2 om samverkan\""))
    }

    @Test func aTabInTheIndentationIsNamed() throws {
        let (_, d) = Self.meeting("title: T\ndate: 2024-05-02\nparticipants:\n\t- Fryshuset")
        let e = try #require(d.first { $0.severity == .error })
        #expect(e.message.contains("tab"))
        #expect(e.location?.line == 5)
        #expect(e.location?.column == 1)
    }

    @Test func aBrokenFrontMatterStillReadsTheBody() throws {
        var d = Diagnostics()
        let file = SourceFile(path: "content/meetings/m/index.md", absolutePath: "/tmp/x", text: "---\ntitle: [\n---\n\n## Rubrik #samverkan\n")
        let parsed = try #require(SiteParser.parseMeeting(MeetingSource(slug: "m", main: file, appendices: [], attachments: []), &d))
        #expect(parsed.frontMatterBroken)
        #expect(parsed.body.children.count == 1)
        #expect(!d.errors.isEmpty)
    }

    @Test func compatibilityLigaturesBecomeLetters() throws {
        let text = try TextDecoding.decode(Array("ﬁskeklubben och ﬂera ﬀ".utf8)).get()
        #expect(text == "fiskeklubben och flera ff")
        let crlf = try TextDecoding.decode(Array("ﬁ\r\n".utf8)).get()
        #expect(crlf == "fi\n")
    }

    @Test func siteKindsAndQuestionListLabels() throws {
        var d = Diagnostics()
        let config = ConfigParsing.site(SourceFile(path: "site.yml", absolutePath: "/tmp/x", text: """
        title: T
        kinds:
          Rapport: report
          seminarium: transcript
          konstig: annat
        labels:
          questions_list: [Frågeställningar]
        """), &d)
        #expect(config.kinds == ["rapport": .report, "seminarium": .transcript])
        #expect(config.questionsListLabels == ["Frågeställningar"])
        #expect(d.errors.count == 1)
    }

    @Test func anAliasRepeatingItsOwnNameIsAWarningNamingBothLines() throws {
        var d = Diagnostics()
        let orgs = ConfigParsing.organizations(SourceFile(path: "content/organizations.yml", absolutePath: "/tmp/x", text: """
        - name: Föreningen Trygga Gator
          aliases: ["Föreningen trygga gator", "Trygga Gator"]
        - name: Ungdomsrådet Norr
          aliases: ["UNGDOMSRÅDET NORR"]
        - name: Annan
          aliases: ["Trygga gator"]
        """), &d)
        #expect(orgs.count == 3)
        let warnings = d.items.filter { $0.severity == .warning }
        #expect(warnings.count == 2)
        #expect(warnings.first?.location?.line == 2)
        #expect(warnings.first?.message.contains("line 1") == true)
        // A spelling shared by two organisations is still an error: it cannot be matched.
        #expect(d.errors.count == 1)
        #expect(d.errors.first?.location?.line == 6)
    }
}
