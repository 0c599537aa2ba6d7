import Foundation
import Testing
@testable import Samrad
@testable import SamradRender
import SamradAggregate

/// The markup of the long lists, kept light (issue 22: the output no larger than Hugo's):
/// the idea bank names each meeting once above its cards, in runs of one category each,
/// a card is its text (the link to its anchor) and its tags, and a theme's question list
/// makes each summary point the link to its anchor. Links inside a post-it or point keep
/// a separate link to the anchor, since links do not nest.
@Suite("light markup of the long lists", .serialized)
struct ListMarkupTests {
    static func count(_ needle: String, in text: String) -> Int { text.ranges(of: needle).count }

    /// The part of `page` between the first `start` and the `end` after it.
    static func slice(_ page: String, from start: String, to end: String) throws -> String {
        let from = try #require(page.range(of: start))
        let to = try #require(page.range(of: end, range: from.upperBound ..< page.endIndex))
        return String(page[from.lowerBound ..< to.upperBound])
    }

    @Test func ideaCardsAreGroupedUnderTheirMeeting() throws {
        let site = try PaginationTests.site()
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let first = try #require(site.read("idebank/index.html"))
        let second = try #require(site.read("idebank/sida/2/index.html"))
        // 55 meetings of three cards, newest first: page 1 holds 33 whole meetings and one
        // card of the 34th, whose other two open page 2 under a "continued" heading.
        #expect(Self.count("<li class=\"postit\"", in: first) == 100)
        #expect(Self.count("<section class=\"idea-group\">", in: first) == 34)
        #expect(Self.count("<section class=\"idea-group\"", in: second) == 55 - 33)
        #expect(Self.count("<h3 class=\"idea-category\">Behov</h3>", in: first) == 34)
        #expect(!first.contains("fortsättning från föregående sida"))
        let opening = try Self.slice(second, from: "<section class=\"idea-group\"", to: "</h2>")
        #expect(opening.contains("<span class=\"continued\"> · fortsättning från föregående sida</span>"), "\(opening)")
        #expect(Self.count("fortsättning från föregående sida", in: second) == 1)
        // Each meeting is named, dated and linked once; no card repeats its source.
        for n in [48, 1] {
            let title = ">Möte nummer \(n)</a>"
            #expect(Self.count(title, in: first) + Self.count(title, in: second) == 1, "meeting \(n) named more than once")
        }
        #expect(!first.contains("postit-source") && !first.contains("postit-category"))
        let group = try Self.slice(first, from: "<section class=\"idea-group\"", to: "</section>")
        #expect(group.contains("<h2><a href=\"/portal/moten/2021-12-04-mote-48/\">Möte nummer 48</a> <span class=\"meta\">· <time datetime=\"2021-12-04\">4 december 2021</time></span></h2>"), "\(group)")
        #expect(group.contains("<ul class=\"postits idea-bank color-1\" data-filter-list=\"ideer\">"), "\(group)")
        // A card: its text is the link to its anchor, themes only where it has some.
        #expect(group.contains("<li class=\"postit\"><a href=\"/portal/moten/2021-12-04-mote-48/#postit-behov-1\">Idé A från möte 48</a><p class=\"postit-tags\">"), "\(group)")
        #expect(group.contains("<li class=\"postit\"><a href=\"/portal/moten/2021-12-04-mote-48/#postit-behov-2\">Idé B från möte 48</a></li>"), "\(group)")
        // What a card costs with its share of the headings (three cards a meeting here): about
        // 550 to 750 bytes each before the cards were grouped.
        let cards = try Self.slice(first, from: "<div class=\"idea-groups\">", to: "</div>")
        #expect(cards.utf8.count / 100 < 300, "\(cards.utf8.count / 100) bytes a card")

        // The theme page's newest ideas sit under its h2, so meetings are h3 and categories h4.
        let theme = try #require(site.read("teman/samverkan/index.html"))
        let ideas = try Self.slice(theme, from: "<h2 id=\"ideer-rubrik\">", to: "</section>\n</div>")
        #expect(Self.count("<li class=\"postit\"", in: ideas) == ThemePage.newestIdeas)
        #expect(Self.count("<section class=\"idea-group\">\n<h3><a href=", in: ideas) == ThemePage.newestIdeas)
        #expect(Self.count("<h4 class=\"idea-category\">Behov</h4>", in: ideas) == ThemePage.newestIdeas)
        // Every card there is on the theme, so none repeats its tag.
        #expect(!ideas.contains("postit-tags"), "\(ideas)")
        let themeList = try #require(site.read("idebank/samverkan/index.html"))
        #expect(Self.count("<li class=\"postit\"><a href=", in: themeList) == PaginationTests.meetingCount)
        #expect(!themeList.contains("postit-tags"))
        // No card or group carries data attributes: the filters read FilterData's lists.
        for page in [first, second, theme, themeList] {
            #expect(!page.contains("data-themes") && !page.contains("data-meeting") && !page.contains("data-category"))
        }
    }

