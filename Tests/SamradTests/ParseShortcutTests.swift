import Testing
@testable import SamradCore
@testable import SamradExtract
@testable import SamradLoad

/// The byte shortcuts of the stages before rendering (load, parse, extract) against the
/// slow paths they replace, on text where a difference would show: whitespace of every
/// kind at the ends, combining marks, ligature bytes at the edges of a file, headings in
/// decomposed Unicode.
@Suite("parse and extract: shortcuts match the slow paths")
struct ParseShortcutTests {
    static let ends = [
        "", " ", "a", "ab", " a", "a ", " a ", "\ta\n", "\r\n", "a\r\n", "\u{A0}a", "a\u{A0}", "\u{3000}Fråga\u{3000}",
        "a\u{301}", "\u{301}a", " \u{301}", "Å", "Åsa", "åsa!", "x\u{2028}", "\u{85}x", "\u{600}1", "1\u{600}",
        "Fråga 2 – Vad krävs?", "#tagg", "~", "\u{7F}a", "a\u{7F}", "\u{1F600}", "a \u{1F600}", "\u{1F1F8}\u{1F1EA}a",
        "e\u{301}e", "Sammanfattning:", "\nSammanfattning:\n", "\u{200B}a\u{200B}", "\u{FEFF}a",
    ]

    @Test func trimmedMatchesTheCharacterWalk() {
        for text in Self.ends {
            #expect(text.trimmed == text.trimmedCharacters, "\(text.unicodeScalars.map { $0.value })")
            #expect(text.trimmed.unicodeScalars.elementsEqual(text.trimmedCharacters.unicodeScalars))
        }
        // The slow path still trims what the fast path lets through.
        #expect(" a ".trimmed == "a")
        #expect("\u{A0}a\u{3000}".trimmed == "a")
    }

    static let byteCases: [[UInt8]] = {
        let lig: [UInt8] = [0xEF, 0xAC, 0x81]
        var cases: [[UInt8]] = [[], [0xEF], [0xEF, 0xAC], lig, [0x61] + lig, lig + [0x61], [0xEF, 0xAC, 0x87], [0xEF, 0xAC, 0x7F],
                                [0xEF, 0xEF, 0xAC, 0x86], [0xEF, 0xAC, 0xEF, 0xAC, 0x80], [0x61, 0xEF, 0xAC], [0xEF, 0xAD, 0x80],
                                Array("Fiskeklubben\r\nrad två\n".utf8), Array("rad\n\nrad\n".utf8), [0x0A], [0x0A, 0x0A], [0x0D]]
        // Ligature lead bytes and line ends at every offset of a longer text.
        let text = Array("Kommunen beskriver ﬁskeklubben och ärlig samverkan.\n".utf8)
        for k in stride(from: 0, through: text.count, by: 7) {
            cases.append(Array(text[..<k]))
            cases.append(Array(text[k...]))
        }
        cases.append(Array(String(repeating: "åäö \u{EF00} xyz\n", count: 300).utf8))
        return cases
    }()

    @Test func ligatureScanMatchesTheByteLoop() {
        for bytes in Self.byteCases {
            #expect(TextDecoding.hasLigature(bytes) == TextDecoding.hasLigatureBytewise(bytes), "\(bytes)")
            #expect(TextDecoding.hasByte(bytes, 0x0D) == bytes.contains(0x0D), "\(bytes)")
        }
        #expect(TextDecoding.hasLigature([0x61, 0xEF, 0xAC, 0x86]))
        #expect(!TextDecoding.hasLigature([0x61, 0xEF, 0xAC]))
    }

    @Test func lineStartsMatchTheByteLoop() {
        for bytes in Self.byteCases {
            #expect(SourceLines.lineStarts(bytes) == SourceLines.lineStartsBytewise(bytes), "\(bytes)")
        }
        #expect(SourceLines.lineStarts(Array("a\n\nb".utf8)) == [0, 2, 3, 5])
    }

    @Test func footnotesNeedACaret() {
        // The early return is for text without `^`: the scan finds nothing there either.
        for text in ["", "Inga noter här.", "[1] och [x]: y", "Text [ ^1] och ]^[", String(repeating: "[\n", count: 50)] {
            var copy = text
            let found = copy.withUTF8 { FootnoteCheck.scan($0) }
            #expect(found.definitions.isEmpty && found.references.isEmpty)
            #expect(FootnoteCheck.check(text: text, file: "a.md", defined: []).isEmpty)
        }
        // With a caret it still reports, on the right line.
        let told = FootnoteCheck.check(text: "Rad\nSe [^saknas].\n", file: "a.md", defined: [])
        #expect(told.count == 1)
        #expect(told.first?.location?.line == 2)
    }

    static let headings = [
        "Fråga 2 – Vad krävs?", "FRÅGA 3: Vem?", "fråga 4. Hur?", "Fråga", "Fråga ", "Fråg", "F", "", "Frågor och svar",
        "Fråga 2a – Delfråga", "Fråga 2.1 Underfråga", "Fråga 2 vad", "Fråga 2 Vad", "Fråga: Öppen?", "Fråga – Hur?",
        "Fra\u{30A}ga 1 – Sönderdelat å", "Fråga\u{301} 1 – Accent", "Fråga 1 – \u{1F600} glad", "Fråga 12b", "Fråga 12bc",
        "Question 3. What now?", "Fråga\u{A0}5 – Hårt mellanslag", "Fråga 7 —  Lång  ", "Fråga 8 - x", "Frågan 9",
        "Föreningens roll", "fRåGa 10: blandat",
    ]

