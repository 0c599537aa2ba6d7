import SamradCore

/// Turns the lines of a PDF copy into blocks: wrapped lines joined into paragraphs and list
/// items, words hyphenated across lines rejoined, headings told apart from text by their
/// shape (short, no full stop, between paragraphs) or, from a PDF, by their font size.
struct LineJoiner {
    /// Speaker lines ("KARIN: …") start blocks of their own; set when the text is a transcript.
    var transcript: Bool
    var labels: ImportLabels

    private var blocks: [SourceBlock] = []
    private var current: SourceBlock?
    /// The current block is a question heading whose text may still wrap onto the next line.
    private var questionOpen = false
    /// Where the current list item's text begins, when the PDF's layout says it.
    private var itemTextX: Double?

    init(transcript: Bool, labels: ImportLabels) {
        self.transcript = transcript
        self.labels = labels
    }

    mutating func join(_ lines: [SourceLine]) -> [SourceBlock] {
        var blankSince = false
        var spacers = 0
        for (i, line) in lines.enumerated() {
            let t = line.text.trimmed
            if t.isEmpty {
                blankSince = true
                if line.text.contains(" ") { spacers += 1 }
                continue
            }
            let next = LineJoiner.nextText(lines, after: i)
            let before = blocks.count
            let hadCurrent = current != nil
            defer {
                blankSince = false
                // Mark the block this line started with what the layout said before it.
                if blocks.count > before || (current != nil && !hadCurrent) || current?.line == line.number {
                    if current?.line == line.number {
                        current?.pageStart = line.pageStart
                        current?.spacersBefore = spacers
                    } else if blocks.count > before, blocks[blocks.count - 1].line == line.number {
                        blocks[blocks.count - 1].pageStart = line.pageStart
                        blocks[blocks.count - 1].spacersBefore = spacers
                    }
                }
                spacers = 0
            }

            if let (level, text) = LineJoiner.markdownHeading(t) {
                flush()
                blocks.append(SourceBlock(kind: .heading(level: level), text: text, line: line.number, page: line.page))
                continue
            }
            if let text = TextNormalizer.spacedOutHeading(t) {
                flush()
                blocks.append(SourceBlock(kind: .heading(level: nil), text: text, line: line.number, page: line.page))
                continue
            }
            if let text = TextNormalizer.bulletItem(t) {
                flush()
                current = SourceBlock(kind: .item(depth: 0, ordered: false), text: text, line: line.number, page: line.page)
                itemTextX = line.textX
                continue
            }
            if transcript, SpeakerLine.match(t) != nil {
                flush()
                current = SourceBlock(kind: .paragraph, text: t, line: line.number, page: line.page)
                continue
            }
            if !transcript, labels.questionStart(t) {
                flush()
                current = SourceBlock(kind: .heading(level: nil), text: t, line: line.number, page: line.page)
                questionOpen = !t.hasSuffix("?") || (next?.startsLowercase ?? false) || LineJoiner.blockGoesOn(lines, after: i)
                continue
            }
            if labels.isSummaryLabel(t) || labels.isQuestionListLabel(t) {
                flush()
                blocks.append(SourceBlock(kind: .paragraph, text: t, line: line.number, page: line.page))
                continue
            }
            if questionOpen, var c = current {
                c.text = LineJoiner.append(c.text, t)
                current = c
                questionOpen = !(t.hasSuffix("?") || t.endsSentence) || (next?.startsLowercase ?? false)
                    || LineJoiner.blockGoesOn(lines, after: i)
                continue
            }
            // From a PDF, a heading is a layout block of its own.
            let blockGoesOn = line.relativeSize != nil && i + 1 < lines.count && !lines[i + 1].text.trimmed.isEmpty
                && TextNormalizer.bulletItem(lines[i + 1].text.trimmed) == nil && !lines[i + 1].text.hasPrefix("[^")
            if !blockGoesOn || (line.relativeSize ?? 0) >= 1.12, isHeading(t, line: line, blankBefore: blankSince, next: next) {
                flush()
                blocks.append(SourceBlock(kind: .heading(level: nil), text: t, line: line.number, page: line.page,
                                          relativeSize: line.relativeSize))
                continue
            }
            if t.hasPrefix("[^"), t.contains("]: ") {
                flush()
                blocks.append(SourceBlock(kind: .verbatim, text: t, line: line.number, page: line.page))
                continue
            }
            if MeetingRecognizer.isBareURL(t) {
                // A footnote's text (a bare address) at the foot of a page: never part of the line above.
                flush()
                blocks.append(SourceBlock(kind: .paragraph, text: t, line: line.number, page: line.page))
                continue
            }
            if var c = current, continues(c, with: t, blankBefore: blankSince || line.blockStart, indentedUnderBullet: LineJoiner.lines(up: line.x, with: itemTextX)) {
                c.text = LineJoiner.append(c.text, t)
                current = c
                continue
            }
            flush()
            current = SourceBlock(kind: .paragraph, text: t, line: line.number, page: line.page)
        }
        flush()
        return blocks
    }

