import Foundation
import Testing
@testable import Samrad
@testable import SamradImport

/// Participant lists that Word holds as plain paragraphs: names typed after a "•" (or a
/// pasted Symbol-font bullet), or one name per paragraph with no bullet at all. None of the
/// names may vanish from the draft.
@Suite("import: participant lists written as paragraphs")
struct ImportParticipantListTests {
    @Test func aParagraphOpenedByABulletGlyphIsAListItem() {
        let blocks = WordConverter.blocks(fromMarkdown: "# Deltagare\n\n\u{F096} Fryshuset\n\n• Polisen\n\nEtt vanligt stycke.\n")
        #expect(blocks.map(\.isItem) == [false, true, true, false])
        #expect(blocks.filter(\.isItem).map(\.text) == ["Fryshuset", "Polisen"])
    }

    @Test(.enabled(if: ImportFixtures.hasPandoc, "pandoc is not installed (scripts/setup.sh)"))
    func bulletParagraphsInWordBecomeTheParticipants() throws {
        let site = try SiteFolder(ImportFixtures.site)
        defer { site.cleanup() }
        let docx = try ImportFixtures.docx("""
            # Dialogmöte om trygga platser

            # Deltagare

            Organisationer som deltog i samrådet:

            \u{F096} Fryshuset

            \u{F096} Läxhjälpen Norr

            \u{F096} Polisen

            # Inledning

            Mötet hölls den 3 maj 2024.

            """, in: site.root, name: "bullets")
        let outcome = Importer.run(ImportRequest(files: [docx.path], site: site.path, dryRun: true))
        let text = try #require(outcome.contents.values.first)
        #expect(text.contains("participants:\n  - \"Fryshuset\"\n  - \"Läxhjälpen Norr\"\n  - \"Polisen\""), "\(text)")
        #expect(outcome.reports.first?.recognised.participants == 3)
    }

    @Test(.enabled(if: ImportFixtures.hasPandoc, "pandoc is not installed (scripts/setup.sh)"))
    func namesAsPlainParagraphsStayInTheNotes() throws {
        let site = try SiteFolder(ImportFixtures.site)
        defer { site.cleanup() }
        let docx = try ImportFixtures.docx("""
            # Dialogmöte om trygga platser

            # Deltagare

            Organisationer som deltog i samrådet:

            Fryshuset

            Läxhjälpen Norr

            # Inledning

            Mötet hölls den 3 maj 2024.

            """, in: site.root, name: "plain")
        let outcome = Importer.run(ImportRequest(files: [docx.path], site: site.path, dryRun: true))
        let text = try #require(outcome.contents.values.first)
        // Nothing reached the front matter, so nothing may be reported as moved there.
        #expect(outcome.reports.first?.dropped.contains { $0.text.contains("Fryshuset") } == false)
        #expect(text.contains("Fryshuset\n\nLäxhjälpen Norr"), "\(text)")
    }
}
