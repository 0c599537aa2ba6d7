import SamradAggregate
import SamradCore
import SamradExtract
import SamradLink
import SamradParse

/// View models of meetings: the card on listings and the full meeting page.
struct MeetingViews: Sendable {
    let html: HTMLRenderer
    let index: SiteIndex
    let config: SiteConfig
    let templates: TemplateSet
    let fragments: FragmentCache

    /// The meeting's card as HTML, rendered once with partials/meeting-card.
    func cardHTML(_ i: Int) -> [String: Any] {
        ["cardHTML": fragments.meetingCardHTML.value(i) { templates.render(card(i), template: "partials/meeting-card") }]
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
    func tags(_ slugs: [String]) -> [[String: Any]] {
        fragments.tagLists.value(slugs) {
            index.site.themes.resolveAll(slugs).map { slug in
                ["name": index.site.themes.theme(slug)?.name ?? slug, "url": config.href("teman/\(slug)/"), "slug": slug]
            }
        }
    }

    func tags(_ refs: [TagRef]) -> [[String: Any]] { tags(refs.map(\.name)) }

    func dateText(_ m: Meeting) -> String { DateFormatting.range(m.date, m.endDate, language: config.language) }

    /// `card(_:)` of meeting `i`, made once per build.
    func card(_ i: Int) -> [String: Any] {
        fragments.meetingCards.value(i) { card(index.meeting(i)) }
    }

    func card(_ linked: LinkedMeeting) -> [String: Any] {
        let m = linked.meeting
        var counts: [String] = []
        if !m.questions.isEmpty { counts.append(Phrases.count(m.questions.count, "fråga", "frågor")) }
        let postIts = m.postItCount
        if postIts > 0 { counts.append(Phrases.count(postIts, "idé", "idéer")) }
        if !linked.participants.isEmpty { counts.append(Phrases.count(linked.participants.count, "organisation", "organisationer")) }
        return [
            "title": m.title, "url": url(linked), "isoDate": m.date.description, "dateText": dateText(m),
            "kind": nonEmpty(m.kind), "lede": nonEmpty(m.lede), "hasCounts": !counts.isEmpty,
            "countsText": counts.joined(separator: " · "), "slug": m.slug, "year": m.date.year,
        ]
    }

    // MARK: - Meeting page

    func page(_ i: Int) -> [String: Any] {
        let linked = index.meeting(i)
        let m = linked.meeting
        var context: [String: Any] = card(linked)
        context["tags"] = tags(m.frontThemes)
        context["searchThemes"] = index.site.themes.resolveAll(linked.themes).map { index.site.themes.theme($0)?.name ?? $0 }
        context["organizer"] = nonEmpty(m.organizer)
        context["commissionedBy"] = nonEmpty(m.commissionedBy)
        context["location"] = nonEmpty(m.location)
        context["speakersText"] = nonEmpty(Phrases.list(m.speakers.map(Phrases.speakerName)))
        context["blocks"] = m.body.map { block(m, $0) }
        context["toc"] = toc(m)
        context["boards"] = m.boards.enumerated().map { board($0.element, index: $0.offset) }
        context["participants"] = linked.participants.map { slug -> [String: Any] in
            ["name": index.organization(slug)?.name ?? slug, "url": config.href("organisationer/\(slug)/")]
        }
        let appendices = m.appendices.map { ["title": $0.title, "url": config.href("\(linked.path)\($0.slug)/")] }
        var documents = m.documents.map { d -> [String: Any] in
            ["name": d.name, "url": URLSafety.isRelative(d.outputPath) ? config.href(d.outputPath) : URLPath.escapeAuthored(d.outputPath), "sizeText": nonEmpty(Phrases.fileSize(d.size))]
        }
        if m.documents.isEmpty {
            // Without a `documents` list, attached files that are documents are listed.
            let documentTypes: Set<String> = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp", "txt", "csv"]
            for a in m.attachments {
                let ext = a.outputPath.split(separator: ".").last.map { $0.lowercased() } ?? ""
                if documentTypes.contains(ext) {
                    documents.append(["name": String(a.outputPath.split(separator: "/").last ?? ""), "url": config.href(a.outputPath), "sizeText": false])
                }
            }
        }
        context["appendices"] = appendices
        context["documents"] = documents
        context["hasAttachments"] = !appendices.isEmpty || !documents.isEmpty
        // Meetings are stored newest first: the previous meeting is the next one in the list.
        context["previous"] = i + 1 < index.site.meetings.count ? ["title": facts(i + 1).title, "url": facts(i + 1).url] as [String: Any] : false
        context["next"] = i > 0 ? ["title": facts(i - 1).title, "url": facts(i - 1).url] as [String: Any] : false
        return context
    }

    /// One block of a body; questions and the meeting summary need their meeting.
    func block(_ m: Meeting?, _ block: BodyBlock) -> [String: Any] {
        // Every key is set: Mustache would otherwise look the name up in the page around it.
        func entry(html: Any = false, question: Any = false, summary: Any = false) -> [String: Any] {
            ["html": html, "question": question, "summary": summary]
        }
        switch block {
        case .markdown(let node):
            return entry(html: html.render([node]))
        case .heading(let h):
            return entry(html: headingHTML(h))
        case .turn(let turn):
            return entry(html: turnHTML(turn))
        case .question(let qi):
            guard let m, qi < m.questions.count else { return entry() }
            return entry(question: question(m.questions[qi], meetingURL: nil))
        case .meetingSummary:
            guard let s = m?.summary else { return entry() }
            return entry(summary: summary(s, headingLevel: 2))
        case .summary(let s):
            return entry(summary: summary(s, headingLevel: 2))
        }
    }

    func headingHTML(_ h: Heading) -> String {
        let level = Swift.min(6, Swift.max(2, h.level))
        var out = "<h\(level) id=\"\(h.id.htmlEscaped)\">\(html.renderInlines(h.content))</h\(level)>\n"
        let chips = html.tagLinks(h.tags.map(\.name))
        if !chips.isEmpty { out += "<p class=\"heading-tags\">\(chips)</p>\n" }
        return out
    }

    func turnHTML(_ turn: SpeakerTurn) -> String {
        "<p class=\"turn\"><span class=\"speaker\">\(Phrases.speakerName(turn.speaker).htmlEscaped):</span> \(html.renderInlines(turn.content, includeTags: true))</p>\n"
    }

    func discussionHTML(_ blocks: [BodyBlock]) -> String {
        var out = ""
        for b in blocks {
            switch b {
            case .markdown(let node): out += html.render([node])
            case .heading(let h): out += headingHTML(h)
            case .turn(let t): out += turnHTML(t)
            default: break
            }
        }
        return out
    }

    /// - Parameter meetingURL: set when the question is shown away from its meeting
    ///   (theme pages, question bank), so that links point back to it.
    func question(_ q: Question, meetingURL: String?) -> [String: Any] {
        let label = config.questionLabels.first ?? "Fråga"
        return [
            "id": q.id, "label": q.number.map { "\(label) \($0)" } ?? label,
            "titleHTML": html.renderInlines(q.title), "text": q.text,
            "headingLevel": Swift.min(6, Swift.max(2, q.level)),
            "session": nonEmpty(q.session),
            "tags": tags(q.tags),
            "prompts": q.prompts.map { ["html": html.renderItemContent($0.content, includeTags: true)] },
            "summary": q.summary.map { summary($0, headingLevel: Swift.min(6, Swift.max(2, q.level) + 1), question: q.id) } ?? false,
            "hasDiscussion": !q.discussion.isEmpty,
            "discussionHTML": discussionHTML(q.discussion),
            "url": (meetingURL ?? "") + "#" + q.id,
        ]
    }

    /// - Parameter question: the id of the question heading a question's summary belongs
    ///   to. Its landmark is named by both headings ("Sammanfattning Fråga 3 Vad …?"), so a
    ///   screen reader's landmark list tells the summaries of a meeting apart.
    func summary(_ s: Summary, headingLevel: Int, question: String? = nil) -> [String: Any] {
        [
            "id": s.id, "label": config.summaryLabels.first ?? "Sammanfattning", "headingLevel": headingLevel,
            "questionID": nonEmpty(question),
            "points": s.points.map { p -> [String: Any] in
                ["id": p.id, "html": html.renderItemContent(p.content), "tagsHTML": tagsHTML(p.tags), "text": p.text]
            },
        ]
    }

    func tagsHTML(_ refs: [TagRef]) -> String {
        let links = html.tagLinks(refs.map(\.name))
        return links.isEmpty ? "" : " " + links
    }

    func board(_ b: PostItBoard, index boardIndex: Int) -> [String: Any] {
        var topIndex = 0
        var lastTop = -1
        let categories = b.categories.map { c -> [String: Any] in
            if c.depth <= 1 { topIndex += 1; lastTop = topIndex }
            let color = ((Swift.max(lastTop, 1) - 1) % 5) + 1
            return [
                "id": c.id, "title": c.path.last ?? "", "depth": c.depth,
                "hasHeading": !c.path.isEmpty,
                "headingLevel": Swift.min(6, 2 + Swift.max(1, c.depth)),
                "parentPath": nonEmpty(c.path.dropLast().joined(separator: " › ")),
                "notesHTML": discussionHTML(c.notes),
                "postIts": c.postIts.map { postIt($0, color: color) },
            ]
        }
        return [
            "id": "bilaga-\(Slug.make(b.slug))", "title": b.title, "introHTML": discussionHTML(b.intro),
            "countText": Phrases.count(b.postIts.count, "lapp", "lappar") + " i " + Phrases.count(b.categories.filter { !$0.postIts.isEmpty }.count, "kategori", "kategorier"),
            "categories": categories,
        ]
    }

    func postIt(_ p: PostIt, color: Int) -> [String: Any] {
        ["id": p.id, "html": html.renderItemContent(p.content), "tags": tags(p.tags), "color": color, "text": p.text]
    }

    /// Sessions with their questions, the summary and the boards: the reader's map of a long record.
    func toc(_ m: Meeting) -> [[String: Any]] {
        var entries: [[String: Any]] = []
        var currentLevel = 0
        func add(_ id: String, _ text: String, level: Int) {
            if level > currentLevel, currentLevel > 0, var last = entries.popLast() {
                var children = last["children"] as? [[String: Any]] ?? []
                children.append(["id": id, "text": text])
                last["children"] = children
                entries.append(last)
            } else {
                entries.append(["id": id, "text": text, "children": [[String: Any]]()])
                currentLevel = level
            }
        }
        let label = config.questionLabels.first ?? "Fråga"
        for block in m.body {
            switch block {
            case .heading(let h) where h.level <= 2:
                add(h.id, h.text, level: h.level)
            case .question(let qi):
                let q = m.questions[qi]
                add(q.id, q.number.map { "\(label) \($0): \(q.text)" } ?? q.text, level: q.level)
            case .meetingSummary:
                if let s = m.summary { add(s.id, config.summaryLabels.first ?? "Sammanfattning", level: 2) }
            default: break
            }
        }
        for b in m.boards { entries.append(["id": "bilaga-\(Slug.make(b.slug))", "text": b.title, "children": [[String: Any]]()]) }
        // A table of contents pays off only when there is something to jump between.
        return entries.count + entries.reduce(0) { $0 + (($1["children"] as? [[String: Any]])?.count ?? 0) } >= 3 ? entries : []
    }
}
