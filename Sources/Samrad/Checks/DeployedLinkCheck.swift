import Foundation
import SamradCore

/// Checks every internal `href` and `src` of every written file (pages, feed, sitemap,
/// data files) the way a static web server at `base_url` would answer them: the path
/// must lie under the base path, is percent-decoded and looked up byte for byte (so an
/// NFD name does not find an NFC file), a folder serves its `index.html`, and a fragment
/// must be an `id` on the page. Also reports an `id` used twice on one page, which makes
/// a link jump to the wrong place.
///
/// Files are handed to `collect` while they are rendered, from any thread; `diagnostics`
/// gives the result once every file has been seen.
final class DeployedLinkCheck: Sendable {
    private let paths: Set<String>
    private let basePath: String
    /// "https://example.org" for base URL "https://example.org/portal/", or "" when the
    /// base URL has no host.
    private let origin: String
    private let state = Locked(State())
    /// `servedFile` by path, for the plain links: every page links to the same navigation,
    /// meetings and themes, and each look-up built and hashed the path twice. Keyed by
    /// the part of the link itself (a `Substring`), so a look-up allocates nothing.
    private let served = Memo<Substring, String?>()

    private struct State {
        /// The ids of every HTML page.
        var ids: [String: Set<String>] = [:]
        /// Links into an id, to look up when all pages are known, in the order the pages
        /// came and each page's links in its order: the first link to a missing id is the
        /// one reported. A list, not a map of file → id → first link: most links of the
        /// site are idea cards and question lines pointing into meeting pages, and filling
        /// a map per page and merging it under the lock cost more than the rest of the
        /// check (one look-up each at the end is what the map saved).
        var fragments: [FragmentLink] = []
        var problems: [Problem] = []
    }

    /// A link to `id` on the page written as `file`, from `page` as `href`.
    typealias FragmentLink = (file: String, id: String, page: String, href: String)

    /// A link that does not work: on `page`, `href`, for the reason `why` (the values of
    /// a diagnostic, the reason's catalogue key as `reason_key`).
    typealias Problem = (page: String, href: String, why: [String: String])

    /// At most this many problems are listed one by one; a template fault repeats on
    /// every page, and the first ones say what is wrong.
    static let listed = 50

    init(paths: Set<String>, config: SiteConfig) {
        self.paths = paths
        basePath = config.basePath
        var origin = ""
        if let scheme = config.baseURL.firstRange(of: "://") {
            let rest = config.baseURL[scheme.upperBound...]
            origin = String(config.baseURL[..<(rest.firstIndex(of: "/") ?? rest.endIndex)])
        }
        self.origin = origin
    }

    /// Reads the links and ids of one written file.
    func collect(_ path: String, _ content: OutputFile.Content) {
        guard case .text(let text) = content else { return }
        let links: [String]
        var ids: Set<String>?
        var duplicates: [String] = []
        if path.hasSuffix(".html") {
            let found = Self.htmlAttributes(text)
            links = found.links.map(\.htmlUnescapedBasic)
            var seen = Set<String>()
            for id in found.ids.map(\.htmlUnescapedBasic) where !seen.insert(id).inserted {
                duplicates.append(id)
            }
            ids = seen
        } else if path.hasSuffix(".xml") {
            links = (Self.attributeValues(text, names: [" href=\""]) + Self.elementTexts(text, "loc")).map(\.htmlUnescapedBasic)
        } else if path.hasSuffix(".json") {
            links = Self.attributeValues(text, names: ["\"url\": \"", "\"url\":\""]).map(\.jsonUnescapedBasic)
        } else {
            return
        }
        var problems: [Problem] = duplicates.map {
            (path, "#" + $0, ["reason_key": "diag_deployed_duplicate_id", "id": $0])
        }
        var fragments: [FragmentLink] = []
        var checked = Set<String>()
        for href in links where checked.insert(href).inserted {
            switch resolve(href, on: path) {
            case .external: continue
            case .problem(let why): problems.append((path, href, why))
            case .file(let file, let fragment):
                guard let fragment, !fragment.isEmpty, file.hasSuffix(".html") else { continue }
                // An id of this page is known now: found, the link needs nothing more.
                if file == path, ids?.contains(fragment) == true { continue }
                fragments.append((file, fragment, path, href))
            }
        }
        state.withLock { s in
            if let ids { s.ids[path] = ids }
            s.fragments += fragments
            s.problems += problems
        }
    }

