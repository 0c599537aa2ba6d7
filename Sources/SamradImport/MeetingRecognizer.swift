import Foundation
import SamradCore

/// Reads the blocks of a NOD document and recognises its shapes: participants, sessions,
/// questions, summaries, question lists, post-it appendices, speaker turns and footnotes.
/// Title, date and kind come from `DocumentFacts`.
struct MeetingRecognizer {
    let labels: ImportLabels
    let transcript: Bool
    /// The blocks are Markdown from pandoc (Word/ODT): headings have levels, text is Markdown.
    let markdownSource: Bool

    private(set) var body: [DraftBlock] = []
    private(set) var boards: [DraftBoard] = []
    private(set) var participants: [ParticipantGroup] = []
    private(set) var counts = ImportCounts()
    private(set) var dropped: [DroppedLine] = []
    private var footnoteURLs: [String] = []
    /// Footnote definitions (`[^1]: …`), wherever they stood, for the end of index.md.
    private var footnotes: [[String]] = []
    private var inQuestion = false
    private var questionNumbersUsed = false

    /// The site's words, for what the draft says in its own voice (labels, headings).
    let words: Catalogue

    init(labels: ImportLabels, words: Catalogue, transcript: Bool, markdownSource: Bool) {
        self.labels = labels
        self.words = words
        self.transcript = transcript
        self.markdownSource = markdownSource
    }

    mutating func run(_ blocks: [SourceBlock]) {
        // Questions that stand alone in the text as one-item lists ("- *Vilka trender …?*"):
        // a question list earlier that names the same questions is then only a preview.
        let standalone = Set(blocks.indices.filter { isStandaloneQuestionItem(blocks, $0) }.map { key(blocks[$0].text) })
        var i = 0
        while i < blocks.count {
            let b = blocks[i]
            switch b.kind {
            case .heading(let level):
                let text = b.text
                if isParticipantsHeading(text), let next = readParticipants(blocks, from: i + 1, heading: b) {
                    i = next
                    continue
                }
                if isAppendixHeading(text), let end = boardEnd(blocks, from: i + 1) {
                    readBoard(blocks, heading: b, range: (i + 1)..<end)
                    i = end
                    continue
                }
                if labels.isSummaryLabel(text) {
                    emit(.paragraph(words["summary_label"] + ":"))
                } else if !transcript, let q = labels.parseQuestion(text) {
                    emitQuestion(number: q.number, text: q.text)
                } else {
                    emitHeading(text, sourceLevel: level, block: b)
                }
            case .paragraph:
                if transcript, let turn = SpeakerLine.match(b.text) {
                    var said = turn.rest
                    // "**AVSLUTANDE SPEAKER:**" alone, what was said in the next paragraph.
                    if said.isEmpty, i + 1 < blocks.count, blocks[i + 1].kind == .paragraph,
                       SpeakerLine.match(blocks[i + 1].text) == nil {
                        said = blocks[i + 1].text
                        i += 1
                    }
                    emit(.turn(speaker: turn.name, text: said))
                    counts.speakerTurns += 1
                } else if Self.isBareURL(b.text), !markdownSource {
                    // A footnote's text at the foot of the page; its mark in the text is lost.
                    footnoteURLs.append(b.text)
                    dropped.append(DroppedLine(line: b.line, text: b.text, reasonKey: "import_dropped_footnote_moved"))
                } else if labels.isSummaryLabel(b.text) {
                    emit(.paragraph(words["summary_label"] + ":"))
                    counts.summaryPoints += summaryPoints(blocks, after: i)
                } else if labels.introducesQuestionList(b.text), i + 1 < blocks.count, blocks[i + 1].isItem {
                    let items = runOfItems(blocks, from: i + 1)
                    let texts = items.map { LineJoiner.stripEmphasis(blocks[$0].text) }
                    emit(.paragraph(b.text))
                    if texts.allSatisfy({ $0.hasSuffix("?") }) && !texts.allSatisfy({ standalone.contains(key($0)) }) {
                        if !labels.isQuestionListLabel(b.text) { emit(.paragraph(words["questions_list_label"] + ":")) }
                        counts.questions += texts.count
                    }
                    emit(.list(items.map { blocks[$0].text }))
                    i = (items.last ?? i) + 1
                    continue
                } else {
                    emit(.paragraph(b.text))
                    counts.paragraphs += 1
                }
            case .item:
                if !transcript, isStandaloneQuestionItem(blocks, i) {
                    emitQuestion(number: nil, text: LineJoiner.stripEmphasis(b.text))
                    i += 1
                    continue
                }
                let items = runOfItems(blocks, from: i)
                if afterQuestionHeading { counts.prompts += items.count }
                emit(.list(items.map { blocks[$0].text }))
                i = (items.last ?? i) + 1
                continue
            case .verbatim:
                let lines = b.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if b.text.hasPrefix("[^") {
                    footnotes.append(lines)
                } else {
                    if b.text.hasPrefix("|") || b.text.hasPrefix("<table") { counts.tables += 1 }
                    emit(.verbatim(lines))
                }
            case .listBreak:
                break
            }
            i += 1
        }
        // Footnotes at the end of the notes, where Markdown readers expect them.
        for note in footnotes { body.append(.verbatim(note)) }
        counts.footnotes += footnotes.count
        if !footnoteURLs.isEmpty {
            // Under a heading of their own, so that they are not read as part of the last section.
            body.append(.heading(level: 2, text: words["footnotes_title"]))
            body.append(.unsure(ImportNote("import_note_lost_footnote_marks", ["notes_count": Catalogue.counted(footnoteURLs.count, "import_count_footnote")])))
            body.append(.list(footnoteURLs))
            counts.footnotes += footnoteURLs.count
        }
    }

