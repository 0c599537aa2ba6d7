import Foundation
import Testing
@testable import SamradCore

/// `containsASCII` replaces Foundation's `contains` where samrad looks for its own ASCII
/// markup (`"<a "` in a post-it's HTML, `" / "` in a name): it must answer as Foundation
/// does for those needles.
@Suite("core: byte search")
struct CoreByteSearchTests {
    /// `needsHTMLEscaping` looks eight bytes at a time; it must answer what the byte walk
    /// answers: each of the 256 byte values alone at every offset of texts of 0 to 24
    /// bytes (so in the words and in the tail), next to bytes one off from the five and
    /// with the high bit set, and in seeded random texts.
    @Test func wordsAtATimeFindWhatTheByteWalkFinds() {
        func walk(_ bytes: [UInt8]) -> Bool { bytes.contains(where: HTMLSpecials.isSpecial) }
        func words(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer(HTMLSpecials.any(in:)) }
        var found = 0
        for length in 0 ... 24 {
            for filler: UInt8 in [0x61, 0x25, 0x3D, 0x3F, 0x23, 0x28, 0x3B, 0xA6, 0xBC, 0x00, 0xFF] {
                for offset in 0 ..< max(length, 1) {
                    for value in 0 ... 255 {
                        var bytes = [UInt8](repeating: filler, count: length)
                        if offset < length { bytes[offset] = UInt8(value) }
                        let expected = walk(bytes)
                        #expect(words(bytes) == expected, "\(bytes)")
                        if expected { found += 1 }
                    }
                }
            }
        }
        #expect(found > 1000)
        var rng = ExtractFirstSentencesTests.Seeded(state: 22)
        let pool: [UInt8] = [0x22, 0x26, 0x27, 0x3C, 0x3E, 0x21, 0x23, 0x25, 0x28, 0x3B, 0x3D, 0x3F, 0x61, 0xC3, 0xA5, 0xA2, 0xA7, 0xBE, 0x80, 0xFF]
        for _ in 0 ..< 3000 {
            let length = Int.random(in: 0 ... 40, using: &rng)
            // Mostly bytes that are not one of the five, so that many texts have none.
            let bytes = (0 ..< length).map { _ in Int.random(in: 0 ..< 12, using: &rng) == 0 ? pool[Int.random(in: 0 ..< 5, using: &rng)] : pool[Int.random(in: 5 ..< pool.count, using: &rng)] }
            #expect(words(bytes) == walk(bytes), "\(bytes)")
        }
        #expect("Möte om skolan, 2024".needsHTMLEscaping == false && "Text & mer".needsHTMLEscaping && "ett 'citat' här i slutet".needsHTMLEscaping)
    }

    static let texts = [
        "", "<", "<a", "<a ", "x<a ", "<a href=\"/x/\">x</a>", "Text &amp; <em>mer</em>",
        "Se <abbr>FN</abbr> och <a href=\"#y\">y</a>", "<<a <a", "Åsa <a\u{301} ", "ÅÄÖ åäö <a \u{1F600}",
        String(repeating: "<ab ", count: 200) + "<a ", "Polisen / Brå", "Polisen /Brå", "a / ", " /",
    ]

    @Test func answersLikeFoundationForASCIINeedles() {
        for text in Self.texts {
            #expect(text.containsASCII("<a ") == text.contains("<a "), "\(text)")
            #expect(text.containsASCII(" / ") == text.contains(" / "), "\(text)")
            #expect(text.containsASCII("{") == text.contains("{"), "\(text)")
        }
        // Found at the very start and end, not when the text stops one byte short.
        #expect("<a ".containsASCII("<a "))
        #expect("xx<a ".containsASCII("<a "))
        #expect(!"xx<a".containsASCII("<a "))
        #expect("".containsASCII(""))
    }

    /// A string without contiguous UTF-8 (bridged or lazily made) takes the copying path.
    @Test func worksOnSubstringsMadeStrings() {
        let whole = "före <a href=\"/\">länk</a> efter"
        let part = String(whole.dropFirst(5).prefix(4))
        #expect(part == "<a h")
        #expect(part.containsASCII("<a "))
        #expect(!String(whole.dropFirst(6)).containsASCII("<a "))
    }

    @Test func containsByteAnswersLikeTheUTF8View() {
        for text in Self.texts + ["^fotnot", "a%20b", "x\\y", "å&amp;"] {
            for byte in [UInt8(ascii: "^"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "<"), 0xC3] {
                #expect(text.containsByte(byte) == text.utf8.contains(byte), "\(text) \(byte)")
                let part = text.dropFirst(1)
                #expect(part.containsByte(byte) == part.utf8.contains(byte), "\(part) \(byte)")
            }
        }
    }

    /// The first and last offsets agree with Foundation's `range(of:)` (forwards and
    /// backwards) on the UTF-8, on text with Swedish letters, combining marks and emoji
    /// around the markup, at the start and the end, repeated and absent.
    @Test func offsetsAgreeWithFoundationsSearch() {
        let needles: [StaticString] = ["<main", "</main>", "<a ", ">"]
        let samples = Self.texts + ["<main id=\"m\">å</main>", "</main>x</main>", "ö<main><main>", "<mai", "e\u{301}</main>\u{1F600}", "</main>", ""]
        for text in samples {
            for needle in needles {
                let name = needle.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
                let first = text.range(of: name).map { text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound) }
                let last = text.range(of: name, options: .backwards).map { text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound) }
                #expect(text.firstUTF8Offset(ofASCII: needle) == first, "\(text) \(name)")
                #expect(text.lastUTF8Offset(ofASCII: needle) == last, "\(text) \(name)")
            }
        }
    }
}