    /// The links of `fragments` whose id is not on their page, the first link to each
    /// missing (file, id) only; links into a file that is not an HTML page seen here are
    /// not looked at.
    static func missingFragments(_ fragments: [FragmentLink], ids: [String: Set<String>]) -> [FragmentLink] {
        var out: [FragmentLink] = []
        var reported: [String: Set<String>] = [:]
        // Links from one page often point into the same file one after another.
        var lastFile: String?
        var lastIDs: Set<String>?
        for link in fragments {
            if link.file != lastFile { lastFile = link.file; lastIDs = ids[link.file] }
            guard let pageIDs = lastIDs, !pageIDs.contains(link.id) else { continue }
            if reported[link.file, default: []].insert(link.id).inserted { out.append(link) }
        }
        return out
    }

    /// Every problem found, as errors naming the page and the link.
    func diagnostics() -> [Diagnostic] {
        var problems = state.withLock { s -> [Problem] in
            var out = s.problems
            for link in Self.missingFragments(s.fragments, ids: s.ids) {
                out.append((link.page, link.href, ["reason_key": "diag_deployed_no_id", "target": Self.url(of: link.file, basePath: basePath), "id": link.id]))
            }
            return out
        }
        problems.sort { ($0.page, $0.href) < ($1.page, $1.href) }
        var out = problems.prefix(Self.listed).map {
            Diagnostic.error(key: "diag_deployed_link", $0.why.merging(["page": Self.url(of: $0.page, basePath: basePath), "href": $0.href]) { a, _ in a })
        }
        if problems.count > Self.listed {
            out.append(.error(key: "diag_deployed_more", ["count_number": String(problems.count - Self.listed)]))
        }
        return out
    }

    enum Resolution: Equatable {
        case external
        case file(String, fragment: String?)
        /// The reason, as values with its catalogue key as `reason_key`.
        case problem([String: String])
    }

    /// What a server at the base URL answers for `href` written in the file `page`.
    func resolve(_ href: String, on page: String) -> Resolution {
        if let fast = resolvePlain(href) ?? Self.resolveOnPage(href, page) { return fast }
        return resolveFully(href, on: page)
    }

