import SamradAggregate
import SamradCore
import SamradExtract
import SamradLink

/// The cross-meeting pages: themes, question bank, idea bank, organisations, open data.
struct PortalPages: Sendable {
    let index: SiteIndex
    let views: MeetingViews
    let html: HTMLRenderer
    let context: PageContext
    /// The heat map's colours, read from the stylesheet the site is built with.
    var heatmapSchemes: HeatmapSchemes = .standard

    var base: String { context.config.basePath }
    func href(_ path: String) -> String { context.config.href(path) }
    var allYears: [Int] { index.years.map(\.year).sorted() }

    func jobs() -> [SiteRenderer.PageJob] {
        let me = self
        var jobs: [SiteRenderer.PageJob] = [
            .init(path: "teman/", template: "themes") { me.themesPage() },
            .init(path: "fragor/", template: "questions") { me.questionsPage() },
            .init(path: "idebank/", template: "ideas") { me.ideasPage(theme: nil) },
            .init(path: "organisationer/", template: "organizations") { me.organizationsPage() },
            .init(path: "data/", template: "data") { me.dataPage() },
        ]
        for slug in index.themeOrder {
            jobs.append(.init(path: "teman/\(slug)/", template: "theme") { me.themePage(slug) })
            jobs.append(.init(path: "idebank/\(slug)/", template: "ideas") { me.ideasPage(theme: slug) })
        }
        for slug in index.organizationOrder {
            jobs.append(.init(path: "organisationer/\(slug)/", template: "organization") { me.organizationPage(slug) })
        }
        return jobs
    }

    func themeName(_ slug: String) -> String { index.site.themes.theme(slug)?.name ?? slug }

    func themeSummary(_ slug: String) -> ThemeSummary {
        let stats = index.themes[slug]
        let t = index.site.themes.theme(slug)
        // Zero counts say nothing a reader needs ("0 frågor"); only what exists is named.
        let documents = DocumentWords((stats?.meetings ?? []).map { index.site.meetings[$0].meeting.type })
        let counts = (documents.counts.isEmpty ? [] : [documents.countText]) + [
            (stats?.questions.count ?? 0, "fråga", "frågor"),
            (stats?.postIts.count ?? 0, "idé", "idéer"),
        ].filter { $0.0 > 0 }.map { Phrases.count($0.0, $0.1, $0.2) }
        return ThemeSummary(
            slug: slug, name: t?.name ?? slug, url: href("teman/\(slug)/"), description: Text(t?.description),
            countsText: counts.joined(separator: " · "),
            sparkline: HTML(Charts.sparkline(stats?.meetingsPerYear ?? [:], years: allYears)))
    }

    // MARK: Themes

    func themesPage() -> PageView {
        context.page(title: "Teman", path: "teman/", description: "Alla teman som \(context.words.plural), frågor och idéer har märkts med.", section: "teman/",
                     content: ThemeListPage(themes: index.themeOrder.map(themeSummary), heatmapHTML: HTML(Charts.themeHeatmap(index, words: context.words, schemes: heatmapSchemes))))
    }

