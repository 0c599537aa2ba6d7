/// Byte-level checks shared by the tag scanners, which walk UTF-8 rather than Characters:
/// they look at every tagged paragraph of every meeting.
enum UTF8Bytes {
    /// Space, tab and the line breaks U+000A–U+000D.
    static func isASCIIWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// How many Characters the UTF-8 `bytes[from..<to]` holds, as `String.count` counts them:
    /// by `latin1Scalars` where it can, else by `String`. Tag columns are counted from the
    /// line start, over whole lines of Swedish prose.
    static func characterCount<C: RandomAccessCollection>(_ bytes: C, from: Int, to: Int) -> Int
    where C.Element == UInt8, C.Index == Int {
        guard to > from else { return 0 }
        if let scalars = latin1Scalars(bytes, from: from, to: to) { return scalars }
        return String(decoding: bytes[from..<to], as: UTF8.self).count
    }

    /// The scalars of `bytes[from..<to]` when it is valid UTF-8 of scalars below U+0100
    /// other than CR, else nil. Each such scalar is a Character of its own (none of them
    /// extends, joins or prepends in Unicode's grapheme rules; only CR LF pairs up), so
    /// this is also the text's Character count.
    static func latin1Scalars<C: RandomAccessCollection>(_ bytes: C, from: Int, to: Int) -> Int?
    where C.Element == UInt8, C.Index == Int {
        var scalars = 0
        // A C2/C3 lead byte waiting for its continuation byte.
        var pending = false
        var i = from
        while i < to {
            let b = bytes[i]
            if pending {
                guard b & 0xC0 == 0x80 else { return nil }
                pending = false
            } else if b < 0x80 && b != 0x0D {
                scalars += 1
            } else if b == 0xC2 || b == 0xC3 {
                scalars += 1
                pending = true
            } else {
                return nil
            }
            i += 1
        }
        return pending ? nil : scalars
    }

    /// Where the scalar that ends at `end` starts, not before `floor`.
    static func scalarStart<C: RandomAccessCollection>(in bytes: C, before end: Int, from floor: Int = 0) -> Int
    where C.Element == UInt8, C.Index == Int {
        var start = end - 1
        while start > floor, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }
}
