/// Byte-level checks shared by the tag scanners, which walk UTF-8 rather than Characters:
/// they look at every tagged paragraph of every meeting.
enum UTF8Bytes {
    /// Space, tab and the line breaks U+000A–U+000D.
    static func isASCIIWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// How many Characters the UTF-8 `bytes[from..<to]` holds, as `String.count` counts them.
    /// Scalars below U+0100 other than CR each make a Character of their own (none of them
    /// extends, joins or prepends in Unicode's grapheme rules; only CR LF pairs up), so such
    /// text is counted by its scalars' lead bytes. Anything else is counted by `String`.
    /// Tag columns are counted from the line start, over whole lines of Swedish prose.
    static func characterCount<C: RandomAccessCollection>(_ bytes: C, from: Int, to: Int) -> Int
    where C.Element == UInt8, C.Index == Int {
        guard to > from else { return 0 }
        var scalars = 0
        // A C2/C3 lead byte waiting for its continuation byte.
        var pending = false
        var i = from
        while i < to {
            let b = bytes[i]
            if pending {
                guard b & 0xC0 == 0x80 else { break }
                pending = false
            } else if b < 0x80 && b != 0x0D {
                scalars += 1
            } else if b == 0xC2 || b == 0xC3 {
                scalars += 1
                pending = true
            } else {
                break
            }
            i += 1
        }
        if i == to && !pending { return scalars }
        return String(decoding: bytes[from..<to], as: UTF8.self).count
    }

    /// The scalars of valid UTF-8 that holds only scalars below U+0100 other than CR, or -1
    /// for anything else. Where it is not -1, each scalar is a Character of its own (see
    /// `characterCount`, which takes the same fast path).
    static func latin1ScalarCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var scalars = 0
        var pending = false
        for byte in b {
            if pending {
                guard byte & 0xC0 == 0x80 else { return -1 }
                pending = false
            } else if byte < 0x80 && byte != 0x0D {
                scalars += 1
            } else if byte == 0xC2 || byte == 0xC3 {
                scalars += 1
                pending = true
            } else {
                return -1
            }
        }
        return pending ? -1 : scalars
    }

    /// Where the scalar that ends at `end` starts, not before `floor`.
    static func scalarStart<C: RandomAccessCollection>(in bytes: C, before end: Int, from floor: Int = 0) -> Int
    where C.Element == UInt8, C.Index == Int {
        var start = end - 1
        while start > floor, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }
}
