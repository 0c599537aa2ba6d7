import SamradCore
import SamradLoad
import Yams

/// `site.yml`, `themes.yml` and `organizations.yml`.
public enum ConfigParsing {
    static let siteFields = ["title", "description", "base_url", "language", "organization", "labels", "markdown", "accessibility", "attachments", "kinds", "paths"]

    /// `site.yml` with the words of its language: samrad's catalogue of it and the
    /// site's own `i18n/<language>.yml` among `catalogues` over it.
    public static func site(_ file: SourceFile?, catalogues: [SourceFile] = [], _ diagnostics: inout Diagnostics) -> SiteConfig {
        var config = settings(file, &diagnostics)
        let path = "i18n/\(config.language).yml"
        var own: [String: (Catalogue.Entry, SourceLocation)]?
        if let file = catalogues.first(where: { $0.path == path }) {
            let reader = YAMLReader(file: file.path)
            if let root = reader.compose(file.text, &diagnostics) {
                let (entries, problems) = Catalogue.entries(of: root, path: file.path)
                diagnostics.append(contentsOf: problems)
                own = entries
            } else {
                own = [:]
            }
        }
        let (catalogue, problems) = Catalogue.forSite(language: config.language, own: own, path: path)
        diagnostics.append(contentsOf: problems)
        config.catalogue = catalogue
        // A site in another language that does not name its labels writes its questions
        // and summaries (and lists of questions) in its own words first ("Question 2 – …");
        // the Swedish ones still work.
        let defaults = SiteConfig()
        if config.questionLabels == defaults.questionLabels, catalogue["question_label"] != defaults.questionLabels[0] {
            config.questionLabels = [catalogue["question_label"]] + defaults.questionLabels
        }
        if config.summaryLabels == defaults.summaryLabels, catalogue["summary_label"] != defaults.summaryLabels[0] {
            config.summaryLabels = [catalogue["summary_label"]] + defaults.summaryLabels
        }
        if config.questionsListLabels == defaults.questionsListLabels, catalogue["questions_list_label"] != defaults.questionsListLabels[0] {
            config.questionsListLabels = [catalogue["questions_list_label"]] + defaults.questionsListLabels
        }
        return config
    }

    static func settings(_ file: SourceFile?, _ diagnostics: inout Diagnostics) -> SiteConfig {
        var config = SiteConfig()
        guard let file else { return config }
        let reader = YAMLReader(file: file.path)
        guard let root = reader.compose(file.text, &diagnostics) else { return config }
        guard case .mapping = root else {
            diagnostics.error(key: "diag_site_not_fields", ["kind_key": reader.kindKey(root)], at: reader.location(root))
            return config
        }
        for (key, keyNode, value) in reader.fields(root) {
            switch key {
            case "title": if let t = reader.text(value, field: key, &diagnostics) { config.title = t.trimmed }
            case "description": config.description = reader.text(value, field: key, &diagnostics)?.trimmed ?? ""
            case "base_url":
                if let u = reader.text(value, field: key, &diagnostics) {
                    if let problem = ConfigURLs.baseURLProblemKey(u) {
                        diagnostics.error(key: "diag_base_url", problem.asReason, at: reader.location(value))
                    } else {
                        config.baseURL = SiteConfig.normalizeBaseURL(u)
                    }
                }
            case "language": if let l = reader.text(value, field: key, &diagnostics) { config.language = l.trimmed }
            case "organization": config.organization = reader.text(value, field: key, &diagnostics)?.trimmed ?? ""
            case "labels":
                for (lkey, lkeyNode, lvalue) in reader.fields(value) {
                    var labels: [String] = []
                    if case .scalar(let s) = lvalue { labels = [s.string.trimmed] } else {
                        labels = reader.textList(lvalue, field: "labels.\(lkey)", &diagnostics).map(\.0)
                    }
                    labels = labels.filter { !$0.isEmpty }
                    switch lkey {
                    case "question": if !labels.isEmpty { config.questionLabels = labels }
                    case "summary": if !labels.isEmpty { config.summaryLabels = labels }
                    case "questions_list": if !labels.isEmpty { config.questionsListLabels = labels }
                    default:
                        diagnostics.warning(key: "diag_unknown_label", ["label": lkey], at: reader.location(lkeyNode))
                    }
                }
            case "markdown":
                for (mkey, mkeyNode, mvalue) in reader.fields(value) {
                    if mkey == "raw_html" {
                        config.allowRawHTML = reader.bool(mvalue, field: "markdown.raw_html", &diagnostics) ?? false
                    } else {
                        diagnostics.warning(key: "diag_unknown_setting", ["setting": "markdown.\(mkey)", "known": "raw_html"], at: reader.location(mkeyNode))
                    }
                }
            case "attachments":
                for (akey, akeyNode, avalue) in reader.fields(value) {
                    if akey == "allow" {
                        let kinds = reader.textList(avalue, field: "attachments.allow", &diagnostics).map(\.0)
                        config.extraAttachmentTypes = Set(kinds.map { ($0.hasPrefix(".") ? String($0.dropFirst()) : $0).lowercased() }.filter { !$0.isEmpty })
                    } else {
                        diagnostics.warning(key: "diag_unknown_setting", ["setting": "attachments.\(akey)", "known": "allow"], at: reader.location(akeyNode))
                    }
                }
            case "kinds":
                guard case .mapping = value else {
                    diagnostics.error(key: "diag_kinds_not_fields", at: reader.location(value))
                    break
                }
                for (kkey, _, kvalue) in reader.fields(value) {
                    let raw = reader.text(kvalue, field: "kinds.\(kkey)", &diagnostics)?.trimmed.lowercased() ?? ""
                    if let type = DocumentType(rawValue: raw) { config.kinds[kkey.trimmed.lowercased()] = type } else {
                        diagnostics.error(key: "diag_kind_bad_type", ["kind": kkey, "type": raw], at: reader.location(kvalue))
                    }
                }
            case "paths":
                config.paths = paths(value, reader: reader, &diagnostics)
            case "accessibility":
                for (akey, _, avalue) in reader.fields(value) {
                    guard let t = reader.text(avalue, field: "accessibility.\(akey)", &diagnostics) else { continue }
                    // The contact address becomes a link on the statement page.
                    if akey == "contact_url", let problem = ConfigURLs.webOrMailProblemKey(t) {
                        diagnostics.error(key: "diag_contact_url", problem.asReason, at: reader.location(avalue))
                        continue
                    }
                    if akey == "contact_email", let problem = ConfigURLs.emailProblemKey(t) {
                        diagnostics.error(key: "diag_contact_email", problem.asReason, at: reader.location(avalue))
                        continue
                    }
                    config.accessibility[akey] = t
                }
            default:
                FrontMatterParsing.unknownField(key, known: siteFields, at: reader.location(keyNode), &diagnostics)
            }
        }
        return config
    }

