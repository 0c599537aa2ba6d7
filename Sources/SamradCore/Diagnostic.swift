/// A place in a source file, 1-based, as editors and compilers count.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Path as the user should see it: relative to the site folder.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        if line <= 0 { return file }
        if column <= 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// A problem in the content, reported to the user compiler-style. Content errors are
/// values collected along the pipeline, never thrown, so one run reports all of them.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation?
    /// The message in English; `message(in:)` says it in another language.
    public var message: String
    /// The catalogue key of a message said in the site's language (`diag_…`), with the
    /// values its `{name}`s are filled with; nil for a message not yet in the catalogue.
    public var key: String?
    public var values: [String: String] = [:]

    /// A message that is not in the catalogue. Internal (tests reach it through
    /// `@testable`): every diagnostic a user reads has a key, so the compiler refuses a
    /// new English-only one anywhere outside SamradCore.
    init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// A message from the catalogue: `key` ("diag_not_utf8") with its `{name}`s filled in.
    public init(_ severity: Severity, key: String, _ values: [String: String] = [:], at location: SourceLocation? = nil) {
        self.init(severity, Diagnostic.say(key, values, .english), at: location)
        self.key = key
        self.values = values
    }

    public static func error(key: String, _ values: [String: String] = [:], at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, key: key, values, at: location)
    }

    public static func warning(key: String, _ values: [String: String] = [:], at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, key: key, values, at: location)
    }

    /// The message in the words of `catalogue` (English for one not in the catalogue yet).
    public func message(in catalogue: Catalogue) -> String {
        guard let key else { return message }
        return Diagnostic.say(key, values, catalogue)
    }

    static func say(_ key: String, _ values: [String: String], _ catalogue: Catalogue) -> String {
        catalogue.say(key, values)
    }

    /// `path:line:col: error: message` with the message in `catalogue`'s language. The
    /// words `error` and `warning` stay English in every language: editors, CI annotations
    /// and problem matchers find diagnostics by them.
    public func description(in catalogue: Catalogue) -> String {
        let text = message(in: catalogue)
        if let location { return "\(location): \(severity.rawValue): \(text)" }
        return "\(severity.rawValue): \(text)"
    }

    /// The value of an `x_choices` name: alternatives a message offers ("did you mean …?").
    public static func choices(_ words: [String]) -> String { words.joined(separator: "\n") }

    /// Unkeyed, for tests only (see `init(_:_:at:)`).
    static func error(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    static func warning(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// `path:line:col: error: message`, the form editors and CI logs can jump to.
    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}

/// Collects diagnostics from one stage. Order is made deterministic when reported.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) { self.items = items }

    public mutating func append(_ d: Diagnostic) { items.append(d) }
    public mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }
    // Unkeyed, for tests only (see `Diagnostic.init(_:_:at:)`).
    mutating func error(_ message: String, at location: SourceLocation? = nil) {
        items.append(.error(message, at: location))
    }
    mutating func warning(_ message: String, at location: SourceLocation? = nil) {
        items.append(.warning(message, at: location))
    }
    public mutating func error(key: String, _ values: [String: String] = [:], at location: SourceLocation? = nil) {
        items.append(.error(key: key, values, at: location))
    }
    public mutating func warning(key: String, _ values: [String: String] = [:], at location: SourceLocation? = nil) {
        items.append(.warning(key: key, values, at: location))
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }

    /// Sorted by file and position, duplicates removed: the same input always prints the same report.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = items.filter { seen.insert($0).inserted }
        return unique.sorted { a, b in
            let la = a.location ?? SourceLocation(file: "")
            let lb = b.location ?? SourceLocation(file: "")
            if la != lb { return la < lb }
            if a.severity != b.severity { return a.severity == .error }
            return a.message < b.message
        }
    }
}

/// A failure that stops the pipeline before content can be judged (unreadable site folder).
public struct SamradError: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(key: String, _ values: [String: String] = [:], at location: SourceLocation? = nil) {
        self.diagnostics = [.error(key: key, values, at: location)]
    }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
