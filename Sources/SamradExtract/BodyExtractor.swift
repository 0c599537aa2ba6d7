import SamradCore
import SamradParse

/// Reads the notes of a meeting (or a page) block by block and recognises its structure:
/// sessions, questions with sub-prompts, summaries, speaker turns, footnotes and theme tags.
struct BodyExtractor {
    let labels: Labels
    let tags: TagStripper
    let recognizeQuestions: Bool
    /// Speaker turns (`**NAMN:** …`) are read only in transcripts: in a report or the
    /// notes of a meeting, a bold lead-in such as `**Gäst:** namn` is ordinary text.
    let recognizeTurns: Bool
    /// Tags that apply to everything in the file (front matter `themes`).
    let fileThemes: [String]
    var ids: Slug.Registry

    private(set) var body: [BodyBlock] = []
    private(set) var questions: [Question] = []
    private(set) var meetingSummary: Summary?
    private(set) var speakers: [String] = []
    private(set) var allTags: [TagRef] = []
    private(set) var diagnostics = Diagnostics()
    private(set) var footnotes: [Footnote] = []
    private(set) var excerpts: [TaggedExcerpt] = []
    /// A tagged heading whose excerpt still waits for the section's first paragraph.
    private var pendingExcerpt: Int?
    /// The number of the last question, so that an unnumbered one takes the next.
    private var lastQuestionNumber = 0
    /// Numbers written on question headings anywhere in the notes: an unnumbered question
    /// never takes one of them, so a written "Fråga 4" keeps its anchor `#fraga-4`.
    private var writtenNumbers = Set<String>()

    /// A line of tags before the first heading: its section is the whole notes.
    private var topTags: [String] = []
    /// Headings above the current position with the tags they carry.
    /// `key` names the heading as a session in question anchors (`sessionKey`).
    private var scopes: [(level: Int, text: String, key: String, tags: [String])] = []
    private var open: Int? // index into `questions` of the question being read
    /// Headings written so far, per level: a session's position when its text has no number.
    private var headingCounts: [Int: Int] = [:]
    /// Ids for headings without a pinned one, in document order: given out after every
    /// generated id (questions, summaries, post-its) is taken, so that those win.
    private var headingBases: [String] = []
    /// Excerpts of tagged headings without a pinned id: (excerpt, index into `headingBases`).
    private var excerptHeadings: [(excerpt: Int, base: Int)] = []

    init(labels: Labels, source: SourceLines, recognizeQuestions: Bool, recognizeTurns: Bool = false,
         fileThemes: [String], ids: Slug.Registry) {
        self.labels = labels
        self.tags = TagStripper(source: source)
        self.recognizeQuestions = recognizeQuestions
        self.recognizeTurns = recognizeTurns
        self.fileThemes = fileThemes
        self.ids = ids
    }

    private var file: String { tags.source.file }

    private var scopeThemes: [String] {
        var out = fileThemes + topTags
        for s in scopes { out += s.tags }
        return out
    }

