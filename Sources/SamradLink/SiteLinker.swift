import SamradCore
import SamradExtract

/// A meeting with its themes and participants resolved against the taxonomies.
public struct LinkedMeeting: Sendable {
    public var meeting: Meeting
    /// Organisation slugs, in the order written.
    public var participants: [String]
    /// Every theme the meeting touches: front matter and every tag inside it.
    public var themes: [String]
    /// Page URL path, e.g. `moten/2023-09-14-gvi/`.
    public var path: String { "moten/\(meeting.slug)/" }
}

public struct LinkedSite: Sendable {
    public var config: SiteConfig
    public var themes: ThemeResolver
    public var organizations: [Organization]
    /// Newest first; same-day meetings by title, so the order never depends on the file system.
    public var meetings: [LinkedMeeting]
    public var pages: [Page]
}

/// Resolves theme tags and participant names; reports unknown themes as errors (with
/// the closest known ones) and likely-misspelled organisations as warnings.
public enum SiteLinker {
    public static func link(_ site: ExtractedSite) -> (LinkedSite, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let resolver = ThemeResolver(site.themes)
        var directory = OrganizationDirectory(site.organizations)

        var meetings: [LinkedMeeting] = []
        for var meeting in site.meetings {
            for tag in meeting.allTags where resolver.resolve(tag.name) == nil {
                diagnostics.error(resolver.unknownThemeMessage(tag.name), at: tag.location)
            }
            canonicalizeThemes(&meeting, resolver)
            var participants: [String] = []
            for p in meeting.participants {
                let (org, warning) = directory.resolve(p.value, at: p.location)
                if let warning { diagnostics.append(warning) }
                if participants.contains(org.slug) {
                    diagnostics.warning("'\(p.value)' is listed twice among the participants", at: p.location)
                } else {
                    participants.append(org.slug)
                }
            }
            let themes = resolver.resolveAll(meeting.allTags.map(\.name))
            meetings.append(LinkedMeeting(meeting: meeting, participants: participants, themes: themes))
        }
        for page in site.pages {
            for tag in page.allTags where resolver.resolve(tag.name) == nil {
                diagnostics.error(resolver.unknownThemeMessage(tag.name), at: tag.location)
            }
        }
        meetings.sort { a, b in
            if a.meeting.date != b.meeting.date { return a.meeting.date > b.meeting.date }
            if a.meeting.title != b.meeting.title { return SwedishCollation.less(a.meeting.title, b.meeting.title) }
            return a.meeting.slug < b.meeting.slug
        }
        let used = Set(meetings.flatMap(\.themes))
        for theme in site.themes where !used.contains(theme.slug) {
            diagnostics.warning("theme '\(theme.slug)' is declared but no meeting uses it", at: theme.location)
        }
        return (LinkedSite(config: site.config, themes: resolver, organizations: directory.organizations,
                           meetings: meetings, pages: site.pages), diagnostics.items)
    }

    /// Every `themes` list in the model holds slugs from here on, never aliases.
    static func canonicalizeThemes(_ meeting: inout Meeting, _ resolver: ThemeResolver) {
        for q in meeting.questions.indices {
            meeting.questions[q].themes = resolver.resolveAll(meeting.questions[q].themes)
            if meeting.questions[q].summary != nil {
                for p in meeting.questions[q].summary!.points.indices {
                    meeting.questions[q].summary!.points[p].themes = resolver.resolveAll(meeting.questions[q].summary!.points[p].themes)
                }
            }
        }
        if meeting.summary != nil {
            for p in meeting.summary!.points.indices {
                meeting.summary!.points[p].themes = resolver.resolveAll(meeting.summary!.points[p].themes)
            }
        }
        for b in meeting.boards.indices {
            for c in meeting.boards[b].categories.indices {
                for p in meeting.boards[b].categories[c].postIts.indices {
                    meeting.boards[b].categories[c].postIts[p].themes = resolver.resolveAll(meeting.boards[b].categories[c].postIts[p].themes)
                }
            }
        }
    }
}
