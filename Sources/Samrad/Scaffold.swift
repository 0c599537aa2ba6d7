import Foundation
import SamradCore
import SamradLoad
import SamradParse
import SamradRender

/// `samrad new meeting` and `samrad init`: files for people to fill in, never over
/// something that exists.
public enum Scaffold {
    /// Why a file could not be made: a catalogue key with its values, said in the
    /// site's language by `message(in:)` (`description` is the English).
    public struct Failure: Error, CustomStringConvertible {
        public var key: String
        public var values: [String: String]
        public init(_ key: String, _ values: [String: String] = [:]) {
            self.key = key
            self.values = values
        }
        public func message(in words: Catalogue) -> String { words.say(key, values) }
        public var description: String { message(in: .english) }
    }

    /// The longest slug `new meeting` makes, in bytes: a folder name must stay well
    /// under the file system's 255, and an address this long is already hard to read.
    public static let maxSlugBytes = 80

    /// Creates `content/meetings/<date>-<slug>/index.md` and returns its path.
    /// - Parameter slug: the address part to use instead of one made from the title.
    /// - Throws: `Failure` with a sentence when the title cannot be written into front
    ///   matter that `check` accepts, or the meetings folder leads out of the site.
    public static func newMeeting(site: String, title: String, date: ISODate, slug chosen: String? = nil) throws -> String {
        let slug = try newSlug(title: title, chosen: chosen)
        let fm = FileManager.default
        let meetings = try contentFolder("meetings", site: site)
        let name = "\(date)-\(slug)"
        let folder = meetings.appendingPathComponent(name)
        let single = meetings.appendingPathComponent("\(name).md")
        for existing in [folder, single] where fm.fileExists(atPath: existing.path) {
            throw Failure("cli_exists", ["path": existing.path])
        }
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("index.md")
            try Data(meetingTemplate(title: title, date: date).utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw Failure("cli_cannot_create", FileErrorText.cause(error).merging(["path": folder.path]) { $1 })
        }
        return "content/meetings/\(name)/index.md"
    }

    /// Creates `content/pages/<slug>.md` (a draft) and returns its path.
    /// - Parameter slug: the page's address instead of one made from the title.
    /// - Throws: `Failure` with a sentence for a title with line breaks, a name samrad keeps
    ///   for itself, a section's address (`paths:` in site.yml), a page that exists, or a
    ///   pages folder that leads out of the site.
    public static func newPage(site: String, title: String, slug chosen: String? = nil) throws -> String {
        let slug = try newSlug(title: title, chosen: chosen)
        guard !SiteParser.reservedPageSlugs.contains(slug) else {
            throw Failure("cli_page_reserved", ["slug": slug])
        }
        // The build refuses a page at a section's address (the parser's rule); saying so
        // now spares the author a page that never builds.
        let paths = SiteWords.config(site: site)?.paths ?? SectionPaths()
        if let section = SectionPaths.Section.allCases.first(where: { $0 != .excerpts && paths[$0] == slug }) {
            throw Failure("cli_page_on_section_path", ["slug": slug, "key": section.rawValue, "section_key": "cli_section_\(section.rawValue)"])
        }
        let fm = FileManager.default
        let pages = try contentFolder("pages", site: site)
        let file = pages.appendingPathComponent("\(slug).md")
        if fm.fileExists(atPath: file.path) { throw Failure("cli_exists", ["path": file.path]) }
        do {
            try fm.createDirectory(at: pages, withIntermediateDirectories: true)
            try Data(pageTemplate(title: title).utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw Failure("cli_cannot_create", FileErrorText.cause(error).merging(["path": file.path]) { $1 })
        }
        return "content/pages/\(slug).md"
    }

    /// The address of a new meeting or page: from `--slug` or cut from the title, never
    /// longer than a folder name the file system takes (a title of one endless word included).
    /// - Throws: `Failure` for a title with a line break or control character, an empty
    ///   title, or a title or slug with no letter or digit.
    static func newSlug(title: String, chosen: String?) throws -> String {
        if title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            throw Failure("cli_title_control")
        }
        guard !title.trimmed.isEmpty else { throw Failure("cli_title_empty") }
        let slug = shortened(chosen.map { Slug.make($0) } ?? folderSlug(title))
        guard !slug.isEmpty else {
            throw chosen == nil ? Failure("cli_title_empty_address", ["title": title]) : Failure("cli_slug_empty", ["slug": chosen ?? ""])
        }
        return slug
    }

