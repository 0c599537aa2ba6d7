import Mustache
import SamradCore
import SamradLoad

/// The site's compiled Mustache templates (swift-mustache's `MustacheLibrary`), compiled
/// once per build and shared by every page render. Missing or broken templates are
/// content errors naming template file and line.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary

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
                diagnostics.error("template error: \(describe(error.error))",
                                  at: SourceLocation(file: file.path, line: Swift.max(1, error.context.lineNumber - 1), column: error.context.columnNumber))
            } catch {
                diagnostics.error("template error: \(error)", at: SourceLocation(file: file.path))
            }
        }
        for name in required where sources[name] == nil {
            diagnostics.error("template '\(name).mustache' is missing; copy it from the default templates (samrad init) or remove the override", at: SourceLocation(file: "templates/\(name).mustache"))
        }
        // Mustache renders a missing partial as nothing; a typo must not silently
        // drop part of every page, so references are checked here.
        for name in sources.keys.sorted() {
            guard let file = sources[name] else { continue }
            for (reference, line, column) in partialReferences(in: file.text) where sources[reference] == nil {
                diagnostics.error("template '\(reference)' is used here but does not exist", at: SourceLocation(file: file.path, line: line, column: column))
            }
        }
        if diagnostics.hasErrors { return (nil, diagnostics.items) }
        return (TemplateSet(library: library), diagnostics.items)
    }

    /// The output of template `template` (a name such as "partials/meeting-card") for
    /// `view`; "" for a name that is not in the set, which `compile` already reported.
    func render(_ view: any MustacheParent, template: String) -> String {
        guard TemplateClock.enabled else { return library.render(view, withTemplate: template) ?? "" }
        let start = TemplateClock.threadNanoseconds()
        defer { TemplateClock.add(template, since: start) }
        return library.render(view, withTemplate: template) ?? ""
    }

    /// swift-mustache's parse error in the words of our other template diagnostics.
    static func describe(_ error: any Error) -> String {
        guard let reason = error as? MustacheTemplate.Error else { return "the template cannot be read (\(error))" }
        switch reason {
        case .sectionCloseNameIncorrect: return "a closing tag {{/…}} does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section {{#…}} is never closed with {{/…}}"
        case .invalidSetDelimiter: return "invalid delimiter change"
        case .transformAppliedToInheritanceSection: return "a transform cannot be used on an inherited block"
        case .illegalTokenInsideInheritSection: return "only {{$block}} overrides may stand inside {{<parent}}"
        case .textInsideInheritSection: return "only {{$block}} overrides, not text, may stand inside {{<parent}}"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "invalid pragma"
        }
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
