import SamradAggregate
import SamradCore
import SamradExtract
import SamradLink

/// The cross-meeting pages: themes, question bank, idea bank, organisations, open data.
///
/// A class for the same reason as `MeetingViews`: every page job's closure and the maps
/// inside the pages held a copy, which retained and released each of its references.
final class PortalPages: Sendable {
    let index: SiteIndex
    let views: MeetingViews
    let html: HTMLRenderer
    let context: PageContext
    /// The heat map's colours, read from the stylesheet the site is built with.
    let heatmapSchemes: HeatmapSchemes

    init(index: SiteIndex, views: MeetingViews, html: HTMLRenderer, context: PageContext, heatmapSchemes: HeatmapSchemes = .standard) {
        (self.index, self.views, self.html, self.context, self.heatmapSchemes) = (index, views, html, context, heatmapSchemes)
    }

    var base: String { context.config.basePath }
    /// The site's words.
    var t: Catalogue { context.config.catalogue }
    func href(_ path: String) -> String { context.config.href(path) }
    /// Where each section is published (`paths:` in site.yml).
    var paths: SectionPaths { context.config.paths }
    var allYears: [Int] { index.years.map(\.year).sorted() }

    func jobs() -> [SiteRenderer.PageJob] {
        let me = self
        let sizes = index.listSizes
        var jobs: [SiteRenderer.PageJob] = [
            .init(path: paths.themes, template: "themes") { me.themesPage() },
        ]
        let questionPager = Paginator(path: paths.questions, items: sizes.questions, size: Paginator.questionsPerPage)
        for n in 1 ... questionPager.pageCount {
            jobs.append(.init(path: questionPager.path(n), template: "questions") { me.questionsPage(n, questionPager) })
        }
        jobs += ideaBankJobs(theme: nil)
        jobs += [
            .init(path: paths.organizations, template: "organizations") { me.organizationsPage() },
            .init(path: paths.data, template: "data") { me.dataPage() },
        ]
        for slug in index.themeOrder {
            jobs.append(.init(path: paths.theme(slug), template: "theme") { me.themePage(slug) })
            let meetings = Paginator(path: paths.themeMeetings(slug), items: sizes.themeMeetings[slug] ?? 0, size: Paginator.meetingLinesPerPage)
            if (sizes.themeMeetings[slug] ?? 0) > ThemePage.newestMeetings {
                for n in 1 ... meetings.pageCount {
                    jobs.append(.init(path: meetings.path(n), template: "theme-meetings") { me.themeMeetingsPage(slug, n, meetings) })
                }
            }
            let questions = Paginator(path: paths.themeQuestions(slug), items: sizes.themeQuestionEntries[slug] ?? 0, size: Paginator.questionsPerPage)
            if (sizes.themeQuestionEntries[slug] ?? 0) > ThemePage.newestQuestions {
                for n in 1 ... questions.pageCount {
                    jobs.append(.init(path: questions.path(n), template: "theme-questions") { me.themeQuestionsPage(slug, n, questions) })
                }
            }
            let excerptCount = sizes.themeExcerpts[slug] ?? 0
            if excerptCount > ThemePage.newestExcerpts {
                let excerpts = Paginator(path: paths.themeExcerpts(slug), items: excerptCount, size: Paginator.excerptsPerPage)
                for n in 1 ... excerpts.pageCount {
                    jobs.append(.init(path: excerpts.path(n), template: "theme-excerpts") { me.themeExcerptsPage(slug, n, excerpts) })
                }
            }
            jobs += ideaBankJobs(theme: slug)
        }
        for slug in index.organizationOrder {
            let pager = Paginator(path: paths.organization(slug), items: sizes.organizationMeetings[slug] ?? 0, size: Paginator.meetingCardsPerPage)
            for n in 1 ... pager.pageCount {
                jobs.append(.init(path: pager.path(n), template: "organization") { me.organizationPage(slug, n, pager) })
            }
        }
        return jobs
    }

    /// The idea bank's pages, whole or for one theme (`idebank/<slug>/`).
    func ideaBankJobs(theme: String?) -> [SiteRenderer.PageJob] {
        let me = self
        let count = theme.map { index.listSizes.themePostIts[$0] ?? 0 } ?? index.listSizes.postIts
        let pager = Paginator(path: theme.map { "\(paths.ideas)\($0)/" } ?? paths.ideas, items: count, size: Paginator.ideasPerPage)
        return (1 ... pager.pageCount).map { n in .init(path: pager.path(n), template: "ideas") { me.ideasPage(theme: theme, page: n, pager) } }
    }