    // MARK: - Blocks

    private var afterQuestionHeading: Bool {
        if case .heading(let level, let text)? = body.last, level == 3, labels.parseQuestion(text) != nil { return true }
        return false
    }

    private mutating func emit(_ block: DraftBlock) { body.append(block) }

    private mutating func emitQuestion(number: Int?, text: String) {
        let label = number.map { "\(words["question_label"]) \($0)" } ?? words["question_label"]
        emit(.heading(level: 3, text: "\(label) – \(text)"))
        inQuestion = true
        counts.questions += 1
    }

    /// Section names that open a chapter of the record: always level 2.
    static let chapterWords = ["inledning", "bakgrund", "genomforande", "diskussioner", "diskussion", "sammanstallning",
                               "avslutning", "avslutande", "uppsamling", "program", "syfte", "deltagare", "bilaga",
                               "rundabordssamtal", "gruppsamtal", "workshop", "pass", "session", "slutsatser", "medskick"]

    private mutating func emitHeading(_ text: String, sourceLevel: Int?, block: SourceBlock) {
        let first = text.foldedForMatching.split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
        let isChapter = Self.chapterWords.contains(first)
        var level: Int
        // A level from the source (Word style, Markdown) or from a PDF's font size.
        let given = sourceLevel ?? block.relativeSize.map { $0 >= 1.12 ? 2 : 3 }
        if isChapter {
            level = 2
        } else if let given {
            level = given <= 2 ? 2 : (inQuestion ? 4 : 3)
        } else if inQuestion {
            // Thematic sub-headings inside a question stay in the question.
            level = 4
        } else {
            // Chapters of the NOD records start on a new page.
            level = block.pageStart ? 2 : 3
        }
        if level <= 3 { inQuestion = false }
        if ["rundabordssamtal", "gruppsamtal", "pass", "session", "workshop"].contains(first) { counts.sessions += 1 }
        counts.headings += 1
        emit(.heading(level: level, text: text))
    }

    /// Consecutive list items from `start`.
    private func runOfItems(_ blocks: [SourceBlock], from start: Int) -> [Int] {
        var out: [Int] = []
        var j = start
        while j < blocks.count, blocks[j].isItem { out.append(j); j += 1 }
        return out
    }

    /// How many points the summary starting after `i` has: its list items, or (prose
    /// summary) its paragraphs up to the next heading.
    private func summaryPoints(_ blocks: [SourceBlock], after i: Int) -> Int {
        guard i + 1 < blocks.count else { return 0 }
        if blocks[i + 1].isItem { return runOfItems(blocks, from: i + 1).count }
        var n = 0
        var j = i + 1
        while j < blocks.count, blocks[j].kind == .paragraph, !labels.isSummaryLabel(blocks[j].text) {
            n += 1
            j += 1
        }
        return n
    }

    /// A one-item list between paragraphs whose item is a question ("- *Vilka trender …?*"):
    /// the question that the text after it discusses.
    private func isStandaloneQuestionItem(_ blocks: [SourceBlock], _ i: Int) -> Bool {
        guard blocks[i].isItem, LineJoiner.stripEmphasis(blocks[i].text).hasSuffix("?") else { return false }
        let before = i > 0 ? blocks[i - 1] : nil
        let after = i + 1 < blocks.count ? blocks[i + 1] : nil
        guard before?.isItem != true, after?.isItem != true else { return false }
        if let before, case .heading = before.kind, labels.parseQuestion(before.text) != nil { return false }
        if let before, labels.introducesQuestionList(before.text) { return false }
        return after != nil
    }

