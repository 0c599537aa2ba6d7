import Foundation
import Testing
@testable import Samrad
import SamradCore
@testable import SamradLink

/// Two unlisted spellings that make one address share a page, named by the spelling that
/// comes first in the site's alphabetical order: Swedish puts "Ä" after "z", English
/// sorts it with "a". "Ärla, bygg" and "Arla-bygg" (both /organisationer/arla-bygg/)
/// differ first at the Ä in Swedish and first at the punctuation in English.
@Suite("organisations merged by the site's collation")
struct OrganizationCollationTests {
    static let swedishPick = "Arla-bygg", englishPick = "Ärla, bygg"

    @Test func theDirectoryPicksTheNameFirstInTheSitesOrder() {
        let at = SourceLocation(file: "content/meetings/m.md", line: 3, column: 1)
        for (collation, expected) in [(Collation.swedish, Self.swedishPick), (Collation.english, Self.englishPick)] {
            for order in [[Self.englishPick, Self.swedishPick], [Self.swedishPick, Self.englishPick]] {
                var directory = OrganizationDirectory([], collation: collation)
                for name in order { _ = directory.resolve(name, at: at) }
                #expect(directory.organizations.map(\.name) == [expected], "\(collation.order), met as \(order)")
            }
        }
    }

    @Test func anEnglishSiteNamesTheMergedPageByEnglishRules() throws {
        for (language, expected) in [("sv", Self.swedishPick), ("en", Self.englishPick)] {
            var files = SiteFolder.minimal
            files["site.yml"] = "title: T\nbase_url: https://example.org/\nlanguage: \(language)\n"
            files["content/meetings/2024-02-01-a.md"] = "---\ntitle: A\ndate: 2024-02-01\nparticipants: [\"\(Self.swedishPick)\"]\n---\n\nText.\n"
            files["content/meetings/2024-03-01-b.md"] = "---\ntitle: B\ndate: 2024-03-01\nparticipants: [\"\(Self.englishPick)\"]\n---\n\nText.\n"
            let site = try SiteFolder(files)
            defer { site.cleanup() }
            let report = site.build()
            #expect(!report.hasErrors, "\(report.diagnostics)")
            let page = try #require(site.read("organisationer/arla-bygg/index.html"))
            #expect(page.contains("<h1>\(expected)</h1>"), "\(language): \(page.prefix(2000))")
        }
    }
}

