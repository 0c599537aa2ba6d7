import Foundation

/// A value behind a lock, for state shared between threads: the preview server's tasks
/// and watcher, or the render threads of a build. Critical sections are short and never
/// await.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    public var current: Value { withLock { $0 } }
}

/// A value per key, made once by whichever thread asks first; made outside the lock, so
/// two threads may both make one for the same key, and the first stored wins.
///
/// `value(_:make:)` is inlinable so that each module specialises it for its own keys: a
/// memo asked tens of thousands of times a build (idea cards by post-it) otherwise hashed
/// and compared its keys through generic witness tables.
public final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    @usableFromInline let lock = NSLock()
    @usableFromInline var values: [Key: Value] = [:]
    @usableFromInline let limit: Int

    /// - Parameter limit: past this many values the memo starts afresh, for memos that
    ///   live as long as a preview server does.
    public init(limit: Int = .max) { self.limit = limit }

    @inlinable
    public func value(_ key: Key, make: () -> Value) -> Value {
        lock.lock()
        if let hit = values[key] { lock.unlock(); return hit }
        lock.unlock()
        let made = make()
        lock.lock()
        defer { lock.unlock() }
        if let first = values[key] { return first }
        if values.count >= limit { values.removeAll(keepingCapacity: true) }
        values[key] = made
        return made
    }
}
