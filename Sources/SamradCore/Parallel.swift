import Dispatch

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

/// `body` for every item, on all cores.
public func parallelForEach<T: Sendable>(_ items: [T], _ body: @Sendable (T) -> Void) {
    if items.count < 2 { items.forEach(body); return }
    DispatchQueue.concurrentPerform(iterations: items.count) { body(items[$0]) }
}
