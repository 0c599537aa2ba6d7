import Foundation

/// Turns the path of a request into a key of the in-memory site, or refuses it.
///
/// The preview never opens a file by a name a client sent: every response comes from the
/// snapshot of rendered files, so a path can only name something the pipeline produced.
/// This is the first line anyway: it decodes percent escapes exactly once and refuses
/// anything that could mean "go up" or smuggle a separator, so `..`, `%2e%2e`, `%2f`,
/// `\`, NUL and broken escapes never reach a lookup.
public enum PathSanitizer {
    public enum Resolved: Equatable, Sendable {
        /// A file path relative to the site root, no leading slash (`moten/index.html`).
        case file(String)
        /// A folder, relative, with a trailing slash, or "" for the root: serve its index.html.
        case folder(String)
        /// Not a path the site can have: answer 404.
        case rejected
    }

    /// The longest request path considered at all.
    public static let maximumLength = 4096

    /// - Parameter target: the request target's path as sent (query and fragment are dropped).
    public static func resolve(_ target: String) -> Resolved {
        var raw = Substring(target)
        if let cut = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<cut] }
        guard raw.utf8.count <= maximumLength, raw.first == "/" else { return .rejected }

        var segments: [String] = []
        let rawSegments = raw.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for rawSegment in rawSegments {
            // Empty segments ("//", the leading slash, a trailing slash) carry no name.
            if rawSegment.isEmpty { continue }
            guard let bytes = percentDecode(rawSegment) else { return .rejected }
            for byte in bytes {
                // Decoded separators, backslashes and control characters are never part of a site path.
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0x7F { return .rejected }
            }
            guard let segment = String(bytes: bytes, encoding: .utf8) else { return .rejected }
            if segment == "." || segment == ".." { return .rejected }
            segments.append(segment)
        }
        let joined = segments.joined(separator: "/")
        if raw.hasSuffix("/") { return .folder(joined.isEmpty ? "" : joined + "/") }
        if joined.isEmpty { return .folder("") }
        return .file(joined)
    }

    /// Percent-decodes once; nil when an escape is malformed.
    static func percentDecode<C: Collection>(_ bytes: C) -> [UInt8]? where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                out.append(high << 4 | low)
            } else {
                out.append(byte)
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
