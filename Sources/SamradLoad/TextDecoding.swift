import Foundation
import SamradCore

/// Decodes file bytes as UTF-8 text the way editors save it: a BOM is dropped and
/// CRLF or CR line ends become LF, so line numbers match what the editor shows. Text
/// pasted from PDFs often holds typographic ligatures (`ﬁ`, U+FB01); they become their
/// letters (Unicode compatibility decomposition, as NFKC does), so that search finds
/// "fiskeklubben" as typed and the open data holds plain letters.
public enum TextDecoding {
    public enum Failure: Error, Equatable {
        case binary(line: Int)
        case invalidUTF8(line: Int, column: Int)
    }

    public static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        // A NUL byte near the start means a binary file (an image or a Word file renamed
        // to .md), which says more to the user than the first invalid UTF-8 byte would.
        if let nul = bytes.prefix(8192).firstIndex(of: 0) {
            return .failure(.binary(line: bytes[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }))
        }
        // Nearly every file is valid UTF-8 with Unix line ends: the standard library's
        // validation is much faster than ours, which is only needed to say where it fails.
        if !hasByte(bytes, 0x0D), let text = String(validating: bytes[start...], as: UTF8.self) {
            return .success(hasLigature(bytes) ? foldLigatures(text) : text)
        }
        if let failure = validate(bytes, from: start) { return .failure(failure) }
        var normalized = [UInt8]()
        normalized.reserveCapacity(bytes.count - start)
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0D {
                normalized.append(0x0A)
                if i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
            } else {
                normalized.append(b)
            }
            i += 1
        }
        let text = String(decoding: normalized, as: UTF8.self)
        return .success(hasLigature(normalized) ? foldLigatures(text) : text)
    }

    /// The Latin ligatures U+FB00–U+FB06 and what NFKC makes of them.
    static let ligatures: [Unicode.Scalar: String] = [
        "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi",
        "\u{FB04}": "ffl", "\u{FB05}": "st", "\u{FB06}": "st",
    ]

    /// U+FB00–U+FB06 are EF AC 80–86 in UTF-8: a byte scan is enough to skip the
    /// (usual) files without any.
    /// Jumps from one 0xEF lead byte to the next with memchr: every meeting file is scanned,
    /// and a byte-by-byte loop over them was half a percent of a build.
    static func hasLigature(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            let n = b.count
            var i = 0
            while i + 2 < n, let hit = memchr(base + i, 0xEF, n - 2 - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if b[at + 1] == 0xAC && (0x80...0x86).contains(b[at + 2]) { return true }
                i = at + 1
            }
            return false
        }
    }

    /// Whether `byte` occurs in `bytes` (memchr).
    static func hasByte(_ bytes: [UInt8], _ byte: UInt8) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            return memchr(base, Int32(byte), b.count) != nil
        }
    }

    /// `hasLigature` byte by byte: what the memchr walk must equal.
    static func hasLigatureBytewise(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i + 2 < n {
            if bytes[i] == 0xEF && bytes[i + 1] == 0xAC && (0x80...0x86).contains(bytes[i + 2]) { return true }
            i += 1
        }
        return false
    }

    public static func foldLigatures(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let letters = ligatures[scalar] { out.append(contentsOf: letters.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// The first NUL byte or invalid UTF-8 sequence, with the line and column it is on.
    static func validate(_ bytes: [UInt8], from start: Int) -> Failure? {
        var line = 1, column = 1
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0 { return .binary(line: line) }
            var length = 0
            if b < 0x80 { length = 1 }
            else if b & 0xE0 == 0xC0 && b >= 0xC2 { length = 2 }
            else if b & 0xF0 == 0xE0 { length = 3 }
            else if b & 0xF8 == 0xF0 && b <= 0xF4 { length = 4 }
            else { return .invalidUTF8(line: line, column: column) }
            if i + length > n { return .invalidUTF8(line: line, column: column) }
            if length > 1 {
                for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 {
                    return .invalidUTF8(line: line, column: column)
                }
                // Overlong three-byte forms and UTF-16 surrogates are not valid UTF-8.
                if length == 3 {
                    let b1 = bytes[i + 1]
                    if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0) { return .invalidUTF8(line: line, column: column) }
                }
                if length == 4 {
                    let b1 = bytes[i + 1]
                    if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90) { return .invalidUTF8(line: line, column: column) }
                }
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return nil
    }
}
