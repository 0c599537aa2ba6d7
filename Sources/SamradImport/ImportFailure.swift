import SamradCore

/// Why a document could not be imported. Each case's `message(in:)` is what the user
/// sees after `FILE: error:`, in their language; it says what to do.
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
    /// A wrong option: its catalogue key (`import_…`) and values.
    case badOption(String, [String: String])

    /// The message in the words of `t` (English for `description`).
    public func message(in t: Catalogue) -> String {
        switch self {
        case .converterMissing(let tool, let package): t.text("import_converter_missing", ["tool": tool, "package": package])
        case .converterFailed(let tool, let detail): t.text("import_converter_failed", ["tool": tool, "detail": detail])
        case .noTextLayer: t["import_no_text_layer"]
        case .passwordProtected: t["import_password"]
        case .emptyDocument: t["import_empty"]
        case .binaryText: t["import_binary"]
        case .unsupportedType(let ext): t.text("import_unsupported", ["extension": ext])
        case .unreadable(let why): t.text("import_unreadable", ["reason": why])
        case .meetingExists(let path): t.text("import_exists", ["path": path])
        case .noDate: t["import_no_date"]
        case .badOption(let key, let values): t.text(key, values)
        }
    }

    public var description: String { message(in: .english) }
}
