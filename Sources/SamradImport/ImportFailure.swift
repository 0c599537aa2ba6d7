/// Why a document could not be imported. Each case's `description` is the message the
/// user sees after `FILE: error:`; it says what to do.
public enum ImportFailure: Error, Equatable, CustomStringConvertible {
    /// The converter program is not installed. `package` is the Debian package that has it.
    case converterMissing(tool: String, package: String)
    /// The converter ran and failed; `detail` is the last line it printed.
    case converterFailed(tool: String, detail: String)
    /// A PDF whose pages are images (a scan) or whose text cannot be read.
    case noTextLayer
    /// A PDF that needs a password to open.
    case passwordProtected
    case emptyDocument
    case binaryText
    case unsupportedType(String)
    case unreadable(String)
    /// The meeting folder (or single-file meeting) exists already; nothing is overwritten.
    case meetingExists(String)
    case noDate
    case badOption(String)

    public var description: String {
        switch self {
        case .converterMissing(let tool, let package):
            "'\(tool)' was not found; install it (Debian/Ubuntu: apt-get install \(package), or run scripts/setup.sh)"
        case .converterFailed(let tool, let detail):
            "\(tool) could not convert the file: \(detail)"
        case .noTextLayer:
            "the PDF has no text layer; it needs OCR (it is a scan or a picture of text): run it through OCR (for example ocrmypdf) and import the result"
        case .passwordProtected:
            "the PDF is password-protected, so its text cannot be read; no text layer to import: save an unprotected copy and import that"
        case .emptyDocument:
            "the document is empty: there is no text to import"
        case .binaryText:
            "this is not a text file (it holds binary data); import the original .pdf, .docx or .odt, or save it as UTF-8 text"
        case .unsupportedType(let ext):
            "cannot import '.\(ext)' files; samrad imports .pdf, .docx, .odt and .txt"
        case .unreadable(let why):
            "cannot read the file: \(why)"
        case .meetingExists(let path):
            "'\(path)' already exists; samrad never overwrites a meeting: give another --slug, or move the old one away (nothing was written)"
        case .noDate:
            "no date found in the document; give it with --date YYYY-MM-DD (or YYYY-MM)"
        case .badOption(let why):
            why
        }
    }
}
