import SamradCore
import Yams

/// YAML read into nodes that remember their line, so every message can point at the
/// field the user must fix.
public struct YAMLReader: Sendable {
    public var file: String
    /// Lines in the file before the YAML text (1 for front matter after `---`).
    public var lineOffset: Int

    public init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    public func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: lineOffset + 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Only booleans and null need a resolved tag here (numbers, dates and text are read
    /// from the scalar's text). Yams' default resolver tries seven regular expressions on
    /// every scalar, which made front matter a fifth of parsing.
    static let resolver = Resolver.basic.appending(.bool).appending(.null)

    /// Parses YAML text; a syntax error becomes one diagnostic at its line. Aliases
    /// (`*name`, repeating what `&name` marked) are refused: a few bytes of them can
    /// stand for gigabytes of text once read, and front matter never needs them.
    public func compose(_ yaml: String, _ diagnostics: inout Diagnostics) -> Node? {
        do {
            // The encoding is given: Yams' default reads the whole process environment
            // on every call to look for an override.
            let parser = try Parser(yaml: yaml, resolver: Self.resolver, constructor: .default, encoding: .utf8)
            let root = try parser.singleRoot()
            // Every alias starts with '*'; most files have none and skip the walk. The
            // parser owns the anchors, so it must live while the nodes are looked at.
            if let root, yaml.containsByte(UInt8(ascii: "*")) {
                let repeated = withExtendedLifetime(parser) { Self.firstRepeatedAnchor(root) }
                if let repeated {
                    diagnostics.error(key: "diag_yaml_alias", ["anchor": repeated.anchor.rawValue], at: location(repeated.node))
                    return nil
                }
            }
            if let root, yaml.containsByte(UInt8(ascii: "#")) { checkCutComments(root, yaml: yaml, &diagnostics) }
            return root
        } catch let error as YamlError {
            // YAML's own message about a tab ("found character that cannot start any
            // token") does not say what to fix; a tab in the indentation is the usual cause.
            if let tab = firstIndentingTab(yaml) {
                diagnostics.error(key: "diag_yaml_tab", at: tab)
            } else {
                diagnostics.append(describe(error))
            }
        } catch {
            diagnostics.error(key: "diag_yaml_unreadable", ["reason": "\(error)"], at: SourceLocation(file: file, line: lineOffset + 1))
        }
        return nil
    }

    /// The first node met a second time through an alias. The walk stops there, so it
    /// is linear in the file even when aliases nest ("billion laughs").
    static func firstRepeatedAnchor(_ root: Node) -> (anchor: Anchor, node: Node)? {
        var seen = Set<ObjectIdentifier>()
        var stack = [root]
        while let node = stack.popLast() {
            if let anchor = node.anchor, !seen.insert(ObjectIdentifier(anchor)).inserted { return (anchor, node) }
            switch node {
            case .mapping(let mapping):
                for pair in mapping { stack.append(pair.value); stack.append(pair.key) }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence.reversed())
            case .scalar, .alias:
                break
            }
        }
        return nil
    }

    /// The first line whose indentation holds a tab, at the tab.
    func firstIndentingTab(_ yaml: String) -> SourceLocation? {
        for (n, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var column = 1
            for ch in line.unicodeScalars {
                if ch == "\t" { return SourceLocation(file: file, line: n + 1 + lineOffset, column: column) }
                if ch != " " && ch != "-" { break }
                column += 1
            }
        }
        return nil
    }

