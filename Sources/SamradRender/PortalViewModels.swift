import Mustache

// View models of the pages across meetings: start page, meeting list, themes, question
// and idea banks, organisations, open data, search, accessibility statement.

/// index.mustache: the start page.
struct StartPageView: MustacheParent {
    let statsText: String
    let latest: [CardSlot]
    let themes: [CountedLink]
    let hasThemes: Bool, hasQuestions: Bool, hasIdeas: Bool
    /// Room for a site's own text below the lists; empty in the default site.
    let body: HTML

    func child(named key: String) -> Any? {
        switch key {
        case "statsText": statsText
        case "latest": latest
        case "themes": themes
        case "hasThemes": hasThemes
        case "hasQuestions": hasQuestions
        case "hasIdeas": hasIdeas
        case "body": body
        default: nil
        }
    }
}

/// meetings.mustache: every meeting by year, newest first.
struct MeetingListPage: MustacheParent {
    struct Year: MustacheParent {
        let year: Int
        var meetings: [CardSlot]

        func child(named key: String) -> Any? {
            switch key {
            case "year": year
            case "meetings": meetings
            default: nil
            }
        }
    }

    let introText: String
    /// Meetings per year; on the first page only.
    let chartHTML: HTML
    /// This page's meetings by year.
    let years: [Year]
    let pagination: PaginationView
    /// "Mötena 51–100 av 2 000"; empty when they fit on one page.
    let rangeText: String

    func child(named key: String) -> Any? {
        switch key {
        case "introText": introText
        case "chartHTML": chartHTML
        case "years": years
        case "pagination": pagination
        case "rangeText": rangeText
        default: nil
        }
    }
}

/// A theme as the theme list shows it, and the head of its own page.
struct ThemeSummary: MustacheParent, Sendable {
    let slug: String, name: String, url: String
    let description: Text
    /// "12 möten · 30 frågor"; only counts above zero.
    let countsText: String
    /// Inline SVG of meetings per year.
    let sparkline: HTML

    func child(named key: String) -> Any? {
        switch key {
        case "slug": slug
        case "name": name
        case "description": description
        case "url": url
        case "countsText": countsText
        case "sparkline": sparkline
        default: nil
        }
    }
}

/// themes.mustache.
struct ThemeListPage: MustacheParent {
    let themes: [ThemeSummary]
    let heatmapHTML: HTML

    func child(named key: String) -> Any? {
        switch key {
        case "themes": themes
        case "heatmapHTML": heatmapHTML
        default: nil
        }
    }
}

/// theme.mustache: one theme's newest meetings, questions, summary points and ideas, with
/// links to the complete lists.
struct ThemePage: MustacheParent {
    /// How many of each kind the theme page shows; the rest are on the paginated lists.
    static let newestMeetings = 10
    static let newestQuestions = 10
    static let newestIdeas = 12
    static let newestExcerpts = 10

    let summary: ThemeSummary
    let meetings: [MeetingCard]
    /// A `MoreLink` to the complete list when the page shows only the newest, else `false`.
    let moreMeetings: Any
    let questionGroups: [QuestionGroup]
    let moreQuestions: Any
    /// Tagged sections and paragraphs, newest first (the newest few; `moreExcerpts` links to all).
    let excerpts: [ExcerptView]
    let moreExcerpts: Any
    /// The newest ideas by meeting (partials/idea-group; each card rendered once per build).
    let postItsHTML: HTML
    let moreIdeas: Any
    let related: [CountedLink]
    let organizations: [OrganizationLink]
    let ideasURL: String

    func child(named key: String) -> Any? {
        switch key {
        case "meetings": meetings
        case "moreMeetings": moreMeetings
        case "questionGroups": questionGroups
        case "moreQuestions": moreQuestions
        case "excerpts": excerpts
        case "moreExcerpts": moreExcerpts
        case "postItsHTML": postItsHTML
        case "hasPostIts": !postItsHTML.isNull
        case "moreIdeas": moreIdeas
        case "related": related
        case "organizations": organizations
        case "ideasURL": ideasURL
        default: summary.child(named: key)
        }
    }
}

/// "De 10 senaste av 300 möten." and a link to the complete list.
struct MoreLink: MustacheParent, Sendable {
    let url: String, shownText: String, linkText: String

    func child(named key: String) -> Any? {
        switch key {
        case "url": url
        case "shownText": shownText
        case "linkText": linkText
        default: nil
        }
    }
}

