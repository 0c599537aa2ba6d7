/// Where each section of the portal is published below the base path: `paths:` in
/// site.yml, Swedish slugs by default (`moten/`, `teman/` …). Every link, feed entry,
/// sitemap line, data URL and search record is made from these, so a site that renames
/// a section (`meetings: meetings`) keeps every link working.
///
/// Each value is one path segment without slashes (`"moten"`); the `…/` forms below are
/// the folder as site paths are written ("moten/", no leading slash).
public struct SectionPaths: Sendable, Equatable {
    /// The keys of `paths:` in site.yml, in the order they are documented.
    public enum Section: String, CaseIterable, Sendable {
        case meetings, themes, questions, ideas, organizations, search, data, accessibility
        /// A theme's list of tagged sections (`teman/<slug>/avsnitt/`).
        case excerpts
    }

    private var values: [String]

    public init() {
        values = Section.allCases.map(Self.defaultSlug)
    }

    /// The Swedish slug samrad uses when site.yml does not name one.
    public static func defaultSlug(_ section: Section) -> String {
        switch section {
        case .meetings: "moten"
        case .themes: "teman"
        case .questions: "fragor"
        case .ideas: "idebank"
        case .organizations: "organisationer"
        case .search: "sok"
        case .data: "data"
        case .accessibility: "tillganglighet"
        case .excerpts: "avsnitt"
        }
    }

    /// The one segment of `section` ("moten").
    public subscript(_ section: Section) -> String {
        get { values[Self.index(section)] }
        set { values[Self.index(section)] = newValue }
    }

    private static func index(_ section: Section) -> Int {
        Section.allCases.firstIndex(of: section) ?? 0
    }

    /// "moten/": the meeting list; a meeting is "moten/<slug>/".
    public var meetings: String { self[.meetings] + "/" }
    public var themes: String { self[.themes] + "/" }
    public var questions: String { self[.questions] + "/" }
    public var ideas: String { self[.ideas] + "/" }
    public var organizations: String { self[.organizations] + "/" }
    public var search: String { self[.search] + "/" }
    public var data: String { self[.data] + "/" }
    public var accessibility: String { self[.accessibility] + "/" }

    /// "moten/<slug>/", a meeting's page.
    public func meeting(_ slug: String) -> String { "\(meetings)\(slug)/" }
    /// "teman/<slug>/", a theme's page.
    public func theme(_ slug: String) -> String { "\(themes)\(slug)/" }
    /// "organisationer/<slug>/".
    public func organization(_ slug: String) -> String { "\(organizations)\(slug)/" }
    /// "teman/<slug>/moten/": all of a theme's meetings.
    public func themeMeetings(_ slug: String) -> String { "\(theme(slug))\(meetings)" }
    /// "teman/<slug>/fragor/": all of a theme's questions and summary points.
    public func themeQuestions(_ slug: String) -> String { "\(theme(slug))\(questions)" }
    /// "teman/<slug>/avsnitt/".
    public func themeExcerpts(_ slug: String) -> String { "\(theme(slug))\(self[.excerpts])/" }

    /// The slug of the meeting whose page (or appendix, or attachment) is at `path`
    /// ("moten/x/index.html" → "x"), nil outside the meetings.
    public func meetingSlug(inPath path: String) -> Substring? {
        let prefix = meetings
        guard path.hasPrefix(prefix) else { return nil }
        let rest = path.dropFirst(prefix.count)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        return rest[..<slash]
    }

    /// Whether `value` can be a section's path: one segment of lower-case ASCII letters,
    /// digits, `-` and `_`, starting with a letter or digit, and not a name samrad writes
    /// itself at the root (`assets`, `pagefind`, `_samrad`). Anything else would need
    /// escaping in every URL or could overwrite samrad's own files.
    public static func isSafeSlug(_ value: String) -> Bool {
        guard let first = value.utf8.first, isLowerAlnum(first) else { return false }
        guard value.utf8.allSatisfy({ isLowerAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) else { return false }
        return !reservedSlugs.contains(value)
    }

    /// Root folders samrad's own output uses.
    public static let reservedSlugs: Set<String> = ["assets", "pagefind", "_samrad"]

    private static func isLowerAlnum(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }
}
