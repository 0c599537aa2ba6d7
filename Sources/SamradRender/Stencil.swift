import Mustache
import SamradCore

/// A template's output for one shape of view model, cut at its fields: rendered once by
/// swift-mustache with a placeholder in every text and number field, then filled for
/// each item with a few appends instead of a render (tens of thousands of idea cards and
/// post-its each cost a context, casts and a look-up per tag through the library).
///
/// The template still holds all markup and may be the site's own. What the render
/// depended on is recorded while it runs: every name the template looked up and what
/// kind of value it found (absent, `true`/`false`, empty or non-empty optional text,
/// text, number). A view model whose names give the same kinds follows the same path
/// through the template, so its output is the stencil with its own values in the
/// placeholders, escaped where the template escapes (`{{name}}`) and raw where it does
/// not (`{{{name}}}`). A template that looks up anything else (a list, a nested view
/// model) or applies a transform to a field is rendered by the library every time.
struct Stencil: Sendable {
    enum Kind: Equatable, Sendable {
        case absent, yes, no, emptyText, text, number
    }

    enum Piece: Sendable {
        case text(String)
        /// The value of `names[index]`, HTML-escaped when `escaped`.
        case field(Int, escaped: Bool)
    }

    /// Every name the template looked up, with the kind of value it found.
    let names: [String]
    let kinds: [Kind]
    let pieces: [Piece]
    let size: Int

    /// The kind of a view model's value, or nil for a value a stencil cannot hold.
    static func kind(of value: Any?) -> Kind? { classify(value)?.kind }

    /// The kind of a value and the text it renders as, with one cast: fills run for
    /// every field of tens of thousands of items, and each failed cast of an `Any` costs.
    /// The commonest kinds are tried first.
    static func classify(_ value: Any?) -> (kind: Kind, text: String)? {
        // Asked first by the value's exact type, so the one cast made is one that succeeds
        // (the runtime answers a cast to the type a value already has at once; each failed
        // `as` before it cost a copy of the `Any` and a search, about 3 % of a build's CPU).
        // A value of any other type (an optional inside the `Any`, say) goes through the
        // casts below, which answer the same for these types.
        if let value {
            let type = ObjectIdentifier(Swift.type(of: value))
            if type == ObjectIdentifier(String.self), let string = value as? String { return (.text, string) }
            if type == ObjectIdentifier(HTML.self), let html = value as? HTML { return html.isNull ? (.emptyText, "") : (.text, html.html) }
            if type == ObjectIdentifier(Text.self), let text = value as? Text { return text.isNull ? (.emptyText, "") : (.text, text.text) }
            if type == ObjectIdentifier(Bool.self), let flag = value as? Bool { return (flag ? .yes : .no, "") }
            if type == ObjectIdentifier(Int.self), let number = value as? Int { return (.number, String(number)) }
        }
        return classifyByCasting(value)
    }

    /// `classify` by trying each cast in turn: the answer for any value.
    static func classifyByCasting(_ value: Any?) -> (kind: Kind, text: String)? {
        switch value {
        case nil: (.absent, "")
        case let string as String: (.text, string)
        case let html as HTML: html.isNull ? (.emptyText, "") : (.text, html.html)
        case let text as Text: text.isNull ? (.emptyText, "") : (.text, text.text)
        case let flag as Bool: (flag ? .yes : .no, "")
        case let number as Int: (.number, String(number))
        default: nil
        }
    }

    /// The view's output, or nil when one of the names gives another kind of value.
    func fill(_ view: any MustacheParent) -> String? { filled(view)?.output }

    /// The view's values in this stencil, or nil when one of the names gives another
    /// kind of value.
    func filled(_ view: any MustacheParent) -> Filled? {
        var texts: [String] = []
        texts.reserveCapacity(names.count)
        for (i, name) in names.enumerated() {
            guard let (kind, text) = Self.classify(view.child(named: name)), kind == kinds[i] else { return nil }
            texts.append(text)
        }
        return Filled(stencil: self, texts: texts)
    }

    /// The stencil with the texts of its fields, in the order of `names`.
    func assemble(_ texts: [String]) -> String {
        var out = ""
        out.reserveCapacity(size + 64 * names.count)
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .field(let i, let escaped): out += escaped ? texts[i].htmlEscaped : texts[i]
            }
        }
        return out
    }

    /// One view model's values in a stencil. The output depends on nothing else (the
    /// template looked up only `names`), so a view model that differs from it in one field
    /// is the same stencil with that field's text swapped, when the new value is of the
    /// same kind: the idea cards of a theme's list differ from the idea bank's only in
    /// their tags.
    struct Filled: Sendable {
        let stencil: Stencil
        let texts: [String]

        var output: String { stencil.assemble(texts) }

        /// The output with `name` given `value` instead; nil when the template needs a
        /// render for it (the value is of another kind, which may take another branch,
        /// or is not a text at all).
        func output(replacing name: String, with value: Any?) -> String? {
            // A name this path through the template never looked up changes nothing.
            guard let i = stencil.names.firstIndex(of: name) else { return output }
            guard let (kind, text) = Stencil.classify(value), kind == stencil.kinds[i] else { return nil }
            var texts = texts
            texts[i] = text
            return stencil.assemble(texts)
        }
    }
}

