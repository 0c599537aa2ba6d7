import Foundation
import SamradCore

/// Title, date, kind, organiser and commissioner: from the cover (the lines before the
/// first chapter) and from the sentences that say them ("som arrangerades av NOD",
/// "på uppdrag av Brå").
struct DocumentFacts: Sendable {
    var title: String?
    var date: String?
    var kind: String?
    var organizer: String?
    var commissionedBy: String?
    /// Doubts, written as comments under the front matter and listed in the report.
    var notes: [ImportNote] = []
    /// The note that the year of the date was guessed (dropped when --date gives it).
    static let dateGuessed = "import_note_date_guessed"
    var dropped: [DroppedLine] = []

    static let kinds: [(prefix: String, kind: String)] = [
        ("samverkansforum", "samverkansforum"), ("dialogmot", "dialogmöte"), ("rundabordssamtal", "rundabordssamtal"),
        ("seminari", "seminarium"), ("podd", "podd"), ("konferens", "konferens"), ("workshop", "workshop"),
        ("rapport", "rapport"), ("samradsmot", "samrådsmöte"),
    ]

    /// Where the body starts: the first chapter heading, list, speaker line or long line.
    static func coverEnd(_ lines: [SourceLine], labels: ImportLabels) -> Int {
        for (i, line) in lines.enumerated() {
            let t = line.text.trimmed
            if t.isEmpty { continue }
            let first = t.foldedForMatching.split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
            if MeetingRecognizer.chapterWords.contains(first) && t.count < 60 { return i }
            // A report that opens with its foreword has no title page: the foreword is text.
            if first == "forord" && t.count < 60 { return i }
            if labels.isSummaryLabel(t) || labels.questionStart(t) { return i }
            if TextNormalizer.bulletItem(t) != nil || SpeakerLine.match(t).map({ !$0.rest.isEmpty }) == true { return i }
            if t.count > 200 || i > 40 { return i }
        }
        return lines.count
    }

    /// Reads the cover (lines before `end`) and takes out what it uses, blanking those lines.
    mutating func readCover(_ lines: inout [SourceLine], end: Int, vocabulary: SiteVocabulary) {
        // Chunks of consecutive lines, as the cover sets them.
        var chunks: [[Int]] = []
        var current: [Int] = []
        for i in 0..<end {
            if lines[i].text.trimmed.isEmpty {
                if !current.isEmpty { chunks.append(current); current = [] }
            } else {
                current.append(i)
            }
        }
        if !current.isEmpty { chunks.append(current) }
        func text(_ chunk: [Int]) -> String { chunk.map { lines[$0].text.trimmed }.joined(separator: " ") }
        // Markdown headings on the cover: the longest is the title.
        let headingChunks = chunks.filter { c in c.count == 1 && LineJoiner.markdownHeading(lines[c[0]].text.trimmed) != nil }
        var titleChunk: [Int]?
        if let best = headingChunks.max(by: { text($0).count < text($1).count }) {
            titleChunk = best
        }
        for (n, chunk) in chunks.enumerated() {
            let t = text(chunk)
            // A paragraph's first line ("Förord", then text that goes on) is not a title.
            let runsOn = n + 1 < chunks.count && text(chunks[n + 1]).startsLowercase
            let firstWord = t.foldedForMatching.split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
            let isSectionName = MeetingRecognizer.chapterWords.contains(firstWord) || ["forord", "innehall", "sammanfattning"].contains(firstWord)
            let letters = t.filter(\.isLetter)
            let isMarkdownHeading = chunk.count == 1 && LineJoiner.markdownHeading(lines[chunk[0]].text.trimmed) != nil
            if !letters.isEmpty, letters.allSatisfy(\.isUppercase), letters.count > 12, !isMarkdownHeading, !t.hasSuffix(":") {
                // An organisation's name set in capitals at the top of the cover.
                if let org = vocabulary.organizations.first(where: { o in ([o.name] + o.aliases).contains { $0.foldedForMatching == t.foldedForMatching } }) {
                    organizer = organizer ?? org.name
                }
                for i in chunk { drop(&lines, i, organizer == nil ? "import_dropped_cover_capitals" : "import_dropped_cover_organizer") }
                continue
            }
            if t.hasSuffix(":"), t.count <= 30, !t.contains(" ") {
                for i in chunk { drop(&lines, i, "import_dropped_cover_label") }
                continue
            }
            // A chunk that starts in lower case goes on from the line before: never a title.
            if titleChunk == nil, t.count <= 200, !t.hasSuffix(":"), !runsOn, !isSectionName, !t.startsLowercase,
               !t.endsSentence || t.hasSuffix("?"),
               SwedishDates.find(in: t).isEmpty || t.count > 40 {
                titleChunk = chunk
            }
        }
        if let chunk = titleChunk {
            var t = text(chunk)
            if let h = LineJoiner.markdownHeading(t) { t = h.1 }
            t = LineJoiner.stripEmphasis(t)
            if let found = SwedishDates.find(in: t).first, found.year != nil { date = found.iso }
            // "… (September 2022)": the date in brackets after the title is not part of it.
            if t.hasSuffix(")"), let open = t.lastIndex(of: "("), !SwedishDates.find(in: String(t[open...])).isEmpty {
                t = String(t[..<open]).trimmed
            }
            title = t
            for i in chunk { drop(&lines, i, "import_dropped_cover_title") }
        }
        if date == nil {
            let cover = chunks.map(text).joined(separator: " ")
            if let found = SwedishDates.find(in: cover).first(where: { $0.year != nil }) { date = found.iso }
        }
    }

