import Testing
import SamradCore
import SamradExtract
@testable import SamradLink

/// Tags resolved against themes.yml: aliases map to the theme, unknown tags are errors
/// that point at the tag itself.
@Suite("link: themes")
struct LinkThemeTests {
    @Test func fixtureSiteHasNoErrors() throws {
        let site = try TestSite(files: Fixtures.all)
        defer { site.remove() }
        let (linked, diagnostics) = site.link()
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        #expect(linked.meetings.count == 4)
    }

    @Test func aliasesResolveToTheirTheme() throws {
        let (linked, _, diagnostics) = try TestSite.linkMeeting(Fixtures.localSlug, files: Fixtures.all)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        let m = try #require(linked).meeting
        // "#bidrag" is an alias of finansiering, "#unga" of barn-och-unga, "#samarbete" of samverkan.
        #expect(m.summary?.points.map { m.beyondFrontMatter($0.themes) } == [[], ["tillit"], ["finansiering"]])
        #expect(m.questions[1].summary?.points.first.map { m.beyondFrontMatter($0.themes) } == ["barn-och-unga"])
        let strukturer = m.postIts.filter { $0.categoryPath.last == "Strukturer" }
        // The alias becomes the theme, and is listed once even where the theme came twice.
        #expect(strukturer[1].themes.contains("samverkan"))
        #expect(!strukturer[1].themes.contains("samarbete"))
        #expect(Set(strukturer[1].themes).count == strukturer[1].themes.count)
        #expect(m.beyondFrontMatter(strukturer[1].themes) == ["tillit", "styrning"])
        let themes = try #require(linked).themes
        for slug in ["samverkan", "tillit", "finansiering", "barn-och-unga", "styrning"] { #expect(themes.contains(slug), "\(slug)") }
        for alias in ["bidrag", "unga", "samarbete"] { #expect(!themes.contains(alias), "\(alias)") }
    }

    @Test func resolverIgnoresCaseAndDiacritics() {
        let resolver = ThemeResolver([
            ThemeDefinition(slug: "tillit", name: "Tillit", aliases: ["förtroende"]),
            ThemeDefinition(slug: "samverkan", name: "Samverkan", aliases: ["samarbete"]),
        ])
        #expect(resolver.resolve("Samverkan") == "samverkan")
        #expect(resolver.resolve("SAMARBETE") == "samverkan")
        #expect(resolver.resolve("fortroende") == "tillit")
        #expect(resolver.resolve("förtroende") == "tillit")
        #expect(resolver.resolve("samverkn") == nil)
        #expect(resolver.resolveAll(["samarbete", "samverkan", "tillit"]) == ["samverkan", "tillit"])
    }

    // MARK: Unknown themes

    static let misspelledPath = "content/meetings/2023-09-14-felstavat/index.md"
    static let misspelled = """
    ---
    title: "Mötet med felstavade taggar"
    date: 2023-09-14
    themes: [vald, tilit]
    ---

    ## Rundabordssamtal 1

    ### Fråga 1 – Hur kan föreningar och polis arbeta tillsammans? #samverkn

    Sammanfattning:

    - Gemensamma mål behövs
    - Föreningarna behöver stöd till familjer #barn #barn-och-unga

    Det här stycket nämner #finansering och #samverkn mitt i en mening och slutar med
    samma ord som tagg #finansering

    """

    func misspelledErrors(_ extra: [String: String] = [:]) throws -> [Diagnostic] {
        let site = try TestSite(files: Fixtures.site([Self.misspelledPath: Self.misspelled].merging(extra) { _, new in new }))
        defer { site.remove() }
        let (_, diagnostics) = site.link()
        return diagnostics.errors
    }

    @Test func unknownThemeOnAQuestionHeadingNamesLineAndColumn() throws {
        let errors = try misspelledErrors()
        let error = try #require(errors.first { $0.message.contains("'samverkn'") })
        #expect(error.message == "unknown theme 'samverkn' (did you mean 'samverkan'?)")
        let at = try #require(position(of: "#samverkn", in: Self.misspelled))
        #expect(error.location == SourceLocation(file: Self.misspelledPath, line: at.line, column: at.column))
        #expect(error.description == "\(Self.misspelledPath):\(at.line):\(at.column): error: unknown theme 'samverkn' (did you mean 'samverkan'?)")
        // Written once as a tag; the mention inside a sentence is not a tag.
        #expect(errors.filter { $0.message.contains("'samverkn'") }.count == 1)
        #expect(errors.filter { $0.message.contains("'finansering'") }.count == 1)
    }

    @Test func unknownThemeOnAListItemPointsAtItsOwnTag() throws {
        let errors = try misspelledErrors()
        let error = try #require(errors.first { $0.message.hasPrefix("unknown theme 'barn'") })
        #expect(error.message == "unknown theme 'barn' (did you mean 'barn-och-unga'?)")
        // "#barn" is also the start of "#barn-och-unga" on the same line: the column is the first.
        let at = try #require(position(of: "#barn ", in: Self.misspelled))
        #expect(error.location?.line == at.line)
        #expect(error.location?.column == at.column)
    }

    @Test func unknownThemeAfterALineBreakIsOnItsOwnLine() throws {
        let errors = try misspelledErrors()
        let error = try #require(errors.first { $0.message.contains("'finansering'") })
        #expect(error.message == "unknown theme 'finansering' (did you mean 'finansiering'?)")
        // The same word earlier in the paragraph, mid-sentence, is not the tag.
        let at = try #require(position(of: "#finansering", in: Self.misspelled, occurrence: 2))
        #expect(error.location?.line == at.line)
        #expect(error.location?.column == at.column)
    }

    @Test func unknownThemeInFrontMatterPointsAtTheField() throws {
        let errors = try misspelledErrors()
        let error = try #require(errors.first { $0.message.contains("'tilit'") })
        #expect(error.message == "unknown theme 'tilit' (did you mean 'tillit'?)")
        #expect(error.location?.file == Self.misspelledPath)
        let at = try #require(position(of: "tilit]", in: Self.misspelled))
        #expect(error.location == SourceLocation(file: Self.misspelledPath, line: at.line, column: at.column))
        #expect(errors.count == 4, "\(errors)")
    }

    @Test func unknownThemeInAPostItAppendixNamesTheAppendix() throws {
        let path = "content/meetings/2023-09-14-felstavat/lappar.md"
        let board = """
        ---
        title: "Lappar"
        appendix: postits
        themes: [idebank]
        ---

        ## Strukturer

        - Tydligare ansvar
        - Fler mötesplatser #mötesplatser

        """
        let errors = try misspelledErrors([path: board])
        let front = try #require(errors.first { $0.message.contains("'idebank'") })
        #expect(front.location?.file == path)
        #expect(front.location?.line == position(of: "themes: [idebank]", in: board)?.line)
        let tag = try #require(errors.first { $0.message.contains("'mötesplatser'") })
        // No theme is close: the message says where themes are declared instead.
        #expect(tag.message.hasPrefix("unknown theme 'mötesplatser'; add it to content/themes.yml"))
        let at = try #require(position(of: "#mötesplatser", in: board))
        #expect(tag.location == SourceLocation(file: path, line: at.line, column: at.column))
    }

    @Test func unknownTagsAreDroppedFromThemeLists() throws {
        let site = try TestSite(files: Fixtures.site([Self.misspelledPath: Self.misspelled]))
        defer { site.remove() }
        let (linked, _) = site.link()
        let m = try #require(linked.meetings.first).meeting
        #expect(m.questions[0].themes.allSatisfy { $0 == "vald" })
        #expect(m.beyondFrontMatter(m.questions[0].summary?.points[1].themes ?? []) == ["barn-och-unga"])
        #expect(!linked.meetings[0].themes.contains("tilit"))
        #expect(linked.meetings[0].themes.contains("barn-och-unga"))
    }
}
