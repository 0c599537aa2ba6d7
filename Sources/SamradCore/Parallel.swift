import Dispatch
import Foundation

/// Maps over an array on all cores, keeping order. Each item is independent work
/// (a meeting to parse, a page to render); results come back in input order so the
/// output stays deterministic.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let buffer = ResultBuffer<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
        buffer.set(i, transform(items[i]))
    }
    return buffer.values()
}

/// Slots written by exactly one iteration each and read only after all have finished,
/// in raw memory so that concurrent writes to different slots never touch shared state.
private final class ResultBuffer<R>: @unchecked Sendable {
    private let pointer: UnsafeMutablePointer<R?>
    private let count: Int

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: nil, count: count)
    }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }

    func set(_ i: Int, _ value: R) { pointer[i] = value }

    func values() -> [R] { (0..<count).compactMap { pointer[$0] } }
}

/// `body` for every item, on all cores, or on `workers` threads (at least one) when
/// given. Items are started in order; each thread takes the next one when it is done.
public func parallelForEach<T: Sendable>(_ items: [T], workers: Int? = nil, _ body: @Sendable (T) -> Void) {
    if items.count < 2 { items.forEach(body); return }
    guard let workers, workers < ProcessInfo.processInfo.activeProcessorCount else {
        DispatchQueue.concurrentPerform(iterations: items.count) { body(items[$0]) }
        return
    }
    if workers <= 1 { items.forEach(body); return }
    let next = NextIndex()
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let i = next.take(below: items.count) { body(items[i]) }
    }
}

/// The next item to start, shared by the threads of `parallelForEach(_:workers:_:)`.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < count else { return nil }
        value += 1
        return value - 1
    }
}
