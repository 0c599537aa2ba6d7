import SamradCore

/// Compiled templates by name, the way partials and parents refer to them.
public struct MustacheLibrary: Sendable {
    var templates: [String: MustacheTemplate] = [:]

    public init() {}

    public mutating func register(_ template: MustacheTemplate, named name: String) {
        templates[name] = template
    }

    /// Renders `object` (normally a `[String: Any]` view model) with the named template,
    /// or nil when there is no such template.
    public func render(_ object: Any, withTemplate name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = MustacheRenderer(library: self)
        renderer.push(object)
        // No up-front capacity: cached fragments (cards) keep their buffer for the whole build.
        var out = ""
        renderer.render(template.nodes, MustacheRenderer.Scope(), into: &out)
        return out
    }
}

/// Renders compiled templates into one growing string. Semantics follow swift-mustache,
/// whose parser ours is derived from, so existing templates render the same bytes:
/// a name is looked up from the innermost context outwards, any string is true in a
/// section, `false`, nil and empty lists are false, a missing key renders nothing.
///
/// Why not swift-mustache itself: its renderer returns a new string per tag, splits
/// dotted names on every look-up and finds keys through protocol casts on `Any`; at
/// 2,000 meetings that was a third of the build. Here names are split once, the context
/// stack is classified once per push, and view models are read as plain dictionaries.
struct MustacheRenderer {
    let library: MustacheLibrary
    private var stack: [Frame] = []

    init(library: MustacheLibrary) {
        self.library = library
        stack.reserveCapacity(16)
    }

    /// A context on the stack, its kind found once when pushed.
    enum Frame {
        case object([String: Any])
        case other(Any)

        var value: Any {
            switch self {
            case .object(let d): return d
            case .other(let v): return v
            }
        }
    }

    /// Everything about where rendering is that is not the context stack.
    struct Scope {
        var sequence: SequencePosition?
        var indentation: String?
        var inherited: [String: [MustacheNode]]?
        var escapes = true

        var withoutSequence: Scope {
            var s = self
            s.sequence = nil
            return s
        }
    }

    /// The position in a list being iterated, for `{{#first()}}`, `{{index()}}` and so on.
    struct SequencePosition {
        var first: Bool
        var last: Bool
        var index: Int
    }

    mutating func push(_ value: Any) { stack.append(Self.frame(value)) }

    /// A dictionary is looked into directly; anything else through `child(of:named:)`.
    static func frame(_ value: Any) -> Frame {
        if let d = value as? [String: Any] { return .object(d) }
        return .other(value)
    }

    mutating func render(_ nodes: [MustacheNode], _ scope: Scope, into out: inout String) {
        var scope = scope
        if let indentation = scope.indentation, !indentation.isEmpty {
            // A standalone partial indents every line it renders; only lines that have
            // content after a newline get the indentation, as in swift-mustache.
            var local = ""
            for i in nodes.indices {
                var piece = ""
                renderNode(nodes, i, &scope, into: &piece)
                if !piece.isEmpty, local.last == "\n" { local += indentation }
                local += piece
            }
            out += local
        } else {
            // By index, not `for node in nodes`: switching on the element in place saves
            // copying each node (and retaining its payload) before looking at it.
            for i in nodes.indices { renderNode(nodes, i, &scope, into: &out) }
        }
    }

    private mutating func renderNode(_ nodes: [MustacheNode], _ i: Int, _ scope: inout Scope, into out: inout String) {
        switch nodes[i] {
        case .text(let text):
            out += text

        case .variable(let path, let escaped):
            guard let value = lookup(path, scope) else { return }
            appendText(of: value, escaped: escaped && scope.escapes, into: &out)

        case .section(let section):
            renderSection(lookup(section.path, scope), section.nodes, scope, into: &out)

        case .invertedSection(let section):
            renderInvertedSection(lookup(section.path, scope), section.nodes, scope, into: &out)

        case .block(let name, let defaultNodes, let indentation):
            var inner = scope.withoutSequence
            if let indentation { inner.indentation = (scope.indentation ?? "") + indentation }
            render(scope.inherited?[name] ?? defaultNodes, inner, into: &out)

        case .partial(let name, let indentation, let overrides):
            guard let template = library.templates[name] else { return }
            render(template.nodes, partialScope(scope, indentation, overrides), into: &out)

        case .dynamicPartial(let path, let indentation, let overrides):
            guard let name = lookup(path, scope) as? String, let template = library.templates[name] else { return }
            render(template.nodes, partialScope(scope, indentation, overrides), into: &out)

        case .contentType(let escapes):
            scope.escapes = escapes

        case .blockDefinition:
            // Only ever inside a parent tag, where the parser turns it into an override.
            return
        }
    }

    private func partialScope(_ scope: Scope, _ indentation: String?, _ overrides: [String: [MustacheNode]]?) -> Scope {
        var inner = Scope()
        inner.indentation = indentation.map { (scope.indentation ?? "") + $0 } ?? scope.indentation
        if let overrides {
            // The outermost override of a block wins.
            inner.inherited = scope.inherited.map { $0.merging(overrides) { current, _ in current } } ?? overrides
        } else {
            inner.inherited = scope.inherited
        }
        return inner
    }

    // MARK: Sections

