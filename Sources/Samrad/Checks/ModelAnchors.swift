import SamradCore
import SamradExtract
import SamradLink

/// The ids the model gives a page, known before anything is rendered: enough to check
/// links to questions, summary points, post-its and headings in the preview.
struct ModelAnchors {
    private var byFile: [String: Set<String>] = [:]

    init(meetings: [[String: Set<String>]], pages: [Page]) {
        for m in meetings { add(m) }
        for page in pages { byFile["\(page.slug)/index.html"] = Set(page.anchors) }
    }

    private mutating func add(_ files: [String: Set<String>]) {
        for (file, ids) in files { byFile[file] = ids }
    }

    /// The anchors of one meeting's pages, by output file.
    static func of(_ m: Meeting, paths: SectionPaths = SectionPaths()) -> [String: Set<String>] {
        let page = paths.meeting(m.slug)
        var out = ["\(page)index.html": Set(m.anchors)]
        for a in m.appendices { out["\(page)\(a.slug)/index.html"] = Set(a.headingIDs) }
        return out
    }

    func anchors(of file: String) -> Set<String>? { byFile[file] }
}
