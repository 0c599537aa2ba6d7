/// A calendar date as written in front matter (`2023-09-14`). Meetings are dated by day;
/// no time zones are involved, so dates never shift between machines.
public struct ISODate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...ISODate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` and rejects dates that do not exist (2023-02-30).
    public init?(_ text: String) {
        let t = text.trimmed
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: ISODate, b: ISODate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `2023-09-14`
    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: Swift.max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `2023-09-14T00:00:00Z` for Atom feeds and sitemaps.
    public var rfc3339: String { "\(description)T00:00:00Z" }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = ISODate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Dates as Swedish (or English) prose: "14 september 2023".
public enum DateFormatting {
    static let swedishMonths = ["januari", "februari", "mars", "april", "maj", "juni", "juli",
                                "augusti", "september", "oktober", "november", "december"]
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December"]

    public static func monthName(_ month: Int, language: String) -> String {
        let names = language.hasPrefix("en") ? englishMonths : swedishMonths
        return names[Swift.max(0, Swift.min(11, month - 1))]
    }

    public static func long(_ date: ISODate, language: String = "sv") -> String {
        if language.hasPrefix("en") { return "\(day: date.day) \(monthName(date.month, language: language)) \(date.year)" }
        return "\(date.day) \(monthName(date.month, language: language)) \(date.year)"
    }

    /// "14–15 september 2023", "30 september–1 oktober 2023", or a single date.
    public static func range(_ start: ISODate, _ end: ISODate?, language: String = "sv") -> String {
        guard let end, end != start else { return long(start, language: language) }
        if start.year == end.year && start.month == end.month {
            return "\(start.day)–\(end.day) \(monthName(end.month, language: language)) \(end.year)"
        }
        if start.year == end.year {
            return "\(start.day) \(monthName(start.month, language: language))–\(long(end, language: language))"
        }
        return "\(long(start, language: language))–\(long(end, language: language))"
    }
}

private extension DefaultStringInterpolation {
    mutating func appendInterpolation(day: Int) { appendLiteral(String(day)) }
}
