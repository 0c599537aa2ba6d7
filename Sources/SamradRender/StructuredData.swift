import SamradAggregate
import SamradCore
import SamradExtract
import SamradLink
import SamradParse

/// schema.org JSON-LD, so that search engines understand a meeting as an event.
///
/// Google requires `name`, `startDate` and `location` of an Event; a location is either a
/// `Place` with an address (met in person), a `VirtualLocation` with a url (online), or
/// both (hybrid). The front matter says where (`location`) and how (`attendance`); what
/// it does not say is not made up:
/// - in person, or attendance not given: a `Place` named and addressed by `location`;
/// - online: a `VirtualLocation` whose url is the meeting's page, the only address the
///   content has for it (a join link is not part of a record of a past meeting), named
///   by `location` when given (e.g. "Teams");
/// - hybrid: the `Place` when `location` is given, and the `VirtualLocation`;
/// - no location and not online or hybrid: no Event markup at all, since an Event
///   without a place is not a valid one.
/// `eventAttendanceMode` is written only when `attendance` is given.
enum StructuredData {
    /// The `<script type="application/ld+json">` element, or "" when the meeting has no location to give.
    static func event(_ linked: LinkedMeeting, index: SiteIndex, config: SiteConfig, organizations: OrganizationURLs) -> String {
        let m = linked.meeting
        let pageURL = config.absoluteURL(linked.path)
        // A report is not an event, and an event needs its day (a month-only date is not one).
        guard m.type != .report, m.date.precision == .day, let location = location(m, pageURL: pageURL) else { return "" }
        var fields: [(String, JSON)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("Event")),
            ("name", .string(m.title)),
            ("startDate", .string(m.date.description)),
        ]
        // Meetings are dated by day: one without end_date ended the day it began.
        fields.append(("endDate", .string((m.endDate ?? m.date).description)))
        if let lede = m.lede { fields.append(("description", .string(lede))) }
        fields.append(("url", .string(pageURL)))
        fields.append(("inLanguage", .string(config.language)))
        if let mode = m.attendance { fields.append(("eventAttendanceMode", .string(attendanceMode(mode)))) }
        fields.append(("location", location))
        if let organizer = m.organizer, !organizer.isEmpty {
            fields.append(("organizer", organization(organizer, url: organizations.url(for: organizer))))
        }
        let attendees = linked.participants.compactMap { index.organization($0) }.map { organization($0.name, url: $0.url) }
        if !attendees.isEmpty { fields.append(("attendee", .array(attendees))) }
        fields.append(("eventStatus", .string("https://schema.org/EventScheduled")))
        return "<script type=\"application/ld+json\">\(JSON.object(fields).serialized(pretty: false))</script>"
    }

    static func attendanceMode(_ attendance: Attendance) -> String {
        switch attendance {
        case .inPerson: return "https://schema.org/OfflineEventAttendanceMode"
        case .online: return "https://schema.org/OnlineEventAttendanceMode"
        case .hybrid: return "https://schema.org/MixedEventAttendanceMode"
        }
    }

    /// Where the meeting was, as far as the front matter says; nil when it says nothing.
    static func location(_ m: Meeting, pageURL: String) -> JSON? {
        let written = m.location.flatMap { $0.isEmpty ? nil : $0 }
        let place = written.map { JSON.object([("@type", .string("Place")), ("name", .string($0)), ("address", .string($0))]) }
        var virtual: [(String, JSON)] = [("@type", .string("VirtualLocation")), ("url", .string(pageURL))]
        switch m.attendance {
        case nil, .inPerson?:
            return place
        case .online?:
            if let written { virtual.append(("name", .string(written))) }
            return .object(virtual)
        case .hybrid?:
            return place.map { .array([$0, .object(virtual)]) } ?? .object(virtual)
        }
    }

    static func organization(_ name: String, url: String?) -> JSON {
        var fields: [(String, JSON)] = [("@type", .string("Organization")), ("name", .string(name))]
        if let url { fields.append(("url", .string(url))) }
        return .object(fields)
    }
}

/// Web addresses of the organisations in organizations.yml by every spelling of their
/// name (folded like participant names), made once per build for the organizer field.
struct OrganizationURLs: Sendable {
    private var byName: [String: String] = [:]

    init(_ organizations: [Organization]) {
        for org in organizations where org.isListed {
            guard let url = org.url else { continue }
            for spelling in [org.name] + org.aliases where byName[spelling.foldedForMatchingCached] == nil {
                byName[spelling.foldedForMatchingCached] = url
            }
        }
    }

    func url(for name: String) -> String? { byName[name.foldedForMatchingCached] }
}