    mutating func run(_ blocks: [MarkdownNode]) {
        if recognizeQuestions {
            for block in blocks where block.isHeading {
                if let number = labels.matchQuestion(block.plainText.trimmed)?.number { writtenNumbers.insert(number) }
            }
        }
        var i = 0
        while i < blocks.count {
            var block = blocks[i]
            let next = i + 1 < blocks.count ? blocks[i + 1] : nil
            if block.isFootnoteDefinition {
                addFootnote(block)
                i += 1
                continue
            }
            switch block.kind {
            case .heading(let level):
                var pinned = PinnedID.strip(&block.children, at: location(block), &diagnostics)
                let written = tags.stripInlines(&block)
                if pinned == nil { pinned = PinnedID.strip(&block.children, at: location(block), &diagnostics) }
                allTags += written
                let text = block.plainText.trimmed
                pendingExcerpt = nil
                if labels.isSummaryLabel(text), let units = summaryUnits(blocks, after: i) {
                    // A summary heading is a heading like any other: at the question's level
                    // or above it, it ends the question and the sections it is not under.
                    if let q = open, level <= questions[q].level { open = nil }
                    closeScopes(atOrBelow: level)
                    addSummary(units.items, prose: units.prose, at: block, labelTags: written.map(\.name))
                    i = units.end
                    continue
                }
                if recognizeQuestions, let match = labels.matchQuestion(text) {
                    startQuestion(block, level: level, match: match, tags: written, pinned: pinned)
                    if let list = next, list.isList {
                        addPrompts(list)
                        i += 1
                    }
                } else {
                    if let q = open, level <= questions[q].level { open = nil }
                    closeScopes(atOrBelow: level)
                    headingCounts[level, default: 0] += 1
                    let id: String
                    if let pinned {
                        id = claimPinned(pinned, at: location(block))
                    } else {
                        id = ""
                        headingBases.append(Slug.make(text, maxWords: 8))
                    }
                    let key = pinned ?? Self.sessionKey(text, position: headingCounts[level] ?? 1)
                    scopes.append((level, text, key, written.map(\.name)))
                    emit(.heading(Heading(id: id, level: level, content: block.children, text: text, tags: written)))
                    if !written.isEmpty {
                        excerpts.append(TaggedExcerpt(id: id, heading: text, text: "", tags: written,
                                                      themes: unique(fileThemes + written.map(\.name)), location: location(block)))
                        pendingExcerpt = excerpts.count - 1
                        // An unpinned heading's id is given out at the end (`assignHeadingIDs`).
                        if pinned == nil { excerptHeadings.append((excerpts.count - 1, headingBases.count - 1)) }
                    }
                }
            case .paragraph:
                // Tags first, so that "Sammanfattning: #tillit" is still the label.
                let written = tags.stripInlines(&block)
                allTags += written
                let plain = block.plainText
                if labels.isSummaryLabel(plain), let units = summaryUnits(blocks, after: i) {
                    addSummary(units.items, prose: units.prose, at: block, labelTags: written.map(\.name))
                    i = units.end
                    continue
                }
                if labels.isSummaryLabel(plain) {
                    diagnostics.warning(key: "diag_summary_label_alone", ["label": plain.trimmed], at: location(block))
                }
                if recognizeQuestions, open == nil, labels.isQuestionsListLabel(plain), let list = next, list.isList {
                    if addQuestionList(list, label: block) {
                        i += 2
                        continue
                    }
                }
                if block.isOnlyTags {
                    // A line of tags alone tags the section it stands in.
                    addScopeTags(written.map(\.name))
                } else if recognizeTurns, let turn = speakerTurn(block) {
                    if !speakers.contains(turn.speaker) { speakers.append(turn.speaker) }
                    emit(.turn(turn))
                } else if !written.isEmpty {
                    let text = block.plainText.trimmed
                    let id = ids.claim("stycke-" + Slug.make(text, maxWords: 5))
                    excerpts.append(TaggedExcerpt(id: id, heading: nil, text: Self.firstSentences(text), tags: written,
                                                  themes: unique(fileThemes + written.map(\.name)), location: location(block)))
                    emit(.anchored(AnchoredParagraph(id: id, node: block)))
                } else {
                    if let e = pendingExcerpt {
                        excerpts[e].text = Self.firstSentences(block.plainText.trimmed)
                        pendingExcerpt = nil
                    }
                    emit(.markdown(block))
                }
            default:
                allTags += tags.stripAll(&block)
                emit(.markdown(block))
            }
            i += 1
        }
        assignHeadingIDs()
    }

    /// How questions under a heading are told apart from equally numbered ones under
    /// another: the heading's text up to its first number ("Rundabordssamtal 2: ansvar"
    /// → `rundabordssamtal-2`), or its position among headings of its level (`del-3`).
    /// Rewording the rest of the heading leaves the questions' anchors alone.
    static func sessionKey(_ text: String, position: Int) -> String {
        var prefix = ""
        var seenDigit = false
        for ch in text {
            if ch.isASCII && ch.isNumber { seenDigit = true } else if seenDigit { break }
            prefix.append(ch)
        }
        let key = seenDigit ? Slug.make(prefix) : ""
        return key.isEmpty ? "del-\(position)" : key
    }

