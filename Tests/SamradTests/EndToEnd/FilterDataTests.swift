import Foundation
import Testing
@testable import Samrad
@testable import SamradRender

/// The idea bank's and question bank's filter data (FilterData): positions that point at
/// the items where the paginated pages have them, so filters.js can filter the whole
/// archive and take the matches from those pages.
@Suite("filter data for the whole archive", .serialized)
struct FilterDataTests {
    static func json(_ site: SiteFolder, _ path: String) throws -> Any {
        let text = try #require(site.read(path), "\(path) missing")
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    static func undelta(_ list: [Int]) -> [Int] {
        var n = 0
        return list.map { n += $0; return n }
    }

    /// Every idea card's markup, page after page: what position p is. A card links to its
    /// post-it on the meeting page and shows its theme tags.
    static func cards(_ site: SiteFolder, pages: Int, base: String = "idebank/") throws -> [String] {
        var cards: [String] = []
        for n in 1 ... pages {
            let html = try #require(site.read(n == 1 ? "\(base)index.html" : "\(base)sida/\(n)/index.html"))
            cards += html.components(separatedBy: "<li class=\"postit\"").dropFirst().map { String($0.prefix(400)) }
        }
        return cards
    }

    @Test func positionsPointAtTheCardsOnTheirPages() throws {
        let site = try PaginationTests.site()
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let index = try #require(try Self.json(site, "idebank/filter/index.json") as? [String: Any])
        #expect(index["size"] as? Int == 100)
        let total = try #require(index["total"] as? Int)
        #expect(total == 3 * PaginationTests.meetingCount)
        let cards = try Self.cards(site, pages: 2)
        #expect(cards.count == total)

        // A meeting's ideas are first ..< first + count.
        let meetings = try #require(index["meetings"] as? [[Any]])
        #expect(meetings.count == PaginationTests.meetingCount)
        for row in meetings {
            let slug = try #require(row[0] as? String), first = try #require(row[3] as? Int), count = try #require(row[4] as? Int)
            #expect(count == 3)
            for p in first ..< first + count { #expect(cards[p].contains("/moten/\(slug)/#"), "position \(p)") }
        }

        // A theme's list: exactly the cards that carry it.
        let themes = try #require(index["themes"] as? [[Any]])
        #expect(themes.map { $0[0] as? String } == ["samverkan"])
        #expect(themes.first?[2] as? Int == PaginationTests.meetingCount)
        let positions = Self.undelta(try #require(try Self.json(site, "idebank/filter/tema/samverkan.json") as? [Int]))
        let tagged = cards.indices.filter { cards[$0].contains("<a href=\"/portal/teman/samverkan/\"") }
        #expect(positions == tagged)
        #expect(!site.exists("idebank/filter/tema/tillit.json"), "a theme without ideas is no option, so nothing loads its list")

        // Categories by their cards' key; organisations by meeting indexes.
        let categories = try #require(index["categories"] as? [[Any]])
        #expect(categories.map { $0[0] as? String } == ["behov"])
        #expect(Self.undelta(try #require(try Self.json(site, "idebank/filter/kategori/behov.json") as? [Int])) == Array(0 ..< total))
        let organisations = try #require(index["organisations"] as? [[Any]])
        #expect(organisations.first?[0] as? String == "fryshuset")
        #expect(organisations.first?[2] as? Int == total)
        #expect(Self.undelta(try #require(try Self.json(site, "idebank/filter/organisation/fryshuset.json") as? [Int]))
            == Array(0 ..< PaginationTests.meetingCount))
        // A list file for every option the index offers, and for nothing else: filters.js
        // loads only the options'.
        func files(_ folder: String) -> Set<String> {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: site.output + "/" + folder)) ?? []
            return Set(names.map { String($0.dropLast(".json".count)) })
        }
        func keys(_ rows: Any?) -> Set<String> { Set(((rows as? [[Any]]) ?? []).compactMap { $0.first as? String }) }
        #expect(files("idebank/filter/tema") == keys(index["themes"]))
        #expect(files("idebank/filter/kategori") == keys(index["categories"]))
        #expect(files("idebank/filter/organisation") == keys(index["organisations"]))
        let questions = try #require(try Self.json(site, "fragor/filter/index.json") as? [String: Any])
        #expect(files("fragor/filter/tema") == keys(questions["themes"]))
        #expect(!keys(index["organisations"]).isEmpty && !keys(questions["themes"]).isEmpty)
    }

