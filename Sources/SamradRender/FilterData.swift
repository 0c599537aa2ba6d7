import SamradAggregate
import SamradCore
import SamradExtract
import SamradLink

/// What `assets/filters.js` needs to filter the idea bank and the question bank across
/// the whole archive while loading little: small lists of positions, no copies of the
/// items. An item's position is its place in the paginated list (newest meeting first),
/// so position p is item p % size of page p / size + 1, and the script takes the
/// matching items from those pages as the server rendered them.
///
/// `idebank/filter/index.json`:
/// `{"size": 100, "total": N, "meetings": [[slug, title, year, first, count], …],
///   "themes": [[slug, name, count], …], "categories": [[key, name, count], …],
///   "organisations": [[slug, name, count], …]}` — a meeting's ideas are positions
/// first ..< first + count, so the meeting and year filters need nothing more.
/// `idebank/filter/tema/<slug>.json`, `…/kategori/<key>.json`: the positions of the
/// theme's or category's ideas; `…/organisation/<slug>.json`: the indexes (in
/// `meetings`) of the organisation's meetings. Lists are ascending and written as the
/// first number followed by the differences (`[3, 1, 1, 7]` is 3, 4, 5, 12).
/// `fragor/filter/index.json` (`size`, `total`, `themes`) and `fragor/filter/tema/<slug>.json`
/// do the same for the question bank's theme filter.
struct FilterData: Sendable {
    let index: SiteIndex

    var config: SiteConfig { index.site.config }

    func jobs() -> [SiteRenderer.OutputJob] {
        let me = self
        // The tables every list is read from, made in one pass by the first list's job:
        // made per list, they walked all meetings (and all 70,000 post-its for each
        // category) once per theme, category and organisation, about 2.5 % of a
        // 2,000-meeting build. Not made here: the preview lists the jobs on every change.
        let shared = Locked<Tables?>(nil)
        let index = self.index
        @Sendable func tables() -> Tables {
            shared.withLock { made in
                if let made { return made }
                let tables = Tables(index)
                made = tables
                return tables
            }
        }
        var jobs: [SiteRenderer.OutputJob] = [
            .init(path: "\(config.paths.ideas)filter/index.json") { .bytes(me.ideaIndex()) },
            .init(path: "\(config.paths.questions)filter/index.json") { .bytes(me.questionIndex()) },
        ]
        // A file only for what the index offers as an option: nothing loads the others.
        // Which those are comes from the counts, not the statistics: asked for here, the
        // statistics were made before any page, on one thread, while the other waited
        // (the first meeting pages need none and are rendered beside them).
        let sizes = index.listSizes
        for slug in index.themeOrder {
            if sizes.themePostIts[slug, default: 0] > 0 {
                jobs.append(.init(path: "\(config.paths.ideas)filter/tema/\(slug).json") { .bytes(me.ideaThemeList(slug, tables())) })
            }
            if sizes.themeQuestions[slug, default: 0] > 0 {
                jobs.append(.init(path: "\(config.paths.questions)filter/tema/\(slug).json") { .bytes(me.questionThemeList(slug, tables())) })
            }
        }
        for category in categories() {
            jobs.append(.init(path: "\(config.paths.ideas)filter/kategori/\(category.key).json") { .bytes(tables().categoryList(category.name)) })
        }
        let withIdeas = organizationIdeaCounts()
        for slug in index.organizationOrder where withIdeas[slug, default: 0] > 0 {
            jobs.append(.init(path: "\(config.paths.ideas)filter/organisation/\(slug).json") { .bytes(tables().organizationList(slug)) })
        }
        return jobs
    }

    /// Where each meeting's items start in the idea bank and the question bank, and the
    /// positions of each category and the meetings of each organisation: what the lists
    /// below read, worked out once for all of them. Immutable, shared by the jobs.
    final class Tables: Sendable {
        /// The idea bank position of the first post-it of each meeting's board's category.
        let ideaStarts: [[[Int]]]
        /// The question bank position of each meeting's first question.
        let questionStarts: [Int]
        /// Idea bank positions by top category name, ascending.
        let categoryPositions: [String: [Int]]
        /// Meeting indexes by organisation slug, ascending, each meeting once.
        let organizationMeetings: [String: [Int]]

        init(_ index: SiteIndex) {
            var ideaStarts: [[[Int]]] = [], questionStarts: [Int] = []
            var categoryPositions: [String: [Int]] = [:], organizationMeetings: [String: [Int]] = [:]
            var n = 0, q = 0
            for mi in index.site.meetings.indices {
                // Read in place: a `for linked in meetings` loop copies each meeting.
                let meeting = index.site.meetings[mi].meeting
                ideaStarts.append(meeting.boards.map { board in
                    board.categories.map { category in
                        defer { n += category.postIts.count }
                        for (k, p) in category.postIts.enumerated() {
                            if let top = p.categoryPath.first { categoryPositions[top, default: []].append(n + k) }
                        }
                        return n
                    }
                })
                questionStarts.append(q)
                q += meeting.questions.count
                for slug in index.site.meetings[mi].participants where organizationMeetings[slug]?.last != mi {
                    organizationMeetings[slug, default: []].append(mi)
                }
            }
            (self.ideaStarts, self.questionStarts) = (ideaStarts, questionStarts)
            (self.categoryPositions, self.organizationMeetings) = (categoryPositions, organizationMeetings)
        }

