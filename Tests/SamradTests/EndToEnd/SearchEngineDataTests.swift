import Foundation
import Testing
@testable import Samrad
import SamradCore

/// What crawlers and feed readers read: the Event JSON-LD on meeting pages (checked against
/// Google's required and recommended Event properties), the Atom feed, the sitemap and
/// robots.txt under a sub-path.
@Suite("search-engine data, end to end")
struct SearchEngineDataTests {
    // MARK: Event JSON-LD

    /// Google's Event rich-result rules, as far as a record of a meeting can meet them:
    /// required `name`, `startDate`, `location` (a `Place` with an address, a
    /// `VirtualLocation` with a url, or both for a mixed event); `eventAttendanceMode`
    /// must agree with the location; recommended `description`, `endDate`,
    /// `eventStatus`, `organizer` with `name` and `url`. Returns every problem found.
    static func googleEventProblems(_ event: [String: Any], recommended: Bool) -> [String] {
        var problems: [String] = []
        if event["@context"] as? String != "https://schema.org" { problems.append("@context is not https://schema.org") }
        if event["@type"] as? String != "Event" { problems.append("@type is not Event") }
        if (event["name"] as? String ?? "").isEmpty { problems.append("required name is missing") }
        if let start = event["startDate"] as? String { if ISODate(start) == nil { problems.append("startDate \(start) is not ISO 8601") } }
        else { problems.append("required startDate is missing") }
        var kinds: Set<String> = []
        let locations: [Any] = (event["location"] as? [Any]) ?? (event["location"].map { [$0] } ?? [])
        if locations.isEmpty { problems.append("required location is missing") }
        for case let location as [String: Any] in locations {
            switch location["@type"] as? String {
            case "Place":
                kinds.insert("Place")
                if (location["address"] as? String ?? "").isEmpty { problems.append("Place has no address") }
                if (location["name"] as? String ?? "").isEmpty { problems.append("Place has no name") }
            case "VirtualLocation":
                kinds.insert("VirtualLocation")
                let url = location["url"] as? String ?? ""
                if !url.hasPrefix("https://") && !url.hasPrefix("http://") { problems.append("VirtualLocation has no absolute url") }
            default: problems.append("location of unknown type \(location["@type"] ?? "none")")
            }
        }
        if locations.count > 1 && kinds != ["Place", "VirtualLocation"] { problems.append("several locations that are not one Place and one VirtualLocation") }
        let modes = ["https://schema.org/OfflineEventAttendanceMode": Set(["Place"]),
                     "https://schema.org/OnlineEventAttendanceMode": Set(["VirtualLocation"]),
                     "https://schema.org/MixedEventAttendanceMode": Set(["Place", "VirtualLocation"])]
        if let mode = event["eventAttendanceMode"] as? String {
            if let fits = modes[mode] {
                // A mixed event may give only its online side when no place is known.
                if !(kinds.isSubset(of: fits) && !kinds.isEmpty) { problems.append("eventAttendanceMode \(mode) does not fit the location \(kinds.sorted())") }
            } else { problems.append("eventAttendanceMode \(mode) is not one of schema.org's") }
        } else if recommended { problems.append("recommended eventAttendanceMode is missing") }
        if let status = event["eventStatus"] as? String {
            if !status.hasPrefix("https://schema.org/Event") { problems.append("eventStatus \(status) is not one of schema.org's") }
        } else if recommended { problems.append("recommended eventStatus is missing") }
        if let end = event["endDate"] as? String {
            if let e = ISODate(end), let s = (event["startDate"] as? String).flatMap(ISODate.init), e < s { problems.append("endDate before startDate") }
        } else if recommended { problems.append("recommended endDate is missing") }
        if recommended && (event["description"] as? String ?? "").isEmpty { problems.append("recommended description is missing") }
        if let organizer = event["organizer"] as? [String: Any] {
            if (organizer["name"] as? String ?? "").isEmpty { problems.append("organizer has no name") }
            if recommended && !((organizer["url"] as? String)?.hasPrefix("https://") ?? false) { problems.append("recommended organizer.url is missing") }
        } else if recommended { problems.append("recommended organizer is missing") }
        return problems
    }