    /// A link to an id on its own page (`#fraga-3`: the skip link, the table of contents,
    /// footnotes): `#` and printable ASCII other than `%` and space, which `resolveFully`
    /// would neither trim nor decode. Nil for anything else.
    static func resolveOnPage(_ href: String, _ page: String) -> Resolution? {
        let utf8 = href.utf8
        guard utf8.first == UInt8(ascii: "#") else { return nil }
        let plain = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.dropFirst().allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "%") }
        }
        guard plain == true else { return nil }
        return .file(page, fragment: String(href.dropFirst()))
    }

    /// `resolve` without its shortcuts: every rule, for any link.
    func resolveFully(_ href: String, on page: String) -> Resolution {
        var url = Substring(href.trimmed)
        if url.isEmpty { return .external }
        var fragment: String?
        if let hash = url.firstIndex(of: "#") {
            guard let decoded = URLPath.decode(url[url.index(after: hash)...]) else {
                return .problem(["reason_key": "diag_deployed_bad_fragment"])
            }
            fragment = decoded
            url = url[..<hash]
        }
        if let q = url.firstIndex(of: "?") { url = url[..<q] }
        if let scheme = Self.scheme(url) {
            guard scheme == "http" || scheme == "https" else { return .external }
            guard !origin.isEmpty, url.hasPrefix(origin) else { return .external }
            let rest = url.dropFirst(origin.count)
            guard rest.isEmpty || rest.hasPrefix("/") else { return .external }
            url = rest.isEmpty ? "/" : rest
        } else if url.hasPrefix("//") {
            let host = origin.firstRange(of: "://").map { String(origin[$0.upperBound...]) } ?? ""
            guard !host.isEmpty, url.dropFirst(2).hasPrefix(host) else { return .external }
            let rest = url.dropFirst(2 + host.count)
            guard rest.isEmpty || rest.hasPrefix("/") else { return .external }
            url = rest.isEmpty ? "/" : rest
        }
        let sitePath: Substring
        if url.isEmpty {
            return .file(page, fragment: fragment)
        } else if url.hasPrefix("/") {
            if url + "/" == basePath { sitePath = "" } else {
                guard url.hasPrefix(basePath) else {
                    return .problem(["reason_key": "diag_deployed_outside_base", "base": basePath])
                }
                sitePath = url.dropFirst(basePath.count)
            }
        } else {
            sitePath = Substring(Self.folder(of: page)) + url
        }
        guard let decoded = URLPath.decode(sitePath) else {
            return .problem(["reason_key": "diag_deployed_bad_percent"])
        }
        guard let path = InternalLinkCheck.normalize(decoded) else { return .problem(["reason_key": "diag_deployed_above_root"]) }
        guard path.isNFC else {
            return .problem(["reason_key": "diag_deployed_not_nfc"])
        }
        let file = InternalLinkCheck.servedFile(for: path, in: paths)
        guard paths.contains(file) else { return .problem(["reason_key": "diag_deployed_no_file", "path": path]) }
        return .file(file, fragment: fragment)
    }

    /// Most links are the templates' own: the base path, then letters, digits, `-`, `_`,
    /// `.` and `/` (no `..`, no escapes), perhaps a fragment. Those need no decoding or
    /// normalising, only a look-up; nil for anything else.
    func resolvePlain(_ href: String) -> Resolution? {
        guard href.hasPrefix(basePath) else { return nil }
        let utf8 = href.utf8
        let skip = basePath.utf8.count
        // The offset of the `#` (or the end), or nil for a link that is not plain. On the
        // string's contiguous bytes: walking the UTF-8 view index by index cost more than
        // the look-up itself, once per link of the site.
        let cut = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var previousDot = false
            // "//", a leading "." and "/." are left to `resolve` too.
            var previous = UInt8(ascii: "/")
            var i = skip
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "#") { return i }
                let plain = (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                    || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: "/") || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                if b == UInt8(ascii: ".") {
                    if previousDot || previous == UInt8(ascii: "/") { return nil }
                    previousDot = true
                } else {
                    guard plain else { return nil }
                    if b == UInt8(ascii: "/"), previous == UInt8(ascii: "/"), i != skip { return nil }
                    previousDot = false
                }
                previous = b
                i += 1
            }
            return bytes.count
        }
        // Every string samrad renders is contiguous; anything else takes the long way.
        guard let cut = cut ?? nil else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: skip), end = utf8.index(utf8.startIndex, offsetBy: cut)
        let path = href[start..<end]
        var fragment: String?
        if end < utf8.endIndex {
            let raw = href[href.index(after: end)...]
            guard !raw.containsByte(UInt8(ascii: "%")) else { return nil }
            fragment = String(raw)
        }
        guard let file = served.value(path, make: { servedFile(String(path)) }) else {
            return .problem(["reason_key": "diag_deployed_no_file", "path": String(path)])
        }
        return .file(file, fragment: fragment)
    }

    /// The written file a server answers `path` (a site path, decoded) with, or nil when
    /// there is none.
    private func servedFile(_ path: String) -> String? {
        let file = InternalLinkCheck.servedFile(for: path, in: paths)
        return paths.contains(file) ? file : nil
    }

    /// The folder a file's relative links resolve against: "moten/x/" for
    /// "moten/x/index.html", "" for "feed.xml".
    static func folder(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return String(file[...slash])
    }

    /// Where a written file is served: "/portal/moten/x/" for "moten/x/index.html".
    static func url(of file: String, basePath: String) -> String {
        let path = file == "index.html" ? "" : file.hasSuffix("/index.html") ? String(file.dropLast("index.html".count)) : file
        return basePath + URLPath.encode(path)
    }

    /// "https" for "https://…", nil for a path or a URL without scheme.
    static func scheme(_ url: Substring) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let name = url[..<colon]
        guard let first = name.first, first.isASCII, first.isLetter,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else { return nil }
        return name.lowercased()
    }

    /// The values of every ` href="…"`, ` src="…"` and ` id="…"` of a page, in one pass
    /// over its bytes: this runs over every page of the site, so the search for `="` is
    /// libc's `memchr` and only the few bytes around each hit are looked at here.
    static func htmlAttributes(_ text: String) -> (links: [String], ids: [String]) {
        var text = text
        return text.withUTF8 { bytes -> (links: [String], ids: [String]) in
            var links: [String] = [], ids: [String] = []
            guard let base = bytes.baseAddress else { return (links, ids) }
            let n = bytes.count
            var i = 0
            while i + 1 < n, let hit = memchr(base + i, Int32(UInt8(ascii: "=")), n - i - 1) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                guard bytes[at + 1] == UInt8(ascii: "\"") else { i = at + 1; continue }
                // The name before `="`, after a space or line break.
                var nameStart = at
                while nameStart > 0, nameStart > at - 5, bytes[nameStart - 1] >= UInt8(ascii: "a"), bytes[nameStart - 1] <= UInt8(ascii: "z") {
                    nameStart -= 1
                }
                let boundary = nameStart > 0 && (bytes[nameStart - 1] == UInt8(ascii: " ") || bytes[nameStart - 1] == UInt8(ascii: "\n"))
                let name = boundary ? at - nameStart : 0
                let isLink = (name == 4 && bytes[nameStart] == UInt8(ascii: "h") && bytes[nameStart + 1] == UInt8(ascii: "r")
                                && bytes[nameStart + 2] == UInt8(ascii: "e") && bytes[nameStart + 3] == UInt8(ascii: "f"))
                    || (name == 3 && bytes[nameStart] == UInt8(ascii: "s") && bytes[nameStart + 1] == UInt8(ascii: "r") && bytes[nameStart + 2] == UInt8(ascii: "c"))
                let isID = name == 2 && bytes[nameStart] == UInt8(ascii: "i") && bytes[nameStart + 1] == UInt8(ascii: "d")
                let valueStart = at + 2
                guard isLink || isID else { i = valueStart; continue }
                guard let close = memchr(base + valueStart, Int32(UInt8(ascii: "\"")), n - valueStart) else { break }
                let valueEnd = base.distance(to: close.assumingMemoryBound(to: UInt8.self))
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
                if isLink { links.append(value) } else { ids.append(value) }
                i = valueEnd + 1
            }
            return (links, ids)
        }
    }

    /// The values of attributes written `name"value"` (the name includes `="`).
    static func attributeValues(_ text: String, names: [String]) -> [String] {
        var out: [String] = []
        for name in names {
            var rest = text[...]
            while let r = rest.firstRange(of: name) {
                let after = rest[r.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                out.append(String(after[..<end]))
                rest = after[end...]
            }
        }
        return out
    }

    /// The texts of `<name>…</name>` elements.
    static func elementTexts(_ text: String, _ name: String) -> [String] {
        var out: [String] = []
        var rest = text[...]
        let open = "<\(name)>", close = "</\(name)>"
        while let r = rest.firstRange(of: open) {
            let after = rest[r.upperBound...]
            guard let end = after.firstRange(of: close) else { break }
            out.append(String(after[..<end.lowerBound]))
            rest = after[end.upperBound...]
        }
        return out
    }
}

extension String {
    /// The JSON string escapes that URLs can hold undone (`\u0026`, `\/`, `\"`, `\\`).
    var jsonUnescapedBasic: String {
        guard containsByte(UInt8(ascii: "\\")) else { return self }
        var out = ""
        var it = self[...]
        while let c = it.first {
            it = it.dropFirst()
            guard c == "\\", let next = it.first else { out.append(c); continue }
            it = it.dropFirst()
            if next == "u", it.count >= 4, let v = UInt32(it.prefix(4), radix: 16), let s = Unicode.Scalar(v) {
                out.unicodeScalars.append(s)
                it = it.dropFirst(4)
            } else {
                out.append(next)
            }
        }
        return out
    }
}
