import Foundation
import SamradCore
import SamradRender

/// `samrad new meeting` and `samrad init`: files for people to fill in, never over
/// something that exists.
public enum Scaffold {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates `content/meetings/<date>-<slug>/index.md` and returns its path.
    public static func newMeeting(site: String, title: String, date: ISODate) throws -> String {
        let slug = Slug.make(title, maxWords: 8)
        guard !slug.isEmpty else { throw Failure(description: "the title '\(title)' gives an empty address; use letters or digits in it") }
        let root = URL(fileURLWithPath: site)
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content").path) else {
            throw Failure(description: "no content/ folder in '\(site)'; run this in a samrad site (or create one with 'samrad init DIR')")
        }
        let name = "\(date)-\(slug)"
        let folder = root.appendingPathComponent("content/meetings/\(name)")
        let single = root.appendingPathComponent("content/meetings/\(name).md")
        for existing in [folder, single] where FileManager.default.fileExists(atPath: existing.path) {
            throw Failure(description: "'\(existing.path)' already exists; nothing was changed")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("index.md")
        try Data(meetingTemplate(title: title, date: date).utf8).write(to: file, options: .withoutOverwriting)
        return "content/meetings/\(name)/index.md"
    }

    static func yamlQuoted(_ s: String) -> String {
        "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    static func meetingTemplate(title: String, date: ISODate) -> String {
        """
        ---
        # Mötets fullständiga titel (krävs).
        title: \(yamlQuoted(title))
        # Datum som ÅÅÅÅ-MM-DD (krävs). Flerdagsmöten: lägg till end_date.
        date: \(date)
        # end_date: \(date)
        # Typ av möte, visas som etikett: dialogmöte, samverkansforum, seminarium, rapport …
        kind: dialogmöte
        # Vem som arrangerade mötet och på vems uppdrag.
        organizer: ""
        # commissioned_by: ""
        # Ort eller lokal.
        location: ""
        # Hur man deltog: in_person (på plats), online eller hybrid.
        # attendance: in_person
        # Dag då anteckningarna rättades i efterhand, ÅÅÅÅ-MM-DD (flöde och sitemap visar den).
        # updated: \(date)
        # Deltagande organisationer, en per rad. Namnen matchas mot content/organizations.yml.
        participants:
          # - Fryshuset
        # Teman (slug från content/themes.yml) som gäller hela mötet.
        themes: []
        # Ett stycke som sammanfattar mötet: visas på kort, i flöden och som sidbeskrivning.
        summary: ""
        # Originaldokument (PDF) i mötets mapp att länka till.
        documents: []
        # true = utkast: syns i förhandsvisningen men publiceras inte.
        draft: true
        ---

        ## Inledning

        Skriv en kort bakgrund till mötet här.

        ## Rundabordssamtal 1

        ### Fråga 1 – Skriv frågan här?

        - En delfråga (valfritt)

        Sammanfattning:

        - Första punkten i sammanfattningen
        - Andra punkten (teman läggs till med #slug sist på raden)

        Diskussionen skrivs som vanliga stycken under sammanfattningen.

        """
    }

    /// Creates a new, buildable site in `directory` (which must be empty or absent).
    public static func initSite(_ directory: String) throws -> [String] {
        let root = URL(fileURLWithPath: directory)
        let fm = FileManager.default
        if fm.fileExists(atPath: root.path) {
            let entries = (try? fm.contentsOfDirectory(atPath: root.path))?.filter { !$0.hasPrefix(".") } ?? []
            guard entries.isEmpty else { throw Failure(description: "'\(directory)' is not empty; samrad init only creates new sites") }
        }
        var files: [String: String] = [
            "site.yml": """
            title: "Dialogportalen"
            description: "Dokumentation från dialogmöten mellan det offentliga och civilsamhället."
            base_url: "https://example.org/"
            language: sv
            organization: ""
            labels:
              question: [Fråga]
              summary: [Sammanfattning]

            """,
            "content/themes.yml": """
            - slug: samverkan
              name: Samverkan
              description: Hur civilsamhället och det offentliga arbetar tillsammans.
              aliases: [samarbete]

            """,
            "content/organizations.yml": """
            - name: Exempelföreningen
              aliases: [EF]
              kind: ideell förening

            """,
            "content/pages/om.md": """
            ---
            title: Om portalen
            ---

            Här beskriver ni vad portalen är och vem som står bakom den.

            """,
        ]
        if let today = ISODate("2024-01-01") {
            files["content/meetings/2024-01-01-forsta-motet/index.md"] = meetingTemplate(title: "Första mötet", date: today)
                .replacing("draft: true", with: "draft: false")
                .replacing("themes: []", with: "themes: [samverkan]")
                .replacing("- Andra punkten (teman läggs till med #slug sist på raden)", with: "- Andra punkten #samverkan")
        }
        for (path, text) in DefaultTemplates.files { files["templates/" + path] = text }
        var written: [String] = []
        for path in files.keys.sorted() {
            guard let text = files[path] else { continue }
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            written.append(path)
        }
        return written
    }
}
