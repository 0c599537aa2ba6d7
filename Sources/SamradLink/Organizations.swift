import SamradCore
import SamradParse

/// An organisation as the portal shows it: one page each, however its name was spelled.
public struct Organization: Sendable, Hashable {
    public var slug: String
    public var name: String
    public var kind: String?
    public var url: String?
    public var aliases: [String]
    /// False for names found only in meetings, not in organizations.yml.
    public var isListed: Bool
}

/// Matches participant names to organizations.yml by name or alias, ignoring case and
/// diacritics; names it does not know become organisations of their own.
public struct OrganizationDirectory: Sendable {
    public private(set) var organizations: [Organization] = []
    private var byKey: [String: Int] = [:]
    private var slugs = Slug.Registry()
    /// Which organisation has each address.
    private var bySlug: [String: Int] = [:]
    /// Two listed organisations whose names make one address: the later one gets `-2`,
    /// which moves if the file is reordered, so it is reported.
    public private(set) var definitionClashes: [Diagnostic] = []
    /// What an unlisted name that shares a page with another was told, by folded name, so
    /// that every meeting writing it is told.
    private var mergeNotes: [String: Diagnostic] = [:]
    private let memo: OrganizationMemo
    /// Close listed spellings for unlisted names that look like typos, by folded name, so
    /// that every meeting writing the typo is told, not only the first.
    private var typoHints: [String: [String]] = [:]
    /// Listed names and aliases exactly as written in organizations.yml: most participant
    /// lists use them, and then no folding is needed at all.
    private var exact: [String: Int] = [:]
    /// The organisation pages' folder, for the addresses in warnings.
    private let section: String
    /// The site's alphabetical order, which picks the name two unlisted spellings of one
    /// address are shown under.
    private let collation: Collation

    /// - Parameters:
    ///   - memo: what an earlier directory for the same definitions found out about
    ///     unlisted names (the preview links the whole site on every save); the caller
    ///     makes sure it was made for `definitions` and `section`.
    ///   - section: the organisation pages' folder (`paths.organizations` in site.yml,
    ///     "organisationer" by default), named in the addresses the warnings give.
    ///   - collation: the site's (`SiteConfig.collation`): of two unlisted names that
    ///     make one address, the page is named by the one first in its order.
    public init(_ definitions: [OrganizationDefinition], memo: OrganizationMemo? = nil,
                section: String = SectionPaths.defaultSlug(.organizations), collation: Collation = .swedish) {
        self.memo = memo ?? OrganizationMemo(definitions, section: section, collation: collation)
        self.section = section
        self.collation = collation
        for def in definitions {
            let wanted = Slug.stable(def.name, maxWords: 10, prefix: "organisation")
            let slug = slugs.claim(wanted)
            if slug != wanted, let other = bySlug[wanted] {
                definitionClashes.append(.warning(key: "diag_organization_address_clash", [
                    "name": def.name, "other": organizations[other].name,
                    "address": "/\(section)/\(wanted)/", "given": "/\(section)/\(slug)/",
                ], at: def.location))
            }
            let org = Organization(slug: slug, name: def.name, kind: def.kind,
                                   url: def.url, aliases: def.aliases, isListed: true)
            organizations.append(org)
            bySlug[slug] = organizations.count - 1
            for spelling in [def.name] + def.aliases where exact[spelling] == nil {
                exact[spelling] = organizations.count - 1
            }
            for spelling in [def.name] + def.aliases where byKey[spelling.foldedForMatchingCached] == nil {
                byKey[spelling.foldedForMatchingCached] = organizations.count - 1
            }
        }
    }

    /// Whether a name is one of organizations.yml's spellings (ignoring case and diacritics).
    public func isListedSpelling(_ name: String) -> Bool {
        if let index = exact[name] { return organizations[index].isListed }
        if let index = byKey[name.foldedForMatchingCached] { return organizations[index].isListed }
        return false
    }

