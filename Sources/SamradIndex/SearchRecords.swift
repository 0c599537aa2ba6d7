import Foundation
import SamradAggregate
import SamradCore
import SamradExtract
import SamradLink

/// One search hit that is not a page: a post-it, a question or a summary point, landing
/// on its anchor on the meeting page.
public struct SearchRecord: Sendable, Equatable {
    /// Site-relative, as Pagefind gives page URLs: "/moten/x/#postit-3" (the search page
    /// puts the base path before it).
    public var url: String
    /// The words to find: the item's plain text.
    public var content: String
    /// Shown with the hit: `title`, `datum`, and for the idea bank `kategori`, `möte`.
    public var meta: [String: String]
    /// Filter name → values: `slag` (Idé, Fråga, Sammanfattning), `tema` (theme names),
    /// `år`, `typ` (the meeting's kind).
    public var filters: [String: [String]]
    /// `ordning`: the item's place in the idea bank or question bank (newest meeting
    /// first), so a filtered list comes out in the same order as the paginated pages.
    public var sort: [String: String]
}

/// The records of each meeting, made from the site model (not from rendered HTML).
public struct SearchRecords: Sendable {
    /// The `slag` filter values, also what the idea bank and question bank ask for.
    public enum Kind {
        public static let idea = "Idé"
        public static let question = "Fråga"
        public static let summaryPoint = "Sammanfattning"
    }

    let index: SiteIndex
    /// Where each meeting's post-its and questions start in the idea bank and question bank.
    private let postItStart: [Int]
    private let questionStart: [Int]
    private let meetingBySlug: [String: Int]

    public init(_ index: SiteIndex) {
        self.index = index
        var postIts: [Int] = [], questions: [Int] = [], bySlug: [String: Int] = [:]
        var p = 0, q = 0
        for (i, linked) in index.site.meetings.enumerated() {
            postIts.append(p)
            questions.append(q)
            p += linked.meeting.postItCount
            q += linked.meeting.questions.count
            bySlug[linked.meeting.slug] = i
        }
        postItStart = postIts
        questionStart = questions
        meetingBySlug = bySlug
    }

    /// The meeting whose page is written at `path` ("moten/<slug>/index.html", the
    /// meetings' folder from `paths:`), if any.
    public func meeting(atPath path: String) -> Int? {
        let folder = index.site.config.paths.meetings
        guard path.hasPrefix(folder), path.hasSuffix("/index.html") else { return nil }
        let slug = path.dropFirst(folder.count).dropLast("/index.html".count)
        guard !slug.contains("/") else { return nil }
        return meetingBySlug[String(slug)]
    }

    /// Every record of meeting `i`: its post-its, then its questions and their summary
    /// points, then the points of the meeting's own summary, in page order.
    public func records(meeting i: Int) -> [SearchRecord] {
        let linked = index.meeting(i)
        let m = linked.meeting
        let site = index.site
        let page = "/" + URLPath.encode(linked.path)
        let dateText = site.config.catalogue.dateRange(m.date, m.endDate)
        let themeNames: ([String]) -> [String] = { slugs in
            site.themes.resolveAll(slugs).map { site.themes.theme($0)?.name ?? $0 }
        }
        // The search page's facets: theme, type of meeting, year, and what the hit is.
        // Pagefind's search page loads every filter's whole file, so the records carry only
        // those facets: organisation (20 values per meeting on every one of its items) made
        // a 1.7 MB filter file at 2,000 meetings; the idea bank filters by meeting,
        // category and organisation from its own chunked lists (IdeaFilterData).
        var common: [String: [String]] = ["år": [String(m.date.year)]]
        if let kind = m.kind { common["typ"] = [kind] }
        func filters(_ kind: String, _ themes: [String]) -> [String: [String]] {
            var f = common
            f["slag"] = [kind]
            let names = themeNames(themes)
            if !names.isEmpty { f["tema"] = names }
            return f
        }
        var records: [SearchRecord] = []
        records.reserveCapacity(m.postItCount + m.questions.count * 3)

        var n = postItStart[i]
        for board in m.boards {
            for category in board.categories {
                for p in category.postIts {
                    var meta = ["title": "\(Kind.idea): \(m.title)", "datum": dateText, "möte": m.title]
                    if !p.categoryPath.isEmpty { meta["kategori"] = p.categoryPath.joined(separator: " › ") }
                    records.append(SearchRecord(
                        url: page + "#" + p.id, content: p.text, meta: meta,
                        filters: filters(Kind.idea, p.themes),
                        sort: ["ordning": String(n)]))
                    n += 1
                }
            }
        }

        let label = site.config.questionLabels.first ?? "Fråga"
        func points(_ summary: Summary?, of owner: String) {
            for point in summary?.points ?? [] {
                records.append(SearchRecord(
                    url: page + "#" + point.id, content: point.text,
                    meta: ["title": "\(Kind.summaryPoint): \(owner)", "datum": dateText, "möte": m.title],
                    filters: filters(Kind.summaryPoint, point.themes), sort: [:]))
            }
        }
        for (qi, q) in m.questions.enumerated() {
            let name = q.number.map { "\(label) \($0)" } ?? label
            let prompts = q.prompts.map(\.text).joined(separator: " ")
            records.append(SearchRecord(
                url: page + "#" + q.id, content: prompts.isEmpty ? q.text : q.text + " " + prompts,
                meta: ["title": "\(name): \(q.text)", "datum": dateText, "möte": m.title],
                filters: filters(Kind.question, q.themes), sort: ["ordning": String(questionStart[i] + qi)]))
            points(q.summary, of: "\(name), \(m.title)")
        }
        points(m.summary, of: m.title)
        return records
    }

