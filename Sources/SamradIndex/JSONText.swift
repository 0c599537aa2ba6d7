/// JSON for the messages to Pagefind, built as UTF-8 bytes: a page's HTML is escaped in
/// one pass over its bytes, without Foundation's encoder and its copies.
struct JSONText {
    private(set) var bytes: [UInt8] = []
    /// Per open object: whether the next member is its first (no comma before it).
    private var first: [Bool] = []

    init() { bytes.reserveCapacity(256) }

    /// An object; `fill` adds its members with `field`/`object`.
    mutating func object(_ fill: (inout JSONText) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        first.append(true)
        fill(&self)
        first.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func key(_ name: String) {
        if first.last == false { bytes.append(UInt8(ascii: ",")) }
        if !first.isEmpty { first[first.count - 1] = false }
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func field(_ name: String, _ value: String) {
        key(name)
        appendString(value)
    }

    mutating func field(_ name: String, _ value: Int) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func field(_ name: String, _ values: [String]) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(v)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A member whose value is already JSON.
    mutating func raw(_ name: String, _ json: [UInt8]) {
        key(name)
        bytes.append(contentsOf: json)
    }

    mutating func object(_ name: String, _ fill: (inout JSONText) -> Void) {
        key(name)
        object(fill)
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else
    /// (UTF-8 included) copied as it is.
    mutating func appendString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            bytes.reserveCapacity(bytes.count + utf8.count + 2)
            var start = 0
            for i in 0 ..< utf8.count {
                let c = utf8[i]
                guard c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start ..< i]))
                switch c {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(c >> 4)], Self.hex[Int(c & 15)]])
                }
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start ..< utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