    @Test func matchQuestionMatchesTheCharacterArrays() {
        for labels in [Labels(question: ["Fråga", "Question"], summary: ["Sammanfattning"]),
                       Labels(question: ["Fra\u{30A}ga"], summary: []), Labels(question: ["Ö"], summary: [])] {
            for heading in Self.headings + ["Ö 1 – x", "ö: y", "Öga"] {
                let fast = labels.matchQuestion(heading)
                let slow = Self.characterwise(labels, heading)
                #expect(fast == slow, "\(heading)")
            }
        }
        #expect(Labels(question: ["Fråga"], summary: []).matchQuestion("Fråga 2 – Vad krävs?")?.text == "Vad krävs?")
    }

    /// `matchQuestion` as it was before the shortcut (arrays of Characters both times).
    static func characterwise(_ labels: Labels, _ heading: String) -> Labels.QuestionMatch? {
        for label in labels.question {
            guard heading.prefix(label.count).lowercased() == label.lowercased() else { continue }
            let chars = Array(heading)
            let labelChars = Array(label)
            guard chars.count >= labelChars.count,
                  String(chars[0..<labelChars.count]).lowercased() == label.lowercased() else { continue }
            var i = labelChars.count
            if i < chars.count && (chars[i].isLetter) { continue }
            func skipSpaces() { while i < chars.count && chars[i].isWhitespace { i += 1 } }
            skipSpaces()
            var number = ""
            while i < chars.count && (chars[i].isASCII && chars[i].isNumber) { number.append(chars[i]); i += 1 }
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
            let text = String(chars[i...]).trimmedCharacters
            return Labels.QuestionMatch(label: label, number: number.isEmpty ? nil : number, text: text, prefixLength: i)
        }
        return nil
    }
}

@Suite("extract: Characters counted on UTF-8")
struct ExtractCharacterCountTests {
    static let texts = [
        "", "a", "Kommunen beskriver ärlig samverkan #tillit", "åäö ÅÄÖ é ü ß ©®\u{A0}·", "\r\n", "a\r\nb", "a\rb",
        "e\u{301}", "a\u{300}\u{301}b", "\u{1F600} glad", "\u{1F44D}\u{1F3FD}", "\u{1F1F8}\u{1F1EA}", "ĳ œ ł", "\u{600}1",
        "\u{AD}a", "\u{85}", "tab\there", "\u{7F}\u{80}\u{9F}", "x\u{200D}y", "ärlig\u{301}", "Ꙁ", "한국어",
    ]

    @Test func countsAsStringDoes() {
        for text in Self.texts {
            let bytes = Array(text.utf8)
            // Every slice between two bytes, scalar boundaries or not.
            for from in 0...bytes.count {
                for to in from...bytes.count {
                    let expected = String(decoding: bytes[from..<to], as: UTF8.self).count
                    #expect(UTF8Bytes.characterCount(bytes, from: from, to: to) == expected, "\(text) \(from)..<\(to)")
                }
            }
        }
        // Stray and cut-off bytes are counted by String, as before.
        for bytes: [UInt8] in [[0x80], [0x61, 0x80], [0xC3], [0xC3, 0x61], [0xC3, 0xC3, 0xA5], [0xFF, 0x61]] {
            #expect(UTF8Bytes.characterCount(bytes, from: 0, to: bytes.count) == String(decoding: bytes, as: UTF8.self).count, "\(bytes)")
        }
    }
}

@Suite("extract: first sentences on UTF-8")
struct ExtractFirstSentencesTests {
    /// A fixed pseudo-random sequence, so a failure repeats.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    @Test func bytesCutWhereCharactersDo() {
        let pieces = ["Kommunen", "beskriver", "ärlig", "samverkan", "å", "Ö", "é", "ü", "ß", ".", "?", "!", " ", "  ", ". ", "? ",
                      "!!", "x.y", "©", "\u{A0}", "\t", "…", "\u{1F600}", "e\u{301}", ". \u{301}", "\r\n", "\u{600}", "ﬁ", "a\u{308}"]
        var rng = Seeded(state: 21)
        var texts: [String] = ["", " ", ".", "a.", "a. b. c.", ". . .", String(repeating: "a", count: 300),
                               String(repeating: "å ", count: 200), String(repeating: "ord ", count: 61) + "slut.",
                               String(repeating: "x", count: 120) + ". Mer text här.", "Första. Andra. Tredje."]
        for _ in 0..<3000 {
            let count = Int.random(in: 0...140, using: &rng)
            // Mostly Swedish prose, sometimes with a piece outside Latin-1.
            let pool = Bool.random(using: &rng) ? Array(pieces.prefix(20)) : pieces
            texts.append((0..<count).map { _ in pool.randomElement(using: &rng) ?? " " }.joined(separator: Bool.random(using: &rng) ? " " : ""))
        }
        var fastPathTaken = 0
        for text in texts {
            for limit in [240, 20, 7, 1] {
                #expect(BodyExtractor.firstSentences(text, limit: limit) == BodyExtractor.firstSentencesByCharacter(text, limit: limit),
                        "\(limit) \(text.unicodeScalars.map { $0.value })")
            }
            var copy = text
            if copy.withUTF8({ BodyExtractor.firstSentences(latin1: $0, limit: 240) }) != nil { fastPathTaken += 1 }
        }
        // Both paths were compared, not only the slow one.
        #expect(fastPathTaken > 1000)
        #expect(fastPathTaken < texts.count)
    }
}
