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
    /// Participants as grouped in the front matter (one group without a name for a flat
    /// list), each organisation once, with its role.
    public var participantGroups: [ParticipantGroup] = []
    /// The role each organisation had, by slug, when the front matter gives one.
    public var roles: [String: String] = [:]
    /// Page URL path, e.g. `moten/2023-09-14-gvi/` (the meetings' section path from site.yml).
    public var path: String

    public init(meeting: Meeting, participants: [String], themes: [String], path: String) {
        self.meeting = meeting
        self.participants = participants
        self.themes = themes
        self.path = path
    }
}

/// Participants under one group heading ("Civilsamhället"); `name` is nil for a flat list.
public struct ParticipantGroup: Sendable {
    public var name: String?
    public var members: [(slug: String, role: String?)]
}

/// A participant name that organizations.yml does not list, with where it was written.
/// Names that only share an address ("Ung & Trygg", "Ung Trygg") are listed each with
/// its own meetings; spellings that differ only in case or diacritics are one name.
public struct UnlistedName: Sendable {
    public var name: String
    public var slug: String
    public var meetings: [String]
    /// The closest listed spellings, best first.
    public var closest: [String]
}

public struct LinkedSite: Sendable {
    public var config: SiteConfig
    public var themes: ThemeResolver
    public var organizations: [Organization]
    /// Newest first; same-day meetings by title, so the order never depends on the file system.
    public var meetings: [LinkedMeeting]
    public var pages: [Page]
    /// Participant names not in organizations.yml, by name.
    public var unlistedNames: [UnlistedName] = []
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

    public static func theme(_ meeting: Meeting, _ resolver: ThemeResolver, paths: SectionPaths = SectionPaths()) -> ThemedMeeting {
        var diagnostics: [Diagnostic] = []
        for tag in meeting.allTags where resolver.resolve(tag.name) == nil {
            diagnostics.append(resolver.unknownTheme(tag.name, at: tag.location))
        }
        var canonical = meeting
        canonicalizeThemes(&canonical, resolver)
        RelativeLinks.rebase(&canonical, page: paths.meeting(meeting.slug))
        return ThemedMeeting(meeting: canonical, themes: resolver.resolveAll(meeting.allTags.map(\.name)), diagnostics: diagnostics)
    }

    public static func link(_ site: ExtractedSite) -> (LinkedSite, [Diagnostic]) {
        let resolver = ThemeResolver(site.themes)
        return link(site, resolver: resolver, themed: site.meetings.map { theme($0, resolver, paths: site.config.paths) })
    }

    /// - Parameter themed: `theme(_:_:)` of each of `site.meetings`, in the same order.
    /// - Parameter organizationMemo: kept by the preview between saves.
    public static func link(_ site: ExtractedSite, resolver: ThemeResolver, themed: [ThemedMeeting],
                            organizationMemo: OrganizationMemo? = nil) -> (LinkedSite, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let participants = resolveParticipants(themed.map(\.meeting.participants), site.organizations, memo: organizationMemo,
                                               section: site.config.paths[.organizations], collation: site.config.collation)
        diagnostics.append(contentsOf: participants.definitionClashes)
        var meetings: [LinkedMeeting] = []
        meetings.reserveCapacity(themed.count)
        for (i, item) in themed.enumerated() {
            diagnostics.append(contentsOf: item.diagnostics)
            diagnostics.append(contentsOf: participants.diagnostics[i])
            var linked = LinkedMeeting(meeting: item.meeting, participants: participants.slugs[i], themes: item.themes,
                                       path: site.config.paths.meeting(item.meeting.slug))
            group(&linked, entrySlugs: participants.entrySlugs[i])
            meetings.append(linked)
        }
        for page in site.pages {
            for tag in page.allTags where resolver.resolve(tag.name) == nil {
                diagnostics.append(resolver.unknownTheme(tag.name, at: tag.location))
            }
        }
        // Sorted on keys taken out once: comparing through `a.meeting.date` copies whole
        // meetings, which at thousands of them is most of this stage's time.
        let keys = meetings.map { (date: $0.meeting.date, title: $0.meeting.title, slug: $0.meeting.slug) }
        let collation = site.config.collation
        let order = keys.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            if a.date != b.date { return a.date > b.date }
            if a.title != b.title { return collation.less(a.title, b.title) }
            return a.slug < b.slug
        }
        meetings = order.map { meetings[$0] }
        // A meeting whose front matter is broken may use themes nobody can see yet: the
        // warning would only follow from that error, so it waits until it is fixed.
        if !meetings.contains(where: { $0.meeting.frontMatterBroken }) {
            let used = Set(meetings.flatMap(\.themes))
            for theme in site.themes where !used.contains(theme.slug) {
                diagnostics.warning(key: "diag_theme_unused", ["slug": theme.slug], at: theme.location)
            }
        }
        let bySlug = Dictionary(participants.organizations.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        // By the name as written (folded), in meeting order: the page's name is only one
        // of the spellings that share it, and each was written in meetings of its own.
        var spellings: [String: (slug: String, names: [String], meetings: [String])] = [:]
        for i in order {
            for (e, slugs) in participants.entrySlugs[i].enumerated() {
                for (k, slug) in slugs.enumerated() where bySlug[slug]?.isListed == false {
                    let name = participants.entryNames[i][e][k]
                    let key = name.foldedForMatchingCached
                    var entry = spellings[key] ?? (slug, [], [])
                    if !entry.names.contains(name) { entry.names.append(name) }
                    if entry.meetings.last != keys[i].slug { entry.meetings.append(keys[i].slug) }
                    spellings[key] = entry
                }
            }
        }
        var unlisted = spellings.map { key, entry in
            let shown = entry.names.min(by: SwedishCollation.less) ?? key
            return UnlistedName(name: shown, slug: entry.slug, meetings: entry.meetings, closest: participants.closest[key] ?? [])
        }
        unlisted.sort { a, b in a.name != b.name ? SwedishCollation.less(a.name, b.name) : a.slug < b.slug }
        var site = LinkedSite(config: site.config, themes: resolver, organizations: participants.organizations,
                              meetings: meetings, pages: site.pages)
        site.unlistedNames = unlisted
        return (site, diagnostics.items)
    }

