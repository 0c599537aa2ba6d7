import Foundation
import SamradCore
import SamradExtract
import SamradLink

/// A question of one meeting, addressed across the site.
public struct QuestionRef: Sendable {
    public var meeting: Int
    public var question: Int

    public init(meeting: Int, question: Int) {
        self.meeting = meeting
        self.question = question
    }
}

/// A summary point: of a question, or of the meeting when `question` is nil.
public struct SummaryPointRef: Sendable {
    public var meeting: Int
    public var question: Int?
    public var point: Int
}

/// A tagged heading or paragraph of one meeting (`Meeting.excerpts`).
public struct ExcerptRef: Sendable, Hashable {
    public var meeting: Int
    public var excerpt: Int
}

public struct PostItRef: Sendable, Hashable {
    public var meeting: Int
    public var board: Int
    public var category: Int
    public var postIt: Int
}

extension SiteIndex {
    /// Every post-it of the site: meetings newest first, then board and category order.
    public var allPostIts: [PostItRef] {
        var refs: [PostItRef] = []
        for (mi, linked) in site.meetings.enumerated() {
            for (bi, b) in linked.meeting.boards.enumerated() {
                for (ci, c) in b.categories.enumerated() {
                    for pi in c.postIts.indices { refs.append(PostItRef(meeting: mi, board: bi, category: ci, postIt: pi)) }
                }
            }
        }
        return refs
    }
}

public struct ThemeStats: Sendable {
    public var slug: String
    /// Meetings touching the theme, oldest first (the cross-meeting story in time order).
    public var meetings: [Int]
    public var questions: [QuestionRef]
    public var summaryPoints: [SummaryPointRef]
    public var postIts: [PostItRef]
    /// Other themes by how often they are tagged together with this one, strongest first.
    public var related: [(slug: String, count: Int)]
    /// Organisation slugs of everyone who took part in its meetings, in Swedish order.
    public var organizations: [String]
    /// Meetings per year, for the activity visual.
    public var meetingsPerYear: [Int: Int]
    /// Tagged sections and paragraphs, meetings newest first, then in document order.
    public var excerpts: [ExcerptRef] = []
}

public struct OrganizationStats: Sendable {
    public var slug: String
    /// Newest first.
    public var meetings: [Int]
    public var themes: [String]
}

/// The cross-meeting indexes: everything the theme, question, idea and organisation
/// pages list. Built in one pass over the meetings, so cost grows linearly.
public struct SiteIndex: Sendable {
    public var site: LinkedSite
    /// Per-theme statistics, computed the first time a page asks for them: in the preview,
    /// saving a meeting reloads its page without waiting for every theme page's numbers.
    public var themes: [String: ThemeStats] { stats.value.themes }
    /// Theme slugs in Swedish alphabetical order of their names.
    public var themeOrder: [String]
    public var organizations: [String: OrganizationStats] { stats.value.organizations }
    /// Organisation slugs in Swedish alphabetical order of their names.
    public var organizationOrder: [String]
    /// Years with meetings, newest first, with the meeting indexes of each (newest first).
    public var years: [(year: Int, meetings: [Int])]
    /// How long each paginated list is, known before any page is rendered.
    public var listSizes: ListSizes

    public func meeting(_ i: Int) -> LinkedMeeting { site.meetings[i] }
    /// One field, without copying the whole meeting out of the index.
    public func meetingSlug(_ i: Int) -> String { site.meetings[i].meeting.slug }
    public func question(_ ref: QuestionRef) -> Question { site.meetings[ref.meeting].meeting.questions[ref.question] }
    public func postIt(_ ref: PostItRef) -> PostIt {
        site.meetings[ref.meeting].meeting.boards[ref.board].categories[ref.category].postIts[ref.postIt]
    }
    public func summaryPoint(_ ref: SummaryPointRef) -> SummaryPoint? {
        // Projected in place: binding the meeting to a local would copy all of it.
        if let q = ref.question { return site.meetings[ref.meeting].meeting.questions[q].summary?.points[ref.point] }
        return site.meetings[ref.meeting].meeting.summary?.points[ref.point]
    }
    public func organization(_ slug: String) -> Organization? { organizationsBySlug[slug] }

