import Foundation
import SamradCore

/// Text colours for the numbers on the theme × year heat map. Each cell is the accent
/// colour at an opacity by count over the page background, so its colour differs from
/// cell to cell and between light and dark mode; one text colour cannot reach WCAG's
/// 4.5:1 on all of them. The cell's colour is worked out here as the browser blends it,
/// and each number gets the ink (black or white) with the higher contrast on it, for
/// each mode. Between black and white one always reaches at least 4.58:1, whatever the
/// background, so every number passes.

/// An sRGB colour, channels 0…1.
struct RGB: Equatable, Sendable, CustomStringConvertible {
    var r: Double, g: Double, b: Double

    static let black = RGB(r: 0, g: 0, b: 0)
    static let white = RGB(r: 1, g: 1, b: 1)

    init(r: Double, g: Double, b: Double) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// `#rrggbb` or `#rgb`; nil for anything else.
    init?(hex: String) {
        var digits = Substring(hex.trimmed)
        guard digits.first == "#" else { return nil }
        digits = digits.dropFirst()
        if digits.count == 3 { digits = Substring(digits.flatMap { [$0, $0] }) }
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
        self.init(r: Double((value >> 16) & 0xff) / 255, g: Double((value >> 8) & 0xff) / 255, b: Double(value & 0xff) / 255)
    }

    /// This colour painted at `opacity` (0…1) over `background`, as browsers composite:
    /// per channel on the sRGB values, rounded to 8 bits like the painted pixel.
    func over(_ background: RGB, opacity: Double) -> RGB {
        func mix(_ top: Double, _ bottom: Double) -> Double { ((top * opacity + bottom * (1 - opacity)) * 255).rounded() / 255 }
        return RGB(r: mix(r, background.r), g: mix(g, background.g), b: mix(b, background.b))
    }

    /// WCAG 2 relative luminance, 0 (black) … 1 (white).
    var luminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// WCAG 2 contrast ratio, 1…21.
    func contrast(with other: RGB) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (Swift.max(a, b) + 0.05) / (Swift.min(a, b) + 0.05)
    }

    var description: String {
        func hex(_ c: Double) -> String {
            let s = String(Int((c * 255).rounded()), radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + hex(r) + hex(g) + hex(b)
    }
}

/// The two colours a heat-map cell is made of in one colour scheme, as in style.css.
struct HeatmapPalette: Equatable, Sendable {
    /// `--bg`: what the chart is drawn on.
    var background: RGB
    /// `--accent`: the cells' fill, drawn with `fill-opacity`.
    var accent: RGB

    /// The default theme's light and dark colours (Sources/SamradRender/Templates/assets/style.css;
    /// a test keeps the two the same), for a stylesheet that does not set its own.
    static let light = HeatmapPalette(background: RGB(r: 0xfd / 255, g: 0xfc / 255, b: 0xf9 / 255), accent: RGB(r: 0x0b / 255, g: 0x5a / 255, b: 0x8a / 255))
    static let dark = HeatmapPalette(background: RGB(r: 0x15 / 255, g: 0x15 / 255, b: 0x14 / 255), accent: RGB(r: 0x7c / 255, g: 0xc4 / 255, b: 0xf0 / 255))

    /// The colour of a cell drawn at `opacity`.
    func cell(opacity: Double) -> RGB { accent.over(background, opacity: opacity) }

    /// Black or white, whichever stands out more on `background`.
    static func ink(on background: RGB) -> RGB {
        background.contrast(with: .black) >= background.contrast(with: .white) ? .black : .white
    }

}

/// The heat map's colours in light and dark mode, as the site's stylesheet sets them.
struct HeatmapSchemes: Equatable, Sendable {
    var light: HeatmapPalette
    var dark: HeatmapPalette

    static let standard = HeatmapSchemes(light: .light, dark: .dark)

    /// `--bg` and `--accent` as a stylesheet sets them: light mode from the rules before
    /// its `prefers-color-scheme: dark` block, dark mode from inside that block. A colour
    /// it does not set as `#rrggbb` (or sets some other way) keeps the default theme's,
    /// so a site's own stylesheet that changes the colours gets inks chosen for them.
    init(stylesheet css: String) {
        let (before, inside) = HeatmapSchemes.split(css)
        func colour(_ name: String, in text: Substring) -> RGB? {
            guard let declaration = text.range(of: name + ":") else { return nil }
            return RGB(hex: String(text[declaration.upperBound...].prefix { $0 != ";" && $0 != "}" }))
        }
        let std = HeatmapSchemes.standard
        light = HeatmapPalette(background: colour("--bg", in: before) ?? std.light.background,
                               accent: colour("--accent", in: before) ?? std.light.accent)
        dark = HeatmapPalette(background: colour("--bg", in: inside) ?? colour("--bg", in: before) ?? std.dark.background,
                              accent: colour("--accent", in: inside) ?? colour("--accent", in: before) ?? std.dark.accent)
    }

    init(light: HeatmapPalette, dark: HeatmapPalette) {
        self.light = light
        self.dark = dark
    }

    /// The stylesheet before its dark-mode block, and the block's body (empty without one).
    static func split(_ css: String) -> (Substring, Substring) {
        guard let marker = css.range(of: "prefers-color-scheme: dark"),
              let open = css[marker.upperBound...].firstIndex(of: "{") else { return (css[...], "") }
        var depth = 0
        var i = open
        while i < css.endIndex {
            if css[i] == "{" { depth += 1 } else if css[i] == "}" {
                depth -= 1
                if depth == 0 { break }
            }
            i = css.index(after: i)
        }
        return (css[..<marker.lowerBound], css[css.index(after: open)..<i])
    }

    /// The class naming a cell's ink in each scheme: `day-black`/`day-white` for light
    /// mode, `night-black`/`night-white` for dark (style.css colours them).
    func inkClasses(opacity: Double) -> String {
        let day = HeatmapPalette.ink(on: light.cell(opacity: opacity)) == .black ? "day-black" : "day-white"
        let night = HeatmapPalette.ink(on: dark.cell(opacity: opacity)) == .black ? "night-black" : "night-white"
        return day + " " + night
    }
}
