// Derived from swift-mustache's Template+Parser.swift (Copyright (c) the Hummingbird
// authors, Apache-2.0), so that templates written for swift-mustache parse the same way:
// the same standalone-line and indentation rules, the same transforms syntax. Changed:
// it builds `MustacheNode`s with names split once, and errors carry line and column.

/// A template that does not parse, with where (line and column from 1).
public struct MustacheParseError: Error, Sendable {
    public enum Reason: Error, Sendable {
        case sectionCloseNameIncorrect, unfinishedName, expectedSectionEnd, invalidSetDelimiter
        case transformAppliedToInheritanceSection, illegalTokenInsideInheritSection
        case invalidConfigVariableSyntax, unrecognisedConfigVariable
    }

    public let reason: Reason
    public let line: Int
    public let column: Int
}

extension MustacheTemplate {
    public init(string: String) throws(MustacheParseError) {
        var scanner = MustacheScanner(string)
        do {
            nodes = try MustacheParser.parse(&scanner, state: .init())
        } catch let reason as MustacheParseError.Reason {
            let (line, column) = scanner.location()
            throw MustacheParseError(reason: reason, line: line, column: column)
        } catch {
            let (line, column) = scanner.location()
            throw MustacheParseError(reason: .unfinishedName, line: line, column: column)
        }
    }
}

enum MustacheParser {
    typealias Reason = MustacheParseError.Reason

    struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter = "{{"
        var endDelimiter = "}}"
        var partialDefinitionIndent: Substring?

        func withSectionName(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var next = self
            next.sectionName = name
            next.sectionTransforms = transforms
            next.isPartialDefinitionTopLevel = false
            if !newLine { next.newLine = false }
            return next
        }

        func withInheritancePartial(_ name: String) -> State {
            var next = self
            next.sectionName = name
            next.sectionTransforms = []
            next.newLine = true
            next.isPartialDefinition = true
            next.isPartialDefinitionTopLevel = true
            return next
        }

