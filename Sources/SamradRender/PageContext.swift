import Mustache
import SamradCore
import SamradLink

/// What every page's view model has around its own content: the site, the page, the
/// navigation and the footer. Immutable after init, so render threads share it.
struct PageContext: Sendable {
    let config: SiteConfig
    let site: SiteView
    let footerLinks: [LabelledLink]
    let sections: [(label: String, path: String)]
    /// What the site's documents are called ("möten och rapporter").
    let words: DocumentWords
    /// The navigation through partials/nav-link for each section (nil: none is current)
    /// and the footer's links through partials/footer-link: the same on thousands of
    /// pages, so rendered once per build.
    let navHTML: [String?: HTML]
    let footerLinksHTML: HTML
    /// `nav` by current section (nil: none is current), made once rather than per page.
    let navLinks: [String?: [LabelledLink]]

    /// - Parameter templates: renders the navigation and footer partials; without it
    ///   (tests of view models alone) they are empty.
    init(config: SiteConfig, pages: [(title: String, slug: String)], sections: [(label: String, path: String)],
         words: DocumentWords? = nil, templates: TemplateSet? = nil) {
        let words = words ?? DocumentWords([], config.catalogue)
        self.config = config
        self.sections = sections
        self.words = words
        site = SiteView(config: config, words: words)
        footerLinks = pages.map { LabelledLink(label: $0.title, url: config.href("\($0.slug)/")) }
            + [LabelledLink(label: config.catalogue["footer_accessibility"], url: config.href(config.paths.accessibility)),
               LabelledLink(label: config.catalogue["footer_open_data"], url: config.href(config.paths.data)),
               LabelledLink(label: config.catalogue["footer_feed"], url: config.href("feed.xml"))]
        var navLinks: [String?: [LabelledLink]] = [:]
        for section in [nil] + sections.map(\.path) {
            navLinks[section] = sections.map { LabelledLink(label: $0.label, url: config.href($0.path), current: $0.path == section) }
        }
        self.navLinks = navLinks
        var navHTML: [String?: HTML] = [:]
        var footerLinksHTML = HTML("")
        if let templates {
            let stencils = StencilCache()
            func joined(_ links: [LabelledLink], _ template: String) -> HTML {
                HTML(links.map { stencils.render($0, template: template, with: templates) }.joined())
            }
            for section in [nil] + sections.map(\.path) {
                navHTML[section] = joined(navLinks[section] ?? [], "partials/nav-link")
            }
            footerLinksHTML = joined(footerLinks, "partials/footer-link")
        }
        self.navHTML = navHTML
        self.footerLinksHTML = footerLinksHTML
    }

    /// - Parameters:
    ///   - path: the page's path below the site root ("moten/x/"), "" for the start page.
    ///   - section: which navigation entry is current.
    ///   - content: the page's own view model; names it does not know are the shell's.
    ///   - pagination: for a page of a paginated list: its place, for `<link rel="prev/next">`
    ///     and a title that tells the pages apart ("Idébanken, sida 2 av 14").
    func page(title: String, path: String, description: String?, section: String?, content: any MustacheParent = NoContent(),
              pagination: PaginationView? = nil) -> PageView {
        // A section that is not in the navigation makes no entry current.
        let nav = navLinks[section] ?? navLinks[nil] ?? []
        let shownTitle = pagination.map { $0.current > 1 ? "\(title), \($0.pageText)" : title } ?? title
        let info = PageInfo(
            title: title, fullTitle: path.isEmpty ? config.title : "\(shownTitle) – \(config.title)",
            description: Text(description ?? config.description), canonical: config.absoluteURL(path), path: path,
            previousURL: pagination?.previousURL ?? Text(nil), nextURL: pagination?.nextURL ?? Text(nil))
        return PageView(site: site, page: info, nav: nav, footerLinks: footerLinks,
                        navHTML: navHTML[section] ?? navHTML[nil] ?? HTML(""), footerLinksHTML: footerLinksHTML, content: content)
    }
}

/// The view model a page template renders: `site`, `page`, `nav` and `footerLinks` for
/// base.mustache, every other name from the page's own content.
struct PageView: MustacheParent {
    let site: SiteView
    let page: PageInfo
    let nav: [LabelledLink]
    let footerLinks: [LabelledLink]
    /// `nav` and `footerLinks` through their partials.
    let navHTML: HTML, footerLinksHTML: HTML
    let content: any MustacheParent

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "nav": nav
        case "footerLinks": footerLinks
        case "navHTML": navHTML
        case "footerLinksHTML": footerLinksHTML
        default: content.child(named: name)
        }
    }
}

/// `{{site.…}}`: the site as a whole.
struct SiteView: MustacheParent, Sendable {
    let title: String, language: String, basePath: String, baseURL: String
    let description: Text, organization: Text
    /// What the site's documents are called: "Möten och rapporter" for headings,
    /// "möten och rapporter" inside a sentence.
    let documentsTitle: String, documentsText: String
    /// "mötena och rapporterna": "Alla frågor från mötena och rapporterna".
    let documentsDefinite: String
    /// `{{site.urls.meetings}}` …: each section's link ("/portal/moten/"), from `paths:`.
    let urls: SectionURLs

    init(config: SiteConfig, words: DocumentWords) {
        urls = SectionURLs(config)
        (title, language, basePath, baseURL) = (config.title, config.language, config.basePath, config.baseURL)
        (description, organization) = (Text(config.description), Text(config.organization))
        (documentsTitle, documentsText, documentsDefinite) = (words.title, words.plural, words.definite)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "language": language
        case "basePath": basePath
        case "baseURL": baseURL
        case "organization": organization
        case "documentsTitle": documentsTitle
        case "documentsText": documentsText
        case "documentsDefinite": documentsDefinite
        case "urls": urls
        default: nil
        }
    }
}

/// `{{site.urls.<section>}}`: the root-relative link of each section of `paths:` in
/// site.yml, under the base path ("/portal/moten/"), so templates hold no section names.
struct SectionURLs: MustacheParent, Sendable {
    private let byKey: [String: String]

    init(_ config: SiteConfig) {
        var byKey: [String: String] = [:]
        for section in SectionPaths.Section.allCases where section != .excerpts {
            byKey[section.rawValue] = config.href(config.paths[section] + "/")
        }
        self.byKey = byKey
    }

    func child(named name: String) -> Any? { byKey[name] }
}

/// `{{page.…}}`: the page being rendered. `path` is below the site root, "" for the start page.
struct PageInfo: MustacheParent, Sendable {
    let title: String, fullTitle: String, description: Text, canonical: String, path: String
    /// The neighbouring pages of a paginated list; empty elsewhere.
    var previousURL = Text(nil), nextURL = Text(nil)

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "fullTitle": fullTitle
        case "description": description
        case "canonical": canonical
        case "path": path
        case "previousURL": previousURL
        case "nextURL": nextURL
        default: nil
        }
    }
}

/// The content of a page that has nothing besides the shell (the 404 page).
struct NoContent: MustacheParent {
    func child(named name: String) -> Any? { nil }
}

/// Phrases that are not words of a language.
enum Phrases {
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
}
