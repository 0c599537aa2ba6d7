import SamradCore

/// robots.txt. Crawlers read it only at the root of a host (RFC 9309 §2.3), so a site
/// whose base_url has a sub-path writes one that no crawler reads; the build says so.
public enum Robots {
    static func text(_ config: SiteConfig) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(config.absoluteURL("sitemap.xml"))\n"
    }

    /// One warning per build when base_url is below the host's root, naming the line to
    /// add to the host's own robots.txt instead; nil at the root.
    /// - Parameter fromCommandLine: base_url came from `--base-url`, so site.yml is not the place to point at.
    public static func subPathWarning(_ config: SiteConfig, fromCommandLine: Bool) -> Diagnostic? {
        guard config.basePath != "/" else { return nil }
        let host = String(config.baseURL.dropLast(config.basePath.count))
        return .warning(key: "diag_robots_sub_path", [
            "path": config.basePath, "robots": config.absoluteURL("robots.txt"), "host": host, "sitemap": config.absoluteURL("sitemap.xml"),
        ], at: fromCommandLine ? nil : SourceLocation(file: "site.yml"))
    }
}