    func themeName(_ slug: String) -> String { index.site.themes.theme(slug)?.name ?? slug }

    func themeSummary(_ slug: String) -> ThemeSummary {
        let stats = index.themes[slug]
        let theme = index.site.themes.theme(slug)
        // Zero counts say nothing a reader needs ("0 frågor"); only what exists is named.
        let documents = DocumentWords((stats?.meetings ?? []).map { index.site.meetings[$0].meeting.type }, t)
        let counts = (documents.counts.isEmpty ? [] : [documents.countText]) + [
            (stats?.questions.count ?? 0, "count_question"),
            (stats?.postIts.count ?? 0, "count_idea"),
        ].filter { $0.0 > 0 }.map { self.t.count($0.0, $0.1) }
        return ThemeSummary(
            slug: slug, name: theme?.name ?? slug, url: href(paths.theme(slug)), description: Text(theme?.description),
            countsText: counts.joined(separator: " · "),
            sparkline: HTML(Charts.sparkline(stats?.meetingsPerYear ?? [:], years: allYears)))
    }

    // MARK: Themes

    func themesPage() -> PageView {
        context.page(title: t["themes_title"], path: paths.themes, description: context.words.text("themes_description"), section: paths.themes,
                     content: ThemeListPage(themes: index.themeOrder.map(themeSummary), heatmapHTML: HTML(Charts.themeHeatmap(index, words: context.words, schemes: heatmapSchemes))))
    }

    func themePage(_ slug: String) -> PageView {
        let stats = index.themes[slug]
        let name = themeName(slug)
        // The newest of each kind; the complete lists are paginated pages of their own.
        let meetings = (stats?.meetings ?? []).reversed().prefix(ThemePage.newestMeetings).map { views.card($0) }
        let meetingTotal = stats?.meetings.count ?? 0
        let entries = views.fragments.themeQuestionEntries.value(slug) { index.themeQuestionEntries(slug) }
        let entryTotal = entries.count
        let postIts = stats?.postIts ?? []
        let excerpts = stats?.excerpts ?? []
        func more(_ total: Int, shown: Int, path: String, _ shownText: String, _ linkText: String) -> Any {
            total > shown ? MoreLink(url: href(path), shownText: shownText, linkText: linkText) : false
        }
        let page = ThemePage(
            summary: themeSummary(slug), meetings: meetings,
            moreMeetings: more(meetingTotal, shown: meetings.count, path: paths.themeMeetings(slug),
                               t.text("shown_latest", ["shown": t.number(meetings.count), "total": t.number(meetingTotal)]),
                               context.words.text("link_all_about", ["total": t.number(meetingTotal), "name": name])),
            questionGroups: questionGroups(entries[..<Swift.min(entries.count, ThemePage.newestQuestions)], continuing: false),
            moreQuestions: more(entryTotal, shown: ThemePage.newestQuestions, path: paths.themeQuestions(slug),
                                context.words.text("shown_latest_questions", ["shown": t.number(ThemePage.newestQuestions), "total": t.number(entryTotal)]),
                                t.text("link_all_questions_about", ["name": name, "total": t.number(entryTotal)])),
            excerpts: excerpts.prefix(ThemePage.newestExcerpts).map(excerptView),
            moreExcerpts: more(excerpts.count, shown: ThemePage.newestExcerpts, path: paths.themeExcerpts(slug),
                               t.text("shown_latest_excerpts", ["shown": t.number(ThemePage.newestExcerpts), "total": t.number(excerpts.count)]),
                               t.text("link_all_excerpts_about", ["total": t.number(excerpts.count), "name": name])),
            postItsHTML: HTML(ideaGroupsHTML(postIts.prefix(ThemePage.newestIdeas), level: 3, theme: slug)),
            moreIdeas: more(postIts.count, shown: ThemePage.newestIdeas, path: "\(paths.ideas)\(slug)/",
                            t.text("shown_latest_ideas", ["shown": t.number(ThemePage.newestIdeas), "total": t.number(postIts.count)]),
                            t.text("link_all_ideas_about", ["total": t.number(postIts.count), "name": name])),
            related: (stats?.related ?? []).prefix(8).map { r in
                CountedLink(name: themeName(r.slug), url: href(paths.theme(r.slug)), countText: t.count(r.count, "count_times"))
            },
            organizations: (stats?.organizations ?? []).map { orgLink($0) }, ideasURL: href("\(paths.ideas)\(slug)/"))
        return context.page(title: name, path: paths.theme(slug), description: index.site.themes.theme(slug)?.description, section: paths.themes, content: page)
    }

