import Foundation
import Testing
@testable import Samrad
@testable import SamradRender

/// The numbers on the theme × year heat map must reach WCAG's 4.5:1 on their own cell,
/// whose colour depends on the count and the colour scheme. (The browser suite measures
/// the same from computed styles in tests/browser/test_contrast.py.)
@Suite("heat-map contrast")
struct RenderChartContrastTests {
    @Test func contrastFollowsWCAG() throws {
        #expect(abs(RGB.black.contrast(with: .white) - 21) < 0.001)
        let grey = try #require(RGB(hex: "#777777"))
        #expect(abs(grey.contrast(with: .white) - 4.48) < 0.01)
        #expect(try #require(RGB(hex: "#0b5a8a")).over(.white, opacity: 0) == .white)
        #expect(RGB(hex: "0b5a8a") == nil)
    }

    /// Black or white always reaches 4.5:1 on any background, so every cell can pass.
    @Test func blackOrWhiteAlwaysPasses() {
        for step in 0...255 {
            let c = Double(step) / 255
            for background in [RGB(r: c, g: c, b: c), RGB(r: c, g: 0, b: 1 - c), RGB(r: 1 - c, g: c, b: 0)] {
                let ink = HeatmapPalette.ink(on: background)
                #expect(ink.contrast(with: background) >= 4.5, "\(background)")
            }
        }
    }

    /// The colours the ink is chosen for are the ones the default stylesheet paints.
    @Test func paletteIsTheStylesheets() throws {
        let css = try #require(DefaultTemplates.files["assets/style.css"])
        let dark = try #require(css.range(of: "@media screen and (prefers-color-scheme: dark)"))
        func value(_ name: String, in text: Substring) throws -> RGB {
            let line = try #require(text.range(of: "\(name): ").map { text[$0.upperBound...].prefix { $0 != ";" } })
            return try #require(RGB(hex: String(line)))
        }
        let light = css[..<dark.lowerBound], night = css[dark.upperBound...]
        #expect(HeatmapPalette.light == HeatmapPalette(background: try value("--bg", in: light), accent: try value("--accent", in: light)))
        #expect(HeatmapPalette.dark == HeatmapPalette(background: try value("--bg", in: night), accent: try value("--accent", in: night)))
    }

    @Test func schemesAreReadFromTheStylesheet() throws {
        let css = try #require(DefaultTemplates.files["assets/style.css"])
        #expect(HeatmapSchemes(stylesheet: css) == .standard)
        let own = ":root{--bg:#ffffff;--accent: #ffcc00;}\n@media (prefers-color-scheme: dark) { :root { --accent: #330066; } }\n@media print { :root { --bg: #eeeeee; } }"
        let read = HeatmapSchemes(stylesheet: own)
        #expect(read.light == HeatmapPalette(background: .white, accent: try #require(RGB(hex: "#fc0"))))
        #expect(read.dark == HeatmapPalette(background: .white, accent: try #require(RGB(hex: "#330066"))), "a colour the dark block leaves alone is the light one")
        #expect(HeatmapSchemes(stylesheet: "body { color: red }") == .standard)
    }

    /// A site whose own stylesheet paints the cells yellow gets black numbers on them.
    @Test func aSitesOwnColoursChooseTheInk() throws {
        var files = Self.unevenSite
        let css = try #require(DefaultTemplates.files["assets/style.css"])
        files["templates/assets/style.css"] = css.replacingOccurrences(of: "--accent: #0b5a8a;", with: "--accent: #ffcc00;")
        let site = try SiteFolder(files)
        defer { site.cleanup() }
        #expect(!site.build().hasErrors)
        let cells = try Self.cells(try #require(site.read("teman/index.html")))
        let yellow = HeatmapPalette(background: HeatmapPalette.light.background, accent: try #require(RGB(hex: "#ffcc00")))
        #expect(cells.count == 12)
        for cell in cells {
            let ink = cell.classes.contains("day-black") ? RGB.black : .white
            #expect(ink == .black, "count \(cell.count): \(cell.classes)")
            #expect(ink.contrast(with: yellow.cell(opacity: cell.opacity)) >= 4.5)
        }
    }

    /// Three themes over four years with counts 1 to 12: every opacity the map uses.
    static let unevenSite: [String: String] = {
        var files: [String: String] = [
            "site.yml": "title: Testportalen\nbase_url: https://example.org/\n",
            "content/themes.yml": "- slug: a\n  name: Tema A\n- slug: b\n  name: Tema B\n- slug: c\n  name: Tema C\n",
            "content/organizations.yml": "- name: Fryshuset\n",
        ]
        for (t, theme) in ["a", "b", "c"].enumerated() {
            for (y, year) in [2019, 2020, 2021, 2022].enumerated() {
                let count = t * 4 + y + 1
                for n in 1...count {
                    let day = n < 10 ? "0\(n)" : "\(n)"
                    files["content/meetings/\(year)-01-\(day)-\(theme)/index.md"] = "---\ntitle: Möte \(n)\ndate: \(year)-01-\(day)\nthemes: [\(theme)]\n---\n\nText.\n"
                }
            }
        }
        return files
    }()

    struct Cell { var opacity: Double; var classes: [String]; var count: Int }

    static func cells(_ page: String) throws -> [Cell] {
        let pattern = try Regex(#"fill-opacity="([0-9.]+)"></rect><text class="(heat-value[^"]*)"[^>]*>([0-9]+)</text>"#)
        return try page.matches(of: pattern).map { match in
            let opacity = try #require(match.output[1].substring.flatMap { Double($0) })
            let classes = try #require(match.output[2].substring).split(separator: " ").map(String.init)
            let count = try #require(match.output[3].substring.flatMap { Int($0) })
            return Cell(opacity: opacity, classes: classes, count: count)
        }
    }

    /// The fill a `.heat-value.<name>` rule gives in the default stylesheet.
    static func ink(_ name: String, css: String) -> RGB? {
        guard let rule = css.range(of: ".heat-value.\(name) { fill: ") else { return nil }
        return RGB(hex: String(css[rule.upperBound...].prefix { $0 != ";" }))
    }

    @Test func everyNumberReachesFourAndAHalfToOneInBothSchemes() throws {
        let site = try SiteFolder(Self.unevenSite)
        defer { site.cleanup() }
        let report = site.build()
        #expect(!report.hasErrors, "\(report.errors)")
        let page = try #require(site.read("teman/index.html"))
        let cells = try Self.cells(page)
        #expect(cells.map(\.count).sorted() == Array(1...12))
        let css = try #require(DefaultTemplates.files["assets/style.css"])
        for cell in cells {
            for (scheme, palette) in [("day", HeatmapPalette.light), ("night", HeatmapPalette.dark)] {
                let background = palette.cell(opacity: cell.opacity)
                let name = try #require(cell.classes.first { $0.hasPrefix(scheme + "-") }, "count \(cell.count) has no \(scheme) ink: \(cell.classes)")
                let ink = try #require(Self.ink(name, css: css), "style.css has no rule for .heat-value.\(name)")
                let ratio = ink.contrast(with: background)
                #expect(ratio >= 4.5, "count \(cell.count), \(scheme): \(ink) on \(background) is \(ratio):1")
            }
        }
    }
}
