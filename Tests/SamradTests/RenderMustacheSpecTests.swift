import Foundation
import Testing
@testable import SamradRender

/// The template engine against the Mustache specification (github.com/mustache/spec,
/// commit 9cb20c3, MIT licence, copied to Fixtures/mustache-spec): every test of the core
/// modules, inheritance and dynamic names. Lambdas are left out on purpose: view models
/// are data, never code.
@Suite("render: Mustache specification")
struct RenderMustacheSpecTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mustache-spec")

    /// The two cases swift-mustache also leaves out: both re-indent a block by the
    /// indentation of the tag it replaces, which our templates never rely on.
    static let skipped: Set<String> = ["Intrinsic indentation", "Nested block reindentation"]

    struct SpecFile: Decodable {
        struct Case: Decodable {
            let name: String
            let data: AnyJSON
            let partials: [String: String]?
            let template: String
            let expected: String
        }
        let tests: [Case]
    }

    /// JSON as the plain Swift values view models are made of; null is a nil Optional.
    struct AnyJSON: Decodable {
        let value: Any

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { value = Optional<Any>.none as Any }
            else if let b = try? c.decode(Bool.self) { value = b }
            else if let i = try? c.decode(Int.self) { value = i }
            else if let d = try? c.decode(Double.self) { value = d }
            else if let s = try? c.decode(String.self) { value = s }
            else if let a = try? c.decode([AnyJSON].self) { value = a.map(\.value) }
            else { value = try c.decode([String: AnyJSON].self).mapValues(\.value) }
        }
    }

    static func cases(_ file: String) throws -> [SpecFile.Case] {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(file).json"))
        return try JSONDecoder().decode(SpecFile.self, from: data).tests.filter { !skipped.contains($0.name) }
    }

    @Test("every specification case renders the expected text",
          arguments: ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance", "~dynamic-names"])
    func specification(_ file: String) throws {
        let cases = try Self.cases(file)
        #expect(cases.count >= 10)
        for test in cases {
            var library = MustacheLibrary()
            library.register(try MustacheTemplate(string: test.template), named: "__test__")
            for (name, text) in test.partials ?? [:] {
                library.register(try MustacheTemplate(string: text), named: name)
            }
            let result = library.render(test.data.value, withTemplate: "__test__")
            #expect(result == test.expected, "\(file): \(test.name)\ntemplate: \(test.template)")
        }
    }
}

/// What the specification leaves open, as our templates use it (and swift-mustache,
/// which the default templates were first written for, behaves).
@Suite("render: template engine")
struct RenderTemplateEngineTests {
    func render(_ template: String, _ data: [String: Any], partials: [String: String] = [:]) throws -> String {
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: template), named: "t")
        for (name, text) in partials { library.register(try MustacheTemplate(string: text), named: name) }
        return library.render(data, withTemplate: "t") ?? "(no template)"
    }

    @Test func transformsOnListsTextAndNumbers() throws {
        let data: [String: Any] = ["tags": [["name": "a"], ["name": "b"]], "none": [[String: Any]](), "word": "Ord", "n": 4]
        #expect(try render("{{^empty(tags)}}has{{/empty(tags)}}{{#empty(none)}} empty{{/empty(none)}}", data) == "has empty")
        #expect(try render("{{count(tags)}} {{uppercased(word)}} {{plusone(n)}} {{#first(tags)}}{{name}}{{/first(tags)}}", data) == "2 ORD 5 a")
        #expect(try render("{{#tags}}{{name}}{{^last()}}, {{/last()}}{{/tags}}", data) == "a, b")
        #expect(try render("{{#tags}}{{index()}}{{/tags}}", data) == "01")
        #expect(try render("[{{unknown(word)}}]", data) == "[]")
    }

    @Test func anyTextIsTrueInASectionAndFalseOrNilIsNot() throws {
        let data: [String: Any] = ["empty": "", "no": false, "missing": Optional<String>.none as Any]
        #expect(try render("{{#empty}}shown{{/empty}}", data) == "shown")
        #expect(try render("{{#no}}x{{/no}}{{^no}}not{{/no}}", data) == "not")
        #expect(try render("{{#missing}}x{{/missing}}{{^missing}}nil{{/missing}}", data) == "nil")
    }

    @Test func otherSequencesIterateLikeArrays() throws {
        let reversed: [String: Any] = ["items": [["n": 1], ["n": 2]].reversed(), "set": Set(["x"])]
        #expect(try render("{{#items}}{{n}}{{/items}}{{^empty(items)}}!{{/empty(items)}}", reversed) == "21!")
        #expect(try render("{{#set}}{{.}}{{/set}}", reversed) == "x")
    }

    @Test func escapesHTMLButNotTripleMustaches() throws {
        let data: [String: Any] = ["t": "<b>\"Å & ö'\"</b>"]
        #expect(try render("{{t}}|{{{t}}}|{{&t}}", data) == "&lt;b&gt;&quot;Å &amp; ö&#39;&quot;&lt;/b&gt;|<b>\"Å & ö'\"</b>|<b>\"Å & ö'\"</b>")
    }

    @Test func dottedNamesStopAtTheFirstContextThatHasTheHead() throws {
        let data: [String: Any] = ["site": ["basePath": "/p/"], "items": [["site": ["title": "inner"]]]]
        #expect(try render("{{#items}}[{{site.basePath}}]{{site.title}}{{/items}}", data) == "[]inner")
        #expect(try render("{{site.basePath}}", data) == "/p/")
    }

    @Test func parentsAndBlocksAsThePagesUseThem() throws {
        let base = "<title>{{$title}}Start{{/title}}</title>\n{{$content}}{{/content}}\n"
        let page = "{{<base}}\n{{$title}}{{name}}{{/title}}\n{{$content}}\n<p>{{name}}</p>\n{{/content}}\n{{/base}}\n"
        let out = try render(page, ["name": "Möte"], partials: ["base": base])
        #expect(out == "<title>Möte</title>\n<p>Möte</p>\n\n")
    }

    @Test func parseErrorsSayWhere() {
        #expect(throws: MustacheParseError.self) { try MustacheTemplate(string: "ok\n{{#a}}\n{{/b}}") }
        do {
            _ = try MustacheTemplate(string: "ok\n{{#a}}\n  {{/b}}")
        } catch {
            #expect(error.reason == .sectionCloseNameIncorrect)
            #expect(error.line == 3)
            #expect(error.column == 6)
        }
        do {
            _ = try MustacheTemplate(string: "{{#open}}\nno end")
        } catch {
            #expect(error.reason == .expectedSectionEnd)
        }
    }
}