    /// An id the author pinned with `{#id}`; if it is taken, the next free one, with a warning.
    private mutating func claimPinned(_ id: String, at location: SourceLocation) -> String {
        let taken = ids.isUsed(id)
        let got = ids.claim(id)
        if taken {
            diagnostics.warning(key: "diag_anchor_taken", ["id": id, "got": got], at: location)
        }
        return got
    }

    /// The pinned id if there is one, else the generated `base`, made unique.
    private mutating func claim(pinned: String?, else base: String, at location: SourceLocation) -> String {
        if let pinned { return claimPinned(pinned, at: location) }
        return ids.claim(base)
    }

    /// Gives the headings without a pinned id theirs, in document order.
    private mutating func assignHeadingIDs() {
        var next = 0
        var given: [String] = []
        func fill(_ blocks: inout [BodyBlock], _ registry: inout Slug.Registry) {
            for i in blocks.indices {
                guard case .heading(var h) = blocks[i], h.id.isEmpty, next < headingBases.count else { continue }
                h.id = registry.claim(headingBases[next])
                given.append(h.id)
                next += 1
                blocks[i] = .heading(h)
            }
        }
        var registry = ids
        var i = 0
        while i < body.count {
            if case .question(let q) = body[i], q < questions.count {
                fill(&questions[q].discussion, &registry)
            } else if case .heading = body[i] {
                var one = [body[i]]
                fill(&one, &registry)
                body[i] = one[0]
            }
            i += 1
        }
        ids = registry
        for (e, base) in excerptHeadings where base < given.count { excerpts[e].id = given[base] }
    }

    /// A `{#id}` at the end of a list item's last paragraph, removed.
    private mutating func stripPinned(_ item: inout MarkdownNode) -> String? {
        guard let p = item.children.lastIndex(where: \.isParagraph) else { return nil }
        return PinnedID.strip(&item.children[p].children, at: location(item), &diagnostics)
    }

