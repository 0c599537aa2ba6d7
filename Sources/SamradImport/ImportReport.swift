import Foundation

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

    /// Plain text, as `samrad import` prints it.
    public var text: String {
        var out: [String] = []
        out.append("\(file) → \(folder)/ (\(files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))) in \(String(format: "%.2f", seconds)) s")
        out.append("  title: \(title); date: \(date)\(kind.map { "; kind: \($0)" } ?? "")\(type.map { "; type: \($0)" } ?? "")")
        let r = recognised
        func n(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        out.append("  recognised: \(n(r.participants, "participant")), \(n(r.sessions, "session")), \(n(r.questions, "question")) (\(n(r.prompts, "sub-prompt"))), \(n(r.summaryPoints, "summary point")), \(n(r.postits, "post-it")), \(n(r.speakerTurns, "speaker turn")), \(n(r.footnotes, "footnote")), \(n(r.tables, "table"))")
        if !unmatchedParticipants.isEmpty {
            out.append("  participants not in organizations.yml (check the spelling or add them): \(unmatchedParticipants.joined(separator: ", "))")
        }
        if !unsure.isEmpty {
            out.append("  unsure (marked <!-- samrad: … --> in the draft):")
            for u in unsure { out.append("    \(u.file):\(u.line): \(u.message)") }
        }
        if !dropped.isEmpty {
            out.append("  dropped (page furniture and what moved to the front matter):")
            for d in dropped { out.append("    line \(d.line): \(d.reason): \(d.text.count > 70 ? String(d.text.prefix(70)) + "…" : d.text)") }
        }
        if !themeSuggestions.isEmpty {
            out.append("  theme suggestions (nothing was tagged; add #tags where they fit):")
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