    /// Lines of a theme's question list as groups by meeting. A page that starts inside a
    /// meeting's lines says so in the group's heading (`continued`).
    func questionGroups(_ entries: ArraySlice<ThemeQuestionEntry>, continuing: Bool) -> [QuestionGroup] {
        var groups: [QuestionGroup] = []
        var start = entries.startIndex
        while start < entries.endIndex {
            let mi = entries[start].meeting
            var end = start
            while end < entries.endIndex, entries[end].meeting == mi { end += 1 }
            let m = views.facts(mi)
            let url = m.url
            func pointLink(_ ref: SummaryPointRef) -> PointLink? {
                guard let p = index.summaryPoint(ref) else { return nil }
                return PointLink(id: p.id, url: url + "#" + p.id, html: HTML(html.renderItemContent(p.content)))
            }
            var points: [PointLink] = []
            var questions: [QuestionLine] = []
            for entry in entries[start ..< end] {
                switch entry {
                case .meetingPoint(let ref):
                    if let link = pointLink(ref) { points.append(link) }
                case .question(let ref, let onTheme, let refs):
                    let q = index.question(ref)
                    var line = QuestionLine(
                        id: q.id, url: url + "#" + q.id, label: questionLabel(q), text: q.text, session: Text(q.session),
                        onTheme: onTheme, points: refs.compactMap(pointLink))
                    line.pointsHTML = views.itemsHTML(line.points, template: "partials/point-link")
                    questions.append(line)
                }
            }
            let summaryOwner = t.summaryOwner(index.site.meetings[mi].meeting.type)
            var group = QuestionGroup(title: m.title, url: url, dateText: m.dateText, isoDate: m.isoDate, questions: questions,
                                      meetingPoints: points, continued: groups.isEmpty && continuing,
                                      summaryOwner: summaryOwner)
            group.questionsHTML = views.itemsHTML(questions, template: "partials/question-line")
            group.meetingPointsHTML = views.itemsHTML(points, template: "partials/point-link")
            groups.append(group)
            start = end
        }
        return groups
    }

    func excerptView(_ ref: ExcerptRef) -> ExcerptView {
        let m = views.facts(ref.meeting)
        let e = index.site.meetings[ref.meeting].meeting.excerpts[ref.excerpt]
        return ExcerptView(meetingTitle: m.title, meetingURL: m.url, dateText: m.dateText, isoDate: m.isoDate,
                           heading: Text(e.heading), text: Text(e.text), url: m.url + "#" + e.id)
    }

    /// teman/<slug>/avsnitt/: all of a theme's tagged sections and paragraphs, newest first.
    func themeExcerptsPage(_ slug: String, _ n: Int, _ pager: Paginator) -> PageView {
        let all = index.themes[slug]?.excerpts ?? []
        let name = themeName(slug)
        let pagination = pager.view(page: n, label: t.text("pages_of_theme_excerpts", ["name": name]), config: context.config)
        let excerpts = all[pager.range(n).clamped(to: all.indices)].map(excerptView)
        return context.page(title: t.text("theme_excerpts_page_title", ["name": name]), path: pager.path(n), description: nil, section: paths.themes, content: ThemeListPart(
            summary: themeSummary(slug), pagination: pagination, rangeText: pager.rangeText(n, noun: t["range_excerpts"], t),
            meetings: [], questionGroups: [], excerpts: excerpts,
            excerptsHTML: views.itemsHTML(excerpts, template: "partials/excerpt")), pagination: pagination)
    }

