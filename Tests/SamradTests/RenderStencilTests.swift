import Testing
import Mustache
@testable import SamradCore
@testable import SamradExtract
@testable import SamradLoad
@testable import SamradRender

/// Stencils (templates rendered once per shape of view model and filled in per item)
/// must give exactly what swift-mustache gives for every item, and step aside for what
/// they cannot hold.
@Suite("render: stencils")
struct RenderStencilTests {
    struct Item: MustacheParent {
        var title = "Möte om <skola> & \"fritid\""
        var url = "/moten/a/?x=1&y=2"
        var lede = Text("Ingress 'här'")
        var body = HTML("<p>Redan <em>HTML</em></p>")
        var flag = true
        var count = 7
        var tags = ["a", "b"]

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "url": url
            case "lede": lede
            case "body": body
            case "flag": flag
            case "count": count
            case "tags": tags
            default: nil
            }
        }
    }

    static func templates(_ sources: [String: String]) throws -> TemplateSet {
        let files = sources.mapValues { SourceFile(path: "templates/x.mustache", absolutePath: "", text: $0) }
        let (set, diagnostics) = TemplateSet.compile(files, required: [])
        #expect(diagnostics.isEmpty)
        return try #require(set)
    }

    static let card = """
        <article class="card{{#flag}} flagged{{/flag}}" data-n="{{count}}">
        <h3><a href="{{url}}">{{title}}</a></h3>
        {{#lede}}<p>{{lede}}</p>{{/lede}}{{^lede}}<p>Ingen ingress</p>{{/lede}}
        {{{body}}} {{{title}}} {{flag}} {{missing}}
        </article>
        """

    /// `classify` asks a value's exact type before casting; it must answer what the casts
    /// alone answer, also for values of other types (an optional or an array inside the
    /// `Any`, a Substring, a class), which take the casts.
    @Test func classifyByTypeAnswersAsTheCasts() {
        final class Box {}
        let wrapped: String? = "inne"
        let none: String? = nil
        let values: [Any?] = [
            nil, "", "text & <b>", HTML(""), HTML("<p>x</p>"), Text(nil), Text(""), Text("t"), true, false, 0, -12, Int.max,
            wrapped as Any, none as Any, Optional(HTML("<i>h</i>")) as Any, Optional(true) as Any, Optional(7) as Any,
            "sub" as Substring, ["a"], 1.5, Box(), Int32(3), UInt(4), [HTML("x")], Text?.some(Text("u")) as Any,
        ]
        for value in values {
            let fast = Stencil.classify(value), slow = Stencil.classifyByCasting(value)
            #expect(fast?.kind == slow?.kind && fast?.text == slow?.text, "\(String(describing: value))")
        }
        #expect(Stencil.classify(wrapped as Any)?.text == "inne", "an optional inside the Any is still text")
        #expect(Stencil.classify(Box()) == nil)
    }

    /// Items of every shape: flags on and off, optional text present and absent, text
    /// with characters to escape; the cache makes one stencil per shape.
    @Test func filledStencilsMatchTheLibrary() throws {
        let set = try Self.templates(["card": Self.card])
        let cache = StencilCache()
        var items: [Item] = []
        for flag in [true, false] {
            for lede in ["", "Kort <ingress>"] {
                for title in ["", "Titel & <mer>", "Vanlig titel"] {
                    items.append(Item(title: title, lede: Text(lede), flag: flag, count: title.count))
                }
            }
        }
        for item in items + items {
            #expect(cache.render(item, template: "card", with: set) == set.render(item, template: "card"))
        }
        let stencil = try #require(StencilCache.make(items[0], template: "card", with: set))
        #expect(stencil.pieces.contains { if case .field(_, escaped: false) = $0 { true } else { false } })
        #expect(stencil.pieces.contains { if case .field(_, escaped: true) = $0 { true } else { false } })
    }

    /// A kept fill with one field swapped (the idea cards of a theme's list, which differ
    /// from the idea bank's in their tags only) gives what the library renders for the
    /// changed view model, and steps aside when the new value is of another kind, which
    /// may take another branch of the template.
    @Test func swappingOneFieldOfAFillMatchesTheLibrary() throws {
        let set = try Self.templates(["card": Self.card])
        let cache = StencilCache()
        let item = Item()
        let filled = try #require(cache.filled(item, template: "card", with: set))
        #expect(filled.output == set.render(item, template: "card"))
        for body in ["<p class=\"tags\"><a href=\"/t/\">T</a></p>", "&amp; <b>", "x"] {
            var changed = item
            changed.body = HTML(body)
            #expect(filled.output(replacing: "body", with: HTML(body)) == set.render(changed, template: "card"))
        }
        for title in ["Ny <titel>", "Ännu en"] {
            var changed = item
            changed.title = title
            #expect(filled.output(replacing: "title", with: title) == set.render(changed, template: "card"))
        }
        // An empty optional text takes the template's other branch: no swap.
        var withoutLede = item
        withoutLede.lede = Text("")
        #expect(set.render(withoutLede, template: "card") != filled.output)
        #expect(filled.output(replacing: "lede", with: Text("")) == nil)
        #expect(filled.output(replacing: "flag", with: false) == nil)
        // A list is no field of a stencil; a name the template never looks up changes nothing.
        #expect(filled.output(replacing: "body", with: ["a"]) == nil)
        #expect(filled.output(replacing: "unused", with: "x") == filled.output)
    }

    /// A theme list's idea card (the idea bank's card with other tags) comes out as the
    /// library renders a card built with those tags, through the kept fill when the tags
    /// keep the shape and through a stencil of the other shape when none are left.
    @Test func retaggedIdeaCardsMatchCardsBuiltWithTheirTags() throws {
        let templates = try Self.defaultTemplates()
        func card(_ tags: [NamedLink], _ tagsHTML: String, link: Bool = false) -> IdeaCard {
            let html = link ? "Se <a href=\"/x/\">x</a>" : "Idé &amp; <em>mer</em>"
            return IdeaCard(id: "postit-a-1", text: "Idé & mer", url: "/m/#postit-a-1", html: HTML(html), hasLink: link,
                            categoryPath: "Behov", category: "Behov", categoryKey: "behov", tags: tags, tagsHTML: HTML(tagsHTML),
                            themes: "skola trygghet", meetingTitle: "Möte", meetingSlug: "mote", meetingURL: "/m/",
                            dateText: "1 maj 2024", isoDate: "2024-05-01", year: 2024, color: 2)
        }
        let both = [NamedLink(name: "Skola", url: "/t/skola/", slug: "skola"), NamedLink(name: "Trygghet", url: "/t/trygghet/", slug: "trygghet")]
        let bothHTML = "<p class=\"postit-tags\"><a href=\"/t/skola/\">Skola</a> <a href=\"/t/trygghet/\">Trygghet</a> </p>"
        let oneHTML = "<p class=\"postit-tags\"><a href=\"/t/trygghet/\">Trygghet</a> </p>"
        for link in [false, true] {
            let bank = card(both, bothHTML, link: link)
            let cache = StencilCache()
            let filled = try #require(cache.filled(bank, template: "partials/idea-card", with: templates))
            // One tag left: the same shape, the kept fill with the tags swapped.
            #expect(filled.output(replacing: "tagsHTML", with: HTML(oneHTML))
                    == templates.render(card(Array(both.suffix(1)), oneHTML, link: link), template: "partials/idea-card"))
            // None left: another shape; the retagged card goes through its own stencil.
            #expect(filled.output(replacing: "tagsHTML", with: HTML("")) == nil)
            let retagged = RetaggedIdeaCard(card: bank, tags: [], tagsHTML: HTML(""))
            #expect(cache.render(retagged, template: "partials/idea-card", with: templates)
                    == templates.render(card([], "", link: link), template: "partials/idea-card"))
            #expect(!cache.render(retagged, template: "partials/idea-card", with: templates).contains("postit-tags"))
        }
    }

    /// A template that walks a list, or transforms a field, cannot be a stencil: the
    /// library renders it, and the output is still the library's.
    @Test func listsAndTransformsAreLeftToTheLibrary() throws {
        let set = try Self.templates([
            "list": "{{title}}: {{#tags}}<b>{{.}}</b>{{/tags}}",
            "transform": "{{uppercased(lede)}} {{title}}",
        ])
        let cache = StencilCache()
        let item = Item()
        #expect(StencilCache.make(item, template: "list", with: set) == nil)
        #expect(StencilCache.make(item, template: "transform", with: set) == nil)
        for _ in 0 ..< 2 {
            #expect(cache.render(item, template: "list", with: set) == set.render(item, template: "list"))
            #expect(cache.render(item, template: "transform", with: set) == set.render(item, template: "transform"))
        }
        #expect(cache.render(item, template: "list", with: set).contains("<b>a</b><b>b</b>"))
    }

    /// The default post-it and idea card partials are stencils: no list or transform in them.
    @Test func defaultCardPartialsAreStencils() throws {
        let (set, _) = TemplateSet.compile(DefaultTemplates.files.filter { $0.key.hasSuffix(".mustache") }.reduce(into: [:]) {
            $0[String($1.key.dropLast(".mustache".count))] = SourceFile(path: "templates/\($1.key)", absolutePath: "", text: $1.value)
        })
        let templates = try #require(set)
        let postIt = PostItView(id: "postit-a-1", text: "Text", html: HTML("Text &amp; mer"), tags: [],
                                tagsHTML: HTML("<p class=\"postit-tags\"></p>"), color: 3)
        #expect(StencilCache.make(postIt, template: "partials/postit", with: templates) != nil)
        #expect(StencilCache().render(postIt, template: "partials/postit", with: templates) == templates.render(postIt, template: "partials/postit"))
    }

    static func defaultTemplates() throws -> TemplateSet {
        let (set, _) = TemplateSet.compile(DefaultTemplates.files.filter { $0.key.hasSuffix(".mustache") }.reduce(into: [:]) {
            $0[String($1.key.dropLast(".mustache".count))] = SourceFile(path: "templates/\($1.key)", absolutePath: "", text: $1.value)
        })
        return try #require(set)
    }

    /// `view` through `template` is a stencil, and filling it gives the library's output.
    static func expectStencil(_ view: any MustacheParent, _ template: String, _ templates: TemplateSet) {
        #expect(StencilCache.make(view, template: template, with: templates) != nil, "\(template) is not a stencil")
        let cache = StencilCache()
        for _ in 0 ..< 2 {
            #expect(cache.render(view, template: template, with: templates) == templates.render(view, template: template))
        }
    }

    /// The list items of the theme question lists, the question bank, the idea groups and
    /// the theme excerpts are stencils (no section per item left in the biggest lists), in
    /// every shape: with and without session, points, links, tags, category path, heading.
    @Test func defaultListItemPartialsAreStencils() throws {
        let templates = try Self.defaultTemplates()
        let plain = PointLink(id: "p1", url: "/m/#p1", html: HTML("Punkt &amp; <em>mer</em>"))
        let linked = PointLink(id: "p2", url: "/m/#p2", html: HTML("Se <a href=\"/x/\">x</a>"))
        for point in [plain, linked] {
            Self.expectStencil(point, "partials/point-link", templates)
            Self.expectStencil(point, "partials/bank-point", templates)
        }
        Self.expectStencil(CountedLink(name: "Barn & unga", url: "/idebank/barn/", countText: "(1 200)"), "partials/theme-list-link", templates)
        for session in [nil, "Pass <1>"] {
            for points in [[], [plain, linked]] {
                var line = QuestionLine(id: "q1", url: "/m/#q1", label: "Fråga 1", text: "Hur & varför?", session: Text(session),
                                        themes: "skola fritid", points: points)
                line.pointsHTML = HTML(points.isEmpty ? "" : "<li>x</li>\n")
                line.tagListHTML = HTML(session == nil ? "" : "<ul class=\"tag-list\"></ul>\n")
                Self.expectStencil(line, "partials/question-line", templates)
                Self.expectStencil(line, "partials/bank-question", templates)
            }
        }
        for (questions, points) in [([QuestionLine](), [plain]), ([QuestionLine(id: "q", url: "/q", label: "F", text: "T", session: Text(nil), points: [])], [])] {
            for continued in [true, false] {
                var group = QuestionGroup(title: "Möte <1>", url: "/m/", dateText: "1 maj 2024", isoDate: "2024-05-01",
                                          questions: questions, meetingPoints: points, continued: continued, summaryOwner: "Mötets sammanfattning")
                group.questionsHTML = HTML(questions.isEmpty ? "" : "<li>q</li>\n")
                group.meetingPointsHTML = HTML(points.isEmpty ? "" : "<li>p</li>\n")
                Self.expectStencil(group, "partials/question-group", templates)
            }
        }
        for path in ["", "Kategori › Under"] {
            let run = IdeaGroup.Run(path: path, key: "kategori", color: 2, cardsHTML: HTML("<li class=\"postit\">a</li>"), subLevel: 4)
            Self.expectStencil(run, "partials/idea-run", templates)
            var group = IdeaGroup(title: "Möte & <2>", url: "/m/", slug: "m", dateText: "2 maj", isoDate: "2024-05-02", year: 2024,
                                  level: 3, runs: [run], continued: path.isEmpty)
            group.runsHTML = HTML("<ul>\n</ul>\n")
            Self.expectStencil(group, "partials/idea-group", templates)
        }
        for heading in [nil, "Rubrik <h>"] {
            let excerpt = ExcerptView(meetingTitle: "Möte", meetingURL: "/m/", dateText: "3 maj", isoDate: "2024-05-03",
                                      heading: Text(heading), text: Text("Text & mer"), url: "/m/#a")
            Self.expectStencil(excerpt, "partials/excerpt", templates)
        }
    }

    /// A meeting page's questions, summaries and board categories are stencils too, in
    /// every shape (with and without prompts, summary, discussion, heading, post-its), and
    /// a question's summary goes into the question as its partial's output.
    @Test func defaultMeetingPartialsAreStencils() throws {
        let templates = try Self.defaultTemplates()
        for questionID in [nil, "fraga-1"] {
            let summary = SummaryView(id: "s", label: "Sammanfattning", headingLevel: 3, questionID: Text(questionID),
                                      points: [], pointsHTML: HTML("<li id=\"p\">Punkt</li>\n"))
            Self.expectStencil(summary, "partials/summary", templates)
        }
        let summary = SummaryView(id: "fraga-1-sammanfattning", label: "Sammanfattning", headingLevel: 4, questionID: Text("fraga-1"),
                                  points: [], pointsHTML: HTML("<li id=\"p\">Punkt &amp; <em>mer</em></li>\n"))
        let summaryHTML = templates.render(summary, template: "partials/summary")
        for withSummary in [true, false] {
            for prompts in [[], [HTMLItem(html: HTML("Delfråga"))]] {
                var question = QuestionView(
                    id: "fraga-1", label: "Fråga 1", text: "Hur & varför?", url: "#fraga-1", titleHTML: HTML("Hur &amp; varför?"),
                    headingLevel: 3, session: Text(nil), tags: [], tagListHTML: HTML(withSummary ? "<ul class=\"tag-list\"></ul>\n" : ""),
                    prompts: prompts, promptsHTML: HTML(prompts.isEmpty ? "" : "<li>Delfråga</li>\n"),
                    summary: withSummary ? summary : nil, hasDiscussion: !withSummary, discussionHTML: HTML(withSummary ? "" : "<p>Samtal</p>\n"))
                if withSummary { question.summaryHTML = HTML(PortalPages.trimmed(summaryHTML)) }
                Self.expectStencil(question, "partials/question", templates)
                if withSummary {
                    #expect(templates.render(question, template: "partials/question").hasSuffix("</ul>\n" + (prompts.isEmpty ? "\n" : "") + summaryHTML + "</section>\n"))
                }
            }
        }
        for (heading, postIts) in [(true, true), (false, true), (true, false)] {
            let post = PostItView(id: "lapp-1", text: "Text", html: HTML("Text"), tags: [], tagsHTML: HTML(""), color: 2)
            let category = BoardCategoryView(id: "kat", title: "Kategori <1>", depth: 2, headingLevel: 4, hasHeading: heading,
                                             parentPath: Text(heading ? "Överst" : nil), color: 2, notesHTML: HTML(""), postIts: postIts ? [post] : [],
                                             postItsHTML: HTML(postIts ? "<li class=\"postit\">Text</li>\n" : ""))
            Self.expectStencil(category, "partials/board-category", templates)
        }
    }

    /// The table of contents through partials/toc-entry gives what meeting.mustache's
    /// three nested sections gave, line for line: entries with and without children, three
    /// levels deep, text to escape.
    @Test func tableOfContentsMatchesTheNestedSections() throws {
        let templates = try Self.defaultTemplates()
        let sections = try Self.templates(["toc": """
            <ol>
            {{#toc}}
            <li><a href="#{{id}}">{{text}}</a>{{^empty(children)}}
            <ol>
            {{#children}}
            <li><a href="#{{id}}">{{text}}</a>{{^empty(children)}}
            <ol>
            {{#children}}
            <li><a href="#{{id}}">{{text}}</a></li>
            {{/children}}
            </ol>{{/empty(children)}}</li>
            {{/children}}
            </ol>{{/empty(children)}}</li>
            {{/toc}}
            </ol>

            """])
        struct Table: MustacheParent {
            let toc: [TocEntry]
            func child(named name: String) -> Any? { name == "toc" ? toc : nil }
        }
        let leaf = TocEntry(id: "c", text: "Under <rubrik> & mer", level: 3)
        let middle = TocEntry(id: "b", text: "Avsnitt", level: 2, children: [leaf, leaf])
        let tables: [[TocEntry]] = [
            [TocEntry(id: "a", text: "Pass 1", level: 1, children: [middle, TocEntry(id: "d", text: "Fråga 2: Hur?", level: 2)]),
             TocEntry(id: "sammanfattning", text: "Sammanfattning", level: 2),
             TocEntry(id: "bilaga-tavla", text: "Tavla", level: 1)],
            [TocEntry(id: "x", text: "Ett", level: 2), TocEntry(id: "y", text: "Två", level: 2)],
        ]
        for toc in tables {
            let filled = "<ol>\n" + MeetingViews.tocHTML(toc, stencils: StencilCache(), templates: templates).html + "</ol>\n"
            #expect(filled == sections.render(Table(toc: toc), template: "toc"))
        }
        Self.expectStencil(TocEntry(id: "a", text: "A", level: 1, children: [leaf], childrenHTML: HTML("<li>x</li>\n")), "partials/toc-entry", templates)
        Self.expectStencil(leaf, "partials/toc-entry", templates)
    }

    /// partials/blocks through partials/block (`{{{blocksHTML}}}`) gives what its section
    /// over the blocks gave: the same three line breaks after each block, nothing for none.
    @Test func blocksMatchTheSection() throws {
        let templates = try Self.defaultTemplates()
        let old = try Self.templates(["blocks": """
            {{#blocks}}
            {{#html}}{{{html}}}{{/html}}
            {{! A question is partials/question and a summary partials/summary, each filled in without a section. }}
            {{{questionHTML}}}
            {{{summaryHTML}}}
            {{/blocks}}

            """])
        struct Page: MustacheParent {
            let blocks: BlockList
            func child(named name: String) -> Any? {
                switch name {
                case "blocks": blocks.items
                case "hasBlocks": !blocks.items.isEmpty
                case "blocksHTML": blocks.html
                default: nil
                }
            }
        }
        let question = QuestionView(
            id: "fraga-1", label: "Fråga 1", text: "Hur?", url: "#fraga-1", titleHTML: HTML("Hur?"), headingLevel: 2,
            session: Text(nil), tags: [], tagListHTML: HTML(""), prompts: [], promptsHTML: HTML(""),
            summary: nil, hasDiscussion: false, discussionHTML: HTML(""))
        let lists: [[BlockView]] = [
            [],
            [.html(HTML("<p>Ett &amp; två</p>"))],
            [.html(HTML("<p>a</p>\n\n\n<p>b</p>")), .question(question, HTML("<section id=\"fraga-1\">\n<h2>Hur?</h2>\n</section>")),
             .nothing, .html(HTML("")), .html(HTML("<p>slut</p>\r"))],
        ]
        let cache = StencilCache()
        for items in lists {
            let page = Page(blocks: BlockList(items: items, html: MeetingViews.blocksHTML(items, stencils: cache, templates: templates)))
            #expect(templates.render(page, template: "partials/blocks") == old.render(page, template: "blocks"), "\(items)")
        }
        Self.expectStencil(BlockView.html(HTML("<p>x</p>")), "partials/block", templates)
        Self.expectStencil(BlockView.question(question, HTML("<section>q</section>")), "partials/block", templates)
    }

    /// The page templates that take these lists as HTML give what the sections over the
    /// same items gave: the question group's lists as before, line for line.
    @Test func questionGroupListsMatchTheSections() throws {
        let templates = try Self.defaultTemplates()
        let point = PointLink(id: "p1", url: "/m/#p1", html: HTML("Punkt"))
        var line = QuestionLine(id: "q1", url: "/m/#q1", label: "Fråga 1", text: "Hur?", session: Text("Pass 1"), points: [point, point])
        line.pointsHTML = HTML(templates.render(point, template: "partials/point-link") + templates.render(point, template: "partials/point-link"))
        var group = QuestionGroup(title: "Möte", url: "/m/", dateText: "1 maj", isoDate: "2024-05-01", questions: [line, line], meetingPoints: [point])
        group.questionsHTML = HTML(String(repeating: templates.render(line, template: "partials/question-line"), count: 2))
        group.meetingPointsHTML = HTML(templates.render(point, template: "partials/point-link"))
        let out = templates.render(group, template: "partials/question-group")
        #expect(out.contains("<ul class=\"question-list\">\n<li>\n<p class=\"question-line\"><span class=\"meta\">Pass 1 · </span><a href=\"/m/#q1\"><strong>Fråga 1:</strong> Hur?</a></p>\n<ul class=\"points\">\n<li><a href=\"/m/#p1\">Punkt</a></li>\n<li><a href=\"/m/#p1\">Punkt</a></li>\n</ul>\n</li>\n<li>"))
        #expect(out.hasSuffix("</li>\n</ul>\n</section>\n"))
        #expect(out.contains("<ul>\n<li><a href=\"/m/#p1\">Punkt</a></li>\n</ul>\n</div>"))
    }
}