    /// Markup repeated on every card, post-it and theme link says each thing once (issue 22,
    /// session 9): a meeting card has no second class or title class and no span around its
    /// kind, a board's post-its take their colour from their category's list, a post-it's
    /// text is a bare paragraph, and a theme link is styled by its list, not by a class of
    /// its own. What each item costs is pinned, so the bytes do not come back unnoticed.
    @Test func cardsPostItsAndThemeLinksCarryNoRepeatedClasses() throws {
        let site = try PaginationTests.site()
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let org = try #require(site.read("organisationer/fryshuset/index.html"))
        let card = try Self.slice(org, from: "<article class=\"card\">", to: "</article>")
        #expect(card.hasPrefix("<article class=\"card\">\n<h3><a href=\"/portal/moten/"), "\(card)")
        #expect(card.contains("<p class=\"meta\"><time datetime=\""), "\(card)")
        // What a card's markup costs beyond its words: 166 bytes here (link, date, counts),
        // 198 with the second class and the title's class it had before.
        let words = card.replacing(/<[^>]*>/, with: "")
        #expect(card.utf8.count - words.utf8.count <= 170, "\(card.utf8.count - words.utf8.count) bytes of markup in \(card)")

        let meeting = try #require(site.read("moten/2021-12-04-mote-48/index.html"))
        let board = try Self.slice(meeting, from: "<ul class=\"postits color-1\">", to: "</ul>")
        #expect(board.contains("<li class=\"postit\" id=\"postit-behov-1\">\n<p>Idé A från möte 48</p>\n<p class=\"postit-tags\"><a href=\"/portal/teman/samverkan/\">Samverkan</a> </p>\n</li>"), "\(board)")
        #expect(board.contains("<li class=\"postit\" id=\"postit-behov-2\">\n<p>Idé B från möte 48</p>\n</li>"), "\(board)")
        let bank = try #require(site.read("idebank/index.html"))
        for page in [org, meeting, bank] {
            for gone in ["meeting-card", "card-title", "class=\"kind\"", "postit-text", "class=\"tag\"", "class=\"postit color-"] {
                #expect(!page.contains(gone), "\(gone) is back")
            }
        }
        // The meeting's own theme list holds plain links too.
        let themes = try Self.slice(meeting, from: "<ul class=\"tag-list\"", to: "</ul>")
        #expect(themes.contains("<li><a href=\"/portal/teman/tillit/\">"), "\(themes)")
    }

