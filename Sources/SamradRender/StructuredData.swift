import SamradAggregate
import SamradCore
import SamradLink

/// schema.org JSON-LD, so that search engines understand a meeting as an event.
enum StructuredData {
    static func event(_ linked: LinkedMeeting, index: SiteIndex, config: SiteConfig) -> String {
        let m = linked.meeting
        var fields: [(String, JSON)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("Event")),
            ("name", .string(m.title)),
            ("startDate", .string(m.date.description)),
        ]
        if let end = m.endDate { fields.append(("endDate", .string(end.description))) }
        if let lede = m.lede { fields.append(("description", .string(lede))) }
        fields.append(("url", .string(config.absoluteURL(linked.path))))
        fields.append(("inLanguage", .string(config.language)))
        if let location = m.location {
            fields.append(("location", .object([("@type", .string("Place")), ("name", .string(location)), ("address", .string(location))])))
        }
        if let organizer = m.organizer {
            fields.append(("organizer", .object([("@type", .string("Organization")), ("name", .string(organizer))])))
        }
        let attendees = linked.participants.compactMap { index.organization($0) }.map { org -> JSON in
            .object([("@type", .string("Organization")), ("name", .string(org.name))])
        }
        if !attendees.isEmpty { fields.append(("attendee", .array(attendees))) }
        fields.append(("eventStatus", .string("https://schema.org/EventScheduled")))
        return "<script type=\"application/ld+json\">\(JSON.object(fields).serialized(pretty: false))</script>"
    }
}
