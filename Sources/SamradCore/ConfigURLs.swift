/// Checks for the addresses a site's configuration holds (`base_url`, `--base-url`,
/// contact addresses). They are written into every page's links, so one that a URL
/// cannot hold, or that changes what a link means ("//" makes the next segment a host,
/// "javascript:" runs script), would break or subvert the whole published site.
public enum ConfigURLs {
    /// Why an address cannot be used, as a catalogue key (`diag_url_…`) with its values.
    public struct Problem: Sendable, Equatable {
        public let key: String
        public let values: [String: String]
        init(_ key: String, _ values: [String: String] = [:]) { (self.key, self.values) = (key, values) }
        /// The reason in English ("it is empty").
        public var english: String { Catalogue.english.text(key, values) }
        /// As values of a diagnostic whose message says `{problem}`.
        public var asReason: [String: String] { values.merging(["problem_key": key]) { a, _ in a } }
    }

    /// Why `url` cannot be a base URL, in English, or nil when it can.
    public static func baseURLProblem(_ url: String) -> String? { baseURLProblemKey(url)?.english }
    /// Why `url` cannot be a link readers follow, in English, or nil.
    public static func webOrMailProblem(_ url: String) -> String? { webOrMailProblemKey(url)?.english }
    /// Why `address` cannot be an e-mail address, in English, or nil.
    public static func emailProblem(_ address: String) -> String? { emailProblemKey(address)?.english }

    /// Why `url` cannot be a base URL, or nil when it can. A base URL is an absolute
    /// `http(s)://host[:port]/path/` or a path starting with "/"; its path holds only
    /// characters a URL may carry unescaped, no empty segment, no query or fragment.
    public static func baseURLProblemKey(_ url: String) -> Problem? {
        let u = url.trimmed
        guard !u.isEmpty else { return Problem("diag_url_empty") }
        var path = Substring(u)
        let lower = u.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://"), let scheme = u.firstRange(of: "://") {
            let rest = u[scheme.upperBound...]
            let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            let host = rest[..<hostEnd]
            guard !host.isEmpty else { return Problem("diag_url_no_host") }
            guard host.unicodeScalars.allSatisfy({ isHostCharacter($0) }) else {
                return Problem("diag_url_bad_host", ["host": String(host)])
            }
            path = hostEnd == rest.endIndex ? "/" : rest[hostEnd...]
        } else if !u.hasPrefix("/") {
            return Problem("diag_url_not_address")
        }
        if let bad = path.unicodeScalars.first(where: { !isPathCharacter($0) }) {
            return bad == " " ? Problem("diag_url_space") : Problem("diag_url_bad_character", ["character": String(bad)])
        }
        let bytes = Array(path.utf8)
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "%") {
            guard i + 2 < bytes.count, bytes[i + 1].isHexDigit, bytes[i + 2].isHexDigit else {
                return Problem("diag_url_bad_percent")
            }
        }
        if path.contains("//") { return Problem("diag_url_empty_segment") }
        if path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) { return Problem("diag_url_dot_segment") }
        return nil
    }

    /// Why `url` cannot be a link readers follow from a page (contact addresses), or nil:
    /// http(s) or mailto, nothing that can close an attribute.
    public static func webOrMailProblemKey(_ url: String) -> Problem? {
        let u = url.trimmed
        let lower = u.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else {
            // Name what it starts with: repeating the rule back ("must be … but it must …") does not say what is wrong.
            guard !u.isEmpty else { return Problem("diag_url_empty") }
            if let colon = u.firstIndex(of: ":"), u.distance(from: u.startIndex, to: colon) <= 20 {
                return Problem("diag_url_starts_with", ["start": String(u[...colon])])
            }
            return Problem("diag_url_no_scheme", ["start": String(u.prefix(20))])
        }
        if let bad = u.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>`\\".unicodeScalars.contains($0) }) {
            return bad.value <= 0x20 ? Problem("diag_url_control") : Problem("diag_url_holds", ["character": String(bad)])
        }
        return nil
    }

    /// Why `address` cannot be an e-mail address (written after "mailto:"), or nil.
    public static func emailProblemKey(_ address: String) -> Problem? {
        let a = address.trimmed
        guard let at = a.firstIndex(of: "@"), at != a.startIndex, a.index(after: at) != a.endIndex else { return Problem("diag_email_no_at") }
        if let bad = a.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>`\\:;,()[]".unicodeScalars.contains($0) }) {
            return bad.value <= 0x20 ? Problem("diag_url_control") : Problem("diag_url_holds", ["character": String(bad)])
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
