import SamradAggregate
import SamradCore
import SamradExtract
import SamradLink

/// Machine-readable copies of the portal's content in `data/` and the idea bank as CSV.
/// Sorted deterministically: meetings newest first, then document order inside each.
struct OpenData: Sendable {
    let index: SiteIndex
    let views: MeetingViews

    var config: SiteConfig { index.site.config }

    func jobs() -> [SiteRenderer.OutputJob] {
        let me = self
        return [
            .init(path: "data/meetings.json") { .text(JSON.array(me.meetings()).serialized() + "\n") },
            .init(path: "data/questions.json") { .text(JSON.array(me.questions()).serialized() + "\n") },
            .init(path: "data/ideas.json") { .text(JSON.array(me.ideas()).serialized() + "\n") },
            .init(path: "data/themes.json") { .text(JSON.array(me.themes()).serialized() + "\n") },
            .init(path: "data/organizations.json") { .text(JSON.array(me.organizations()).serialized() + "\n") },
            .init(path: "idebank/idebank.csv") { .text(me.csv()) },
        ]
    }

    func url(_ path: String) -> String { config.absoluteURL(path) }

    func names(_ slugs: [String]) -> [String] { slugs.map { index.organization($0)?.name ?? $0 } }

    func meetings() -> [JSON] {
        index.site.meetings.map { linked in
            let m = linked.meeting
            return .object([
                ("slug", .string(m.slug)), ("title", .string(m.title)), ("date", .string(m.date.description)),
                ("end_date", .str(m.endDate?.description)), ("kind", .str(m.kind)), ("organizer", .str(m.organizer)),
                ("commissioned_by", .str(m.commissionedBy)), ("location", .str(m.location)), ("summary", .str(m.lede)),
                ("url", .string(url(linked.path))),
                ("themes", .array(linked.themes.map { .string($0) })),
                ("participants", .array(names(linked.participants).map { .string($0) })),
                ("question_count", .int(m.questions.count)),
                ("postit_count", .int(m.postItCount)),
                ("speakers", .array(m.speakers.map { .string($0) })),
            ])
        }
    }

    func questions() -> [JSON] {
        index.site.meetings.flatMap { linked in
            linked.meeting.questions.map { q -> JSON in
                .object([
                    ("id", .string(q.id)), ("meeting", .string(linked.meeting.slug)), ("number", .str(q.number)),
                    ("text", .string(q.text)), ("context", .str(q.session)),
                    ("prompts", .array(q.prompts.map { .string($0.text) })),
                    ("summary", .array((q.summary?.points ?? []).map { p in
                        .object([("id", .string(p.id)), ("text", .string(p.text)), ("themes", .array(p.themes.map { .string($0) }))])
                    })),
                    ("themes", .array(q.themes.map { .string($0) })),
                    ("url", .string(url(linked.path) + "#" + q.id)),
                ])
            }
        }
    }

    func ideas() -> [JSON] {
        index.site.meetings.flatMap { linked in
            linked.meeting.postIts.map { p -> JSON in
                .object([
                    ("id", .string(p.id)), ("meeting", .string(linked.meeting.slug)),
                    ("date", .string(linked.meeting.date.description)),
                    ("category", .array(p.categoryPath.map { .string($0) })),
                    ("text", .string(p.text)), ("themes", .array(p.themes.map { .string($0) })),
                    ("url", .string(url(linked.path) + "#" + p.id)),
                ])
            }
        }
    }

    func themes() -> [JSON] {
        index.themeOrder.compactMap { slug -> JSON? in
            guard let t = index.site.themes.theme(slug), let stats = index.themes[slug] else { return nil }
            return .object([
                ("slug", .string(slug)), ("name", .string(t.name)), ("description", .string(t.description)),
                ("aliases", .array(t.aliases.map { .string($0) })), ("url", .string(url("teman/\(slug)/"))),
                ("meeting_count", .int(stats.meetings.count)), ("question_count", .int(stats.questions.count)),
                ("postit_count", .int(stats.postIts.count)),
                ("meetings", .array(stats.meetings.map { .string(index.meeting($0).meeting.slug) })),
                ("related", .array(stats.related.map { .string($0.slug) })),
            ])
        }
    }

    func organizations() -> [JSON] {
        index.organizationOrder.compactMap { slug -> JSON? in
            guard let o = index.organization(slug) else { return nil }
            let stats = index.organizations[slug]
            return .object([
                ("slug", .string(slug)), ("name", .string(o.name)), ("kind", .str(o.kind)), ("website", .str(o.url)),
                ("aliases", .array(o.aliases.map { .string($0) })), ("listed", .bool(o.isListed)),
                ("url", .string(url("organisationer/\(slug)/"))),
                ("meetings", .array((stats?.meetings ?? []).map { .string(index.meeting($0).meeting.slug) })),
                ("themes", .array((stats?.themes ?? []).map { .string($0) })),
            ])
        }
    }

    /// One row per post-it, UTF-8 with a byte order mark so that Excel shows å, ä and ö.
    func csv() -> String {
        var out = "\u{FEFF}"
        out.reserveCapacity(index.allPostIts.count * 320)
        appendCSVRow(["id", "möte", "datum", "kategori", "text", "teman", "länk"], to: &out)
        for linked in index.site.meetings {
            let pageURL = url(linked.path)
            for p in linked.meeting.postIts {
                appendCSVRow([p.id, linked.meeting.title, linked.meeting.date.description,
                              p.categoryPath.joined(separator: " › "), p.text,
                              p.themes.joined(separator: " "), pageURL + "#" + p.id], to: &out)
            }
        }
        return out
    }

    /// Looks at bytes, not characters: every special character is ASCII, and this runs
    /// for every field of every post-it.
    func appendCSVRow(_ fields: [String], to out: inout String) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out += "," }
            var f = field
            // A cell starting with = + - @ is a formula in spreadsheets; a quote mark keeps it text.
            if let first = f.utf8.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D {
                f = "'" + f
            }
            if f.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }) {
                out += "\""
                out += f.replacingOccurrences(of: "\"", with: "\"\"")
                out += "\""
            } else {
                out += f
            }
        }
        out += "\r\n"
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
