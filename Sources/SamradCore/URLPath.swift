import Foundation

/// Site paths as they go into `href`, `src`, feeds, sitemaps and data files.
///
/// Output files are named in Unicode NFC (Linux web servers compare file names byte for
/// byte, and links are typed in NFC); every path segment written into a URL is that NFC
/// name percent-encoded as RFC 3986 asks, so that `#`, `?`, `%` and spaces in a file
/// name stay part of the name.
public enum URLPath {
    /// One path segment, percent-encoded: unreserved characters, sub-delimiters, `:` and
    /// `@` stay (RFC 3986 `pchar`), every other byte of its NFC UTF-8 becomes `%XX`.
    /// `"Program möte #2.pdf"` → `"Program%20m%C3%B6te%20%232.pdf"`.
    public static func encodeSegment(_ segment: Substring) -> String {
        if segment.utf8.allSatisfy(isPathChar) { return String(segment) }
        var out = ""
        for byte in String(segment).nfc.utf8 {
            if isPathChar(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                appendEscaped(byte, to: &out)
            }
        }
        return out
    }

    /// A site path ("moten/x/Rapport?v=2.pdf") with each segment encoded; the slashes stay.
    public static func encode(_ path: String) -> String {
        if path.utf8.allSatisfy({ isPathChar($0) || $0 == UInt8(ascii: "/") }) { return path }
        return path.split(separator: "/", omittingEmptySubsequences: false).map(encodeSegment).joined(separator: "/")
    }

    /// A URL written by an author, made valid without changing what it means: characters
    /// that may not appear in a URL at all (spaces, non-ASCII letters, `"`, `<` …) are
    /// percent-encoded, and so is a `%` that does not start an escape. Reserved
    /// characters (`/ ? # &` …) keep their meaning.
    public static func escapeAuthored(_ url: String) -> String {
        let bytes = Array(url.nfc.utf8)
        func isHex(_ b: UInt8) -> Bool { hexValue(b) != nil }
        var needs = false
        for (i, b) in bytes.enumerated() where !isURIChar(b) {
            if b == UInt8(ascii: "%"), i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) { continue }
            needs = true
            break
        }
        guard needs else { return url }
        var out = ""
        for (i, b) in bytes.enumerated() {
            let escapeStart = b == UInt8(ascii: "%") && i + 2 < bytes.count && isHex(bytes[i + 1]) && isHex(bytes[i + 2])
            if isURIChar(b) && (b != UInt8(ascii: "%") || escapeStart) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                appendEscaped(b, to: &out)
            }
        }
        return out
    }

    /// A link or image source from the content as it is written into the page. A
    /// root-relative URL (`/moten/x/`) means the site's root, so it is put under the base
    /// path (`/portal/moten/x/`); one that already starts with the base path is left as
    /// it is. Everything is then made a valid URL (`escapeAuthored`).
    public static func authoredHref(_ url: String, basePath: String) -> String {
        var url = url
        if url.hasPrefix("/") && !url.hasPrefix("//") && basePath != "/" && !url.hasPrefix(basePath) {
            url = basePath + url.dropFirst()
        }
        return escapeAuthored(url)
    }

    /// Percent-decoded bytes as UTF-8, or nil when an escape is malformed (`100%.pdf`)
    /// or the bytes are not UTF-8: a web server answers such a request with an error.
    public static func decode(_ text: Substring) -> String? {
        guard text.containsByte(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%") {
                guard i + 2 < utf8.count, let h = hexValue(utf8[i + 1]), let l = hexValue(utf8[i + 2]) else { return nil }
                bytes.append(h << 4 | l)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    /// `%XX` for one byte, upper-case hex as RFC 3986 recommends.
    private static func appendEscaped(_ byte: UInt8, to out: inout String) {
        out += "%"
        out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
        out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// RFC 3986 `pchar` without `%`: unreserved, sub-delims, ":" and "@".
    static func isPathChar(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
             UInt8(ascii: ":"), UInt8(ascii: "@"):
            true
        default: false
        }
    }

    /// Any character allowed somewhere in a URI reference: `pchar`, the general
    /// delimiters and `%`.
    static func isURIChar(_ b: UInt8) -> Bool {
        isPathChar(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#")
            || b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b == UInt8(ascii: "%")
    }
}

extension String {
    /// The text in Unicode Normalization Form C (composed: "ö" as one code point), as
    /// macOS does not write file names and every Linux web server expects them.
    public var nfc: String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return self }
        return precomposedStringWithCanonicalMapping
    }

    /// Whether the UTF-8 bytes are already NFC. Swift's `==` treats NFC and NFD as
    /// equal, so byte identity has to be asked for explicitly.
    public var isNFC: Bool {
        if utf8.allSatisfy({ $0 < 0x80 }) { return true }
        return utf8.elementsEqual(precomposedStringWithCanonicalMapping.utf8)
    }
}
