/// URL slugs and anchor ids: lowercase ASCII letters, digits and hyphens.
/// Swedish letters transliterate as Swedes write them in URLs: å→a, ä→a, ö→o.
public enum Slug {
    public static func make(_ text: String, maxWords: Int = 0) -> String {
        var words: [String] = []
        var current = ""
        for ch in text.lowercased().latinBaseLetters.unicodeScalars {
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

    /// Makes ids unique within one page, in document order, so that an id only changes
    /// when something before it with the same text changes.
    public struct Registry: Sendable {
        private var used: Set<String> = []
        public init(reserved: [String] = []) { used = Set(reserved) }

        public mutating func claim(_ base: String) -> String {
            let base = base.isEmpty ? "avsnitt" : base
            if used.insert(base).inserted { return base }
            var n = 2
            while !used.insert("\(base)-\(n)").inserted { n += 1 }
            return "\(base)-\(n)"
        }

        public func isUsed(_ id: String) -> Bool { used.contains(id) }
    }
}
