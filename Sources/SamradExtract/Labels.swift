import SamradCore

/// Recognises question headings and summary labels as the brief defines them, and
/// knows which document type each `kind` is (site.yml `kinds:`).
public struct Labels: Sendable, Equatable {
    public let question: [String]
    public let summary: [String]
    public let questionsList: [String]
    public let kinds: [String: DocumentType]

    /// Longer text cannot be a summary label (plus room for a colon and spaces).
    private let summaryLimit: Int
    private let questionsListLimit: Int

    public init(question: [String], summary: [String], questionsList: [String] = ["Frågeställningar", "Frågor"],
                kinds: [String: DocumentType] = [:]) {
        self.question = question
        self.summary = summary
        self.questionsList = questionsList
        self.kinds = kinds
        summaryLimit = summary.reduce(0) { Swift.max($0, $1.utf8.count) } + 8
        questionsListLimit = questionsList.reduce(0) { Swift.max($0, $1.utf8.count) } + 8
    }

    public init(_ config: SiteConfig) {
        self.init(question: config.questionLabels, summary: config.summaryLabels,
                  questionsList: config.questionsListLabels, kinds: config.kinds)
    }

    /// The type of a document from its front matter and the site's `kinds:`.
    public func documentType(written: DocumentType?, kind: String?) -> DocumentType {
        if let written { return written }
        if let kind, let type = kinds[kind.trimmed.lowercased()] { return type }
        return .meeting
    }

    /// `Frågeställningar:` or `Frågor` alone (any case).
    public func isQuestionsListLabel(_ text: String) -> Bool {
        if text.utf8.count > questionsListLimit { return false }
        var t = text.trimmed
        if t.hasSuffix(":") { t.removeLast() }
        t = t.trimmed.lowercased()
        return questionsList.contains { $0.lowercased() == t }
    }

    public struct QuestionMatch: Sendable, Equatable {
        public var label: String
        public var number: String?
        public var text: String
        /// Characters before the question text ("Fråga 2 – "), to take off the heading.
        public var prefixLength: Int
    }

    static let separators: Set<Character> = ["–", "—", "-", ":", "."]

    static func asciiLower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }

    /// `Fråga 2 – Vad krävs …?`, `Fråga: …`, `Question 3. …`. "Frågor och svar" is not one:
    /// after the label must come a space, a number or a separator, never another letter.
    public func matchQuestion(_ heading: String) -> QuestionMatch? {
        let first = heading.utf8.first
        for label in question {
            // Most headings are not questions. When heading and label both begin with an
            // ASCII byte, those bytes must agree but for case: an ASCII letter lowercases to
            // itself alone and has no canonical equivalent, so the comparison below would
            // fail too. This spares the Unicode lowercasing for nearly every heading.
            if let h = first, h < 0x80, let l = label.utf8.first, l < 0x80, Self.asciiLower(h) != Self.asciiLower(l) { continue }
            // Then compare the prefix before making arrays.
            guard heading.prefix(label.count).lowercased() == label.lowercased() else { continue }
            // `prefix(label.count)` is the heading's first `label.count` Characters, so the
            // comparison above is the one a Character array would make: only the length is left.
            let chars = Array(heading)
            let labelCount = label.count
            guard chars.count >= labelCount else { continue }
            var i = labelCount
            if i < chars.count && (chars[i].isLetter) { continue }
            func skipSpaces() { while i < chars.count && chars[i].isWhitespace { i += 1 } }
            skipSpaces()
            var number = ""
            while i < chars.count && (chars[i].isASCII && chars[i].isNumber) { number.append(chars[i]); i += 1 }
            // "2a", "2.1"
            if !number.isEmpty {
                if i + 1 < chars.count && chars[i] == "." && chars[i + 1].isASCII && chars[i + 1].isNumber {
                    number.append("."); i += 1
                    while i < chars.count && chars[i].isASCII && chars[i].isNumber { number.append(chars[i]); i += 1 }
                } else if i < chars.count && chars[i].isLetter && chars[i].isLowercase
                            && (i + 1 == chars.count || !chars[i + 1].isLetter) {
                    number.append(chars[i]); i += 1
                }
            }
            skipSpaces()
            var sawSeparator = false
            if i < chars.count && Labels.separators.contains(chars[i]) {
                sawSeparator = true
                i += 1
                skipSpaces()
            }
            if number.isEmpty && !sawSeparator && i < chars.count { continue }
            if !number.isEmpty && !sawSeparator && i < chars.count && !chars[i].isUppercase { continue }
            // The heading after its first `i` Characters: the same scalars as joining them.
            let text = String(heading.dropFirst(i)).trimmed
            return QuestionMatch(label: label, number: number.isEmpty ? nil : number, text: text, prefixLength: i)
        }
        return nil
    }

    /// `Sammanfattning` or `Sammanfattning:` alone (any case); "Sammanfattningsvis" is not.
    public func isSummaryLabel(_ text: String) -> Bool {
        // Called for every paragraph: long text cannot be a label, so skip the lowercasing.
        if text.utf8.count > summaryLimit { return false }
        var t = text.trimmed
        if t.hasSuffix(":") { t.removeLast() }
        t = t.trimmed.lowercased()
        return summary.contains { $0.lowercased() == t }
    }
}
