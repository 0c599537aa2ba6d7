/// Levenshtein distance over characters, used to suggest what a user probably meant.
public func editDistance(_ a: String, _ b: String) -> Int {
    editDistance(Array(a), Array(b))
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// Up to `limit` candidates close to `word`, nearest first; ties in Swedish order.
/// Comparison ignores case and diacritics. `maxDistance` defaults to a third of the word.
public func closestMatches(to word: String, in candidates: [String], limit: Int = 3, maxDistance: Int? = nil) -> [String] {
    MatchCandidates(candidates).closest(to: word, limit: limit, maxDistance: maxDistance)
}

/// Candidates for `closestMatches`, folded once: a caller that asks about many words
/// (every unlisted participant name against organizations.yml) would otherwise fold
/// every candidate again for each word.
public struct MatchCandidates: Sendable {
    private let originals: [String]
    private let folded: [[Character]]

    public init(_ candidates: [String]) {
        var seen = Set<String>()
        var originals: [String] = []
        for c in candidates where seen.insert(c).inserted { originals.append(c) }
        self.originals = originals
        folded = originals.map { Array($0.foldedForMatching) }
    }

    public func closest(to word: String, limit: Int = 3, maxDistance: Int? = nil) -> [String] {
        let foldedWord = word.foldedForMatching
        let w = Array(foldedWord)
        let allowed = maxDistance ?? Swift.max(2, w.count / 3)
        var scored: [(String, Int)] = []
        for (candidate, c) in zip(originals, folded) {
            // A prefix or containment is a strong hint ("samverkn" → "samverkan").
            let prefix = Swift.min(c.count, w.count) >= 4 && (c.starts(with: w) || w.starts(with: c))
            if prefix { scored.append((candidate, Swift.min(allowed, editDistance(w, c)))); continue }
            // The distance is at least the difference in length.
            if abs(c.count - w.count) > allowed { continue }
            let d = editDistance(w, c)
            if d <= allowed { scored.append((candidate, d)) }
        }
        let sorted = scored.sorted {
            if $0.1 != $1.1 { return $0.1 < $1.1 }
            return SwedishCollation.less($0.0, $1.0)
        }
        return Array(sorted.prefix(limit).map(\.0))
    }
}

/// "'a', 'b' or 'c'" for messages.
public func quotedAlternatives(_ words: [String], conjunction: String = "or") -> String {
    let q = words.map { "'\($0)'" }
    switch q.count {
    case 0: return ""
    case 1: return q[0]
    default: return q.dropLast().joined(separator: ", ") + " \(conjunction) " + q[q.count - 1]
    }
}
