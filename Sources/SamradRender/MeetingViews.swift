import Mustache
import SamradAggregate
import SamradCore
import SamradExtract
import SamradLink
import SamradParse

/// View models of meetings: the card on listings and the full meeting page.
///
/// A class, not a struct: it is captured by every page's job and by the closures of its
/// own maps and memos, and each copy of the struct retained and released its dozen
/// references one by one (about 1.7 % of a 2,000-meeting build's CPU in copies alone).
final class MeetingViews: Sendable {
    let html: HTMLRenderer
    let index: SiteIndex
    let config: SiteConfig
    let templates: TemplateSet
    let fragments: FragmentCache

    init(html: HTMLRenderer, index: SiteIndex, config: SiteConfig, templates: TemplateSet, fragments: FragmentCache) {
        (self.html, self.index, self.config, self.templates, self.fragments) = (html, index, config, templates, fragments)
    }

    /// The meeting's card as HTML, rendered once with partials/meeting-card.
    func cardHTML(_ i: Int) -> CardSlot {
        CardSlot(cardHTML: fragments.meetingCardHTML.value(i) { HTML(fragments.stencils.render(card(i), template: "partials/meeting-card", with: templates)) })
    }

    /// The meeting's line in a theme's list (partials/meeting-line), made once per build.
    func lineHTML(_ i: Int) -> String {
        fragments.meetingLineHTML.value(i) { fragments.stencils.render(card(i), template: "partials/meeting-line", with: templates) }
    }

    var base: String { config.basePath }

    func facts(_ i: Int) -> MeetingFacts {
        fragments.meetingFacts.value(i) {
            let linked = index.meeting(i)
            let m = linked.meeting
            return MeetingFacts(title: m.title, slug: m.slug, url: url(linked), dateText: dateText(m),
                                isoDate: m.date.description, year: m.date.year)
        }
    }

    func url(_ m: LinkedMeeting) -> String { config.href(m.path) }

    /// Tag links for a list of theme slugs; the same few combinations recur on tens of
    /// thousands of ideas and points, so each is made once.
    func tags(_ slugs: [String]) -> [NamedLink] {
        fragments.tagLists.value(slugs) {
            index.site.themes.resolveAll(slugs).map { slug in
                NamedLink(name: index.site.themes.theme(slug)?.name ?? slug, url: config.href(config.paths.theme(slug)), slug: slug)
            }
        }
    }

    func tags(_ refs: [TagRef]) -> [NamedLink] { tags(refs.map(\.name)) }

    /// partials/tags for a list of theme slugs, rendered once per list.
    func tagListHTML(_ slugs: [String]) -> HTML {
        fragments.tagListHTML.value(slugs) { HTML(templates.render(TagListView(tags: tags(slugs)), template: "partials/tags")) }
    }

    /// Items through a partial that is a stencil, one after another (`{{{…HTML}}}`).
    func itemsHTML(_ items: [some MustacheParent], template: String) -> HTML {
        var out = ""
        for item in items { out += fragments.stencils.render(item, template: template, with: templates) }
        return HTML(out)
    }

    /// partials/postit-tags for a list of theme slugs, rendered once per list.
    func postItTagsHTML(_ slugs: [String]) -> HTML {
        fragments.postItTags.value(slugs) { HTML(templates.render(TagListView(tags: tags(slugs)), template: "partials/postit-tags")) }
    }

    func dateText(_ m: Meeting) -> String { t.dateRange(m.date, m.endDate) }

    /// The site's words.
    var t: Catalogue { config.catalogue }

    /// `card(_:)` of meeting `i`, made once per build.
    func card(_ i: Int) -> MeetingCard {
        fragments.meetingCards.value(i) { card(index.meeting(i)) }
    }

    func card(_ linked: LinkedMeeting) -> MeetingCard {
        let m = linked.meeting
        var counts: [String] = []
        if !m.questions.isEmpty { counts.append(t.count(m.questions.count, "count_question")) }
        let postIts = m.postItCount
        if postIts > 0 { counts.append(t.count(postIts, "count_idea")) }
        if !linked.participants.isEmpty { counts.append(t.count(linked.participants.count, "count_organization")) }
        return MeetingCard(
            title: m.title, url: url(linked), isoDate: m.date.description, dateText: dateText(m), slug: m.slug,
            // A report or transcript without a `kind` label is still labelled as what it is.
            kind: Text(m.kind ?? (m.type == .meeting ? nil : t.title(m.type))), lede: Text(m.lede), year: m.date.year, countsText: counts.joined(separator: " · "))
    }

    // MARK: - Meeting page