    private mutating func flush() {
        if let c = current { blocks.append(c) }
        current = nil
        questionOpen = false
        itemTextX = nil
    }

    /// The line starts where the item's text does, right of the bullet (within a rounding
    /// error); false when the layout does not say.
    static func lines(up x: Double?, with itemTextX: Double?) -> Bool {
        guard let x, let itemTextX else { return false }
        return abs(x - itemTextX) <= 2
    }

    private func continues(_ block: SourceBlock, with t: String, blankBefore: Bool, indentedUnderBullet: Bool) -> Bool {
        if block.text.hasSuffix("-") { return true }
        switch block.kind {
        case .item:
            // From a PDF's layout, a line of the item's own block that stands right of its
            // bullet is the item going on, even when a new sentence starts there.
            return t.startsLowercase || block.text.hasSuffix(",") || block.text.hasSuffix("–")
                || (indentedUnderBullet && !blankBefore)
        case .paragraph:
            if transcript, SpeakerLine.match(t) != nil { return false }
            if block.text.endsSentence && t.startsUppercaseOrDigit && blankBefore { return false }
            return true
        default:
            return false
        }
    }

    /// A heading in a PDF copy: short, starts with a capital, no closing punctuation, and
    /// stands between paragraphs (the text before it has ended, the text after it begins
    /// with a capital). From a PDF with sizes, a larger font decides.
    private func isHeading(_ t: String, line: SourceLine, blankBefore: Bool, next: String?) -> Bool {
        guard t.count <= 90, t.split(separator: " ").count <= 12, t.startsUppercaseOrDigit else { return false }
        let first = t.foldedForMatching.split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
        if let last = t.last, ".,;:!?".contains(last) { return false }
        if t.contains("@") || t.hasPrefix("http") { return false }
        // "Moderator: Karin" is a label and its value, not a heading.
        if t.contains(": ") && !MeetingRecognizer.chapterWords.contains(first) { return false }
        // A chapter's name ("Deltagare", "Bakgrund") alone on a line after a gap.
        if MeetingRecognizer.chapterWords.contains(first), t.count <= 60, blankBefore || line.pageStart,
           let next, !next.startsLowercase {
            return true
        }
        if let size = line.relativeSize {
            if size >= 1.12 { return true }
            if size < 1.05 && line.blockStart == false && !blankBefore { return false }
        }
        let boundaryBefore: Bool
        if let c = current {
            switch c.kind {
            case .heading: boundaryBefore = true
            case .item: boundaryBefore = true
            default: boundaryBefore = c.text.endsSentence && (blankBefore || line.pageStart || line.blockStart)
            }
        } else {
            boundaryBefore = true
        }
        guard boundaryBefore else { return false }
        guard let next else { return false }
        return next.startsUppercaseOrDigit || TextNormalizer.bulletItem(next) != nil
    }