/// theme-meetings.mustache, theme-questions.mustache and theme-excerpts.mustache: one page
/// of a theme's complete list of meetings, of questions and summary points, or of tagged
/// sections and paragraphs.
struct ThemeListPart: MustacheParent {
    let summary: ThemeSummary
    let pagination: PaginationView
    /// "Mötena 101–200 av 340"; empty when the list has one page.
    let rangeText: String
    let meetings: [MeetingCard]
    let questionGroups: [QuestionGroup]
    let excerpts: [ExcerptView]
    /// `meetings` through partials/meeting-line, each line made once per build.
    var meetingLinesHTML = HTML("")
    /// `questionGroups` through partials/question-group and `excerpts` through
    /// partials/excerpt, one after another (no section per item).
    var questionGroupsHTML = HTML(""), excerptsHTML = HTML("")

    func child(named key: String) -> Any? {
        switch key {
        case "pagination": pagination
        case "rangeText": rangeText
        case "meetings": meetings
        case "meetingLinesHTML": meetingLinesHTML
        case "questionGroups": questionGroups
        case "questionGroupsHTML": questionGroupsHTML
        case "excerpts": excerpts
        case "excerptsHTML": excerptsHTML
        default: summary.child(named: key)
        }
    }
}

/// A meeting's questions (and summary points not under a question) on the theme page
/// and in the question bank.
struct QuestionGroup: MustacheParent {
    let title: String, url: String, dateText: String, isoDate: String
    let questions: [QuestionLine]
    let meetingPoints: [PointLink]
    /// Whether the meeting's lines began on the previous page.
    var continued = false
    /// "Mötets sammanfattning", "Rapportens sammanfattning": the heading of `meetingPoints`.
    var summaryOwner = ""
    /// `questions` through partials/question-line (or partials/bank-question on the
    /// question bank) and `meetingPoints` through partials/point-link, one after another:
    /// the lists without a section per item.
    var questionsHTML = HTML(""), meetingPointsHTML = HTML("")

    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "url": url
        case "dateText": dateText
        case "isoDate": isoDate
        case "questions": questions
        case "hasQuestions": !questions.isEmpty
        case "questionsHTML": questionsHTML
        case "meetingPoints": meetingPoints
        case "meetingPointsHTML": meetingPointsHTML
        case "hasMeetingPoints": !meetingPoints.isEmpty
        case "continued": continued
        case "summaryOwner": summaryOwner
        default: nil
        }
    }
}

/// A tagged heading or paragraph on a theme page: its heading and first sentences, and
/// a deep link to it in its document.
struct ExcerptView: MustacheParent, Sendable {
    let meetingTitle: String, meetingURL: String, dateText: String, isoDate: String
    let heading: Text, text: Text
    let url: String

    func child(named key: String) -> Any? {
        switch key {
        case "meetingTitle": meetingTitle
        case "meetingURL": meetingURL
        case "dateText": dateText
        case "isoDate": isoDate
        case "heading": heading
        case "text": text
        case "url": url
        default: nil
        }
    }
}

/// A question as one line of a list, linking to it on its meeting's page.
struct QuestionLine: MustacheParent {
    let id: String, url: String, label: String, text: String
    let session: Text
    /// Whether the question itself is tagged with the theme (not only one of its points).
    var onTheme = true
    /// Theme slugs separated by spaces, for the question bank's filter.
    var themes = ""
    var tags: [NamedLink] = []
    let points: [PointLink]
    /// `points` through partials/point-link (partials/bank-point on the question bank).
    var pointsHTML = HTML("")
    /// partials/tags for the question's themes, rendered once per combination (question bank).
    var tagListHTML = HTML("")

    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "url": url
        case "label": label
        case "text": text
        case "session": session
        case "onTheme": onTheme
        case "themes": themes
        case "tags": tags
        case "points": points
        case "pointsHTML": pointsHTML
        case "tagListHTML": tagListHTML
        case "hasPoints": !points.isEmpty
        default: nil
        }
    }
}

/// A summary point away from its meeting, linking to it there.
/// A summary point in a theme's question list; the point is the link to its anchor
/// unless its text holds a link of its own (`hasLink`: links do not nest).
struct PointLink: MustacheParent, Sendable {
    let id: String, url: String
    let html: HTML

    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "url": url
        case "html": html
        case "hasLink": html.html.containsASCII("<a ")
        default: nil
        }
    }
}

