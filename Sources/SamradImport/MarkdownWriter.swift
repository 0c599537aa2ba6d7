import SamradCore

/// Writes a draft meeting in samrad's Markdown (see README "Writing content"): front matter,
/// then the body; doubts as `<!-- samrad: … -->` comments, whose line numbers it records,
/// said in `words` (the site's language: the draft is the site's content).
struct MarkdownWriter {
    struct Written {
        var text: String
        /// (line in the file, message) of each comment left for the reviewer.
        var unsure: [(line: Int, message: String)]
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    static func index(_ m: DraftMeeting, source: String, words: Catalogue) -> Written {
        var lines = ["---", "title: \(quoted(m.title))", "date: \(m.date)"]
        if let kind = m.kind { lines.append("kind: \(quoted(kind))") }
        if let type = m.type { lines.append("type: \(type)") }
        if let o = m.organizer { lines.append("organizer: \(quoted(o))") }
        if let c = m.commissionedBy { lines.append("commissioned_by: \(quoted(c))") }
        if !m.participants.isEmpty {
            lines.append("participants:")
            if m.participants.count == 1, m.participants[0].name == nil {
                lines += m.participants[0].members.map { "  - \(quoted($0))" }
            } else {
                for g in m.participants {
                    lines.append("  - group: \(quoted(g.name ?? words["import_draft_other_participants"]))")
                    lines.append("    members:")
                    lines += g.members.map { "      - \(quoted($0))" }
                }
            }
        }
        lines.append("draft: true")
        lines.append("---")
        lines.append("")
        lines.append(comment(words.text("import_note_imported_from", ["source": source])))
        var unsure: [(Int, String)] = []
        for note in m.frontMatterNotes {
            let said = note.said(in: words)
            lines.append("")
            lines.append(comment(said))
            unsure.append((lines.count, said))
        }
        body(m.body, markdown: m.bodyIsMarkdown, words: words, into: &lines, unsure: &unsure)
        return Written(text: lines.joined(separator: "\n") + "\n", unsure: unsure)
    }

    static func board(_ b: DraftBoard, markdown: Bool, words: Catalogue) -> Written {
        // A draft like its meeting: the preview and `build --drafts` show it, a published
        // build leaves it out until the reviewer removes the flag.
        var lines = ["---", "title: \(quoted(b.title))", "appendix: postits", "draft: true", "---"]
        var unsure: [(Int, String)] = []
        body(b.body, markdown: markdown, words: words, into: &lines, unsure: &unsure)
        return Written(text: lines.joined(separator: "\n") + "\n", unsure: unsure)
    }

    static func comment(_ s: String) -> String {
        "<!-- samrad: \(s.replacing("--", with: "–")) -->"
    }

    private static func body(_ blocks: [DraftBlock], markdown: Bool, words: Catalogue, into lines: inout [String], unsure: inout [(Int, String)]) {
        func text(_ s: String) -> String { markdown ? s : escape(s) }
        for block in blocks {
            lines.append("")
            switch block {
            case .heading(let level, let t):
                lines.append(String(repeating: "#", count: level) + " " + text(t))
            case .paragraph(let t):
                lines.append(text(t))
            case .list(let items):
                lines.removeLast()
                if lines.last != "" { lines.append("") }
                for item in items { lines.append("- " + text(item)) }
            case .verbatim(let v):
                lines += v
            case .turn(let speaker, let t):
                lines.append("**\(speaker):** " + text(t))
            case .unsure(let note):
                let said = note.said(in: words)
                lines.append(comment(said))
                unsure.append((lines.count, said))
            }
        }
    }

    /// Plain text made safe as Markdown: what would start a heading, list, quote or code
    /// block at the line's start is escaped, and so is a `#` that would read as a theme tag.
    static func escape(_ s: String) -> String {
        var t = s
        var out = ""
        // `#word` is a theme tag in samrad: escape every # that starts a word.
        var previous: Character = " "
        for c in t {
            if c == "#" && (previous == " " || previous == "(") { out += "\\#" } else if c == "<" { out += "&lt;" } else { out.append(c) }
            previous = c
        }
        t = out
        if t.hasPrefix(">") || ["- ", "+ ", "* "].contains(where: { t.hasPrefix($0) }) { t = "\\" + t }
        // "2023. Det …" would be a numbered list.
        let digits = t.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let after = t.dropFirst(digits.count)
            if after.hasPrefix(". ") || after.hasPrefix(") ") || after == "." {
                t = String(digits) + "\\" + after
            }
        }
        return t
    }
}