    /// teman/<slug>/moten/: all of a theme's meetings, newest first.
    func themeMeetingsPage(_ slug: String, _ n: Int, _ pager: Paginator) -> PageView {
        let all = index.themes[slug]?.meetings ?? []
        let newestFirst = Array(all.reversed())
        let name = themeName(slug)
        let pagination = pager.view(page: n, label: context.words.text("pages_of_theme_documents", ["name": name]), config: context.config)
        return context.page(title: context.words.text("theme_documents_title", ["name": name]), path: pager.path(n), description: nil, section: paths.themes, content: ThemeListPart(
            summary: themeSummary(slug), pagination: pagination, rangeText: pager.rangeText(n, noun: context.words.definiteTitle, t),
            meetings: newestFirst[pager.range(n)].map { views.card($0) }, questionGroups: [], excerpts: [],
            meetingLinesHTML: HTML(newestFirst[pager.range(n)].map { views.lineHTML($0) }.joined())), pagination: pagination)
    }

    /// teman/<slug>/fragor/: all of a theme's questions and summary points, newest meeting first.
    func themeQuestionsPage(_ slug: String, _ n: Int, _ pager: Paginator) -> PageView {
        let entries = views.fragments.themeQuestionEntries.value(slug) { index.themeQuestionEntries(slug) }
        let name = themeName(slug)
        let range = pager.range(n).clamped(to: entries.indices)
        let continuing = range.lowerBound > 0 && range.lowerBound < entries.count
            && entries[range.lowerBound - 1].meeting == entries[range.lowerBound].meeting
        let pagination = pager.view(page: n, label: t.text("pages_of_theme_questions", ["name": name]), config: context.config)
        let groups = questionGroups(entries[range], continuing: continuing)
        return context.page(title: t.text("theme_questions_title", ["name": name]), path: pager.path(n), description: nil, section: paths.themes, content: ThemeListPart(
            summary: themeSummary(slug), pagination: pagination, rangeText: pager.rangeText(n, noun: t["range_questions_points"], t),
            meetings: [], questionGroups: groups, excerpts: [],
            questionGroupsHTML: views.itemsHTML(groups, template: "partials/question-group")), pagination: pagination)
    }

    func questionLabel(_ q: Question) -> String {
        let label = context.config.questionLabels.first ?? t["question_label"]
        return q.number.map { "\(label) \($0)" } ?? label
    }

    func orgLink(_ slug: String, countText: String = "") -> OrganizationLink {
        let o = index.organization(slug)
        return OrganizationLink(name: o?.name ?? slug, url: href(paths.organization(slug)), kind: Text(o?.kind), countText: countText)
    }

    // MARK: Question bank

    func questionsPage(_ n: Int, _ pager: Paginator) -> PageView {
        let range = pager.range(n)
        var groups: [QuestionGroup] = []
        var themesOnPage = Set<String>()
        var offset = 0
        for linked in index.site.meetings {
            let m = linked.meeting
            let count = m.questions.count
            defer { offset += count }
            guard count > 0, offset + count > range.lowerBound else { continue }
            if offset >= range.upperBound { break }
            let first = Swift.max(0, range.lowerBound - offset), end = Swift.min(count, range.upperBound - offset)
            let url = views.url(linked)
            var group = QuestionGroup(
                title: m.title, url: url, dateText: views.dateText(m), isoDate: m.date.description,
                questions: m.questions[first ..< end].map { q in
                    themesOnPage.formUnion(q.themes)
                    var line = QuestionLine(
                        id: q.id, url: url + "#" + q.id, label: questionLabel(q), text: q.text, session: Text(q.session),
                        themes: q.themes.joined(separator: " "), tags: views.tags(q.themes),
                        points: (q.summary?.points ?? []).map { p in
                            PointLink(id: p.id, url: url + "#" + p.id, html: HTML(html.renderItemContent(p.content)))
                        })
                    line.pointsHTML = views.itemsHTML(line.points, template: "partials/bank-point")
                    line.tagListHTML = views.tagListHTML(q.themes)
                    return line
                },
                meetingPoints: [], continued: groups.isEmpty && first > 0)
            group.questionsHTML = views.itemsHTML(group.questions, template: "partials/bank-question")
            groups.append(group)
        }
        let pagination = pager.view(page: n, label: t["pages_of_question_bank"], config: context.config)
        return context.page(title: t["question_bank_title"], path: pager.path(n), description: context.words.text("question_bank_description"), section: paths.questions, content: QuestionBankPage(
            groups: groups, total: pager.items, totalText: t.count(pager.items, "count_question"), pagination: pagination, rangeText: pager.rangeText(n, noun: t["range_questions"], t),
            themeOptions: index.themeOrder.filter { themesOnPage.contains($0) }.map { FilterOption(value: $0, label: themeName($0)) }),
            pagination: pagination)
    }