    private var organizationsBySlug: [String: Organization]
    private let stats: LazyStats

    public init(_ site: LinkedSite) {
        self.site = site
        var bySlug: [String: Organization] = [:]
        for o in site.organizations { bySlug[o.slug] = o }
        organizationsBySlug = bySlug
        let nameOf: (String) -> String = { bySlug[$0]?.name ?? $0 }
        let themeName: (String) -> String = { site.themes.theme($0)?.name ?? $0 }
        let collation = site.config.collation
        themeOrder = site.themes.themes.map(\.slug).sorted(by: themeName, collation)
        organizationOrder = site.organizations.map(\.slug).sorted(by: nameOf, collation)
        var years: [Int: [Int]] = [:]
        for (mi, linked) in site.meetings.enumerated() { years[linked.meeting.date.year, default: []].append(mi) }
        self.years = years.keys.sorted(by: >).map { ($0, years[$0] ?? []) }
        listSizes = ListSizes(site)
        let organizations = bySlug
        let order = organizationOrder, themeOrder = themeOrder
        stats = LazyStats { SiteIndex.computeStats(site, organizationsBySlug: organizations, organizationOrder: order, themeOrder: themeOrder) }
    }

    struct Stats: Sendable {
        var themes: [String: ThemeStats]
        var organizations: [String: OrganizationStats]
    }

    /// Computed once, on first use, by whichever thread asks first.
    final class LazyStats: @unchecked Sendable {
        private let lock = NSLock()
        private var computed: Stats?
        private let make: @Sendable () -> Stats
        init(_ make: @escaping @Sendable () -> Stats) { self.make = make }
        var value: Stats {
            lock.lock()
            defer { lock.unlock() }
            if let computed { return computed }
            let made = make()
            computed = made
            return made
        }
    }