    func themePage(_ slug: String) -> PageView {
        let stats = index.themes[slug]

        // Questions and summary points grouped by meeting, newest meeting first. A point
        // whose question is on the theme is shown under it; other points stand alone.
        var groups: [Int: (questions: [Int], points: [SummaryPointRef])] = [:]
        for q in stats?.questions ?? [] { groups[q.meeting, default: ([], [])].questions.append(q.question) }
        for p in stats?.summaryPoints ?? [] { groups[p.meeting, default: ([], [])].points.append(p) }
        let questionGroups = groups.keys.sorted(by: >).map { mi -> QuestionGroup in
            let m = views.facts(mi)
            let url = m.url
            let entries = groups[mi] ?? ([], [])
            let questionSet = Set(entries.questions)
            var questionIDs = entries.questions
            for p in entries.points { if let q = p.question, !questionSet.contains(q), !questionIDs.contains(q) { questionIDs.append(q) } }
            questionIDs.sort()
            func pointLink(_ ref: SummaryPointRef) -> PointLink? {
                guard let p = index.summaryPoint(ref) else { return nil }
                return PointLink(id: p.id, url: url + "#" + p.id, html: HTML(html.renderItemContent(p.content)))
            }
            let questions = questionIDs.map { qi -> QuestionLine in
                let q = index.question(QuestionRef(meeting: mi, question: qi))
                return QuestionLine(
                    id: q.id, url: url + "#" + q.id, label: questionLabel(q), text: q.text, session: Text(q.session),
                    onTheme: questionSet.contains(qi), points: entries.points.filter { $0.question == qi }.compactMap(pointLink))
            }
            let genitive = index.site.meetings[mi].meeting.type.genitive
            return QuestionGroup(title: m.title, url: url, dateText: m.dateText, isoDate: m.isoDate, questions: questions,
                                 meetingPoints: entries.points.filter { $0.question == nil }.compactMap(pointLink),
                                 summaryOwner: genitive.prefix(1).uppercased() + genitive.dropFirst() + " sammanfattning")
        }
        let page = ThemePage(
            summary: themeSummary(slug), meetings: (stats?.meetings ?? []).map { views.card($0) },
            questionGroups: questionGroups,
            // Tagged sections and paragraphs: the first sentences, linked to their place.
            excerpts: (stats?.excerpts ?? []).map { ref in
                let m = views.facts(ref.meeting)
                let e = index.site.meetings[ref.meeting].meeting.excerpts[ref.excerpt]
                return ExcerptView(meetingTitle: m.title, meetingURL: m.url, dateText: m.dateText, isoDate: m.isoDate,
                                   heading: Text(e.heading), text: Text(e.text), url: m.url + "#" + e.id)
            },
            postItsHTML: HTML(ideaCardsHTML(stats?.postIts ?? [])),
            related: (stats?.related ?? []).prefix(8).map { r in
                CountedLink(name: themeName(r.slug), url: href("teman/\(r.slug)/"), countText: Phrases.count(r.count, "gång", "gånger"))
            },
            organizations: (stats?.organizations ?? []).map { orgLink($0) }, ideasURL: href("idebank/\(slug)/"))
        return context.page(title: themeName(slug), path: "teman/\(slug)/", description: index.site.themes.theme(slug)?.description, section: "teman/", content: page)
    }

    func questionLabel(_ q: Question) -> String {
        let label = context.config.questionLabels.first ?? "Fråga"
        return q.number.map { "\(label) \($0)" } ?? label
    }

    func orgLink(_ slug: String, countText: String = "") -> OrganizationLink {
        let o = index.organization(slug)
        return OrganizationLink(name: o?.name ?? slug, url: href("organisationer/\(slug)/"), kind: Text(o?.kind), countText: countText)
    }

    // MARK: Question bank

    func questionsPage() -> PageView {
        var total = 0
        let groups = index.site.meetings.compactMap { linked -> QuestionGroup? in
            let m = linked.meeting
            guard !m.questions.isEmpty else { return nil }
            total += m.questions.count
            let url = views.url(linked)
            return QuestionGroup(
                title: m.title, url: url, dateText: views.dateText(m), isoDate: m.date.description,
                questions: m.questions.map { q in
                    QuestionLine(
                        id: q.id, url: url + "#" + q.id, label: questionLabel(q), text: q.text, session: Text(q.session),
                        themes: q.themes.joined(separator: " "), tags: views.tags(q.themes),
                        points: (q.summary?.points ?? []).map { p in
                            PointLink(id: p.id, url: url + "#" + p.id, html: HTML(html.renderItemContent(p.content)))
                        })
                },
                meetingPoints: [])
        }
        return context.page(title: "Frågebanken", path: "fragor/", description: "Alla frågor från \(context.words.definite), med sammanfattningar.", section: "fragor/", content: QuestionBankPage(
            groups: groups, total: total,
            themeOptions: index.themeOrder.filter { !(index.themes[$0]?.questions.isEmpty ?? true) }.map { FilterOption(value: $0, label: themeName($0)) }))
    }

