import SamradCore
import SamradLink
import SamradRender

/// Diagnostics as JSON for editors and CI (`samrad check --format json`).
public enum DiagnosticReport {
    /// The names not in organizations.yml, one line each, for the end of `check`.
    public static func unlistedLines(_ report: BuildReport) -> [String] {
        guard !report.unlistedNames.isEmpty else { return [] }
        var lines = ["\(report.unlistedNames.count) participant name\(report.unlistedNames.count == 1 ? " is" : "s are") not in content/organizations.yml (each gets a page of its own; add it, or an alias, to link it):"]
        for u in report.unlistedNames {
            let count = u.meetings.count
            var line = "  '\(u.name)' in \(count) meeting\(count == 1 ? "" : "s")"
            if !u.closest.isEmpty { line += "; closest: " + u.closest.map { "'\($0)'" }.joined(separator: ", ") }
            lines.append(line)
        }
        return lines
    }

    /// The report as JSON: `severity` stays "error" or "warning" (tools match on it),
    /// `message` is said in `catalogue`'s words and `key` names the catalogue entry.
    public static func json(_ report: BuildReport, _ catalogue: Catalogue? = nil) -> String {
        let catalogue = catalogue ?? report.catalogue
        let items = report.diagnostics.map { d -> JSON in
            .object([
                ("severity", .string(d.severity.rawValue)),
                ("file", .str(d.location?.file)),
                ("line", d.location.map { .int($0.line) } ?? .null),
                ("column", d.location.map { .int($0.column) } ?? .null),
                ("message", .string(d.message(in: catalogue))),
                ("key", .str(d.key)),
            ])
        }
        return JSON.object([
            ("errors", .int(report.errors.count)),
            ("warnings", .int(report.warnings.count)),
            ("meetings", .int(report.meetings)),
            ("diagnostics", .array(items)),
            ("unlisted_organizations", .array(report.unlistedNames.map { u in
                .object([("name", .string(u.name)), ("meetings", .array(u.meetings.map { .string($0) })),
                         ("closest", .array(u.closest.map { .string($0) }))])
            })),
        ]).serialized()
    }
}
