import Foundation

/// URL slugs and anchor ids: lowercase ASCII letters, digits and hyphens.
/// Swedish letters transliterate as Swedes write them in URLs: å→a, ä→a, ö→o; other
/// scripts (Cyrillic, Greek, Arabic, …) are transliterated to Latin letters by ICU
/// ("Москва" → moskva), so that every name gets an address of its own that reads.
public enum Slug {
    public static func make(_ text: String, maxWords: Int = 0) -> String {
        if let slug = latinSlug(text, maxWords: maxWords) { return slug }
        var words: [String] = []
        var current = ""
        let latin = needsTransliteration(text) ? transliterated(text) : text
        for ch in latin.lowercased().latinBaseLetters.unicodeScalars {
            if (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") {
                current.unicodeScalars.append(ch)
            } else if !ch.isASCII, ch.properties.generalCategory == .nonspacingMark {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        if maxWords > 0 && words.count > maxWords { words = Array(words.prefix(maxWords)) }
        return words.joined(separator: "-")
    }

    /// `make` in one pass for text of ASCII and the Latin letters `latinBaseLetters`
    /// folds (nearly every heading and label): no lowercased or folded copies of the
    /// text. nil for any other letter, which `make` handles the long way.
    static func latinSlug(_ text: String, maxWords: Int) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var words = 0
        var inWord = false
        func add(_ byte: UInt8) -> Bool {
            if !inWord {
                if maxWords > 0 && words == maxWords { return false }
                if words > 0 { out.append(UInt8(ascii: "-")) }
                words += 1
                inWord = true
            }
            out.append(byte)
            return true
        }
        scalars: for scalar in text.unicodeScalars {
            if scalar.isASCII {
                var b = UInt8(scalar.value)
                if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { b += 32 }
                if (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) {
                    if !add(b) { break scalars }
                } else {
                    inWord = false
                }
            } else if let base = latinBase[scalar] {
                for var b in base.utf8 {
                    if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { b += 32 }
                    if !add(b) { break scalars }
                }
            } else {
                return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `make`, never empty: a name with no letter or digit in any script (emoji, signs)
    /// gets `prefix-` and a hash of its text, which only that text gives.
    public static func stable(_ text: String, maxWords: Int = 0, prefix: String) -> String {
        let slug = make(text, maxWords: maxWords)
        if !slug.isEmpty { return slug }
        // FNV-1a over the NFC bytes: the same on every run and machine, unlike `hashValue`.
        var hash: UInt32 = 2_166_136_261
        for byte in text.nfc.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(hash, radix: 16)
        return "\(prefix)-\(String(repeating: "0", count: 8 - hex.count))\(hex)"
    }

    /// Whether the text holds a letter outside the Latin blocks `latinBaseLetters` knows.
    static func needsTransliteration(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value >= 0x250 && $0.properties.isAlphabetic }
    }

    /// Latin letters for any script, diacritics removed; the text itself if ICU cannot.
    static func transliterated(_ text: String) -> String {
        let latin = text.applyingTransform(.toLatin, reverse: false) ?? text
        return latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
    }

    /// Makes ids unique within one page, in document order, so that an id only changes
    /// when something before it with the same text changes.
    public struct Registry: Sendable {
        private var used: Set<String> = []
        /// The next number to try per base: every lower one is taken, and stays taken,
        /// so n headings with one text cost n claims, not n²/2.
        private var next: [String: Int] = [:]
        public init(reserved: [String] = []) { used = Set(reserved) }

        public mutating func claim(_ base: String) -> String {
            let base = base.isEmpty ? "avsnitt" : base
            if used.insert(base).inserted { return base }
            var n = next[base] ?? 2
            while !used.insert("\(base)-\(n)").inserted { n += 1 }
            next[base] = n + 1
            return "\(base)-\(n)"
        }

        public func isUsed(_ id: String) -> Bool { used.contains(id) }
    }
}
