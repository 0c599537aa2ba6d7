import SamradCore

/// Maps what editors write (`#samverkan`, `#samarbete`, `#Samverkan`) to theme slugs.
public struct ThemeResolver: Sendable {
    public let themes: [ThemeDefinition]
    private let lookup: [String: String]
    /// Spellings exactly as declared: most tags are written like this, and folding case
    /// and diacritics is slow enough to matter over thousands of meetings.
    private let exact: [String: String]
    private let bySlug: [String: ThemeDefinition]

    public init(_ themes: [ThemeDefinition]) {
        self.themes = themes
        var lookup: [String: String] = [:]
        var exact: [String: String] = [:]
        var bySlug: [String: ThemeDefinition] = [:]
        for theme in themes {
            bySlug[theme.slug] = theme
            for name in [theme.slug] + theme.aliases {
                let key = name.foldedForMatching
                if lookup[key] == nil { lookup[key] = theme.slug }
                if exact[name] == nil { exact[name] = theme.slug }
            }
        }
        self.lookup = lookup
        self.exact = exact
        self.bySlug = bySlug
    }

    public func resolve(_ name: String) -> String? { exact[name] ?? lookup[name.foldedForMatchingCached] }

    public func theme(_ slug: String) -> ThemeDefinition? { bySlug[slug] }

    /// Resolved slugs, unknown names dropped (they are reported once, where written).
    public func resolveAll(_ names: [String]) -> [String] {
        if names.count <= 1 { return names.compactMap(resolve) }
        var seen = Set<String>()
        return names.compactMap(resolve).filter { seen.insert($0).inserted }
    }

    /// The error for a `#tag` no theme has, with the closest slugs when there are any.
    public func unknownTheme(_ name: String, at location: SourceLocation) -> Diagnostic {
        let candidates = themes.flatMap { [$0.slug] + $0.aliases }
        let close = closestMatches(to: name, in: candidates, limit: 3).map { resolve($0) ?? $0 }
        let uniqueClose = close.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if uniqueClose.isEmpty {
            return .error(key: "diag_unknown_theme", ["name": name], at: location)
        }
        return .error(key: "diag_unknown_theme_close", ["name": name, "alternatives_choices": Diagnostic.choices(uniqueClose)], at: location)
    }
}