    /// `content/<name>` of the site, where `new` writes.
    /// - Throws: `Failure` when the site has no `content/`, or when `content/<name>` is a
    ///   symbolic link out of the site: the loader's rule, so that `new` never writes where
    ///   `check` and `build` refuse to read.
    static func contentFolder(_ name: String, site: String) throws -> URL {
        let root = URL(fileURLWithPath: site).standardizedFileURL
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content").path) else {
            throw Failure("cli_no_content_folder", ["path": site])
        }
        let folder = root.appendingPathComponent("content/\(name)")
        let realRoot = root.resolvingSymlinksInPath().path
        let realFolder = folder.resolvingSymlinksInPath().path
        guard realFolder == realRoot + "/content/\(name)" || realFolder.hasPrefix(realRoot + "/") else {
            throw Failure("cli_content_symlink_out", ["folder": "content/\(name)", "target": realFolder])
        }
        return folder
    }

    static func pageTemplate(title: String) -> String {
        """
        ---
        # Sidans titel (krävs).
        title: \(yamlQuoted(title))
        # En mening om sidan: visas i sökresultat och som sidbeskrivning.
        # description: ""
        # true = utkast: syns i förhandsvisningen men publiceras inte.
        draft: true
        ---

        Skriv sidans text här.

        """
    }

    /// `slug` cut to `maxSlugBytes`, at a hyphen when there is one.
    static func shortened(_ slug: String) -> String {
        guard slug.utf8.count > maxSlugBytes else { return slug }
        let cut = String(slug.prefix(maxSlugBytes))  // ASCII only: characters are bytes
        if let hyphen = cut.lastIndex(of: "-"), hyphen > cut.startIndex { return String(cut[..<hyphen]) }
        return cut
    }

    /// Small words a folder name should not end in ("…-rekrytering-och").
    static let stopWords: Set<String> = ["och", "i", "pa", "om", "for", "med", "av", "till", "en", "ett", "att", "som", "den",
                                         "det", "de", "fran", "mot", "vid", "under", "over", "efter", "infor", "kring", "samt",
                                         "eller", "utan", "hos", "nar", "the", "of", "and", "a", "an", "to", "in", "on", "for"]

    /// A folder name from a title: whole words up to about 50 characters, never ending
    /// in a small word such as "och" (the address is cut at a word, not in one).
    static func folderSlug(_ title: String, maxLength: Int = 50) -> String {
        var words: [Substring] = []
        var length = 0
        for word in Slug.make(title).split(separator: "-") {
            let added = length == 0 ? word.count : length + 1 + word.count
            if added > maxLength && !words.isEmpty { break }
            words.append(word)
            length = added
        }
        while words.count > 1, let last = words.last, stopWords.contains(String(last)) { words.removeLast() }
        return words.joined(separator: "-")
    }

    static func yamlQuoted(_ s: String) -> String {
        "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    static func meetingTemplate(title: String, date: ISODate) -> String {
        """
        ---
        # Mötets fullständiga titel (krävs).
        title: \(yamlQuoted(title))
        # Datum som ÅÅÅÅ-MM-DD (krävs); ÅÅÅÅ-MM eller ÅÅÅÅ när dagen inte är känd.
        # Flerdagsmöten: lägg till end_date.
        date: \(date)
        # end_date: \(date)
        # Etikett som visas: dialogmöte, samverkansforum, seminarium, rapport …
        kind: dialogmöte
        # Dokumenttyp: meeting (möte), transcript (utskrift, talarturer **NAMN:**) eller
        # report (rapport). Utan den avgör site.yml:s kinds: typen, annars är det ett möte.
        # type: meeting
        # Rapporter: författare. Innehållsförteckningens djup (2–4) går att ändra.
        # authors: [Förnamn Efternamn]
        # toc_depth: 3
        # Vem som arrangerade mötet och på vems uppdrag.
        organizer: ""
        # commissioned_by: ""
        # Ort eller lokal.
        location: ""
        # Hur man deltog: in_person (på plats), online eller hybrid.
        # attendance: in_person
        # Dag då anteckningarna rättades i efterhand, ÅÅÅÅ-MM-DD (flöde och sitemap visar den).
        # updated: \(date.lastDay.dayDescription)
        # Deltagande organisationer, en per rad. Namnen matchas mot content/organizations.yml.
        # En rad kan ha en roll (- name: Polisen / role: observatör), och listan kan delas
        # i grupper (- group: Civilsamhället / members: [BRIS, Fryshuset]).
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
            throw Failure("cli_init_is_file", ["path": directory])
        }
        if fm.fileExists(atPath: root.path) {
            let entries = (try? fm.contentsOfDirectory(atPath: root.path))?.filter { !$0.hasPrefix(".") } ?? []
            guard entries.isEmpty else { throw Failure("cli_init_not_empty", ["path": directory]) }
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
            # Vilken dokumenttyp varje etikett (kind) är: meeting, transcript eller report.
            kinds:
              dialogmöte: meeting
              seminarium: transcript
              rapport: report
            # Tillgänglighetsredogörelsen (/tillganglighet/). Fyll i era egna uppgifter.
            accessibility:
              status: partial
              known_problems: |
                - Beskriv här det som ännu inte är tillgängligt, till exempel PDF-filer som inte är taggade.
              contact_email: "tillganglighet@example.org"
              assessment_method: "en egen granskning"
              assessment_date: "2024-01-01"
              updated: "2024-01-01"

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
        // The default templates stay in the binary: a site copies only those it changes,
        // with `samrad templates`, and gets later fixes to the others for free.
        var written: [String] = []
        for path in files.keys.sorted() {
            guard let text = files[path] else { continue }
            let url = root.appendingPathComponent(path)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw Failure("cli_cannot_create", FileErrorText.cause(error).merging(["path": url.path]) { $1 })
            }
            written.append(path)
        }
        return written
    }

    /// The names `samrad templates` accepts: templates without `.mustache`, assets with
    /// their folder ("assets/style.css").
    public static var templateNames: [String] {
        DefaultTemplates.files.keys.map { $0.hasSuffix(".mustache") ? String($0.dropLast(".mustache".count)) : $0 }.sorted()
    }

    /// The name `samrad templates` takes for the site's word catalogue (`i18n/<language>.yml`).
    public static let catalogueName = "i18n"

    /// Copies default templates into `templates/` of a site for editing: the ones named,
    /// or all. Without names, or with the name `i18n`, it also writes the site's word
    /// catalogue (`catalogueText`). Never overwrites a file that exists.
    /// - Returns: the paths written, relative to the site.
    public static func copyTemplates(site: String, names: [String]) throws -> [String] {
        let root = URL(fileURLWithPath: site)
        let fm = FileManager.default
        let siteYML = root.appendingPathComponent("site.yml")
        guard fm.fileExists(atPath: siteYML.path) else {
            throw Failure("cli_no_site_yml", ["path": site])
        }
        var paths: [String] = []
        for name in names.isEmpty ? templateNames : names where name != catalogueName {
            let key = DefaultTemplates.files[name] != nil ? name : name + ".mustache"
            guard DefaultTemplates.files[key] != nil else {
                let close = closestMatches(to: name, in: templateNames, limit: 1)
                throw close.isEmpty ? Failure("cli_no_template", ["name": name]) : Failure("cli_no_template_close", ["name": name, "guess": close[0]])
            }
            paths.append(key)
        }
        var written: [String] = []
        if names.isEmpty || names.contains(catalogueName) {
            var ignored = Diagnostics()
            let text = (try? String(contentsOf: siteYML, encoding: .utf8)) ?? ""
            let language = ConfigParsing.site(SourceFile(path: "site.yml", absolutePath: siteYML.path, text: text), &ignored).language
            let path = "i18n/\(language).yml"
            let url = root.appendingPathComponent(path)
            if !fm.fileExists(atPath: url.path) {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(catalogueText(language: language).utf8).write(to: url, options: .withoutOverwriting)
                written.append(path)
            }
        }
        for key in paths {
            let url = root.appendingPathComponent("templates/" + key)
            if fm.fileExists(atPath: url.path) { continue }
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((DefaultTemplates.files[key] ?? "").utf8).write(to: url, options: .withoutOverwriting)
            written.append("templates/" + key)
        }
        return written
    }

    /// The site's own catalogue to change words in: samrad's built-in catalogue of
    /// `language` with every entry commented out. Only the lines a person uncomments
    /// replace samrad's words; the others keep following samrad, so later fixes and new
    /// keys still reach the site (a full copy would freeze every word as it is today).
    /// A language samrad has no catalogue of gets the Swedish entries as they are, to
    /// translate: every key it lacks would fall back to Swedish with a warning.
    public static func catalogueText(language: String) -> String {
        let code = language.split(separator: "-").first.map(String.init) ?? language
        let swedish = code == "sv"
        guard let builtIn = Catalogue.builtInFiles[code] else {
            return """
            # The words of this portal in '\(language)'. samrad has no built-in catalogue of this
            # language: translate the Swedish entries below. {name} is filled in by samrad and must
            # stay; an entry with one/other is a plural (one for 1, other for every other number).

            """ + (Catalogue.builtInFiles["sv"] ?? "")
        }
        let header = swedish ? """
            # Portalens ord. Varje rad är bortkommenterad och följer samrads inbyggda katalog
            # (i18n/\(code).yml), så att rättelser och nya ord i senare versioner når sajten.
            # Ta bort '# ' framför en nyckel (och framför raderna one:/other: under den) för att
            # byta just det ordet. {namn} fylls i av samrad och ska stå kvar.
            # Kontrollera med: samrad check

            """ : """
            # The portal's words. Every line is commented out and follows samrad's built-in
            # catalogue (i18n/\(code).yml), so fixes and new words in later versions reach the site.
            # Remove the '# ' before a key (and before the one:/other: lines under it) to change
            # that word only. {name} is filled in by samrad and must stay.
            # Check with: samrad check

            """
        var out = header
        for line in builtIn.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty || line.hasPrefix("#") { out += line + "\n" } else { out += "# " + line + "\n" }
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }
}
