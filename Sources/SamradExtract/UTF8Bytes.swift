/// Byte-level checks shared by the tag scanners, which walk UTF-8 rather than Characters:
/// they look at every tagged paragraph of every meeting.
enum UTF8Bytes {
    /// Space, tab and the line breaks U+000A–U+000D.
    static func isASCIIWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Where the scalar that ends at `end` starts, not before `floor`.
    static func scalarStart<C: RandomAccessCollection>(in bytes: C, before end: Int, from floor: Int = 0) -> Int
    where C.Element == UInt8, C.Index == Int {
        var start = end - 1
        while start > floor, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }
}
