/// Levenshtein distance over characters, used to suggest what a user probably meant.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
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
    let folded = word.foldedForMatching
    let allowed = maxDistance ?? Swift.max(2, folded.count / 3)
    var scored: [(String, Int)] = []
    for candidate in Set(candidates) {
        let c = candidate.foldedForMatching
        var d = editDistance(folded, c)
        // A prefix or containment is a strong hint ("samverkn" → "samverkan").
        if d > allowed && (c.hasPrefix(folded) || folded.hasPrefix(c)) && Swift.min(c.count, folded.count) >= 4 {
            d = allowed
        }
        if d <= allowed { scored.append((candidate, d)) }
    }
    let sorted = scored.sorted {
        if $0.1 != $1.1 { return $0.1 < $1.1 }
        return SwedishCollation.less($0.0, $1.0)
    }
    return Array(sorted.prefix(limit).map(\.0))
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