    func page(_ i: Int, jsonLD: String) -> MeetingPage {
        let linked = index.meeting(i)
        let m = linked.meeting
        let appendices = m.appendices.map { TitledLink(title: $0.title, url: config.href("\(linked.path)\($0.slug)/")) }
        var documents = m.documents.map { d in
            DocumentLink(name: d.name, url: URLSafety.isRelative(d.outputPath) ? config.href(d.outputPath) : URLPath.escapeAuthored(d.outputPath),
                         sizeText: Text(t.fileSize(d.size)))
        }
        if m.documents.isEmpty {
            // Without a `documents` list, attached files that are documents are listed.
            let documentTypes: Set<String> = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp", "txt", "csv"]
            for a in m.attachments {
                let ext = a.outputPath.split(separator: ".").last.map { $0.lowercased() } ?? ""
                if documentTypes.contains(ext) {
                    documents.append(DocumentLink(name: String(a.outputPath.split(separator: "/").last ?? ""), url: config.href(a.outputPath), sizeText: Text(nil)))
                }
            }
        }
        // Meetings are stored newest first: the previous meeting is the next one in the list.
        func link(_ j: Int) -> NeighbourLink {
            NeighbourLink(title: facts(j).title, url: facts(j).url, noun: t.noun(index.site.meetings[j].meeting.type))
        }
        let searchThemes = index.site.themes.resolveAll(linked.themes).map { index.site.themes.theme($0)?.name ?? $0 }
        let participants = linked.participants.map { slug in
            NamedLink(name: index.organization(slug)?.name ?? slug, url: config.href(config.paths.organization(slug)), slug: slug)
        }
        let toc = toc(m)
        return MeetingPage(
            card: card(linked), jsonLD: HTML(jsonLD), tags: tags(m.frontThemes),
            searchThemes: searchThemes,
            tagListHTML: tagListHTML(m.frontThemes.map(\.name)),
            organizer: Text(m.organizer), commissionedBy: Text(m.commissionedBy), location: Text(m.location),
            speakersText: Text(t.join(m.speakers.map(Phrases.speakerName))),
            authorsText: Text(t.join(m.authors)),
            blocks: blocks(m, m.body), toc: toc, tocHTML: tocHTML(toc), footnotesHTML: HTML(footnotesHTML(m.footnotes)),
            boards: m.boards.enumerated().map { board($0.element, index: $0.offset) },
            participants: participants,
            participantGroups: linked.participantGroups.map { group in
                let members = group.members.map { member in
                    ParticipantView(name: index.organization(member.slug)?.name ?? member.slug,
                                    url: config.href(config.paths.organization(member.slug)), role: Text(member.role))
                }
                return ParticipantGroupView(name: Text(group.name), members: members, membersHTML: itemsHTML(members, template: "partials/participant"))
            },
            appendices: appendices, documents: documents,
            previous: i + 1 < index.site.meetings.count ? link(i + 1) : nil, next: i > 0 ? link(i - 1) : nil)
    }

    /// The blocks of a body for partials/blocks, each run of HTML blocks joined into one:
    /// a long record is hundreds of paragraphs, and each item of the section costs the
    /// library a context and three look-ups. They are joined with the three line breaks
    /// the partial puts after each block, so the page is the same.
    func blocks(_ m: Meeting?, _ body: [BodyBlock]) -> BlockList {
        let items = blockViews(m, body)
        return BlockList(items: items, html: Self.blocksHTML(items, stencils: fragments.stencils, templates: templates))
    }

    /// `items` through partials/block, joined, without the last line break.
    static func blocksHTML(_ items: [BlockView], stencils: StencilCache, templates: TemplateSet) -> HTML {
        var out = ""
        for item in items { out += stencils.render(item, template: "partials/block", with: templates) }
        if out.utf8.last == UInt8(ascii: "\n") { out.unicodeScalars.removeLast() }
        return HTML(out)
    }

    func blockViews(_ m: Meeting?, _ body: [BodyBlock]) -> [BlockView] {
        var out: [BlockView] = []
        var run: [String] = []
        func flush() {
            if !run.isEmpty { out.append(.html(HTML(run.joined(separator: "\n\n\n")))) }
            run.removeAll()
        }
        for b in body {
            let view = block(m, b)
            if case .html(let html) = view { run.append(html.html) } else { flush(); out.append(view) }
        }
        flush()
        return out
    }

