import Foundation
import SamradCore

/// Decides whether a folder may be replaced by a build, before anything is written.
///
/// A build replaces its output folder as a whole (an atomic exchange, then the old one is
/// deleted), so pointing `--output` at the wrong place would delete it. The output may
/// only be a folder that does not exist yet, an empty one, or one an earlier build made:
/// every build leaves a small stamp file (`.samrad-output`) to recognise it by. Never the
/// site folder, a folder that holds it, anything under its `content/` or `templates/`,
/// a file, or a mount point.
///
/// An output that is a symbolic link (a common deployment into a web server's folder)
/// is followed: the build replaces the link's target, so the link keeps working.
public enum OutputGuard {
    /// The file every build writes at the top of its output.
    public static let stampName = ".samrad-output"
    static let stampText = "This folder was made by 'samrad build' and is replaced whole by the next build: keep nothing else here.\n"

    /// Why the output may not be replaced: a catalogue key (`diag_output_…`) with its
    /// values, reported as an error of the build; `description` is the English.
    public struct Refusal: Error, CustomStringConvertible {
        public var key: String
        public var values: [String: String]
        public var description: String { Catalogue.english.say(key, values) }
    }

    /// The folder to build into: `output` with symbolic links resolved.
    /// - Parameters:
    ///   - output: as the user gave it (relative to the current directory or absolute).
    ///   - site: the site folder.
    /// - Throws: `Refusal` with a sentence saying why and what to do instead.
    public static func target(output: String, site: String) throws -> URL {
        let given = URL(fileURLWithPath: output).standardizedFileURL
        let shown = output
        let (resolved, linkedFrom) = try resolve(given, shown: shown)
        let real = resolved.path
        let siteReal = realPath(URL(fileURLWithPath: site).standardizedFileURL.path) ?? URL(fileURLWithPath: site).standardizedFileURL.path
        // Every refusal names the output as given and, when it was a link, where it leads.
        let named = ["shown": shown, "real": real, "via_key": linkedFrom == nil ? "diag_nothing" : "diag_output_via"]
        func refusal(_ key: String, _ more: [String: String] = [:]) -> Refusal {
            Refusal(key: key, values: named.merging(more) { _, new in new })
        }

        if real == siteReal {
            throw refusal("diag_output_is_site")
        }
        if real == "/" || siteReal.hasPrefix(real + "/") {
            throw refusal("diag_output_holds_site")
        }
        for sources in ["content", "templates"] {
            let folder = siteReal + "/" + sources
            if real == folder || real.hasPrefix(folder + "/") {
                throw refusal("diag_output_in_sources", ["sources": sources])
            }
        }
        var info = stat()
        guard lstat(real, &info) == 0 else {
            return resolved  // Not there yet: made by the build.
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw refusal("diag_output_is_file")
        }
        var parent = stat()
        if lstat(resolved.deletingLastPathComponent().path, &parent) == 0, parent.st_dev != info.st_dev {
            throw refusal("diag_output_mount_point")
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: real)
        } catch {
            throw refusal("diag_output_unreadable", FileErrorText.cause(error))
        }
        if entries.isEmpty || entries.contains(stampName) { return resolved }
        throw refusal(entries.count == 1 ? "diag_output_not_samrads_one" : "diag_output_not_samrads",
                      ["count_number": String(entries.count), "example": entries.sorted()[0], "stamp": stampName])
    }

    /// Checked again right before the exchange (a build takes a while, and the folder
    /// may have changed meanwhile): missing, empty, or stamped.
    static func mayReplace(_ url: URL) -> Bool {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return true }
        guard (info.st_mode & S_IFMT) == S_IFDIR, let entries = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return false }
        return entries.isEmpty || entries.contains(stampName)
    }

    /// Writes the stamp into a finished staging folder.
    static func stamp(_ folder: URL) throws {
        try Data(stampText.utf8).write(to: folder.appendingPathComponent(stampName))
    }

    /// The path with every symbolic link resolved, also when its last part does not
    /// exist yet; and the given path when that part itself was a link.
    private static func resolve(_ url: URL, shown: String) throws -> (URL, String?) {
        var info = stat()
        let isLink = lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
        if isLink {
            guard let real = realPath(url.path) else {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "?"
                throw Refusal(key: "diag_output_dangling_link", values: ["shown": shown, "target": target])
            }
            return (URL(fileURLWithPath: real), shown)
        }
        let parent = url.deletingLastPathComponent()
        // The parent may not exist either (it is created by the build); resolve what does.
        if let real = realPath(url.path) { return (URL(fileURLWithPath: real), nil) }
        if parent.path == url.path { return (url, nil) }
        let (resolvedParent, _) = try resolve(parent, shown: shown)
        return (resolvedParent.appendingPathComponent(url.lastPathComponent), nil)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
