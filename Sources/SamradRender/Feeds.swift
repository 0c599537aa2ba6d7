import SamradAggregate
import SamradCore
import SamradExtract

/// Atom feed of meetings, sitemap and robots.txt. Dates come from the content, never
/// from the clock, so that two builds of the same content are identical.
struct Feeds: Sendable {
    let index: SiteIndex
    let pagePaths: [String]

    var config: SiteConfig { index.site.config }

    func jobs() -> [SiteRenderer.OutputJob] {
        let me = self
        return [
            .init(path: "feed.xml") { .text(me.atom()) },
            .init(path: "sitemap.xml") { .text(me.sitemap()) },
            .init(path: "robots.txt") { .text(me.robots()) },
        ]
    }

    func xml(_ s: String) -> String {
        // XML 1.0 forbids most control characters; content pasted from PDFs may hold them.
        let cleaned = String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }))
        return cleaned.htmlEscaped
    }

    func atom() -> String {
        let meetings = Array(index.site.meetings.prefix(50))
        // The feed changed when its latest entry did, a corrected old record included.
        let updated = meetings.map { Feeds.lastChanged($0.meeting) }.max()?.rfc3339 ?? "2000-01-01T00:00:00Z"
        // Atom allows no subtitle but not an empty one; validators flag `<subtitle></subtitle>`.
        let description = config.description.trimmed
        let subtitle = description.isEmpty ? "" : "<subtitle>\(xml(description))</subtitle>\n"
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xml(config.language))">
        <title>\(xml(config.title))</title>
        \(subtitle)<link href="\(xml(config.absoluteURL("feed.xml")))" rel="self" type="application/atom+xml"/>
        <link href="\(xml(config.baseURL))" rel="alternate" type="text/html"/>
        <id>\(xml(config.baseURL))</id>
        <updated>\(updated)</updated>
        <author><name>\(xml(config.organization.isEmpty ? config.title : config.organization))</name></author>

        """
        for linked in meetings {
            let m = linked.meeting
            let url = config.absoluteURL(linked.path)
            out += """
            <entry>
            <title>\(xml(m.title))</title>
            <link href="\(xml(url))" rel="alternate" type="text/html"/>
            <id>\(xml(url))</id>
            <published>\(m.date.rfc3339)</published>
            <updated>\(Feeds.lastChanged(m).rfc3339)</updated>
            <summary>\(xml(m.lede ?? m.title))</summary>

            """
            for slug in linked.themes {
                out += "<category term=\"\(xml(slug))\" label=\"\(xml(index.site.themes.theme(slug)?.name ?? slug))\"/>\n"
            }
            out += "</entry>\n"
        }
        return out + "</feed>\n"
    }

    func sitemap() -> String {
        var lastmod: [String: String] = [:]
        for linked in index.site.meetings { lastmod[linked.path] = Feeds.lastChanged(linked.meeting).description }
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pagePaths.sorted() {
            out += "<url><loc>\(xml(config.absoluteURL(path)))</loc>"
            if let date = lastmod[path] { out += "<lastmod>\(date)</lastmod>" }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }

    /// The day a meeting's record last changed: `updated` when it was corrected, else its date.
    static func lastChanged(_ m: Meeting) -> ISODate {
        Swift.max(m.updated ?? m.date, m.date)
    }

    func robots() -> String { Robots.text(config) }
}