/// The stencils made so far, per template; shared by every render thread of a build.
final class StencilCache: Sendable {
    /// Beyond this many shapes of one template, further shapes are rendered by the library.
    static let shapesPerTemplate = 32

    private struct Entry {
        var stencils: [Stencil] = []
        /// Set when a render showed that the template cannot be stencilled.
        var unusable = false
    }

    private let entries = Locked<[String: Entry]>([:])

    /// `view` rendered with `template`, through a stencil when one fits or can be made.
    func render(_ view: any MustacheParent, template: String, with templates: TemplateSet) -> String {
        filled(view, template: template, with: templates)?.output ?? templates.render(view, template: template)
    }

    /// `view` in the stencil of `template` that fits it (made when none does yet); nil
    /// when the template must be rendered by the library for it.
    func filled(_ view: any MustacheParent, template: String, with templates: TemplateSet) -> Stencil.Filled? {
        let entry = entries.withLock { $0[template] ?? Entry() }
        if entry.unusable { return nil }
        for stencil in entry.stencils {
            if let filled = stencil.filled(view) { return filled }
        }
        guard entry.stencils.count < Self.shapesPerTemplate else { return nil }
        guard let stencil = Self.make(view, template: template, with: templates) else {
            entries.withLock { $0[template, default: Entry()].unusable = true }
            return nil
        }
        entries.withLock { $0[template, default: Entry()].stencils.append(stencil) }
        return stencil.filled(view)
    }

    /// Renders `template` once for `view` with placeholders in its fields; nil when the
    /// template needs something a stencil cannot hold.
    static func make(_ view: any MustacheParent, template: String, with templates: TemplateSet) -> Stencil? {
        let probe = Probe(view: view)
        let output = templates.render(probe, template: template)
        guard probe.log.usable else { return nil }
        return cut(output, names: probe.log.names, kinds: probe.log.kinds)
    }

    /// The output cut at its placeholders, `\u{E000}&N\u{E001}` (raw) or
    /// `\u{E000}&amp;N\u{E001}` (escaped by the template); nil for a placeholder left
    /// changed or cut in two.
    static func cut(_ output: String, names: [String], kinds: [Stencil.Kind]) -> Stencil? {
        var pieces: [Stencil.Piece] = []
        var literal = ""
        var size = 0
        var rest = output[...]
        while let open = rest.firstIndex(of: Probe.open) {
            literal += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: Probe.close) else { return nil }
            let inside = after[..<close]
            let escaped: Bool
            let digits: Substring
            if inside.hasPrefix("&amp;") { escaped = true; digits = inside.dropFirst(5) }
            else if inside.hasPrefix("&") { escaped = false; digits = inside.dropFirst(1) }
            else { return nil }
            guard let index = Int(digits), names.indices.contains(index) else { return nil }
            if !literal.isEmpty { pieces.append(.text(literal)); size += literal.utf8.count; literal = "" }
            pieces.append(.field(index, escaped: escaped))
            rest = after[after.index(after: close)...]
        }
        literal += rest
        guard !literal.contains(Probe.close) else { return nil }
        if !literal.isEmpty { pieces.append(.text(literal)); size += literal.utf8.count }
        return Stencil(names: names, kinds: kinds, pieces: pieces, size: size)
    }
}

/// What a probe render looked up.
private final class ProbeLog {
    var names: [String] = []
    var kinds: [Stencil.Kind] = []
    var slots: [String: Int] = [:]
    var usable = true

    func slot(_ name: String, _ kind: Stencil.Kind) -> Int {
        if let i = slots[name] { return i }
        names.append(name)
        kinds.append(kind)
        slots[name] = names.count - 1
        return names.count - 1
    }
}

/// The view model as a template sees it during a probe render: flags and empty texts as
/// they are, every other text or number a placeholder naming its field.
private struct Probe: MustacheParent {
    static let open: Character = "\u{E000}", close: Character = "\u{E001}"
    let view: any MustacheParent
    let log = ProbeLog()

    func child(named name: String) -> Any? {
        let value = view.child(named: name)
        guard let kind = Stencil.kind(of: value) else {
            log.usable = false
            return value
        }
        let index = log.slot(name, kind)
        switch kind {
        case .text, .number: return Placeholder(index: index, log: log)
        default: return value
        }
    }
}

/// A field's place in a probe render. A transform on it would change the value, not the
/// placeholder, so the template is marked as one a stencil cannot hold.
private struct Placeholder: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let index: Int
    let log: ProbeLog

    var renderText: String { "\(Probe.open)&\(index)\(Probe.close)" }
    var isNull: Bool { false }
    /// Names inside a section opened on the field are looked up around it, as for text.
    func child(named name: String) -> Any? { nil }
    func transform(_ name: String) -> Any? {
        log.usable = false
        return nil
    }
}