        func categoryList(_ name: String) -> [UInt8] { FilterData.deltas(categoryPositions[name] ?? []) }

        func organizationList(_ slug: String) -> [UInt8] { FilterData.deltas(organizationMeetings[slug] ?? []) }
    }

    /// Ideas of the meetings each organisation took part in, by slug: the organisation
    /// filter offers only those with some.
    func organizationIdeaCounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        for linked in index.site.meetings where linked.meeting.postItCount > 0 {
            for slug in Set(linked.participants) { counts[slug, default: 0] += linked.meeting.postItCount }
        }
        return counts
    }

    /// Top categories of all post-its in Swedish order, each with a key for its file
    /// and the URL (`Slug.make` of the name).
    func categories() -> [(key: String, name: String)] {
        var seen = Set<String>()
        for linked in index.site.meetings {
            for board in linked.meeting.boards {
                for category in board.categories {
                    if let top = category.path.first, !category.postIts.isEmpty { seen.insert(top) }
                }
            }
        }
        var keys = Set<String>()
        return seen.sorted().sorted(by: { $0 }, config.collation).compactMap { name in
            let key = Slug.make(name)
            // Two names with one slug share one key: the first keeps it.
            guard !key.isEmpty, keys.insert(key).inserted else { return nil }
            return (key, name)
        }
    }

    private func themeName(_ slug: String) -> String { index.site.themes.theme(slug)?.name ?? slug }

    /// Every post-it with its position: calls `body(position, meeting, post-it)`.
    private func eachPostIt(_ body: (Int, Int, PostIt) -> Void) {
        var n = 0
        for (mi, linked) in index.site.meetings.enumerated() {
            for board in linked.meeting.boards {
                for category in board.categories {
                    for p in category.postIts {
                        body(n, mi, p)
                        n += 1
                    }
                }
            }
        }
    }

    func ideaIndex() -> [UInt8] {
        var meetings: [JSON] = []
        var first = 0
        let orgCounts = organizationIdeaCounts()
        for linked in index.site.meetings {
            let m = linked.meeting
            let count = m.postItCount
            meetings.append(.array([.string(m.slug), .string(m.title), .int(m.date.year), .int(first), .int(count)]))
            first += count
        }
        var categoryCounts: [String: Int] = [:]
        eachPostIt { _, _, p in
            if let top = p.categoryPath.first { categoryCounts[top, default: 0] += 1 }
        }
        let json = JSON.object([
            ("size", .int(Paginator.ideasPerPage)),
            ("total", .int(first)),
            ("meetings", .array(meetings)),
            ("themes", .array(index.themeOrder.compactMap { slug in
                let count = index.themes[slug]?.postIts.count ?? 0
                return count == 0 ? nil : .array([.string(slug), .string(themeName(slug)), .int(count)])
            })),
            ("categories", .array(categories().map { c in .array([.string(c.key), .string(c.name), .int(categoryCounts[c.name] ?? 0)]) })),
            ("organisations", .array(index.organizationOrder.compactMap { slug in
                guard let count = orgCounts[slug], count > 0 else { return nil }
                return .array([.string(slug), .string(index.organization(slug)?.name ?? slug), .int(count)])
            })),
        ])
        return Array((json.serialized(pretty: false) + "\n").utf8)
    }

    /// The theme's ideas as the theme's own idea list has them (`ThemeStats.postIts`).
    func ideaThemeList(_ slug: String, _ tables: Tables) -> [UInt8] {
        let starts = tables.ideaStarts
        let positions = (index.themes[slug]?.postIts ?? []).map { starts[$0.meeting][$0.board][$0.category] + $0.postIt }
        return Self.deltas(Set(positions).sorted())
    }

    func questionIndex() -> [UInt8] {
        let total = index.site.meetings.reduce(0) { $0 + $1.meeting.questions.count }
        let json = JSON.object([
            ("size", .int(Paginator.questionsPerPage)),
            ("total", .int(total)),
            ("themes", .array(index.themeOrder.compactMap { slug in
                let count = index.themes[slug]?.questions.count ?? 0
                return count == 0 ? nil : .array([.string(slug), .string(themeName(slug)), .int(count)])
            })),
        ])
        return Array((json.serialized(pretty: false) + "\n").utf8)
    }

    /// The theme's questions (`ThemeStats.questions`) by their place in the question bank.
    func questionThemeList(_ slug: String, _ tables: Tables) -> [UInt8] {
        let starts = tables.questionStarts
        return Self.deltas(Set((index.themes[slug]?.questions ?? []).map { starts[$0.meeting] + $0.question }).sorted())
    }

    /// `[first, second - first, …]` with a final newline: differences are small numbers,
    /// a few bytes each, where positions in a list of 70,000 would take five or six.
    static func deltas(_ ascending: [Int]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(ascending.count * 3 + 3)
        var previous = 0
        for (i, n) in ascending.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: String(n - previous).utf8)
            previous = n
        }
        out.append(contentsOf: "]\n".utf8)
        return out
    }
}
