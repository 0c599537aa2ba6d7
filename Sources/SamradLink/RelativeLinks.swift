import SamradCore
import SamradExtract
import SamradParse

/// Relative links in the parts of a meeting that are shown on other pages too (question
/// titles, sub-prompts, summary points, post-its: on theme pages, the question bank and
/// the idea bank) are made root-relative to the meeting page, `karta.png` →
/// `/moten/<slug>/karta.png`, so that they lead to the same place wherever they are shown.
/// The renderer puts root-relative links under the base path. Notes and appendices are
/// only shown on their own page and keep their links as written.
enum RelativeLinks {
    /// - Parameter page: the meeting page's site path ("moten/<slug>/").
    static func rebase(_ meeting: inout Meeting, page: String) {
        for q in meeting.questions.indices {
            if let t = rebased(meeting.questions[q].title, page) { meeting.questions[q].title = t }
            for p in meeting.questions[q].prompts.indices {
                if let c = rebased(meeting.questions[q].prompts[p].content, page) { meeting.questions[q].prompts[p].content = c }
            }
            for p in (meeting.questions[q].summary?.points ?? []).indices {
                if let c = rebased(meeting.questions[q].summary?.points[p].content ?? [], page) {
                    meeting.questions[q].summary?.points[p].content = c
                }
            }
        }
        for p in (meeting.summary?.points ?? []).indices {
            if let c = rebased(meeting.summary?.points[p].content ?? [], page) { meeting.summary?.points[p].content = c }
        }
        for b in meeting.boards.indices {
            for c in meeting.boards[b].categories.indices {
                for p in meeting.boards[b].categories[c].postIts.indices {
                    if let n = rebased(meeting.boards[b].categories[c].postIts[p].content, page) {
                        meeting.boards[b].categories[c].postIts[p].content = n
                    }
                }
            }
        }
    }

    /// The nodes with relative links rebased, or nil when none changed (then nothing is
    /// written: the meeting's arrays are shared with the preview's cache).
    static func rebased(_ nodes: [MarkdownNode], _ page: String) -> [MarkdownNode]? {
        var out: [MarkdownNode]?
        for (i, node) in nodes.enumerated() {
            var copy = node
            var changed = false
            switch node.kind {
            case .link(let destination, let title):
                if let url = rootRelative(destination, page) { copy.kind = .link(destination: url, title: title); changed = true }
            case .image(let source, let title):
                if let url = rootRelative(source, page) { copy.kind = .image(source: url, title: title); changed = true }
            default: break
            }
            if let children = rebased(node.children, page) { copy.children = children; changed = true }
            if changed {
                if out == nil { out = nodes }
                out?[i] = copy
            }
        }
        return out
    }

    /// `/moten/x/karta.png` for `karta.png` on `moten/x/`; nil for a URL that is not
    /// relative to the page (absolute, root-relative, another scheme) or climbs above the
    /// site's root (the link check reports that one).
    static func rootRelative(_ url: String, _ page: String) -> String? {
        let url = url.trimmed
        guard !url.isEmpty, !url.hasPrefix("/"), URLSafety.isRelative(url) else { return nil }
        var path = Substring(url), rest = Substring("")
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            rest = path[cut...]
            path = path[..<cut]
        }
        var segments = page.split(separator: "/").map(String.init)
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            if part == "." || (part.isEmpty && i < parts.count - 1) { continue }
            if part == ".." {
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            } else if !part.isEmpty {
                segments.append(String(part))
            }
        }
        let trailing = path.isEmpty || path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..") || path == "." || path == ".."
        var result = "/" + segments.joined(separator: "/")
        if trailing && result != "/" { result += "/" }
        return result + rest
    }
}
