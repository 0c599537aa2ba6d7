import SamradCore
import SamradLoad

/// A Markdown file split into typed front matter and a syntax tree.
public struct ParsedAppendix: Sendable {
    /// The file name without `.md`: its page is `/moten/<meeting>/<slug>/`.
    public var slug: String
    public var file: SourceFile
    public var frontMatter: AppendixFrontMatter
    public var body: MarkdownNode
}

public struct ParsedMeeting: Sendable {
    public var slug: String
    public var file: SourceFile
    public var frontMatter: MeetingFrontMatter
    public var body: MarkdownNode
    public var appendices: [ParsedAppendix]
    public var attachments: [AssetFile]
    /// The front matter had errors (or could not be read): the meeting is read only for
    /// the rest of its diagnostics.
    public var frontMatterBroken = false
}

public struct ParsedPage: Sendable {
    public var slug: String
    public var file: SourceFile
    public var frontMatter: PageFrontMatter
    public var body: MarkdownNode
}

public struct ParsedSite: Sendable {
    public var config: SiteConfig
    public var themes: [ThemeDefinition]
    public var organizations: [OrganizationDefinition]
    public var meetings: [ParsedMeeting]
    public var pages: [ParsedPage]
    /// Whether drafts were kept (`--drafts`, the preview): extraction then reads draft
    /// appendices too.
    public var includeDrafts: Bool

    public init(config: SiteConfig, themes: [ThemeDefinition], organizations: [OrganizationDefinition], meetings: [ParsedMeeting], pages: [ParsedPage],
                includeDrafts: Bool = false) {
        self.includeDrafts = includeDrafts
        self.config = config
        self.themes = themes
        self.organizations = organizations
        self.meetings = meetings
        self.pages = pages
    }
}
