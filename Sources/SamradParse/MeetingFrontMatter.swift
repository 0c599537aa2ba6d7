import SamradCore
import Yams

/// A value with the place it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// How people took part in a meeting (front matter `attendance`).
public enum Attendance: String, Sendable, Hashable, CaseIterable {
    case inPerson = "in_person"
    case online
    case hybrid
}

/// The front matter of a meeting, typed and validated.
public struct MeetingFrontMatter: Sendable, Hashable {
    public var title: String = ""
    public var date: ISODate?
    public var endDate: ISODate?
    /// When the record was last corrected; feeds and the sitemap date the page by it.
    public var updated: ISODate?
    public var attendance: Attendance?
    public var kind: String?
    public var organizer: String?
    public var commissionedBy: String?
    public var location: String?
    /// Every participant name in the order written, groups flattened.
    public var participants: [Located<String>] = []
    /// The same participants with their groups and roles, one entry per name.
    public var participantEntries: [ParticipantEntry] = []
    public var themes: [Located<String>] = []
    public var summary: String?
    public var documents: [Located<String>] = []
    public var draft = false
    /// `type:` when written; otherwise the site's `kinds:` map or `meeting` decides.
    public var type: DocumentType?
    public var authors: [String] = []
    /// Heading levels in the table of contents (2…4), when the author chose.
    public var tocDepth: Int?
    public init() {}

    static let fields = ["title", "date", "end_date", "updated", "attendance", "kind", "type", "authors", "toc_depth", "organizer", "commissioned_by", "location",
                         "participants", "themes", "summary", "documents", "draft"]
}

/// Front matter of an appendix file beside a meeting.
public struct AppendixFrontMatter: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case postits, text }
    public var title: String = ""
    public var kind: Kind = .text
    public var themes: [Located<String>] = []
    public var draft = false
    static let fields = ["title", "appendix", "themes", "draft", "summary"]
}

/// Front matter of a free page (`content/pages/*.md`).
public struct PageFrontMatter: Sendable, Hashable {
    public var title: String = ""
    public var description: String?
    public var draft = false
    /// Position in the footer/navigation; pages without it are listed after, by title.
    public var order: Int?
    static let fields = ["title", "description", "summary", "draft", "order"]
}

enum FrontMatterParsing {
    static func unknownField(_ key: String, known: [String], at location: SourceLocation, _ diagnostics: inout Diagnostics) {
        let close = closestMatches(to: key, in: known, limit: 1)
        if let guess = close.first {
            diagnostics.warning(key: "diag_unknown_field_close", ["field": key, "guess": guess], at: location)
        } else {
            diagnostics.warning(key: "diag_unknown_field", ["field": key, "known": known.joined(separator: ", ")], at: location)
        }
    }

