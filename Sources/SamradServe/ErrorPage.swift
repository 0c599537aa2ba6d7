import Hummingbird
import SamradCore

/// The page every HTML request gets while the latest build has errors: in the site's
/// look (its own style sheet, header and footer classes), listing every diagnostic with
/// file, line, column and message, warnings after errors. It carries the live-reload
/// script, so fixing the file brings the page back by itself.
enum ErrorPage {
    static func render(diagnostics: [Diagnostic], siteTitle: String, language: String, version: String) -> ByteBuffer {
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }
        var html = """
        <!DOCTYPE html>
        <html lang="\(language.htmlEscaped)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>Bygget misslyckades – \(siteTitle.htmlEscaped)</title>
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
        <p class="kind-label">Förhandsvisning</p>
        <h1>Sidan kunde inte byggas</h1>
        <p class="lede">samrad hittade \(count(errors.count, "fel", "fel")) i innehållet. Rätta och spara filen, så laddas sidan om av sig själv.</p>

        """
        html += list(errors)
        if !warnings.isEmpty {
            html += "<h2>\(count(warnings.count, "varning", "varningar"))</h2>\n"
            html += list(warnings)
        }
        html += """
        </div>
        </main>
        <footer class="site-footer">
        <div class="wrap">
        <p>\(siteTitle.htmlEscaped) – förhandsvisning med <code>samrad serve</code></p>
        </div>
        </footer>
        \(LiveReload.tag(version: version))
        </body>
        </html>

        """
        return ByteBuffer(string: html)
    }

    private static func list(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "" }
        var out = "<ol class=\"samrad-diagnostics\">\n"
        for d in diagnostics {
            let place = d.location?.description ?? "(webbplatsen)"
            out += "<li class=\"samrad-\(d.severity.rawValue)\"><code class=\"samrad-location\">\(place.htmlEscaped)</code> "
            out += "<span class=\"samrad-severity\">\(d.severity == .error ? "fel" : "varning")</span> "
            out += "<span class=\"samrad-message\">\(d.message.htmlEscaped)</span></li>\n"
        }
        out += "</ol>\n"
        return out
    }

    private static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
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
