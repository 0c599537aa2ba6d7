import SamradCore
import SamradParse

/// Reads the notes of a meeting (or a page) block by block and recognises its structure:
/// sessions, questions with sub-prompts, summaries, speaker turns and theme tags.
struct BodyExtractor {
    let labels: Labels
    let tags: TagStripper
    let recognizeQuestions: Bool
    /// Tags that apply to everything in the file (front matter `themes`).
    let fileThemes: [String]
    var ids: Slug.Registry

    private(set) var body: [BodyBlock] = []
    private(set) var questions: [Question] = []
    private(set) var meetingSummary: Summary?
    private(set) var speakers: [String] = []
    private(set) var allTags: [TagRef] = []
    private(set) var diagnostics = Diagnostics()

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

    init(labels: Labels, source: SourceLines, recognizeQuestions: Bool, fileThemes: [String], ids: Slug.Registry) {
        self.labels = labels
        self.tags = TagStripper(source: source)
        self.recognizeQuestions = recognizeQuestions
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
        var i = 0
        while i < blocks.count {
            var block = blocks[i]
            let next = i + 1 < blocks.count ? blocks[i + 1] : nil
            switch block.kind {
            case .heading(let level):
                var pinned = PinnedID.strip(&block.children, at: location(block), &diagnostics)
                let written = tags.stripInlines(&block)
                if pinned == nil { pinned = PinnedID.strip(&block.children, at: location(block), &diagnostics) }
                allTags += written
                let text = block.plainText.trimmed
                if labels.isSummaryLabel(text), let list = next, list.isList {
                    // A summary heading is a heading like any other: at the question's level
                    // or above it, it ends the question and the sections it is not under.
                    if let q = open, level <= questions[q].level { open = nil }
                    closeScopes(atOrBelow: level)
                    addSummary(list, at: block, labelTags: written.map(\.name))
                    i += 2
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
                }
            case .paragraph:
                // Tags first, so that "Sammanfattning: #tillit" is still the label.
                let written = tags.stripInlines(&block)
                allTags += written
                if labels.isSummaryLabel(block.plainText), let list = next, list.isList {
                    addSummary(list, at: block, labelTags: written.map(\.name))
                    i += 2
                    continue
                }
                if labels.isSummaryLabel(block.plainText) {
                    diagnostics.warning("'\(block.plainText.trimmed)' is not followed by a list, so there is no summary; put the summary points in a list right below it", at: location(block))
                }
                if block.isOnlyTags {
                    // A line of tags alone tags the section it stands in.
                    addScopeTags(written.map(\.name))
                } else if let turn = speakerTurn(block) {
                    if !speakers.contains(turn.speaker) { speakers.append(turn.speaker) }
                    emit(.turn(turn))
                } else {
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
            if ch.isNumber && ch.isASCII { seenDigit = true } else if seenDigit { break }
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
            diagnostics.warning("the anchor '#\(id)' is already used on this page, so this one gets '#\(got)'; pin another", at: location)
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
        func fill(_ blocks: inout [BodyBlock], _ registry: inout Slug.Registry) {
            for i in blocks.indices {
                guard case .heading(var h) = blocks[i], h.id.isEmpty, next < headingBases.count else { continue }
                h.id = registry.claim(headingBases[next])
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
        let session = scopes.last
        let at = location(heading)
        if match.text.isEmpty {
            diagnostics.error("question heading '\(heading.plainText.trimmed)' has no question text; write it after the number, e.g. '\(match.label) 1 – Vad behövs?'", at: at)
        }
        let labelSlug = Slug.make(match.label)
        var base: String
        if let number = match.number {
            base = "\(labelSlug)-\(Slug.make(number))"
            if ids.isUsed(base), let session { base = "\(session.key)-\(base)" }
        } else {
            base = "\(labelSlug)-\(Slug.make(match.text, maxWords: 6))"
        }
        let id = claim(pinned: pinned, else: base, at: at)
        // Numbering may restart in each session, but two questions with one number in the
        // same session make links to them ambiguous: the second only gets a made-up anchor.
        if let number = match.number,
           let twin = questions.first(where: { $0.number == number && $0.sessionID == session?.key }) {
            let place = session.map { " under '\($0.text)'" } ?? ""
            diagnostics.warning("two questions are numbered \(number)\(place) (the first on line \(twin.location.line)); this one gets the anchor #\(id), so renumber one of them", at: at)
        }
        let themes = unique(scopeThemes + written.map(\.name))
        let question = Question(
            id: id, number: match.number, title: dropPrefix(heading.children, count: match.prefixLength),
            text: match.text, session: session?.text, sessionID: session?.key, level: level,
            tags: written, themes: themes, location: at)
        questions.append(question)
        open = questions.count - 1
        body.append(.question(questions.count - 1))
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
    private mutating func addSummary(_ list: MarkdownNode, at label: MarkdownNode, labelTags: [String]) {
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
            points = makePoints(list, prefix: owner, after: questions[q].summary?.points.count ?? 0, inherited: inherited)
            questions[q].summary?.points += points
        } else if !recognizeQuestions {
            // Pages have no meeting summary: each box stands where it was written.
            let id = ids.claim("sammanfattning")
            points = makePoints(list, prefix: id, after: 0, inherited: inherited)
            emit(.summary(Summary(id: id, points: points, location: at)))
        } else {
            if meetingSummary == nil {
                meetingSummary = Summary(id: ids.claim("sammanfattning"), points: [], location: at)
                body.append(.meetingSummary)
            }
            points = makePoints(list, prefix: "sammanfattning", after: meetingSummary?.points.count ?? 0, inherited: inherited)
            meetingSummary?.points += points
        }
        if points.isEmpty {
            diagnostics.warning("the summary is empty", at: at)
        }
    }

    private mutating func makePoints(_ list: MarkdownNode, prefix: String, after start: Int, inherited: [String]) -> [SummaryPoint] {
        var points: [SummaryPoint] = []
        var n = start
        for var item in list.children {
            n += 1
            var pinned = stripPinned(&item)
            let written = tags.stripItem(&item)
            if pinned == nil { pinned = stripPinned(&item) }
            allTags += written
            allTags += item.children.indices.dropFirst().flatMap { idx -> [TagRef] in tags.stripAll(&item.children[idx]) }
            points.append(SummaryPoint(
                id: claim(pinned: pinned, else: "\(prefix)-punkt-\(n)", at: location(item)), number: n, content: item.children, text: item.plainText.trimmed,
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