    /// The organisation for a participant name, adding an unlisted one if needed.
    /// Returns a warning when the name looks like a typo of a listed one.
    public mutating func resolve(_ name: String, at location: SourceLocation) -> (Organization, Diagnostic?) {
        // A listed spelling is never a typo of another listed one.
        if let index = exact[name] { return (organizations[index], nil) }
        // Folded names are remembered process-wide: participants repeat in every meeting.
        let key = name.foldedForMatchingCached
        if let index = byKey[key] {
            let org = organizations[index]
            if var note = mergeNotes[key] {
                note.location = location
                return (org, note)
            }
            if org.isListed {
                // Matched only once diacritics are ignored ("Samarbetsrad" for
                // "samarbetsråd"): the page shows the listed spelling, and the author is
                // told, since the text said something else.
                let lower = name.lowercased()
                guard !([org.name] + org.aliases).contains(where: { $0.lowercased() == lower }) else { return (org, nil) }
                return (org, .warning(key: "diag_organization_spelled_differently", ["name": name, "listed": org.name], at: location))
            }
            return (org, typoHints[key].map { Self.typoWarning(name, $0, at: location) })
        }
        let slug = Slug.stable(name, maxWords: 10, prefix: "organisation")
        if let index = bySlug[slug] {
            // Another name already has this address. Numbering the newcomer would make
            // the address depend on which meeting was read first; one page for both
            // does not, and the author is told.
            byKey[key] = index
            let other = organizations[index]
            if !other.isListed, collation.less(name, other.name) { organizations[index].name = name }
            let note = Diagnostic.warning(key: "diag_organization_merged", ["name": name, "other": other.name, "address": "/\(section)/\(slug)/"], at: location)
            mergeNotes[key] = note
            return (organizations[index], note)
        }
        _ = slugs.claim(slug)
        let org = Organization(slug: slug, name: name, kind: nil, url: nil, aliases: [], isListed: false)
        organizations.append(org)
        bySlug[slug] = organizations.count - 1
        byKey[key] = organizations.count - 1
        let close = memo.closeListedSpellings(to: name)
        guard !close.isEmpty else { return (org, nil) }
        typoHints[key] = close
        return (org, Self.typoWarning(name, close, at: location))
    }

    /// Close listed spellings of a name (for the list of unlisted names at the end of `check`).
    public func closestListed(to name: String) -> [String] { memo.closeListedSpellings(to: name) }

    private static func typoWarning(_ name: String, _ close: [String], at location: SourceLocation) -> Diagnostic {
        .warning(key: "diag_organization_unknown_close", ["name": name, "alternatives_choices": Diagnostic.choices(close)], at: location)
    }
}

/// Close listed spellings of unlisted names, worked out once per name: comparing a name
/// against every spelling in organizations.yml is the slow part of linking, and the same
/// unlisted names come back in meeting after meeting and save after save.
public final class OrganizationMemo: @unchecked Sendable {
    public let definitions: [OrganizationDefinition]
    /// The organisation pages' folder the remembered warnings name.
    public let section: String
    /// The collation the remembered resolution was made with (it picks merged names).
    public let collation: Collation
    private let candidates: MatchCandidates
    private let close = Memo<String, [String]>()
    private let last = Locked<(lists: [[Located<String>]], resolved: ResolvedParticipants)?>(nil)

    public init(_ definitions: [OrganizationDefinition], section: String = SectionPaths.defaultSlug(.organizations),
                collation: Collation = .swedish) {
        self.definitions = definitions
        self.section = section
        self.collation = collation
        candidates = MatchCandidates(definitions.flatMap { [$0.name] + $0.aliases })
    }

    func resolved(for lists: [[Located<String>]]) -> ResolvedParticipants? {
        last.withLock { last in
            // Unchanged meetings share their lists' storage with the last call, so this
            // comparison is mostly identity checks.
            guard let last, last.lists == lists else { return nil }
            return last.resolved
        }
    }

    func remember(_ resolved: ResolvedParticipants, for lists: [[Located<String>]]) {
        last.withLock { $0 = (lists, resolved) }
    }

    func closeListedSpellings(to name: String) -> [String] {
        close.value(name) { candidates.closest(to: name, limit: 3, maxDistance: Swift.max(2, name.count / 6)) }
    }
}

struct ResolvedParticipants: Sendable {
    var organizations: [Organization]
    /// Per meeting: organisation slugs in the order written, without repeats.
    var slugs: [[String]]
    /// Per meeting, per participant entry: its organisations (more than one for a
    /// joined entry "A / B").
    var entrySlugs: [[[String]]]
    /// The names those slugs were written as, entry by entry (the parts of a joined one).
    var entryNames: [[[String]]]
    /// Unlisted names with the closest listed spellings, by folded name.
    var closest: [String: [String]]
    /// Per meeting: typo hints and repeated names.
    var diagnostics: [[Diagnostic]]
    /// Listed organisations that make one address.
    var definitionClashes: [Diagnostic] = []
}
