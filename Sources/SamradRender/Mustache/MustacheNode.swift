/// A compiled Mustache template: a tree of nodes whose names are split into their dotted
/// parts once, at compile time, so rendering never parses or splits anything.
public struct MustacheTemplate: Sendable {
    let nodes: [MustacheNode]
}

/// What a tag refers to: `name`, `a.b.c`, `.` (the current item), `.a` (only the current
/// item, no look-up in enclosing contexts), or `first()`-style transforms of the position
/// in a list. A class, so that a node hands it to the renderer with one retain.
final class MustachePath: Sendable {
    enum Root: Sendable, Equatable {
        /// Look `names[0]` up from the innermost context outwards.
        case stack
        /// `.` and `.name`: the innermost context only.
        case current
        /// `index()` and friends: the position in the list being iterated.
        case sequence
    }

    let root: Root
    let names: [String]
    /// Outermost first as written (`empty(tags)` → ["empty"]); applied innermost first.
    let transforms: [String]

    init(_ name: String, transforms: [String]) {
        self.transforms = transforms
        if name == "." {
            root = .current
            names = []
        } else if name.isEmpty && !transforms.isEmpty {
            root = .sequence
            names = []
        } else if name.first == "." {
            root = .current
            names = name.split(separator: ".").map(String.init)
        } else {
            root = .stack
            names = name.split(separator: ".").map(String.init)
        }
    }
}

enum MustacheNode: Sendable {
    case text(String)
    case variable(MustachePath, escaped: Bool)
    case section(MustacheSection)
    case invertedSection(MustacheSection)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: an override of the parent's block.
    case blockDefinition(name: String, [MustacheNode])
    /// `{{$name}}default{{/name}}` in a template that others may extend.
    case block(name: String, defaultNodes: [MustacheNode], indentation: String?)
    case partial(name: String, indentation: String?, overrides: [String: [MustacheNode]]?)
    case dynamicPartial(MustachePath, indentation: String?, overrides: [String: [MustacheNode]]?)
    /// `{{% CONTENT_TYPE: TEXT }}` turns escaping off for the rest of the template.
    case contentType(escapes: Bool)
}

/// A section's name and body, in one object for the same reason as `MustachePath`.
final class MustacheSection: Sendable {
    let path: MustachePath
    let nodes: [MustacheNode]

    init(_ path: MustachePath, _ nodes: [MustacheNode]) {
        self.path = path
        self.nodes = nodes
    }
}
