import SamradCore
import SamradParse

/// The accessibility statement (tillgänglighetsredogörelse) Swedish public bodies must
/// publish under the law on accessibility of digital public services, filled from the
/// `accessibility:` section of site.yml.
public enum AccessibilityStatement {
    static let statuses = ["full", "partial", "none"]

    /// What is missing or wrong in site.yml, as warnings: the site still builds.
    public static func validate(_ config: SiteConfig) -> [Diagnostic] {
        let at = SourceLocation(file: "site.yml")
        let a = config.accessibility
        if a.isEmpty {
            return [.warning("site.yml has no 'accessibility:' section, so the accessibility statement (/tillganglighet/) lacks its facts; see the README", at: at)]
        }
        var out: [Diagnostic] = []
        let status = a["status"] ?? ""
        if !statuses.contains(status) {
            out.append(.warning("accessibility.status must be full, partial or none (helt, delvis or inte förenlig)", at: at))
        }
        if status != "full" && (a["known_problems"] ?? "").trimmed.isEmpty {
            out.append(.warning("accessibility.known_problems is empty, but a site that is not fully compliant must list its known problems", at: at))
        }
        if (a["contact_email"] ?? "").isEmpty && (a["contact_url"] ?? "").isEmpty {
            out.append(.warning("accessibility needs contact_email or contact_url, so readers can report problems", at: at))
        }
        for key in ["assessment_date", "updated"] {
            guard let value = a[key] else {
                out.append(.warning("accessibility.\(key) is missing (YYYY-MM-DD)", at: at))
                continue
            }
            if ISODate(value) == nil { out.append(.warning("accessibility.\(key) '\(value)' is not a date (YYYY-MM-DD)", at: at)) }
        }
        if let published = a["published"], ISODate(published) == nil {
            out.append(.warning("accessibility.published '\(published)' is not a date (YYYY-MM-DD)", at: at))
        }
        return out
    }

    static func context(_ config: SiteConfig, html: HTMLRenderer) -> [String: Any] {
        let a = config.accessibility
        func text(_ key: String) -> Any { nonEmpty(a[key]?.trimmed) }
        func markdown(_ key: String) -> Any {
            guard let source = a[key]?.trimmed, !source.isEmpty else { return false }
            // Raw HTML stays off here whatever the site allows elsewhere.
            var safe = html
            safe.allowRawHTML = false
            return safe.render(MarkdownParser.parse(source).document.children)
        }
        func date(_ key: String) -> (iso: Any, text: Any) {
            guard let raw = a[key], let d = ISODate(raw) else { return (false, false) }
            return (d.description, DateFormatting.long(d, language: config.language))
        }
        let status = a["status"] ?? ""
        let assessed = date("assessment_date"), published = date("published"), updated = date("updated")
        let statement: [String: Any] = [
            "organization": a["organization"] ?? (config.organization.isEmpty ? config.title : config.organization),
            "service": a["service"] ?? config.title,
            "isFull": status == "full", "isPartial": status == "partial", "isNone": status == "none",
            "problemsHTML": markdown("known_problems"), "burdenHTML": markdown("disproportionate_burden"),
            "outOfScopeHTML": markdown("out_of_scope"),
            "contactEmail": text("contact_email"), "contactPhone": text("contact_phone"),
            "contactURL": text("contact_url"), "responseTime": text("response_time"),
            "method": text("assessment_method"),
            "assessedISO": assessed.iso, "assessedText": assessed.text,
            "publishedISO": published.iso, "publishedText": published.text,
            "updatedISO": updated.iso, "updatedText": updated.text,
        ]
        return ["statement": statement]
    }
}