    // MARK: Idea bank

    /// The idea's card as HTML (partials/idea-card). On the idea bank's own pages
    /// (`theme` nil) it is rendered once per build; in a theme's list (and on the theme
    /// page) it leaves out that theme's tag, which every card there has.
    ///
    /// A post-it is on the idea bank and in the list of each of its themes; its card there
    /// differs only in the tags, so the card's stencil values are kept from the first
    /// render and a theme's card swaps in its `tagsHTML` (the view model is built again
    /// only when the template needs a render for it).
    func ideaCardHTML(_ ref: PostItRef, theme: String? = nil) -> String {
        let kept = keptIdeaCard(ref)
        guard let theme else {
            return Self.trimmed(kept.filled?.output ?? views.templates.render(kept.view, template: "partials/idea-card"))
        }
        let shown = index.site.themes.resolveAll(index.postIt(ref).themes).filter { $0 != theme }
        let tagsHTML = views.postItTagsHTML(shown)
        if let out = kept.filled?.output(replacing: "tagsHTML", with: tagsHTML) { return Self.trimmed(out) }
        // Another shape (no tags left, say): the kept card with the theme list's tags.
        let card = RetaggedIdeaCard(card: kept.view, tags: views.tags(shown), tagsHTML: tagsHTML)
        return Self.trimmed(views.fragments.stencils.render(card, template: "partials/idea-card", with: views.templates))
    }

    /// The idea bank's card of `ref` and its stencil fill (nil when partials/idea-card is
    /// rendered by the library), made once per build: one memo entry per post-it.
    func keptIdeaCard(_ ref: PostItRef) -> KeptIdeaCard {
        views.fragments.ideaCards.value(ref) {
            let view = ideaCard(ref)
            return KeptIdeaCard(view: view, filled: views.fragments.stencils.filled(view, template: "partials/idea-card", with: views.templates))
        }
    }

    /// A rendered partial without the line breaks its template file ends with: the lists
    /// put one line break between items themselves.
    static func trimmed(_ html: String) -> String {
        var html = html
        while html.last == "\n" { html.removeLast() }
        return html
    }

    /// The cards of `refs` grouped by meeting (partials/idea-group), for `{{{cardsHTML}}}`:
    /// the meeting's title, date and link once above its cards, then one run of cards per
    /// category. The cards themselves go through no Mustache section: a list of tens of
    /// thousands of them costs a context and a lookup each. `theme` is the theme whose
    /// list this is (nil on the idea bank's own pages); `continuing` says that the first
    /// meeting's cards began on the previous page. Every run of cards is a
    /// `[data-filter-list]`, where filters.js takes the n-th card of a page from.
    func ideaGroupsHTML(_ refs: ArraySlice<PostItRef>, level: Int, theme: String?, continuing: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(refs.count * 260)
        var start = refs.startIndex
        while start < refs.endIndex {
            let mi = refs[start].meeting
            var runs: [IdeaGroup.Run] = []
            var end = start
            while end < refs.endIndex, refs[end].meeting == mi {
                let first = refs[end]
                var cards = ""
                while end < refs.endIndex, refs[end].meeting == mi, refs[end].board == first.board, refs[end].category == first.category {
                    if !cards.isEmpty { cards += "\n" }
                    cards += ideaCardHTML(refs[end], theme: theme)
                    end += 1
                }
                let path = index.postIt(first).categoryPath
                let top = path.first ?? ""
                runs.append(IdeaGroup.Run(path: path.joined(separator: " › "),
                                          key: views.fragments.categorySlugs.value(top) { Slug.make(top) },
                                          color: (first.category % 5) + 1, cardsHTML: HTML(cards), subLevel: level + 1))
            }
            let m = views.facts(mi)
            if !out.isEmpty { out += "\n" }
            var group = IdeaGroup(title: m.title, url: m.url, slug: m.slug, dateText: m.dateText, isoDate: m.isoDate, year: m.year,
                                  level: level, runs: runs, continued: continuing && start == refs.startIndex)
            group.runsHTML = views.itemsHTML(runs, template: "partials/idea-run")
            out += Self.trimmed(views.fragments.stencils.render(group, template: "partials/idea-group", with: views.templates))
            start = end
        }
        return out
    }