    /// Groups and roles from the front matter's entries, each organisation once.
    static func group(_ linked: inout LinkedMeeting, entrySlugs: [[String]]) {
        let entries = linked.meeting.participantEntries
        var groups: [ParticipantGroup] = []
        var seen = Set<String>()
        for (n, slugs) in entrySlugs.enumerated() {
            let entry = n < entries.count ? entries[n] : nil
            let name = entry?.group
            let g: Int
            if let existing = groups.firstIndex(where: { $0.name == name }) { g = existing } else {
                groups.append(ParticipantGroup(name: name, members: []))
                g = groups.count - 1
            }
            for slug in slugs where seen.insert(slug).inserted {
                groups[g].members.append((slug, entry?.role))
                if let role = entry?.role { linked.roles[slug] = role }
            }
        }
        linked.participantGroups = groups.filter { !$0.members.isEmpty }
    }

    /// Organisation slugs for every meeting's participants, in meeting order, with the
    /// warnings they raise. The answer depends only on the participant lists and
    /// organizations.yml; when neither changed since the memo's last call (an editor
    /// changed the text of a meeting, not who took part), it is the memo's.
    static func resolveParticipants(_ lists: [[Located<String>]], _ definitions: [OrganizationDefinition],
                                    memo: OrganizationMemo?,
                                    section: String = SectionPaths.defaultSlug(.organizations),
                                    collation: Collation = .swedish) -> ResolvedParticipants {
        let memo = memo.flatMap { $0.definitions == definitions && $0.section == section && $0.collation == collation ? $0 : nil }
        if let hit = memo?.resolved(for: lists) { return hit }
        var directory = OrganizationDirectory(definitions, memo: memo, section: section, collation: collation)
        var slugs: [[String]] = []
        var entrySlugs: [[[String]]] = []
        var entryNames: [[[String]]] = []
        var warnings: [[Diagnostic]] = []
        var closest: [String: [String]] = [:]
        slugs.reserveCapacity(lists.count)
        warnings.reserveCapacity(lists.count)
        for list in lists {
            var mine: [String] = []
            // Organisations named by an entry of their own. A joined entry ("A / B") is a
            // shared seat, so A may also have a line of its own: only two entries of its
            // own are a repeat.
            var alone = Set<String>()
            var joined = Set<String>()
            var perEntry: [[String]] = []
            var names: [[String]] = []
            var said: [Diagnostic] = []
            for p in list {
                var entry: [String] = []
                let parts = joinedParts(p.value, directory)
                if parts.count > 1, !joined.insert(p.value.foldedForMatchingCached).inserted {
                    said.append(.warning(key: "diag_participant_twice", ["name": p.value], at: p.location))
                }
                for part in parts {
                    let (org, warning) = directory.resolve(part, at: p.location)
                    if let warning { said.append(warning) }
                    if !org.isListed {
                        let key = part.foldedForMatchingCached
                        if closest[key] == nil { closest[key] = directory.closestListed(to: part) }
                    }
                    entry.append(org.slug)
                    if parts.count == 1, !alone.insert(org.slug).inserted {
                        said.append(.warning(key: "diag_participant_twice", ["name": part], at: p.location))
                    }
                    if !mine.contains(org.slug) { mine.append(org.slug) }
                }
                perEntry.append(entry)
                names.append(parts)
            }
            slugs.append(mine)
            entrySlugs.append(perEntry)
            entryNames.append(names)
            warnings.append(said)
        }
        let resolved = ResolvedParticipants(organizations: directory.organizations, slugs: slugs, entrySlugs: entrySlugs, entryNames: entryNames,
                                            closest: closest, diagnostics: warnings, definitionClashes: directory.definitionClashes)
        memo?.remember(resolved, for: lists)
        return resolved
    }

    /// An entry that joins organisations ("Kyrkornas samarbetsråd / Stadsmissionen Väst",
    /// as minutes often write a shared seat) is matched part by part, unless the whole
    /// is itself a listed spelling.
    static func joinedParts(_ name: String, _ directory: OrganizationDirectory) -> [String] {
        guard name.containsASCII(" / "), !directory.isListedSpelling(name) else { return [name] }
        let parts = name.split(separator: " / ").map { String($0).trimmed }.filter { !$0.isEmpty }
        return parts.isEmpty ? [name] : parts
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
        for (e, excerpt) in meeting.excerpts.enumerated() {
            if let c = canonical(excerpt.themes) { meeting.excerpts[e].themes = c }
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
