/// What every chart of the report shares: the view box, the plot area, the title and description SVG
/// readers announce, the legend, the grid, the axes with their ticks and titles. Charts draw their marks
/// inside `plot` and hand them to `svg(marks:)`.
struct ChartFrame {
    /// The view box; the page scales it to its column (about 580 px at 1200 px wide, so 1 unit ≈ 1 px).
    static let width = 580.0
    static let height = 270.0
    /// The plot area inside the view box: room left for y labels, above for title and legend, below for
    /// x labels and the axis title.
    static let plotLeft = 64.0
    static let plotRight = 562.0
    static let plotTop = 48.0
    static let plotBottom = 224.0

    struct LegendEntry {
        var name: String
        var color: String
        var dashed = false
    }

    struct Tick {
        /// Where along the axis, in view-box units.
        var position: Double
        var label: String
    }

    /// Unique on the page; the ids of the title and description derive from it.
    var id: String
    var title: String
    /// The chart in one or two sentences, for screen readers (`<desc>`).
    var summary: String
    var xTitle: String
    /// Empty when the tick labels say it all (the health levels' names).
    var yTitle: String
    var xTicks: [Tick]
    var yTicks: [Tick]
    var legend: [LegendEntry]
    /// Further attributes of the `<svg>` element (already escaped), e.g. the hover data.
    var attributes = ""

    func svg(marks: String) -> String {
        let c = ChartNumber.coordinate
        let id = Markup.escape(id)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(c(Self.width)) \(c(Self.height))\" "
        svg += "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"11\"\(attributes)>"
        svg += "<title id=\"\(id)-title\">\(Markup.escape(title))</title>"
        svg += "<desc id=\"\(id)-desc\">\(Markup.escape(summary))</desc>"
        svg += "<rect width=\"\(c(Self.width))\" height=\"\(c(Self.height))\" fill=\"#ffffff\"/>"
        svg += "<text x=\"\(c(Self.plotLeft))\" y=\"18\" font-size=\"13\" font-weight=\"600\" fill=\"#111827\">\(Markup.escape(title))</text>"
        svg += legendMarkup()
        svg += "<g stroke=\"#e5e7eb\" stroke-width=\"1\">"
        for tick in yTicks {
            svg += "<line x1=\"\(c(Self.plotLeft))\" x2=\"\(c(Self.plotRight))\" y1=\"\(c(tick.position))\" y2=\"\(c(tick.position))\"/>"
        }
        svg += "</g>"
        svg += marks
        svg += "<g stroke=\"#6b7280\" stroke-width=\"1\">"
        svg += "<line x1=\"\(c(Self.plotLeft))\" x2=\"\(c(Self.plotRight))\" y1=\"\(c(Self.plotBottom))\" y2=\"\(c(Self.plotBottom))\"/>"
        svg += "<line x1=\"\(c(Self.plotLeft))\" x2=\"\(c(Self.plotLeft))\" y1=\"\(c(Self.plotTop))\" y2=\"\(c(Self.plotBottom))\"/>"
        for tick in xTicks {
            svg += "<line x1=\"\(c(tick.position))\" x2=\"\(c(tick.position))\" y1=\"\(c(Self.plotBottom))\" y2=\"\(c(Self.plotBottom + 4))\"/>"
        }
        svg += "</g><g fill=\"#374151\">"
        for tick in yTicks {
            svg += "<text x=\"\(c(Self.plotLeft - 6))\" y=\"\(c(tick.position + 4))\" text-anchor=\"end\">\(Markup.escape(tick.label))</text>"
        }
        for tick in xTicks {
            svg += "<text x=\"\(c(tick.position))\" y=\"\(c(Self.plotBottom + 17))\" text-anchor=\"middle\">\(Markup.escape(tick.label))</text>"
        }
        let middleX = (Self.plotLeft + Self.plotRight) / 2
        let middleY = (Self.plotTop + Self.plotBottom) / 2
        svg += "<text x=\"\(c(middleX))\" y=\"\(c(Self.height - 12))\" text-anchor=\"middle\" fill=\"#6b7280\">\(Markup.escape(xTitle))</text>"
        if !yTitle.isEmpty {
            svg += "<text transform=\"translate(14 \(c(middleY))) rotate(-90)\" text-anchor=\"middle\" fill=\"#6b7280\">\(Markup.escape(yTitle))</text>"
        }
        svg += "</g></svg>"
        return svg
    }

    /// One row above the plot: a swatch and a name per entry, spaced by an estimate of the text's width
    /// (there is no text measuring without a browser).
    private func legendMarkup() -> String {
        let c = ChartNumber.coordinate
        var x = Self.plotLeft
        var markup = "<g font-size=\"11\" fill=\"#374151\">"
        for entry in legend {
            let dash = entry.dashed ? " stroke-dasharray=\"5 3\"" : ""
            markup += "<line x1=\"\(c(x))\" x2=\"\(c(x + 18))\" y1=\"34\" y2=\"34\" stroke=\"\(entry.color)\" stroke-width=\"2.5\"\(dash)/>"
            markup += "<text x=\"\(c(x + 23))\" y=\"38\">\(Markup.escape(entry.name))</text>"
            x += 23 + Double(entry.name.count) * 6.2 + 16
        }
        return markup + "</g>"
    }
}
