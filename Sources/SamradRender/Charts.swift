import SamradAggregate
import SamradCore

/// Overview graphics as inline SVG made at build time: no script, no external library.
/// Each chart has a title and description for screen readers and the same numbers as a
/// table, so nothing is only visual.
enum Charts {
    static func meetingsPerYear(_ index: SiteIndex, words: DocumentWords) -> String {
        let years = index.years.map(\.year).sorted()
        guard let first = years.first, let last = years.last else { return "" }
        let all = Array(first...last)
        let counts = all.map { y in index.years.first { $0.year == y }?.meetings.count ?? 0 }
        let maxCount = Swift.max(1, counts.max() ?? 1)
        let barWidth = 36, gap = 12, height = 120, top = 18, bottom = 22
        let width = all.count * (barWidth + gap) + gap
        var svg = "<figure class=\"chart\"><svg class=\"bar-chart\" role=\"img\" aria-labelledby=\"chart-ar-titel chart-ar-besk\" viewBox=\"0 0 \(width) \(height + top + bottom)\" width=\"\(width)\" height=\"\(height + top + bottom)\">"
        let t = words.catalogue
        svg += "<title id=\"chart-ar-titel\">\(words.text("chart_per_year_title").htmlEscaped)</title>"
        svg += "<desc id=\"chart-ar-besk\">\(all.enumerated().map { "\($0.element): \(counts[$0.offset])" }.joined(separator: ", "))</desc>"
        for (i, year) in all.enumerated() {
            let h = counts[i] * height / maxCount
            let x = gap + i * (barWidth + gap)
            svg += "<rect class=\"bar\" x=\"\(x)\" y=\"\(top + height - h)\" width=\"\(barWidth)\" height=\"\(h)\"></rect>"
            svg += "<text class=\"bar-value\" x=\"\(x + barWidth / 2)\" y=\"\(top + height - h - 4)\" text-anchor=\"middle\">\(counts[i])</text>"
            svg += "<text class=\"bar-label\" x=\"\(x + barWidth / 2)\" y=\"\(top + height + 16)\" text-anchor=\"middle\">\(year)</text>"
        }
        svg += "</svg>"
        svg += "<figcaption>\(words.text("chart_per_year_caption").htmlEscaped)</figcaption></figure>"
        svg += table(caption: words.text("chart_per_year_title"), header: [t["chart_year"], t["chart_count"]], rows: all.enumerated().map { [String($0.element), String(counts[$0.offset])] }, t)
        return svg
    }

    /// Themes as rows, years as columns, darker where a theme came up in more meetings.
    /// - Parameter schemes: the colours the cells are painted in, from the site's stylesheet.
    static func themeHeatmap(_ index: SiteIndex, words: DocumentWords, schemes: HeatmapSchemes = .standard) -> String {
        let years = index.years.map(\.year).sorted()
        guard !years.isEmpty, !index.themeOrder.isEmpty else { return "" }
        // The label column fits the longest theme name (about 7 px a character at 12 px).
        let longest = index.themeOrder.map { (index.site.themes.theme($0)?.name ?? $0).count }.max() ?? 10
        let label = Swift.min(320, Swift.max(120, longest * 7 + 16)), cell = 40, rowH = 28, top = 26
        let width = label + years.count * cell + 4
        let height = top + index.themeOrder.count * rowH + 4
        let maxCount = Swift.max(1, index.themes.values.flatMap { $0.meetingsPerYear.values }.max() ?? 1)
        var svg = "<figure class=\"chart heatmap\"><div class=\"chart-scroll\"><svg class=\"heat-map\" role=\"img\" aria-labelledby=\"heatmap-titel heatmap-besk\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">"
        svg += "<title id=\"heatmap-titel\">\(words.text("heatmap_title").htmlEscaped)</title>"
        svg += "<desc id=\"heatmap-besk\">\(words.text("heatmap_description").htmlEscaped)</desc>"
        for (j, year) in years.enumerated() {
            svg += "<text class=\"axis\" x=\"\(label + j * cell + cell / 2)\" y=\"16\" text-anchor=\"middle\">\(year)</text>"
        }
        var rows: [[String]] = []
        for (i, slug) in index.themeOrder.enumerated() {
            let name = index.site.themes.theme(slug)?.name ?? slug
            let y = top + i * rowH
            svg += "<text class=\"axis\" x=\"\(label - 8)\" y=\"\(y + rowH / 2 + 5)\" text-anchor=\"end\">\(truncate(name, 44).htmlEscaped)</text>"
            var row = [name]
            for (j, year) in years.enumerated() {
                let n = index.themes[slug]?.meetingsPerYear[year] ?? 0
                row.append(String(n))
                let opacity = n == 0 ? "0.06" : String(format2(0.25 + 0.75 * Double(n) / Double(maxCount)))
                svg += "<rect class=\"heat\" x=\"\(label + j * cell + 2)\" y=\"\(y + 2)\" width=\"\(cell - 4)\" height=\"\(rowH - 4)\" rx=\"3\" fill-opacity=\"\(opacity)\"></rect>"
                if n > 0 {
                    // The number's ink is chosen for the cell's own colour, in each scheme.
                    let ink = schemes.inkClasses(opacity: Double(opacity) ?? 1)
                    svg += "<text class=\"heat-value \(ink)\" x=\"\(label + j * cell + cell / 2)\" y=\"\(y + rowH / 2 + 5)\" text-anchor=\"middle\">\(n)</text>"
                }
            }
            rows.append(row)
        }
        svg += "</svg></div><figcaption>\(words.text("heatmap_caption").htmlEscaped)</figcaption></figure>"
        svg += table(caption: words.text("heatmap_table_caption"), header: [words.catalogue["chart_theme"]] + years.map(String.init), rows: rows, words.catalogue)
        return svg
    }

    /// A tiny bar per year for theme cards. Decorative: the numbers are in the text beside it.
    static func sparkline(_ perYear: [Int: Int], years: [Int]) -> String {
        guard !years.isEmpty else { return "" }
        let maxCount = Swift.max(1, perYear.values.max() ?? 1)
        let w = 8, gap = 3, h = 24
        var svg = "<svg class=\"sparkline\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 \(years.count * (w + gap)) \(h)\" width=\"\(years.count * (w + gap))\" height=\"\(h)\">"
        for (i, y) in years.enumerated() {
            let n = perYear[y] ?? 0
            let bh = n == 0 ? 1 : Swift.max(3, n * h / maxCount)
            svg += "<rect class=\"\(n == 0 ? "spark-empty" : "spark")\" x=\"\(i * (w + gap))\" y=\"\(h - bh)\" width=\"\(w)\" height=\"\(bh)\"></rect>"
        }
        return svg + "</svg>"
    }

    static func table(caption: String, header: [String], rows: [[String]], _ t: Catalogue) -> String {
        var out = "<details class=\"chart-table\"><summary>\(t["chart_show_table"].htmlEscaped)</summary><div class=\"table-wrap\"><table><caption>\(caption.htmlEscaped)</caption><thead><tr>"
        for (i, h) in header.enumerated() { out += "<th scope=\"col\"\(i > 0 ? " class=\"align-right\"" : "")>\(h.htmlEscaped)</th>" }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (i, c) in row.enumerated() {
                out += i == 0 ? "<th scope=\"row\">\(c.htmlEscaped)</th>" : "<td class=\"align-right\">\(c.htmlEscaped)</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div></details>"
    }

    static func truncate(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

    static func format2(_ d: Double) -> String {
        let hundredths = Int((d * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