/// An organisation in a list; `countText` is its number of meetings where shown.
struct OrganizationLink: MustacheParent, Sendable {
    let name: String, url: String
    let kind: Text
    var countText = ""

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "url": url
        case "kind": kind
        case "countText": countText
        default: nil
        }
    }
}

/// questions.mustache: the question bank.
struct QuestionBankPage: MustacheParent {
    /// This page's questions by meeting.
    let groups: [QuestionGroup]
    /// Questions in the whole bank, and as words ("2 400 frågor").
    let total: Int, totalText: String
    let pagination: PaginationView
    /// "Frågorna 51–100 av 2 400"; empty when the bank has one page.
    let rangeText: String
    /// The themes of this page's questions (the filter works on the page).
    let themeOptions: [FilterOption]

    func child(named key: String) -> Any? {
        switch key {
        case "groups": groups
        case "total": total
        case "totalText": totalText
        case "pagination": pagination
        case "isPaginated": pagination.count > 1
        case "rangeText": rangeText
        case "themeOptions": themeOptions
        default: nil
        }
    }
}

/// ideas.mustache: the idea bank, whole or for one theme.
struct IdeaBankPage: MustacheParent {
    /// The page's cards by meeting (partials/idea-group; each card rendered once per build).
    let cardsHTML: HTML
    /// Ideas in the whole list (all pages), and as words ("7 000 idéer").
    let total: Int, totalText: String
    let pagination: PaginationView
    /// "Idéerna 101–200 av 7 000"; empty when the list has one page.
    let rangeText: String
    let isFiltered: Bool
    /// `themeURL` is the theme's own list (page 1) on a theme's pages.
    let themeName: String, allURL: String, themeURL: String, csvURL: String, xlsxURL: String, jsonURL: String
    /// Offered filter values: those of the cards on this page.
    let themeOptions: [FilterOption], categoryOptions: [FilterOption], meetingOptions: [FilterOption], yearOptions: [FilterOption]
    let themeLists: [CountedLink]
    /// `themeLists` through partials/theme-list-link: the same on every page of the idea
    /// bank, so rendered once per build instead of walked by the library on each page.
    let themeListsHTML: HTML

    func child(named key: String) -> Any? {
        switch key {
        case "cardsHTML": cardsHTML
        case "hasCards": !cardsHTML.isNull
        case "pagination": pagination
        case "isPaginated": pagination.count > 1
        case "rangeText": rangeText
        case "themeURL": themeURL
        case "total": total
        case "totalText": totalText
        case "isFiltered": isFiltered
        case "themeName": themeName
        case "allURL": allURL
        case "themeOptions": themeOptions
        case "categoryOptions": categoryOptions
        case "meetingOptions": meetingOptions
        case "yearOptions": yearOptions
        case "themeLists": themeLists
        case "themeListsHTML": themeListsHTML
        case "csvURL": csvURL
        case "xlsxURL": xlsxURL
        case "jsonURL": jsonURL
        default: nil
        }
    }
}

/// partials/idea-card: a post-it in the idea bank and on theme pages.
/// One meeting's ideas in a list (partials/idea-group): the meeting is named once, above
/// its cards, and the cards follow in runs of one category each (a heading per run), so
/// that a card holds its own text, anchor link and tags only.
struct IdeaGroup: MustacheParent {
    /// A run of cards of one category; `color` is the post-it colour of the category.
    struct Run: MustacheParent {
        let path: String, key: String, color: Int
        /// The run's cards (partials/idea-card), one per line.
        let cardsHTML: HTML
        /// The heading level of the category (one below the meeting's).
        var subLevel = 3

        func child(named key: String) -> Any? {
            switch key {
            case "path": path
            case "hasPath": !path.isEmpty
            case "key": self.key
            case "color": color
            case "cardsHTML": cardsHTML
            case "subLevel": subLevel
            default: nil
            }
        }
    }

    let title: String, url: String, slug: String, dateText: String, isoDate: String, year: Int
    /// The heading levels of the meeting and of its categories (2 and 3 on the idea bank,
    /// 3 and 4 under a theme page's "Idéer" heading).
    let level: Int
    let runs: [Run]
    /// Whether the meeting's cards began on the previous page.
    let continued: Bool
    /// `runs` through partials/idea-run, one after another (no section per run).
    var runsHTML = HTML("")

    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "url": url
        case "slug": slug
        case "dateText": dateText
        case "isoDate": isoDate
        case "year": year
        case "level": level
        case "subLevel": level + 1
        case "runs": runs
        case "runsHTML": runsHTML
        case "continued": continued
        default: nil
        }
    }
}

