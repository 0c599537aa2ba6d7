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