    /// One block of a body; questions and the meeting summary need their meeting.
    func block(_ m: Meeting?, _ block: BodyBlock) -> BlockView {
        switch block {
        case .markdown(let node):
            return .html(HTML(html.render([node])))
        case .anchored(let p):
            return .html(HTML(anchoredHTML(p)))
        case .heading(let h):
            return .html(HTML(headingHTML(h)))
        case .turn(let turn):
            return .html(HTML(turnHTML(turn)))
        case .question(let qi):
            guard let m, qi < m.questions.count else { return .nothing }
            let view = question(m.questions[qi], meetingURL: nil)
            return .question(view, HTML(fragments.stencils.render(view, template: "partials/question", with: templates)))
        case .meetingSummary:
            guard let s = m?.summary else { return .nothing }
            return summaryBlock(summary(s, headingLevel: 2))
        case .summary(let s):
            return summaryBlock(summary(s, headingLevel: 2))
        }
    }

    func summaryBlock(_ view: SummaryView) -> BlockView {
        .summary(view, HTML(fragments.stencils.render(view, template: "partials/summary", with: templates)))
    }

    func headingHTML(_ h: Heading) -> String {
        let level = Swift.min(6, Swift.max(2, h.level))
        var out = "<h\(level) id=\"\(h.id.htmlEscaped)\">\(html.renderInlines(h.content))</h\(level)>\n"
        let chips = html.tagLinks(h.tags.map(\.name))
        if !chips.isEmpty { out += "<p class=\"heading-tags\">\(chips)</p>\n" }
        return out
    }

    /// A tagged paragraph, with the id theme pages link to.
    func anchoredHTML(_ p: AnchoredParagraph) -> String {
        "<p id=\"\(p.id.htmlEscaped)\">" + html.renderInlines(p.node.children, includeTags: true) + "</p>\n"
    }

    func footnotesHTML(_ notes: [Footnote]) -> String {
        html.footnotes(notes.map { ($0.number, $0.id, $0.content) })
    }

    func turnHTML(_ turn: SpeakerTurn) -> String {
        "<p class=\"turn\"><span class=\"speaker\">\(Phrases.speakerName(turn.speaker).htmlEscaped):</span> \(html.renderInlines(turn.content, includeTags: true))</p>\n"
    }

    func discussionHTML(_ blocks: [BodyBlock]) -> String {
        var out = ""
        for b in blocks {
            switch b {
            case .markdown(let node): out += html.render([node])
            case .anchored(let p): out += anchoredHTML(p)
            case .heading(let h): out += headingHTML(h)
            case .turn(let t): out += turnHTML(t)
            default: break
            }
        }
        return out
    }

    /// - Parameter meetingURL: set when the question is shown away from its meeting
    ///   (theme pages, question bank), so that links point back to it.
    func question(_ q: Question, meetingURL: String?) -> QuestionView {
        let label = config.questionLabels.first ?? t["question_label"]
        let prompts = q.prompts.map { HTMLItem(html: HTML(html.renderItemContent($0.content, includeTags: true))) }
        var view = QuestionView(
            id: q.id, label: q.number.map { "\(label) \($0)" } ?? label, text: q.text, url: (meetingURL ?? "") + "#" + q.id,
            titleHTML: HTML(html.renderInlines(q.title)), headingLevel: Swift.min(6, Swift.max(2, q.level)),
            session: Text(q.session), tags: tags(q.tags), tagListHTML: tagListHTML(q.tags.map(\.name)),
            prompts: prompts, promptsHTML: itemsHTML(prompts, template: "partials/prompt"),
            summary: q.summary.map { summary($0, headingLevel: Swift.min(6, Swift.max(2, q.level) + 1), question: q.id) },
            hasDiscussion: !q.discussion.isEmpty, discussionHTML: HTML(discussionHTML(q.discussion)))
        if let summary = view.summary {
            view.summaryHTML = HTML(PortalPages.trimmed(fragments.stencils.render(summary, template: "partials/summary", with: templates)))
        }
        return view
    }

    /// - Parameter question: the id of the question heading a question's summary belongs
    ///   to. Its landmark is named by both headings ("Sammanfattning Fråga 3 Vad …?"), so a
    ///   screen reader's landmark list tells the summaries of a meeting apart.
    func summary(_ s: Summary, headingLevel: Int, question: String? = nil) -> SummaryView {
        let points = s.points.map { p in
            SummaryPointView(id: p.id, text: p.text, html: HTML(html.renderItemContent(p.content)), tagsHTML: HTML(tagsHTML(p.tags)))
        }
        return SummaryView(
            id: s.id, label: config.summaryLabels.first ?? t["summary_label"], headingLevel: headingLevel,
            questionID: Text(question), points: points, pointsHTML: itemsHTML(points, template: "partials/summary-point"))
    }

    func tagsHTML(_ refs: [TagRef]) -> String {
        let links = html.tagLinks(refs.map(\.name))
        return links.isEmpty ? "" : " " + links
    }

