import SamradCore

/// Splits a Markdown file into its YAML front matter and its body.
public enum FrontMatter {
    public struct Split: Sendable {
        /// The YAML between the fences, or nil when the file has no front matter.
        public var yaml: String?
        /// Lines of the file before the body, so body positions can be mapped back.
        public var bodyLineOffset: Int
        public var body: String
    }

    public enum Failure: Error, Equatable {
        /// Opened with `---` but never closed.
        case notClosed
    }

    public static func split(_ text: String) -> Result<Split, Failure> {
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("--- \n") else {
            return .success(Split(yaml: nil, bodyLineOffset: 0, body: text))
        }
        // Lines are found on the UTF-8 view: a newline is one ASCII byte, and searching
        // Characters for it cost a grapheme check per character of every meeting.
        let utf8 = text.utf8
        var lineNumber = 1
        var yamlLines: [Substring] = []
        var index = utf8.startIndex
        // Skip the opening fence line.
        if let nl = utf8[index...].firstIndex(of: 0x0A) { index = utf8.index(after: nl) } else { return .failure(.notClosed) }
        while index < utf8.endIndex {
            let end = utf8[index...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let line = text[index..<end]
            lineNumber += 1
            let stripped = line.trimmingTrailingSpaces
            if stripped == "---" || stripped == "..." {
                let bodyStart = end < utf8.endIndex ? utf8.index(after: end) : end
                return .success(Split(yaml: yamlLines.joined(separator: "\n"), bodyLineOffset: lineNumber, body: String(text[bodyStart...])))
            }
            yamlLines.append(line)
            index = end < utf8.endIndex ? utf8.index(after: end) : end
        }
        return .failure(.notClosed)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
