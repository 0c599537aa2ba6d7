import Foundation
import Testing
@testable import Samrad

extension CommandLineTests {
    /// `samrad new page` refuses a name that is a section's address (the default ones
    /// and those renamed by `paths:` in site.yml), naming the section in the site's
    /// language, exits 1 and writes nothing; a default name a rename freed is fine.
    @Test(.enabled(if: CommandLineTests.binary != nil))
    func newPageRefusesASectionsAddress() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("site.yml", "title: T\nbase_url: https://example.org/\npaths:\n  meetings: arkiv\n")
        let renamed = try run(["new", "page", "Arkiv", "--site", site.path])
        #expect(renamed.status == 1)
        #expect(renamed.err.hasPrefix("error: sidnamnet 'arkiv' är redan adressen till dokumentarkivet (/arkiv/, paths.meetings i site.yml)"), "\(renamed.err)")
        let themes = try run(["new", "page", "Om teman", "--slug", "teman", "--site", site.path])
        #expect(themes.status == 1)
        #expect(themes.err.contains("adressen till temasidorna (/teman/, paths.themes i site.yml)"), "\(themes.err)")
        #expect(!FileManager.default.fileExists(atPath: site.path + "/content/pages/arkiv.md"))
        #expect(!FileManager.default.fileExists(atPath: site.path + "/content/pages/teman.md"))
        // "moten" is no longer a section's address here.
        let freed = try run(["new", "page", "Möten", "--site", site.path])
        #expect(freed.status == 0, "\(freed.err)")
        #expect(freed.out.contains("skapade content/pages/moten.md"), "\(freed.out)")

        try site.write("site.yml", "title: T\nbase_url: https://example.org/\nlanguage: en\npaths:\n  ideas: ideas\n")
        let english = try run(["new", "page", "Ideas", "--site", site.path])
        #expect(english.status == 1)
        #expect(english.err.hasPrefix("error: the page name 'ideas' is already the address of the idea bank (/ideas/, paths.ideas in site.yml)"), "\(english.err)")
    }
}
