// Derived from swift-mustache's Parser.swift (Copyright (c) the Hummingbird authors,
// Apache-2.0). Changed: trimmed to what the template parser uses, no force tries.

/// A cursor over template text, one Character at a time. Templates are parsed once per
/// build, so clarity wins over speed here.
struct MustacheScanner {
    enum Error: Swift.Error { case overflow }

    let buffer: String
    private(set) var position: String.Index

    init(_ string: String) {
        buffer = string
        position = string.startIndex
    }

    func reachedEnd() -> Bool { position == buffer.endIndex }
    func atStart() -> Bool { position == buffer.startIndex }

    func current() -> Character {
        reachedEnd() ? "\0" : buffer[position]
    }

    mutating func advance() { position = buffer.index(after: position) }
    mutating func retreat() { position = buffer.index(before: position) }
    mutating func setPosition(_ index: String.Index) { position = index }

    mutating func character() throws -> Character {
        guard !reachedEnd() else { throw Error.overflow }
        let c = buffer[position]
        advance()
        return c
    }

    mutating func read(_ char: Character) throws -> Bool {
        let c = try character()
        guard c == char else {
            retreat()
            return false
        }
        return true
    }

    mutating func read(string: String) throws -> Bool {
        guard !string.isEmpty else { return true }
        guard buffer.distance(from: position, to: buffer.endIndex) >= string.count else { throw Error.overflow }
        let end = buffer.index(position, offsetBy: string.count)
        guard buffer[position..<end] == string else { return false }
        position = end
        return true
    }

    mutating func read(until index: String.Index) -> Substring {
        let text = buffer[position..<index]
        position = index
        return text
    }

    mutating func read(until characters: Set<Character>, throwOnOverflow: Bool) throws -> Substring {
        let start = position
        while !reachedEnd() {
            if characters.contains(buffer[position]) { return buffer[start..<position] }
            advance()
        }
        if throwOnOverflow {
            position = start
            throw Error.overflow
        }
        return buffer[start..<position]
    }

    mutating func read(until stop: (Character) -> Bool) throws -> Substring {
        let start = position
        while !reachedEnd() {
            if stop(buffer[position]) { return buffer[start..<position] }
            advance()
        }
        position = start
        throw Error.overflow
    }

    /// Reads past `untilString`; returns the text before it.
    mutating func skip(past untilString: String) throws -> Substring {
        guard let first = untilString.first else { return "" }
        let start = position
        var found = position
        var untilIndex = untilString.startIndex
        while !reachedEnd() {
            if buffer[position] == untilString[untilIndex] {
                if untilIndex == untilString.startIndex { found = position }
                untilIndex = untilString.index(after: untilIndex)
                if untilIndex == untilString.endIndex {
                    advance()
                    return buffer[start..<found]
                }
            } else {
                untilIndex = untilString.startIndex
                // A partial match may hide the start of the real one ("}}}" for "}}").
                if buffer[position] == first {
                    found = position
                    untilIndex = untilString.index(after: untilString.startIndex)
                    if untilIndex == untilString.endIndex {
                        advance()
                        return buffer[start..<found]
                    }
                }
            }
            advance()
        }
        position = start
        throw Error.overflow
    }

    @discardableResult mutating func read(while char: Character) -> Int {
        var count = 0
        while !reachedEnd(), buffer[position] == char {
            advance()
            count += 1
        }
        return count
    }

    @discardableResult mutating func read(while predicate: (Character) -> Bool) -> Substring {
        let start = position
        while !reachedEnd(), predicate(buffer[position]) { advance() }
        return buffer[start..<position]
    }

    @discardableResult mutating func read(while characters: Set<Character>) -> Substring {
        let start = position
        while !reachedEnd(), characters.contains(buffer[position]) { advance() }
        return buffer[start..<position]
    }

    /// Line and column (both from 1) of the current position.
    func location() -> (line: Int, column: Int) {
        var scanner = self
        var column = 0
        while !scanner.atStart() {
            scanner.retreat()
            if scanner.current() == "\n" { break }
            column += 1
        }
        let line = buffer[buffer.startIndex..<position].filter(\.isNewline).count
        return (line + 1, column + 1)
    }
}
