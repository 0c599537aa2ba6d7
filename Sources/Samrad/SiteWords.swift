import Foundation
import SamradCore
import SamradLoad
import SamradParse

/// The words of a site's language read from its `site.yml` alone (with its own
/// `i18n/<language>.yml`), for what a command says before or without a build: `new`,
/// `templates`, the progress lines of `build`. Swedish when there is no readable site.
/// `config(site:)` gives the rest of site.yml the same way (`new page` checks `paths:`).
public enum SiteWords {
    public static func of(site: String) -> Catalogue {
        config(site: site)?.catalogue ?? .swedish
    }

    /// The site's settings as `site.yml` gives them (its words included), nil when there
    /// is no readable site.yml; problems in it are the build's to report, not this one's.
    public static func config(site: String) -> SiteConfig? {
        let root = URL(fileURLWithPath: site)
        func read(_ path: String) -> SourceFile? {
            let absolute = root.appendingPathComponent(path).path
            guard let data = FileManager.default.contents(atPath: absolute), let text = String(data: data, encoding: .utf8) else { return nil }
            return SourceFile(path: path, absolutePath: absolute, text: text)
        }
        guard let file = read("site.yml") else { return nil }
        var ignored = Diagnostics()
        let language = ConfigParsing.site(file, &ignored).language
        let own = read("i18n/\(language).yml").map { [$0] } ?? []
        return ConfigParsing.site(file, catalogues: own, &ignored)
    }
}
