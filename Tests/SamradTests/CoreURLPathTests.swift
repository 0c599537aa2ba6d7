import Foundation
import Testing
@testable import Samrad
import SamradCore

@Suite("URL paths: percent-encoding, NFC and the deployed-link check")
struct CoreURLPathTests {
    @Test func segmentsArePercentEncodedAsRFC3986Asks() {
        #expect(URLPath.encode("moten/x/Program möte #2.pdf") == "moten/x/Program%20m%C3%B6te%20%232.pdf")
        #expect(URLPath.encode("Rapport?v=2.pdf") == "Rapport%3Fv=2.pdf")
        #expect(URLPath.encode("Budget 100%.xlsx") == "Budget%20100%25.xlsx")
        #expect(URLPath.encode("teman/anhöriga/") == "teman/anh%C3%B6riga/")
        #expect(URLPath.encode("moten/2024-01-01-mote/") == "moten/2024-01-01-mote/", "plain paths are left alone")
        // NFD input is encoded as its NFC form: one address for both.
        #expect(URLPath.encode("mo\u{0308}te") == "m%C3%B6te")
    }

    @Test func siteConfigMakesEveryLinkWithTheBasePath() {
        var config = SiteConfig()
        config.baseURL = "https://example.org/portal/"
        #expect(config.href("moten/x/a b.pdf") == "/portal/moten/x/a%20b.pdf")
        #expect(config.absoluteURL("teman/anhöriga/") == "https://example.org/portal/teman/anh%C3%B6riga/")
    }

    @Test func authoredLinksKeepTheirMeaningAndBecomeValid() {
        #expect(URLPath.authoredHref("/moten/x/", basePath: "/portal/") == "/portal/moten/x/")
        #expect(URLPath.authoredHref("/portal/moten/x/", basePath: "/portal/") == "/portal/moten/x/")
        #expect(URLPath.authoredHref("/moten/x/", basePath: "/") == "/moten/x/")
        #expect(URLPath.authoredHref("//cdn.example.org/a.png", basePath: "/portal/") == "//cdn.example.org/a.png")
        #expect(URLPath.authoredHref("https://example.se/å?q=1#x", basePath: "/portal/") == "https://example.se/%C3%A5?q=1#x")
        #expect(URLPath.authoredHref("Program%20möte%20%232.pdf", basePath: "/") == "Program%20m%C3%B6te%20%232.pdf")
        #expect(URLPath.authoredHref("100% klart.pdf", basePath: "/") == "100%25%20klart.pdf")
    }

    @Test func decodingRefusesMalformedEscapes() {
        #expect(URLPath.decode("a%20b") == "a b")
        #expect(URLPath.decode("100%.pdf") == nil)
        #expect(URLPath.decode("%FF") == nil, "not UTF-8")
    }

    func check(_ paths: [String], base: String = "https://example.org/portal/") -> DeployedLinkCheck {
        var config = SiteConfig()
        config.baseURL = base
        return DeployedLinkCheck(paths: Set(paths), config: config)
    }

    @Test func linksResolveAsAStaticServerAtTheBaseURLWould() {
        let c = check(["index.html", "moten/x/index.html", "moten/x/a b.pdf", "moten/x/m\u{00F6}te.pdf", "feed.xml"])
        let page = "moten/x/index.html"
        #expect(c.resolve("/portal/moten/x/", on: page) == .file("moten/x/index.html", fragment: nil))
        #expect(c.resolve("/portal/moten/x", on: page) == .file("moten/x/index.html", fragment: nil), "the server redirects to the slash")
        #expect(c.resolve("/portal", on: page) == .file("index.html", fragment: nil))
        #expect(c.resolve("a%20b.pdf", on: page) == .file("moten/x/a b.pdf", fragment: nil))
        #expect(c.resolve("../../#top", on: page) == .file("index.html", fragment: "top"))
        #expect(c.resolve("#fraga-1", on: page) == .file(page, fragment: "fraga-1"))
        #expect(c.resolve("https://example.org/portal/feed.xml", on: "index.html") == .file("feed.xml", fragment: nil))
        #expect(c.resolve("https://other.example/x", on: page) == .external)
        #expect(c.resolve("mailto:a@example.org", on: page) == .external)
        #expect(c.resolve("m%C3%B6te.pdf", on: page) == .file("moten/x/m\u{00F6}te.pdf", fragment: nil))
        if case .problem = c.resolve("/moten/x/", on: page) {} else { Issue.record("a link outside the base path must fail") }
        if case .problem = c.resolve("nope.pdf#x", on: page) {} else { Issue.record("missing file must fail") }
        if case .problem = c.resolve("100%.pdf", on: page) {} else { Issue.record("a bare % must fail") }
        if case .problem = c.resolve("mo%CC%88te.pdf", on: page) {} else { Issue.record("NFD must not find the NFC file") }
        if case .problem = c.resolve("../../../x", on: page) {} else { Issue.record("above the root must fail") }
    }

