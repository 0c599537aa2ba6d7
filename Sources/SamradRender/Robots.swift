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
        return .warning("base_url is under \(config.basePath), so crawlers never read \(config.absoluteURL("robots.txt")); they read only \(host)/robots.txt. To point them at the sitemap, add the line 'Sitemap: \(config.absoluteURL("sitemap.xml"))' to the robots.txt at the host's root (see the README)",
                        at: fromCommandLine ? nil : SourceLocation(file: "site.yml"))
    }
}