    private mutating func drop(_ lines: inout [SourceLine], _ i: Int, _ reasonKey: String) {
        dropped.append(DroppedLine(line: lines[i].number, text: lines[i].text.trimmed, reasonKey: reasonKey))
        lines[i].text = ""
    }

    /// Fills what the cover did not say from the text.
    mutating func readText(_ text: String, transcript: Bool) {
        if date == nil {
            let all = SwedishDates.find(in: text)
            if let full = all.first(where: { $0.year != nil && $0.day != nil }) ?? all.first(where: { $0.year != nil }) {
                date = full.iso
            } else if let partial = all.first, let year = SwedishDates.likelyYear(in: text) {
                var d = partial
                d.year = year
                date = d.iso
                notes.append(ImportNote(Self.dateGuessed, [
                    "said": "\(partial.day.map { "\($0) " } ?? "")\(SwedishDates.months[partial.month - 1])", "year": String(year),
                ]))
            }
        }
        let folded = text.foldedForMatching
        let words = folded.split(whereSeparator: { !$0.isLetter })
        if kind == nil {
            let head = title.map { $0.foldedForMatching.split(whereSeparator: { !$0.isLetter }) } ?? []
            for source in [head, words] {
                if let w = source.first(where: { w in Self.kinds.contains { w.hasPrefix($0.prefix) } }),
                   let k = Self.kinds.first(where: { w.hasPrefix($0.prefix) }) {
                    kind = k.kind
                    break
                }
            }
        }
        if organizer == nil { organizer = Self.name(after: ["arrangerades av", "arrangerat av", "anordnades av", "anordnat av"], in: text) }
        if organizer == nil, let n = Self.name(after: ["framtaget av", "framtagen av", "framtagna av"], in: text) {
            organizer = n.hasSuffix(":s") ? String(n.dropLast(2)) : n
        }
        if commissionedBy == nil { commissionedBy = Self.name(after: ["på uppdrag av", "på uppdrag från", "på uppdrag"], in: text) }
    }

    /// The name right after one of the phrases: capitalised words (up to four), stopping at
    /// lower-case words, punctuation and brackets. "NOD:s kansli" gives "NOD:s".
    static func name(after phrases: [String], in text: String) -> String? {
        for phrase in phrases {
            guard let r = text.range(of: phrase + " ", options: .caseInsensitive) else { continue }
            // Up to the end of the sentence's line: a name never runs onto the next block.
            let line = text[r.upperBound...].prefix { $0 != "\n" }
            let rest = line.split(whereSeparator: \.isWhitespace)
            var words: [String] = []
            for w in rest.prefix(4) {
                var word = String(w)
                let stop = word.last.map { ".,;(".contains($0) } ?? false
                while let l = word.last, ".,;".contains(l) { word.removeLast() }
                guard let f = word.first, f.isUppercase else { break }
                words.append(word)
                if stop { break }
            }
            if !words.isEmpty { return words.joined(separator: " ") }
        }
        return nil
    }
}
