import Mustache

// The values view models hand to templates besides plain strings, numbers, booleans and
// arrays. Each is a `MustacheParent`, so swift-mustache never falls back to reflection
// (`Mirror`) when a template looks a name up inside a section opened on one of them.

/// HTML made once in Swift or by a template (a card, a chart, rendered Markdown), placed
/// with `{{{name}}}`. As a section it is false when empty. It has no fields of its own:
/// names inside its section are looked up in the view models around it.
struct HTML: MustacheCustomRenderable, MustacheParent, Sendable {
    let html: String

    init(_ html: String) { self.html = html }

    var renderText: String { html }
    var isNull: Bool { html.isEmpty }
    func child(named name: String) -> Any? { nil }
}

/// Text that may be absent, such as a meeting's kind or a site's description:
/// `{{#kind}}…{{kind}}…{{/kind}}` renders only when there is text, and `{{kind}}` alone
/// renders it escaped or nothing. String transforms (`{{lowercased(kind)}}`) work on it.
struct Text: MustacheCustomRenderable, MustacheParent, MustacheTransformable, Sendable {
    let text: String

    init(_ text: String?) { self.text = text ?? "" }

    var renderText: String { text }
    var isNull: Bool { text.isEmpty }
    func child(named name: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { text.transform(name) }
}

/// A view model that may be absent (the previous meeting, a question's summary): `false`
/// when it is, since a missing value (`nil`) would make Mustache look the name up in the
/// view models around it instead.
func orFalse<T>(_ value: T?) -> Any {
    if let value { return value }
    return false
}

/// A link with the text templates read as `{{name}}`: a theme, an organisation, a participant.
struct NamedLink: MustacheParent, Sendable {
    let name: String
    let url: String
    /// The theme or organisation slug, for templates that style by it.
    var slug: String = ""

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "url": url
        case "slug": slug
        default: nil
        }
    }
}

/// A link with the text templates read as `{{title}}`: an appendix, the previous or next meeting.
struct TitledLink: MustacheParent, Sendable {
    let title: String
    let url: String

    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "url": url
        default: nil
        }
    }
}

/// A link with the text templates read as `{{label}}`: the navigation and footer.
struct LabelledLink: MustacheParent, Sendable {
    let label: String
    let url: String
    /// Whether this is the section the page belongs to (`aria-current`).
    var current = false

    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "url": url
        case "current": current
        default: nil
        }
    }
}

/// A link to a theme or list with a count beside it: "Skola (12)".
struct CountedLink: MustacheParent, Sendable {
    let name: String
    let url: String
    let countText: String

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "url": url
        case "countText": countText
        default: nil
        }
    }
}

/// One `<option>` of a filter.
struct FilterOption: MustacheParent, Sendable {
    let value: String
    let label: String

    func child(named key: String) -> Any? {
        switch key {
        case "value": value
        case "label": label
        default: nil
        }
    }
}

/// A meeting card in a list: the HTML of partials/meeting-card, rendered once per build.
struct CardSlot: MustacheParent, Sendable {
    let cardHTML: HTML

    func child(named key: String) -> Any? { key == "cardHTML" ? cardHTML : nil }
}

/// partials/postit-tags: the theme links of a post-it or idea card.
struct TagListView: MustacheParent, Sendable {
    let tags: [NamedLink]

    func child(named key: String) -> Any? { key == "tags" ? tags : nil }
}
