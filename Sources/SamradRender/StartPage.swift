import SamradAggregate
import SamradCore

struct StartPage {
    let index: SiteIndex
    let views: MeetingViews

    func view(_ ctx: PageContext) -> PageView {
        let meetings = index.site.meetings
        let questions = meetings.reduce(0) { $0 + $1.meeting.questions.count }
        let ideas = meetings.reduce(0) { $0 + $1.meeting.postItCount }
        let stats = [
            ctx.words.countText,
            ctx.config.catalogue.count(questions, "count_question"),
            ctx.config.catalogue.count(ideas, "count_idea"),
            ctx.config.catalogue.count(index.organizationOrder.count, "count_organization"),
        ]
        let themes = index.themeOrder.compactMap { slug -> CountedLink? in
            guard let t = index.site.themes.theme(slug), let s = index.themes[slug], !s.meetings.isEmpty else { return nil }
            return CountedLink(name: t.name, url: ctx.config.href(ctx.config.paths.theme(slug)), countText: "(\(ctx.config.catalogue.number(s.meetings.count)))")
        }
        return ctx.page(title: ctx.config.title, path: "", description: ctx.config.description, section: "", content: StartPageView(
            statsText: ctx.config.catalogue.join(stats) + ".",
            latest: meetings.indices.prefix(6).map(views.cardHTML),
            themes: themes, hasThemes: !index.themeOrder.isEmpty,
            hasQuestions: questions > 0, hasIdeas: ideas > 0,
            body: HTML("")))
    }
}
