import SamradCore
import SamradLoad
import SamradParse

/// Builds the meeting model from a parsed meeting and its appendices.
public enum MeetingExtractor {
    /// - Parameter includeDrafts: whether appendices marked `draft: true` are read (a
    ///   `--drafts` build and the preview) or left out (a build to publish).
    public static func extract(_ parsed: ParsedMeeting, labels: Labels, includeDrafts: Bool = false) -> (Meeting?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let fm = parsed.frontMatter
        // A meeting whose front matter is broken is still read, for the diagnostics of its
        // body; its errors stop the build, so the stand-in date is never shown.
        guard let date = fm.date ?? (parsed.frontMatterBroken ? ISODate(year: 1, month: 1, day: 1) : nil) else { return (nil, []) }
        let type = labels.documentType(written: fm.type, kind: fm.kind)
        let source = SourceLines(file: parsed.file.path, text: parsed.file.text)
        // Front matter themes classify the meeting as a whole: the meeting is listed under
        // them and found by them. Items (questions, points, post-its) carry the tags written
        // on them or on the headings and appendix above them, so that a theme page lists
        // what was actually said about the theme instead of every line of every meeting.
        let frontThemes = fm.themes.map { TagRef($0.value, at: $0.location) }

        // Post-it boards first: their ids (and the board's own, `bilaga-<name>`) are the
        // generator's, so a notes heading with the same text gives way, not they.
        var ids = Slug.Registry(reserved: reservedIDs + parsed.appendices.flatMap { Self.boardIDs($0.slug) })
        var allTags = frontThemes
        var boards: [PostItBoard] = []
        var boardTags: [[TagRef]] = []
        // A draft appendix (an imported post-it board under review) is read where drafts
        // are: the preview shows it with its draft meeting; a published build leaves it out.
        let shown = parsed.appendices.filter { includeDrafts || !$0.frontMatter.draft }
        for appendix in shown where appendix.frontMatter.kind == .postits {
            let lines = SourceLines(file: appendix.file.path, text: appendix.file.text)
            let appendixThemes = appendix.frontMatter.themes.map { TagRef($0.value, at: $0.location) }
            var extractor = PostItExtractor(source: lines, inheritedThemes: appendixThemes.map(\.name), ids: ids)
            boards.append(extractor.run(slug: appendix.slug, title: appendix.frontMatter.title, file: appendix.file.path, blocks: appendix.body.children))
            ids = extractor.ids
            boardTags.append(extractor.allTags)
            diagnostics.append(contentsOf: extractor.diagnostics.items)
        }

        var body = BodyExtractor(labels: labels, source: source, recognizeQuestions: true, recognizeTurns: type == .transcript,
                                 fileThemes: [], ids: ids)
        body.run(parsed.body.children)
        diagnostics.append(contentsOf: body.diagnostics.items)
        diagnostics.append(contentsOf: FootnoteCheck.check(text: parsed.file.text, file: parsed.file.path,
                                                           defined: Set(body.footnotes.map(\.label))))
        allTags += body.allTags

        var appendices: [TextAppendix] = []
        var boardIndex = 0
        for appendix in shown {
            let lines = SourceLines(file: appendix.file.path, text: appendix.file.text)
            let appendixThemes = appendix.frontMatter.themes.map { TagRef($0.value, at: $0.location) }
            allTags += appendixThemes
            switch appendix.frontMatter.kind {
            case .postits:
                // Tags in the order the files are read.
                allTags += boardTags[boardIndex]
                boardIndex += 1
            case .text:
                var extractor = BodyExtractor(labels: labels, source: lines, recognizeQuestions: false,
                                              recognizeTurns: type == .transcript, fileThemes: appendixThemes.map(\.name),
                                              ids: Slug.Registry(reserved: reservedIDs))
                extractor.run(appendix.body.children)
                diagnostics.append(contentsOf: extractor.diagnostics.items)
                allTags += extractor.allTags
                appendices.append(TextAppendix(slug: appendix.slug, title: appendix.frontMatter.title, file: appendix.file.path,
                                               body: extractor.body,
                                               headingIDs: collectAnchors(body: extractor.body, questions: [], summary: nil, boards: [],
                                                                          footnotes: extractor.footnotes),
                                               footnotes: extractor.footnotes))
            }
        }

        var documents: [DocumentLink] = []
        for doc in fm.documents {
            let path = doc.value
            if path.split(separator: "/").contains("..") || path.hasPrefix("/") {
                diagnostics.error(key: "diag_document_outside", ["path": path], at: doc.location)
                continue
            }
            if URLSafety.isRelative(path) {
                guard let asset = parsed.attachments.first(where: { $0.path.hasSuffix("/" + path) }) else {
                    diagnostics.error(key: "diag_document_missing", ["path": path], at: doc.location)
                    continue
                }
                let size = (try? FileAttributes.size(asset.absolutePath)) ?? 0
                documents.append(DocumentLink(name: path, outputPath: asset.outputPath, size: size, location: doc.location))
            } else if URLSafety.isSafe(path) {
                documents.append(DocumentLink(name: path, outputPath: path, size: 0, location: doc.location))
            } else {
                diagnostics.error(key: "diag_document_not_file_or_url", ["path": path], at: doc.location)
            }
        }

        let anchors = collectAnchors(body: body.body, questions: body.questions, summary: body.meetingSummary, boards: boards,
                                     footnotes: body.footnotes)
        var meeting = Meeting(
            slug: parsed.slug, file: parsed.file.path, title: fm.title, date: date, endDate: fm.endDate,
            updated: fm.updated, attendance: fm.attendance,
            kind: fm.kind, organizer: fm.organizer, commissionedBy: fm.commissionedBy, location: fm.location,
            lede: fm.summary, draft: fm.draft, participants: fm.participants, frontThemes: frontThemes,
            body: body.body, questions: body.questions, summary: body.meetingSummary, boards: boards,
            appendices: appendices, speakers: body.speakers, attachments: parsed.attachments,
            documents: documents, allTags: allTags, anchors: anchors)
        meeting.type = type
        meeting.authors = fm.authors
        meeting.tocDepth = fm.tocDepth ?? type.defaultTOCDepth
        meeting.participantEntries = fm.participantEntries
        meeting.footnotes = body.footnotes
        meeting.excerpts = body.excerpts
        meeting.frontMatterBroken = parsed.frontMatterBroken
        return (meeting, diagnostics.items)
    }

