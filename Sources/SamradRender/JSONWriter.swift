/// A JSON value with object keys in the order given, serialised the same way every time.
/// Output is safe to embed in a `<script>` element: `<`, `>` and `&` are escaped.
public indirect enum JSON: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    public static func str(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }

    public func serialized(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        write(into: &out, indent: pretty ? 0 : -1)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(into out: inout [UInt8], indent: Int) {
        let pretty = indent >= 0
        switch self {
        case .string(let s): JSON.escape(s, into: &out)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSON.newline(indent + 1, into: &out) }
                item.write(into: &out, indent: pretty ? indent + 1 : -1)
            }
            if pretty { JSON.newline(indent, into: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            if fields.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in fields.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSON.newline(indent + 1, into: &out) }
                JSON.escape(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, indent: pretty ? indent + 1 : -1)
            }
            if pretty { JSON.newline(indent, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A line break and two spaces per level.
    static func newline(_ level: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// Appends `s` as a JSON string literal. Works on the UTF-8 bytes: most strings need
    /// no escaping and are copied whole; otherwise the runs between escapes are.
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = s
        text.withUTF8 { bytes in
            var run = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                var width = 1
                let replacement: StaticString?
                switch b {
                case 0x22: replacement = "\\\""
                case 0x5C: replacement = "\\\\"
                case 0x0A: replacement = "\\n"
                case 0x0D: replacement = "\\r"
                case 0x09: replacement = "\\t"
                case 0x3C: replacement = "\\u003c"
                case 0x3E: replacement = "\\u003e"
                case 0x26: replacement = "\\u0026"
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    replacement = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                case 0..<0x20:
                    replacement = nil
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    let hex = Array(String(b, radix: 16).utf8)
                    out.append(contentsOf: "\\u".utf8)
                    out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 4 - hex.count))
                    out.append(contentsOf: hex)
                    i += 1
                    run = i
                    continue
                default:
                    replacement = nil
                }
                if let replacement {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                    i += width
                    run = i
                } else {
                    i += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// Writes JSON as it goes: the open data files hold every meeting, question and idea,
/// and building a `JSON` tree for tens of thousands of records first cost more than
/// writing them. Bytes, not a `String`: appending to a string keeps its character count
/// and flags up to date on every call.
struct JSONStream {
    /// `.pretty` is `JSON.serialized()`'s layout (two spaces a level). `.recordPerLine`
    /// puts each member of the outermost array or object on a line of its own and writes
    /// everything inside it without spaces: the open data stay readable record by record
    /// and diff line by line, at about 15 % fewer bytes than indented JSON.
    enum Layout: Sendable { case pretty, recordPerLine }

    private(set) var bytes: [UInt8] = []
    /// One entry per open array or object: how many members it has so far.
    private var counts: [Int] = []
    private var keyed = false
    private let layout: Layout

    init(capacity: Int = 0, layout: Layout = .pretty) {
        self.layout = layout
        bytes.reserveCapacity(capacity)
    }

    /// Whether a line break goes before a member (and the closing bracket) at nesting `depth`.
    private func breaks(_ depth: Int) -> Bool { layout == .pretty || depth == 1 }

    mutating func beginArray() { value(); bytes.append(UInt8(ascii: "[")); counts.append(0) }
    mutating func endArray() { close(UInt8(ascii: "]")) }
    mutating func beginObject() { value(); bytes.append(UInt8(ascii: "{")); counts.append(0) }
    mutating func endObject() { close(UInt8(ascii: "}")) }

    /// An object member's key; its value follows.
    mutating func key(_ name: String) {
        member()
        JSON.escape(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if layout == .pretty { bytes.append(UInt8(ascii: " ")) }
        keyed = true
    }

    mutating func string(_ s: String) { value(); JSON.escape(s, into: &bytes) }
    mutating func string(_ s: String?) { if let s { string(s) } else { null() } }
    mutating func int(_ n: Int) { value(); bytes.append(contentsOf: String(n).utf8) }
    mutating func bool(_ b: Bool) { value(); bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    mutating func null() { value(); bytes.append(contentsOf: "null".utf8) }

    mutating func strings(_ list: [String]) {
        beginArray()
        for s in list { string(s) }
        endArray()
    }

    mutating func field(_ name: String, _ s: String) { key(name); string(s) }
    mutating func field(_ name: String, _ s: String?) { key(name); string(s) }
    mutating func field(_ name: String, _ n: Int) { key(name); int(n) }
    mutating func field(_ name: String, _ b: Bool) { key(name); bool(b) }
    mutating func field(_ name: String, _ list: [String]) { key(name); strings(list) }

    /// Before a value: a value right after its key is in place already; otherwise it is
    /// a new array element (or the top-level value).
    private mutating func value() {
        if keyed { keyed = false; return }
        member()
    }

    private mutating func member() {
        guard let last = counts.indices.last else { return }
        if counts[last] > 0 { bytes.append(UInt8(ascii: ",")) }
        counts[last] += 1
        if breaks(counts.count) { JSON.newline(layout == .pretty ? counts.count : 0, into: &bytes) }
    }

    private mutating func close(_ bracket: UInt8) {
        let depth = counts.count
        guard let n = counts.popLast() else { return }
        if n > 0, breaks(depth) { JSON.newline(layout == .pretty ? counts.count : 0, into: &bytes) }
        bytes.append(bracket)
    }
}
