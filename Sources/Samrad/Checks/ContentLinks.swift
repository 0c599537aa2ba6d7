import SamradCore
import SamradExtract
import SamradLink
import SamradParse

/// A link or image written in the content, with the page it appears on.
struct ContentLink {
    var url: String
    var isImage: Bool
    /// Site path of the page the link is on ("moten/x/").
    var page: String
    var location: SourceLocation
}

/// Collects every link and image source from the content, with its file and line.
enum ContentLinks {
    static func collect(_ site: LinkedSite) -> [ContentLink] {
        site.meetings.flatMap { collect($0.meeting, paths: site.config.paths) } + collect(pages: site.pages)
    }

    /// The links of one meeting: its notes, boards and appendices.
    static func collect(_ m: Meeting, paths: SectionPaths = SectionPaths()) -> [ContentLink] {
        var links: [ContentLink] = []
        let path = paths.meeting(m.slug)
        do {
            var walker = Walker(page: path, file: m.file)
            walker.blocks(m.body)
            for q in m.questions {
                walker.nodes(q.title, line: q.location.line)
                for p in q.prompts { walker.nodes(p.content, line: q.location.line) }
                for point in q.summary?.points ?? [] { walker.nodes(point.content, line: point.location.line) }
                walker.blocks(q.discussion)
            }
            for point in m.summary?.points ?? [] { walker.nodes(point.content, line: point.location.line) }
            for note in m.footnotes { walker.nodes(note.content, line: 0) }
            links += walker.found
            for board in m.boards {
                var w = Walker(page: path, file: board.file)
                w.blocks(board.intro)
                for c in board.categories {
                    w.blocks(c.notes)
                    for p in c.postIts { w.nodes(p.content, line: p.location.line) }
                }
                links += w.found
            }
            for appendix in m.appendices {
                var w = Walker(page: "\(path)\(appendix.slug)/", file: appendix.file)
                w.blocks(appendix.body)
                for note in appendix.footnotes { w.nodes(note.content, line: 0) }
                links += w.found
            }
        }
        return links
    }

    static func collect(pages: [Page]) -> [ContentLink] {
        var links: [ContentLink] = []
        for page in pages {
            var w = Walker(page: "\(page.slug)/", file: page.file)
            w.blocks(page.body)
            for note in page.footnotes { w.nodes(note.content, line: 0) }
            links += w.found
        }
        return links
    }

    struct Walker {
        let page: String
        let file: String
        var found: [ContentLink] = []

        mutating func blocks(_ blocks: [BodyBlock]) {
            for block in blocks {
                switch block {
                case .markdown(let node): walk(node, line: node.line)
                case .anchored(let p): walk(p.node, line: p.node.line)
                case .heading(let h): nodes(h.content, line: 0)
                case .turn(let t): nodes(t.content, line: 0)
                case .summary(let s): for p in s.points { nodes(p.content, line: p.location.line) }
                case .question, .meetingSummary: break
                }
            }
        }

        mutating func nodes(_ nodes: [MarkdownNode], line: Int) {
            for n in nodes { walk(n, line: line) }
        }

        mutating func walk(_ node: MarkdownNode, line: Int) {
            let here = node.line > 0 ? node.line : line
            switch node.kind {
            case .link(let destination, _):
                found.append(ContentLink(url: destination, isImage: false, page: page, location: SourceLocation(file: file, line: here, column: node.column)))
            case .image(let source, _):
                found.append(ContentLink(url: source, isImage: true, page: page, location: SourceLocation(file: file, line: here, column: node.column)))
            default: break
            }
            for child in node.children { walk(child, line: here) }
        }
    }
}