    /// The ids the meeting page gives a post-it board of its own (`bilaga-<name>` and its heading's).
    static func boardIDs(_ slug: String) -> [String] {
        ["bilaga-\(Slug.make(slug))", "bilaga-\(Slug.make(slug))-rubrik"]
    }

    /// Ids the page template uses itself; content headings must not take them.
    public static let reservedIDs = ["main", "innehall", "deltagare", "teman", "bilagor", "dokument", "sok", "meny", "fakta", "fotnoter-rubrik", "fotnoter"]

    static func collectAnchors(body: [BodyBlock], questions: [Question], summary: Summary?, boards: [PostItBoard],
                               footnotes: [Footnote] = []) -> [String] {
        var out: [String] = reservedIDs
        for f in footnotes { out.append(f.id) }
        func walk(_ blocks: [BodyBlock]) {
            for block in blocks {
                switch block {
                case .heading(let h): out.append(h.id)
                case .anchored(let p): out.append(p.id)
                case .summary(let s): out.append(s.id); out += s.points.map(\.id)
                default: break
                }
            }
        }
        walk(body)
        for q in questions {
            out.append(q.id)
            if let s = q.summary { out.append(s.id); out += s.points.map(\.id) }
            walk(q.discussion)
        }
        if let summary { out.append(summary.id); out += summary.points.map(\.id) }
        for b in boards {
            out += boardIDs(b.slug)
            for c in b.categories { out.append(c.id); out += c.postIts.map(\.id) }
        }
        return out
    }
}

import Foundation

enum FileAttributes {
    static func size(_ path: String) throws -> Int {
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        return (attrs[.size] as? NSNumber)?.intValue ?? 0
    }
}
