import SamradAggregate
import SamradCore
import SamradExtract
import SamradLink
import SamradParse

/// Machine-readable copies of the portal's content in `data/` and the idea bank as CSV.
/// Sorted deterministically: meetings newest first, then document order inside each.
struct OpenData: Sendable {
    let index: SiteIndex

    var config: SiteConfig { index.site.config }

    func jobs() -> [SiteRenderer.OutputJob] {
        let me = self
        return [
            .init(path: "\(config.paths.data)meetings.json") { .bytes(me.meetings()) },
            .init(path: "\(config.paths.data)questions.json") { .bytes(me.questions()) },
            .init(path: "\(config.paths.data)ideas.json") { .bytes(me.ideas()) },
            .init(path: "\(config.paths.data)themes.json") { .bytes(me.themes()) },
            .init(path: "\(config.paths.data)organizations.json") { .bytes(me.organizations()) },
            .init(path: "\(config.paths.ideas)idebank.csv") { .bytes(me.csv()) },
            .init(path: "\(config.paths.ideas)idebank.xlsx") { .bytes(me.xlsx()) },
        ]
    }

    func url(_ path: String) -> String { config.absoluteURL(path) }

    func names(_ slugs: [String]) -> [String] { slugs.map { index.organization($0)?.name ?? $0 } }

    /// A JSON array of one object per item, with a final newline.
    private func array<T>(_ items: some Sequence<T>, capacity: Int, _ write: (inout JSONStream, T) -> Void) -> [UInt8] {
        array(capacity: capacity) { json in
            for item in items {
                json.beginObject()
                write(&json, item)
                json.endObject()
            }
        }
    }

    func meetings() -> [UInt8] {
        array(index.site.meetings, capacity: index.site.meetings.count * 1100) { json, linked in
            let m = linked.meeting
            json.field("slug", m.slug); json.field("title", m.title); json.field("date", m.date.description)
            json.field("end_date", m.endDate?.description); json.field("kind", m.kind); json.field("organizer", m.organizer)
            json.field("commissioned_by", m.commissionedBy); json.field("location", m.location); json.field("summary", m.lede)
            json.field("url", url(linked.path))
            json.field("themes", linked.themes)
            json.field("participants", names(linked.participants))
            json.field("question_count", m.questions.count)
            json.field("postit_count", m.postItCount)
            json.field("speakers", m.speakers)
            // Every speaker turn of a transcript in reading order, also those under a question.
            json.key("speaker_turns")
            json.beginArray()
            for block in m.body {
                switch block {
                case .turn(let turn):
                    Self.write(turn, into: &json)
                case .question(let qi) where qi < m.questions.count:
                    for case .turn(let turn) in m.questions[qi].discussion { Self.write(turn, into: &json) }
                default:
                    break
                }
            }
            json.endArray()
            json.field("type", m.type.rawValue)
            json.field("authors", m.authors)
            // Who took part with group and role as the front matter gives them; a joined
            // entry ("A / B") is one line per organisation.
            json.key("participant_details")
            json.beginArray()
            for group in linked.participantGroups {
                for member in group.members {
                    json.beginObject()
                    json.field("name", index.organization(member.slug)?.name ?? member.slug)
                    json.field("group", group.name); json.field("role", member.role)
                    json.endObject()
                }
            }
            json.endArray()
            // The meeting's own summary (points under questions are in questions.json).
            json.key("summary_points")
            json.beginArray()
            for p in m.summary?.points ?? [] {
                json.beginObject()
                json.field("id", p.id); json.field("text", p.text); json.field("themes", p.themes)
                json.field("url", url(linked.path) + "#" + p.id)
                json.endObject()
            }
            json.endArray()
            json.key("footnotes")
            json.beginArray()
            for note in m.footnotes {
                json.beginObject()
                json.field("number", note.number); json.field("text", note.text)
                json.endObject()
            }
            json.endArray()
        }
    }

    /// One speaker turn: the name as written and the turn's text without markup.
    private static func write(_ turn: SpeakerTurn, into json: inout JSONStream) {
        json.beginObject()
        json.field("speaker", turn.speaker)
        json.field("text", turn.content.map(\.plainText).joined().trimmed)
        json.endObject()
    }

    /// A JSON array written by `body`, one record a line, with a final newline (indented
    /// JSON was 64 MB of the 2,000-meeting benchmark's 358; a record a line is 52). The
    /// meeting lists are walked in plain loops: a lazy sequence of (meeting, item) pairs
    /// copied the whole meeting for every one of its ideas.
    private func array(capacity: Int, _ body: (inout JSONStream) -> Void) -> [UInt8] {
        var json = JSONStream(capacity: capacity, layout: .recordPerLine)
        json.beginArray()
        body(&json)
        json.endArray()
        return json.bytes + [0x0A]
    }

