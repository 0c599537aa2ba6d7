extension String {
    /// Lowercased with diacritics removed ("Sveriges Kristna Råd" → "sveriges kristna rad"),
    /// whitespace collapsed. Used to match names as people type them.
    public var foldedForMatching: String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in self.lowercased().latinBaseLetters.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.properties.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            out.append(scalar)
            lastWasSpace = false
        }
        var result = String(out)
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// Trimmed of spaces and newlines at both ends.
    public var trimmed: String {
        // Nearly always the text begins and ends with a visible ASCII character: nothing to
        // copy. Such a byte is a Character's first scalar at the start, and at the end a
        // Character of its own (no ASCII letter or sign joins what precedes it), so neither
        // end is whitespace. Every heading, label and list item of every meeting comes here.
        if let first = utf8.first, first > 0x20, first < 0x7F, let last = utf8.last, last > 0x20, last < 0x7F { return self }
        return trimmedCharacters
    }

    /// `trimmed` the slow way, Character by Character: what the fast path must equal.
    var trimmedCharacters: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// Trimmed of spaces and newlines at the end only.
    public var trimmingTrailingWhitespace: String {
        // Nearly always the text ends in a visible ASCII character: nothing to copy.
        if let last = utf8.last, last > 0x20, last < 0x7F { return self }
        var s = Substring(self)
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// Accented Latin letters replaced by their base letters, without Foundation.
extension String {
    public var latinBaseLetters: String {
        // Swift's String has no public NFD API without Foundation; fold the common Latin
        // letters explicitly and leave others as they are. This covers Swedish, Nordic,
        // German, French and Spanish names, which is what organisation lists hold.
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            // ASCII is most of any text and has nothing to fold: no table look-up.
            if scalar.isASCII {
                out.append(scalar)
            } else if let base = latinBase[scalar] {
                out.append(contentsOf: base.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

let latinBase: [Unicode.Scalar: String] = {
    let pairs: [(String, String)] = [
        ("àáâãäåā", "a"), ("ç", "c"), ("èéêëē", "e"), ("ìíîïī", "i"), ("ñ", "n"),
        ("òóôõöøō", "o"), ("ùúûüū", "u"), ("ýÿ", "y"), ("æ", "ae"), ("ß", "ss"),
        ("ÀÁÂÃÄÅĀ", "A"), ("Ç", "C"), ("ÈÉÊËĒ", "E"), ("ÌÍÎÏĪ", "I"), ("Ñ", "N"),
        ("ÒÓÔÕÖØŌ", "O"), ("ÙÚÛÜŪ", "U"), ("Ý", "Y"), ("Æ", "AE"),
    ]
    var map: [Unicode.Scalar: String] = [:]
    for (letters, base) in pairs {
        for s in letters.unicodeScalars { map[s] = base }
    }
    return map
}()

/// Folded names remembered for the life of the process: the same participant and theme
/// names recur in every meeting and in every preview rebuild.
private let foldCache = Memo<String, String>(limit: 200_000)

extension String {
    /// `foldedForMatching`, remembered.
    public var foldedForMatchingCached: String { foldCache.value(self) { foldedForMatching } }
}