    private func key(_ s: String) -> String { LineJoiner.stripEmphasis(s).foldedForMatching }

    static func isFootnote(_ b: SourceBlock) -> Bool {
        (b.kind == .verbatim && b.text.hasPrefix("[^")) || (b.kind == .paragraph && isBareURL(b.text))
    }

    static func isBareURL(_ t: String) -> Bool {
        (t.hasPrefix("http://") || t.hasPrefix("https://") || t.hasPrefix("www.")) && !t.contains(" ")
    }

    // MARK: - Participants

    private func isParticipantsHeading(_ t: String) -> Bool {
        let f = t.foldedForMatching.trimmingCharacters(in: CharacterSet(charactersIn: ": "))
        return ["deltagare", "deltagande organisationer", "medverkande organisationer", "narvarande", "deltagarlista"].contains(f)
    }

    /// Reads the list under "Deltagare" into `participants`. A short line ending in a colon
    /// names the group of the items below it; items separated by a wider gap than the rest
    /// form groups without names (reported as unsure). Returns the index after the list, or
    /// nil when there is no list (names as plain paragraphs): the section then stays in the
    /// notes as it is, since nothing would reach the front matter.
    private mutating func readParticipants(_ blocks: [SourceBlock], from start: Int, heading: SourceBlock) -> Int? {
        var j = start
        var runs: [(name: String?, items: [SourceBlock])] = []
        var pendingName: String?
        var intro: [SourceBlock] = []
        while j < blocks.count {
            let b = blocks[j]
            if b.isHeading { break }
            if b.isItem {
                if runs.isEmpty || pendingName != nil { runs.append((pendingName, [])); pendingName = nil }
                runs[runs.count - 1].items.append(b)
            } else if b.kind == .listBreak {
                if !(runs.last?.items.isEmpty ?? true) { runs.append((nil, [])) }
            } else if b.kind == .paragraph, b.text.hasSuffix(":"), b.text.count <= 60, b.text.split(separator: " ").count <= 3 {
                // "Civilsamhället:" names a group; "Organisationer som deltog i samrådet:" introduces the list.
                pendingName = String(b.text.dropLast()).trimmed
            } else if b.kind == .paragraph, runs.isEmpty {
                intro.append(b)
            } else {
                break
            }
            j += 1
        }
        runs.removeAll { $0.items.isEmpty }
        if runs.isEmpty { return nil }
        // Unnamed groups from gaps: items further apart than the others in the list.
        if runs.count == 1, runs[0].name == nil, runs[0].items.count >= 4 {
            let items = runs[0].items
            let gaps = zip(items.dropFirst(), items).map { $0.line - $1.line }
            if let smallest = gaps.min(), gaps.contains(where: { $0 > smallest }), gaps.allSatisfy({ $0 == smallest || $0 > smallest }) {
                var split: [[SourceBlock]] = [[items[0]]]
                for (k, gap) in gaps.enumerated() {
                    if gap > smallest { split.append([]) }
                    split[split.count - 1].append(items[k + 1])
                }
                if split.count > 1 && split.count <= 4 && split.allSatisfy({ $0.count >= 2 }) {
                    runs = split.map { (nil, $0) }
                }
            }
        }
        for b in intro {
            dropped.append(DroppedLine(line: b.line, text: b.text, reasonKey: "import_dropped_participant_intro"))
        }
        let named = runs.contains { $0.name != nil }
        if named {
            participants = runs.map { ParticipantGroup(name: $0.name ?? words["import_draft_other_participants"], members: $0.items.map { Self.cleanName($0.text) }) }
        } else {
            participants = [ParticipantGroup(name: nil, members: runs.flatMap { $0.items.map { Self.cleanName($0.text) } })]
            if runs.count > 1 {
                unsureFrontMatter.append(ImportNote("import_note_participant_parts", [
                    "parts_number": String(runs.count), "sizes": runs.map { "\($0.items.count)" }.joined(separator: " + "),
                ]))
            }
        }
        counts.participants = participants.reduce(0) { $0 + $1.members.count }
        return j
    }

    private(set) var unsureFrontMatter: [ImportNote] = []

