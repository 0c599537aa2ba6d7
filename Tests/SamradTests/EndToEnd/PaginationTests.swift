import Foundation
import Testing
@testable import Samrad
@testable import SamradRender
import SamradAggregate

/// The long lists (meeting list, idea bank, question bank, a theme's and an organisation's
/// lists) paginated: stable `…/sida/N/` addresses, previous/next links in the page and in
/// `<link rel>`, the current page marked, every item on exactly one page, and every link
/// under the site's sub-path.
@Suite("pagination of the long lists", .serialized)
struct PaginationTests {
    /// 55 meetings, each with a question tagged #samverkan (with two summary points),
    /// three post-its (one tagged) and Fryshuset among the participants: more than one page
    /// of meetings (50), questions (50) and ideas (100), and more than the theme page shows.
    static let meetingCount = 55

    static func site() throws -> SiteFolder {
        let site = try SiteFolder()
        try site.remove("content/meetings/2023-09-14-mote")
        try site.remove("content/meetings/2024-02-01-seminarium.md")
        for i in 1 ... meetingCount {
            let month = String(format: "%02d", (i - 1) % 12 + 1), day = String(format: "%02d", (i - 1) / 12 + 1)
            let folder = "content/meetings/20\(10 + (i - 1) % 12)-\(month)-\(day)-mote-\(i)"
            try site.write("\(folder)/index.md", """
            ---
            title: Möte nummer \(i)
            date: 20\(10 + (i - 1) % 12)-\(month)-\(day)
            participants: [Fryshuset]
            themes: [tillit]
            ---

            Ett stycke om förtroende från möte \(i). #tillit

            ## Rundabordssamtal

            ### Fråga 1 – Vad behövs i möte \(i)? #samverkan

            Sammanfattning:

            - Tid i möte \(i)
            - Resurser i möte \(i)

            Samtalet handlade om tid.
            """)
            try site.write("\(folder)/postits.md", """
            ---
            title: Lappar
            appendix: postits
            ---

            ## Behov

            - Idé A från möte \(i) #samverkan
            - Idé B från möte \(i)
            - Idé C från möte \(i)
            """)
        }
        return site
    }

    static func count(_ needle: String, in text: String) -> Int { text.ranges(of: needle).count }

