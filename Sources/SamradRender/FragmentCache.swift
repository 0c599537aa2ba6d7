import Foundation
import SamradCore

/// HTML fragments that appear on many pages (a meeting's card, an idea's card), rendered
/// once per build through their partial and then reused: the idea bank, the per-theme
/// lists and the theme pages show the same cards, and at thousands of meetings rendering
/// them again for every page was most of the build.
final class FragmentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var fragments: [String: String] = [:]

    func fragment(_ key: String, make: () -> String) -> String {
        lock.lock()
        if let hit = fragments[key] { lock.unlock(); return hit }
        lock.unlock()
        let made = make()
        lock.lock()
        fragments[key] = made
        lock.unlock()
        return made
    }
}

extension FragmentCache {
    /// `Slug.make(text)`, remembered: every idea card needs the slug of its category, and
    /// there are a few hundred categories for tens of thousands of cards.
    func slug(_ text: String) -> String {
        fragment("slug\u{0}" + text) { Slug.make(text) }
    }
}
