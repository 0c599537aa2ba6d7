extension String {
    /// Escaped for HTML text and attribute values.
    public var htmlEscaped: String {
        if !needsHTMLEscaping { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for ch in unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// Which link targets may appear in published pages. Content is written by many hands;
/// a pasted `javascript:` link must never become a live script on the portal.
public enum URLSafety {
    public static func isSafe(_ url: String) -> Bool {
        let trimmed = url.trimmed
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
        let compact = String(trimmed.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).lowercased()
        guard let colon = compact.firstIndex(of: ":") else { return true }
        let scheme = compact[..<colon]
        if scheme.contains("/") || scheme.contains("?") || scheme.contains("#") { return true }
        return ["http", "https", "mailto", "tel"].contains(String(scheme))
    }

    /// True for links that stay inside the site (relative paths and fragments).
    public static func isRelative(_ url: String) -> Bool {
        let compact = url.trimmed.lowercased()
        if compact.hasPrefix("//") { return false }
        guard let colon = compact.firstIndex(of: ":") else { return true }
        let scheme = compact[..<colon]
        return scheme.contains("/") || scheme.contains("?") || scheme.contains("#")
    }
}

/// Appends `text` HTML-escaped (the five characters `htmlEscaped` escapes) without a
/// copy when it needs none, which is nearly always.
public func appendHTMLEscaped(_ text: String, to out: inout String) {
    out += text.needsHTMLEscaping ? text.htmlEscaped : text
}

extension String {
    /// Whether any of & < > " ' occurs; scanned over the contiguous UTF-8 when there is
    /// one, which is every string the build makes.
    var needsHTMLEscaping: Bool {
        func special(_ u: UInt8) -> Bool { u == 0x26 || u == 0x3C || u == 0x3E || u == 0x22 || u == 0x27 }
        return utf8.withContiguousStorageIfAvailable { $0.contains(where: special) } ?? utf8.contains(where: special)
    }
}
