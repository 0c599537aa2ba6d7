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

    private static func padding(_ level: Int) -> String {
        level < pads.count ? pads[level] : String(repeating: "  ", count: level)
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escaping at all: append them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
