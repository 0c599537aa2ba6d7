/// A calendar date as written in front matter: `2023-09-14`, or only a month (`2026-02`)
/// or a year (`2026`) when the document does not say the day. No time zones are
/// involved, so dates never shift between machines.
public struct ISODate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// How much of the date was written.
    public enum Precision: Int, Sendable, Hashable, Codable { case year, month, day }

    public var year: Int
    /// 1–12; 1 when only the year is known (read `precision` before showing it).
    public var month: Int
    /// 1–31; 1 when only the month or year is known.
    public var day: Int
    public var precision: Precision = .day

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...ISODate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; nil for anything else or a day that does not exist.
    /// (A static function, not an initialiser: `ISODate.init` stays unambiguous.)
    public static func partial(_ text: String) -> ISODate? {
        let t = text.trimmed
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = parts.count > 1 ? Int(parts[1]) : 1, let d = parts.count > 2 ? Int(parts[2]) : 1,
              var date = ISODate(year: y, month: m, day: d) else { return nil }
        date.precision = parts.count == 3 ? .day : parts.count == 2 ? .month : .year
        return date
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

    /// The first and the last day the date covers: itself for a day, the 1st and the last of
    /// its month for a month, 1 January and 31 December for a year.
    public var firstDay: ISODate {
        ISODate(year: year, month: precision == .year ? 1 : month, day: precision == .day ? day : 1) ?? self
    }
    public var lastDay: ISODate {
        switch precision {
        case .day: return self
        case .month: return ISODate(year: year, month: month, day: Self.daysIn(month: month, year: year)) ?? self
        case .year: return ISODate(year: year, month: 12, day: 31) ?? self
        }
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// A month-only date sorts after every day of its month, a year-only one after every
    /// date of its year: "some time in February" is not known to be before the 28th.
    private var sortKey: (Int, Int, Int, Int) {
        switch precision {
        case .day: return (year, month, day, 0)
        case .month: return (year, month, 32, 0)
        case .year: return (year, 13, 32, 0)
        }
    }

    public static func < (a: ISODate, b: ISODate) -> Bool {
        a.sortKey < b.sortKey
    }

    private static func pad(_ n: Int, _ w: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: Swift.max(0, w - s.count)) + s
    }

    /// As written: `2023-09-14`, `2026-02` or `2026`.
    public var description: String {
        switch precision {
        case .day: return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
        case .month: return "\(Self.pad(year, 4))-\(Self.pad(month, 2))"
        case .year: return Self.pad(year, 4)
        }
    }

    /// The full day (`2023-09-14`), the first of the period for month or year dates: for
    /// formats that need a day, such as `<time datetime>` fallbacks and sort attributes.
    public var dayDescription: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// `2023-09-14T00:00:00Z` for Atom feeds and sitemaps (the first day of a month or
    /// year date: the formats need a full timestamp).
    public var rfc3339: String { "\(dayDescription)T00:00:00Z" }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = ISODate.partial(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