    static func computeStats(_ site: LinkedSite, organizationsBySlug bySlug: [String: Organization], organizationOrder: [String], themeOrder: [String]) -> Stats {
        // Collected in plain local arrays keyed by theme and assembled at the end: appending
        // through `dictionary[key]?.field` can copy the whole array on every append.
        var themeMeetings: [String: [Int]] = [:]
        var themeQuestions: [String: [QuestionRef]] = [:]
        var themePoints: [String: [SummaryPointRef]] = [:]
        var themePostIts: [String: [PostItRef]] = [:]
        var themeExcerpts: [String: [ExcerptRef]] = [:]
        var perYear: [String: [Int: Int]] = [:]
        var cooccurrence: [String: [String: Int]] = [:]
        func together(_ slugs: [String]) {
            guard slugs.count > 1 else { return }
            for a in slugs { for b in slugs where a != b { cooccurrence[a, default: [:]][b, default: 0] += 1 } }
        }
        var orgMeetings: [String: [Int]] = [:]
        let organizationRank = RankedMembers.ranks(organizationOrder)
        var themeOrgs: [String: RankedMembers] = [:]

        for (mi, linked) in site.meetings.enumerated() {
            let m = linked.meeting
            let ranks = linked.participants.map { organizationRank[$0] }
            for slug in linked.themes {
                themeMeetings[slug, default: []].append(mi)
                perYear[slug, default: [:]][m.date.year, default: 0] += 1
                var members = themeOrgs.removeValue(forKey: slug) ?? RankedMembers(count: organizationOrder.count)
                for (name, rank) in zip(linked.participants, ranks) { members.insert(name, rank: rank) }
                themeOrgs[slug] = members
            }
            together(linked.themes)
            for (qi, q) in m.questions.enumerated() {
                for slug in q.themes { themeQuestions[slug, default: []].append(QuestionRef(meeting: mi, question: qi)) }
                together(q.themes)
                for (pi, p) in (q.summary?.points ?? []).enumerated() {
                    for slug in p.themes { themePoints[slug, default: []].append(SummaryPointRef(meeting: mi, question: qi, point: pi)) }
                }
            }
            for (pi, p) in (m.summary?.points ?? []).enumerated() {
                for slug in p.themes { themePoints[slug, default: []].append(SummaryPointRef(meeting: mi, question: nil, point: pi)) }
                together(p.themes)
            }
            for (bi, board) in m.boards.enumerated() {
                for (ci, category) in board.categories.enumerated() {
                    for (pi, p) in category.postIts.enumerated() {
                        for slug in p.themes { themePostIts[slug, default: []].append(PostItRef(meeting: mi, board: bi, category: ci, postIt: pi)) }
                        together(p.themes)
                    }
                }
            }
            for (ei, e) in m.excerpts.enumerated() {
                for slug in e.themes { themeExcerpts[slug, default: []].append(ExcerptRef(meeting: mi, excerpt: ei)) }
            }
            for org in linked.participants { orgMeetings[org, default: []].append(mi) }
        }

        let nameOf: (String) -> String = { bySlug[$0]?.name ?? $0 }
        let themeName: (String) -> String = { site.themes.theme($0)?.name ?? $0 }
        let collation = site.config.collation

        var themes: [String: ThemeStats] = [:]
        for t in site.themes.themes {
            let slug = t.slug
            let related = (cooccurrence[slug] ?? [:]).map { (slug: $0.key, count: $0.value) }.sorted {
                if $0.count != $1.count { return $0.count > $1.count }
                return collation.less(themeName($0.slug), themeName($1.slug))
            }
            themes[slug] = ThemeStats(
                slug: slug,
                // Meetings are stored newest first; the theme story reads oldest first.
                meetings: (themeMeetings[slug] ?? []).reversed(),
                questions: themeQuestions[slug] ?? [], summaryPoints: themePoints[slug] ?? [],
                postIts: themePostIts[slug] ?? [], related: related,
                organizations: themeOrgs[slug]?.members(in: organizationOrder, name: nameOf, collation) ?? [],
                meetingsPerYear: perYear[slug] ?? [:])
            themes[slug]?.excerpts = themeExcerpts[slug] ?? []
        }
        let themeRank = RankedMembers.ranks(themeOrder)
        let meetingThemeRanks = site.meetings.map { $0.themes.map { themeRank[$0] } }
        var orgs: [String: OrganizationStats] = [:]
        for o in site.organizations {
            let meetings = orgMeetings[o.slug] ?? []
            var themes = RankedMembers(count: themeOrder.count)
            for mi in meetings {
                for (name, rank) in zip(site.meetings[mi].themes, meetingThemeRanks[mi]) { themes.insert(name, rank: rank) }
            }
            orgs[o.slug] = OrganizationStats(slug: o.slug, meetings: meetings, themes: themes.members(in: themeOrder, name: themeName, collation))
        }
        return Stats(themes: themes, organizations: orgs)
    }
}

/// Members of a list already in Swedish order (organisations, themes), kept as flags by
/// place in it: a set of names per theme or organisation, sorted again each time, was most
/// of the statistics at thousands of meetings. Names outside the list are sorted in.
struct RankedMembers {
    private var flags: [Bool]
    private var others = Set<String>()

    init(count: Int) { flags = Array(repeating: false, count: count) }

    /// Each name's place in `order`.
    static func ranks(_ order: [String]) -> [String: Int] {
        Dictionary(order.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func insert(_ name: String, rank: Int?) {
        if let rank { flags[rank] = true } else { others.insert(name) }
    }

    func members(in order: [String], name: (String) -> String, _ collation: Collation) -> [String] {
        var listed: [String] = []
        for (rank, on) in flags.enumerated() where on { listed.append(order[rank]) }
        return others.isEmpty ? listed : (listed + others.sorted()).sorted(by: name, collation)
    }
}