    /// An unquoted value followed by ` #word` on its line: YAML takes `#word` and the rest
    /// of the line as a comment, so `title: Dialogmöte #2 om samverkan` becomes
    /// "Dialogmöte". samrad's own `#tag` syntax invites exactly this, so it is an error
    /// with the fix. A comment written as a comment (`# …`, with a space) is left alone.
    func checkCutComments(_ root: Node, yaml: String, _ diagnostics: inout Diagnostics) {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            switch node {
            case .mapping(let m): for pair in m { stack.append(pair.value) }
            case .sequence(let seq): stack.append(contentsOf: seq)
            case .alias: break
            case .scalar(let scalar):
                guard scalar.style == .plain, let mark = scalar.mark, mark.line >= 1, mark.line <= lines.count else { continue }
                let line = lines[mark.line - 1].unicodeScalars
                guard mark.column - 1 <= line.count else { continue }
                let from = line.index(line.startIndex, offsetBy: mark.column - 1)
                let rest = String(line[from...])
                guard !scalar.string.isEmpty, rest.hasPrefix(scalar.string) else { continue }
                let after = rest.dropFirst(scalar.string.count)
                let spaces = after.prefix { $0 == " " || $0 == "\t" }
                let comment = after.dropFirst(spaces.count)
                guard !spaces.isEmpty, comment.hasPrefix("#"), let next = comment.dropFirst().first, next != " ", next != "\t" else { continue }
                let whole = scalar.string + spaces + comment
                diagnostics.error(key: "diag_yaml_cut_comment", ["comment": String(comment).trimmed, "kept": scalar.string, "whole": whole.trimmed],
                                  at: location(node))
            }
        }
    }

    private func describe(_ error: YamlError) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // The problem is libyaml's own English text, a value in the message.
            var problemText = problem
            if let context { problemText += " \(context.text)" }
            return .error(key: "diag_yaml_malformed", ["problem": problemText, "hint_key": yamlHintKey(problem)], at: at(mark))
        case .reader(let problem, _, _, _):
            return .error(key: "diag_yaml_malformed", ["problem": problem, "hint_key": "diag_nothing"], at: SourceLocation(file: file, line: lineOffset + 1))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(key: "diag_yaml_duplicate_field", ["fields": duplicates.joined(separator: ", ")], at: at(context.mark))
        default:
            return .error(key: "diag_yaml_malformed", ["problem": "\(error)", "hint_key": "diag_nothing"], at: SourceLocation(file: file, line: lineOffset + 1))
        }
    }

    /// The catalogue key of a hint for libyaml's `problem` (`diag_nothing` for none).
    private func yamlHintKey(_ problem: String) -> String {
        if problem.contains("mapping values are not allowed") { return "diag_yaml_hint_quote" }
        if problem.contains("could not find expected ':'") { return "diag_yaml_hint_field" }
        if problem.contains("tab") { return "diag_yaml_hint_tab" }
        return "diag_nothing"
    }

    // MARK: - Typed access

    /// Fields of a mapping in file order with their key nodes.
    public func fields(_ node: Node) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else { return [] }
        return mapping.compactMap { pair in
            guard let key = pair.key.string else { return nil }
            return (key, pair.key, pair.value)
        }
    }

    public func text(_ node: Node, field: String, _ diagnostics: inout Diagnostics) -> String? {
        switch node {
        case .scalar(let scalar):
            if scalar.tag.description == Tag.Name.null.rawValue || (scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)) {
                return nil
            }
            return scalar.string
        default:
            diagnostics.error(key: "diag_field_not_text", ["field": field, "kind_key": kindKey(node)], at: location(node))
            return nil
        }
    }

    public func bool(_ node: Node, field: String, _ diagnostics: inout Diagnostics) -> Bool? {
        if let b = node.bool, case .scalar = node { return b }
        diagnostics.error(key: "diag_field_not_bool", ["field": field], at: location(node))
        return nil
    }

    /// A list of text items; a single line of text is refused with a hint to make it a list.
    public func textList(_ node: Node, field: String, _ diagnostics: inout Diagnostics) -> [(String, SourceLocation)] {
        switch node {
        case .sequence(let seq):
            var out: [(String, SourceLocation)] = []
            for item in seq {
                if case .scalar(let s) = item, !s.string.trimmed.isEmpty {
                    out.append((s.string.trimmed, location(item)))
                } else if case .scalar = item {
                    continue
                } else {
                    diagnostics.error(key: "diag_field_item_not_text", ["field": field, "kind_key": kindKey(item)], at: location(item))
                }
            }
            return out
        case .scalar(let s) where s.string.isEmpty || s.string == "~" || s.string == "null":
            return []
        default:
            diagnostics.error(key: "diag_field_not_list", ["field": field].merging(found(node)) { a, _ in a }, at: location(node))
            return []
        }
    }

    /// The catalogue key naming what `node` is ("a list"), for a message's `kind_key`.
    public func kindKey(_ node: Node) -> String {
        switch node {
        case .scalar: return "diag_kind_scalar"
        case .mapping: return "diag_kind_mapping"
        case .sequence: return "diag_kind_list"
        case .alias: return "diag_kind_alias"
        }
    }

    /// The `found` value of a message: the text as written, or what the node is.
    private func found(_ node: Node) -> [String: String] {
        if case .scalar(let s) = node { return ["found": "'\(s.string)'"] }
        return ["found_key": kindKey(node)]
    }
}
