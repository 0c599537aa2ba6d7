import Testing
import SamradCore

/// "Did you mean" suggestions: nearest first, ignoring case and diacritics.
@Suite("core: close matches")
struct CoreMatchingTests {
    @Test func nearestFirstWithPrefixesAsStrongHints() {
        let words = ["samverkan", "styrning", "tillit", "ungdomar", "äldre"]
        #expect(closestMatches(to: "samverkn", in: words, limit: 1) == ["samverkan"])
        #expect(closestMatches(to: "tilit", in: words) == ["tillit"])
        #expect(closestMatches(to: "ALDRE", in: words) == ["äldre"])
        // A prefix counts even when the distance is larger than allowed.
        #expect(closestMatches(to: "ungdom", in: words, maxDistance: 1) == ["ungdomar"])
        // Far longer or shorter words are not suggested.
        #expect(closestMatches(to: "föreningslivets samråd", in: words, maxDistance: 3).isEmpty)
    }

    @Test func preparedCandidatesAnswerLikeTheOneOffFunction() {
        let words = ["Polismyndigheten", "Polisen", "Rädda Barnen", "Brå", "Brottsförebyggande rådet"]
        let prepared = MatchCandidates(words)
        for word in ["Polsen", "radda barn", "BRA", "Brottsforebyggande radet", "x"] {
            #expect(prepared.closest(to: word) == closestMatches(to: word, in: words), "\(word)")
        }
        #expect(prepared.closest(to: "Polsen", maxDistance: 2) == ["Polisen"])
    }
}
