import SamradCore

/// Character-level clean-up of text from PDF copies: ligatures, non-breaking and odd spaces,
/// soft hyphens, and the private-use glyphs PDF fonts use for bullets.
enum TextNormalizer {
    /// The line with ligatures spelt out, non-breaking spaces as spaces and invisible
    /// characters removed. Leading spaces are kept (they can mark a page start).
    static func normalize(_ line: String) -> String {
        var out = ""
        out.reserveCapacity(line.utf8.count)
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0xFB00: out += "ff"
            case 0xFB01: out += "fi"
            case 0xFB02: out += "fl"
            case 0xFB03: out += "ffi"
            case 0xFB04: out += "ffl"
            case 0xFB05, 0xFB06: out += "st"
            case 0x00A0, 0x202F, 0x2007, 0x2009, 0x200A, 0x0009: out += " "
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0xFEFF, 0x000D: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Glyphs that open a list item in text pulled from a PDF: real bullets, the Symbol and
    /// Wingdings private-use code points Word exports, and the replacement character that a
    /// lost bullet glyph becomes.
    static func isBulletGlyph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2022, 0x25CF, 0x25AA, 0x25A0, 0x25E6, 0x25CB, 0x00B7, 0x2023, 0x2043, 0x2219, 0x27A2, 0x2713, 0xFFFD: true
        case 0xF000...0xF0FF: true
        default: false
        }
    }

    /// The text after a list marker when the line is a list item: a bullet glyph, or `-`, `*`
    /// or `–` followed by a space. Nil when the line is not a list item.
    static func bulletItem(_ trimmedLine: String) -> String? {
        guard let first = trimmedLine.unicodeScalars.first else { return nil }
        if isBulletGlyph(first) {
            let rest = String(trimmedLine.unicodeScalars.dropFirst())
            let text = rest.trimmed
            return text.isEmpty ? nil : text
        }
        for marker in ["- ", "* ", "– ", "+ "] where trimmedLine.hasPrefix(marker) {
            let text = String(trimmedLine.dropFirst(marker.count)).trimmed
            return text.isEmpty ? nil : text
        }
        return nil
    }

    /// "I N L E D N I N G" or "O M  M Ö T E T" (letters apart, words two spaces apart) as
    /// "Inledning" / "Om mötet"; nil for any other line.
    static func spacedOutHeading(_ trimmedLine: String) -> String? {
        let words = trimmedLine.split(separator: "  ", omittingEmptySubsequences: true)
        var letters = 0
        var joined: [String] = []
        for word in words {
            let parts = word.split(separator: " ")
            guard parts.allSatisfy({ $0.count == 1 && ($0.first?.isLetter ?? false) }) else { return nil }
            letters += parts.count
            joined.append(parts.joined())
        }
        guard letters >= 4, words.contains(where: { $0.split(separator: " ").count >= 3 }) else { return nil }
        let text = joined.joined(separator: " ").lowercased()
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}

extension String {
    /// The first letter (skipping quotes, brackets and dashes) is lower case.
    var startsLowercase: Bool {
        for c in self {
            if c.isLetter { return c.isLowercase }
            if c.isNumber { return false }
        }
        return false
    }

    var startsUppercaseOrDigit: Bool {
        guard let c = first(where: { !"\"'”“«(*_".contains($0) }) else { return false }
        return c.isUppercase || c.isNumber
    }

    /// Ends a sentence: `.`, `!`, `?`, `:` or `…`, perhaps followed by a quote or bracket.
    var endsSentence: Bool {
        var s = Substring(trimmed)
        while let l = s.last, "\"'”“»)*_".contains(l) { s.removeLast() }
        guard let l = s.last else { return false }
        return ".!?:…".contains(l)
    }
}
