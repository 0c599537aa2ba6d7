import Yams

/// Every word the portal shows a reader, in one language: `i18n/<lang>.yml`, the built-in
/// Swedish and English ones (carried by the binary) under a site's own
/// `i18n/<language>.yml`, which may replace single keys.
///
/// An entry is a text (`nav_themes: Teman`), a text with plural forms
/// (`count_meeting: {one: "{n} möte", other: "{n} möten"}`) or a list (`months`).
/// `{name}` in a text is filled in by `text(_:_:)`. Templates read texts as `{{t.key}}`;
/// Swift asks by key. A key nobody has falls back to Swedish, then to the key itself.
public struct Catalogue: Sendable, Equatable {
    public enum Entry: Sendable, Equatable {
        case text(String)
        case plural(one: String, other: String)
        case list([String])
    }

    /// The language code the words are in ("sv", "en"), as in `<html lang>`.
    public let language: String
    public private(set) var entries: [String: Entry]

    public init(language: String, entries: [String: Entry]) {
        self.language = language
        self.entries = entries
    }

    /// The languages that come with samrad.
    public static let builtInLanguages = ["sv", "en"]

    /// The built-in catalogue of `language` (nil when samrad has none), parsed once.
    public static func builtIn(_ language: String) -> Catalogue? {
        // "sv-SE" and "en-GB" speak the language before the hyphen.
        switch language.lowercased().split(separator: "-").first ?? "" {
        case "sv": return swedish
        case "en": return english
        default: return nil
        }
    }

    /// samrad's Swedish words: the default and the fallback for every other language.
    public static let swedish = parseBuiltIn("sv", PackageResources.sv_yml)
    public static let english = parseBuiltIn("en", PackageResources.en_yml)

    /// The text of `key`; for a plural entry its `other` form; the key itself when no
    /// catalogue has it (the key check in the tests keeps that from happening).
    public subscript(_ key: String) -> String {
        switch entries[key] ?? Catalogue.swedish.entries[key] {
        case .text(let s): return s
        case .plural(_, let other): return other
        case .list(let items): return items.joined(separator: ", ")
        case nil: return key
        }
    }

    /// The text of `key` with `{name}` replaced by `values["name"]`.
    public func text(_ key: String, _ values: [String: String]) -> String {
        Catalogue.fill(self[key], values)
    }

    /// A message: the text of `key` with `values`. A value named `x_key` is itself a
    /// catalogue key, said first (with the other values, so reasons nest: a write failure
    /// naming a file-system cause) and filled in as `{x}`; a value named `x_choices` (made
    /// by `Diagnostic.choices`) is said as "'a', 'b' or 'c'" in these words; a value named
    /// `x_count` (made by `Catalogue.counted`) is said as that plural entry's form for its
    /// number ("1 möte", "30 filer") and filled in as `{x}`; a value named `x_number` (a
    /// whole number) is grouped as `number(_:)` writes it ("4 374") and filled in as `{x}`.
    public func say(_ key: String, _ values: [String: String]) -> String {
        var filled = values
        for (name, inner) in values where name.hasSuffix("_key") {
            var rest = values
            rest[name] = nil
            filled[String(name.dropLast(4))] = say(inner, rest)
        }
        for (name, items) in values where name.hasSuffix("_choices") {
            let words = items.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            filled[String(name.dropLast(8))] = quotedAlternatives(words, conjunction: self["list_or"])
        }
        for (name, value) in values where name.hasSuffix("_number") {
            guard let n = Int(value) else { continue }
            filled[String(name.dropLast(7))] = number(n)
        }
        for (name, value) in values where name.hasSuffix("_count") {
            let parts = value.split(separator: "\n", maxSplits: 1).map(String.init)
            guard parts.count == 2, let n = Int(parts[0]) else { continue }
            filled[String(name.dropLast(6))] = count(n, parts[1])
        }
        return text(key, filled)
    }

    /// A `say` value for a number said with the plural entry `key`: pass it as `x_count`
    /// and the message's `{x}` becomes "1 möte" / "12 möten" in the reader's language.
    public static func counted(_ n: Int, _ key: String) -> String { "\(n)\n\(key)" }

    /// The plural entry `key` for `n`, its `{n}` filled in: "1 möte", "12 möten",
    /// "4 374 idéer" (the number as `number(_:)` writes it).
    public func count(_ n: Int, _ key: String) -> String {
        Catalogue.fill(form(n, key), ["n": number(n)])
    }

