/// One file of the generated site, relative to the output folder.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        case text(String)
        case bytes([UInt8])
        /// Copied from the site folder as it is (attachments, images).
        case copy(from: String)
    }

    public var path: String
    public var content: Content

    public init(_ path: String, _ content: Content) {
        self.path = path
        self.content = content
    }

    public static func text(_ path: String, _ text: String) -> OutputFile { OutputFile(path, .text(text)) }
}
