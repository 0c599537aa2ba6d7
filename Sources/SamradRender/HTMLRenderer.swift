import SamradCore
import SamradLink
import SamradParse

/// Markdown syntax tree → HTML. Written for untrusted content: text is escaped, links
/// and images with script schemes are dropped, and raw HTML is shown as text unless the
/// site opts in with `markdown.raw_html: true`.
public struct HTMLRenderer: Sendable {
    public var allowRawHTML: Bool
    public var themes: ThemeResolver
    public var basePath: String
    /// Footnote references link to their note; off the document's page (theme pages, the
    /// question bank) the note is not there, so the number stands without a link.
    public var linksFootnotes = true
    /// The words of the site's language ("Fotnoter", "Tabell").
    public var words: Catalogue = .swedish
    /// The themes' folder below the base path ("teman/", `paths.themes` in site.yml).
    public var themesPath = SectionPaths().themes

    public init(allowRawHTML: Bool, themes: ThemeResolver, basePath: String) {
        self.allowRawHTML = allowRawHTML
        self.themes = themes
        self.basePath = basePath
    }

    public func render(_ nodes: [MarkdownNode], tight: Bool = false) -> String {
        var out = ""
        for node in nodes { render(node, into: &out, tight: tight) }
        return out
    }

    /// Inline content only (a heading's or a post-it's text), theme tags left out.
    public func renderInlines(_ nodes: [MarkdownNode], includeTags: Bool = false) -> String {
        var out = ""
        for node in nodes {
            if !includeTags, case .themeTags = node.kind { continue }
            if node.kind == .paragraph {
                for child in node.children {
                    if !includeTags, case .themeTags = child.kind { continue }
                    render(child, into: &out, tight: true)
                }
                continue
            }
            render(node, into: &out, tight: true)
        }
        return out.trimmingTrailingWhitespace
    }

    /// The content of a list item or post-it: its paragraphs as inline text when it is
    /// a single paragraph, full blocks otherwise.
    public func renderItemContent(_ nodes: [MarkdownNode], includeTags: Bool = false) -> String {
        if nodes.count == 1, nodes[0].kind == .paragraph { return renderInlines(nodes[0].children, includeTags: includeTags) }
        return render(includeTags ? nodes : nodes.map(\.withoutTags))
    }

    public func tagLinks(_ names: [String]) -> String {
        let slugs = themes.resolveAll(names)
        guard !slugs.isEmpty else { return "" }
        var out = "<span class=\"tags\"><span class=\"visually-hidden\">\(words["tags_prefix"].htmlEscaped) </span>"
        for (i, slug) in slugs.enumerated() {
            if i > 0 { out += " " }
            let name = themes.theme(slug)?.name ?? slug
            out += "<a href=\"\(basePath.htmlEscaped)\(themesPath.htmlEscaped)\(URLPath.encodeSegment(slug[...]).htmlEscaped)/\">\(name.htmlEscaped)</a>"
        }
        return out + "</span>"
    }

