/// The site's settings from `site.yml`, with defaults for everything optional.
public struct SiteConfig: Sendable, Equatable {
    public var title: String = "Dialogportalen"
    public var description: String = ""
    /// Always ends with "/". Feeds, sitemap and canonical links are built on it.
    public var baseURL: String = "http://localhost:8080/" {
        didSet { basePath = SiteConfig.path(of: baseURL) }
    }
    /// The path part of `baseURL`: "/" at a domain's root, "/portal/" under a sub-path.
    /// Every internal link starts with it, so the site works under any prefix.
    public private(set) var basePath: String = "/"
    public var language: String = "sv"
    /// Alphabetical order of `language` (å ä ö after z in Swedish, with a and o in English).
    public var collation: Collation { Collation(language: language) }
    /// The words of `language` (`i18n/<language>.yml`, the site's own entries over samrad's).
    public var catalogue: Catalogue = .swedish
    /// The body that publishes the records; shown in the footer and feeds.
    public var organization: String = ""
    public var questionLabels: [String] = ["Fråga"]
    public var summaryLabels: [String] = ["Sammanfattning"]
    /// A paragraph with one of these (colon optional) followed by a list of items ending
    /// in "?" makes each item a question of its section.
    public var questionsListLabels: [String] = ["Frågeställningar", "Frågor"]
    /// Document type of each `kind` label (`kinds:` in site.yml), keys folded to lower case.
    public var kinds: [String: DocumentType] = [:]
    /// Raw HTML in Markdown is escaped unless a site opts in.
    public var allowRawHTML: Bool = false
    /// File kinds (extensions, lower case, no dot) published from meeting folders besides
    /// the safe ones (`attachments.allow` in site.yml).
    public var extraAttachmentTypes: Set<String> = []
    /// Free-form facts for the accessibility statement (contact, date assessed, …).
    public var accessibility: [String: String] = [:]
    /// Where each section is published (`paths:` in site.yml).
    public var paths = SectionPaths()

    public init() {}

    static func path(of baseURL: String) -> String {
        var rest = Substring(baseURL)
        if let scheme = rest.firstRange(of: "://") {
            rest = rest[scheme.upperBound...]
            if let slash = rest.firstIndex(of: "/") { rest = rest[slash...] } else { rest = "/" }
        }
        var path = String(rest)
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// Absolute URL for a site path such as "moten/x/" (no leading slash), each segment
    /// percent-encoded (`URLPath.encode`).
    public func absoluteURL(_ path: String) -> String {
        baseURL + URLPath.encode(path.hasPrefix("/") ? String(path.dropFirst()) : path)
    }

    /// The root-relative link to a site path: "moten/x/Rapport #2.pdf" →
    /// "/portal/moten/x/Rapport%20%232.pdf". Every internal link is made with it.
    public func href(_ path: String) -> String {
        basePath + URLPath.encode(path.hasPrefix("/") ? String(path.dropFirst()) : path)
    }

    public static func normalizeBaseURL(_ url: String) -> String {
        var u = url.trimmed
        if u.isEmpty { return "/" }
        if !u.hasSuffix("/") { u += "/" }
        return u
    }
}

/// One theme of the taxonomy (`themes.yml`).
public struct ThemeDefinition: Sendable, Hashable {
    public var slug: String
    public var name: String
    public var description: String
    public var aliases: [String]
    public var location: SourceLocation?

    public init(slug: String, name: String, description: String = "", aliases: [String] = [], location: SourceLocation? = nil) {
        self.slug = slug
        self.name = name
        self.description = description
        self.aliases = aliases
        self.location = location
    }
}

/// One organisation with its known spellings (`organizations.yml`).
public struct OrganizationDefinition: Sendable, Hashable {
    public var name: String
    public var aliases: [String]
    public var kind: String?
    public var url: String?
    public var location: SourceLocation?

    public init(name: String, aliases: [String] = [], kind: String? = nil, url: String? = nil, location: SourceLocation? = nil) {
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.url = url
        self.location = location
    }
}

extension String {
    /// A theme slug: starts with a letter; letters (å ä ö included), digits and hyphens.
    public var isThemeSlug: Bool {
        guard let first = unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }
}
