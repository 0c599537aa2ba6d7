import SamradCore
import SamradLink

/// Checks links between pages of the site and to anchors on them (`../2023-09-14-gvi/#fraga-2`)
/// against what the build actually writes, so a renamed meeting or question is caught
/// before readers meet a dead link.
enum InternalLinkCheck {
    /// - Parameters:
    ///   - paths: every file the build writes, relative to the output.
    ///   - anchors: the ids on an HTML file, or nil when they are not known (then only the
    ///     page itself is checked).
    static func run(_ links: [ContentLink], paths: Set<String>, anchors: (String) -> Set<String>?, basePath: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var suggestionsLeft = 50
        for link in links {
            let url = link.url.trimmed
            if url.isEmpty || !URLSafety.isRelative(url) { continue }
            var target = url
            var fragment: String?
            if let hash = target.firstIndex(of: "#") {
                fragment = String(target[target.index(after: hash)...])
                target = String(target[..<hash])
            }
            if let q = target.firstIndex(of: "?") { target = String(target[..<q]) }
            target = target.removingPercentEncodingSafely

            let resolved: String?
            if target.isEmpty {
                resolved = link.page
            } else if target.hasPrefix("/") {
                if target.hasPrefix("//") { continue }
                // The page writes it under the base path (URLPath.authoredHref).
                let rest = basePath != "/" && target.hasPrefix(basePath) ? target.dropFirst(basePath.count) : target.dropFirst()
                resolved = normalize(String(rest))
            } else {
                resolved = normalize(link.page + target)
            }
            guard let path = resolved else {
                diagnostics.append(.error(key: "diag_link_outside", ["url": link.url], at: link.location))
                continue
            }
            if path.hasSuffix(".md") {
                diagnostics.append(.error(key: "diag_link_markdown", ["url": link.url], at: link.location))
                continue
            }
            let file = servedFile(for: path, in: paths)
            guard paths.contains(file) else {
                diagnostics.append(.error(key: link.isImage ? "diag_image_missing" : "diag_link_missing", ["url": link.url], at: link.location))
                continue
            }
            if let fragment, !fragment.isEmpty, file.hasSuffix(".html"), let ids = anchors(file), !ids.contains(fragment) {
                // Suggestions compare against every id of the page: only for the first
                // few broken anchors, so that n broken links on a page of n headings stay
                // linear.
                suggestionsLeft -= 1
                let close = suggestionsLeft >= 0 ? closestMatches(to: fragment, in: Array(ids), limit: 3) : []
                let values = ["url": link.url, "anchor": fragment, "alternatives": close.map { "'#\($0)'" }.joined(separator: ", ")]
                diagnostics.append(.error(key: close.isEmpty ? "diag_no_anchor" : "diag_no_anchor_close", values, at: link.location))
            }
        }
        return diagnostics
    }

    /// Resolves "." and ".." segments; nil when the path climbs above the site root.
    /// The written file a static web server answers for a site-relative `path`: a folder
    /// (or the root) serves its `index.html`, a written file serves itself, and any other
    /// name is tried as a folder. The result may not be in `paths`; callers check that.
    static func servedFile(for path: String, in paths: Set<String>) -> String {
        if path.isEmpty || path.hasSuffix("/") { return path + "index.html" }
        return paths.contains(path) ? path : path + "/index.html"
    }

    static func normalize(_ path: String) -> String? {
        var out: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            if part == "." || (part.isEmpty && i < parts.count - 1) { continue }
            if part == ".." {
                guard !out.isEmpty else { return nil }
                out.removeLast()
                continue
            }
            out.append(part)
        }
        var result = out.joined(separator: "/")
        if (path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")) && !result.isEmpty && !result.hasSuffix("/") { result += "/" }
        return result
    }

    /// The ids on a rendered page.
    static func collectIDs(_ html: String) -> Set<String> {
        var ids = Set<String>()
        var rest = html[...]
        while let r = rest.firstRange(of: " id=\"") {
            let after = rest[r.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            ids.insert(String(after[..<end]).htmlUnescapedBasic)
            rest = after[end...]
        }
        return ids
    }
}

extension String {
    var removingPercentEncodingSafely: String {
        guard containsByte(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let c = utf8[i]
            if c == UInt8(ascii: "%"), let h1 = utf8.index(i, offsetBy: 1, limitedBy: utf8.endIndex), h1 < utf8.endIndex,
               let h2 = utf8.index(i, offsetBy: 2, limitedBy: utf8.endIndex), h2 < utf8.endIndex,
               let v = UInt8(String(decoding: [utf8[h1], utf8[h2]], as: UTF8.self), radix: 16) {
                bytes.append(v)
                i = utf8.index(i, offsetBy: 3)
            } else {
                bytes.append(c)
                i = utf8.index(after: i)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    var htmlUnescapedBasic: String {
        // On the bytes: `contains("&")` would be Foundation's search, run for every link and id.
        guard containsByte(UInt8(ascii: "&")) else { return self }
        return self.replacing("&quot;", with: "\"").replacing("&#39;", with: "'").replacing("&lt;", with: "<")
            .replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }
}
