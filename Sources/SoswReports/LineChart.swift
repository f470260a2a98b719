import SoswCore

/// A time chart of per-minute series (queue length, running, invocations, …) with optional horizontal
/// limits (a labourer's cap, a function's reserved concurrency), as inline SVG. The y axis runs from 0 to the
/// largest value or limit, so a series' peak touches the top of the plot and a zero lies on its bottom.
struct LineChart {
    struct Series {
        var name: String
        var color: String
        /// One per minute of the chart; nil where the series has no value (a gap in the line).
        var values: [Double?]
    }

    /// A horizontal line across the plot, drawn dashed.
    struct Limit {
        var name: String
        var value: Double
        var color: String
    }

    /// A vertical line at a moment of the run (when it drained).
    struct Moment {
        var name: String
        var minute: Double
    }

    var id: String
    var title: String
    var summary: String
    var yTitle: String
    /// The minute of each value, ascending by one.
    var minutes: [Int]
    var series: [Series]
    var limits: [Limit] = []
    var moments: [Moment] = []
    /// A fixed top for the y axis (health levels end at 4); nil to fit the data.
    var fixedTop: Double?
    /// Labels for the y ticks, e.g. health level names; counts when nil.
    var yLabel: ((Double) -> String)?

    /// The top of the y axis: the fixed top, else the largest value or limit (1 when everything is 0).
    var top: Double {
        if let fixedTop { return fixedTop }
        let values = series.flatMap { $0.values.compactMap { $0 } } + limits.map(\.value)
        let largest = values.max() ?? 0
        return largest > 0 ? largest : 1
    }

    var timeAxis: TimeAxis {
        TimeAxis(firstMinute: minutes.first ?? 0, lastMinute: minutes.last ?? 0)
    }

    var xScale: ChartScale {
        ChartScale(domain: timeAxis.domain, start: ChartFrame.plotLeft, end: ChartFrame.plotRight)
    }

    var yScale: ChartScale {
        ChartScale(domain: 0...top, start: ChartFrame.plotBottom, end: ChartFrame.plotTop)
    }

    var svg: String {
        let c = ChartNumber.coordinate
        let xScale = xScale
        let yScale = yScale
        var marks = ""
        for limit in limits {
            let y = c(yScale.position(limit.value))
            marks += "<line x1=\"\(c(ChartFrame.plotLeft))\" x2=\"\(c(ChartFrame.plotRight))\" y1=\"\(y)\" y2=\"\(y)\" "
            marks += "stroke=\"\(limit.color)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
        }
        for moment in moments where timeAxis.domain.contains(moment.minute) {
            let x = xScale.position(moment.minute)
            let nearRightEdge = x > ChartFrame.plotRight - 60
            marks += "<line x1=\"\(c(x))\" x2=\"\(c(x))\" y1=\"\(c(ChartFrame.plotTop))\" y2=\"\(c(ChartFrame.plotBottom))\" "
            marks += "stroke=\"\(Palette.moment)\" stroke-width=\"1\" stroke-dasharray=\"2 3\"/>"
            marks += "<text x=\"\(c(nearRightEdge ? x - 4 : x + 4))\" y=\"\(c(ChartFrame.plotTop + 10))\" text-anchor=\"\(nearRightEdge ? "end" : "start")\" "
            marks += "fill=\"\(Palette.moment)\">\(Markup.escape(moment.name))</text>"
        }
        for series in series {
            let path = Self.path(series.values, minutes: minutes, xScale: xScale, yScale: yScale)
            guard !path.isEmpty else { continue }
            marks += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(series.color)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>"
        }
        marks += "<line class=\"guide\" x1=\"0\" x2=\"0\" y1=\"\(c(ChartFrame.plotTop))\" y2=\"\(c(ChartFrame.plotBottom))\" "
        marks += "stroke=\"#9ca3af\" stroke-width=\"1\" visibility=\"hidden\"/>"
        let label = yLabel ?? { ChartNumber.count($0) }
        let frame = ChartFrame(
            id: id, title: title, summary: summary, xTitle: "time since start", yTitle: yTitle,
            xTicks: timeAxis.ticks.map { .init(position: xScale.position(Double($0)), label: TimeAxis.label(minute: $0)) },
            yTicks: ChartScale.ticks(upTo: top, atMost: 5).map { .init(position: yScale.position($0), label: label($0)) },
            legend: series.map { .init(name: $0.name, color: $0.color) }
                + limits.map { .init(name: "\($0.name) \(ChartNumber.count($0.value))", color: $0.color, dashed: true) },
            attributes: hoverAttributes)
        return frame.svg(marks: marks)
    }

    /// The values behind the lines, for the page's optional hover script: the minute domain, the plot's
    /// left and right edges, and each series as `[name, [values…]]` JSON.
    private var hoverAttributes: String {
        let data = JSONValue.array(series.map { series in
            .array([.string(series.name), .array(series.values.map(Self.hoverValue))])
        })
        let c = ChartNumber.coordinate
        return " data-first-minute=\"\(minutes.first ?? 0)\" data-plot=\"\(c(ChartFrame.plotLeft)) \(c(ChartFrame.plotRight)) "
            + "\(c(timeAxis.domain.lowerBound)) \(c(timeAxis.domain.upperBound))\" data-series=\"\(Markup.escape(data.serialized()))\""
    }

    private static func hoverValue(_ value: Double?) -> JSONValue {
        guard let value else { return .null }
        return value == value.rounded() && value.magnitude < 1e15 ? .int(Int64(value)) : .double(value)
    }

    /// An SVG path through the points, broken where a value is missing. Runs of equal values keep only
    /// their ends, and a series longer than the plot is wide keeps each stretch's lowest and highest value
    /// (peaks survive), so a day of minutes stays a few kilobytes.
    static func path(_ values: [Double?], minutes: [Int], xScale: ChartScale, yScale: ChartScale) -> String {
        let width = Int(ChartFrame.plotRight - ChartFrame.plotLeft)
        let stretch = values.count > 2 * width ? (values.count + width - 1) / width : 1
        var segments: [[(x: Double, y: Double)]] = [[]]
        var index = 0
        while index < values.count {
            let end = min(index + stretch, values.count)
            let present = (index..<end).compactMap { position in values[position].map { (position, $0) } }
            if present.isEmpty {
                if !(segments.last?.isEmpty ?? true) { segments.append([]) }
            } else if stretch == 1 {
                segments[segments.count - 1].append((Double(minutes[index]), present[0].1))
            } else {
                let low = present.min { $0.1 < $1.1 }!
                let high = present.max { $0.1 < $1.1 }!
                for point in [low, high].sorted(by: { $0.0 < $1.0 }) {
                    segments[segments.count - 1].append((Double(minutes[point.0]), point.1))
                }
            }
            index = end
        }
        let c = ChartNumber.coordinate
        var path = ""
        for segment in segments where !segment.isEmpty {
            for (position, point) in segment.enumerated() {
                let isInsideRun = position > 0 && position < segment.count - 1
                    && segment[position - 1].y == point.y && segment[position + 1].y == point.y
                if isInsideRun { continue }
                path += (position == 0 ? "M" : "L") + c(xScale.position(point.x)) + "," + c(yScale.position(point.y))
            }
        }
        return path
    }
}
