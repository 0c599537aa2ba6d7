import Foundation
import SamradCore

/// What `samrad import` was asked to do.
public struct ImportRequest: Sendable {
    /// The documents: .pdf, .docx, .odt or .txt.
    public var files: [String]
    /// The site folder (holding content/).
    public var site: String
    /// The meeting's folder name; only with a single file. Default `<date>-<slug of title>`.
    public var slug: String?
    /// `YYYY-MM-DD` or `YYYY-MM`, instead of the date found in the document.
    public var date: String?
    public var kind: String?
    /// Convert and report, write nothing.
    public var dryRun: Bool
    /// Where converters are looked for (`PATH`) and what they run with.
    public var environment: [String: String]
    /// The words of the notes written into the drafts and of the report's reasons: the
    /// site's language (with its own `i18n/` words). nil: the built-in catalogue of the
    /// `language:` in the site's site.yml, Swedish without one.
    public var words: Catalogue?

    public init(files: [String], site: String, slug: String? = nil, date: String? = nil, kind: String? = nil,
                dryRun: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment, words: Catalogue? = nil) {
        self.files = files
        self.site = site
        self.slug = slug
        self.date = date
        self.kind = kind
        self.dryRun = dryRun
        self.environment = environment
        self.words = words
    }
}

public struct ImportOutcome: Sendable {
    public var reports: [ImportReport]
    /// Files that could not be imported, each with why. Any failure means nothing was written.
    public var failures: [(file: String, failure: ImportFailure)]
    /// The drafts' contents by path relative to the site (also with --dry-run).
    public var contents: [String: String]
    public var wrote: Bool
}

/// `samrad import`: documents become draft meetings. Each file goes converter → lines with
/// layout hints → clean-up (furniture, joining) → recognisers → Markdown writer → report.
/// All files are converted before anything is written; if any fails, or any meeting
/// folder exists already, nothing is written.
public enum Importer {
    public static func run(_ request: ImportRequest) -> ImportOutcome {
        var reports: [ImportReport] = []
        var failures: [(String, ImportFailure)] = []
        var contents: [String: String] = [:]
        var folders: [String] = []
        let site = URL(fileURLWithPath: request.site)
        let vocabulary = SiteVocabulary.load(site: site)
        let words = request.words ?? SiteVocabulary.words(site: site)
        if request.slug != nil && request.files.count > 1 {
            return ImportOutcome(reports: [], failures: [("samrad import", .badOption("import_slug_one_file", [:]))], contents: [:], wrote: false)
        }
        if let d = request.date, !isDate(d) {
            return ImportOutcome(reports: [], failures: [("samrad import", .badOption("import_bad_date", ["date": d]))], contents: [:], wrote: false)
        }
        if !FileManager.default.fileExists(atPath: site.appendingPathComponent("content").path) {
            return ImportOutcome(reports: [], failures: [("samrad import", .badOption("import_no_content", ["path": request.site]))], contents: [:], wrote: false)
        }
        for file in request.files {
            let started = Date()
            do {
                var draft = try makeDraft(URL(fileURLWithPath: file), request: request, vocabulary: vocabulary, words: words)
                let slug = request.slug ?? "\(draft.meeting.date)-\(Slug.make(draft.meeting.title, maxWords: 8))"
                guard !slug.isEmpty, !slug.contains("/"), !slug.hasPrefix(".") else {
                    throw ImportFailure.badOption("import_bad_slug", ["slug": slug])
                }
                let folder = "content/meetings/\(slug)"
                for existing in [folder, folder + ".md"] where FileManager.default.fileExists(atPath: site.appendingPathComponent(existing).path) {
                    throw ImportFailure.meetingExists(existing)
                }
                if folders.contains(folder) { throw ImportFailure.badOption("import_two_files_one_folder", ["path": folder]) }
                folders.append(folder)
                let index = MarkdownWriter.index(draft.meeting, source: (file as NSString).lastPathComponent, words: words)
                var files = ["\(folder)/index.md"]
                contents["\(folder)/index.md"] = index.text
                var unsure = index.unsure.map { ImportReport.Unsure(file: "\(folder)/index.md", line: $0.line, message: $0.message) }
                var suggestions = suggest(index.text, file: "\(folder)/index.md", vocabulary: vocabulary, words: words)
                for board in draft.meeting.boards {
                    let written = MarkdownWriter.board(board, markdown: draft.meeting.bodyIsMarkdown, words: words)
                    let path = "\(folder)/\(board.fileName)"
                    files.append(path)
                    contents[path] = written.text
                    unsure += written.unsure.map { ImportReport.Unsure(file: path, line: $0.line, message: $0.message) }
                    suggestions += suggest(written.text, file: path, vocabulary: vocabulary, words: words)
                }
                let unmatched = draft.meeting.participants.flatMap(\.members).filter { vocabulary.organization(matching: $0) == nil }
                draft.dropped.sort { $0.line < $1.line }
                for i in draft.dropped.indices { draft.dropped[i].reason = words[draft.dropped[i].reasonKey] }
                reports.append(ImportReport(
                    file: file, folder: folder, files: files, title: draft.meeting.title, date: draft.meeting.date,
                    kind: draft.meeting.kind, type: draft.meeting.type, seconds: Date().timeIntervalSince(started),
                    recognised: draft.meeting.counts, unmatchedParticipants: vocabulary.organizations.isEmpty ? [] : unmatched,
                    unsure: unsure, dropped: draft.dropped, themeSuggestions: suggestions))
            } catch let failure as ImportFailure {
                failures.append((file, failure))
            } catch {
                failures.append((file, .unreadable("\(error)")))
            }
        }
        guard failures.isEmpty, !request.dryRun else {
            return ImportOutcome(reports: reports, failures: failures, contents: contents, wrote: false)
        }
        do {
            try write(contents, folders: folders, site: site)
        } catch {
            return ImportOutcome(reports: reports, failures: [("samrad import", .unreadable("writing failed: \(error)"))], contents: contents, wrote: false)
        }
        return ImportOutcome(reports: reports, failures: [], contents: contents, wrote: true)
    }

