import Mustache

// View models of a meeting: its card on listings and its page with the parts the
// partials render (blocks, questions, summaries, post-it boards). Field names are the
// names the templates use.

/// partials/meeting-card, and the facts every meeting page shows at its top.
struct MeetingCard: MustacheParent, Sendable {
    let title: String, url: String, isoDate: String, dateText: String, slug: String
    let kind: Text, lede: Text
    let year: Int
    /// "5 frågor · 30 idéer · 12 organisationer"; empty when there is nothing to count.
    let countsText: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "isoDate": isoDate
        case "dateText": dateText
        case "kind": kind
        case "lede": lede
        case "hasCounts": !countsText.isEmpty
        case "countsText": countsText
        case "slug": slug
        case "year": year
        default: nil
        }
    }
}

/// meeting.mustache: the card's fields and everything on the meeting's page.
struct MeetingPage: MustacheParent {
    let card: MeetingCard
    let jsonLD: HTML
    let tags: [NamedLink]
    /// Theme names for the search filter.
    let searchThemes: [String]
    /// `tags` through partials/tags (made once per combination of themes).
    let tagListHTML: HTML
    let organizer: Text, commissionedBy: Text, location: Text, speakersText: Text
    /// "Anna Berg och Karl Ek": a report's `authors`.
    let authorsText: Text
    let blocks: BlockList
    let toc: [TocEntry]
    /// `toc` through partials/toc-entry.
    let tocHTML: HTML
    /// The notes at the end of the text, with back links; empty without footnotes.
    let footnotesHTML: HTML
    let boards: [BoardView]
    let participants: [NamedLink]
    /// The participants as the front matter groups them; one group without a name for a flat list.
    let participantGroups: [ParticipantGroupView]
    let appendices: [TitledLink]
    let documents: [DocumentLink]
    let previous: NeighbourLink?, next: NeighbourLink?

    func child(named name: String) -> Any? {
        switch name {
        case "jsonLD": jsonLD
        case "tags": tags
        case "tagListHTML": tagListHTML
        case "searchThemes": searchThemes
        case "organizer": organizer
        case "commissionedBy": commissionedBy
        case "location": location
        case "speakersText": speakersText
        case "authorsText": authorsText
        case "blocks": blocks.items
        case "hasBlocks": !blocks.items.isEmpty
        case "blocksHTML": blocks.html
        case "toc": toc
        case "tocHTML": tocHTML
        case "footnotesHTML": footnotesHTML
        case "boards": boards
        case "participants": participants
        case "participantGroups": participantGroups
        case "appendices": appendices
        case "documents": documents
        case "hasAttachments": !appendices.isEmpty || !documents.isEmpty
        case "previous": orFalse(previous)
        case "next": orFalse(next)
        default: card.child(named: name)
        }
    }
}

/// The previous or next document, with what it is ("möte", "rapport") for "Nästa rapport".
struct NeighbourLink: MustacheParent, Sendable {
    let title: String, url: String, noun: String

    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "url": url
        case "noun": noun
        default: nil
        }
    }
}

/// A group of participants ("Civilsamhället"); `name` is empty for an ungrouped list.
struct ParticipantGroupView: MustacheParent, Sendable {
    let name: Text
    let members: [ParticipantView]
    /// `members` through partials/participant, one after another.
    let membersHTML: HTML

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "members": members
        case "membersHTML": membersHTML
        default: nil
        }
    }
}

/// A participating organisation with the role the front matter gives it ("observatör").
struct ParticipantView: MustacheParent, Sendable {
    let name: String, url: String
    let role: Text

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "url": url
        case "role": role
        default: nil
        }
    }
}

/// A document listed under "Bilagor och dokument".
struct DocumentLink: MustacheParent, Sendable {
    let name: String, url: String
    /// "1,2 MB"; empty when unknown.
    let sizeText: Text

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "url": url
        case "sizeText": sizeText
        default: nil
        }
    }
}

/// An entry of the table of contents, with the entries nested under it. `level` is the
/// heading level it stands for (1 for a post-it board, 2 for a section, …).
struct TocEntry: MustacheParent, Sendable {
    let id: String, text: String
    let level: Int
    var children: [TocEntry] = []
    /// `children` through partials/toc-entry (set when the table is rendered).
    var childrenHTML = HTML("")

    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "text": text
        case "level": level
        case "children": children
        case "hasChildren": !children.isEmpty
        case "childrenHTML": childrenHTML
        default: nil
        }
    }
}

/// The blocks of a body (`blocks` for a site's own partials/blocks) and the same blocks
/// through partials/block, one after another without the last line break, which
/// partials/blocks puts on the line of `{{{blocksHTML}}}` (`hasBlocks`: there are some).
struct BlockList {
    let items: [BlockView]
    let html: HTML
}

/// One block of a body for partials/blocks: HTML, a question or a summary. The other two
/// names are `false`, so that a template never finds them in the page around the block.
enum BlockView: MustacheParent {
    case html(HTML)
    /// A question and its partials/question output (filled in from a stencil).
    case question(QuestionView, HTML)
    /// A summary and its partials/summary output.
    case summary(SummaryView, HTML)
    case nothing

    func child(named key: String) -> Any? {
        switch (key, self) {
        case ("html", .html(let html)): html
        case ("question", .question(let question, _)): question
        case ("questionHTML", .question(_, let html)): html
        case ("summary", .summary(let summary, _)): summary
        case ("summaryHTML", .summary(_, let html)): html
        case ("html", _), ("question", _), ("summary", _): false
        case ("questionHTML", _), ("summaryHTML", _): HTML("")
        default: nil
        }
    }
}