    /// The JSON-LD objects of a page.
    static func jsonLD(_ html: String) throws -> [[String: Any]] {
        var out: [[String: Any]] = []
        var rest = html[...]
        let open = "<script type=\"application/ld+json\">"
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: "</script>") {
            let object = try JSONSerialization.jsonObject(with: Data(rest[start.upperBound..<end.lowerBound].utf8))
            out.append(try #require(object as? [String: Any]))
            rest = rest[end.upperBound...]
        }
        return out
    }

    static func meeting(_ slug: String, _ fields: String) -> (String, String) {
        ("content/meetings/\(slug).md", "---\ntitle: Möte \(slug)\ndate: \(slug.prefix(10))\nsummary: Ett möte.\n\(fields)\n---\n\nText.\n")
    }

    static let eventSite: [String: String] = {
        var files = SiteFolder.minimal
        files["content/organizations.yml"] = "- name: Fryshuset\n  url: https://fryshuset.se/\n- name: Polismyndigheten\n  aliases: [Polisen]\n  url: https://polisen.se/\n"
        for (path, text) in [
            meeting("2024-01-10-pa-plats", "attendance: in_person\nlocation: Fryshuset, Stockholm\norganizer: Polisen\nend_date: 2024-01-11"),
            meeting("2024-02-10-digitalt", "attendance: online\norganizer: Fryshuset"),
            meeting("2024-03-10-teams", "attendance: online\nlocation: Teams\norganizer: Fryshuset"),
            meeting("2024-04-10-hybrid", "attendance: hybrid\nlocation: Göteborg\norganizer: Polismyndigheten"),
            meeting("2024-05-10-hybrid-utan-plats", "attendance: hybrid\norganizer: polisen"),
            meeting("2024-06-10-bara-plats", "location: Umeå\norganizer: Okänd förening"),
            meeting("2024-07-10-ingenting", "organizer: Fryshuset"),
        ] { files[path] = text }
        return files
    }()

