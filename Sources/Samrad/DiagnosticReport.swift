import SamradCore
import SamradLink
import SamradRender

/// Diagnostics as JSON for editors and CI (`samrad check --format json`).
public enum DiagnosticReport {
    /// The names not in organizations.yml, one line each, for the end of `check`, in
    /// the words of `t` (English when not given).
    public static func unlistedLines(_ report: BuildReport, _ t: Catalogue = .english) -> [String] {
        guard !report.unlistedNames.isEmpty else { return [] }
        var lines = [t.text("cli_unlisted_heading", ["names": t.count(report.unlistedNames.count, "cli_count_unlisted_name")])]
        for u in report.unlistedNames {
            var line = t.text("cli_unlisted_name", ["name": u.name, "meetings": t.count(u.meetings.count, "cli_count_meeting")])
            if !u.closest.isEmpty { line += t.text("cli_unlisted_closest", ["names": u.closest.map { "'\($0)'" }.joined(separator: ", ")]) }
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
