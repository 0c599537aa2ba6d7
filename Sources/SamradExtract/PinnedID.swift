import Foundation
import SamradCore
import SamradParse

/// An anchor the author pins by hand at the end of a heading or list item,
/// `## Rundabordssamtal 2 {#runda-2}`, so that it stays whatever the text becomes.
enum PinnedID {
    /// Removes a trailing `{#id}` from `inlines` (before or after the theme tags) and
    /// returns the id; nil when there is none. A `{#…}` that is not an id is left as text
    /// and reported.
    static func strip(_ inlines: inout [MarkdownNode], at location: SourceLocation, _ diagnostics: inout Diagnostics) -> String? {
        var last = inlines.count - 1
        if last >= 0, case .themeTags = inlines[last].kind { last -= 1 }
        guard last >= 0, case .text(let text) = inlines[last].kind else { return nil }
        let trimmed = text.trimmingTrailingWhitespace
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else { return nil }
        let id = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
        guard isValid(id) else {
            diagnostics.warning(key: "diag_pinned_not_anchor", ["id": id], at: location)
            return nil
        }
        let before = String(trimmed[..<open.lowerBound]).trimmingTrailingWhitespace
        if before.isEmpty {
            inlines.remove(at: last)
        } else {
            inlines[last].kind = .text(before)
        }
        return id
    }

    /// Lowercase ASCII so that the anchor reads the same in every browser and URL.
    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first >= "a" && first <= "z" else { return false }
        return id.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_" }
    }
}