    /// The page written at `path` as Pagefind should read it. Only the inside of the
    /// page's `<main>` is sent (the head with its JSON-LD, the site header and footer are
    /// a fifth of a meeting page and Pagefind would parse them only to skip them; title,
    /// meta and filters are all inside `data-pagefind-body`), as its lean copy
    /// (`IndexedCopy.lean`: the words, headings, anchors and `data-pagefind-*` data
    /// without the markup and the parts Pagefind skips). A meeting page also gets:
    /// - its search filters `år`, `typ`, `tema`, `organisation`, which are not on the
    ///   written page (they were ~3 KB of hidden spans on each meeting page);
    /// - its post-its and summary points (left out of the page's own index with
    ///   `data-pagefind-ignore`) once more at the end of the indexed body, each as a
    ///   heading with the item's anchor. Pagefind makes a sub-result of every heading
    ///   with an id, so a search for the words of one post-it finds its meeting with that
    ///   post-it as the sub-result, landing on its anchor.
    ///
    /// Why not one Pagefind record per item: its service looks every added page up among
    /// all pages added before (a linear search per page), so 140,000 records at 2,000
    /// meetings took it minutes and 4 GB; one page per meeting keeps it at the CLI's cost.
    public func indexedPage(_ html: String, path: String) -> String {
        let main = IndexedCopy.lean(Self.mainContent(html))
        guard let i = meeting(atPath: path) else { return main }
        // Only anchors, words and filter values are needed here, so they come straight
        // from the model: this runs for every meeting page of a build with search.
        var section = "<section>\n"
        for (key, values) in filters(meeting: i) {
            for value in values {
                section += "<span data-pagefind-filter=\""
                appendHTMLEscaped(key + ":" + value, to: &section)
                section += "\"></span>\n"
            }
        }
        let m = index.meeting(i).meeting
        func heading(id: String, text: String) {
            section += "<h6 id=\""
            appendHTMLEscaped(id, to: &section)
            section += "\">"
            appendHTMLEscaped(text, to: &section)
            section += "</h6>\n"
        }
        for board in m.boards {
            for category in board.categories {
                for p in category.postIts { heading(id: p.id, text: p.text) }
            }
        }
        for q in m.questions {
            for point in q.summary?.points ?? [] { heading(id: point.id, text: point.text) }
        }
        for point in m.summary?.points ?? [] { heading(id: point.id, text: point.text) }
        section += "</section>\n"
        guard let end = main.range(of: "</article>", options: .backwards) else { return main + section }
        var out = main
        out.insert(contentsOf: section, at: end.lowerBound)
        return out
    }

    /// The search page's facets for meeting `i`, in the order they are given to Pagefind:
    /// `år` (the year), `typ` (the label above the title: the front matter's `kind`, else
    /// "Rapport"/"Transkription" for a document that is not a meeting, as the page shows
    /// it), `tema` (every theme the meeting or anything in it is tagged with, by name),
    /// `organisation` (every participant, by name).
    public func filters(meeting i: Int) -> [(key: String, values: [String])] {
        let linked = index.meeting(i)
        let m = linked.meeting
        let site = index.site
        var out: [(key: String, values: [String])] = [("år", [String(m.date.year)])]
        // As MeetingViews.card labels the page.
        if let kind = m.kind ?? (m.type == .meeting ? nil : site.config.catalogue["doc_\(m.type.rawValue)_title"]) {
            out.append(("typ", [kind]))
        }
        let themes = site.themes.resolveAll(linked.themes).map { site.themes.theme($0)?.name ?? $0 }
        if !themes.isEmpty { out.append(("tema", themes)) }
        let organisations = linked.participants.map { index.organization($0)?.name ?? $0 }
        if !organisations.isEmpty { out.append(("organisation", organisations)) }
        return out
    }

    /// What is between `<main …>` and `</main>`, in a document of its own
    /// (`<html><body>…</body></html>`); the whole page when it has no `<main>` (a site's
    /// own base template may not).
    /// On the bytes (`firstUTF8Offset`/`lastUTF8Offset`, memchr): this runs on every
    /// indexed page, and Foundation's `range(of:)` compared with Unicode rules all the way
    /// back from the end of the page. All the markup looked for is ASCII, so the cuts fall
    /// between characters.
    public static func mainContent(_ html: String) -> String {
        guard let open = html.firstUTF8Offset(ofASCII: "<main"), let close = html.lastUTF8Offset(ofASCII: "</main>"),
              open + 5 < close else { return html }
        var html = html
        return html.withUTF8 { bytes -> String? in
            let next = bytes[open + 5]
            guard next == UInt8(ascii: " ") || next == UInt8(ascii: ">") || next == UInt8(ascii: "\n"),
                  let tagEnd = bytes[(open + 5)..<close].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            return "<html><body>\n" + String(decoding: UnsafeBufferPointer(rebasing: bytes[(tagEnd + 1)..<close]), as: UTF8.self) + "</body></html>\n"
        } ?? html
    }
}
