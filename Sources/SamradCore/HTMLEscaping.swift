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
        utf8.withContiguousStorageIfAvailable(HTMLSpecials.any(in:)) ?? utf8.contains(where: HTMLSpecials.isSpecial)
    }
}

/// The five bytes `htmlEscaped` replaces: & < > " '.
enum HTMLSpecials {
    static func isSpecial(_ u: UInt8) -> Bool { u == 0x26 || u == 0x3C || u == 0x3E || u == 0x22 || u == 0x27 }

    /// Whether `bytes` holds one of the five, looked for eight bytes at a time: every
    /// text of every page is asked this (about 1 % of a build's CPU byte by byte).
    /// `x` has a zero byte exactly when `(x - 0x01…01) & ~x & 0x80…80` is not zero, and
    /// `w ^ c…c` has one where `w` has the byte `c`. `'` (0x27) and `&` (0x26) differ only
    /// in the lowest bit, `<` (0x3C) and `>` (0x3E) only in the second, so setting that
    /// bit first finds both with one test.
    static func any(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let n = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        var i = 0
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if hasZeroByte(w ^ (0x22 &* ones)) || hasZeroByte((w | ones) ^ (0x27 &* ones))
                || hasZeroByte((w | (0x02 &* ones)) ^ (0x3E &* ones)) { return true }
            i += 8
        }
        while i < n {
            if isSpecial(base[i]) { return true }
            i += 1
        }
        return false
    }
}