@Suite("core: slugs without copies")
struct SlugFastPathTests {
    /// The one-pass slug for ASCII and the folded Latin letters gives what the general
    /// path gives; other scripts go the general way.
    @Test func latinFastPathMatchesTheGeneralPath() {
        let texts = ["Fråga 3 – Vad behöver föreningarna?", "ÅÄÖ åäö Ærø straße", "  --Hej, VÄRLDEN!! 2024 ", "",
                     "Ett två tre fyra fem sex sju åtta nio tio", "Crème brûlée à la carte", "A\u{308}ngen"]
        for text in texts {
            for maxWords in [0, 1, 3, 8] {
                var words: [String] = []
                var current = ""
                for ch in text.lowercased().latinBaseLetters.unicodeScalars {
                    if (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") { current.unicodeScalars.append(ch) }
                    else if !ch.isASCII, ch.properties.generalCategory == .nonspacingMark { continue }
                    else if !current.isEmpty { words.append(current); current = "" }
                }
                if !current.isEmpty { words.append(current) }
                if maxWords > 0 && words.count > maxWords { words = Array(words.prefix(maxWords)) }
                #expect(Slug.make(text, maxWords: maxWords) == words.joined(separator: "-"), "\(text) \(maxWords)")
            }
        }
        #expect(Slug.latinSlug("Москва", maxWords: 0) == nil)
        #expect(Slug.make("Москва") == "moskva")
        #expect(Slug.latinSlug("A\u{308}ngen", maxWords: 0) == nil)
    }
}

@Suite("extract: footnote scan")
struct FootnoteScanTests {
    /// Definitions at the start of a line (indented less than four spaces), references
    /// anywhere else, with lines and columns counted in characters.
    @Test func definitionsAndReferencesWithPositions() {
        let text = "Första [^1] och [^två].\n\n[^1]: Noten.\n   [^3]: Indragen not med [^1].\n    [^4]: kod, ingen not\nÅäö [^x y] [^5]\n[^"
        let diagnostics = FootnoteCheck.check(text: text, file: "a.md", defined: ["1"])
        let messages = diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }
        #expect(messages.count == 4, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("4:1 ") && $0.contains("'[^3]' is never referenced") })
        #expect(messages.contains { $0.hasPrefix("1:17 ") && $0.contains("'[^två]' has no note") })
        #expect(messages.contains { $0.hasPrefix("5:5 ") && $0.contains("'[^4]' has no note") })
        #expect(messages.contains { $0.hasPrefix("6:12 ") && $0.contains("'[^5]' has no note") })
        #expect(FootnoteCheck.check(text: "Inga noter här.", file: "a.md", defined: []).isEmpty)
    }
}