    @Test func listsHaveStablePageAddressesAndEveryItemIsOnOnePage() throws {
        let site = try Self.site()
        defer { site.cleanup() }
        let options = BuildOptions(site: site.path, output: site.output, search: false)
        let rendered = Pipeline.render(options)
        #expect(!rendered.report.hasErrors, "\(rendered.report.errors)")
        let index = try #require(rendered.index)
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")

        // Page 1 keeps the list's address; page N is <list>sida/N/; nothing past the last.
        let lists: [(path: String, pages: Int)] = [
            ("moten/", 2), ("fragor/", 2), ("idebank/", 2), ("idebank/samverkan/", 1),
            ("organisationer/fryshuset/", 2), ("teman/samverkan/fragor/", 2), ("teman/tillit/moten/", 1),
            ("teman/tillit/avsnitt/", 2),
        ]
        for (path, pages) in lists {
            #expect(site.exists(path + "index.html"), "\(path) missing")
            for n in 2 ..< pages + 1 { #expect(site.exists("\(path)sida/\(n)/index.html"), "\(path)sida/\(n)/ missing") }
            #expect(!site.exists("\(path)sida/\(pages + 1)/index.html"), "\(path) has a page too many")
            #expect(!site.exists("\(path)sida/1/index.html"), "page 1 of \(path) has a second address")
        }

        // Every post-it once across the idea bank's pages: 100 on the first, the rest on the second.
        let bank = [try #require(site.read("idebank/index.html")), try #require(site.read("idebank/sida/2/index.html"))]
        let refs = index.allPostIts
        #expect(refs.count == Self.meetingCount * 3)
        #expect(Self.count("<li class=\"postit", in: bank[0]) == 100)
        #expect(Self.count("<li class=\"postit", in: bank[1]) == refs.count - 100)
        for ref in refs {
            let id = index.postIt(ref).id
            let href = "href=\"/portal/\(index.meeting(ref.meeting).path)#\(id)\""
            #expect(bank.reduce(0) { $0 + Self.count(href, in: $1) } == 1, "idea \(id)")
        }
        #expect(bank[0].contains("Idéerna 1–100 av 165 (sida 1 av 2)."))
        #expect(bank[1].contains("Idéerna 101–165 av 165 (sida 2 av 2)."))

        // Every question once across the question bank's pages.
        let questions = [try #require(site.read("fragor/index.html")), try #require(site.read("fragor/sida/2/index.html"))]
        for linked in index.site.meetings {
            for q in linked.meeting.questions {
                let href = "href=\"/portal/\(linked.path)#\(q.id)\""
                #expect(questions.reduce(0) { $0 + Self.count(href, in: $1) } == 1, "question \(q.id) of \(linked.path)")
            }
        }

        // The theme's complete question list holds every question and point on the theme once.
        let themeQuestions = [try #require(site.read("teman/samverkan/fragor/index.html")),
                              try #require(site.read("teman/samverkan/fragor/sida/2/index.html"))]
        let stats = try #require(index.themes["samverkan"])
        #expect(stats.questions.count == Self.meetingCount)
        for ref in stats.questions {
            let href = "href=\"/portal/\(index.meeting(ref.meeting).path)#\(index.question(ref).id)\""
            #expect(themeQuestions.reduce(0) { $0 + Self.count(href, in: $1) } == 1, "\(href)")
        }
        // The organisation's meetings, 50 and 5.
        let org = [try #require(site.read("organisationer/fryshuset/index.html")),
                   try #require(site.read("organisationer/fryshuset/sida/2/index.html"))]
        #expect(Self.count("<article class=\"card\">", in: org[0]) == 50)
        #expect(Self.count("<article class=\"card\">", in: org[1]) == 5)
        for linked in index.site.meetings {
            #expect(org.reduce(0) { $0 + Self.count("href=\"/portal/\(linked.path)\"", in: $1) } == 1, "\(linked.path)")
        }
    }

    @Test func pagesLinkToTheirNeighboursUnderTheSubPath() throws {
        let site = try Self.site()
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let first = try #require(site.read("idebank/index.html"))
        let second = try #require(site.read("idebank/sida/2/index.html"))

        #expect(first.contains("<link rel=\"next\" href=\"/portal/idebank/sida/2/\">"))
        #expect(!first.contains("rel=\"prev\""))
        #expect(second.contains("<link rel=\"prev\" href=\"/portal/idebank/\">"))
        #expect(!second.contains("rel=\"next\""))
        // The numbered links, the current page marked; previous/next as links in the page.
        #expect(first.contains("<nav class=\"pagination\" aria-label=\"Sidor i idébanken\">"))
        #expect(first.contains("<a href=\"/portal/idebank/\" aria-current=\"page\"><span class=\"visually-hidden\">Sida </span>1</a>"))
        #expect(first.contains("<a href=\"/portal/idebank/sida/2/\"><span class=\"visually-hidden\">Sida </span>2</a>"))
        #expect(first.contains("<a href=\"/portal/idebank/sida/2/\" rel=\"next\">"))
        #expect(second.contains("<a href=\"/portal/idebank/sida/2/\" aria-current=\"page\">"))
        #expect(second.contains("<a href=\"/portal/idebank/\" rel=\"prev\">"))
        // Each page is its own page: own canonical address and a title that says which.
        #expect(second.contains("<link rel=\"canonical\" href=\"https://example.org/portal/idebank/sida/2/\">"))
        #expect(second.contains("<title>Idébanken, sida 2 av 2 – Testportalen</title>"))
        #expect(first.contains("<title>Idébanken – Testportalen</title>"))
        // The filters choose among the whole archive from the filter data (FilterData).
        #expect(first.contains("data-filter-data=\"/portal/idebank/filter/\""))
        #expect(first.contains("data-page-url=\"/portal/idebank/\""))
        #expect(!first.contains("på den här sidan"))

        for path in ["idebank/sida/2/index.html", "fragor/sida/2/index.html", "moten/sida/2/index.html",
                     "organisationer/fryshuset/sida/2/index.html", "teman/samverkan/fragor/sida/2/index.html",
                     "teman/tillit/moten/index.html", "teman/samverkan/index.html"] {
            let page = try #require(site.read(path), "\(path) missing")
            for href in page.ranges(of: "href=\"").map({ page[$0.upperBound...].prefix { $0 != "\"" } }) where href.hasPrefix("/") {
                #expect(href.hasPrefix("/portal/"), "\(path): \(href) skips the base path")
            }
        }
    }

    @Test func themePagesShowTheNewestAndLinkToTheCompleteLists() throws {
        let site = try Self.site()
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let theme = try #require(site.read("teman/tillit/index.html"))
        // The ten newest meetings, newest first, and a link to all of them.
        let timeline = theme[try #require(theme.range(of: "<ol class=\"timeline\">")).upperBound...]
        let items = String(timeline[..<(try #require(timeline.range(of: "</ol>")).lowerBound)])
        #expect(Self.count("<li>", in: items) == ThemePage.newestMeetings)
        #expect(items.contains("Möte nummer 48"))  // 2021-12-04, the newest of the 55
        #expect(theme.contains("<a class=\"more-link\" href=\"/portal/teman/tillit/moten/\">Alla \(Self.meetingCount) möten om Tillit</a>"))

        let samverkan = try #require(site.read("teman/samverkan/index.html"))
        #expect(Self.count("<li class=\"postit", in: samverkan) == ThemePage.newestIdeas)
        #expect(samverkan.contains("<a class=\"more-link\" href=\"/portal/idebank/samverkan/\">Alla \(Self.meetingCount) idéer om Samverkan i idébanken</a>"))
        #expect(samverkan.contains("<a class=\"more-link\" href=\"/portal/teman/samverkan/fragor/\">"))
        #expect(Self.count("class=\"question-line\"", in: samverkan) == ThemePage.newestQuestions)
        // The newest meeting's question comes first (meetings are stored newest first).
        let newest = "Vad behövs i möte 48?"  // 2021-12-04: the latest date of the 55
        let firstQuestion = try #require(samverkan.range(of: "class=\"question-line\""))
        #expect(samverkan[firstQuestion.upperBound...].prefix(400).contains(newest))
    }

    @Test func pageNumbersShowTheEndsAndTheNeighbourhood() {
        #expect(Paginator.shownNumbers(current: 1, count: 1) == [1])
        #expect(Paginator.shownNumbers(current: 3, count: 9) == Array(1 ... 9))
        #expect(Paginator.shownNumbers(current: 1, count: 700) == [1, 2, 3, 4, 5, 6, 700])
        #expect(Paginator.shownNumbers(current: 350, count: 700) == [1, 348, 349, 350, 351, 352, 700])
        #expect(Paginator.shownNumbers(current: 700, count: 700) == [1, 695, 696, 697, 698, 699, 700])
        let pager = Paginator(path: "idebank/", items: 250, size: 100)
        #expect(pager.pageCount == 3)
        #expect(pager.range(3) == 200 ..< 250)
        #expect(pager.path(1) == "idebank/" && pager.path(3) == "idebank/sida/3/")
        #expect(Paginator(path: "x/", items: 0, size: 100).pageCount == 1)
        #expect(Paginator(path: "x/", items: 100, size: 100).pageCount == 1)
    }
}