    func questions() -> [UInt8] {
        array(capacity: index.site.meetings.count * 6 * 900) { json in
            for linked in index.site.meetings {
                let slug = linked.meeting.slug, pageURL = url(linked.path)
                for q in linked.meeting.questions {
                    json.beginObject()
                    json.field("id", q.id); json.field("meeting", slug); json.field("number", q.number)
                    json.field("text", q.text); json.field("context", q.session)
                    json.field("prompts", q.prompts.map(\.text))
                    json.key("summary")
                    json.beginArray()
                    for p in q.summary?.points ?? [] {
                        json.beginObject()
                        json.field("id", p.id); json.field("text", p.text); json.field("themes", p.themes)
                        json.endObject()
                    }
                    json.endArray()
                    json.field("themes", q.themes)
                    json.field("url", pageURL + "#" + q.id)
                    json.endObject()
                }
            }
        }
    }

    func ideas() -> [UInt8] {
        array(capacity: index.allPostIts.count * 360) { json in
            for linked in index.site.meetings {
                let slug = linked.meeting.slug, date = linked.meeting.date.description, pageURL = url(linked.path)
                // By index: each field is read in place instead of copying every post-it
                // (and its content tree) into a flattened array first.
                for board in linked.meeting.boards {
                    for category in board.categories {
                        let postIts = category.postIts
                        for i in postIts.indices {
                            json.beginObject()
                            json.field("id", postIts[i].id); json.field("meeting", slug)
                            json.field("date", date)
                            json.field("category", postIts[i].categoryPath)
                            json.field("text", postIts[i].text); json.field("themes", postIts[i].themes)
                            json.field("url", pageURL + "#" + postIts[i].id)
                            json.endObject()
                        }
                    }
                }
            }
        }
    }

    func themes() -> [UInt8] {
        let known = index.themeOrder.compactMap { slug -> (String, ThemeDefinition, ThemeStats)? in
            guard let t = index.site.themes.theme(slug), let stats = index.themes[slug] else { return nil }
            return (slug, t, stats)
        }
        return array(known, capacity: 0) { json, item in
            let (slug, t, stats) = item
            json.field("slug", slug); json.field("name", t.name); json.field("description", t.description)
            json.field("aliases", t.aliases); json.field("url", url(config.paths.theme(slug)))
            json.field("meeting_count", stats.meetings.count); json.field("question_count", stats.questions.count)
            json.field("postit_count", stats.postIts.count)
            json.field("meetings", stats.meetings.map { index.meetingSlug($0) })
            json.field("related", stats.related.map(\.slug))
        }
    }

    func organizations() -> [UInt8] {
        let known = index.organizationOrder.compactMap { slug in index.organization(slug).map { (slug, $0) } }
        return array(known, capacity: 0) { json, item in
            let (slug, o) = item
            let stats = index.organizations[slug]
            json.field("slug", slug); json.field("name", o.name); json.field("kind", o.kind); json.field("website", o.url)
            json.field("aliases", o.aliases); json.field("listed", o.isListed)
            json.field("url", url(config.paths.organization(slug)))
            json.field("meetings", (stats?.meetings ?? []).map { index.meetingSlug($0) })
            json.field("themes", stats?.themes ?? [])
        }
    }

    /// One row per post-it, UTF-8 with a byte order mark so that Excel shows å, ä and ö.
    func csv() -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(index.allPostIts.count * 320)
        ideaRows { Self.appendCSVRow($0, to: &out) }
        return out
    }

    /// The same rows as a workbook, which opens in columns whatever the reader's list
    /// separator (Swedish Excel splits CSV on `;`).
    func xlsx() -> [UInt8] {
        var rows: [[String]] = []
        rows.reserveCapacity(index.allPostIts.count + 1)
        ideaRows { rows.append($0) }
        // Only an in-memory archive is written, which does not fail short of memory.
        return (try? Workbook.xlsx(sheet: index.site.config.catalogue["idea_bank_title"], rows: rows)) ?? []
    }

    /// The idea bank's header and one row per post-it.
    private func ideaRows(_ row: ([String]) -> Void) {
        row(index.site.config.catalogue.list("csv_header"))
        for linked in index.site.meetings {
            let pageURL = url(linked.path)
            let title = linked.meeting.title, date = linked.meeting.date.description
            for board in linked.meeting.boards {
                for category in board.categories {
                    let postIts = category.postIts
                    for i in postIts.indices {
                        row([postIts[i].id, title, date, postIts[i].categoryPath.joined(separator: " › "),
                             postIts[i].text, postIts[i].themes.joined(separator: " "), pageURL + "#" + postIts[i].id])
                    }
                }
            }
        }
    }

    /// Looks at bytes, not characters: every special character is ASCII, and this runs
    /// for every field of every post-it.
    static func appendCSVRow(_ fields: [String], to out: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            let bytes = field.utf8
            // A cell starting with = + - @ is a formula in spreadsheets; a quote mark keeps it text.
            let formula = bytes.first.map { $0 == 0x3D || $0 == 0x2B || $0 == 0x2D || $0 == 0x40 || $0 == 0x09 || $0 == 0x0D } ?? false
            if bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }) {
                out.append(UInt8(ascii: "\""))
                if formula { out.append(UInt8(ascii: "'")) }
                for b in bytes {
                    out.append(b)
                    if b == 0x22 { out.append(b) }
                }
                out.append(UInt8(ascii: "\""))
            } else {
                if formula { out.append(UInt8(ascii: "'")) }
                out.append(contentsOf: bytes)
            }
        }
        out.append(0x0D)
        out.append(0x0A)
    }
}