    /// From a PDF's layout: the next line is a question of its own in the same layout block
    /// as line `i` (a question wrapped after its first sentence, "…offentliga? / Vad har
    /// fungerat?"), not a list item or a footnote.
    static func blockGoesOn(_ lines: [SourceLine], after i: Int) -> Bool {
        guard lines[i].relativeSize != nil, i + 1 < lines.count else { return false }
        let n = lines[i + 1]
        let t = n.text.trimmed
        return !t.isEmpty && !n.blockStart && t.hasSuffix("?") && TextNormalizer.bulletItem(t) == nil && !t.hasPrefix("[^")
    }

    static func nextText(_ lines: [SourceLine], after i: Int) -> String? {
        var j = i + 1
        while j < lines.count {
            let t = lines[j].text.trimmed
            // Footnotes printed in between are not what comes next in the text.
            if !t.isEmpty && !t.hasPrefix("[^") && !MeetingRecognizer.isBareURL(t) { return t }
            j += 1
        }
        return nil
    }

    /// `## Rubrik` in a text file; the level and the text without emphasis markers.
    static func markdownHeading(_ t: String) -> (Int, String)? {
        let hashes = t.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), t.dropFirst(hashes).first == " " else { return nil }
        var text = String(t.dropFirst(hashes)).trimmed
        text = stripEmphasis(text)
        return text.isEmpty ? nil : (hashes, text)
    }

    static func stripEmphasis(_ s: String) -> String {
        var text = s
        for marker in ["**", "__", "*", "_"] where text.count > 2 * marker.count && text.hasPrefix(marker) && text.hasSuffix(marker) {
            text = String(text.dropFirst(marker.count).dropLast(marker.count)).trimmed
        }
        return text
    }

    /// Joins a wrapped line onto the text before it; a word hyphenated across the lines is
    /// rejoined ("sam-" + "verkan"), while "barn-" + "och ungdom" keeps its hyphen.
    /// After a capital or a digit the hyphen is the compound's own ("GVI-" + "arbetet",
    /// "90-" + "talet"): Swedish writes it, so it stays, with no space.
    static func append(_ text: String, _ line: String) -> String {
        if text.hasSuffix("-"), let before = text.dropLast().last, before.isUppercase || before.isNumber, line.startsLowercase {
            return text + line
        }
        if text.hasSuffix("-"), text.dropLast().last?.isLetter == true, line.startsLowercase {
            let firstWord = line.prefix { $0.isLetter }
            if ["och", "eller", "samt", "som", "till", "respektive", "resp"].contains(firstWord.lowercased()) {
                return text + " " + line
            }
            return String(text.dropLast()) + line
        }
        return text + " " + line
    }
}

/// "KARIN: …", "**KARIN:** …", "JOHANNA S: …", "MARIE- THERESE: …": a speaker's name in
/// capitals and a colon at the start of a line.
enum SpeakerLine {
    /// The speaker's name and what follows the colon, or nil.
    static func match(_ t: String) -> (name: String, rest: String)? {
        var s = Substring(t)
        var bold = false
        if s.hasPrefix("**") { s = s.dropFirst(2); bold = true }
        guard let colon = s.firstIndex(of: ":") else { return nil }
        var name = String(s[..<colon])
        var rest = s[s.index(after: colon)...]
        if bold {
            if name.hasSuffix("**") { name = String(name.dropLast(2)) } else if rest.hasPrefix("**") { rest = rest.dropFirst(2) } else { return nil }
            if rest.hasPrefix("**") { rest = rest.dropFirst(2) }
        }
        name = name.trimmed
        guard !name.isEmpty, name.count <= 40, name.split(separator: " ").count <= 4 else { return nil }
        guard name.first?.isLetter == true,
              name.allSatisfy({ ($0.isLetter && $0.isUppercase) || $0.isNumber || $0 == " " || $0 == "-" || $0 == "." }),
              name.filter(\.isLetter).count >= 2 else { return nil }
        if let after = rest.first, !after.isWhitespace { return nil }
        // "MARIE- THERESE": a name broken at its hyphen in the PDF copy.
        name = name.replacing("- ", with: "-")
        return (name, String(rest).trimmed)
    }
}
