/// Checks for the addresses a site's configuration holds (`base_url`, `--base-url`,
/// contact addresses). They are written into every page's links, so one that a URL
/// cannot hold, or that changes what a link means ("//" makes the next segment a host,
/// "javascript:" runs script), would break or subvert the whole published site.
public enum ConfigURLs {
    /// Why `url` cannot be a base URL, or nil when it can. A base URL is an absolute
    /// `http(s)://host[:port]/path/` or a path starting with "/"; its path holds only
    /// characters a URL may carry unescaped, no empty segment, no query or fragment.
    public static func baseURLProblem(_ url: String) -> String? {
        let u = url.trimmed
        guard !u.isEmpty else { return "it is empty" }
        var path = Substring(u)
        let lower = u.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://"), let scheme = u.firstRange(of: "://") {
            let rest = u[scheme.upperBound...]
            let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            let host = rest[..<hostEnd]
            guard !host.isEmpty else { return "it has no host name after the scheme" }
            guard host.unicodeScalars.allSatisfy({ isHostCharacter($0) }) else {
                return "the host name '\(host)' holds characters a host name cannot"
            }
            path = hostEnd == rest.endIndex ? "/" : rest[hostEnd...]
        } else if !u.hasPrefix("/") {
            return "it is neither a full address (https://…) nor a path starting with /"
        }
        if let bad = path.unicodeScalars.first(where: { !isPathCharacter($0) }) {
            return bad == " " ? "it holds a space (write %20)" : "it holds '\(bad)', which a URL path cannot hold as it is (percent-encode it)"
        }
        let bytes = Array(path.utf8)
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "%") {
            guard i + 2 < bytes.count, bytes[i + 1].isHexDigit, bytes[i + 2].isHexDigit else {
                return "it holds a '%' that is not followed by two hexadecimal digits"
            }
        }
        if path.contains("//") { return "it has an empty path segment ('//'), which makes browsers read the next part as a host name" }
        if path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) { return "it has a '.' or '..' segment" }
        return nil
    }

    /// Why `url` cannot be a link readers follow from a page (contact addresses), or nil:
    /// http(s) or mailto, nothing that can close an attribute.
    public static func webOrMailProblem(_ url: String) -> String? {
        let u = url.trimmed
        let lower = u.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else {
            // Name what it starts with: repeating the rule back ("must be … but it must …") does not say what is wrong.
            guard !u.isEmpty else { return "it is empty" }
            if let colon = u.firstIndex(of: ":"), u.distance(from: u.startIndex, to: colon) <= 20 {
                return "it starts with '\(u[...colon])'"
            }
            return "it starts with '\(u.prefix(20))' (no https://, http:// or mailto:)"
        }
        if let bad = u.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>`\\".unicodeScalars.contains($0) }) {
            return bad.value <= 0x20 ? "it holds a space or control character" : "it holds '\(bad)'"
        }
        return nil
    }

    /// Why `address` cannot be an e-mail address (written after "mailto:"), or nil.
    public static func emailProblem(_ address: String) -> String? {
        let a = address.trimmed
        guard let at = a.firstIndex(of: "@"), at != a.startIndex, a.index(after: at) != a.endIndex else { return "it has no '@' between a name and a domain" }
        if let bad = a.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>`\\:;,()[]".unicodeScalars.contains($0) }) {
            return bad.value <= 0x20 ? "it holds a space or control character" : "it holds '\(bad)'"
        }
        return nil
    }

    /// RFC 3986 unreserved, sub-delimiters (without the quote), ':' '@' '/' and '%'.
    static func isPathCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "~", "!", "$", "&", "(", ")", "*", "+", ",", ";", "=", ":", "@", "/", "%":
            return true
        default:
            return false
        }
    }

    static func isHostCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".", ":", "[", "]": return true
        default: return false
        }
    }
}

private extension UInt8 {
    var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