    /// The card's view model on the idea bank (a theme's list retags it: `RetaggedIdeaCard`).
    func ideaCard(_ ref: PostItRef) -> IdeaCard {
        let m = views.facts(ref.meeting)
        let p = index.postIt(ref)
        let top = p.categoryPath.first ?? ""
        // Made once per post-it (the card is kept), so no memo of its own.
        let text = html.renderItemContent(p.content)
        let shown = p.themes
        return IdeaCard(
            id: p.id, text: p.text, url: m.url + "#" + p.id, html: HTML(text), hasLink: text.containsASCII("<a "),
            categoryPath: p.categoryPath.joined(separator: " › "), category: top,
            categoryKey: views.fragments.categorySlugs.value(top) { Slug.make(top) },
            tags: views.tags(shown), tagsHTML: views.postItTagsHTML(shown), themes: p.themes.joined(separator: " "),
            meetingTitle: m.title, meetingSlug: m.slug, meetingURL: m.url, dateText: m.dateText, isoDate: m.isoDate,
            year: m.year, color: (ref.category % 5) + 1)
    }

    func ideasPage(theme: String?, page n: Int, _ pager: Paginator) -> PageView {
        let all = theme.map { index.themes[$0]?.postIts ?? [] } ?? views.fragments.allPostIts.value(0) { index.allPostIts }
        let range = pager.range(n).clamped(to: all.indices)
        let refs = all[range]
        // The filters choose among the cards on this page, so they offer what is on it.
        var categories: [String] = [], seenCategories = Set<String>()
        var meetings: [(String, String)] = [], seenMeetings = Set<Int>()
        var years = Set<Int>()
        var themes = Set<String>()
        for ref in refs {
            let p = index.postIt(ref)
            if let top = p.categoryPath.first, seenCategories.insert(top).inserted { categories.append(top) }
            if seenMeetings.insert(ref.meeting).inserted {
                let m = views.facts(ref.meeting)
                meetings.append((m.slug, m.title))
                years.insert(m.year)
            }
            themes.formUnion(p.themes)
        }
        let title = theme.map { "\(t["idea_bank_title"]): \(themeName($0))" } ?? t["idea_bank_title"]
        let pagination = pager.view(page: n, label: theme.map { t.text("pages_of_theme_ideas", ["name": themeName($0)]) } ?? t["pages_of_idea_bank"], config: context.config)
        return context.page(title: title, path: pager.path(n), description: t["ideas_description"], section: paths.ideas, content: IdeaBankPage(
            cardsHTML: HTML(ideaGroupsHTML(refs, level: 2, theme: theme, continuing: range.lowerBound > 0 && all[range.lowerBound - 1].meeting == refs.first?.meeting)),
            total: all.count, totalText: t.count(all.count, "count_idea"), pagination: pagination, rangeText: pager.rangeText(n, noun: t["range_ideas"], t),
            isFiltered: theme != nil, themeName: theme.map(themeName) ?? "",
            allURL: href(paths.ideas), themeURL: theme.map { href("\(paths.ideas)\($0)/") } ?? "",
            csvURL: href("\(paths.ideas)idebank.csv"), xlsxURL: href("\(paths.ideas)idebank.xlsx"), jsonURL: href("\(paths.data)ideas.json"),
            themeOptions: index.themeOrder.filter { themes.contains($0) }.map { FilterOption(value: $0, label: themeName($0)) },
            categoryOptions: categories.sorted(by: { $0 }, context.config.collation).map { c in FilterOption(value: views.fragments.categorySlugs.value(c) { Slug.make(c) }, label: c) },
            meetingOptions: meetings.map { FilterOption(value: $0.0, label: $0.1) },
            yearOptions: years.sorted(by: >).map { FilterOption(value: String($0), label: String($0)) },
            themeLists: ideaThemeLists.links, themeListsHTML: ideaThemeLists.html), pagination: pagination)
    }

