import Foundation
import SamradCore
import SamradRender

/// `samrad new meeting` and `samrad init`: files for people to fill in, never over
/// something that exists.
public enum Scaffold {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The longest slug `new meeting` makes, in bytes: a folder name must stay well
    /// under the file system's 255, and an address this long is already hard to read.
    public static let maxSlugBytes = 80

    /// Creates `content/meetings/<date>-<slug>/index.md` and returns its path.
    /// - Throws: `Failure` with a sentence when the title cannot be written into front
    ///   matter that `check` accepts, or the meetings folder leads out of the site.
    public static func newMeeting(site: String, title: String, date: ISODate) throws -> String {
        if title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            throw Failure(description: "the title holds a line break or another control character; write it on one line")
        }
        guard !title.trimmed.isEmpty else { throw Failure(description: "the title is empty") }
        let slug = shortened(Slug.make(title, maxWords: 8))
        guard !slug.isEmpty else { throw Failure(description: "the title '\(title)' gives an empty address; use letters or digits in it") }
        let root = URL(fileURLWithPath: site).standardizedFileURL
        let fm = FileManager.default
        guard fm.fileExists(atPath: root.appendingPathComponent("content").path) else {
            throw Failure(description: "no content/ folder in '\(site)'; run this in a samrad site (or create one with 'samrad init DIR')")
        }
        // The same rule as the loader's: a link may not lead out of the site, or `new`
        // would write where `check` and `build` refuse to read.
        let meetings = root.appendingPathComponent("content/meetings")
        let realRoot = root.resolvingSymlinksInPath().path
        let realMeetings = meetings.resolvingSymlinksInPath().path
        guard realMeetings == realRoot + "/content/meetings" || realMeetings.hasPrefix(realRoot + "/") else {
            throw Failure(description: "content/meetings is a symbolic link out of the site folder (to '\(realMeetings)'); samrad writes only inside the site")
        }
        let name = "\(date)-\(slug)"
        let folder = meetings.appendingPathComponent(name)
        let single = meetings.appendingPathComponent("\(name).md")
        for existing in [folder, single] where fm.fileExists(atPath: existing.path) {
            throw Failure(description: "'\(existing.path)' already exists; nothing was changed")
        }
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("index.md")
            try Data(meetingTemplate(title: title, date: date).utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw Failure(description: "cannot create '\(folder.path)': \(FileErrorText.describe(error))")
        }
        return "content/meetings/\(name)/index.md"
    }

    /// `slug` cut to `maxSlugBytes`, at a hyphen when there is one.
    static func shortened(_ slug: String) -> String {
        guard slug.utf8.count > maxSlugBytes else { return slug }
        let cut = String(slug.prefix(maxSlugBytes))  // ASCII only: characters are bytes
        if let hyphen = cut.lastIndex(of: "-"), hyphen > cut.startIndex { return String(cut[..<hyphen]) }
        return cut
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
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: root.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw Failure(description: "'\(directory)' is a file; samrad init creates a new folder: give the name of one that does not exist yet")
        }
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
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw Failure(description: "cannot create '\(url.path)': \(FileErrorText.describe(error))")
            }
            written.append(path)
        }
        return written
    }
}
