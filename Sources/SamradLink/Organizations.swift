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
    private let memo: OrganizationMemo
    /// Close listed spellings for unlisted names that look like typos, by folded name, so
    /// that every meeting writing the typo is told, not only the first.
    private var typoHints: [String: [String]] = [:]
    /// Listed names and aliases exactly as written in organizations.yml: most participant
    /// lists use them, and then no folding is needed at all.
    private var exact: [String: Int] = [:]

    /// - Parameter memo: what an earlier directory for the same definitions found out
    ///   about unlisted names (the preview links the whole site on every save); the
    ///   caller makes sure it was made for `definitions`.
    public init(_ definitions: [OrganizationDefinition], memo: OrganizationMemo? = nil) {
        self.memo = memo ?? OrganizationMemo(definitions)
        for def in definitions {
            let org = Organization(slug: slugs.claim(Slug.make(def.name, maxWords: 10)), name: def.name, kind: def.kind,
                                   url: def.url, aliases: def.aliases, isListed: true)
            organizations.append(org)
            for spelling in [def.name] + def.aliases where exact[spelling] == nil {
                exact[spelling] = organizations.count - 1
            }
            for spelling in [def.name] + def.aliases where byKey[spelling.foldedForMatchingCached] == nil {
                byKey[spelling.foldedForMatchingCached] = organizations.count - 1
            }
        }
    }

    /// The organisation for a participant name, adding an unlisted one if needed.
    /// Returns a warning when the name looks like a typo of a listed one.
    public mutating func resolve(_ name: String, at location: SourceLocation) -> (Organization, Diagnostic?) {
        // A listed spelling is never a typo of another listed one.
        if let index = exact[name] { return (organizations[index], nil) }
        // Folded names are remembered process-wide: participants repeat in every meeting.
        let key = name.foldedForMatchingCached
        if let index = byKey[key] {
            return (organizations[index], typoHints[key].map { Self.typoWarning(name, $0, at: location) })
        }
        let org = Organization(slug: slugs.claim(Slug.make(name, maxWords: 10)), name: name, kind: nil, url: nil, aliases: [], isListed: false)
        organizations.append(org)
        byKey[key] = organizations.count - 1
        let close = memo.closeListedSpellings(to: name)
        guard !close.isEmpty else { return (org, nil) }
        typoHints[key] = close
        return (org, Self.typoWarning(name, close, at: location))
    }

    private static func typoWarning(_ name: String, _ close: [String], at location: SourceLocation) -> Diagnostic {
        .warning("unknown organisation '\(name)' (did you mean \(quotedAlternatives(close))?); it gets a page of its own unless you fix the spelling or add it as an alias in organizations.yml", at: location)
    }
}

/// Close listed spellings of unlisted names, worked out once per name: comparing a name
/// against every spelling in organizations.yml is the slow part of linking, and the same
/// unlisted names come back in meeting after meeting and save after save.
public final class OrganizationMemo: @unchecked Sendable {
    public let definitions: [OrganizationDefinition]
    private let candidates: MatchCandidates
    private let close = Memo<String, [String]>()
    private let last = Locked<(lists: [[Located<String>]], resolved: ResolvedParticipants)?>(nil)

    public init(_ definitions: [OrganizationDefinition]) {
        self.definitions = definitions
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
    /// Per meeting: typo hints and repeated names.
    var diagnostics: [[Diagnostic]]
}