    /// `paths:`: a section key and the one slug it is published under. An unknown key is
    /// a warning naming the closest key; a value that is not a safe slug, or a slug two
    /// sections share, is an error (their pages would overwrite each other) and the
    /// default is kept.
    static func paths(_ node: Node, reader: YAMLReader, _ diagnostics: inout Diagnostics) -> SectionPaths {
        var paths = SectionPaths()
        guard case .mapping = node else {
            diagnostics.error(key: "diag_paths_not_fields", at: reader.location(node))
            return paths
        }
        let known = SectionPaths.Section.allCases.map(\.rawValue)
        var claimed: [String: String] = [:]
        var set: [(SectionPaths.Section, String, Node)] = []
        for (key, keyNode, value) in reader.fields(node) {
            guard let section = SectionPaths.Section(rawValue: key) else {
                let close = closestMatches(to: key, in: known, limit: 1)
                diagnostics.warning(key: close.isEmpty ? "diag_paths_unknown" : "diag_paths_unknown_close",
                                    ["key": key, "closest": close.first ?? "", "known": known.joined(separator: ", ")], at: reader.location(keyNode))
                continue
            }
            guard let raw = reader.text(value, field: "paths.\(key)", &diagnostics) else { continue }
            let slug = raw.trimmed
            guard SectionPaths.isSafeSlug(slug) else {
                diagnostics.error(key: "diag_paths_not_slug", ["key": key, "value": slug], at: reader.location(value))
                continue
            }
            set.append((section, slug, value))
        }
        // Sections left at their default hold their slug too: `themes: moten` clashes with the meetings.
        let named = Set(set.map(\.0))
        for section in SectionPaths.Section.allCases where !named.contains(section) {
            claimed[SectionPaths.defaultSlug(section)] = section.rawValue
        }
        for (section, slug, value) in set {
            if let other = claimed[slug], other != section.rawValue {
                diagnostics.error(key: "diag_paths_shared", ["key": section.rawValue, "value": slug, "other": other], at: reader.location(value))
                continue
            }
            claimed[slug] = section.rawValue
            paths[section] = slug
        }
        return paths
    }

