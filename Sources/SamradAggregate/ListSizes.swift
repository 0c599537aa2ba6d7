import SamradLink

/// How long each paginated list is: the idea bank, the question bank, the meeting list,
/// a theme's meetings, questions and ideas, an organisation's meetings. Counted in one
/// light pass (integers only) so that the pages to write are known without the full
/// statistics: the preview lists every output path on each save, and the statistics are
/// made only when a page that shows them is rendered.
///
/// Every count follows the rule the list itself is made by (`SiteIndex.computeStats` and
/// `SiteIndex.themeQuestionEntries`), so the last page is never empty and nothing falls off it.
public struct ListSizes: Sendable {
    public var meetings = 0
    public var questions = 0
    public var postIts = 0
    public var themeMeetings: [String: Int] = [:]
    public var themePostIts: [String: Int] = [:]
    /// Lines of a theme's question list: each question on the theme or with a summary
    /// point on it, and each point of a meeting's own summary on it.
    public var themeQuestionEntries: [String: Int] = [:]
    public var organizationMeetings: [String: Int] = [:]
    /// A theme's tagged sections and paragraphs (`ThemeStats.excerpts`).
    public var themeExcerpts: [String: Int] = [:]
    /// Questions tagged with a theme (`ThemeStats.questions`): the question bank's theme
    /// filter has a list for each theme with some.
    public var themeQuestions: [String: Int] = [:]

    public init(_ site: LinkedSite) {
        meetings = site.meetings.count
        for linked in site.meetings {
            let m = linked.meeting
            for slug in linked.themes { themeMeetings[slug, default: 0] += 1 }
            for org in linked.participants { organizationMeetings[org, default: 0] += 1 }
            questions += m.questions.count
            for q in m.questions {
                for slug in q.themes { themeQuestions[slug, default: 0] += 1 }
                var slugs = Set(q.themes)
                for p in q.summary?.points ?? [] { slugs.formUnion(p.themes) }
                for slug in slugs { themeQuestionEntries[slug, default: 0] += 1 }
            }
            for p in m.summary?.points ?? [] {
                for slug in Set(p.themes) { themeQuestionEntries[slug, default: 0] += 1 }
            }
            for e in m.excerpts { for slug in e.themes { themeExcerpts[slug, default: 0] += 1 } }
            for board in m.boards {
                for category in board.categories {
                    postIts += category.postIts.count
                    for p in category.postIts { for slug in p.themes { themePostIts[slug, default: 0] += 1 } }
                }
            }
        }
    }
}

/// One line of a theme's question list (`SiteIndex.themeQuestionEntries`).
public enum ThemeQuestionEntry: Sendable {
    /// A point of the meeting's own summary.
    case meetingPoint(SummaryPointRef)
    /// A question of the meeting, with those of its summary points that are on the theme.
    case question(QuestionRef, onTheme: Bool, points: [SummaryPointRef])

    public var meeting: Int {
        switch self {
        case .meetingPoint(let p): p.meeting
        case .question(let q, _, _): q.meeting
        }
    }
}

extension SiteIndex {
    /// A theme's questions and summary points as the lines of its list, newest meeting
    /// first; within a meeting its own summary's points, then its questions in order. A
    /// question is listed when it or one of its summary points is on the theme.
    public func themeQuestionEntries(_ slug: String) -> [ThemeQuestionEntry] {
        guard let stats = themes[slug] else { return [] }
        var byMeeting: [Int: (questions: [Int: Bool], meetingPoints: [Int], points: [Int: [SummaryPointRef]])] = [:]
        for q in stats.questions { byMeeting[q.meeting, default: ([:], [], [:])].questions[q.question] = true }
        for p in stats.summaryPoints {
            var group = byMeeting[p.meeting] ?? ([:], [], [:])
            if let q = p.question {
                if group.questions[q] == nil { group.questions[q] = false }
                if !(group.points[q]?.contains { $0.point == p.point } ?? false) { group.points[q, default: []].append(p) }
            } else if !group.meetingPoints.contains(p.point) {
                group.meetingPoints.append(p.point)
            }
            byMeeting[p.meeting] = group
        }
        var entries: [ThemeQuestionEntry] = []
        // Meetings are stored newest first, so ascending indexes read newest first.
        for mi in byMeeting.keys.sorted() {
            guard let group = byMeeting[mi] else { continue }
            for point in group.meetingPoints { entries.append(.meetingPoint(SummaryPointRef(meeting: mi, question: nil, point: point))) }
            for qi in group.questions.keys.sorted() {
                entries.append(.question(QuestionRef(meeting: mi, question: qi), onTheme: group.questions[qi] ?? false,
                                         points: group.points[qi] ?? []))
            }
        }
        return entries
    }
}