    private mutating func renderSection(_ value: Any?, _ nodes: [MustacheNode], _ scope: Scope, into out: inout String) {
        guard let value else { return }
        if let flag = value as? Bool {
            if flag { render(nodes, scope, into: &out) }
        } else if let list = value as? [[String: Any]] {
            forEach(list.count, nodes, scope, into: &out) { .object(list[$0]) }
        } else if let object = value as? [String: Any] {
            renderWith(.object(object), nodes, scope, into: &out)
        } else if value is String {
            renderWith(.other(value), nodes, scope, into: &out)
        } else if let list = value as? [String] {
            forEach(list.count, nodes, scope, into: &out) { .other(list[$0]) }
        } else if let list = value as? [Any] ?? Self.anySequence(value) {
            forEach(list.count, nodes, scope, into: &out) { Self.frame(list[$0]) }
        } else if !isNil(value) {
            renderWith(.other(value), nodes, scope, into: &out)
        }
    }

    /// Any other sequence (a Set, a reversed array) as an array; strings and
    /// dictionaries are not lists here.
    static func anySequence(_ value: Any) -> [Any]? {
        guard !(value is String), !(value is [String: Any]), let sequence = value as? any Sequence else { return nil }
        return elements(of: sequence)
    }

    private static func elements<S: Sequence>(of sequence: S) -> [Any] {
        sequence.map { $0 as Any }
    }

    private mutating func renderInvertedSection(_ value: Any?, _ nodes: [MustacheNode], _ scope: Scope, into out: inout String) {
        guard let value else {
            render(nodes, scope, into: &out)
            return
        }
        if let flag = value as? Bool {
            if !flag { render(nodes, scope, into: &out) }
        } else if let count = listCount(value) {
            if count == 0 { renderWith(.other(value), nodes, scope, into: &out) }
        } else if isNil(value) {
            render(nodes, scope, into: &out)
        }
    }

    private mutating func renderWith(_ frame: Frame, _ nodes: [MustacheNode], _ scope: Scope, into out: inout String) {
        stack.append(frame)
        render(nodes, scope.withoutSequence, into: &out)
        stack.removeLast()
    }

    private mutating func forEach(_ count: Int, _ nodes: [MustacheNode], _ scope: Scope, into out: inout String, frame: (Int) -> Frame) {
        var inner = scope
        for i in 0..<count {
            inner.sequence = SequencePosition(first: i == 0, last: i == count - 1, index: i)
            stack.append(frame(i))
            render(nodes, inner, into: &out)
            stack.removeLast()
        }
    }

    // MARK: Look-up

    private func lookup(_ path: MustachePath, _ scope: Scope) -> Any? {
        var value: Any?
        switch path.root {
        case .current:
            guard let top = stack.last else { return nil }
            value = Self.descend(top.value, path.names[...])
        case .sequence:
            value = scope.sequence
        case .stack:
            guard let first = path.names.first else { return stack.last?.value }
            var i = stack.count - 1
            while i >= 0 {
                let found: Any?
                switch stack[i] {
                case .object(let d): found = d[first]
                case .other(let v): found = Self.child(of: v, named: first)
                }
                if let found {
                    value = found
                    break
                }
                i -= 1
            }
            value = value.flatMap { Self.descend($0, path.names.dropFirst()) }
        }
        guard var result = value else { return nil }
        for transform in path.transforms.reversed() {
            guard let transformed = MustacheTransforms.apply(transform, to: result) else { return nil }
            result = transformed
        }
        return result
    }

    /// `a.b.c` below the context where `a` was found: no look-up in enclosing contexts.
    private static func descend(_ value: Any, _ names: ArraySlice<String>) -> Any? {
        var value = value
        for name in names {
            guard let next = child(of: value, named: name) else { return nil }
            value = next
        }
        return value
    }

    /// A named child of a context that is not a dictionary: a struct's or labelled
    /// tuple's property, found by reflection. View models are dictionaries, so this is
    /// the rare path.
    static func child(of value: Any, named name: String) -> Any? {
        if let d = value as? [String: Any] { return d[name] }
        if value is String || value is Bool || value is Int { return nil }
        if let position = value as? SequencePosition { return MustacheTransforms.apply(name, to: position) }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return child(of: wrapped, named: name)
        }
        guard let match = mirror.children.first(where: { $0.label == name })?.value else { return nil }
        return unwrapped(match)
    }

    // MARK: Values

    private func appendText(of value: Any, escaped: Bool, into out: inout String) {
        if let text = value as? String {
            if escaped { appendHTMLEscaped(text, to: &out) } else { out += text }
            return
        }
        if let number = value as? Int {
            out += String(number)
            return
        }
        guard let value = Self.unwrapped(value) else { return }
        let text = String(describing: value)
        if escaped { appendHTMLEscaped(text, to: &out) } else { out += text }
    }

    /// The element count when `value` is a list.
    private func listCount(_ value: Any) -> Int? {
        if let list = value as? [[String: Any]] { return list.count }
        if let list = value as? [String] { return list.count }
        if let list = value as? [Any] { return list.count }
        return Self.anySequence(value)?.count
    }

    private func isNil(_ value: Any) -> Bool {
        Self.unwrapped(value) == nil
    }

    /// `value` without any Optional around it; nil for a nil Optional in an `Any`.
    static func unwrapped(_ value: Any) -> Any? {
        guard let optional = value as? any OptionalValue else { return value }
        return optional.wrappedAny
    }
}

protocol OptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedAny: Any? {
        switch self {
        case .some(let wrapped): return MustacheRenderer.unwrapped(wrapped)
        case .none: return nil
        }
    }
}