    static func meeting(_ root: Node, reader: YAMLReader, _ diagnostics: inout Diagnostics) -> MeetingFrontMatter? {
        guard case .mapping = root else {
            diagnostics.error(key: "diag_meeting_fm_not_fields", ["kind_key": reader.kindKey(root)], at: reader.location(root))
            return nil
        }
        var fm = MeetingFrontMatter()
        var errorsBefore = diagnostics.errors.count
        var sawTitle = false, sawDate = false
        // Where end_date and updated are written, for the errors that compare them with date.
        var endDateAt: SourceLocation?, updatedAt: SourceLocation?
        for (key, keyNode, value) in reader.fields(root) {
            switch key {
            case "title":
                sawTitle = true
                if let t = reader.text(value, field: key, &diagnostics)?.trimmed, !t.isEmpty { fm.title = t }
                else if diagnostics.errors.count == errorsBefore { diagnostics.error(key: "diag_title_empty", at: reader.location(keyNode)) }
            case "date", "end_date":
                if key == "date" { sawDate = true }
                guard let raw = reader.text(value, field: key, &diagnostics) else {
                    if key == "date" && diagnostics.errors.count == errorsBefore {
                        diagnostics.error(key: "diag_date_empty", at: reader.location(keyNode))
                    }
                    break
                }
                if let d = ISODate.partial(raw) {
                    if key == "date" { fm.date = d } else { fm.endDate = d; endDateAt = reader.location(value) }
                } else {
                    diagnostics.error(key: "diag_not_a_date", ["field": key, "value": raw], at: reader.location(value))
                }
            case "updated":
                guard let raw = reader.text(value, field: key, &diagnostics) else { break }
                if let d = ISODate(raw) { fm.updated = d; updatedAt = reader.location(value) } else {
                    diagnostics.error(key: "diag_updated_not_a_date", ["value": raw], at: reader.location(value))
                }
            case "attendance":
                guard let raw = reader.text(value, field: key, &diagnostics)?.trimmed else { break }
                if let mode = Attendance(rawValue: raw) { fm.attendance = mode } else {
                    let known = Attendance.allCases.map(\.rawValue)
                    let close = closestMatches(to: raw, in: known, limit: 1)
                    diagnostics.error(key: close.isEmpty ? "diag_attendance_unknown" : "diag_attendance_unknown_close",
                                      ["value": raw, "known": known.joined(separator: ", "), "guess": close.first ?? ""], at: reader.location(value))
                }
            case "kind": fm.kind = reader.text(value, field: key, &diagnostics)?.trimmed
            case "organizer": fm.organizer = reader.text(value, field: key, &diagnostics)?.trimmed
            case "commissioned_by": fm.commissionedBy = reader.text(value, field: key, &diagnostics)?.trimmed
            case "location": fm.location = reader.text(value, field: key, &diagnostics)?.trimmed
            case "summary": fm.summary = reader.text(value, field: key, &diagnostics)?.trimmed
            case "participants":
                for (entry, at) in participants(value, reader: reader, &diagnostics) {
                    fm.participants.append(Located(entry.name, at: at))
                    fm.participantEntries.append(entry)
                }
            case "type":
                let raw = reader.text(value, field: key, &diagnostics)?.trimmed.lowercased() ?? ""
                if let type = DocumentType(rawValue: raw) { fm.type = type } else {
                    diagnostics.error(key: "diag_type_unknown", ["value": raw], at: reader.location(value))
                }
            case "authors":
                if case .scalar = value, let one = reader.text(value, field: key, &diagnostics)?.trimmed {
                    fm.authors = one.isEmpty ? [] : [one]
                } else {
                    fm.authors = reader.textList(value, field: key, &diagnostics).map(\.0)
                }
            case "toc_depth":
                if let n = value.int, (2...4).contains(n) { fm.tocDepth = n } else {
                    diagnostics.error(key: "diag_toc_depth", at: reader.location(value))
                }
            case "themes":
                fm.themes = reader.textList(value, field: key, &diagnostics).map { Located($0.0, at: $0.1) }
            case "documents":
                fm.documents = reader.textList(value, field: key, &diagnostics).map { Located($0.0, at: $0.1) }
            case "draft":
                fm.draft = reader.bool(value, field: key, &diagnostics) ?? false
            default:
                unknownField(key, known: MeetingFrontMatter.fields, at: reader.location(keyNode), &diagnostics)
            }
            errorsBefore = diagnostics.errors.count
        }
        let top = SourceLocation(file: reader.file, line: 1, column: 1)
        if !sawTitle { diagnostics.error(key: "diag_meeting_no_title", at: top) }
        if !sawDate { diagnostics.error(key: "diag_meeting_no_date", at: top) }
        // A month or a year covers its days: "2026-02" to "2026-02-20" is no contradiction.
        if let start = fm.date, let end = fm.endDate, end.lastDay < start.firstDay {
            diagnostics.error(key: "diag_end_before_date", ["end": "\(end)", "date": "\(start)"], at: endDateAt ?? top)
        }
        // A record is corrected after the meeting; an earlier day is a typo, and a feed
        // entry updated before it was published would say something false.
        if let start = fm.date, let updated = fm.updated, updated < start.firstDay {
            diagnostics.error(key: "diag_updated_before_date", ["updated": "\(updated)", "date": "\(start)"], at: updatedAt ?? top)
        }
        return fm
    }

