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
        var lineNumber = 1
        var yamlLines: [Substring] = []
        var index = text.startIndex
        // Skip the opening fence line.
        if let nl = text[index...].firstIndex(of: "\n") { index = text.index(after: nl) } else { return .failure(.notClosed) }
        while index < text.endIndex {
            let end = text[index...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[index..<end]
            lineNumber += 1
            let stripped = line.trimmingTrailingSpaces
            if stripped == "---" || stripped == "..." {
                let bodyStart = end < text.endIndex ? text.index(after: end) : end
                return .success(Split(yaml: yamlLines.joined(separator: "\n"), bodyLineOffset: lineNumber, body: String(text[bodyStart...])))
            }
            yamlLines.append(line)
            index = end < text.endIndex ? text.index(after: end) : end
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