    private func render(_ node: MarkdownNode, into out: inout String, tight: Bool) {
        switch node.kind {
        case .document, .group:
            for child in node.children { render(child, into: &out, tight: tight) }
        case .paragraph:
            if tight {
                for child in node.children { render(child, into: &out, tight: tight) }
                out += "\n"
            } else {
                out += "<p>"
                for child in node.children { render(child, into: &out, tight: tight) }
                out += "</p>\n"
            }
        case .heading(let level):
            let l = Swift.min(6, Swift.max(1, level))
            out += "<h\(l)>"
            for child in node.children { render(child, into: &out, tight: true) }
            out += "</h\(l)>\n"
        case .blockQuote:
            out += "<blockquote>\n"
            for child in node.children { render(child, into: &out, tight: false) }
            out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            if ordered {
                out += start != 1 ? "<ol start=\"\(start)\">\n" : "<ol>\n"
            } else {
                out += "<ul>\n"
            }
            for item in node.children {
                out += "<li>"
                for child in item.children { render(child, into: &out, tight: isTight) }
                if out.utf8.last == 0x0A { out.removeLast() }
                out += "</li>\n"
            }
            out += ordered ? "</ol>\n" : "</ul>\n"
        case .item:
            out += "<li>"
            for child in node.children { render(child, into: &out, tight: tight) }
            out += "</li>\n"
        case .codeBlock(let info, let literal):
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            if language.isEmpty {
                out += "<pre><code>"
            } else {
                out += "<pre><code class=\"language-\(language.htmlEscaped)\">"
            }
            out += literal.htmlEscaped + "</code></pre>\n"
        case .htmlBlock(let html):
            out += allowRawHTML ? html : "<p>\(html.trimmingTrailingWhitespace.htmlEscaped)</p>\n"
        case .htmlInline(let html):
            out += allowRawHTML ? html : html.htmlEscaped
        case .thematicBreak:
            out += "<hr>\n"
        case .table(let alignments):
            renderTable(node, alignments: alignments, into: &out)
        case .tableRow, .tableCell:
            for child in node.children { render(child, into: &out, tight: true) }
        case .text(let s):
            appendHTMLEscaped(s, to: &out)
        case .softBreak:
            out += "\n"
        case .lineBreak:
            out += "<br>\n"
        case .code(let s):
            out += "<code>\(s.htmlEscaped)</code>"
        case .emphasis:
            out += "<em>"
            for child in node.children { render(child, into: &out, tight: tight) }
            out += "</em>"
        case .strong:
            out += "<strong>"
            for child in node.children { render(child, into: &out, tight: tight) }
            out += "</strong>"
        case .strikethrough:
            out += "<del>"
            for child in node.children { render(child, into: &out, tight: tight) }
            out += "</del>"
        case .link(let destination, let title):
            guard URLSafety.isSafe(destination) else {
                // The text stays; the dangerous target goes.
                for child in node.children { render(child, into: &out, tight: tight) }
                return
            }
            out += "<a href=\"\(URLPath.authoredHref(destination, basePath: basePath).htmlEscaped)\""
            if !title.isEmpty { out += " title=\"\(title.htmlEscaped)\"" }
            out += ">"
            for child in node.children { render(child, into: &out, tight: tight) }
            out += "</a>"
        case .image(let source, let title):
            let alt = node.plainText
            guard URLSafety.isSafe(source) else {
                out += alt.htmlEscaped
                return
            }
            out += "<img src=\"\(URLPath.authoredHref(source, basePath: basePath).htmlEscaped)\" alt=\"\(alt.htmlEscaped)\" loading=\"lazy\""
            if !title.isEmpty { out += " title=\"\(title.htmlEscaped)\"" }
            out += ">"
        case .themeTags(let names):
            let links = tagLinks(names)
            if !links.isEmpty { out += " " + links }
        case .footnoteReference(let label, let number):
            // A reference to a note that does not exist stays as written.
            guard number > 0 else { appendHTMLEscaped("[^\(label)]", to: &out); return }
            guard linksFootnotes else { out += "<sup class=\"fn-ref\">\(number)</sup>"; return }
            out += "<sup class=\"fn-ref\"><a href=\"#fotnot-\(number)\" id=\"fotnot-ref-\(number)\" role=\"doc-noteref\"><span class=\"visually-hidden\">\(words["footnote"].htmlEscaped) </span>\(number)</a></sup>"
        case .footnoteDefinition:
            for child in node.children { render(child, into: &out, tight: tight) }
        }
    }

    /// The notes at the end of a page, each with a link back to where it is referenced.
    public func footnotes(_ notes: [(number: Int, id: String, content: [MarkdownNode])]) -> String {
        guard !notes.isEmpty else { return "" }
        var out = "<section class=\"footnotes\" aria-labelledby=\"fotnoter-rubrik\">\n<h2 id=\"fotnoter-rubrik\">\(words["footnotes_title"].htmlEscaped)</h2>\n<ol>\n"
        for note in notes {
            out += "<li id=\"\(note.id.htmlEscaped)\" value=\"\(note.number)\">"
            out += renderItemContent(note.content, includeTags: true)
            out += " <a href=\"#fotnot-ref-\(note.number)\" class=\"fn-back\" role=\"doc-backlink\" aria-label=\"\(words.text("footnote_back", ["n": String(note.number)]).htmlEscaped)\">↩</a></li>\n"
        }
        return out + "</ol>\n</section>\n"
    }

    private func renderTable(_ node: MarkdownNode, alignments: [MarkdownNode.TableAlignment], into out: inout String) {
        out += "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"\(words["table_label"].htmlEscaped)\"><table>\n"
        let header = node.children.first { if case .tableRow(true) = $0.kind { return true } else { return false } }
        let rows = node.children.filter { if case .tableRow(true) = $0.kind { return false } else { return true } }
        func cells(_ row: MarkdownNode, tag: String) {
            out += "<tr>"
            for (i, cell) in row.children.enumerated() {
                let align = i < alignments.count ? alignments[i] : .none
                let cls: String
                switch align {
                case .left: cls = " class=\"align-left\""
                case .center: cls = " class=\"align-center\""
                case .right: cls = " class=\"align-right\""
                case .none: cls = ""
                }
                let scope = tag == "th" ? " scope=\"col\"" : ""
                out += "<\(tag)\(scope)\(cls)>"
                for child in cell.children { render(child, into: &out, tight: true) }
                out += "</\(tag)>"
            }
            out += "</tr>\n"
        }
        if let header {
            out += "<thead>\n"
            cells(header, tag: "th")
            out += "</thead>\n"
        }
        if !rows.isEmpty {
            out += "<tbody>\n"
            for row in rows { cells(row, tag: "td") }
            out += "</tbody>\n"
        }
        out += "</table></div>\n"
    }
}

extension MarkdownNode {
    /// The same tree with theme tag nodes removed.
    var withoutTags: MarkdownNode {
        var copy = self
        copy.children = children.compactMap {
            if case .themeTags = $0.kind { return nil }
            return $0.withoutTags
        }
        return copy
    }
}