    /// The idea bank's list of themes with ideas, the same on each of its pages: made
    /// once per build, with its entries through partials/theme-list-link.
    var ideaThemeLists: IdeaThemeLists {
        views.fragments.ideaThemeLists.value(0) {
            let links = index.themeOrder.filter { (index.listSizes.themePostIts[$0] ?? 0) > 0 }.map { slug in
                CountedLink(name: themeName(slug), url: href("\(paths.ideas)\(slug)/"), countText: "(\(t.number(index.listSizes.themePostIts[slug] ?? 0)))")
            }
            return IdeaThemeLists(links: links, html: views.itemsHTML(links, template: "partials/theme-list-link"))
        }
    }

    // MARK: Organisations

    func organizationsPage() -> PageView {
        var letters: [(String, [OrganizationLink])] = []
        for slug in index.organizationOrder {
            guard let o = index.organization(slug) else { continue }
            let letter = context.config.collation.initial(o.name)
            let entry = orgLink(slug, countText: DocumentWords((index.organizations[slug]?.meetings ?? []).map { index.site.meetings[$0].meeting.type }, t).countText)
            if letters.last?.0 == letter { letters[letters.count - 1].1.append(entry) } else { letters.append((letter, [entry])) }
        }
        // Letters that make one slug (A and Ä in Swedish, where Ä is a letter of its own)
        // get ids of their own: the letter links must lead to their own heading.
        var ids = Set<String>()
        let withIDs = letters.map { letter, organizations in
            let base = "bokstav-\(Slug.make(letter).isEmpty ? "ovrigt" : Slug.make(letter))"
            var id = base, n = 2
            while !ids.insert(id).inserted { id = "\(base)-\(n)"; n += 1 }
            return OrganizationListPage.Letter(letter: letter, id: id, organizations: organizations)
        }
        return context.page(title: t["organizations_title"], path: paths.organizations, description: context.words.text("organizations_description"), section: paths.organizations, content: OrganizationListPage(
            letters: withIDs,
            totalText: t.count(index.organizationOrder.count, "count_organization")))
    }

    func organizationPage(_ slug: String, _ n: Int, _ pager: Paginator) -> PageView {
        let o = index.organization(slug)
        let stats = index.organizations[slug]
        let meetings = stats?.meetings ?? []
        let name = o?.name ?? slug
        let pagination = pager.view(page: n, label: context.words.text("pages_of_organization", ["name": name]), config: context.config)
        return context.page(title: name, path: pager.path(n), description: nil, section: paths.organizations, content: OrganizationPage(
            name: name, url: href(paths.organization(slug)),
            meetingsText: DocumentWords(meetings.map { index.site.meetings[$0].meeting.type }, t).countText,
            kind: Text(o?.kind), website: Text(o?.url), aliasesText: Text(t.join(o?.aliases ?? [])),
            meetings: meetings[pager.range(n).clamped(to: meetings.indices)].map(views.cardHTML),
            // The role the organisation had where the front matter gives one (on the first page).
            roles: n > 1 ? [] : meetings.compactMap { mi in
                guard let role = index.site.meetings[mi].roles[slug] else { return nil }
                let m = views.facts(mi)
                return RoleLine(title: m.title, url: m.url, role: role)
            },
            tags: views.tags(stats?.themes ?? []), tagListHTML: views.tagListHTML(stats?.themes ?? []),
            pagination: pagination, rangeText: pager.rangeText(n, noun: context.words.definiteTitle, t)), pagination: pagination)
    }

    func dataPage() -> PageView {
        let files: [(String, String, String)] = [
            ("\(paths.data)meetings.json", "meetings.json", t["data_meetings"]),
            ("\(paths.data)questions.json", "questions.json", t["data_questions"]),
            ("\(paths.data)ideas.json", "ideas.json", t["data_ideas"]),
            ("\(paths.data)themes.json", "themes.json", t["data_themes"]),
            ("\(paths.data)organizations.json", "organizations.json", t["data_organizations"]),
            ("\(paths.ideas)idebank.xlsx", "idebank.xlsx", t["data_xlsx"]),
            ("\(paths.ideas)idebank.csv", "idebank.csv", t["data_csv"]),
            ("feed.xml", "feed.xml", t["data_feed"]),
            ("sitemap.xml", "sitemap.xml", t["data_sitemap"]),
        ]
        return context.page(title: t["data_title"], path: paths.data, description: t["data_description"], section: nil,
                            content: DataPage(files: files.map { DataPage.File(url: href($0.0), name: $0.1, description: $0.2) }))
    }
}