/// partials/question.
struct QuestionView: MustacheParent {
    let id: String, label: String, text: String, url: String
    let titleHTML: HTML
    let headingLevel: Int
    let session: Text
    let tags: [NamedLink]
    /// `tags` through partials/tags (made once per combination of themes).
    let tagListHTML: HTML
    let prompts: [HTMLItem]
    /// `prompts` through partials/prompt, one after another.
    let promptsHTML: HTML
    let summary: SummaryView?
    let hasDiscussion: Bool
    let discussionHTML: HTML
    /// `summary` through partials/summary, without its last line break (the partial puts
    /// it on a line of its own).
    var summaryHTML = HTML("")

    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "label": label
        case "titleHTML": titleHTML
        case "text": text
        case "headingLevel": headingLevel
        case "session": session
        case "tags": tags
        case "tagListHTML": tagListHTML
        case "prompts": prompts
        case "promptsHTML": promptsHTML
        case "summary": orFalse(summary)
        case "hasSummary": summary != nil
        case "summaryHTML": summaryHTML
        case "hasPrompts": !prompts.isEmpty
        case "hasDiscussion": hasDiscussion
        case "discussionHTML": discussionHTML
        case "url": url
        default: nil
        }
    }
}

/// An item whose content is HTML and nothing else: a question's sub-prompt.
struct HTMLItem: MustacheParent, Sendable {
    let html: HTML

    func child(named key: String) -> Any? { key == "html" ? html : nil }
}

/// partials/summary.
struct SummaryView: MustacheParent, Sendable {
    let id: String, label: String
    let headingLevel: Int
    /// The id of the question heading a question's summary belongs to; empty for a meeting's own.
    let questionID: Text
    let points: [SummaryPointView]
    /// `points` through partials/summary-point, one after another.
    let pointsHTML: HTML

    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "label": label
        case "headingLevel": headingLevel
        case "questionID": questionID
        case "points": points
        case "pointsHTML": pointsHTML
        default: nil
        }
    }
}

/// A summary point on its meeting's page; `tagsHTML` is its theme links with a leading space.
struct SummaryPointView: MustacheParent, Sendable {
    let id: String, text: String
    let html: HTML, tagsHTML: HTML

    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "html": html
        case "tagsHTML": tagsHTML
        case "text": text
        default: nil
        }
    }
}

/// partials/board: a post-it board with its categories.
struct BoardView: MustacheParent {
    let id: String, title: String, countText: String
    let introHTML: HTML
    let categories: [BoardCategoryView]
    /// `categories` through partials/board-category, one after another.
    var categoriesHTML = HTML("")

    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "title": title
        case "introHTML": introHTML
        case "countText": countText
        case "categories": categories
        case "categoriesHTML": categoriesHTML
        default: nil
        }
    }
}

/// A category of a board. `parentPath` is "A › B" for a nested category.
struct BoardCategoryView: MustacheParent {
    let id: String, title: String
    let depth: Int, headingLevel: Int
    let hasHeading: Bool
    let parentPath: Text
    /// 1–5, from its top category: set once on the category's list rather than on each
    /// post-it (CSS `.color-N > .postit`).
    let color: Int
    let notesHTML: HTML
    let postIts: [PostItView]
    /// The post-its through partials/postit, one after another.
    let postItsHTML: HTML

    func child(named key: String) -> Any? {
        switch key {
        case "postItsHTML": postItsHTML
        case "id": id
        case "title": title
        case "depth": depth
        case "color": color
        case "hasHeading": hasHeading
        case "headingLevel": headingLevel
        case "parentPath": parentPath
        case "notesHTML": notesHTML
        case "postIts": postIts
        case "hasPostIts": !postIts.isEmpty
        default: nil
        }
    }
}

/// A post-it on its board; `color` 1–5 follows its top category.
struct PostItView: MustacheParent, Sendable {
    let id: String, text: String
    let html: HTML
    let tags: [NamedLink]
    /// `tags` through partials/postit-tags (made once per combination).
    let tagsHTML: HTML
    let color: Int

    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "html": html
        case "tags": tags
        case "tagsHTML": tagsHTML
        case "color": color
        case "text": text
        default: nil
        }
    }
}

/// appendix.mustache: an appendix page of a meeting.
struct AppendixPage: MustacheParent {
    let title: String, url: String, meetingTitle: String, meetingURL: String, isoDate: String, dateText: String
    let year: Int
    let blocks: BlockList
    let footnotesHTML: HTML

    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "url": url
        case "meetingTitle": meetingTitle
        case "meetingURL": meetingURL
        case "isoDate": isoDate
        case "dateText": dateText
        case "year": year
        case "blocks": blocks.items
        case "hasBlocks": !blocks.items.isEmpty
        case "blocksHTML": blocks.html
        case "footnotesHTML": footnotesHTML
        default: nil
        }
    }
}

/// page.mustache: a free-standing page from content/pages.
struct BodyPage: MustacheParent {
    let blocks: BlockList
    let footnotesHTML: HTML

    func child(named key: String) -> Any? {
        switch key {
        case "blocks": blocks.items
        case "hasBlocks": !blocks.items.isEmpty
        case "blocksHTML": blocks.html
        case "footnotesHTML": footnotesHTML
        default: nil
        }
    }
}