struct IdeaCard: MustacheParent {
    let id: String, text: String, url: String
    let html: HTML
    /// Whether `html` holds a link of its own; then the card cannot be one link as a whole.
    let hasLink: Bool
    /// "Top › Sub"; `category` is the top one and `categoryKey` its slug.
    let categoryPath: String, category: String, categoryKey: String
    let tags: [NamedLink]
    /// `tags` through partials/postit-tags (made once per combination).
    let tagsHTML: HTML
    /// Theme slugs separated by spaces.
    let themes: String
    let meetingTitle: String, meetingSlug: String, meetingURL: String, dateText: String, isoDate: String
    let year: Int, color: Int

    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "html": html
        case "hasLink": hasLink
        case "text": text
        case "categoryPath": categoryPath
        case "hasCategory": !categoryPath.isEmpty
        case "category": category
        case "categoryKey": categoryKey
        case "tags": tags
        case "tagsHTML": tagsHTML
        case "themes": themes
        case "meetingTitle": meetingTitle
        case "meetingSlug": meetingSlug
        case "meetingURL": meetingURL
        case "url": url
        case "dateText": dateText
        case "isoDate": isoDate
        case "year": year
        case "color": color
        default: nil
        }
    }
}

/// An idea card in a theme's list: the idea bank's card with the list's tags (it leaves
/// out the theme's own), without building the card again.
struct RetaggedIdeaCard: MustacheParent {
    let card: IdeaCard
    let tags: [NamedLink]
    let tagsHTML: HTML

    func child(named key: String) -> Any? {
        switch key {
        case "tags": tags
        case "tagsHTML": tagsHTML
        default: card.child(named: key)
        }
    }
}

/// organizations.mustache: organisations under their initial letters.
struct OrganizationListPage: MustacheParent {
    struct Letter: MustacheParent {
        let letter: String, id: String
        let organizations: [OrganizationLink]

        func child(named key: String) -> Any? {
            switch key {
            case "letter": letter
            case "id": id
            case "organizations": organizations
            default: nil
            }
        }
    }

    let letters: [Letter]
    let totalText: String

    func child(named key: String) -> Any? {
        switch key {
        case "letters": letters
        case "totalText": totalText
        default: nil
        }
    }
}

/// organization.mustache.
struct OrganizationPage: MustacheParent {
    /// `url` is the organisation's page (page 1 of its meetings).
    let name: String, url: String, meetingsText: String
    let kind: Text, website: Text, aliasesText: Text
    /// This page's meetings.
    let meetings: [CardSlot]
    /// Their cards one after another.
    var meetingCardsHTML: HTML { HTML(meetings.map { $0.cardHTML.html + "\n" }.joined()) }
    /// The roles the organisation had, one line per document that names one.
    let roles: [RoleLine]
    let tags: [NamedLink]
    /// `tags` through partials/tags, rendered once per combination of themes: the
    /// library walked every theme of the organisation on each of its pages.
    let tagListHTML: HTML
    let pagination: PaginationView
    /// "Mötena 51–100 av 130"; empty when they fit on one page.
    let rangeText: String

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "kind": kind
        case "website": website
        case "aliasesText": aliasesText
        case "meetings": meetings
        case "meetingCardsHTML": meetingCardsHTML
        case "meetingsText": meetingsText
        case "roles": roles
        case "tags": tags
        case "tagListHTML": tagListHTML
        case "url": url
        case "pagination": pagination
        case "rangeText": rangeText
        default: nil
        }
    }
}

/// A document in which an organisation had a role: "Samverkansforum februari 2026: observatör".
struct RoleLine: MustacheParent, Sendable {
    let title: String, url: String, role: String

    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "url": url
        case "role": role
        default: nil
        }
    }
}

/// data.mustache: the open data files.
struct DataPage: MustacheParent {
    struct File: MustacheParent {
        let url: String, name: String, description: String

        func child(named key: String) -> Any? {
            switch key {
            case "url": url
            case "name": name
            case "description": description
            default: nil
            }
        }
    }

    let files: [File]

    func child(named key: String) -> Any? { key == "files" ? files : nil }
}

/// search.mustache.
struct SearchPage: MustacheParent {
    /// Whether this build has a Pagefind index.
    let searchEnabled: Bool
    /// Indexes the build writes (the form says how many).
    let parts: Int

    func child(named key: String) -> Any? {
        switch key {
        case "searchEnabled": searchEnabled
        case "searchParts": parts
        default: nil
        }
    }
}