    static func isDate(_ s: String) -> Bool {
        if ISODate(s) != nil { return true }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let m = Int(parts[1]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(m)
    }

    /// Each meeting folder is made complete in a hidden folder beside it, then moved into
    /// place in one rename, so that a failed import leaves no half-written meeting.
    static func write(_ contents: [String: String], folders: [String], site: URL) throws {
        let fm = FileManager.default
        for folder in folders {
            let target = site.appendingPathComponent(folder)
            let parent = target.deletingLastPathComponent()
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            let staging = parent.appendingPathComponent(".import-\(UUID().uuidString)")
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            do {
                for (path, text) in contents.sorted(by: { $0.key < $1.key }) where path.hasPrefix(folder + "/") {
                    let name = String(path.dropFirst(folder.count + 1))
                    try Data(text.utf8).write(to: staging.appendingPathComponent(name))
                }
                guard !fm.fileExists(atPath: target.path) else { throw ImportFailure.meetingExists(folder) }
                try fm.moveItem(at: staging, to: target)
            } catch {
                try? fm.removeItem(at: staging)
                throw error
            }
        }
    }

    struct Draft {
        var meeting: DraftMeeting
        var dropped: [DroppedLine]
    }

    static func makeDraft(_ url: URL, request: ImportRequest, vocabulary: SiteVocabulary, words: Catalogue) throws -> Draft {
        let labels = ImportLabels.forSite(words)
        let ext = url.pathExtension.lowercased()
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw ImportFailure.unreadable(FileManager.default.fileExists(atPath: url.path) ? "permission denied" : "no such file")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if (attributes?[.size] as? NSNumber)?.intValue == 0 { throw ImportFailure.emptyDocument }
        var facts = DocumentFacts()
        var dropped: [DroppedLine] = []
        var blocks: [SourceBlock]
        var transcript = false
        var markdown = false
        var fullText: String
        switch ext {
        case "docx", "odt":
            let md = try WordConverter.markdown(of: url, format: ext, environment: request.environment)
            blocks = WordConverter.blocks(fromMarkdown: md)
            guard blocks.contains(where: { !$0.text.trimmed.isEmpty }) else { throw ImportFailure.emptyDocument }
            markdown = true
            // The first top-level heading is the title.
            if let t = blocks.firstIndex(where: { if case .heading(let l) = $0.kind { (l ?? 9) <= 1 } else { false } }) {
                facts.title = blocks[t].text
                if let d = SwedishDates.find(in: blocks[t].text).first, d.year != nil { facts.date = d.iso }
                dropped.append(DroppedLine(line: blocks[t].line, text: blocks[t].text, reasonKey: "import_dropped_title"))
                blocks.remove(at: t)
            }
            transcript = blocks.filter { $0.kind == .paragraph && SpeakerLine.match($0.text) != nil }.count >= 3
            fullText = blocks.map(\.text).joined(separator: "\n")
        case "pdf", "txt", "text":
            var lines: [SourceLine]
            if ext == "pdf" {
                lines = try PDFConverter.lines(of: url, environment: request.environment)
            } else {
                lines = try TextReader.lines(of: try Data(contentsOf: url))
            }
            lines = lines.map { var l = $0; l.text = TextNormalizer.normalize(l.text); return l }
            guard lines.contains(where: { !$0.text.trimmed.isEmpty }) else {
                throw ext == "pdf" ? ImportFailure.noTextLayer : ImportFailure.emptyDocument
            }
            var furniture = PageFurniture()
            furniture.clean(&lines)
            dropped += furniture.dropped
            transcript = lines.filter { SpeakerLine.match($0.text.trimmed).map { !$0.rest.isEmpty } == true }.count >= 3
            facts.readCover(&lines, end: DocumentFacts.coverEnd(lines, labels: labels), vocabulary: vocabulary)
            dropped += facts.dropped
            var joiner = LineJoiner(transcript: transcript, labels: labels)
            blocks = joiner.join(lines)
            fullText = blocks.map(\.text).joined(separator: "\n")
        default:
            throw ImportFailure.unsupportedType(ext.isEmpty ? "(none)" : ext)
        }
        facts.readText(fullText, transcript: transcript)
        var recognizer = MeetingRecognizer(labels: labels, words: words, transcript: transcript, markdownSource: markdown)
        recognizer.run(blocks)
        dropped += recognizer.dropped

        guard let date = request.date ?? facts.date else { throw ImportFailure.noDate }
        var notes = facts.notes
        if request.date != nil { notes.removeAll { $0.key == DocumentFacts.dateGuessed } }
        let kind = request.kind ?? facts.kind
        var title = facts.title ?? ""
        if title.isEmpty {
            let spoken = ISODate(date).map(words.date) ?? date
            title = [kind.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? words["import_draft_meeting"], spoken].joined(separator: " ")
            notes.append(ImportNote("import_note_no_title"))
        }
        notes += recognizer.unsureFrontMatter
        var meeting = DraftMeeting(title: title, date: date, kind: kind, type: transcript ? "transcript" : nil,
                                   organizer: facts.organizer, commissionedBy: facts.commissionedBy)
        meeting.participants = recognizer.participants
        meeting.body = recognizer.body
        meeting.boards = recognizer.boards
        meeting.counts = recognizer.counts
        meeting.frontMatterNotes = notes
        meeting.bodyIsMarkdown = markdown
        return Draft(meeting: meeting, dropped: dropped)
    }

    /// Theme suggestions for each section (heading) of a written file.
    static func suggest(_ text: String, file: String, vocabulary: SiteVocabulary, words: Catalogue) -> [ThemeSuggestion] {
        guard !vocabulary.themes.isEmpty else { return [] }
        var out: [ThemeSuggestion] = []
        var section = words["import_report_before_first_heading"]
        var line = 1
        var buffer: [String] = []
        func close() {
            let hits = vocabulary.themes(in: buffer.joined(separator: " "))
            if !hits.isEmpty { out.append(ThemeSuggestion(file: file, line: line, section: section, themes: hits)) }
            buffer = []
        }
        var inFrontMatter = false
        for (i, l) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i == 0 && l == "---" { inFrontMatter = true; continue }
            if inFrontMatter { if l == "---" { inFrontMatter = false }; continue }
            if l.hasPrefix("<!--") { continue }
            if l.hasPrefix("#"), let h = LineJoiner.markdownHeading(String(l)) {
                close()
                section = h.1
                line = i + 1
            }
            buffer.append(String(l))
        }
        close()
        return out
    }
}
