import Foundation
import SamradCore

/// Reads a site folder: `site.yml`, `content/` and `templates/`. Produces text and file
/// lists only; problems (unreadable files, invalid UTF-8, links out of the site) become
/// diagnostics so that one run reports all of them.
public struct SiteLoader: Sendable {
    public var root: URL
    /// Default templates carried by the binary, used where the site has none of its own.
    public var defaultTemplates: [String: String]

    public init(root: String, defaultTemplates: [String: String] = [:]) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL
        self.defaultTemplates = defaultTemplates
    }

    public func load() -> (LoadedSite, [Diagnostic]) {
        var diagnostics = Diagnostics()
        var site = LoadedSite(root: root.path)
        let fm = FileManager.default

        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            diagnostics.error("site folder '\(root.path)' does not exist")
            return (site, diagnostics.items)
        }

        let siteYML = root.appendingPathComponent("site.yml")
        if fm.fileExists(atPath: siteYML.path) {
            site.siteConfig = readText("site.yml", &diagnostics)
        } else {
            diagnostics.error("no site.yml in '\(root.path)': is this a samrad site folder? (`samrad init DIR` creates one)")
        }
        let content = root.appendingPathComponent("content")
        if !isDirectory(content) {
            diagnostics.error("no content/ folder in '\(root.path)'")
            return (site, diagnostics.items)
        }
        if exists("content/themes.yml") { site.themes = readText("content/themes.yml", &diagnostics) }
        if exists("content/organizations.yml") { site.organizations = readText("content/organizations.yml", &diagnostics) }

        site.meetings = loadMeetings(&diagnostics)
        site.pages = listFiles(under: "content/pages", &diagnostics)
            .filter { $0.hasSuffix(".md") && !$0.dropFirst("content/pages/".count).contains("/") }
            .compactMap { readText($0, &diagnostics) }

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
                site.templateAssets.append(AssetFile(path: path, absolutePath: absolute(path), outputPath: relative))
            }
        }
        return (site, diagnostics.items)
    }

    private func loadMeetings(_ diagnostics: inout Diagnostics) -> [MeetingSource] {
        let folder = "content/meetings"
        guard isDirectory(root.appendingPathComponent(folder)) else { return [] }
        var meetings: [MeetingSource] = []
        var seen: [String: String] = [:]
        for entry in sortedEntries(folder) {
            let path = "\(folder)/\(entry)"
            guard let safe = contained(path, &diagnostics), safe else { continue }
            let slug: String
            var meeting: MeetingSource
            if isDirectory(root.appendingPathComponent(path)) {
                slug = entry
                guard exists("\(path)/index.md") else {
                    diagnostics.error("meeting folder has no index.md", at: SourceLocation(file: path))
                    continue
                }
                guard let main = readText("\(path)/index.md", &diagnostics) else { continue }
                meeting = MeetingSource(slug: slug, main: main, appendices: [], attachments: [])
                for file in listFiles(under: path, &diagnostics) where file != "\(path)/index.md" {
                    if file.hasSuffix(".md") && !file.dropFirst(path.count + 1).contains("/") {
                        if let text = readText(file, &diagnostics) { meeting.appendices.append(text) }
                    } else {
                        let rel = String(file.dropFirst(path.count + 1))
                        meeting.attachments.append(AssetFile(path: file, absolutePath: absolute(file), outputPath: "moten/\(slug)/\(rel)"))
                    }
                }
            } else if entry.hasSuffix(".md") {
                slug = String(entry.dropLast(3))
                guard let main = readText(path, &diagnostics) else { continue }
                meeting = MeetingSource(slug: slug, main: main, appendices: [], attachments: [])
            } else {
                diagnostics.warning("ignored: not a meeting (expected a folder or a .md file)", at: SourceLocation(file: path))
                continue
            }
            if let previous = seen[slug] {
                diagnostics.error("two meetings have the slug '\(slug)': \(previous) and \(path); rename one", at: SourceLocation(file: path))
                continue
            }
            if Slug.make(slug) != slug {
                diagnostics.warning("meeting slug '\(slug)' is not URL-friendly; consider '\(Slug.make(slug))'", at: SourceLocation(file: path))
            }
            seen[slug] = path
            meetings.append(meeting)
        }
        return meetings
    }

    // MARK: - File access

    private func absolute(_ path: String) -> String { root.appendingPathComponent(path).path }

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: absolute(path))
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    private func sortedEntries(_ path: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: absolute(path))) ?? []
        // Hidden files and editor leftovers (.swp, ~) are never content.
        return entries.filter { !$0.hasPrefix(".") && !$0.hasSuffix("~") && !$0.hasPrefix("#") }.sorted()
    }

    /// Every file below `path`, recursively, relative to the site, sorted.
    private func listFiles(under path: String, _ diagnostics: inout Diagnostics) -> [String] {
        guard isDirectory(root.appendingPathComponent(path)) else { return [] }
        var result: [String] = []
        for entry in sortedEntries(path) {
            let child = "\(path)/\(entry)"
            guard let safe = contained(child, &diagnostics), safe else { continue }
            if isDirectory(root.appendingPathComponent(child)) {
                result.append(contentsOf: listFiles(under: child, &diagnostics))
            } else {
                result.append(child)
            }
        }
        return result
    }

    /// A symlink may point anywhere on the editor's machine; publishing what it points to
    /// could leak private files, so only links that stay inside the site are followed.
    private func contained(_ path: String, _ diagnostics: inout Diagnostics) -> Bool? {
        let url = root.appendingPathComponent(path)
        let resolved = url.resolvingSymlinksInPath().path
        let rootResolved = root.resolvingSymlinksInPath().path
        if resolved == rootResolved || resolved.hasPrefix(rootResolved + "/") { return true }
        diagnostics.error("symbolic link points outside the site folder and is not published", at: SourceLocation(file: path))
        return false
    }

    private func readText(_ path: String, _ diagnostics: inout Diagnostics) -> SourceFile? {
        let abs = absolute(path)
        guard let data = FileManager.default.contents(atPath: abs) else {
            diagnostics.error("cannot read file", at: SourceLocation(file: path))
            return nil
        }
        switch TextDecoding.decode([UInt8](data)) {
        case .success(let text):
            return SourceFile(path: path, absolutePath: abs, text: text)
        case .failure(.binary(let line)):
            diagnostics.error("this is not a text file (it contains binary data); only UTF-8 Markdown and YAML belong here", at: SourceLocation(file: path, line: line))
        case .failure(.invalidUTF8(let line, let column)):
            diagnostics.error("the file is not valid UTF-8; save it as UTF-8 in your editor", at: SourceLocation(file: path, line: line, column: column))
        }
        return nil
    }
}
