import SamradCore

/// Decodes file bytes as UTF-8 text the way editors save it: a BOM is dropped and
/// CRLF or CR line ends become LF, so line numbers match what the editor shows.
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
        if !bytes.contains(0x0D), let text = String(validating: bytes[start...], as: UTF8.self) {
            return .success(text)
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
        return .success(String(decoding: normalized, as: UTF8.self))
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