    func board(_ b: PostItBoard, index boardIndex: Int) -> BoardView {
        var topIndex = 0
        var lastTop = -1
        let categories = b.categories.map { c -> BoardCategoryView in
            if c.depth <= 1 { topIndex += 1; lastTop = topIndex }
            let color = ((Swift.max(lastTop, 1) - 1) % 5) + 1
            let postIts = c.postIts.map { postIt($0, color: color) }
            return BoardCategoryView(
                id: c.id, title: c.path.last ?? "", depth: c.depth, headingLevel: Swift.min(6, 2 + Swift.max(1, c.depth)),
                hasHeading: !c.path.isEmpty, parentPath: Text(c.path.dropLast().joined(separator: " › ")), color: color,
                notesHTML: HTML(discussionHTML(c.notes)), postIts: postIts, postItsHTML: itemsHTML(postIts, template: "partials/postit"))
        }
        var view = BoardView(
            id: "bilaga-\(Slug.make(b.slug))", title: b.title,
            countText: t.text("board_count", ["postits": t.count(b.postIts.count, "count_postit"),
                                              "categories": t.count(b.categories.filter { !$0.postIts.isEmpty }.count, "count_category")]),
            introHTML: HTML(discussionHTML(b.intro)), categories: categories)
        view.categoriesHTML = itemsHTML(categories, template: "partials/board-category")
        return view
    }

    func postIt(_ p: PostIt, color: Int) -> PostItView {
        let names = p.tags.map(\.name)
        return PostItView(id: p.id, text: p.text, html: HTML(html.renderItemContent(p.content)), tags: tags(names),
                          tagsHTML: postItTagsHTML(names), color: color)
    }

    /// The table of contents through partials/toc-entry, each entry with the entries under
    /// it inside, three levels deep (as the nested sections of meeting.mustache were):
    /// about a dozen entries on every meeting page, filled in from a stencil.
    func tocHTML(_ entries: [TocEntry]) -> HTML { Self.tocHTML(entries, stencils: fragments.stencils, templates: templates) }

    static func tocHTML(_ entries: [TocEntry], stencils: StencilCache, templates: TemplateSet, depth: Int = 1) -> HTML {
        var out = ""
        for var entry in entries {
            if depth < 3, !entry.children.isEmpty {
                entry.childrenHTML = tocHTML(entry.children, stencils: stencils, templates: templates, depth: depth + 1)
            } else {
                entry.children = []
            }
            out += stencils.render(entry, template: "partials/toc-entry", with: templates)
        }
        return HTML(out)
    }

    /// Sessions with their questions, the summary and the boards: the reader's map of a
    /// long record. Headings down to the meeting's `tocDepth` (2: sections; 3 for reports:
    /// chapters, sections and subsections), questions wherever they stand; nested by level,
    /// three deep at most.
    func toc(_ m: Meeting) -> [TocEntry] {
        var roots: [TocEntry] = []
        let label = config.questionLabels.first ?? t["question_label"]
        func add(_ id: String, _ text: String, level: Int) {
            let entry = TocEntry(id: id, text: text, level: level)
            // Under the last entry of a lower level, down to the third level of nesting.
            if var parent = roots.last, parent.level < level {
                if var child = parent.children.last, child.level < level {
                    if child.children.last.map({ $0.level < level }) ?? false, var grand = child.children.last {
                        grand.children.append(entry)
                        child.children[child.children.count - 1] = grand
                    } else {
                        child.children.append(entry)
                    }
                    parent.children[parent.children.count - 1] = child
                } else {
                    parent.children.append(entry)
                }
                roots[roots.count - 1] = parent
            } else {
                roots.append(entry)
            }
        }
        for block in m.body {
            switch block {
            case .heading(let h) where h.level <= m.tocDepth:
                add(h.id, h.text, level: h.level)
            case .question(let qi):
                let q = m.questions[qi]
                add(q.id, q.number.map { "\(label) \($0): \(q.text)" } ?? q.text, level: q.level)
            case .meetingSummary:
                if let s = m.summary { add(s.id, config.summaryLabels.first ?? t["summary_label"], level: 2) }
            default: break
            }
            // Headings inside a question's discussion are part of the map of a report.
            if case .question(let qi) = block, m.tocDepth > 2 {
                for case .heading(let h) in m.questions[qi].discussion where h.level <= m.tocDepth { add(h.id, h.text, level: h.level) }
            }
        }
        for b in m.boards { roots.append(TocEntry(id: "bilaga-\(Slug.make(b.slug))", text: b.title, level: 1)) }
        func count(_ e: [TocEntry]) -> Int { e.reduce(0) { $0 + 1 + count($1.children) } }
        // A table of contents pays off only when there is something to jump between.
        return count(roots) >= 3 ? roots : []
    }
}

