import Foundation
import Hummingbird
import Testing
@testable import SamradCore
@testable import SamradServe

@Suite("serve: paths, types and pages")
struct ServePathTests {
    @Test(arguments: [
        ("/", PathSanitizer.Resolved.folder("")),
        ("/moten/", .folder("moten/")),
        ("/moten", .file("moten")),
        ("/moten/x/index.html", .file("moten/x/index.html")),
        ("/assets/style.css?v=2", .file("assets/style.css")),
        ("/assets/style.css#top", .file("assets/style.css")),
        ("/teman/barn%20och%20unga/", .folder("teman/barn och unga/")),
        ("/m%C3%B6ten/", .folder("möten/")),
        ("//moten//x/", .folder("moten/x/")),
        ("/pagefind/fragment/sv_1a2b.pf_fragment", .file("pagefind/fragment/sv_1a2b.pf_fragment")),
        ("/%252e%252e/site.yml", .file("%2e%2e/site.yml")),
    ])
    func accepted(_ target: String, _ expected: PathSanitizer.Resolved) {
        #expect(PathSanitizer.resolve(target) == expected)
    }

    @Test(arguments: [
        "/../site.yml", "/moten/../../site.yml", "/..", "/.", "/./site.yml",
        "/%2e%2e/site.yml", "/%2E%2E/%2e%2e/etc/passwd", "/.%2e/site.yml", "/%2e./site.yml",
        "/moten/%2f..%2fsite.yml", "/..%2fsite.yml", "/assets/..%5c..%5csite.yml", "/a\\..\\b",
        "/x%00.html", "/x%0a", "/%zz", "/%2", "/%", "/%ff%fe", "relative/path", "", "*",
        "http://evil.example/../../etc/passwd",
    ])
    func rejected(_ target: String) {
        #expect(PathSanitizer.resolve(target) == .rejected, "\(target)")
    }

    @Test func overlongPathIsRejected() {
        #expect(PathSanitizer.resolve("/" + String(repeating: "a", count: 5000)) == .rejected)
    }

    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"),
        ("assets/style.css", "text/css; charset=utf-8"),
        ("assets/filters.js", "text/javascript; charset=utf-8"),
        ("pagefind/pagefind.js", "text/javascript; charset=utf-8"),
        ("data/meetings.json", "application/json; charset=utf-8"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("feed.xml", "application/atom+xml; charset=utf-8"),
        ("idebank/idebank.csv", "text/csv; charset=utf-8"),
        ("teman/chart.svg", "image/svg+xml"),
        ("pagefind/wasm.unknown.pagefind", "application/octet-stream"),
        ("pagefind/pagefind.sv_1234.pf_meta", "application/octet-stream"),
        ("pagefind/fragment/sv_1.pf_fragment", "application/octet-stream"),
        ("pagefind/index/sv_1.pf_index", "application/octet-stream"),
        ("pagefind/filter/sv_1.pf_filter", "application/octet-stream"),
        ("x.wasm", "application/wasm"),
        ("moten/x/program.PDF", "application/pdf"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("README", "application/octet-stream"),
        (".hidden", "application/octet-stream"),
    ])
    func contentTypes(_ path: String, _ type: String) {
        #expect(ContentTypes.forPath(path) == type)
    }

    @Test func scriptGoesBeforeTheLastBodyEnd() {
        let html = ByteBuffer(string: "<html><body><p>&lt;/body&gt; in text</p>\n</BODY>\n</html>\n")
        let out = String(buffer: LiveReload.inject(into: html, version: "v1-2"))
        #expect(out == "<html><body><p>&lt;/body&gt; in text</p>\n<script src=\"/_samrad/livereload.js\" data-samrad-version=\"v1-2\" defer></script></BODY>\n</html>\n")
        let bare = String(buffer: LiveReload.inject(into: ByteBuffer(string: "<p>x</p>"), version: "v"))
        #expect(bare.hasPrefix("<p>x</p><script src=\"/_samrad/livereload.js\""))
    }

    @Test func eventsAreWellFormed() {
        #expect(String(buffer: LiveReload.message(event: "reload", data: "a\nb")) == "event: reload\ndata: a\ndata: b\n\n")
        let hello = String(buffer: LiveReload.hello(version: "abc-1"))
        #expect(hello.hasPrefix("retry: \(LiveReload.retryMilliseconds)\n\n"))
        #expect(hello.hasSuffix("event: hello\ndata: abc-1\n\n"))
    }

