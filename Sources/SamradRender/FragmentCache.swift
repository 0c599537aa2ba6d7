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
    /// Idea cards by post-it (keyed by its four indexes, not a formatted string): the
    /// view model and its stencil fill, for the idea bank and every theme's list, whose
    /// cards differ only in their tags.
    let ideaCards = Memo<PostItRef, KeptIdeaCard>()
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
    /// The idea bank's theme list (`PortalPages.ideaThemeLists`), one per build.
    let ideaThemeLists = Memo<Int, IdeaThemeLists>()
    /// Templates rendered once per shape of view model and filled in for each item.
    let stencils = StencilCache()
}

/// An idea bank card kept for the theme lists: its view model and, when partials/idea-card
/// is a stencil, its values in it. Immutable once made.
final class KeptIdeaCard: @unchecked Sendable {
    let view: IdeaCard
    let filled: Stencil.Filled?

    init(view: IdeaCard, filled: Stencil.Filled?) { (self.view, self.filled) = (view, filled) }
}

/// The idea bank's links to each theme's list of ideas, and the same through their partial.
struct IdeaThemeLists: Sendable {
    let links: [CountedLink]
    let html: HTML
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
