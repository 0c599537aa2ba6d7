import Mustache
import SamradCore

/// Pagination of the long lists (idea bank, question bank, a theme's and an
/// organisation's lists): page 1 at the list's own path, page n at `<path>sida/<n>/`, so
/// the first page keeps the address it always had and every page has a stable one.
struct Paginator: Sendable {
    /// The list's path below the site root, ending in "/" ("idebank/", "teman/skola/fragor/").
    let path: String
    /// Items on a full page, and in the whole list.
    let size: Int, items: Int
    /// How many pages the list has; at least 1, so an empty list still has its page.
    let pageCount: Int

    /// Page sizes. Each page stays a full page without JavaScript and light on a phone
    /// (BENCHMARKS.md, "Page budget"): about 100 idea cards or 50 questions with their
    /// summaries is 40–90 KB of HTML.
    static let ideasPerPage = 100
    static let questionsPerPage = 50
    /// Meeting cards (the meeting list, an organisation's meetings).
    static let meetingCardsPerPage = 50
    /// One-line meetings (a theme's meetings).
    static let meetingLinesPerPage = 100
    /// A theme's tagged sections and paragraphs (a heading and a few sentences each).
    static let excerptsPerPage = 50

    /// The path of page `n` (1-based) below the site root.
    func path(_ n: Int) -> String { n <= 1 ? path : "\(path)sida/\(n)/" }

    /// How many pages `items` items fill (1 for none: an empty list still has its page).
    static func pageCount(_ items: Int, size: Int) -> Int { Swift.max(1, (items + size - 1) / size) }

    init(path: String, items: Int, size: Int) {
        (self.path, self.items, self.size) = (path, items, size)
        pageCount = Self.pageCount(items, size: size)
    }

    /// Which items (0-based, in list order) page `n` (1-based) holds.
    func range(_ n: Int) -> Range<Int> {
        let start = Swift.min(items, (n - 1) * size)
        return start ..< Swift.min(items, start + size)
    }

    /// "Idéerna 101–200 av 7 000" on a list of several pages; "" on a single page.
    func rangeText(_ n: Int, noun: String, _ catalogue: Catalogue) -> String {
        guard pageCount > 1 else { return "" }
        let r = range(n)
        return catalogue.text("range_of", ["items": noun, "from": catalogue.number(r.lowerBound + 1), "to": catalogue.number(r.upperBound), "total": catalogue.number(items)])
    }

    /// The view model of page `n`'s navigation.
    /// - Parameter label: what the navigation is named for screen readers ("Sidor i idébanken").
    func view(page n: Int, label: String, config: SiteConfig) -> PaginationView {
        var links: [PageLinkView] = []
        var last = 0
        for i in Self.shownNumbers(current: n, count: pageCount) {
            if i > last + 1 { links.append(PageLinkView(number: 0, url: "", current: false)) }
            links.append(PageLinkView(number: i, url: config.href(path(i)), current: i == n))
            last = i
        }
        return PaginationView(
            label: label, current: n, count: pageCount, links: links,
            pageText: config.catalogue.text("page_of", ["page": String(n), "count": String(pageCount)]),
            previousURL: Text(n > 1 ? config.href(path(n - 1)) : nil),
            nextURL: Text(n < pageCount ? config.href(path(n + 1)) : nil))
    }

    /// The page numbers a navigation shows: all when there are few, else the first, the
    /// last and two on each side of the current one (gaps between them become "…").
    static func shownNumbers(current n: Int, count: Int) -> [Int] {
        if count <= 9 { return Array(1 ... Swift.max(count, 1)) }
        var shown = Set([1, count])
        for i in (n - 2) ... (n + 2) where i >= 1 && i <= count { shown.insert(i) }
        // Near either end, keep seven numbers so the navigation does not change width.
        if n <= 4 { for i in 1 ... 6 { shown.insert(i) } }
        if n >= count - 3 { for i in (count - 5) ... count { shown.insert(i) } }
        return shown.sorted()
    }
}

/// partials/pagination: numbered page links with previous and next. Also the source of
/// `<link rel="prev">`/`<link rel="next">` in base.mustache (through `PageInfo`).
struct PaginationView: MustacheParent, Sendable {
    let label: String
    /// The page shown (1-based) and how many there are.
    let current: Int, count: Int
    let links: [PageLinkView]
    /// "sida 2 av 14", for titles and headings.
    let pageText: String
    /// Empty on the first and the last page.
    let previousURL: Text, nextURL: Text

    func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "current": current
        case "count": count
        case "hasPages": count > 1
        case "isFirst": current == 1
        case "pageText": pageText
        case "links": links
        case "previousURL": previousURL
        case "nextURL": nextURL
        default: nil
        }
    }
}

/// One number in the page navigation; number 0 is a gap ("…").
struct PageLinkView: MustacheParent, Sendable {
    let number: Int
    let url: String
    let current: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "url": url
        case "current": current
        case "isGap": number == 0
        default: nil
        }
    }
}
