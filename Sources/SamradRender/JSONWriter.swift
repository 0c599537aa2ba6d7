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
        var out = ""
        write(into: &out, indent: pretty ? 0 : -1)
        return out
    }

    private func write(into out: inout String, indent: Int) {
        let pretty = indent >= 0
        let pad = pretty ? JSON.padding(indent + 1) : ""
        let closePad = pretty ? JSON.padding(indent) : ""
        switch self {
        case .string(let s): JSON.escape(s, into: &out)
        case .int(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += pretty ? "[\n" : "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += pretty ? ",\n" : "," }
                out += pad
                item.write(into: &out, indent: pretty ? indent + 1 : -1)
            }
            out += pretty ? "\n\(closePad)]" : "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += pretty ? "{\n" : "{"
            for (i, (key, value)) in fields.enumerated() {
                if i > 0 { out += pretty ? ",\n" : "," }
                out += pad
                JSON.escape(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, indent: pretty ? indent + 1 : -1)
            }
            out += pretty ? "\n\(closePad)}" : "}"
        }
    }

    /// Indentation strings made once: the writer asks for one at every value.
    private static let pads = (0..<16).map { String(repeating: "  ", count: $0) }

    static func padding(_ level: Int) -> String {
        level < pads.count ? pads[level] : String(repeating: "  ", count: level)
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escaping at all: append them whole. Otherwise copy the runs
        // between the bytes that need it.
        var text = s
        let copied = text.withUTF8 { bytes -> Bool in
            var run = 0
            var i = 0
            func flush(_ end: Int) {
                if end > run { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[run..<end]), as: UTF8.self) }
            }
            while i < bytes.count {
                let b = bytes[i]
                let replacement: String?
                var width = 1
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
                    let hex = String(b, radix: 16)
                    replacement = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default:
                    replacement = nil
                }
                if let replacement {
                    flush(i)
                    out += replacement
                    i += width
                    run = i
                } else {
                    i += 1
                }
            }
            guard run > 0 else { return false }
            flush(bytes.count)
            return true
        }
        if !copied { out += s }
        out += "\""
    }
}

/// Writes JSON as it goes, in the same layout as `JSON.serialized()`: the open data
/// files hold every meeting, question and idea, and building a `JSON` tree for tens of
/// thousands of records first cost more than writing them.
struct JSONStream {
    private(set) var out = ""
    /// One entry per open array or object: how many members it has so far.
    private var counts: [Int] = []

    init(capacity: Int = 0) { out.reserveCapacity(capacity) }

    mutating func beginArray() { value(); out += "["; counts.append(0) }
    mutating func endArray() { close("]") }
    mutating func beginObject() { value(); out += "{"; counts.append(0) }
    mutating func endObject() { close("}") }

    /// An object member's key; its value follows.
    mutating func key(_ name: String) {
        member()
        JSON.escape(name, into: &out)
        out += ": "
        keyed = true
    }

    mutating func string(_ s: String) { value(); JSON.escape(s, into: &out) }
    mutating func string(_ s: String?) { if let s { string(s) } else { null() } }
    mutating func int(_ n: Int) { value(); out += String(n) }
    mutating func bool(_ b: Bool) { value(); out += b ? "true" : "false" }
    mutating func null() { value(); out += "null" }

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

    private var keyed = false

    /// Before a value: a value right after its key is in place already; otherwise it is
    /// a new array element (or the top-level value).
    private mutating func value() {
        if keyed { keyed = false; return }
        member()
    }

    private mutating func member() {
        guard let last = counts.indices.last else { return }
        out += counts[last] == 0 ? "\n" : ",\n"
        counts[last] += 1
        out += JSON.padding(counts.count)
    }

    private mutating func close(_ bracket: String) {
        guard let n = counts.popLast() else { return }
        if n > 0 {
            out += "\n"
            out += JSON.padding(counts.count)
        }
        out += bracket
    }
}
