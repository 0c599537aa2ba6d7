import SamradCore
import SamradExtract
import SamradParse

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
    /// A meeting with its tags resolved: depends only on the meeting and the themes, so
    /// the preview keeps it between saves of other meetings.
    public struct ThemedMeeting: Sendable {
        public var meeting: Meeting
        public var themes: [String]
        public var diagnostics: [Diagnostic]
    }

    public static func theme(_ meeting: Meeting, _ resolver: ThemeResolver) -> ThemedMeeting {
        var diagnostics: [Diagnostic] = []
        for tag in meeting.allTags where resolver.resolve(tag.name) == nil {
            diagnostics.append(.error(resolver.unknownThemeMessage(tag.name), at: tag.location))
        }
        var canonical = meeting
        canonicalizeThemes(&canonical, resolver)
        RelativeLinks.rebase(&canonical)
        return ThemedMeeting(meeting: canonical, themes: resolver.resolveAll(meeting.allTags.map(\.name)), diagnostics: diagnostics)
    }

    public static func link(_ site: ExtractedSite) -> (LinkedSite, [Diagnostic]) {
        let resolver = ThemeResolver(site.themes)
        return link(site, resolver: resolver, themed: site.meetings.map { theme($0, resolver) })
    }

    /// - Parameter themed: `theme(_:_:)` of each of `site.meetings`, in the same order.
    /// - Parameter organizationMemo: kept by the preview between saves.
    public static func link(_ site: ExtractedSite, resolver: ThemeResolver, themed: [ThemedMeeting],
                            organizationMemo: OrganizationMemo? = nil) -> (LinkedSite, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let participants = resolveParticipants(themed.map(\.meeting.participants), site.organizations, memo: organizationMemo)
        diagnostics.append(contentsOf: participants.definitionClashes)
        var meetings: [LinkedMeeting] = []
        meetings.reserveCapacity(themed.count)
        for (i, item) in themed.enumerated() {
            diagnostics.append(contentsOf: item.diagnostics)
            diagnostics.append(contentsOf: participants.diagnostics[i])
            meetings.append(LinkedMeeting(meeting: item.meeting, participants: participants.slugs[i], themes: item.themes))
        }
        for page in site.pages {
            for tag in page.allTags where resolver.resolve(tag.name) == nil {
                diagnostics.error(resolver.unknownThemeMessage(tag.name), at: tag.location)
            }
        }
        // Sorted on keys taken out once: comparing through `a.meeting.date` copies whole
        // meetings, which at thousands of them is most of this stage's time.
        let keys = meetings.map { (date: $0.meeting.date, title: $0.meeting.title, slug: $0.meeting.slug) }
        let order = keys.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            if a.date != b.date { return a.date > b.date }
            if a.title != b.title { return SwedishCollation.less(a.title, b.title) }
            return a.slug < b.slug
        }
        meetings = order.map { meetings[$0] }
        let used = Set(meetings.flatMap(\.themes))
        for theme in site.themes where !used.contains(theme.slug) {
            diagnostics.warning("theme '\(theme.slug)' is declared but no meeting uses it", at: theme.location)
        }
        return (LinkedSite(config: site.config, themes: resolver, organizations: participants.organizations,
                           meetings: meetings, pages: site.pages), diagnostics.items)
    }

    /// Organisation slugs for every meeting's participants, in meeting order, with the
    /// warnings they raise. The answer depends only on the participant lists and
    /// organizations.yml; when neither changed since the memo's last call (an editor
    /// changed the text of a meeting, not who took part), it is the memo's.
    static func resolveParticipants(_ lists: [[Located<String>]], _ definitions: [OrganizationDefinition],
                                    memo: OrganizationMemo?) -> ResolvedParticipants {
        let memo = memo.flatMap { $0.definitions == definitions ? $0 : nil }
        if let hit = memo?.resolved(for: lists) { return hit }
        var directory = OrganizationDirectory(definitions, memo: memo)
        var slugs: [[String]] = []
        var warnings: [[Diagnostic]] = []
        slugs.reserveCapacity(lists.count)
        warnings.reserveCapacity(lists.count)
        for list in lists {
            var mine: [String] = []
            var said: [Diagnostic] = []
            for p in list {
                let (org, warning) = directory.resolve(p.value, at: p.location)
                if let warning { said.append(warning) }
                if mine.contains(org.slug) {
                    said.append(.warning("'\(p.value)' is listed twice among the participants", at: p.location))
                } else {
                    mine.append(org.slug)
                }
            }
            slugs.append(mine)
            warnings.append(said)
        }
        let resolved = ResolvedParticipants(organizations: directory.organizations, slugs: slugs, diagnostics: warnings,
                                            definitionClashes: directory.definitionClashes)
        memo?.remember(resolved, for: lists)
        return resolved
    }

    /// Every `themes` list in the model holds slugs from here on, never aliases.
    /// Reads first and writes only what differs: the meeting's arrays are shared with the
    /// preview's cache, and writing through them would copy every one of them.
    static func canonicalizeThemes(_ meeting: inout Meeting, _ resolver: ThemeResolver) {
        func canonical(_ names: [String]) -> [String]? {
            let resolved = resolver.resolveAll(names)
            return resolved == names ? nil : resolved
        }
        for q in meeting.questions.indices {
            if let c = canonical(meeting.questions[q].themes) { meeting.questions[q].themes = c }
            for (p, point) in (meeting.questions[q].summary?.points ?? []).enumerated() {
                if let c = canonical(point.themes) { meeting.questions[q].summary?.points[p].themes = c }
            }
        }
        for (p, point) in (meeting.summary?.points ?? []).enumerated() {
            if let c = canonical(point.themes) { meeting.summary?.points[p].themes = c }
        }
        for b in meeting.boards.indices {
            for c in meeting.boards[b].categories.indices {
                for (p, postIt) in meeting.boards[b].categories[c].postIts.enumerated() {
                    if let t = canonical(postIt.themes) { meeting.boards[b].categories[c].postIts[p].themes = t }
                }
            }
        }
    }
}