    static func cleanName(_ t: String) -> String {
        var s = LineJoiner.stripEmphasis(t).trimmed
        while let l = s.last, ",;.".contains(l) { s.removeLast() }
        return s.trimmed
    }

    // MARK: - Post-it boards

    private func isAppendixHeading(_ t: String) -> Bool {
        t.foldedForMatching.hasPrefix("bilaga")
    }

    /// Where the appendix that starts at `start` ends, when it is a post-it board: it holds
    /// category headings and short list items (one note each). Nil for a text appendix.
    private func boardEnd(_ blocks: [SourceBlock], from start: Int) -> Int? {
        var j = start
        var headings = 0, items = 0, itemChars = 0, paragraphs = 0
        while j < blocks.count {
            let b = blocks[j]
            if b.isHeading && isAppendixHeading(b.text) { break }
            if b.isHeading, case .heading(let level) = b.kind, let level, level <= 1 { break }
            if b.isHeading { headings += 1 }
            if b.isItem { items += 1; itemChars += b.text.count }
            if b.kind == .paragraph && !Self.isBareURL(b.text) { paragraphs += 1 }
            j += 1
        }
        guard items >= 3, items > paragraphs, itemChars / max(items, 1) <= 220 else { return nil }
        _ = headings
        return j
    }

    /// The board's categories and notes. Categories nest when the layout says so: a heading
    /// straight after another is the other's child, as is a heading after notes unless it
    /// has more space above it (or a larger font) than the one before.
    private mutating func readBoard(_ blocks: [SourceBlock], heading: SourceBlock, range: Range<Int>) {
        var title = heading.text
        if let colon = title.firstIndex(of: ":") {
            title = String(title[title.index(after: colon)...]).trimmed
        } else {
            title = String(title.drop { !$0.isWhitespace }).trimmed
        }
        if title.isEmpty { title = heading.text }
        var out: [DraftBlock] = []
        var groupOpen = false
        var groupSpacers = 0
        var groupSize: Double?
        var k = range.lowerBound
        let topLevel = blocks[range].compactMap { b -> Int? in if case .heading(let l) = b.kind { l } else { nil } }.min() ?? 1
        var pendingList: [String] = []
        func flushList() {
            if !pendingList.isEmpty { out.append(.list(pendingList)); pendingList = [] }
        }
        while k < range.upperBound {
            let b = blocks[k]
            switch b.kind {
            case .heading(let level):
                flushList()
                // Footnotes printed between a category and its first sub-category do not count.
                var n = k + 1
                while n < range.upperBound, Self.isFootnote(blocks[n]) { n += 1 }
                let nextIsHeading = n < range.upperBound && blocks[n].isHeading
                var depth: Int
                if let level {
                    // Levels relative to the board's highest category heading.
                    depth = max(1, level - topLevel + 1)
                } else if nextIsHeading {
                    depth = 1
                } else if groupOpen {
                    let larger = (b.relativeSize ?? 0) > (groupSize ?? 0) + 0.05
                    depth = (b.spacersBefore >= max(groupSpacers, 2) || larger) ? 1 : 2
                } else {
                    depth = 1
                }
                if depth == 1 && nextIsHeading { groupOpen = true; groupSpacers = b.spacersBefore; groupSize = b.relativeSize }
                if depth == 1 && !nextIsHeading { groupOpen = false }
                out.append(.heading(level: depth + 1, text: b.text))
            case .item:
                pendingList.append(b.text)
                counts.postits += 1
            case .paragraph:
                if Self.isBareURL(b.text) {
                    footnoteURLs.append(b.text)
                    dropped.append(DroppedLine(line: b.line, text: b.text, reasonKey: "import_dropped_footnote_moved"))
                } else {
                    flushList()
                    out.append(.unsure(ImportNote("import_note_postit_paragraph")))
                    out.append(.paragraph(b.text))
                }
            case .verbatim:
                let lines = b.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if b.text.hasPrefix("[^") {
                    footnotes.append(lines)
                } else {
                    flushList()
                    out.append(.verbatim(lines))
                }
            case .listBreak:
                break
            }
            k += 1
        }
        flushList()
        if blocks[range].contains(where: { $0.isHeading && $0.kind == .heading(level: nil) }) {
            out.insert(.unsure(ImportNote("import_note_category_levels")), at: 0)
        }
        let name = boards.isEmpty ? "postits.md" : "postits-\(boards.count + 1).md"
        boards.append(DraftBoard(title: title, fileName: name, body: out))
    }
}