    @Test func errorPageNamesEveryDiagnosticAndEscapes() {
        let diagnostics = [
            Diagnostic.error("unknown theme '<script>'", at: SourceLocation(file: "content/meetings/a.md", line: 3, column: 7)),
            Diagnostic.error("no title", at: SourceLocation(file: "content/meetings/b.md", line: 1)),
            Diagnostic.warning("probably a typo", at: SourceLocation(file: "content/meetings/b.md", line: 9, column: 3)),
        ]
        let page = String(buffer: ErrorPage.render(diagnostics: diagnostics, siteTitle: "Portal & co", language: "sv", version: "v-9"))
        #expect(page.contains("content/meetings/a.md:3:7"))
        #expect(page.contains("unknown theme &#39;&lt;script&gt;&#39;"))
        #expect(!page.contains("<script>'"))
        #expect(page.contains("content/meetings/b.md:1"))
        #expect(page.contains("content/meetings/b.md:9:3"))
        #expect(page.contains("2 fel"))
        #expect(page.contains("1 varning"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"/assets/style.css\">"))
        #expect(page.contains("Portal &amp; co"))
        #expect(page.contains("data-samrad-version=\"v-9\""))
    }

    @Test func errorPageSpeaksTheSitesLanguage() {
        let diagnostics = [Diagnostic.error(key: "diag_not_utf8", at: SourceLocation(file: "content/meetings/a.md", line: 2, column: 5))]
        let swedish = String(buffer: ErrorPage.render(diagnostics: diagnostics, siteTitle: "Portal", language: "sv", version: "v", words: .swedish))
        #expect(swedish.contains("Sidan kunde inte byggas"))
        #expect(swedish.contains("filen är inte giltig UTF-8"))
        #expect(swedish.contains(">fel</span>"))
        let english = String(buffer: ErrorPage.render(diagnostics: diagnostics, siteTitle: "Portal", language: "en", version: "v", words: .english))
        #expect(english.contains("<html lang=\"en\">"))
        #expect(english.contains("The page could not be built"))
        #expect(english.contains("the file is not valid UTF-8"))
        #expect(english.contains("samrad found 1 error in the content"))
        #expect(!english.contains("Sidan") && !english.contains("varning"))
    }

    @Test func copiedFilesMustStayInsideTheSite() throws {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("samrad-serve-copy-\(UUID().uuidString)")
        let site = base.appendingPathComponent("site")
        try fm.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: base) }
        try Data("secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
        try Data("%PDF".utf8).write(to: site.appendingPathComponent("content/program.pdf"))
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("content/link.pdf").path, withDestinationPath: base.appendingPathComponent("secret.txt").path)
        let made = SnapshotMaker(siteRoot: site.path).make([
            OutputFile("moten/a/program.pdf", .copy(from: site.appendingPathComponent("content/program.pdf").path)),
            OutputFile("moten/a/link.pdf", .copy(from: site.appendingPathComponent("content/link.pdf").path)),
            OutputFile("moten/a/up.pdf", .copy(from: site.appendingPathComponent("content/../../secret.txt").path)),
            .text("index.html", "<body></body>"),
            .text("index.html", "<body>again</body>"),
        ], version: "v")
        // Copied files are sent from disk, not held: the entry names the real file.
        let program = try #require(made.files["moten/a/program.pdf"]?.file)
        #expect(try String(contentsOfFile: program.path, encoding: .utf8) == "%PDF")
        #expect(program.size == 4)
        #expect(program.sandboxed, "attachments are sent sandboxed")
        #expect(made.files["moten/a/link.pdf"] == nil)
        #expect(made.files["moten/a/up.pdf"] == nil)
        #expect(made.diagnostics.filter { $0.message.contains("outside the site folder") }.count == 2)
        #expect(made.diagnostics.contains { $0.message.contains("two pages want the same file 'index.html'") })
        #expect(made.files["index.html"].map { String(buffer: $0.body) }?.contains("/_samrad/livereload.js") == true)
        // A rebuild with the same bytes is "unchanged", whatever version the tag carries.
        let again = SnapshotMaker(siteRoot: site.path).make([.text("index.html", "<body></body>")], version: "w")
        let other = SnapshotMaker(siteRoot: site.path).make([.text("index.html", "<body>other</body>")], version: "v")
        let first = made.files.filter { $0.key == "index.html" }
        #expect(SnapshotMaker.sameContent(first, again.files))
        #expect(!SnapshotMaker.sameContent(first, other.files))
        #expect(!SnapshotMaker.sameContent(first, [:]))
    }

    @Test func baseURLForHosts() {
        #expect(PreviewServer.baseURL(host: "127.0.0.1", port: 8080) == "http://127.0.0.1:8080/")
        #expect(PreviewServer.baseURL(host: "0.0.0.0", port: 80) == "http://localhost:80/")
        #expect(PreviewServer.baseURL(host: "::1", port: 9) == "http://[::1]:9/")
        #expect(PreviewServer.baseURL(host: "::", port: 9) == "http://[::1]:9/")
    }
}
