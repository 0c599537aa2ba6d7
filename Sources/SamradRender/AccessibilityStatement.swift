import Mustache
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
            return [.warning(key: "diag_accessibility_missing", ["path": "/\(config.paths.accessibility)"], at: at)]
        }
        var out: [Diagnostic] = []
        let status = a["status"] ?? ""
        if !statuses.contains(status) {
            out.append(.warning(key: "diag_accessibility_status", at: at))
        }
        if status != "full" && (a["known_problems"] ?? "").trimmed.isEmpty {
            out.append(.warning(key: "diag_accessibility_known_problems", at: at))
        }
        if (a["contact_email"] ?? "").isEmpty && (a["contact_url"] ?? "").isEmpty {
            out.append(.warning(key: "diag_accessibility_contact", at: at))
        }
        for key in ["assessment_date", "updated"] {
            guard let value = a[key] else {
                out.append(.warning(key: "diag_accessibility_date_missing", ["field": "accessibility.\(key)"], at: at))
                continue
            }
            if ISODate(value) == nil { out.append(.warning(key: "diag_accessibility_not_a_date", ["field": "accessibility.\(key)", "value": value], at: at)) }
        }
        if let published = a["published"], ISODate(published) == nil {
            out.append(.warning(key: "diag_accessibility_not_a_date", ["field": "accessibility.published", "value": published], at: at))
        }
        return out
    }

    static func view(_ config: SiteConfig, html: HTMLRenderer) -> Page {
        let a = config.accessibility
        func text(_ key: String) -> Text { Text(a[key]?.trimmed) }
        func markdown(_ key: String) -> HTML {
            guard let source = a[key]?.trimmed, !source.isEmpty else { return HTML("") }
            // Raw HTML stays off here whatever the site allows elsewhere.
            var safe = html
            safe.allowRawHTML = false
            return HTML(safe.render(MarkdownParser.parse(source).document.children))
        }
        func date(_ key: String) -> Statement.Day {
            guard let raw = a[key], let d = ISODate(raw) else { return Statement.Day(iso: Text(nil), text: Text(nil)) }
            return Statement.Day(iso: Text(d.description), text: Text(config.catalogue.date(d)))
        }
        return Page(statement: Statement(
            catalogue: config.catalogue,
            organization: a["organization"] ?? (config.organization.isEmpty ? config.title : config.organization),
            service: a["service"] ?? config.title, status: a["status"] ?? "",
            problemsHTML: markdown("known_problems"), burdenHTML: markdown("disproportionate_burden"),
            outOfScopeHTML: markdown("out_of_scope"),
            contactEmail: text("contact_email"), contactPhone: text("contact_phone"),
            contactURL: text("contact_url"), responseTime: text("response_time"), method: text("assessment_method"),
            assessed: date("assessment_date"), published: date("published"), updated: date("updated")))
    }

    /// accessibility.mustache: everything is under `statement`.
    struct Page: MustacheParent {
        let statement: Statement

        func child(named key: String) -> Any? { key == "statement" ? statement : nil }
    }

    /// `{{statement.…}}`. `status` is full, partial or none; dates are ISO and long Swedish text.
    struct Statement: MustacheParent {
        struct Day { let iso: Text, text: Text }

        let catalogue: Catalogue
        let organization: String, service: String, status: String
        let problemsHTML: HTML, burdenHTML: HTML, outOfScopeHTML: HTML
        let contactEmail: Text, contactPhone: Text, contactURL: Text, responseTime: Text, method: Text
        let assessed: Day, published: Day, updated: Day

        func child(named key: String) -> Any? {
            switch key {
            case "organization": organization
            case "service": service
            case "ledeText": catalogue.text("a11y_lede", ["organization": organization, "service": service])
            case "contactText": catalogue.text("a11y_contact", ["service": service])
            case "responseText": catalogue.text("a11y_response", ["time": responseTime.text])
            case "methodText": catalogue.text("a11y_method", ["method": method.text])
            case "isFull": status == "full"
            case "isPartial": status == "partial"
            case "isNone": status == "none"
            case "problemsHTML": problemsHTML
            case "burdenHTML": burdenHTML
            case "outOfScopeHTML": outOfScopeHTML
            case "contactEmail": contactEmail
            case "contactPhone": contactPhone
            case "contactURL": contactURL
            case "responseTime": responseTime
            case "method": method
            case "assessedISO": assessed.iso
            case "assessedText": assessed.text
            case "publishedISO": published.iso
            case "publishedText": published.text
            case "updatedISO": updated.iso
            case "updatedText": updated.text
            default: nil
            }
        }
    }
}
