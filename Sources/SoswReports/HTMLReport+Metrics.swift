import SoswCore
import SoswSimulation

extension HTMLReport {
    /// The simulated metrics' section: per metric and statistic its value each minute as CloudWatch reports it,
    /// with every reader's feelings thresholds drawn across (dashed, named by the health level a value at or
    /// past the line earns), so the minutes the Orchestrator slowed down line up with the metric crossing a
    /// line. Empty for a run without `metrics:`.
    var metricsSection: String {
        guard !charts.metrics.isEmpty else { return "" }
        var text = "<section class=\"block\" id=\"metrics\">\n<h2>Metrics</h2>\n<div class=\"charts\">\n"
        for (index, metric) in charts.metrics.enumerated() {
            for statistic in metric.statistics {
                text += Self.metricChart(metric, statistic: statistic, id: "metric-\(index)-\(statistic.rawValue.lowercased())").svg
                text += "\n"
            }
        }
        return text + "</div>\n</section>\n"
    }

    /// One metric's chart for one statistic, on a minute axis from the run's first to its last minute with data.
    static func metricChart(_ metric: MetricFigures, statistic: MetricStatistic, id: String) -> LineChart {
        let values = Dictionary(metric.series.map { ($0.minute, $0.value(statistic)) }, uniquingKeysWith: { $1 })
        let minutes = Array(min(metric.series.first?.minute ?? 0, 0)...(metric.series.last?.minute ?? 0))
        let readers = metric.readers.filter { $0.statistic == statistic }
        let limits = readers.flatMap { reader in
            reader.feelings.map { feeling in
                let who = readers.count > 1 ? "\(reader.labourerID): " : ""
                return LineChart.Limit(
                    name: "\(who)health \(feeling.level) (\(Self.levelName(feeling.level))) \(reader.comparison.rawValue)",
                    value: feeling.threshold, color: Self.levelColor(feeling.level))
            }
        }
        let readBy = readers.map { "\($0.labourerID)'s \($0.healthMetric)" }.joined(separator: ", ")
        return LineChart(
            id: id, title: "\(metric.name) (\(statistic.rawValue) per minute)",
            summary: "\(metric.label): the \(statistic.rawValue) of each minute, as CloudWatch reports it with a "
                + "60-second period"
                + (readBy.isEmpty ? "; no labourer's health reads it." : "; read by \(readBy), whose thresholds are the dashed lines."),
            yTitle: "\(metric.name) (\(statistic.rawValue))", minutes: minutes,
            series: [.init(name: statistic.rawValue, color: Self.metricColor, values: minutes.map { values[$0] })],
            limits: limits)
    }

    private static let metricColor = "#0f766e"

    /// sosw's names of the health levels 0 … 4.
    private static func levelName(_ level: Int) -> String {
        ["bad", "poor", "moderate", "good", "high"][min(max(level, 0), 4)]
    }

    /// Better levels in calmer colours, the last line before "bad" in the limit red.
    private static func levelColor(_ level: Int) -> String {
        ["#dc2626", "#ea580c", "#d97706", "#ca8a04", "#16a34a"][min(max(level, 0), 4)]
    }
}