        func withDelimiters(start: String, end: String) -> State {
            var next = self
            next.startDelimiter = start
            next.endDelimiter = end
            next.isPartialDefinitionTopLevel = false
            return next
        }
    }

    /// Parses up to the end of the text, or of the section `state` is in.
    static func parse(_ parser: inout MustacheScanner, state: State) throws -> [MustacheNode] {
        var nodes: [MustacheNode] = []
        var state = state
        var whiteSpaceBefore: Substring = ""
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                nodes.append(.text(String(whiteSpaceBefore)))
                whiteSpaceBefore = ""
            }
        }
        while !parser.reachedEnd() {
            if state.newLine {
                let whiteSpace = parser.read(while: Set(" \t"))
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = whiteSpace.dropFirst(indent.count)
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline(&parser, state: state)
            if parser.current().isNewline {
                nodes.append(.text(String(whiteSpaceBefore) + text + String(parser.current())))
                state.newLine = true
                parser.advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(String(whiteSpaceBefore) + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if parser.reachedEnd() { break }
            var setNewLine = false
            switch parser.current() {
            case "#", "^":
                let inverted = parser.current() == "^"
                parser.advance()
                let (name, transforms) = try parseName(&parser, state: state)
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                let inner = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine, transforms: transforms))
                let path = MustachePath(name, transforms: transforms)
                nodes.append(inverted ? .invertedSection(MustacheSection(path, inner)) : .section(MustacheSection(path, inner)))

            case "/":
                parser.advance()
                let position = parser.position
                let (name, transforms) = try parseName(&parser, state: state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    parser.setPosition(position)
                    throw Reason.sectionCloseNameIncorrect
                }
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                return nodes

            case "!":
                parser.advance()
                _ = try parser.skip(past: state.endDelimiter)
                setNewLine = isStandalone(&parser, state: state)

            case "{":
                flushWhiteSpace()
                parser.advance()
                let (name, transforms) = try parseName(&parser, state: state)
                guard try parser.read("}") else { throw Reason.unfinishedName }
                nodes.append(.variable(MustachePath(name, transforms: transforms), escaped: false))

            case "&":
                flushWhiteSpace()
                parser.advance()
                let (name, transforms) = try parseName(&parser, state: state)
                nodes.append(.variable(MustachePath(name, transforms: transforms), escaped: false))

            case ">":
                parser.advance()
                parser.read(while: \.isWhitespace)
                var dynamic = false
                if parser.current() == "*" {
                    parser.advance()
                    dynamic = true
                }
                let name = try parsePartialName(&parser, state: state)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(String(whiteSpaceBefore))) }
                let indentation: String?
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                    indentation = String(whiteSpaceBefore)
                } else {
                    indentation = nil
                }
                nodes.append(dynamic
                    ? .dynamicPartial(MustachePath(name, transforms: []), indentation: indentation, overrides: nil)
                    : .partial(name: name, indentation: indentation, overrides: nil))
                whiteSpaceBefore = ""

            case "<":
                parser.advance()
                parser.read(while: \.isWhitespace)
                let sectionName = try parsePartialName(&parser, state: state)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(String(whiteSpaceBefore))) }
                if isStandalone(&parser, state: state) { setNewLine = true }
                let inner = try parse(&parser, state: state.withInheritancePartial(sectionName))
                var overrides: [String: [MustacheNode]] = [:]
                for node in inner {
                    switch node {
                    case .blockDefinition(let name, let nodes): overrides[name] = nodes
                    case .text: break
                    default: throw Reason.illegalTokenInsideInheritSection
                    }
                }
                if sectionName.first == "*" {
                    nodes.append(.dynamicPartial(MustachePath(String(sectionName.dropFirst()), transforms: []),
                                                 indentation: String(whiteSpaceBefore), overrides: overrides))
                } else {
                    nodes.append(.partial(name: sectionName, indentation: String(whiteSpaceBefore), overrides: overrides))
                }
                whiteSpaceBefore = ""

            case "$":
                parser.advance()
                let (name, transforms) = try parseName(&parser, state: state)
                guard transforms.isEmpty else { throw Reason.transformAppliedToInheritanceSection }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(&parser, state: state) { setNewLine = true }
                    let inner = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name: name, inner))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(String(whiteSpaceBefore))) }
                    if isStandalone(&parser, state: state) { setNewLine = true }
                    let inner = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.block(name: name, defaultNodes: inner, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }

            case "=":
                parser.advance()
                state = try setDelimiter(&parser, state: state)
                setNewLine = isStandalone(&parser, state: state)

            case "%":
                parser.advance()
                nodes.append(try readConfigVariable(&parser, state: state))
                setNewLine = isStandalone(&parser, state: state)

            default:
                flushWhiteSpace()
                let (name, transforms) = try parseName(&parser, state: state)
                nodes.append(.variable(MustachePath(name, transforms: transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Reason.expectedSectionEnd }
        return nodes
    }

    /// Reads up to the start delimiter of the next tag (consumed) or the next newline.
    static func readUntilDelimiterOrNewline(_ parser: inout MustacheScanner, state: State) throws -> String {
        guard let delimiterFirst = state.startDelimiter.first else { return "" }
        let stops: Set<Character> = ["\n", "\r\n", delimiterFirst]
        var total = ""
        while !parser.reachedEnd() {
            total += try parser.read(until: stops, throwOnOverflow: false)
            if parser.current().isNewline {
                break
            } else if parser.current() == delimiterFirst {
                if try parser.read(string: state.startDelimiter) { break }
                total.append(delimiterFirst)
                parser.advance()
            }
        }
        return total
    }

    /// A variable or section name, with its transforms: `empty(tags)` → ("tags", ["empty"]).
    static func parseName(_ parser: inout MustacheScanner, state: State) throws -> (String, [String]) {
        parser.read(while: \.isWhitespace)
        let text = String(parser.read(while: sectionNameChars))
        parser.read(while: \.isWhitespace)
        guard try parser.read(string: state.endDelimiter) else { throw Reason.unfinishedName }

        var name = MustacheScanner(text)
        let first = name.read(while: sectionNameCharsWithoutBrackets)
        if name.reachedEnd() { return (text, []) }
        guard name.current() == "(" else { throw Reason.unfinishedName }
        name.advance()
        var transforms = [String(first)]
        while true {
            let part = name.read(while: sectionNameCharsWithoutBrackets)
            switch name.current() {
            case ")":
                name.advance()
                guard name.read(while: ")") + 1 == transforms.count, name.reachedEnd() else { throw Reason.unfinishedName }
                return (String(part), transforms)
            case "(":
                name.advance()
                transforms.append(String(part))
            default:
                throw Reason.unfinishedName
            }
        }
    }

    static func parsePartialName(_ parser: inout MustacheScanner, state: State) throws -> String {
        parser.read(while: \.isWhitespace)
        let text = String(parser.read(while: partialNameChars))
        parser.read(while: \.isWhitespace)
        guard try parser.read(string: state.endDelimiter) else { throw Reason.unfinishedName }
        return text
    }

    static func setDelimiter(_ parser: inout MustacheScanner, state: State) throws -> State {
        let start: Substring, end: Substring
        do {
            parser.read(while: \.isWhitespace)
            start = try parser.read(until: { $0.isWhitespace })
            parser.read(while: \.isWhitespace)
            end = try parser.read(until: { $0 == "=" || $0.isWhitespace })
            parser.read(while: \.isWhitespace)
        } catch {
            throw Reason.invalidSetDelimiter
        }
        guard try parser.read("=") else { throw Reason.invalidSetDelimiter }
        guard try parser.read(string: state.endDelimiter) else { throw Reason.invalidSetDelimiter }
        guard !start.isEmpty, !end.isEmpty else { throw Reason.invalidSetDelimiter }
        return state.withDelimiters(start: String(start), end: String(end))
    }

    /// `{{% CONTENT_TYPE: HTML }}` or `TEXT`, the only pragma.
    static func readConfigVariable(_ parser: inout MustacheScanner, state: State) throws -> MustacheNode {
        parser.read(while: \.isWhitespace)
        let variable = parser.read(while: sectionNameCharsWithoutBrackets)
        parser.read(while: \.isWhitespace)
        guard (try? parser.read(":")) == true else { throw Reason.invalidConfigVariableSyntax }
        parser.read(while: \.isWhitespace)
        let value = parser.read(while: sectionNameCharsWithoutBrackets)
        parser.read(while: \.isWhitespace)
        guard (try? parser.read(string: state.endDelimiter)) == true else { throw Reason.invalidConfigVariableSyntax }
        guard !variable.isEmpty, !value.isEmpty else { throw Reason.invalidConfigVariableSyntax }
        switch (variable, value) {
        case ("CONTENT_TYPE", "HTML"): return .contentType(escapes: true)
        case ("CONTENT_TYPE", "TEXT"): return .contentType(escapes: false)
        default: throw Reason.unrecognisedConfigVariable
        }
    }

    /// Whether the rest of the line is blank; if so it is consumed with its newline.
    static func hasLineFinished(_ parser: inout MustacheScanner) -> Bool {
        if parser.reachedEnd() { return true }
        var ahead = parser
        ahead.read(while: Set(" \t"))
        if ahead.current().isNewline {
            ahead.advance()
            parser.setPosition(ahead.position)
            return true
        }
        return false
    }

    static func isStandalone(_ parser: inout MustacheScanner, state: State) -> Bool {
        state.newLine && hasLineFinished(&parser)
    }

    static let sectionNameCharsWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    static let sectionNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let partialNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
