import Foundation
import SamradCore

/// Reads a site folder: `site.yml`, `content/` and `templates/`. Produces text and file
/// lists only; problems (unreadable files, invalid UTF-8, links out of the site) become
/// diagnostics so that one run reports all of them.
public struct SiteLoader: Sendable {
    public let root: URL
    /// Default templates carried by the binary, used where the site has none of its own.
    public var defaultTemplates: [String: String]
    /// `root` as a path, and with symbolic links resolved: every file of every meeting is
    /// located against them, and URL arithmetic per file was a tenth of loading.
    private let rootPath: String
    private let rootResolved: String

    public init(root: String, defaultTemplates: [String: String] = [:]) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL
        self.defaultTemplates = defaultTemplates
        rootPath = self.root.path
        rootResolved = self.root.resolvingSymlinksInPath().path
    }

    public func load() -> (LoadedSite, [Diagnostic]) {
        var diagnostics = Diagnostics()
        var site = LoadedSite(root: rootPath)
        guard checkRoot(&diagnostics) else { return (site, diagnostics.items) }
        loadSiteFiles(into: &site, &diagnostics)
        var seen: [String: String] = [:]
        for entry in meetingEntries() {
            guard let meeting = loadMeeting(entry: entry, &diagnostics) else { continue }
            if let previous = seen[meeting.slug] {
                diagnostics.error(key: "diag_duplicate_slug", ["slug": meeting.slug, "first": previous, "second": "content/meetings/\(entry)"],
                                  at: SourceLocation(file: "content/meetings/\(entry)"))
                continue
            }
            seen[meeting.slug] = "content/meetings/\(entry)"
            site.meetings.append(meeting)
        }
        site.pages = loadPages(&diagnostics)
        loadTemplates(into: &site, &diagnostics)
        return (site, diagnostics.items)
    }

    /// False (with an error) when the folder is not a samrad site at all.
    public func checkRoot(_ diagnostics: inout Diagnostics) -> Bool {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootPath, isDirectory: &isDir), isDir.boolValue else {
            diagnostics.error(key: "diag_site_folder_missing", ["path": rootPath])
            return false
        }
        if !exists("site.yml") {
            diagnostics.error(key: "diag_no_site_yml", ["path": rootPath])
        }
        guard isDirectory("content") else {
            diagnostics.error(key: "diag_no_content_folder", ["path": rootPath])
            return false
        }
        return true
    }

    /// `site.yml`, `content/themes.yml`, `content/organizations.yml` and `i18n/*.yml`.
    public func loadSiteFiles(into site: inout LoadedSite, _ diagnostics: inout Diagnostics) {
        site.catalogues = listFiles(under: "i18n", &diagnostics)
            .filter { $0.hasSuffix(".yml") && !$0.dropFirst("i18n/".count).contains("/") }
            .compactMap { readText($0, &diagnostics) }
        site.siteConfig = exists("site.yml") ? readText("site.yml", &diagnostics) : nil
        site.themes = exists("content/themes.yml") ? readText("content/themes.yml", &diagnostics) : nil
        site.organizations = exists("content/organizations.yml") ? readText("content/organizations.yml", &diagnostics) : nil
    }

    public func loadPages(_ diagnostics: inout Diagnostics) -> [SourceFile] {
        listFiles(under: "content/pages", &diagnostics)
            .filter { $0.hasSuffix(".md") && !$0.dropFirst("content/pages/".count).contains("/") }
            .compactMap { readText($0, &diagnostics) }
    }

    /// The site's own templates over the built-in ones, and the assets beside them.
    public func loadTemplates(into site: inout LoadedSite, _ diagnostics: inout Diagnostics) {
        site.templates = [:]
        site.templateAssets = []
        for (name, text) in defaultTemplates {
            site.templates[name] = SourceFile(path: "(built-in) templates/\(name).mustache", absolutePath: "", text: text)
        }
        for path in listFiles(under: "templates", &diagnostics) {
            let relative = String(path.dropFirst("templates/".count))
            if relative.hasSuffix(".mustache") {
                if let file = readText(path, &diagnostics) {
                    site.templates[String(relative.dropLast(".mustache".count))] = file
                }
            } else {
                site.templateAssets.append(AssetFile(path: path, absolutePath: absolute(path), outputPath: relative.nfc))
            }
        }
    }

    /// Names in `content/meetings/`: folders and `.md` files, sorted.
    public func meetingEntries() -> [String] {
        guard isDirectory("content/meetings") else { return [] }
        return sortedEntries("content/meetings")
    }

    /// The meeting stored under `content/meetings/<entry>` (a folder or a `.md` file), or
    /// nil when it is gone or is not a meeting.
    public func loadMeeting(entry: String, _ diagnostics: inout Diagnostics) -> MeetingSource? {
        let path = "content/meetings/\(entry)"
        guard FileManager.default.fileExists(atPath: absolute(path)) || isSymlink(path) else { return nil }
        guard let safe = contained(path, &diagnostics), safe else { return nil }
        if kind(path) == .other {
            skipSpecial(path, &diagnostics)
            return nil
        }
        let meeting: MeetingSource
        if isDirectory(path) {
            // Published in NFC whatever form the file system holds (macOS writes NFD).
            let slug = entry.nfc
            guard exists("\(path)/index.md") else {
                diagnostics.error(key: "diag_meeting_no_index", at: SourceLocation(file: path))
                return nil
            }
            guard let main = readText("\(path)/index.md", &diagnostics) else { return nil }
            var m = MeetingSource(slug: slug, main: main, appendices: [], attachments: [])
            // Output names by their NFC bytes: two files whose names differ only in
            // normalisation would be published under one name.
            var published: [[UInt8]: String] = [:]
            for file in listFiles(under: path, checked: true, &diagnostics) where file != "\(path)/index.md" {
                let rel = String(file.dropFirst(path.count + 1))
                if let twin = published.updateValue(file, forKey: Array(rel.nfc.utf8)) {
                    diagnostics.error(key: "diag_name_normalisation_twin", ["twin": twin],
                                      at: SourceLocation(file: file))
                    continue
                }
                let nested = rel.contains("/")
                if file.hasSuffix(".md") && !nested {
                    if let text = readText(file, &diagnostics) { m.appendices.append(text) }
                } else if Self.isMarkdownName(file) {
                    // Source Markdown is never published as it is: it may hold drafts and
                    // notes in its front matter that were never meant for readers.
                    diagnostics.warning(key: nested ? "diag_markdown_nested" : "diag_appendix_extension", at: SourceLocation(file: file))
                } else {
                    m.attachments.append(AssetFile(path: file, absolutePath: absolute(file), outputPath: "moten/\(slug)/\(rel.nfc)"))
                }
            }
            meeting = m
        } else if entry.hasSuffix(".md") {
            guard let main = readText(path, &diagnostics) else { return nil }
            meeting = MeetingSource(slug: String(entry.dropLast(3)).nfc, main: main, appendices: [], attachments: [])
        } else {
            diagnostics.warning(key: "diag_not_a_meeting", at: SourceLocation(file: path))
            return nil
        }
        if Slug.make(meeting.slug) != meeting.slug {
            diagnostics.warning(key: "diag_slug_not_url_friendly", ["slug": meeting.slug, "suggestion": Slug.make(meeting.slug)], at: SourceLocation(file: path))
        }
        return meeting
    }

    /// Markdown by its name (.md, .markdown, any case).
    static func isMarkdownName(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    private func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(absolute(path), &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    // MARK: - File access

    private func absolute(_ path: String) -> String { rootPath == "/" ? "/" + path : rootPath + "/" + path }

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: absolute(path))
    }

    enum Kind { case regular, folder, other, missing }

    /// What the site-relative `path` is, following symbolic links.
    func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(absolute(path), &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// Pipes, sockets and devices are never opened: reading a pipe waits for a writer
    /// forever, and a device may never end.
    private func skipSpecial(_ path: String, _ diagnostics: inout Diagnostics) {
        diagnostics.warning(key: "diag_special_file_skipped", at: SourceLocation(file: path))
    }

    /// Whether the site-relative `path` is a folder (following symbolic links).
    private func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(absolute(path), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private func sortedEntries(_ path: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: absolute(path))) ?? []
        // Hidden files and editor leftovers (.swp, ~) are never content.
        return entries.filter { !$0.hasPrefix(".") && !$0.hasSuffix("~") && !$0.hasPrefix("#") }.sorted()
    }

    /// Every file below `path`, recursively, relative to the site, sorted.
    /// - Parameter checked: `path` is known to be inside the site (not through a link out of it).
    private func listFiles(under path: String, checked: Bool = false, _ diagnostics: inout Diagnostics) -> [String] {
        guard isDirectory(path) else { return [] }
        if !checked { guard let safe = contained(path, &diagnostics), safe else { return [] } }
        var result: [String] = []
        for entry in sortedEntries(path) {
            let child = "\(path)/\(entry)"
            // `path` itself is inside the site; only a link can lead a child out of it.
            guard let safe = isSymlink(child) ? contained(child, &diagnostics) : true, safe else { continue }
            switch kind(child) {
            case .folder: result.append(contentsOf: listFiles(under: child, checked: true, &diagnostics))
            case .other: skipSpecial(child, &diagnostics)
            case .regular, .missing: result.append(child)
            }
        }
        return result
    }

    /// A symlink may point anywhere on the editor's machine; publishing what it points to
    /// could leak private files, so only links that stay inside the site are followed.
    private func contained(_ path: String, _ diagnostics: inout Diagnostics) -> Bool? {
        let resolved = URL(fileURLWithPath: absolute(path)).resolvingSymlinksInPath().path
        if resolved == rootResolved || resolved.hasPrefix(rootResolved + "/") { return true }
        diagnostics.error(key: "diag_symlink_outside", at: SourceLocation(file: path))
        return false
    }

    /// The largest YAML or template file read, in bytes: a limit keeps any one file from
    /// taking the machine's memory. Markdown has a lower one, `maxMarkdownFileBytes`.
    public static let maxTextFileBytes = 24 * 1024 * 1024

    /// The largest Markdown file read, in bytes (2 MiB). cmark-gfm's own tree takes up to
    /// about 260 bytes per byte of text made of emphasis, bracket or entity punctuation
    /// (`_a_a_a…`, `[[[…`, `&#x&#x…`), so 2 MiB keeps one such file under about 0.6 GB
    /// (measured: 0.45 GB for `_a`, 0.55 GB for `[`); real records are 20–150 KB, and the
    /// longest source document seen (a 290 KB report) fits seven times over.
    public static let maxMarkdownFileBytes = 2 * 1024 * 1024

    private func readText(_ path: String, _ diagnostics: inout Diagnostics) -> SourceFile? {
        let abs = absolute(path)
        let bytes: [UInt8]
        let isMarkdown = path.lowercased().hasSuffix(".md")
        let limit = isMarkdown ? Self.maxMarkdownFileBytes : Self.maxTextFileBytes
        switch Self.readFile(abs, limit: limit) {
        case .success(let read): bytes = read
        case .failure(.tooLarge(let size)) where isMarkdown:
            // Tenths of a megabyte, rounded up: a file just over the limit never reads as
            // the limit itself.
            let tenths = (size * 10 + 1024 * 1024 - 1) / (1024 * 1024)
            diagnostics.error(key: "diag_markdown_too_large", ["size": "\(tenths / 10)", "size_tenth": "\(tenths % 10)", "point_key": "decimal_separator",
                                                              "limit": "\(limit / (1024 * 1024))"], at: SourceLocation(file: path))
            return nil
        case .failure(.tooLarge(let size)):
            diagnostics.error(key: "diag_file_too_large", ["size": Self.megabytes(size), "limit": Self.megabytes(limit)], at: SourceLocation(file: path))
            return nil
        case .failure(.notAFile):
            diagnostics.error(key: "diag_special_file", at: SourceLocation(file: path))
            return nil
        case .failure(.unreadable(let code)):
            diagnostics.error(key: "diag_file_unreadable", FileErrorText.cause(errno: code), at: SourceLocation(file: path))
            return nil
        }
        switch TextDecoding.decode(bytes) {
        case .success(let text):
            return SourceFile(path: path, absolutePath: abs, text: text)
        case .failure(.binary(let line)):
            diagnostics.error(key: "diag_binary_file", at: SourceLocation(file: path, line: line))
        case .failure(.invalidUTF8(let line, let column)):
            diagnostics.error(key: "diag_not_utf8", at: SourceLocation(file: path, line: line, column: column))
        }
        return nil
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes / 1024) KB"
    }

    enum ReadProblem: Error { case notAFile, tooLarge(Int), unreadable(Int32) }

    /// The file's bytes, read straight into an array (no `Data` in between). Opened
    /// without waiting, so that a pipe put in place of a file cannot hold the build up.
    static func readFile(_ path: String, limit: Int = .max) -> Result<[UInt8], ReadProblem> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(.unreadable(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notAFile) }
        guard Int(info.st_size) <= limit else { return .failure(.tooLarge(Int(info.st_size))) }
        // One byte more than the size, so that the end of file is seen in the same buffer;
        // a file that grew meanwhile still reads whole.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return read(fd, base + filled, buffer.count - filled)
            }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(errno))
            }
            filled += n
        }
        bytes.removeLast(bytes.count - filled)
        // A file that grew past the limit while it was read.
        guard filled <= limit else { return .failure(.tooLarge(filled)) }
        return .success(bytes)
    }
}
