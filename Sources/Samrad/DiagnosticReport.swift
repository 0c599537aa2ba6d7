import SamradCore
import SamradRender

/// Diagnostics as JSON for editors and CI (`samrad check --format json`).
public enum DiagnosticReport {
    public static func json(_ report: BuildReport) -> String {
        let items = report.diagnostics.map { d -> JSON in
            .object([
                ("severity", .string(d.severity.rawValue)),
                ("file", .str(d.location?.file)),
                ("line", d.location.map { .int($0.line) } ?? .null),
                ("column", d.location.map { .int($0.column) } ?? .null),
                ("message", .string(d.message)),
            ])
        }
        return JSON.object([
            ("errors", .int(report.errors.count)),
            ("warnings", .int(report.warnings.count)),
            ("meetings", .int(report.meetings)),
            ("diagnostics", .array(items)),
        ]).serialized()
    }
}
