import Foundation
import SamradCore
import SamradLoad
import SamradParse

/// The words of a site's language read from its `site.yml` alone (with its own
/// `i18n/<language>.yml`), for what a command says before or without a build: `new`,
/// `templates`, the progress lines of `build`. Swedish when there is no readable site.
public enum SiteWords {
    public static func of(site: String) -> Catalogue {
        let root = URL(fileURLWithPath: site)
        func read(_ path: String) -> SourceFile? {
            let absolute = root.appendingPathComponent(path).path
            guard let data = FileManager.default.contents(atPath: absolute), let text = String(data: data, encoding: .utf8) else { return nil }
            return SourceFile(path: path, absolutePath: absolute, text: text)
        }
        guard let file = read("site.yml") else { return .swedish }
        // Problems in site.yml are the build's to report; here only the language counts.
        var ignored = Diagnostics()
        let language = ConfigParsing.site(file, &ignored).language
        let own = read("i18n/\(language).yml").map { [$0] } ?? []
        return ConfigParsing.site(file, catalogues: own, &ignored).catalogue
    }
}