    /// A count as readers see it, thousands grouped with `thousands_separator`
    /// ("4 374" with a no-break space in Swedish, "4,374" in English). The idea and
    /// question filters (filters.js) group the same way from the same entry.
    public func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        let separator = self["thousands_separator"]
        guard digits.count > 3, !separator.isEmpty, separator != "thousands_separator" else { return String(n) }
        var out = n < 0 ? "-" : ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }

    /// A decimal number with `digits` decimals (rounded half away from zero), the whole
    /// part grouped like `number(_:)` and the decimal sign from `decimal_separator`:
    /// "11,8" / "11.8", "1 234,5" / "1,234.5". `digits` 0 gives a grouped whole number.
    public func decimal(_ x: Double, digits: Int = 1) -> String {
        guard x.isFinite else { return number(0) }
        let scale = (0..<Swift.max(0, digits)).reduce(1) { r, _ in r * 10 }
        let scaled = Int((x.magnitude * Double(scale)).rounded())
        let whole = number(scaled / scale)
        let sign = x < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + whole }
        var fraction = String(scaled % scale)
        while fraction.count < digits { fraction = "0" + fraction }
        return sign + whole + self["decimal_separator"] + fraction
    }

    /// A duration in `seconds` as the terminal says it: under a second in whole
    /// milliseconds ("850 ms"), else seconds with one decimal ("11,8 s" / "11.8 s",
    /// "1 234,5 s"); the units from `unit_milliseconds` and `unit_seconds`.
    public func duration(_ seconds: Double) -> String {
        let s = seconds.isFinite ? Swift.max(0, seconds) : 0
        // 0.9996 s rounds to 1 000 ms: said as "1,0 s" instead.
        let ms = Int((s * 1000).rounded())
        if ms < 1000 { return text("unit_milliseconds", ["n": number(ms)]) }
        return text("unit_seconds", ["n": decimal(s, digits: 1)])
    }

    /// The plural entry `key` for `n`, `{n}` left as it is: "möte" / "möten" when the
    /// entry is written without a number.
    public func form(_ n: Int, _ key: String) -> String {
        switch entries[key] ?? Catalogue.swedish.entries[key] {
        case .plural(let one, let other): return n == 1 ? one : other
        case .text(let s): return s
        case .list(let items): return items.joined(separator: ", ")
        case nil: return key
        }
    }

    /// The list entry `key`; empty when there is none.
    public func list(_ key: String) -> [String] {
        if case .list(let items) = entries[key] ?? Catalogue.swedish.entries[key] { return items }
        return []
    }

    /// "A, B och C" / "A, B and C".
    public func join(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(self["list_and"]) " + items[items.count - 1]
        }
    }

    /// The name of month 1–12 ("september" / "September").
    public func monthName(_ month: Int) -> String {
        let names = list("months")
        guard names.count == 12 else { return String(month) }
        return names[Swift.max(0, Swift.min(11, month - 1))]
    }

    /// "14 september 2023", "september 2023" or "2023", as precise as the date.
    public func date(_ d: ISODate) -> String {
        switch d.precision {
        case .year: return String(d.year)
        case .month: return text("date_month", ["month": monthName(d.month), "year": String(d.year)])
        case .day: return text("date_day", ["day": String(d.day), "month": monthName(d.month), "year": String(d.year)])
        }
    }

    /// "14–15 september 2023", "30 september–1 oktober 2023", or a single date.
    public func dateRange(_ start: ISODate, _ end: ISODate?) -> String {
        guard let end, end != start else { return date(start) }
        // Ranges are written out in full unless both ends are days of one year.
        guard start.precision == .day, end.precision == .day, start.year == end.year else {
            return "\(date(start))–\(date(end))"
        }
        let month = monthName(end.month), year = String(end.year)
        if start.month == end.month {
            return text("date_day", ["day": "\(start.day)–\(end.day)", "month": month, "year": year])
        }
        return text("date_day", ["day": "\(start.day) \(monthName(start.month))–\(end.day)", "month": month, "year": year])
    }

    /// A file size as readers see it: "512 byte", "12 kB", "1,4 MB" (the decimal sign
    /// from `decimal_separator`).
    public func fileSize(_ bytes: Int) -> String {
        if bytes <= 0 { return "" }
        if bytes < 1024 { return "\(bytes) \(self["unit_bytes"])" }
        if bytes < 1024 * 1024 { return "\(bytes / 1024) kB" }
        let tenths = bytes * 10 / (1024 * 1024)
        return "\(tenths / 10)\(self["decimal_separator"])\(tenths % 10) MB"
    }

    /// `{name}` → value, once, left to right; an unknown `{name}` stays as written.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.containsByte(UInt8(ascii: "{")) else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { rest = rest[open...]; break }
            let name = after[..<close]
            // "{allow: [{extension}]}": a brace that opens no name is text; look on after it.
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) else {
                out += "{"
                rest = after
                continue
            }
            if let value = values[String(name)] { out += value } else { out += rest[open...close] }
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }

    // MARK: - Reading catalogues

    /// The catalogue of `language`: samrad's own (Swedish for a language it has none of)
    /// with the entries of the site's own `i18n/<language>.yml` (read by the parse stage)
    /// over it. Diagnostics: a key samrad does not know (with the closest known ones), an
    /// entry of the wrong shape; for a language samrad has no catalogue of, each key the
    /// file lacks (those words stay Swedish), or the whole file missing.
    public static func forSite(language: String, own: [String: (Entry, SourceLocation)]?, path: String) -> (Catalogue, [Diagnostic]) {
        var diagnostics = Diagnostics()
        var catalogue = builtIn(language) ?? Catalogue(language: language, entries: swedish.entries)
        guard let own else {
            if builtIn(language) == nil {
                diagnostics.warning(key: "diag_catalogue_no_language", ["language": language, "languages": builtInLanguages.joined(separator: ", "), "path": path],
                                    at: SourceLocation(file: "site.yml"))
            }
            return (catalogue, diagnostics.items)
        }
        let known = swedish.entries
        for (key, (entry, location)) in own.sorted(by: { $0.key < $1.key }) {
            guard let builtIn = known[key] else {
                let close = closestMatches(to: key, in: Array(known.keys))
                if close.isEmpty {
                    diagnostics.warning(key: "diag_catalogue_unknown_key", ["key": key], at: location)
                } else {
                    diagnostics.warning(key: "diag_catalogue_unknown_key_close", ["key": key, "alternatives_choices": Diagnostic.choices(close)], at: location)
                }
                continue
            }
            guard sameShape(entry, builtIn) else {
                diagnostics.warning(key: "diag_catalogue_wrong_shape", ["key": key, "shape_key": shapeKey(builtIn), "count": shapeCount(builtIn)], at: location)
                continue
            }
            catalogue.entries[key] = entry
        }
        if builtIn(language) == nil {
            for key in known.keys.sorted() where own[key] == nil {
                diagnostics.warning(key: "diag_catalogue_missing_key", ["key": key], at: SourceLocation(file: path, line: 1, column: 1))
            }
        }
        return (catalogue, diagnostics.items)
    }

    /// Whether two entries are both texts, both plurals or lists of one length.
    public static func sameShape(_ a: Entry, _ b: Entry) -> Bool {
        switch (a, b) {
        case (.text, .text), (.plural, .plural): return true
        case (.list(let x), .list(let y)): return x.count == y.count
        default: return false
        }
    }

    /// The catalogue key naming the shape of `e` (its `{count}` is `shapeCount`).
    static func shapeKey(_ e: Entry) -> String {
        switch e {
        case .text: return "diag_shape_text"
        case .plural: return "diag_shape_plural"
        case .list: return "diag_shape_list"
        }
    }

    static func shapeCount(_ e: Entry) -> String {
        if case .list(let items) = e { return String(items.count) }
        return ""
    }

    /// The entries of a catalogue file (its YAML root) with where each stands.
    public static func entries(of root: Node, path: String) -> ([String: (Entry, SourceLocation)], [Diagnostic]) {
        var diagnostics = Diagnostics()
        var out: [String: (Entry, SourceLocation)] = [:]
        guard let mapping = root.mapping else {
            diagnostics.error(key: "diag_catalogue_not_fields", ["path": path], at: location(root, path))
            return (out, diagnostics.items)
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let at = location(keyNode, path)
            if let s = value.scalar?.string {
                out[key] = (.text(s), at)
            } else if let forms = value.mapping, forms.count == 2, let one = forms["one"]?.scalar?.string, let other = forms["other"]?.scalar?.string {
                out[key] = (.plural(one: one, other: other), at)
            } else if let items = value.sequence, items.allSatisfy({ $0.scalar != nil }) {
                out[key] = (.list(items.compactMap(\.scalar?.string)), at)
            } else {
                diagnostics.warning(key: "diag_catalogue_bad_entry", ["key": key], at: at)
            }
        }
        return (out, diagnostics.items)
    }

    static func location(_ node: Node, _ path: String) -> SourceLocation {
        SourceLocation(file: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    static func parseBuiltIn(_ language: String, _ bytes: [UInt8]) -> Catalogue {
        // samrad's own files, checked by the tests: nothing to report.
        guard let root = try? Yams.compose(yaml: String(decoding: bytes, as: UTF8.self)) else { return Catalogue(language: language, entries: [:]) }
        return Catalogue(language: language, entries: entries(of: root, path: "i18n/\(language).yml").0.mapValues(\.0))
    }

    /// The built-in catalogue files as text, by language, for `samrad templates` and the tests.
    public static let builtInFiles: [String: String] = [
        "sv": String(decoding: PackageResources.sv_yml, as: UTF8.self),
        "en": String(decoding: PackageResources.en_yml, as: UTF8.self),
    ]
}