    // MARK: Idea bank

    /// The idea's card as HTML, rendered once with partials/idea-card.
    func ideaCardHTML(_ ref: PostItRef) -> String {
        views.fragments.ideaCards.value(ref) { views.templates.render(ideaCard(ref), template: "partials/idea-card") }
    }

    /// The cards of `refs`, a line between each, for `{{{cardsHTML}}}`: a list of tens of
    /// thousands of cards through a Mustache section costs a context and a lookup each.
    func ideaCardsHTML(_ refs: [PostItRef]) -> String {
        var out = ""
        out.reserveCapacity(refs.count * 640)
        for (i, ref) in refs.enumerated() {
            if i > 0 { out += "\n" }
            out += ideaCardHTML(ref)
        }
        return out
    }

    func ideaCard(_ ref: PostItRef) -> IdeaCard {
        let m = views.facts(ref.meeting)
        let p = index.postIt(ref)
        let top = p.categoryPath.first ?? ""
        return IdeaCard(
            id: p.id, text: p.text, url: m.url + "#" + p.id, html: HTML(html.renderItemContent(p.content)),
            categoryPath: p.categoryPath.joined(separator: " › "), category: top,
            categoryKey: views.fragments.categorySlugs.value(top) { Slug.make(top) },
            tags: views.tags(p.themes), themes: p.themes.joined(separator: " "),
            meetingTitle: m.title, meetingSlug: m.slug, meetingURL: m.url, dateText: m.dateText, isoDate: m.isoDate,
            year: m.year, color: (ref.category % 5) + 1)
    }

    func ideasPage(theme: String?) -> PageView {
        let refs = theme.map { index.themes[$0]?.postIts ?? [] } ?? index.allPostIts
        var categories: [String] = [], seenCategories = Set<String>()
        var meetings: [(String, String)] = [], seenMeetings = Set<Int>()
        var years = Set<Int>()
        var themes = Set<String>()
        for ref in refs {
            let p = index.postIt(ref)
            if let top = p.categoryPath.first, seenCategories.insert(top).inserted { categories.append(top) }
            if seenMeetings.insert(ref.meeting).inserted {
                let m = index.meeting(ref.meeting).meeting
                meetings.append((m.slug, m.title))
                years.insert(m.date.year)
            }
            themes.formUnion(p.themes)
        }
        let path = theme.map { "idebank/\($0)/" } ?? "idebank/"
        let title = theme.map { "Idébanken: \(themeName($0))" } ?? "Idébanken"
        return context.page(title: title, path: path, description: "Idéer och förslag från mötenas workshoppar.", section: "idebank/", content: IdeaBankPage(
            cardsHTML: HTML(ideaCardsHTML(refs)), total: refs.count,
            isFiltered: theme != nil, themeName: theme.map(themeName) ?? "",
            allURL: "\(base)idebank/", csvURL: "\(base)idebank/idebank.csv", xlsxURL: "\(base)idebank/idebank.xlsx", jsonURL: "\(base)data/ideas.json",
            themeOptions: index.themeOrder.filter { themes.contains($0) }.map { FilterOption(value: $0, label: themeName($0)) },
            categoryOptions: categories.sortedSwedish(by: { $0 }).map { FilterOption(value: Slug.make($0), label: $0) },
            meetingOptions: meetings.map { FilterOption(value: $0.0, label: $0.1) },
            yearOptions: years.sorted(by: >).map { FilterOption(value: String($0), label: String($0)) },
            themeLists: index.themeOrder.filter { !(index.themes[$0]?.postIts.isEmpty ?? true) }.map { slug in
                CountedLink(name: themeName(slug), url: href("idebank/\(slug)/"), countText: "(\(index.themes[slug]?.postIts.count ?? 0))")
            }))
    }

    // MARK: Organisations