    /// The idea bank's theme list is partials/theme-list-link rendered once per build
    /// (`themeListsHTML`): a site's own copy of the partial is used on every page, and a
    /// site's own ideas.mustache that walks `themeLists` still gets the list.
    @Test func ideaBankThemeListFollowsTheSitesTemplates() throws {
        let site = try PaginationTests.site()
        defer { site.cleanup() }
        try site.write("templates/partials/theme-list-link.mustache", "<li class=\"egen\">{{name}}|{{countText}}</li>\n")
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        for path in ["idebank/index.html", "idebank/sida/2/index.html"] {
            let list = try Self.slice(try #require(site.read(path)), from: "<ul class=\"theme-cloud\">", to: "</ul>")
            #expect(list.contains("<li class=\"egen\">Samverkan|("), "\(list)")
            #expect(!list.contains("<a href"), "\(list)")
        }

        let own = try PaginationTests.site()
        defer { own.cleanup() }
        try own.write("templates/ideas.mustache", "{{<base}}{{$content}}<ul class=\"egen\">{{#themeLists}}<li>{{name}} {{countText}}</li>{{/themeLists}}</ul>{{/content}}{{/base}}")
        let ownReport = own.build()
        #expect(!ownReport.hasErrors, "\(ownReport.diagnostics)")
        let page = try #require(own.read("idebank/index.html"))
        #expect(page.contains("<ul class=\"egen\"><li>Samverkan ("), "\(page)")
    }

    @Test func summaryPointsAreTheLinksToTheirAnchors() throws {
        let site = try PaginationTests.site()
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let list = try #require(site.read("teman/samverkan/fragor/index.html"))
        #expect(list.contains("<li><a href=\"/portal/moten/2021-12-04-mote-48/#fraga-1-punkt-1\">Tid i möte 48</a></li>"))
        #expect(!list.contains("Till punkten"))
    }

    /// A post-it or summary point whose text holds a link cannot be a link as a whole; it
    /// keeps a separate link to its anchor, and no link holds another.
    @Test func textsWithLinksKeepASeparateAnchorLink() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        try site.write("content/meetings/2023-09-14-mote/postits.md", """
        ---
        title: Workshoppens lappar
        appendix: postits
        ---

        ## Nya behov

        - Se [rapporten](https://www.example.com/rapport) #samverkan
        - Gemensam mall #samverkan
        """)
        try site.write("content/meetings/2023-10-01-lankar/index.md", """
        ---
        title: Mötet med länkar
        date: 2023-10-01
        ---

        ## Rundabordssamtal

        ### Fråga 1 – Vad läste ni? #samverkan

        Sammanfattning:

        - Läs [mer här](https://www.example.com/mer) #samverkan
        - Utan länk #samverkan
        """)
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let bank = try #require(site.read("idebank/index.html"))
        let linked = try Self.slice(bank, from: "<li class=\"postit\"><p>", to: "</li>")
        #expect(linked.contains("<a href=\"https://www.example.com/rapport\">rapporten</a>"), "\(linked)")
        #expect(linked.contains("#postit-nya-behov-1\">Till lappen<span class=\"visually-hidden\"> i dokumentet</span></a>"), "\(linked)")
        #expect(bank.contains("#postit-nya-behov-2\">Gemensam mall</a>"))

        let theme = try #require(site.read("teman/samverkan/index.html"))
        let points = try Self.slice(theme, from: "<ul class=\"points\">", to: "</ul>")
        #expect(points.contains("<li>Läs <a href=\"https://www.example.com/mer\">mer här</a> <a class=\"deep-link\" href=\"/portal/moten/2023-10-01-lankar/#fraga-1-punkt-1\">Till punkten"), "\(points)")
        #expect(points.contains("<li><a href=\"/portal/moten/2023-10-01-lankar/#fraga-1-punkt-2\">Utan länk</a></li>"), "\(points)")
        // No anchor opens inside another anywhere on these pages.
        let tokens = try Regex("<a\\s|</a>")
        for page in [bank, theme] {
            var depth = 0
            for match in page.matches(of: tokens) {
                depth += page[match.range].hasPrefix("</") ? -1 : 1
                #expect(depth <= 1, "a link inside a link near \(page[match.range.lowerBound...].prefix(120))")
            }
        }
    }
}
