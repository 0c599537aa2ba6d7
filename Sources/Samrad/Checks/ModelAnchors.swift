import SamradExtract
import SamradLink

/// The ids the model gives a page, known before anything is rendered: enough to check
/// links to questions, summary points, post-its and headings in the preview.
struct ModelAnchors {
    private var byFile: [String: Set<String>] = [:]

    init(_ site: LinkedSite) {
        for linked in site.meetings {
            byFile["\(linked.path)index.html"] = Set(linked.meeting.anchors)
            for a in linked.meeting.appendices {
                byFile["\(linked.path)\(a.slug)/index.html"] = Set(a.headingIDs)
            }
        }
        for page in site.pages { byFile["\(page.slug)/index.html"] = Set(page.anchors) }
    }

    func anchors(of file: String) -> Set<String>? { byFile[file] }
}
