import Foundation

/// Alphabetical order in the site's language (`language:` in site.yml). Swedish and
/// Finnish readers look for å, ä and ö after z (`SwedishCollation`); an English (or
/// any other) reader looks for "Älvsbyn" among the a's, so there letters with
/// diacritics sort with their base letter. Both are case-insensitive first; ties are
/// broken by the exact code points, so the order never depends on the input order.
public struct Collation: Sendable, Equatable {
    public enum Order: Sendable, Equatable {
        /// å ä ö after z, in that order (Swedish, Finnish).
        case swedish
        /// Every letter with its base letter: ä and å with a, ö and ø with o.
        case baseLetters
    }

    public let order: Order

    public init(order: Order) { self.order = order }

    /// The collation of a language code from site.yml ("sv", "sv-SE", "en", "fi" …).
    public init(language: String) {
        let code = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        order = code == "sv" || code == "fi" ? .swedish : .baseLetters
    }

    public static let swedish = Collation(order: .swedish)
    public static let english = Collation(order: .baseLetters)

    /// A key whose plain lexicographic order is this collation's alphabetical order.
    public func key(_ s: String) -> [UInt32] {
        switch order {
        case .swedish: SwedishCollation.key(s)
        case .baseLetters: Self.baseLetterKey(s)
        }
    }

    public func less(_ a: String, _ b: String) -> Bool {
        key(a).lexicographicallyPrecedes(key(b))
    }

    /// The letter a name is listed under in an index, upper case: "Ä" for "Älvsbyn" in
    /// Swedish, where Ä is a letter of its own after Z, "A" in English, where the name
    /// sorts among the A's (a heading of its own would split the A's in two).
    public func initial(_ name: String) -> String {
        guard let first = name.unicodeScalars.first else { return "" }
        if order == .baseLetters, first.value >= Self.latinStart, first.value < Self.latinStart + UInt32(Self.latinBase.count) {
            let base = Self.latinBase[Int(first.value - Self.latinStart)]
            if base != 0, let scalar = Unicode.Scalar(base - 0x20) { return String(Character(scalar)) }
        }
        return String(name.prefix(1)).uppercased()
    }

    static func baseLetterKey(_ s: String) -> [UInt32] {
        var primary: [UInt32] = []
        var tiebreak: [UInt32] = []
        primary.reserveCapacity(s.unicodeScalars.count)
        tiebreak.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            primary.append(baseWeight(scalar))
            tiebreak.append(scalar.value)
        }
        return primary + [0] + tiebreak
    }

    /// ASCII as in `SwedishCollation` (punctuation, digits, then letters, case folded);
    /// a Latin letter with diacritics weighs as its base letter; anything else after.
    private static func baseWeight(_ c: Unicode.Scalar) -> UInt32 {
        let v = c.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return v + 0x20 + 0x10000 }
            if c.properties.isWhitespace { return 0x10000 + 1 }
            return v + 0x10000
        }
        if v >= latinStart && v < latinStart + UInt32(latinBase.count) {
            let base = latinBase[Int(v - latinStart)]
            if base != 0 { return base + 0x10000 }
        }
        return v + 0x20000
    }

    private static let latinStart: UInt32 = 0xC0

    /// The lower-case ASCII base letter of each scalar from U+00C0 to U+024F (Latin-1
    /// Supplement and Latin Extended-A/B), 0 where there is none. Made once from the
    /// canonical decomposition, plus the letters that have none (ø, æ, ß, đ, ł …), so a
    /// key costs a table look-up per letter.
    private static let latinBase: [UInt32] = {
        let extra: [Unicode.Scalar: Unicode.Scalar] = [
            "ø": "o", "Ø": "o", "æ": "a", "Æ": "a", "œ": "o", "Œ": "o", "ß": "s", "đ": "d", "Đ": "d",
            "ł": "l", "Ł": "l", "ð": "d", "Ð": "d", "þ": "t", "Þ": "t", "ħ": "h", "Ħ": "h", "ı": "i",
        ]
        return (latinStart ..< 0x250).map { value -> UInt32 in
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            if let base = extra[scalar] { return base.value }
            guard let first = String(scalar).decomposedStringWithCanonicalMappingScalars.first else { return 0 }
            switch first.value {
            case 0x41 ... 0x5A: return first.value + 0x20
            case 0x61 ... 0x7A: return first.value
            default: return 0
            }
        }
    }()
}

private extension String {
    var decomposedStringWithCanonicalMappingScalars: String.UnicodeScalarView {
        decomposedStringWithCanonicalMapping.unicodeScalars
    }
}

extension Sequence {
    /// Sorted by a name in `collation`'s order, stable for equal names.
    public func sorted(by name: (Element) -> String, _ collation: Collation) -> [Element] {
        let keyed = self.enumerated().map { (offset: $0.offset, key: collation.key(name($0.element)), value: $0.element) }
        return keyed.sorted {
            if $0.key != $1.key { return $0.key.lexicographicallyPrecedes($1.key) }
            return $0.offset < $1.offset
        }.map(\.value)
    }
}
