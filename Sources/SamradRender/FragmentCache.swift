import Foundation
import SamradAggregate
import SamradCore

/// HTML fragments that appear on many pages (a meeting's card, an idea's card), rendered
/// once per build through their partial and then reused: the idea bank, the per-theme
/// lists and the theme pages show the same cards, and at thousands of meetings rendering
/// them again for every page was most of the build.
final class FragmentCache: @unchecked Sendable {
    let meetingFacts = Memo<Int, MeetingFacts>()
    /// Card view models of meetings, listed on every theme page they belong to.
    let meetingCards = Memo<Int, [String: Any]>()
    /// Idea cards by post-it: keyed by its four indexes, not a formatted string.
    let ideaCards = Memo<PostItRef, String>()
    /// Tag link view models by the theme slugs they were made from.
    let tagLists = Memo<[String], [[String: Any]]>()
    private let fragments = Memo<String, String>()

    func fragment(_ key: String, make: () -> String) -> String {
        fragments.value(key, make: make)
    }
}

extension FragmentCache {
    /// `Slug.make(text)`, remembered: every idea card needs the slug of its category, and
    /// there are a few hundred categories for tens of thousands of cards.
    func slug(_ text: String) -> String {
        fragment("slug\u{0}" + text) { Slug.make(text) }
    }
}

/// What an idea card shows of its meeting, worked out once per meeting: tens of thousands
/// of cards each copied their whole meeting out of the index to read five fields.
final class MeetingFacts: Sendable {
    let title: String, slug: String, url: String, dateText: String, isoDate: String
    let year: Int

    init(title: String, slug: String, url: String, dateText: String, isoDate: String, year: Int) {
        (self.title, self.slug, self.url, self.dateText, self.isoDate, self.year) = (title, slug, url, dateText, isoDate, year)
    }
}

/// A value per key, made once by whichever thread asks first.
final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    func value(_ key: Key, make: () -> Value) -> Value {
        lock.lock()
        if let hit = values[key] { lock.unlock(); return hit }
        lock.unlock()
        let made = make()
        lock.lock()
        values[key] = made
        lock.unlock()
        return made
    }
}