    public static func themes(_ file: SourceFile?, _ diagnostics: inout Diagnostics) -> [ThemeDefinition] {
        guard let file else { return [] }
        let reader = YAMLReader(file: file.path)
        guard let root = reader.compose(file.text, &diagnostics) else { return [] }
        guard case .sequence(let items) = root else {
            diagnostics.error(key: "diag_themes_not_list", at: reader.location(root))
            return []
        }
        var themes: [ThemeDefinition] = []
        var seen: [String: (slug: String, at: SourceLocation)] = [:]
        for item in items {
            guard case .mapping = item else {
                diagnostics.error(key: "diag_theme_not_fields", at: reader.location(item))
                continue
            }
            var slug = "", name = "", description = ""
            var aliases: [String] = []
            for (key, keyNode, value) in reader.fields(item) {
                switch key {
                case "slug": slug = reader.text(value, field: key, &diagnostics)?.trimmed ?? ""
                case "name": name = reader.text(value, field: key, &diagnostics)?.trimmed ?? ""
                case "description": description = reader.text(value, field: key, &diagnostics)?.trimmed ?? ""
                case "aliases": aliases = reader.textList(value, field: key, &diagnostics).map(\.0)
                default: FrontMatterParsing.unknownField(key, known: ["slug", "name", "description", "aliases"], at: reader.location(keyNode), &diagnostics)
                }
            }
            let at = reader.location(item)
            guard !slug.isEmpty else {
                diagnostics.error(key: "diag_theme_no_slug", at: at)
                continue
            }
            guard slug.isThemeSlug else {
                diagnostics.error(key: "diag_theme_bad_slug", ["slug": slug], at: at)
                continue
            }
            // Folded: 'anhoriga' and 'anhöriga' are one word to a reader and one address
            // to anyone typing it.
            if let previous = seen[slug.foldedForMatching] {
                let same = previous.slug == slug
                diagnostics.error(key: same ? "diag_theme_twice" : "diag_theme_folded_twin",
                                  ["slug": slug, "other": previous.slug, "line": String(previous.at.line)], at: at)
                continue
            }
            seen[slug.foldedForMatching] = (slug, at)
            for alias in aliases where !alias.isThemeSlug {
                diagnostics.error(key: "diag_theme_bad_alias", ["alias": alias, "slug": slug], at: at)
            }
            themes.append(ThemeDefinition(slug: slug, name: name.isEmpty ? slug : name, description: description,
                                          aliases: aliases.filter(\.isThemeSlug), location: at))
        }
        return themes
    }

    public static func organizations(_ file: SourceFile?, _ diagnostics: inout Diagnostics) -> [OrganizationDefinition] {
        guard let file else { return [] }
        let reader = YAMLReader(file: file.path)
        guard let root = reader.compose(file.text, &diagnostics) else { return [] }
        guard case .sequence(let items) = root else {
            diagnostics.error(key: "diag_organizations_not_list", at: reader.location(root))
            return []
        }
        var result: [OrganizationDefinition] = []
        // Folded spelling → the organisation (index into `result`) and line that has it.
        var seen: [String: (org: Int, at: SourceLocation)] = [:]
        for item in items {
            let at = reader.location(item)
            var org = OrganizationDefinition(name: "", location: at)
            var spellingsAt: [SourceLocation] = []
            switch item {
            case .scalar(let s):
                org.name = s.string.trimmed
            case .mapping:
                for (key, keyNode, value) in reader.fields(item) {
                    switch key {
                    case "name": org.name = reader.text(value, field: key, &diagnostics)?.trimmed ?? ""
                    case "aliases":
                        let aliases = reader.textList(value, field: key, &diagnostics)
                        org.aliases = aliases.map(\.0)
                        spellingsAt = aliases.map(\.1)
                    case "kind": org.kind = reader.text(value, field: key, &diagnostics)?.trimmed
                    case "url":
                        if let u = reader.text(value, field: key, &diagnostics)?.trimmed {
                            if URLSafety.isSafe(u) && !URLSafety.isRelative(u) { org.url = u } else {
                                diagnostics.error(key: "diag_organization_bad_url", at: reader.location(value))
                            }
                        }
                    default: FrontMatterParsing.unknownField(key, known: ["name", "aliases", "kind", "url"], at: reader.location(keyNode), &diagnostics)
                    }
                }
            default:
                diagnostics.error(key: "diag_organization_not_fields", at: at)
                continue
            }
            guard !org.name.isEmpty else {
                diagnostics.error(key: "diag_organization_no_name", at: at)
                continue
            }
            // A spelling that two organisations share makes participants ambiguous: an
            // error. An alias that only repeats its own organisation's name (up to case or
            // diacritics) changes nothing: a warning naming both lines.
            for (n, spelling) in ([org.name] + org.aliases).enumerated() {
                let key = spelling.foldedForMatching
                let here = n == 0 ? at : (n - 1 < spellingsAt.count ? spellingsAt[n - 1] : at)
                if let previous = seen[key] {
                    if previous.org == result.count {
                        diagnostics.warning(key: "diag_organization_repeated_spelling", ["spelling": spelling, "line": String(previous.at.line)], at: here)
                    } else {
                        diagnostics.error(key: "diag_organization_shared_spelling", ["spelling": spelling, "line": String(previous.at.line)], at: here)
                    }
                    continue
                }
                seen[key] = (result.count, here)
            }
            result.append(org)
        }
        return result
    }
}