    func organizationsPage() -> PageView {
        var letters: [(String, [OrganizationLink])] = []
        for slug in index.organizationOrder {
            guard let o = index.organization(slug) else { continue }
            let letter = String(o.name.prefix(1)).uppercased()
            let entry = orgLink(slug, countText: DocumentWords((index.organizations[slug]?.meetings ?? []).map { index.site.meetings[$0].meeting.type }).countText)
            if letters.last?.0 == letter { letters[letters.count - 1].1.append(entry) } else { letters.append((letter, [entry])) }
        }
        return context.page(title: "Organisationer", path: "organisationer/", description: "Organisationer som deltagit i \(context.words.plural).", section: "organisationer/", content: OrganizationListPage(
            letters: letters.map { OrganizationListPage.Letter(letter: $0.0, id: "bokstav-\(Slug.make($0.0).isEmpty ? "ovrigt" : Slug.make($0.0))", organizations: $0.1) },
            totalText: Phrases.count(index.organizationOrder.count, "organisation", "organisationer")))
    }

    func organizationPage(_ slug: String) -> PageView {
        let o = index.organization(slug)
        let stats = index.organizations[slug]
        return context.page(title: o?.name ?? slug, path: "organisationer/\(slug)/", description: nil, section: "organisationer/", content: OrganizationPage(
            name: o?.name ?? slug,
            meetingsText: DocumentWords((stats?.meetings ?? []).map { index.site.meetings[$0].meeting.type }).countText,
            kind: Text(o?.kind), website: Text(o?.url), aliasesText: Text(Phrases.list(o?.aliases ?? [])),
            meetings: (stats?.meetings ?? []).map(views.cardHTML),
            // The role the organisation had where the front matter gives one.
            roles: (stats?.meetings ?? []).compactMap { mi in
                guard let role = index.site.meetings[mi].roles[slug] else { return nil }
                let m = views.facts(mi)
                return RoleLine(title: m.title, url: m.url, role: role)
            },
            tags: views.tags(stats?.themes ?? [])))
    }

    func dataPage() -> PageView {
        let files: [(String, String, String)] = [
            ("data/meetings.json", "meetings.json", "Alla dokument (möten, seminarier, rapporter): titel, datum (som det skrivits: dag, månad eller år), etikett och dokumenttyp, författare, arrangör, plats, teman, deltagande organisationer med grupp och roll, talarturer, dokumentets egen sammanfattning, fotnoter och antal frågor och idéer."),
            ("data/questions.json", "questions.json", "Alla frågor med nummer, sammanhang (t.ex. rundabordssamtal), delfrågor, sammanfattningspunkter, teman och länk."),
            ("data/ideas.json", "ideas.json", "Alla idéer (post-it-lappar) med kategori, text, teman, möte och länk."),
            ("data/themes.json", "themes.json", "Temana med beskrivning, alias, antal dokument (möten, seminarier, rapporter), frågor och idéer, och relaterade teman."),
            ("data/organizations.json", "organizations.json", "Organisationerna med typ, alternativa namn, dokument (möten, seminarier, rapporter) och teman."),
            ("idebank/idebank.xlsx", "idebank.xlsx", "Idébanken som kalkylblad (Excel-arbetsbok): en rad per idé, öppnas i kolumner i Excel och LibreOffice oavsett språkinställningar."),
            ("idebank/idebank.csv", "idebank.csv", "Idébanken som CSV för dataverktyg (RFC 4180, kommaseparerad, UTF-8 med BOM)."),
            ("feed.xml", "feed.xml", "Atom-flöde med de 50 senaste dokumenten."),
            ("sitemap.xml", "sitemap.xml", "Webbplatskarta över alla sidor."),
        ]
        return context.page(title: "Öppna data", path: "data/", description: "Portalens innehåll som öppna data i JSON och CSV.", section: nil,
                            content: DataPage(files: files.map { DataPage.File(url: href($0.0), name: $0.1, description: $0.2) }))
    }
}
