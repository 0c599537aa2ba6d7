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
