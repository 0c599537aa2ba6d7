import Foundation
import SamradCore
import Yams

/// The names the site already knows: organisations (for matching participants) and themes
/// (for suggesting tags). Read from content/organizations.yml and content/themes.yml; a
/// missing or unreadable file gives an empty list (the build reports its problems).
struct SiteVocabulary: Sendable {
    struct Organization: Sendable { var name: String; var aliases: [String] }
    struct Theme: Sendable { var slug: String; var name: String; var aliases: [String] }

    var organizations: [Organization] = []
    var themes: [Theme] = []

    static func load(site: URL) -> SiteVocabulary {
        var v = SiteVocabulary()
        for item in list(site.appendingPathComponent("content/organizations.yml")) {
            guard let name = item["name"] as? String else { continue }
            v.organizations.append(Organization(name: name, aliases: strings(item["aliases"])))
        }
        for item in list(site.appendingPathComponent("content/themes.yml")) {
            guard let slug = item["slug"] as? String else { continue }
            v.themes.append(Theme(slug: slug, name: (item["name"] as? String) ?? slug, aliases: strings(item["aliases"])))
        }
        return v
    }

    /// The built-in words of the `language:` in the site's site.yml; Swedish when it
    /// names none or one samrad has no words for.
    static func words(site: URL) -> Catalogue {
        guard let text = try? String(contentsOf: site.appendingPathComponent("site.yml"), encoding: .utf8),
              let config = (try? Yams.load(yaml: text)) as? [String: Any],
              let language = config["language"] as? String else { return .swedish }
        return Catalogue.builtIn(language) ?? .swedish
    }

    private static func list(_ url: URL) -> [[String: Any]] {
        guard let text = try? String(contentsOf: url, encoding: .utf8),
              let value = try? Yams.load(yaml: text) else { return [] }
        return (value as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
    }

    private static func strings(_ value: Any?) -> [String] {
        if let s = value as? String { return [s] }
        return (value as? [Any])?.compactMap { $0 as? String } ?? []
    }

    /// The listed organisation a participant's name refers to (by name or alias, ignoring
    /// case and diacritics), or nil.
    func organization(matching name: String) -> Organization? {
        let folded = name.foldedForMatching
        return organizations.first { org in
            org.name.foldedForMatching == folded || org.aliases.contains { $0.foldedForMatching == folded }
        }
    }

    /// Themes whose name or an alias occurs in `text` as a word or the start of one
    /// ("samverkan" in "samverkansformer"), with how often; most frequent first.
    func themes(in text: String) -> [ThemeSuggestion.Hit] {
        let words = text.foldedForMatching.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" })
        var hits: [ThemeSuggestion.Hit] = []
        for theme in themes {
            let needles = ([theme.name, theme.slug] + theme.aliases).map(\.foldedForMatching).filter { $0.count >= 3 }
            var count = 0
            for needle in Set(needles) {
                let parts = needle.split(separator: " ")
                if parts.count == 1 {
                    count += words.filter { $0.hasPrefix(needle) }.count
                } else if words.count >= parts.count {
                    for i in 0...(words.count - parts.count) where zip(words[i..<(i + parts.count)], parts).allSatisfy({ $0 == $1 }) {
                        count += 1
                    }
                }
            }
            if count > 0 { hits.append(ThemeSuggestion.Hit(theme: theme.slug, occurrences: count)) }
        }
        return hits.sorted { $0.occurrences != $1.occurrences ? $0.occurrences > $1.occurrences : $0.theme < $1.theme }
    }
}
