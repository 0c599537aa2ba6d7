import Foundation
import SamradCore

/// The words the NOD documents use for their structure, folded for matching.
struct ImportLabels: Sendable {
    var question = ["fråga"]
    var summary = ["sammanfattning"]
    var questionList = ["frågeställningar", "frågor"]

    /// The documents' Swedish labels and the site's own (`question_label`, `summary_label`,
    /// `questions_list_label`), so that a draft written in the site's words is recognised
    /// as it is written, and so are documents in the site's language.
    static func forSite(_ words: Catalogue) -> ImportLabels {
        var labels = ImportLabels()
        func add(_ key: String, to list: inout [String]) {
            let word = words[key]
            guard !word.isEmpty, !list.contains(where: { $0.foldedForMatching == word.foldedForMatching }) else { return }
            list.append(word.lowercased())
        }
        add("question_label", to: &labels.question)
        add("summary_label", to: &labels.summary)
        add("questions_list_label", to: &labels.questionList)
        return labels
    }

    /// "Sammanfattning", "Sammanfattning:" — alone on the line.
    func isSummaryLabel(_ t: String) -> Bool {
        let folded = t.foldedForMatching.trimmingCharacters(in: CharacterSet(charactersIn: ": *_"))
        return summary.contains { $0.foldedForMatching == folded }
    }

    /// "Frågeställningar:" / "Frågor:" alone on the line.
    func isQuestionListLabel(_ t: String) -> Bool {
        guard t.trimmed.hasSuffix(":") else { return false }
        let folded = t.foldedForMatching.trimmingCharacters(in: CharacterSet(charactersIn: ": *_"))
        return questionList.contains { $0.foldedForMatching == folded }
    }

    /// A paragraph that introduces a list of questions: it ends with a colon and names
    /// them ("… utgick från följande frågeställningar …:").
    func introducesQuestionList(_ t: String) -> Bool {
        guard t.trimmed.hasSuffix(":") else { return false }
        let words = t.foldedForMatching.split(whereSeparator: { !$0.isLetter })
        return words.contains { w in questionList.contains { $0.foldedForMatching == String(w) } }
    }

    /// A line that opens a question: "Fråga 1 – …", "Fråga 2: …", "Fråga – …".
    func questionStart(_ t: String) -> Bool { parseQuestion(t) != nil }

    /// The number (if any) and the question text of "Fråga 3 – Vad behövs?".
    func parseQuestion(_ raw: String) -> (number: Int?, text: String)? {
        let t = LineJoiner.stripEmphasis(raw.trimmed)
        // "fråga. Dokumentationen …" is the end of a sentence; a question label starts with a capital.
        guard t.first?.isUppercase == true else { return nil }
        for label in question {
            guard t.count > label.count,
                  String(t.prefix(label.count)).foldedForMatching == label.foldedForMatching else { continue }
            var rest = t.dropFirst(label.count)
            guard let first = rest.first, first == " " || first.isNumber || "–—-:.".contains(first) else { continue }
            rest = rest.drop { $0 == " " }
            let digits = rest.prefix { $0.isNumber }
            rest = rest.dropFirst(digits.count).drop { $0 == " " }
            guard let sep = rest.first, "–—-:.".contains(sep) else { continue }
            let text = String(rest.dropFirst()).trimmed
            guard !text.isEmpty, text.first?.isLetter == true || text.first == "\"" || text.first == "”" else { continue }
            return (Int(digits), text)
        }
        return nil
    }
}

/// Swedish dates as documents write them: "14 september 2023", "den 24 november",
/// "februari 2026", "September 2022".
enum SwedishDates {
    static let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                         "september", "oktober", "november", "december"]

    struct Found: Equatable {
        var year: Int?
        var month: Int
        var day: Int?
        /// `YYYY-MM-DD` or `YYYY-MM`; nil without a year.
        var iso: String? {
            guard let year else { return nil }
            let m = month < 10 ? "0\(month)" : "\(month)"
            guard let day else { return "\(year)-\(m)" }
            return "\(year)-\(m)-\(day < 10 ? "0\(day)" : "\(day)")"
        }
    }

    /// Every date in the text, in order.
    static func find(in text: String) -> [Found] {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        var out: [Found] = []
        for (i, w) in words.enumerated() {
            guard let m = months.firstIndex(of: w.lowercased()) else { continue }
            var day: Int?
            if i > 0, let d = Int(words[i - 1]), (1...31).contains(d) { day = d }
            var year: Int?
            if i + 1 < words.count, let y = Int(words[i + 1]), (1900...2100).contains(y) { year = y }
            // "maj" and "mars" are words too; only take them with a day or a year.
            if day == nil && year == nil { continue }
            out.append(Found(year: year, month: m + 1, day: day))
        }
        if out.isEmpty {
            for w in words where w.count == 10 {
                let parts = w.split(separator: "-")
                if parts.count == 3, ISODate(w) != nil {
                    let y = Int(parts[0]), m = Int(parts[1]), d = Int(parts[2])
                    if let y, let m, let d { out.append(Found(year: y, month: m, day: d)) }
                }
            }
        }
        return out
    }

    /// The year mentioned most often ("under 2025"), to complete a date written without one.
    static func likelyYear(in text: String) -> Int? {
        var counts: [Int: Int] = [:]
        for w in text.split(whereSeparator: { !$0.isNumber }) where w.count == 4 {
            if let y = Int(w), (1990...2100).contains(y) { counts[y, default: 0] += 1 }
        }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }?.key
    }
}
