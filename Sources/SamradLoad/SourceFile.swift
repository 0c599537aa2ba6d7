import SamradCore

/// A text file of the site, decoded and normalised (BOM removed, CRLF → LF).
public struct SourceFile: Sendable, Hashable {
    /// Relative to the site folder, with "/" separators: what messages show.
    public var path: String
    public var absolutePath: String
    public var text: String

    public init(path: String, absolutePath: String, text: String) {
        self.path = path
        self.absolutePath = absolutePath
        self.text = text
    }
}

/// A file published as it is (PDF, image, CSS).
public struct AssetFile: Sendable, Hashable {
    public var path: String
    public var absolutePath: String
    /// Where it goes, relative to the output folder.
    public var outputPath: String

    public init(path: String, absolutePath: String, outputPath: String) {
        self.path = path
        self.absolutePath = absolutePath
        self.outputPath = outputPath
    }
}

/// The files of one meeting: `meetings/<slug>.md`, or `meetings/<slug>/index.md` with
/// appendices (other `.md` files) and attachments (everything else) beside it.
public struct MeetingSource: Sendable, Hashable {
    public var slug: String
    public var main: SourceFile
    public var appendices: [SourceFile]
    public var attachments: [AssetFile]

    public init(slug: String, main: SourceFile, appendices: [SourceFile], attachments: [AssetFile]) {
        self.slug = slug
        self.main = main
        self.appendices = appendices
        self.attachments = attachments
    }
}

/// Everything read from disk, before any parsing.
public struct LoadedSite: Sendable {
    public var root: String
    public var siteConfig: SourceFile?
    public var themes: SourceFile?
    public var organizations: SourceFile?
    /// The site's own language catalogues (`i18n/*.yml`), which replace single words.
    public var catalogues: [SourceFile] = []
    public var meetings: [MeetingSource] = []
    public var pages: [SourceFile] = []
    /// Template sources by name ("meeting", "layouts/base"), the site's own over the defaults.
    public var templates: [String: SourceFile] = [:]
    /// Files under `templates/` that are not templates (CSS, JS, images).
    public var templateAssets: [AssetFile] = []

    public init(root: String) { self.root = root }
}