    /// `participants:` as a flat list of names, items with a `role`, or groups
    /// (`- group: … members: […]`), mixed as the author likes.
    static func participants(_ node: Node, reader: YAMLReader, _ diagnostics: inout Diagnostics) -> [(ParticipantEntry, SourceLocation)] {
        guard case .sequence(let items) = node else {
            return reader.textList(node, field: "participants", &diagnostics).map { (ParticipantEntry(name: $0.0), $0.1) }
        }
        var out: [(ParticipantEntry, SourceLocation)] = []
        func member(_ item: Node, group: String?) {
            switch item {
            case .scalar(let s):
                let name = s.string.trimmed
                if !name.isEmpty { out.append((ParticipantEntry(name: name, group: group), reader.location(item))) }
            case .mapping:
                var name: String?, role: String?
                for (key, keyNode, value) in reader.fields(item) {
                    switch key {
                    case "name": name = reader.text(value, field: "participants.name", &diagnostics)?.trimmed
                    case "role": role = reader.text(value, field: "participants.role", &diagnostics)?.trimmed
                    default: unknownField(key, known: ["name", "role"], at: reader.location(keyNode), &diagnostics)
                    }
                }
                if let name, !name.isEmpty {
                    out.append((ParticipantEntry(name: name, role: role.flatMap { $0.isEmpty ? nil : $0 }, group: group), reader.location(item)))
                } else {
                    diagnostics.error(key: "diag_participant_no_name", at: reader.location(item))
                }
            default:
                diagnostics.error(key: "diag_participant_shape", at: reader.location(item))
            }
        }
        for item in items {
            guard case .mapping = item, reader.fields(item).contains(where: { $0.key == "group" }) else {
                member(item, group: nil)
                continue
            }
            var group: String?
            var members: Node?
            for (key, keyNode, value) in reader.fields(item) {
                switch key {
                case "group": group = reader.text(value, field: "participants.group", &diagnostics)?.trimmed
                case "members": members = value
                default: unknownField(key, known: ["group", "members"], at: reader.location(keyNode), &diagnostics)
                }
            }
            guard let members, case .sequence(let list) = members else {
                diagnostics.error(key: "diag_group_no_members", ["group": group ?? ""], at: reader.location(item))
                continue
            }
            let name = (group ?? "").isEmpty ? nil : group
            for m in list { member(m, group: name) }
        }
        return out
    }

    static func appendix(_ root: Node, reader: YAMLReader, _ diagnostics: inout Diagnostics) -> AppendixFrontMatter? {
        guard case .mapping = root else {
            diagnostics.error(key: "diag_fm_not_fields", ["kind_key": reader.kindKey(root)], at: reader.location(root))
            return nil
        }
        var fm = AppendixFrontMatter()
        for (key, keyNode, value) in reader.fields(root) {
            switch key {
            case "title": fm.title = reader.text(value, field: key, &diagnostics)?.trimmed ?? ""
            case "appendix":
                let raw = reader.text(value, field: key, &diagnostics)?.trimmed.lowercased() ?? ""
                if let kind = AppendixFrontMatter.Kind(rawValue: raw) { fm.kind = kind } else {
                    diagnostics.error(key: "diag_appendix_kind", ["value": raw], at: reader.location(value))
                }
            case "themes":
                fm.themes = reader.textList(value, field: key, &diagnostics).map { Located($0.0, at: $0.1) }
            case "draft": fm.draft = reader.bool(value, field: key, &diagnostics) ?? false
            case "summary": break
            default: unknownField(key, known: AppendixFrontMatter.fields, at: reader.location(keyNode), &diagnostics)
            }
        }
        if fm.title.isEmpty {
            diagnostics.error(key: "diag_appendix_no_title", at: SourceLocation(file: reader.file, line: 1, column: 1))
        }
        return fm
    }

    static func page(_ root: Node, reader: YAMLReader, _ diagnostics: inout Diagnostics) -> PageFrontMatter? {
        guard case .mapping = root else {
            diagnostics.error(key: "diag_fm_not_fields", ["kind_key": reader.kindKey(root)], at: reader.location(root))
            return nil
        }
        var fm = PageFrontMatter()
        for (key, keyNode, value) in reader.fields(root) {
            switch key {
            case "title": fm.title = reader.text(value, field: key, &diagnostics)?.trimmed ?? ""
            case "description", "summary": fm.description = reader.text(value, field: key, &diagnostics)?.trimmed
            case "draft": fm.draft = reader.bool(value, field: key, &diagnostics) ?? false
            case "order":
                if let n = value.int { fm.order = n } else {
                    diagnostics.error(key: "diag_order_not_number", at: reader.location(value))
                }
            default: unknownField(key, known: PageFrontMatter.fields, at: reader.location(keyNode), &diagnostics)
            }
        }
        if fm.title.isEmpty {
            diagnostics.error(key: "diag_page_no_title", at: SourceLocation(file: reader.file, line: 1, column: 1))
        }
        return fm
    }
}
