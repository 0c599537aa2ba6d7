import SamradCore
import SamradLink

/// The parts of every page's view model: the site, the navigation, the page itself.
/// Immutable after init, so sharing it between render threads is safe.
struct PageContext: @unchecked Sendable {
    let config: SiteConfig
    let footerLinks: [[String: Any]]
    let sections: [(label: String, path: String)]

    init(config: SiteConfig, pages: [(title: String, slug: String)], sections: [(label: String, path: String)]) {
        self.config = config
        self.sections = sections
        let base = config.basePath
        footerLinks = pages.map { ["label": $0.title, "url": config.href("\($0.slug)/")] }
            + [["label": "Tillgänglighetsredogörelse", "url": "\(base)tillganglighet/"],
               ["label": "Öppna data", "url": "\(base)data/"], ["label": "Nyhetsflöde (Atom)", "url": "\(base)feed.xml"]]
    }

    var site: [String: Any] {
        [
            "title": config.title, "description": nonEmpty(config.description), "language": config.language,
            "basePath": config.basePath, "baseURL": config.baseURL, "organization": nonEmpty(config.organization),
        ]
    }

    /// - Parameters:
    ///   - path: the page's path below the site root ("moten/x/"), "" for the start page.
    ///   - section: which navigation entry is current.
    func page(title: String, path: String, description: String?, section: String?, extra: [String: Any] = [:]) -> [String: Any] {
        let nav: [[String: Any]] = sections.map { s in
            ["label": s.label, "url": config.href(s.path), "current": s.path == section]
        }
        var context: [String: Any] = extra
        let fullTitle = path.isEmpty ? config.title : "\(title) – \(config.title)"
        context["site"] = site
        context["page"] = [
            "title": title, "fullTitle": fullTitle, "description": nonEmpty(description ?? config.description),
            "canonical": config.absoluteURL(path), "path": path,
        ] as [String: Any]
        context["nav"] = nav
        context["footerLinks"] = footerLinks
        return context
    }
}

/// Swedish phrases that depend on a number.
enum Phrases {
    static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
    }

    static func fileSize(_ bytes: Int) -> String {
        if bytes <= 0 { return "" }
        if bytes < 1024 { return "\(bytes) byte" }
        if bytes < 1024 * 1024 { return "\(bytes / 1024) kB" }
        let tenths = bytes * 10 / (1024 * 1024)
        return "\(tenths / 10),\(tenths % 10) MB"
    }

    /// Transcripts often write names in capitals (KARIN, MARIE-THERESE); readers and
    /// screen readers get them as names ("Karin", "Marie-Therese"). Mixed case stays.
    static func speakerName(_ name: String) -> String {
        guard name.contains(where: \.isLetter), name == name.uppercased() else { return name }
        var out = ""
        var startOfWord = true
        for ch in name {
            out += startOfWord ? String(ch) : ch.lowercased()
            startOfWord = !ch.isLetter
        }
        return out
    }

    /// "A, B och C"
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " och " + items[items.count - 1]
        }
    }
}

/// Text for a Mustache section: `{{#kind}}…{{/kind}}` must not render for empty text,
/// but swift-mustache treats any string as true, so absent text becomes `false`.
func nonEmpty(_ s: String?) -> Any {
    guard let s, !s.isEmpty else { return false }
    return s
}
