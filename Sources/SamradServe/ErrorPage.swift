import Hummingbird
import SamradCore

/// The page every HTML request gets while the latest build has errors: in the site's
/// look (its own style sheet, header and footer classes), listing every diagnostic with
/// file, line, column and message, warnings after errors. It carries the live-reload
/// script, so fixing the file brings the page back by itself.
enum ErrorPage {
    static func render(diagnostics: [Diagnostic], siteTitle: String, language: String, version: String, words t: Catalogue = .swedish) -> ByteBuffer {
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }
        var html = """
        <!DOCTYPE html>
        <html lang="\(language.htmlEscaped)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(t["preview_failed_title"].htmlEscaped) – \(siteTitle.htmlEscaped)</title>
        <link rel="stylesheet" href="/assets/style.css">
        <link rel="stylesheet" href="/_samrad/preview.css">
        </head>
        <body>
        <header class="site-header">
        <div class="wrap header-inner">
        <a class="site-title" href="/">\(siteTitle.htmlEscaped)</a>
        </div>
        </header>
        <main id="main" tabindex="-1">
        <div class="wrap prose samrad-build-failed">
        <p class="kind-label">\(t["preview_label"].htmlEscaped)</p>
        <h1>\(t["preview_heading"].htmlEscaped)</h1>
        <p class="lede">\(t.text("preview_lede", ["errors": t.count(errors.count, "cli_count_error")]).htmlEscaped)</p>

        """
        html += list(errors, t)
        if !warnings.isEmpty {
            html += "<h2>\(t.count(warnings.count, "cli_count_warning").htmlEscaped)</h2>\n"
            html += list(warnings, t)
        }
        html += """
        </div>
        </main>
        <footer class="site-footer">
        <div class="wrap">
        <p>\(siteTitle.htmlEscaped) – \(t["preview_footer"].htmlEscaped) <code>samrad serve</code></p>
        </div>
        </footer>
        \(LiveReload.tag(version: version))
        </body>
        </html>

        """
        return ByteBuffer(string: html)
    }

    /// The page is read by people, not parsed: "fel" and "varning" in a Swedish site.
    private static func list(_ diagnostics: [Diagnostic], _ t: Catalogue) -> String {
        guard !diagnostics.isEmpty else { return "" }
        var out = "<ol class=\"samrad-diagnostics\">\n"
        for d in diagnostics {
            let place = d.location?.description ?? t["preview_whole_site"]
            out += "<li class=\"samrad-\(d.severity.rawValue)\"><code class=\"samrad-location\">\(place.htmlEscaped)</code> "
            out += "<span class=\"samrad-severity\">\(t[d.severity == .error ? "preview_error" : "preview_warning"].htmlEscaped)</span> "
            out += "<span class=\"samrad-message\">\(d.message(in: t).htmlEscaped)</span></li>\n"
        }
        out += "</ol>\n"
        return out
    }

    /// A few rules of its own on top of the site's style sheet (kept out of the page so
    /// a strict CSP would allow it too).
    static let css = """
    .samrad-diagnostics { list-style: none; padding: 0; margin: 1.5rem 0; }
    .samrad-diagnostics li { border-left: 4px solid #b3261e; background: rgba(179, 38, 30, 0.06); padding: 0.6rem 0.9rem; margin: 0 0 0.6rem; border-radius: 0 4px 4px 0; }
    .samrad-diagnostics li.samrad-warning { border-left-color: #8a5a00; background: rgba(138, 90, 0, 0.07); }
    .samrad-location { font-weight: 600; word-break: break-all; }
    .samrad-severity { text-transform: uppercase; font-size: 0.8rem; letter-spacing: 0.05em; font-weight: 700; margin: 0 0.35rem; }
    .samrad-error .samrad-severity { color: #b3261e; }
    .samrad-warning .samrad-severity { color: #8a5a00; }
    .samrad-message { display: block; margin-top: 0.2rem; }

    """
}
