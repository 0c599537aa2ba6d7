import SamradCore
import SamradIndex
import SamradLink

public struct BuildOptions: Sendable {
    /// The folder holding site.yml, content/ and optionally templates/.
    public var site: String
    /// Where the site is written; `<site>/public` by default.
    public var output: String?
    public var includeDrafts = false
    /// Overrides `base_url` from site.yml (e.g. for a preview on another host).
    public var baseURL: String?
    /// Run Pagefind after writing.
    public var search = true
    /// The Pagefind to run; nil: look for it (`SearchIndexer.locate`). The preview passes
    /// the one it found, so the search page and the index never disagree.
    public var pagefind: SearchIndexer.Pagefind?
    /// Pagefind services (indexes) to split the pages over, 1 or 2; nil: decided by the
    /// site's size (`Pipeline.searchParts`).
    public var searchParts: Int?

    public init(site: String = ".", output: String? = nil, includeDrafts: Bool = false, baseURL: String? = nil, search: Bool = true) {
        self.site = site
        self.output = output
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.search = search
    }

    public var outputPath: String { output ?? (site.hasSuffix("/") ? site + "public" : site + "/public") }
}

/// What a build or check found and did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// The site's words (`language:` in site.yml), for saying the diagnostics in them.
    public var catalogue: Catalogue = .swedish
    public var meetings = 0
    public var pages = 0
    public var files = 0
    public var questions = 0
    public var postIts = 0
    public var wrote = false
    public var searchIndexed = false
    /// Why search was not indexed, when it was asked for.
    public var searchWarning: Diagnostic?
    /// The Pagefind that indexed the site and where it was found ("/usr/bin/pagefind (PATH)").
    public var searchBinary: String?
    public var seconds: Double = 0
    /// Participant names that organizations.yml does not list, with the closest listed
    /// spellings: `check` lists them once at the end.
    public var unlistedNames: [UnlistedName] = []

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
