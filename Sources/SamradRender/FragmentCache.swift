import SamradAggregate
import SamradCore

/// What many pages show of the same thing, made once per build: the idea bank, the
/// per-theme lists and the theme pages show the same cards, and at thousands of meetings
/// making them again for every page was most of the build.
final class FragmentCache: Sendable {
    let meetingFacts = Memo<Int, MeetingFacts>()
    /// Card view models of meetings, listed on every theme page they belong to.
    let meetingCards = Memo<Int, MeetingCard>()
    /// Meeting cards as HTML, for the start, meeting list and organisation pages.
    let meetingCardHTML = Memo<Int, HTML>()
    /// Meeting lines (partials/meeting-line) for the theme lists.
    let meetingLineHTML = Memo<Int, String>()
    /// Idea cards by post-it: keyed by its four indexes, not a formatted string.
    let ideaCards = Memo<PostItRef, String>()
    /// Idea cards by post-it in their stencil (nil where the template is rendered by the
    /// library), for the theme lists' cards, which differ only in their tags.
    let ideaCardFills = Memo<PostItRef, Stencil.Filled?>()
    /// Idea card view models by post-it, for the theme lists' cards whose tags make
    /// another shape of the stencil (a post-it of one theme has none left in its list).
    let ideaCardViews = Memo<PostItRef, IdeaCard>()
    /// A post-it's text as HTML, for its card on the idea bank and in each theme's list.
    let postItHTML = Memo<PostItRef, String>()
    /// Tag link view models by the theme slugs they were made from.
    let tagLists = Memo<[String], [NamedLink]>()
    /// partials/postit-tags by the same key: tens of thousands of post-its and idea cards
    /// share a few hundred combinations of themes.
    let postItTags = Memo<[String], HTML>()
    /// partials/tags by the same key, for meetings and questions.
    let tagListHTML = Memo<[String], HTML>()
    /// `Slug.make` of idea categories: a few hundred categories for tens of thousands of cards.
    let categorySlugs = Memo<String, String>()
    /// Every post-it of the site (`SiteIndex.allPostIts`), listed once for all the idea
    /// bank's pages rather than once per page.
    let allPostIts = Memo<Int, [PostItRef]>()
    /// `SiteIndex.themeQuestionEntries` by theme, for the theme page and every page of
    /// the theme's question list rather than worked out again for each.
    let themeQuestionEntries = Memo<String, [ThemeQuestionEntry]>()
    /// Templates rendered once per shape of view model and filled in for each item.
    let stencils = StencilCache()
}

/// What an idea card shows of its meeting, worked out once per meeting: tens of thousands
/// of cards each copied their whole meeting out of the index to read five fields.
final class MeetingFacts: Sendable {
    let title: String, slug: String, url: String, dateText: String, isoDate: String
    let year: Int

    init(title: String, slug: String, url: String, dateText: String, isoDate: String, year: Int) {
        (self.title, self.slug, self.url, self.dateText, self.isoDate, self.year) = (title, slug, url, dateText, isoDate, year)
    }
}
