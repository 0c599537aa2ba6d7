import Mustache
import SamradCore
import SamradLoad

/// The site's compiled Mustache templates (swift-mustache's `MustacheLibrary`), compiled
/// once per build and shared by every page render. Missing or broken templates are
/// content errors naming template file and line.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    /// `{{t.key}}` in every template: the site's words (set by `SiteRenderer`).
    var words = CatalogueView(DocumentWords([], .swedish))

    /// Templates every build renders with; a site may override any of them.
    public static let required = [
        "base", "index", "meetings", "meeting", "appendix", "page", "404",
        "themes", "theme", "theme-excerpts", "theme-meetings", "theme-questions", "questions", "ideas", "organizations", "organization", "data", "search", "accessibility",
    ]

    public static func compile(_ sources: [String: SourceFile], required: [String] = TemplateSet.required) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        var library = MustacheLibrary()
        // Every template escapes `{{name}}` with SamradHTMLContentType (the same escaping
        // as the library's default, faster): its pragma goes on a line before the
        // template's first, so error lines are one less than the parser's.
        _ = SamradHTMLContentType.registered
        for name in sources.keys.sorted() {
            guard let file = sources[name] else { continue }
            do {
                library.register(try MustacheTemplate(string: SamradHTMLContentType.pragma + file.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(key: describe(error.error),
                                  at: SourceLocation(file: file.path, line: Swift.max(1, error.context.lineNumber - 1), column: error.context.columnNumber))
            } catch {
                diagnostics.error(key: "diag_template_unreadable", ["reason": "\(error)"], at: SourceLocation(file: file.path))
            }
        }
        for name in required where sources[name] == nil {
            diagnostics.error(key: "diag_template_required", ["name": name], at: SourceLocation(file: "templates/\(name).mustache"))
        }
        // Mustache renders a missing partial as nothing; a typo must not silently
        // drop part of every page, so references are checked here.
        for name in sources.keys.sorted() {
            guard let file = sources[name] else { continue }
            for (reference, line, column) in partialReferences(in: file.text) where sources[reference] == nil {
                diagnostics.error(key: "diag_template_partial_missing", ["name": reference], at: SourceLocation(file: file.path, line: line, column: column))
            }
        }
        if diagnostics.hasErrors { return (nil, diagnostics.items) }
        diagnostics.append(contentsOf: unknownKeys(sources))
        return (TemplateSet(library: library), diagnostics.items)
    }

    /// The output of template `template` (a name such as "partials/meeting-card") for
    /// `view`; "" for a name that is not in the set, which `compile` already reported.
    func render(_ view: any MustacheParent, template: String) -> String {
        let view = Localized(view: view, words: words)
        guard TemplateClock.enabled else { return library.render(view, withTemplate: template) ?? "" }
        let start = TemplateClock.threadNanoseconds()
        defer { TemplateClock.add(template, since: start) }
        return library.render(view, withTemplate: template) ?? ""
    }

    /// The catalogue key of swift-mustache's parse error (`diag_template_…`).
    static func describe(_ error: any Error) -> String {
        guard let reason = error as? MustacheTemplate.Error else { return "diag_template_unreadable" }
        switch reason {
        case .sectionCloseNameIncorrect: return "diag_template_close_mismatch"
        case .unfinishedName: return "diag_template_unclosed_tag"
        case .expectedSectionEnd: return "diag_template_unclosed_section"
        case .invalidSetDelimiter: return "diag_template_delimiter"
        case .transformAppliedToInheritanceSection: return "diag_template_transform_block"
        case .illegalTokenInsideInheritSection: return "diag_template_inherit_token"
        case .textInsideInheritSection: return "diag_template_inherit_text"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "diag_template_pragma"
        }
    }

    /// `{{t.key}}` with a key no catalogue has renders as nothing, so each is a warning
    /// naming template, line and key.
    static func unknownKeys(_ sources: [String: SourceFile]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for name in sources.keys.sorted() {
            guard let file = sources[name] else { continue }
            for (key, line, column) in catalogueKeys(in: file.text) where Catalogue.swedish.entries[key] == nil {
                let close = closestMatches(to: key, in: Array(Catalogue.swedish.entries.keys))
                let at = SourceLocation(file: file.path, line: line, column: column)
                out.append(close.isEmpty
                    ? .warning(key: "diag_template_unknown_key", ["key": key], at: at)
                    : .warning(key: "diag_template_unknown_key_close", ["key": key, "alternatives_choices": Diagnostic.choices(close.map { "t." + $0 })], at: at))
            }
        }
        return out
    }

    /// The keys of `{{t.key}}` and `{{{t.key}}}` with their positions.
    static func catalogueKeys(in text: String) -> [(String, Int, Int)] {
        var result: [(String, Int, Int)] = []
        var line = 1
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = raw[...]
            while let open = rest.firstRange(of: "{{") {
                var after = rest[open.upperBound...]
                while after.first == "{" || after.first == "&" || after.first == " " { after = after.dropFirst() }
                guard let close = after.firstRange(of: "}}") else { break }
                let tag = String(after[..<close.lowerBound]).trimmed
                if tag.hasPrefix("t."), tag.count > 2 {
                    result.append((String(tag.dropFirst(2)), line, raw.distance(from: raw.startIndex, to: open.lowerBound) + 1))
                }
                rest = after[close.upperBound...]
            }
            line += 1
        }
        return result
    }

    /// `{{> name}}` and `{{< name}}` with their positions.
    static func partialReferences(in text: String) -> [(String, Int, Int)] {
        var result: [(String, Int, Int)] = []
        var line = 1
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = raw[...]
            while let open = rest.firstRange(of: "{{") {
                let after = rest[open.upperBound...]
                guard let close = after.firstRange(of: "}}") else { break }
                var tag = after[..<close.lowerBound]
                if let first = tag.first, first == ">" || first == "<" {
                    tag = tag.dropFirst()
                    let name = String(tag).trimmed
                    if !name.isEmpty && !name.hasPrefix("*") {
                        result.append((name, line, raw.distance(from: raw.startIndex, to: open.lowerBound) + 1))
                    }
                }
                rest = after[close.upperBound...]
            }
            line += 1
        }
        return result
    }
}