    private func location(_ node: MarkdownNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    private mutating func emit(_ block: BodyBlock) {
        if let q = open {
            questions[q].discussion.append(block)
        } else {
            body.append(block)
        }
    }

    private mutating func closeScopes(atOrBelow level: Int) {
        while let last = scopes.last, last.level >= level { scopes.removeLast() }
    }

    private mutating func addScopeTags(_ names: [String]) {
        if let q = open {
            questions[q].themes = unique(questions[q].themes + names)
        } else if !scopes.isEmpty {
            scopes[scopes.count - 1].tags += names
        } else {
            topTags += names
        }
    }

    private mutating func startQuestion(_ heading: MarkdownNode, level: Int, match: Labels.QuestionMatch, tags written: [TagRef], pinned: String?) {
        open = nil
        closeScopes(atOrBelow: level)
        let at = location(heading)
        if match.text.isEmpty {
            diagnostics.error(key: "diag_question_no_text", ["heading": heading.plainText.trimmed, "label": match.label], at: at)
        }
        let question = makeQuestion(label: match.label, number: match.number, title: dropPrefix(heading.children, count: match.prefixLength),
                                    text: match.text, level: level, tags: written, pinned: pinned, at: at)
        questions.append(question)
        open = questions.count - 1
        body.append(.question(questions.count - 1))
    }

    /// A question with its anchor. Without a number of its own it takes the one after
    /// the previous question's, so `### Fråga – …?` reads as written and links stay short.
    private mutating func makeQuestion(label: String, number writtenNumber: String?, title: [MarkdownNode], text: String,
                                       level: Int, tags written: [TagRef], pinned: String? = nil, at: SourceLocation) -> Question {
        let session = scopes.last
        let next = String(lastQuestionNumber + 1)
        let number = writtenNumber ?? (writtenNumbers.contains(next) ? nil : next)
        lastQuestionNumber = number.flatMap { Int($0.prefix { $0.isASCII && $0.isNumber }) } ?? lastQuestionNumber
        var base: String
        if let number {
            base = "\(Slug.make(label))-\(Slug.make(number))"
            if ids.isUsed(base), let session { base = "\(session.key)-\(base)" }
        } else {
            // Its number is written on a later question: the anchor comes from the text.
            base = "\(Slug.make(label))-\(Slug.make(text, maxWords: 6))"
        }
        let id = claim(pinned: pinned, else: base, at: at)
        // Numbering may restart in each session, but two questions with one number in the
        // same session make links to them ambiguous: the second only gets a made-up anchor.
        if let number, writtenNumber != nil, let twin = questions.first(where: { $0.number == number && $0.sessionID == session?.key }) {
            diagnostics.warning(key: session == nil ? "diag_question_number_twice" : "diag_question_number_twice_in",
                                ["number": number, "session": session?.text ?? "", "line": String(twin.location.line), "id": id], at: at)
        }
        return Question(
            id: id, number: number, title: title, text: text, session: session?.text, sessionID: session?.key, level: level,
            tags: written, themes: unique(scopeThemes + written.map(\.name)), location: at)
    }

    /// `Frågeställningar:` followed by a list of questions: each item becomes a question
    /// of the section it stands in. A list whose items do not all end in "?" stays a
    /// list, and the author is told why.
    private mutating func addQuestionList(_ list: MarkdownNode, label: MarkdownNode) -> Bool {
        var items: [(MarkdownNode, [TagRef])] = []
        for var item in list.children {
            let written = tags.stripItem(&item)
            items.append((item, written))
        }
        let isQuestion = { (item: MarkdownNode) -> Bool in
            item.children.count == 1 && item.children[0].isParagraph && item.plainText.trimmed.hasSuffix("?")
        }
        guard !items.isEmpty, items.allSatisfy({ isQuestion($0.0) }) else {
            diagnostics.warning(key: "diag_question_list_not_questions", ["label": label.plainText.trimmed], at: location(label))
            return false
        }
        let level = (scopes.last?.level ?? 1) + 1
        for (item, written) in items {
            allTags += written
            let question = makeQuestion(label: labels.question.first ?? "Fråga", number: nil, title: item.children[0].children,
                                        text: item.plainText.trimmed, level: level, tags: written,
                                        at: SourceLocation(file: file, line: item.line, column: item.column))
            questions.append(question)
            body.append(.question(questions.count - 1))
        }
        return true
    }

    /// The blocks a summary label stands over: the list right below it, or the
    /// paragraphs up to the next heading (a prose summary, each paragraph one point).
    private func summaryUnits(_ blocks: [MarkdownNode], after label: Int) -> (items: [MarkdownNode], prose: Bool, end: Int)? {
        let first = label + 1
        guard first < blocks.count else { return nil }
        if blocks[first].isList { return (blocks[first].children, false, first + 1) }
        var end = first
        while end < blocks.count, blocks[end].isParagraph, !labels.isSummaryLabel(blocks[end].plainText),
              !labels.isQuestionsListLabel(blocks[end].plainText) {
            end += 1
        }
        return end > first ? (Array(blocks[first..<end]), true, end) : nil
    }

    private mutating func addFootnote(_ definition: MarkdownNode) {
        guard case .footnoteDefinition(let label, let number) = definition.kind else { return }
        var content = definition.children
        for i in content.indices { allTags += tags.stripAll(&content[i]) }
        let text = content.map(\.plainText).joined(separator: " ").trimmed
        footnotes.append(Footnote(number: number, label: label, id: ids.claim("fotnot-\(number)"), content: content, text: text))
    }

    /// About two sentences, at most some 240 characters, cut at a word: enough to see
    /// what the passage says, short enough for a list of them.
    static func firstSentences(_ text: String, limit: Int = 240) -> String {
        var copy = text
        if let fast = copy.withUTF8({ firstSentences(latin1: $0, limit: limit) }) { return fast }
        return firstSentencesByCharacter(text, limit: limit)
    }

    /// `firstSentencesByCharacter` on the UTF-8 of text whose scalars are all below U+0100
    /// (Swedish prose): there each scalar is a Character of its own (`UTF8Bytes.latin1Scalars`),
    /// so stepping by scalars counts and compares exactly as stepping by Characters does,
    /// without Unicode's grapheme rules. Nil for any other text.
    static func firstSentences(latin1 b: UnsafeBufferPointer<UInt8>, limit: Int) -> String? {
        let n = b.count
        guard UTF8Bytes.latin1Scalars(b, from: 0, to: b.count) != nil else { return nil }
        func prefix(_ end: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[0..<end]), as: UTF8.self) }
        func width(_ at: Int) -> Int { b[at] < 0x80 ? 1 : 2 }
        var sentences = 0
        var i = 0
        var at = 0
        while at < n {
            let ch = b[at]
            let next = at + width(at)
            if ch == UInt8(ascii: ".") || ch == UInt8(ascii: "?") || ch == UInt8(ascii: "!"), next == n || b[next] == 0x20 {
                sentences += 1
                if sentences == 2 || i >= limit / 2 { return prefix(next) }
            }
            if i >= limit {
                var cut = i, cutAt = at
                while cut > 0, b[cutAt] != 0x20 { cut -= 1; cutAt = UTF8Bytes.scalarStart(in: b, before: cutAt) }
                return prefix(cut > 0 ? cutAt : at).trimmed + " …"
            }
            i += 1
            at = next
        }
        return prefix(n)
    }

    /// The first sentence or two of `text`, at most about `limit` Characters, cut at a space.
    static func firstSentencesByCharacter(_ text: String, limit: Int = 240) -> String {
        // Walks the characters in place; an array of every Character of the text was
        // most of this function's cost.
        var sentences = 0
        var i = 0
        var at = text.startIndex
        while at < text.endIndex {
            let ch = text[at]
            let next = text.index(after: at)
            if ch == "." || ch == "?" || ch == "!", next == text.endIndex || text[next] == " " {
                sentences += 1
                if sentences == 2 || i >= limit / 2 { return String(text[..<next]) }
            }
            if i >= limit {
                var cut = i, cutAt = at
                while cut > 0, text[cutAt] != " " { cut -= 1; cutAt = text.index(before: cutAt) }
                return String(text[..<(cut > 0 ? cutAt : at)]).trimmed + " …"
            }
            i += 1
            at = next
        }
        return text
    }

    private mutating func addPrompts(_ list: MarkdownNode) {
        guard let q = open else { return }
        for var item in list.children {
            let written = tags.stripItem(&item)
            allTags += written
            allTags += item.children.indices.dropFirst().flatMap { idx -> [TagRef] in tags.stripAll(&item.children[idx]) }
            questions[q].prompts.append(Prompt(content: item.children, text: item.plainText.trimmed))
        }
    }

    /// A second summary list in the same question (or before any question) continues the
    /// first box and its numbering, so `fraga-2-punkt-3` is the third point either way.
    private mutating func addSummary(_ list: [MarkdownNode], prose: Bool, at label: MarkdownNode, labelTags: [String]) {
        let at = location(label)
        // The question's themes, those of the sub-headings it stands under inside the
        // question, and tags written on the label itself.
        let inherited = unique((open.map { questions[$0].themes } ?? []) + scopeThemes + labelTags)
        var points: [SummaryPoint]
        if let q = open {
            let owner = questions[q].id
            if questions[q].summary == nil {
                questions[q].summary = Summary(id: ids.claim("\(owner)-sammanfattning"), points: [], location: at)
            }
            points = makePoints(list, prose: prose, prefix: owner, after: questions[q].summary?.points.count ?? 0, inherited: inherited)
            questions[q].summary?.points += points
        } else if !recognizeQuestions {
            // Pages have no meeting summary: each box stands where it was written.
            let id = ids.claim("sammanfattning")
            points = makePoints(list, prose: prose, prefix: id, after: 0, inherited: inherited)
            emit(.summary(Summary(id: id, points: points, location: at)))
        } else {
            if meetingSummary == nil {
                meetingSummary = Summary(id: ids.claim("sammanfattning"), points: [], location: at)
                body.append(.meetingSummary)
            }
            points = makePoints(list, prose: prose, prefix: "sammanfattning", after: meetingSummary?.points.count ?? 0, inherited: inherited)
            meetingSummary?.points += points
        }
        if points.isEmpty {
            diagnostics.warning(key: "diag_summary_empty", at: at)
        }
    }

    /// - Parameter prose: `items` are paragraphs (each one point), not list items.
    private mutating func makePoints(_ items: [MarkdownNode], prose: Bool, prefix: String, after start: Int, inherited: [String]) -> [SummaryPoint] {
        var points: [SummaryPoint] = []
        var n = start
        for var item in items {
            n += 1
            var pinned = prose ? nil : stripPinned(&item)
            let written: [TagRef]
            if prose {
                pinned = PinnedID.strip(&item.children, at: location(item), &diagnostics)
                written = tags.stripInlines(&item)
                if pinned == nil { pinned = PinnedID.strip(&item.children, at: location(item), &diagnostics) }
                allTags += written
            } else {
                written = tags.stripItem(&item)
                if pinned == nil { pinned = stripPinned(&item) }
                allTags += written
                allTags += item.children.indices.dropFirst().flatMap { idx -> [TagRef] in tags.stripAll(&item.children[idx]) }
            }
            points.append(SummaryPoint(
                id: claim(pinned: pinned, else: "\(prefix)-punkt-\(n)", at: location(item)), number: n, content: prose ? [item] : item.children, text: item.plainText.trimmed,
                tags: written, themes: unique(inherited + written.map(\.name)),
                location: SourceLocation(file: file, line: item.line, column: item.column)))
        }
        return points
    }

    /// `**KARIN:** Hej …` or `**KARIN**: Hej …`. Long bold openings are emphasis, not names.
    private func speakerTurn(_ paragraph: MarkdownNode) -> SpeakerTurn? {
        guard let first = paragraph.children.first, first.kind == .strong else { return nil }
        var name = first.plainText.trimmed
        var rest = Array(paragraph.children.dropFirst())
        if name.hasSuffix(":") {
            name.removeLast()
        } else if let next = rest.first, case .text(let t) = next.kind, t.hasPrefix(":") {
            rest[0].kind = .text(String(t.dropFirst()))
        } else {
            return nil
        }
        name = name.trimmed
        guard !name.isEmpty, name.count <= 60, name.split(separator: " ").count <= 6,
              !name.contains("."), !name.contains("?") else { return nil }
        if let lead = rest.first, case .text(let t) = lead.kind {
            let trimmedLead = String(t.drop(while: { $0 == " " }))
            if trimmedLead.isEmpty { rest.removeFirst() } else { rest[0].kind = .text(trimmedLead) }
        }
        return SpeakerTurn(speaker: name, content: rest)
    }
}