    /// The shortcuts of `resolve` (plain site paths, links to an id on the same page)
    /// answer exactly what the full rules answer, and they are taken where meant.
    @Test func shortcutsResolveAsTheFullRules() {
        let c = check(["index.html", "moten/x/index.html", "moten/x/a.pdf", "moten/x-y/index.html", "teman/index.html"])
        let page = "moten/x/index.html"
        let plain = ["/portal/moten/x/", "/portal/moten/x", "/portal/moten/x/#a", "/portal/moten/x/#", "/portal/moten/x/a.pdf",
                     "/portal/", "/portal/moten/x-y/#postit-3", "/portal/teman/#A_b-9", "/portal/moten/nope/", "/portal/moten/x/#a.b", "/portal/moten/x/#ä"]
        let full = ["/portal/moten//x/", "/portal/moten/./x/", "/portal/moten/x/../x/", "/portal/.x", "/portal/moten/x/#a%20b",
                    "/portal/m%C3%B6ten/", "/portal/moten/x?q=1", "/portal/moten/x/ ", " /portal/moten/x/", "/portal/moten/ö/",
                    "/portal", "/other/", "//example.org/portal/"]
        let local = ["#a", "#fraga-1", "#", "#A.b_c-9:x", "#main"]
        let localFull = ["#a b", "#a%20b", "# a", "#a ", "#a\u{00A0}", "#ö", "#a\tb", "#100%", "  #a", "#a%"]
        let other = ["", "a.pdf", "../x-y/", "x-y/#q", "https://example.org/portal/moten/x/", "mailto:a@example.org", "../../../"]
        for href in plain { #expect(c.resolvePlain(href) != nil, "\(href) should be plain") }
        for href in full + local + localFull + other { #expect(c.resolvePlain(href) == nil, "\(href) is not plain") }
        for href in local { #expect(DeployedLinkCheck.resolveOnPage(href, page) != nil, "\(href) should be on the page") }
        for href in plain + full + localFull + other { #expect(DeployedLinkCheck.resolveOnPage(href, page) == nil, "\(href)") }
        for href in plain + full + local + localFull + other {
            #expect(c.resolve(href, on: page) == c.resolveFully(href, on: page), "\(href)")
            // Asked again: the served-file memo answers the same.
            #expect(c.resolve(href, on: page) == c.resolveFully(href, on: page), "\(href), second time")
        }
    }

    @Test func fragmentsAndDuplicateIDsAreCheckedOnTheWrittenPages() {
        let c = check(["index.html", "moten/x/index.html"])
        c.collect("moten/x/index.html", .text("<h2 id=\"a\">A</h2><h2 id=\"b\">B</h2><h2 id=\"b\">B</h2>"))
        c.collect("index.html", .text("<a href=\"/portal/moten/x/#a\">ok</a><a href=\"/portal/moten/x/#zz\">gone</a><a href=\"moten/y/\">no page</a>"))
        let messages = c.diagnostics().map(\.message)
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.contains { $0.contains("'/portal/moten/x/#zz'") && $0.contains("has the id 'zz'") })
        #expect(messages.contains { $0.contains("'moten/y/'") && $0.contains("no file moten/y") })
        #expect(messages.contains { $0.contains("the id 'b' is on two elements") })
        #expect(messages.allSatisfy { $0.hasPrefix("on the published page /portal/") })
    }

    /// The links into ids are kept as a list and checked at the end, and a link to an id
    /// already on its own page is not kept at all. Compared with the maps the check used
    /// before (file → id → the first page and href linking there, merged page by page):
    /// the same links are reported, on pages with present and missing ids, links to their
    /// own page and to others, repeated links, and links into a page never written.
    @Test func fragmentListReportsWhatTheMapsReported() {
        var rng = ExtractFirstSentencesTests.Seeded(state: 21)
        let pages = (0..<9).map { "moten/m\($0)/index.html" }
        let c = check(["index.html", "moten/never/index.html"] + pages)
        // The old check's state: file → id → (page, href), the first to link there.
        var wanted: [String: [String: (page: String, href: String)]] = [:]
        var ids: [String: Set<String>] = [:]
        // Each page is written once, in an order of its own (as the workers finish them).
        for page in pages.shuffled(using: &rng) {
            let own = Set((0..<4).map { _ in "id\(Int.random(in: 0..<6, using: &rng))" })
            var html = own.sorted().map { "<h2 id=\"\($0)\">x</h2>" }.joined()
            var links: [String] = []
            for _ in 0..<12 {
                let id = "id\(Int.random(in: 0..<7, using: &rng))"
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: links.append("#\(id)")
                case 1: links.append("/portal/moten/never/#\(id)")
                default: links.append("/portal/\(pages[Int.random(in: 0..<pages.count, using: &rng)].dropLast("index.html".count))#\(id)")
                }
            }
            html += links.map { "<a href=\"\($0)\">l</a>" }.joined()
            c.collect(page, .text(html))
            ids[page] = own
            // The old per-page map, merged: the first page (and its first link) wins.
            var mine: [String: [String: (page: String, href: String)]] = [:]
            var checked = Set<String>()
            for href in links where checked.insert(href).inserted {
                guard case .file(let file, let fragment?) = c.resolve(href, on: page) else { continue }
                if mine[file]?[fragment] == nil { mine[file, default: [:]][fragment] = (page, href) }
            }
            for (file, links) in mine {
                for (id, from) in links where wanted[file]?[id] == nil { wanted[file, default: [:]][id] = from }
            }
        }
        var expected: [(page: String, href: String, id: String)] = []
        for (file, links) in wanted {
            guard let present = ids[file] else { continue }
            for (id, from) in links where !present.contains(id) { expected.append((from.page, from.href, id)) }
        }
        let messages = c.diagnostics().map(\.message)
        #expect(expected.count > 5 && expected.count < DeployedLinkCheck.listed, "\(expected.count) missing ids: too few to compare, or more than are listed")
        #expect(expected.contains { $0.href.hasPrefix("#") }, "a missing id on its own page")
        #expect(messages.count == expected.count, "\(messages)")
        for e in expected {
            let url = DeployedLinkCheck.url(of: e.page, basePath: "/portal/")
            #expect(messages.contains { $0.contains("page \(url):") && $0.contains("'\(e.href)'") && $0.contains("id '\(e.id)'") }, "\(e)")
        }
    }

    @Test func feedsSitemapsAndDataFilesAreChecked() {
        let c = check(["index.html", "feed.xml", "sitemap.xml", "data/x.json"])
        c.collect("feed.xml", .text("<link href=\"https://example.org/portal/moten/gone/\"/>"))
        c.collect("sitemap.xml", .text("<url><loc>https://example.org/portal/</loc></url><url><loc>https://example.org/portal/x%/</loc></url>"))
        c.collect("data/x.json", .text("[{\"url\": \"https://example.org/portal/a\\u0026b/\"}]"))
        let messages = c.diagnostics().map(\.message)
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.contains { $0.contains("moten/gone") })
        #expect(messages.contains { $0.contains("x%/") && $0.contains("percent-encoding") })
        #expect(messages.contains { $0.contains("a&b") })
    }
}
