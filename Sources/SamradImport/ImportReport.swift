import Foundation
import SamradCore

/// What one import did, for the reviewer: where the draft went, what was recognised, what
/// the importer was unsure of (with the line in the written file), what it dropped as page
/// furniture, and which themes each section mentions.
public struct ImportReport: Sendable, Codable, Equatable {
    public var file: String
    /// The meeting folder, relative to the site: `content/meetings/<slug>`.
    public var folder: String
    /// Files written (or that would be written with --dry-run), relative to the site.
    public var files: [String]
    public var title: String
    public var date: String
    public var kind: String?
    public var type: String?
    /// Wall-clock seconds for converting and recognising this file.
    public var seconds: Double
    public var recognised: ImportCounts
    /// Participant names that are neither a name nor an alias in organizations.yml.
    public var unmatchedParticipants: [String]
    public var unsure: [Unsure]
    public var dropped: [DroppedLine]
    public var themeSuggestions: [ThemeSuggestion]

    public struct Unsure: Sendable, Codable, Equatable {
        /// The written file, relative to the site.
        public var file: String
        /// 1-based line of the `<!-- samrad: … -->` comment in that file.
        public var line: Int
        public var message: String
    }

    /// Plain text in English (`text(in:)` says it in the user's language).
    public var text: String { text(in: .english) }

    /// Plain text, as `samrad import` prints it, the frame in the words of `t`. The notes
    /// the recognizer wrote (`unsure`, `dropped` reasons) are in the site's language, as
    /// the drafts have them (`ImportRequest.words`).
    public func text(in t: Catalogue) -> String {
        var out: [String] = []
        out.append(t.text("import_report_file", [
            "file": file, "folder": folder, "files": files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "),
            "seconds": t.duration(seconds),
        ]))
        var facts = t.text("import_report_title", ["title": title, "date": date])
        if let kind { facts += t.text("import_report_kind", ["kind": kind]) }
        if let type { facts += t.text("import_report_type", ["type": type]) }
        out.append(facts)
        let r = recognised
        let counts = [
            t.count(r.participants, "import_count_participant"), t.count(r.sessions, "import_count_session"),
            t.count(r.questions, "import_count_question") + " (" + t.count(r.prompts, "import_count_prompt") + ")",
            t.count(r.summaryPoints, "import_count_summary_point"), t.count(r.postits, "import_count_postit"),
            t.count(r.speakerTurns, "import_count_speaker_turn"), t.count(r.footnotes, "import_count_footnote"),
            t.count(r.tables, "import_count_table"),
        ]
        out.append(t.text("import_report_recognised", ["counts": counts.joined(separator: ", ")]))
        if !unmatchedParticipants.isEmpty {
            out.append(t.text("import_report_unmatched", ["names": unmatchedParticipants.joined(separator: ", ")]))
        }
        if !unsure.isEmpty {
            out.append(t["import_report_unsure"])
            for u in unsure { out.append("    \(u.file):\(u.line): \(u.message)") }
        }
        if !dropped.isEmpty {
            out.append(t["import_report_dropped"])
            for d in dropped {
                out.append(t.text("import_report_dropped_line", [
                    "line": String(d.line), "reason": d.reason, "text": d.text.count > 70 ? String(d.text.prefix(70)) + "…" : d.text,
                ]))
            }
        }
        if !themeSuggestions.isEmpty {
            out.append(t["import_report_themes"])
            for s in themeSuggestions {
                out.append("    \(s.file):\(s.line) \(s.section): " + s.themes.map { "\($0.theme) (\($0.occurrences))" }.joined(separator: ", "))
            }
        }
        return out.joined(separator: "\n")
    }
}

/// Themes from themes.yml whose name or alias a section of the draft mentions.
public struct ThemeSuggestion: Sendable, Codable, Equatable {
    public struct Hit: Sendable, Codable, Equatable {
        public var theme: String
        public var occurrences: Int
    }
    public var file: String
    /// Line of the section's heading in `file` (1 for the text before the first heading).
    public var line: Int
    public var section: String
    public var themes: [Hit]
}
