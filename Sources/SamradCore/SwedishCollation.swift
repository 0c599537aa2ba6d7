/// Sorting as a Swedish reader expects: case-insensitive, å ä ö after z (in that order),
/// other accented letters with their base letter (é with e, ü with y as in Swedish).
public enum SwedishCollation {
    /// A key whose plain lexicographic order is Swedish alphabetical order.
    public static func key(_ s: String) -> [UInt32] {
        var primary: [UInt32] = []
        var tiebreak: [UInt32] = []
        primary.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            let lower = Character(scalar).lowercased().unicodeScalars.first ?? scalar
            primary.append(weight(lower))
            tiebreak.append(scalar.value)
        }
        return primary + [0] + tiebreak
    }

    public static func less(_ a: String, _ b: String) -> Bool {
        key(a).lexicographicallyPrecedes(key(b))
    }

    private static func weight(_ c: Unicode.Scalar) -> UInt32 {
        switch c {
        case "å": return 0x7B + 0x10000
        case "ä", "æ": return 0x7C + 0x10000
        case "ö", "ø": return 0x7D + 0x10000
        case "à", "á", "â", "ã", "ā": return UInt32(("a" as Unicode.Scalar).value) + 0x10000
        case "é", "è", "ê", "ë": return UInt32(("e" as Unicode.Scalar).value) + 0x10000
        case "í", "ì", "î", "ï": return UInt32(("i" as Unicode.Scalar).value) + 0x10000
        case "ó", "ò", "ô", "õ": return UInt32(("o" as Unicode.Scalar).value) + 0x10000
        case "ú", "ù", "û": return UInt32(("u" as Unicode.Scalar).value) + 0x10000
        case "ü", "ý": return UInt32(("y" as Unicode.Scalar).value) + 0x10000
        case "ç": return UInt32(("c" as Unicode.Scalar).value) + 0x10000
        case "ñ": return UInt32(("n" as Unicode.Scalar).value) + 0x10000
        default:
            if c.value < 0x7F {
                // Punctuation and spaces sort before digits and letters, as in a phone book.
                if c.properties.isWhitespace { return 0x10000 + 1 }
                return c.value + 0x10000
            }
            return c.value + 0x20000
        }
    }
}

extension Sequence {
    /// Sorted by a Swedish name, stable for equal names.
    public func sortedSwedish(by name: (Element) -> String) -> [Element] {
        let keyed = self.enumerated().map { (offset: $0.offset, key: SwedishCollation.key(name($0.element)), value: $0.element) }
        return keyed.sorted {
            if $0.key != $1.key { return $0.key.lexicographicallyPrecedes($1.key) }
            return $0.offset < $1.offset
        }.map(\.value)
    }
}