    @Test func questionPositionsPointAtTheQuestionBanksPages() throws {
        let site = try PaginationTests.site()
        defer { site.cleanup() }
        _ = site.build()
        let index = try #require(try Self.json(site, "fragor/filter/index.json") as? [String: Any])
        #expect(index["size"] as? Int == 50)
        #expect(index["total"] as? Int == PaginationTests.meetingCount)
        #expect((index["themes"] as? [[Any]])?.first?[0] as? String == "samverkan")
        let positions = Self.undelta(try #require(try Self.json(site, "fragor/filter/tema/samverkan.json") as? [Int]))
        #expect(positions == Array(0 ..< PaginationTests.meetingCount))
        // Position 50 (one question a meeting: the 51st meeting) is the first question of page 2.
        let ideas = try #require(try Self.json(site, "idebank/filter/index.json") as? [String: Any])
        let slug = try #require((ideas["meetings"] as? [[Any]])?[50][0] as? String)
        let second = try #require(site.read("fragor/sida/2/index.html"))
        let firstGroup = try #require(second.components(separatedBy: "<section class=\"group\"").dropFirst().first)
        #expect(firstGroup.contains("/moten/\(slug)/"))
    }

    /// `FilterData.Tables` (one pass for all lists) against the walks each list made
    /// before, on the repository's example site (boards with nested categories, one
    /// category name in several meetings, organisations in several meetings) and the
    /// pagination site: every category, organisation and theme, and names with nothing.
    @Test func tablesGiveTheListsTheWalksPerListGave() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let paginated = try PaginationTests.site()
        defer { paginated.cleanup() }
        for path in [example, paginated.path] {
            let rendered = Pipeline.render(BuildOptions(site: path, search: false))
            let index = try #require(rendered.index)
            let data = FilterData(index: index)
            let tables = FilterData.Tables(index)
            var all: [(position: Int, meeting: Int, board: Int, category: Int, postIt: Int, top: String?)] = []
            for (mi, linked) in index.site.meetings.enumerated() {
                for (bi, board) in linked.meeting.boards.enumerated() {
                    for (ci, category) in board.categories.enumerated() {
                        for (pi, p) in category.postIts.enumerated() {
                            all.append((all.count, mi, bi, ci, pi, p.categoryPath.first))
                        }
                    }
                }
            }
            let categories = data.categories()
            #expect(!categories.isEmpty && !index.organizationOrder.isEmpty, "nothing compared on \(path)")
            for name in categories.map(\.name) + ["ingen sådan kategori"] {
                let slow = FilterData.deltas(all.filter { $0.top == name }.map(\.position))
                #expect(tables.categoryList(name) == slow, "\(name)")
            }
            for slug in index.organizationOrder + ["ingen-sadan"] {
                let slow = FilterData.deltas(index.site.meetings.indices.filter { index.site.meetings[$0].participants.contains(slug) })
                #expect(tables.organizationList(slug) == slow, "\(slug)")
            }
            var questionStart = 0
            var questionStarts: [Int] = []
            for linked in index.site.meetings { questionStarts.append(questionStart); questionStart += linked.meeting.questions.count }
            for slug in index.themeOrder {
                // The jobs are listed from these counts, without the statistics.
                #expect(index.listSizes.themePostIts[slug, default: 0] == index.themes[slug]?.postIts.count ?? 0, "\(slug)")
                #expect(index.listSizes.themeQuestions[slug, default: 0] == index.themes[slug]?.questions.count ?? 0, "\(slug)")
                let ideas = (index.themes[slug]?.postIts ?? []).map { ref in
                    all.first { $0.meeting == ref.meeting && $0.board == ref.board && $0.category == ref.category && $0.postIt == ref.postIt }?.position ?? -1
                }
                #expect(data.ideaThemeList(slug, tables) == FilterData.deltas(Set(ideas).sorted()), "\(slug)")
                let questions = (index.themes[slug]?.questions ?? []).map { questionStarts[$0.meeting] + $0.question }
                #expect(data.questionThemeList(slug, tables) == FilterData.deltas(Set(questions).sorted()), "\(slug)")
            }
        }
    }

    @Test func deltasAreWrittenAsDifferences() {
        #expect(String(decoding: FilterData.deltas([3, 4, 5, 12]), as: UTF8.self) == "[3,1,1,7]\n")
        #expect(String(decoding: FilterData.deltas([]), as: UTF8.self) == "[]\n")
    }
}
