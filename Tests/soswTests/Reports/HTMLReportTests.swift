import Foundation
import SoswCore
@testable import SoswReports
import Testing

@Suite("report.html")
struct HTMLReportTests {
    @Test("the same run renders byte-identical pages; a different wall time changes only the header")
    func deterministic() {
        let first = HTMLReportFixture.html()
        #expect(first == HTMLReportFixture.html())
        let slower = HTMLReportFixture.html(summary: HTMLReportFixture.summary(wallSeconds: 7.5))
        #expect(slower != first)
        let afterHeader = { (page: String) in page.components(separatedBy: "</header>")[1] }
        #expect(afterHeader(slower) == afterHeader(first))
        #expect(first.contains("1.250 s"))
        #expect(slower.contains("7.500 s"))
    }

    @Test("every chart is there for each labourer and function, once, with a title and a description")
    func everyChart() throws {
        let page = HTMLReportFixture.html()
        var expected: [String] = []
        for labourer in 0..<2 {
            expected += ["queue", "running", "invocations", "failures", "health", "latency"].map { "labourer-\(labourer)-\($0)" }
        }
        for function in 0..<2 {
            expected += ["concurrency", "throttles"].map { "function-\(function)-\($0)" }
        }
        let svgs = XMLWellFormedness.svgElements(of: page)
        #expect(svgs.count == expected.count)
        for id in expected {
            let matching = svgs.filter { $0.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\"") }
            #expect(matching.count == 1, "chart \(id)")
            let svg = try #require(matching.first)
            #expect(svg.contains("<title id=\"\(id)-title\">"))
            #expect(svg.contains("<desc id=\"\(id)-desc\">"))
            #expect(svg.contains("aria-labelledby=\"\(id)-title \(id)-desc\""))
        }
        for text in ["Queue length", "Running vs cap", "Invocations per minute", "Retries, expired and dead per minute",
                     "Health", "Latency distribution", "Concurrency", "Throttles per minute", "cap 5", "reserved 8",
                     "p50 1m", "p90 4m", "p99 10m", "drained after 25m", "<code>feedface</code>", "dynamodb.Query"] {
            #expect(page.contains(text), "the page should show \(text)")
        }
    }

    @Test("expectations appear with pass and fail, and the failure's reason")
    func expectations() {
        let page = HTMLReportFixture.html()
        #expect(page.contains("<span class=\"badge bad\">1 of 2 hold</span>"))
        #expect(page.contains("<tr><td><span class=\"badge bad\">fail</span></td><td>dead at most 0</td><td>1</td><td>expected at most 0</td></tr>"))
        #expect(page.contains("<tr><td><span class=\"badge good\">pass</span></td><td>completed between 9 and 10</td><td>9</td><td></td></tr>"))
        var summary = HTMLReportFixture.summary()
        summary.expectations = []
        #expect(!HTMLReportFixture.html(summary: summary).contains("id=\"expectations\""))
    }

    @Test("a series' peak touches the top of the plot, a zero its bottom, the last minute its right edge")
    func lineCoordinates() {
        let chart = LineChart(
            id: "c", title: "t", summary: "s", yTitle: "y", minutes: [0, 1, 2, 3],
            series: [.init(name: "n", color: "#000", values: [0, 5, 10, 10])])
        let c = ChartNumber.coordinate
        let left = c(ChartFrame.plotLeft), right = c(ChartFrame.plotRight)
        let top = c(ChartFrame.plotTop), bottom = c(ChartFrame.plotBottom)
        let middle = c((ChartFrame.plotTop + ChartFrame.plotBottom) / 2)
        let x1 = c(ChartFrame.plotLeft + (ChartFrame.plotRight - ChartFrame.plotLeft) / 3)
        let x2 = c(ChartFrame.plotLeft + 2 * (ChartFrame.plotRight - ChartFrame.plotLeft) / 3)
        #expect(chart.svg.contains("d=\"M\(left),\(bottom)L\(x1),\(middle)L\(x2),\(top)L\(right),\(top)\""))

        let capped = LineChart(
            id: "c", title: "t", summary: "s", yTitle: "y", minutes: [0, 1], series: [.init(name: "n", color: "#000", values: [2, 4])],
            limits: [.init(name: "cap", value: 8, color: "#f00")])
        #expect(capped.top == 8)
        #expect(capped.svg.contains("y1=\"\(top)\" y2=\"\(top)\" stroke=\"#f00\""), "the cap, being the largest, lies on the top")
        let halfway = c((ChartFrame.plotTop + ChartFrame.plotBottom) / 2)
        #expect(capped.svg.contains("L\(right),\(halfway)"), "4 of 8 lies halfway up")
    }

    @Test("runs of equal values keep their ends, gaps break the line, and a long series keeps its peak")
    func pathShape() {
        let scale = ChartScale(domain: 0...5, start: 0, end: 50)
        let y = ChartScale(domain: 0...1, start: 10, end: 0)
        #expect(LineChart.path([1, 1, 1, 1, nil, 0], minutes: Array(0...5), xScale: scale, yScale: y) == "M0,0L30,0M50,10")

        let minutes = Array(0..<5000)
        let values: [Double?] = minutes.map { $0 == 2345 ? 100 : Double($0 % 7) }
        let long = LineChart(id: "l", title: "t", summary: "s", yTitle: "y", minutes: minutes, series: [.init(name: "n", color: "#000", values: values)])
        let path = LineChart.path(values, minutes: minutes, xScale: long.xScale, yScale: long.yScale)
        #expect(path.contains(",\(ChartNumber.coordinate(ChartFrame.plotTop))"), "the single peak of 100 survives")
        let points = path.filter { $0 == "L" }.count + 1
        #expect(points <= 2 * Int(ChartFrame.plotRight - ChartFrame.plotLeft) + 2, "got \(points) points for 5000 minutes")
    }

    @Test("the histogram bins every sample at a round width and its tallest bar reaches the top")
    func histogram() throws {
        let samples: [Double] = [5, 10, 12, 14, 50, 58, 59, 119]
        let histogram = LatencyHistogram(
            id: "h", title: "t", summary: "s", samples: samples, markers: [.init(name: "p50", seconds: 50, color: "#000")])
        let (width, counts) = histogram.bins
        #expect(width == 5)
        #expect(counts.count == 24)
        #expect(counts.reduce(0, +) == samples.count)
        #expect(counts[1] == 1 && counts[2] == 3 && counts[11] == 2 && counts[23] == 1)
        let svg = histogram.svg
        #expect(svg.contains("y=\"\(ChartNumber.coordinate(ChartFrame.plotTop))\""), "the bar of 3 reaches the top")
        #expect(svg.contains("<title>10s–15s: 3 tasks</title>") && svg.contains("<title>55s–1m: 2 tasks</title>"))
        #expect(svg.contains("<title>p50 50s</title>"))
        #expect(XMLWellFormedness.error(in: svg) == nil)

        let many = LatencyHistogram(id: "m", title: "t", summary: "s", samples: (0..<10_000).map { Double($0) }, markers: [])
        #expect(many.bins.counts.count <= LatencyHistogram.maximumBins)
        #expect(many.svg.components(separatedBy: "<rect").count - 1 <= LatencyHistogram.maximumBins + 1, "one rect per bar, not per task")
        #expect(LatencyHistogram(id: "e", title: "t", summary: "s", samples: [], markers: []).svg.contains("no task closed"))
    }

    @Test("time ticks are round minutes or hours, at most eight, and labelled as such")
    func timeAxis() {
        #expect(TimeAxis(firstMinute: 0, lastMinute: 22).ticks == [0, 5, 10, 15, 20])
        #expect(TimeAxis(firstMinute: 0, lastMinute: 720).ticks == [0, 120, 240, 360, 480, 600, 720])
        #expect(TimeAxis(firstMinute: 0, lastMinute: 0).ticks == [0, 1])
        #expect(["45m", "1h", "1h 30m", "1d", "1d 4h"] == [45, 60, 90, 1440, 1680].map(TimeAxis.label(minute:)))
        #expect(ChartScale.ticks(upTo: 190, atMost: 5) == [0, 50, 100, 150])
        #expect(ChartScale.ticks(upTo: 4, atMost: 5) == [0, 1, 2, 3, 4])
        #expect(ChartNumber.coordinate(12.04) == "12" && ChartNumber.coordinate(-0.25) == "-0.3" && ChartNumber.count(12_500) == "12.5k")
    }

    @Test("hostile names from the scenario are escaped everywhere: no markup, no script gets in")
    func escaping() throws {
        let hostile = "<script>alert(\"x\")</script>&'<img src=x onerror=alert(1)>"
        let summary = HTMLReportFixture.summary(
            scenario: hostile, description: hostile, labourers: [hostile, "b\"><svg onload=alert(2)>"], functions: [hostile, "f"],
            expectation: hostile)
        let charts = HTMLReportFixture.charts(labourers: [hostile, "b\"><svg onload=alert(2)>"], functions: [hostile, "f"])
        let page = HTMLReportFixture.html(summary: summary, charts: charts)
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("<svg onload"))
        #expect(page.components(separatedBy: "<script").count == 2, "only the page's own hover script")
        #expect(page.contains("<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;&lt;img src=x onerror=alert(1)&gt;</h1>"))
        #expect(page.contains("Labourer <code>b&quot;&gt;&lt;svg onload=alert(2)&gt;</code>"))
        for svg in XMLWellFormedness.svgElements(of: page) {
            #expect(XMLWellFormedness.error(in: svg) == nil, "\(svg.prefix(200))")
        }
        #expect(XMLWellFormedness.error(in: page) == nil)
        // The hover data still carries the name, as JSON inside an escaped attribute.
        #expect(page.contains("data-series=\"[[&quot;queued&quot;,[29,28,"))
    }

    @Test("the page and every SVG in it are well-formed XML")
    func wellFormed() {
        let page = HTMLReportFixture.html()
        let svgs = XMLWellFormedness.svgElements(of: page)
        #expect(!svgs.isEmpty)
        for svg in svgs {
            #expect(XMLWellFormedness.error(in: svg) == nil, "\(svg.prefix(120))")
        }
        #expect(XMLWellFormedness.error(in: page) == nil)
        #expect(!page.contains("<link") && !page.contains(" src=") && !page.contains("url("), "nothing is loaded from the network")
    }
}
