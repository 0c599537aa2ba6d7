import SamradCore

/// Which files in a meeting's folder are published as they are.
///
/// Attachments are published on the portal's own address, so a file a browser runs
/// (an HTML page, an SVG image with script, JavaScript) would run with the portal's
/// rights: anyone who may add a file to a meeting could take over readers' sessions.
/// Only the kinds of file a records site needs are published: documents, images without
/// script, audio, video and text. A site may publish more kinds on purpose with
/// `attachments: {allow: [svg]}` in site.yml, as it may allow raw HTML in Markdown.
public enum AttachmentTypes {
    /// File name extensions (lower case) published without asking.
    public static let published: Set<String> = [
        // Documents
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "epub",
        // Text and data
        "txt", "csv", "tsv", "vtt", "srt",
        // Images (raster: no script)
        "png", "jpg", "jpeg", "gif", "webp", "avif", "tif", "tiff", "bmp", "heic",
        // Audio and video
        "mp3", "m4a", "aac", "wav", "ogg", "oga", "opus", "flac", "mp4", "m4v", "webm", "ogv", "mov",
        // Archives, downloaded as they are
        "zip",
    ]

    /// The lower-case extension of a file name, or "" when it has none.
    public static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Whether the file at `path` is published, given the extra kinds a site allows.
    public static func isPublished(_ path: String, extra: Set<String>) -> Bool {
        let ext = fileExtension(path)
        return published.contains(ext) || (!ext.isEmpty && extra.contains(ext))
    }

    /// Why a kind of file is not published, for the warning: a catalogue key
    /// (`diag_unpublished_…`) and its values.
    public static func reasonKey(_ path: String) -> (key: String, values: [String: String]) {
        switch fileExtension(path) {
        case "html", "htm", "xhtml", "shtml": return ("diag_unpublished_page", [:])
        case "svg", "svgz": return ("diag_unpublished_svg", [:])
        case "js", "mjs": return ("diag_unpublished_script", [:])
        case "xml", "xsl", "xslt": return ("diag_unpublished_xml", [:])
        case "": return ("diag_unpublished_no_extension", [:])
        case let ext: return ("diag_unpublished_other", ["extension": ext])
        }
    }

    /// The same in English.
    public static func reason(_ path: String) -> String {
        let (key, values) = reasonKey(path)
        return Catalogue.english.text(key, values)
    }
}