    @Test func everyEventHasTheRequiredAndRecommendedPropertiesTheContentGives() throws {
        let site = try SiteFolder(Self.eventSite)
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.errors)")
        for slug in ["2024-01-10-pa-plats", "2024-02-10-digitalt", "2024-03-10-teams", "2024-04-10-hybrid", "2024-05-10-hybrid-utan-plats"] {
            let page = try #require(site.read("moten/\(slug)/index.html"))
            let events = try Self.jsonLD(page)
            #expect(events.count == 1, "\(slug)")
            for event in events {
                #expect(Self.googleEventProblems(event, recommended: true) == [], "\(slug): \(event)")
            }
        }
        // Without attendance nothing says how people took part, so no mode is claimed;
        // the required properties are all there.
        let placePage = try #require(site.read("moten/2024-06-10-bara-plats/index.html"))
        let placeOnly = try Self.jsonLD(placePage)
        #expect(placeOnly.count == 1)
        for event in placeOnly {
            #expect(Self.googleEventProblems(event, recommended: false) == [])
            #expect(event["eventAttendanceMode"] == nil)
            let organizer = try #require(event["organizer"] as? [String: Any])
            #expect(organizer["name"] as? String == "Okänd förening")
            #expect(organizer["url"] == nil, "an organiser not in organizations.yml has no address to give")
        }
        // No place and not online: an Event without a location is not valid, and none is made up.
        let nothing = try #require(site.read("moten/2024-07-10-ingenting/index.html"))
        #expect(try Self.jsonLD(nothing).isEmpty)
    }

    @Test func locationFollowsAttendance() throws {
        let site = try SiteFolder(Self.eventSite)
        defer { site.cleanup() }
        _ = site.build()
        func event(_ slug: String) throws -> [String: Any] {
            let page = try #require(site.read("moten/\(slug)/index.html"))
            return try #require(try Self.jsonLD(page).first)
        }
        let inPerson = try event("2024-01-10-pa-plats")
        #expect(inPerson["eventAttendanceMode"] as? String == "https://schema.org/OfflineEventAttendanceMode")
        let place = try #require(inPerson["location"] as? [String: Any])
        #expect(place["@type"] as? String == "Place")
        #expect(place["address"] as? String == "Fryshuset, Stockholm")
        #expect(inPerson["endDate"] as? String == "2024-01-11")
        #expect((inPerson["organizer"] as? [String: Any])?["url"] as? String == "https://polisen.se/", "an alias finds the listed organisation")

        let online = try event("2024-02-10-digitalt")
        #expect(online["eventAttendanceMode"] as? String == "https://schema.org/OnlineEventAttendanceMode")
        let virtual = try #require(online["location"] as? [String: Any])
        #expect(virtual["@type"] as? String == "VirtualLocation")
        #expect(virtual["url"] as? String == "https://example.org/portal/moten/2024-02-10-digitalt/")
        #expect(online["endDate"] as? String == "2024-02-10", "a meeting dated by day ends that day")
        #expect(((try event("2024-03-10-teams"))["location"] as? [String: Any])?["name"] as? String == "Teams")

        let hybrid = try event("2024-04-10-hybrid")
        #expect(hybrid["eventAttendanceMode"] as? String == "https://schema.org/MixedEventAttendanceMode")
        let both = try #require(hybrid["location"] as? [[String: Any]])
        #expect(both.map { $0["@type"] as? String } == ["Place", "VirtualLocation"])
        let hybridWithoutPlace = try event("2024-05-10-hybrid-utan-plats")
        #expect((hybridWithoutPlace["location"] as? [String: Any])?["@type"] as? String == "VirtualLocation")
        #expect((hybridWithoutPlace["organizer"] as? [String: Any])?["url"] as? String == "https://polisen.se/", "names match ignoring case")
    }

    @Test func exampleSiteEventsAreValid() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-events-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let report = Pipeline.build(BuildOptions(site: PortalTests.repositoryRoot, output: output, search: false))
        #expect(report.wrote, "\(report.errors)")
        let meetings = try FileManager.default.contentsOfDirectory(atPath: output + "/moten").filter { !$0.hasSuffix(".html") }
        var checked = 0
        for slug in meetings.sorted() {
            guard let data = FileManager.default.contents(atPath: "\(output)/moten/\(slug)/index.html") else { continue }
            for event in try Self.jsonLD(String(decoding: data, as: UTF8.self)) {
                #expect(Self.googleEventProblems(event, recommended: false) == [], "\(slug)")
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    @Test func attendanceAndUpdatedAreCheckedInTheFrontMatter() throws {
        var files = SiteFolder.minimal
        let (path, text) = Self.meeting("2024-01-10-fel", "attendance: onlin\nupdated: 2024-13-01")
        files[path] = text
        let (path2, text2) = Self.meeting("2024-02-10-bakvant", "updated: 2024-01-01")
        files[path2] = text2
        // A month covers its days: corrected on the 15th or ending on the 20th is no contradiction.
        files["content/meetings/2024-03-manad.md"] = "---\ntitle: Månad\ndate: 2024-03\nend_date: 2024-03-20\nupdated: 2024-03-15\n---\n\nText.\n"
        files["content/meetings/2024-05-slut.md"] = "---\ntitle: Slut\ndate: 2024-05\nend_date: 2024-04-30\n---\n\nText.\n"
        let site = try SiteFolder(files)
        defer { site.cleanup() }
        let report = site.build()
        let messages = report.errors.map(\.description)
        #expect(messages.contains { $0.contains("2024-01-10-fel.md:5:13: error: 'attendance' is 'onlin'") && $0.contains("did you mean 'online'?") }, "\(messages)")
        #expect(messages.contains { $0.contains("2024-01-10-fel.md:6:10: error: 'updated' is '2024-13-01', which is not a date") }, "\(messages)")
        // Pointed at the line of 'updated', where the typo is.
        #expect(messages.contains { $0.contains("2024-02-10-bakvant.md:5:10: error: 'updated' 2024-01-01 is before 'date' 2024-02-10") }, "\(messages)")
        #expect(!messages.contains { $0.contains("2024-03-manad") }, "\(messages)")
        #expect(messages.contains { $0.contains("2024-05-slut.md:4:11: error: 'end_date' 2024-04-30 is before 'date' 2024-05") }, "\(messages)")
        #expect(!report.wrote)
    }

    // MARK: Feed and sitemap

    @Test func feedHasNoEmptySubtitle() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        _ = site.build()
        let feed = try #require(site.read("feed.xml"))
        #expect(!feed.contains("<subtitle"), "site.yml has no description")
        try site.write("site.yml", "title: Testportalen\ndescription: Protokoll & anteckningar.\nbase_url: https://example.org/portal/\n")
        _ = site.build()
        #expect(try #require(site.read("feed.xml")).contains("<subtitle>Protokoll &amp; anteckningar.</subtitle>"))
    }

    @Test func updatedDatesTheFeedEntryAndTheSitemap() throws {
        var files = SiteFolder.minimal
        let (path, text) = Self.meeting("2020-05-05-gammalt", "updated: 2025-03-01")
        files[path] = text
        let site = try SiteFolder(files)
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.errors)")
        let feed = try #require(site.read("feed.xml"))
        let entry = try #require(feed.range(of: "<id>https://example.org/portal/moten/2020-05-05-gammalt/</id>").map { feed[$0.upperBound...] }?.prefix(200))
        #expect(entry.contains("<published>2020-05-05T00:00:00Z</published>"))
        #expect(entry.contains("<updated>2025-03-01T00:00:00Z</updated>"))
        let head = try #require(feed.components(separatedBy: "<entry>").first)
        #expect(head.contains("<updated>2025-03-01T00:00:00Z</updated>"), "the feed changed when its latest entry did")
        let other = try #require(feed.range(of: "<id>https://example.org/portal/moten/2023-09-14-mote/</id>").map { feed[$0.upperBound...] }?.prefix(200))
        #expect(other.contains("<updated>2023-09-14T00:00:00Z</updated>"), "without updated the entry is dated by the meeting")
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/portal/moten/2020-05-05-gammalt/</loc><lastmod>2025-03-01</lastmod>"))
        #expect(sitemap.contains("<loc>https://example.org/portal/moten/2023-09-14-mote/</loc><lastmod>2023-09-14</lastmod>"))
    }

    // MARK: robots.txt

    @Test func robotsUnderASubPathIsWarnedAboutOnce() throws {
        let site = try SiteFolder()
        defer { site.cleanup() }
        let report = site.build()
        let robots = report.warnings.filter { $0.message.contains("robots.txt") }
        #expect(robots.count == 1, "\(report.warnings)")
        #expect(robots.first?.description == "site.yml: warning: base_url is under /portal/, so crawlers never read https://example.org/portal/robots.txt; they read only https://example.org/robots.txt. To point them at the sitemap, add the line 'Sitemap: https://example.org/portal/sitemap.xml' to the robots.txt at the host's root (see the README)")

        let fromFlag = Pipeline.build(BuildOptions(site: site.path, baseURL: "https://example.net/a/b/", search: false))
        let flagged = fromFlag.warnings.filter { $0.message.contains("robots.txt") }
        #expect(flagged.count == 1)
        #expect(flagged.first?.location == nil, "base_url came from --base-url, not site.yml")
        #expect(flagged.first?.message.contains("https://example.net/robots.txt") == true)

        let atRoot = Pipeline.build(BuildOptions(site: site.path, baseURL: "https://example.org/", search: false))
        #expect(!atRoot.warnings.contains { $0.message.contains("robots.txt") })
    }
}
