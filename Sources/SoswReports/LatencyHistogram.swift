/// The distribution of task latencies as an SVG histogram, with the percentiles marked: a few dozen bars of
/// a round width (30 s, 5 m, …) whatever the number of tasks, each bar titled with its range and count, the
/// percentiles as dashed lines named with their values in the legend.
struct LatencyHistogram {
    struct Marker {
        var name: String
        var seconds: Double
        var color: String
    }

    var id: String
    var title: String
    var summary: String
    /// Latencies in seconds, any order.
    var samples: [Double]
    var markers: [Marker]
    var color = "#2563eb"

    static let maximumBins = 40

    /// Round bar widths, in seconds, tried smallest first.
    static let binWidths: [Double] = [
        0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
        3600, 7200, 10800, 21600, 43200, 86400,
    ]

    /// The bar width and the count of samples in each bar, the first bar starting at 0; the largest sample
    /// falls in the last bar.
    var bins: (width: Double, counts: [Int]) {
        let largest = max(samples.max() ?? 0, markers.map(\.seconds).max() ?? 0)
        let width = Self.binWidths.first { largest / $0 < Double(Self.maximumBins) }
            ?? (largest / Double(Self.maximumBins - 1)).rounded(.up)
        var counts = Array(repeating: 0, count: Int(largest / width) + 1)
        for sample in samples {
            counts[min(Int(sample / width), counts.count - 1)] += 1
        }
        return (width, counts)
    }

    var svg: String {
        let c = ChartNumber.coordinate
        let (width, counts) = bins
        let xScale = ChartScale(
            domain: 0...(width * Double(counts.count)), start: ChartFrame.plotLeft, end: ChartFrame.plotRight)
        let tallest = Double(counts.max() ?? 0)
        let top = tallest > 0 ? tallest : 1
        let yScale = ChartScale(domain: 0...top, start: ChartFrame.plotBottom, end: ChartFrame.plotTop)
        var marks = "<g fill=\"\(color)\" fill-opacity=\"0.8\">"
        for (index, count) in counts.enumerated() where count > 0 {
            let left = xScale.position(Double(index) * width)
            let right = xScale.position(Double(index + 1) * width)
            let y = yScale.position(Double(count))
            let range = "\(RunSummary.duration(Double(index) * width))–\(RunSummary.duration(Double(index + 1) * width))"
            marks += "<rect x=\"\(c(left + 0.5))\" y=\"\(c(y))\" width=\"\(c(max(right - left - 1, 0.5)))\" "
            marks += "height=\"\(c(ChartFrame.plotBottom - y))\"><title>\(range): \(count) task\(count == 1 ? "" : "s")</title></rect>"
        }
        marks += "</g>"
        if samples.isEmpty {
            marks += "<text x=\"\(c((ChartFrame.plotLeft + ChartFrame.plotRight) / 2))\" y=\"\(c((ChartFrame.plotTop + ChartFrame.plotBottom) / 2))\" "
            marks += "text-anchor=\"middle\" fill=\"#6b7280\">no task closed</text>"
        } else {
            for marker in markers {
                let x = c(xScale.position(marker.seconds))
                marks += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(c(ChartFrame.plotTop))\" y2=\"\(c(ChartFrame.plotBottom))\" "
                marks += "stroke=\"\(marker.color)\" stroke-width=\"2\" stroke-dasharray=\"5 3\"><title>\(Markup.escape(marker.name)) "
                marks += "\(RunSummary.duration(marker.seconds))</title></line>"
            }
        }
        let tickEvery = max(1, Int((Double(counts.count) / 8).rounded(.up)))
        let xTicks = stride(from: 0, through: counts.count, by: tickEvery).map { index in
            ChartFrame.Tick(position: xScale.position(Double(index) * width), label: RunSummary.duration(Double(index) * width))
        }
        let frame = ChartFrame(
            id: id, title: title, summary: summary, xTitle: "latency, creation to archive", yTitle: "tasks",
            xTicks: xTicks,
            yTicks: ChartScale.ticks(upTo: top, atMost: 5).map { .init(position: yScale.position($0), label: ChartNumber.count($0)) },
            legend: [.init(name: "tasks per \(RunSummary.duration(width))", color: color)]
                + markers.map { .init(name: "\($0.name) \(RunSummary.duration($0.seconds))", color: $0.color, dashed: true) })
        return frame.svg(marks: marks)
    }
}