func unique(_ names: [String]) -> [String] {
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
}

/// The heading's inlines without the "Fråga 2 – " prefix, keeping any formatting after it.
func dropPrefix(_ inlines: [MarkdownNode], count: Int) -> [MarkdownNode] {
    var remaining = count
    var out: [MarkdownNode] = []
    for var node in inlines {
        if remaining <= 0 { out.append(node); continue }
        switch node.kind {
        case .text(let s):
            if s.count <= remaining {
                remaining -= s.count
            } else {
                node.kind = .text(String(s.dropFirst(remaining)))
                remaining = 0
                out.append(node)
            }
        case .softBreak, .lineBreak:
            remaining -= 1
        case .emphasis, .strong, .strikethrough, .link, .group:
            let length = node.plainText.count
            if length <= remaining {
                remaining -= length
            } else {
                node.children = dropPrefix(node.children, count: remaining)
                remaining = 0
                out.append(node)
            }
        case .code(let s):
            if s.count <= remaining { remaining -= s.count } else {
                node.kind = .code(String(s.dropFirst(remaining)))
                remaining = 0
                out.append(node)
            }
        default:
            out.append(node)
        }
    }
    // A leading space left by the separator is not part of the question.
    if let first = out.first, case .text(let s) = first.kind {
        let t = String(s.drop(while: { $0 == " " }))
        if t.isEmpty { out.removeFirst() } else { out[0].kind = .text(t) }
    }
    return out
}
